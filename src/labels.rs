//! Display names of the CAME verbs, crossed strategies and statuses, per label set.

use crate::domain::{Came, Crossed, LabelSet, Status};
use crate::i18n::Lang;

/// Name of a CAME quadrant: Mantener, Corregir, Explotar, Afrontar (or Adaptar).
pub fn came(lang: Lang, set: LabelSet, c: Came) -> &'static str {
    match (lang, c, set) {
        (Lang::Es, Came::Maintain, _) => "Mantener",
        (Lang::Es, Came::Correct, _) => "Corregir",
        (Lang::Es, Came::Exploit, _) => "Explotar",
        (Lang::Es, Came::Confront, LabelSet::Classic) => "Afrontar",
        (Lang::Es, Came::Confront, LabelSet::SocialWork) => "Adaptar",
        (Lang::En, Came::Maintain, _) => "Maintain",
        (Lang::En, Came::Correct, _) => "Correct",
        (Lang::En, Came::Exploit, _) => "Exploit",
        (Lang::En, Came::Confront, LabelSet::Classic) => "Confront",
        (Lang::En, Came::Confront, LabelSet::SocialWork) => "Adapt",
    }
}

/// Name of a crossed strategy kind.
pub fn crossed(lang: Lang, set: LabelSet, k: Crossed) -> &'static str {
    match (lang, set, k) {
        (Lang::Es, LabelSet::Classic, Crossed::FO) => "Estrategias ofensivas",
        (Lang::Es, LabelSet::Classic, Crossed::DO) => "Estrategias de reorientación",
        (Lang::Es, LabelSet::Classic, Crossed::FA) => "Estrategias defensivas",
        (Lang::Es, LabelSet::Classic, Crossed::DA) => "Estrategias de supervivencia",
        (Lang::Es, LabelSet::SocialWork, Crossed::FO) => "Información y promoción",
        (Lang::Es, LabelSet::SocialWork, Crossed::DO) => "Atención integral",
        (Lang::Es, LabelSet::SocialWork, Crossed::FA) => "Prevención, sensibilización y mediación",
        (Lang::Es, LabelSet::SocialWork, Crossed::DA) => "Incidencia política, planificación y evaluación",
        (Lang::En, LabelSet::Classic, Crossed::FO) => "Offensive strategies",
        (Lang::En, LabelSet::Classic, Crossed::DO) => "Reorientation strategies",
        (Lang::En, LabelSet::Classic, Crossed::FA) => "Defensive strategies",
        (Lang::En, LabelSet::Classic, Crossed::DA) => "Survival strategies",
        (Lang::En, LabelSet::SocialWork, Crossed::FO) => "Information and promotion",
        (Lang::En, LabelSet::SocialWork, Crossed::DO) => "Comprehensive care",
        (Lang::En, LabelSet::SocialWork, Crossed::FA) => "Prevention, awareness and mediation",
        (Lang::En, LabelSet::SocialWork, Crossed::DA) => "Advocacy, planning and evaluation",
    }
}

/// Name of an action status.
pub fn status(lang: Lang, s: Status) -> &'static str {
    match (lang, s) {
        (Lang::Es, Status::Pending) => "pendiente",
        (Lang::Es, Status::InProgress) => "en curso",
        (Lang::Es, Status::Done) => "hecha",
        (Lang::Es, Status::Dropped) => "descartada",
        (Lang::En, Status::Pending) => "pending",
        (Lang::En, Status::InProgress) => "in progress",
        (Lang::En, Status::Done) => "done",
        (Lang::En, Status::Dropped) => "dropped",
    }
}
