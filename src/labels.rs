//! Display labels of the CAME verbs, the crossed strategies and action statuses:
//! one table for the exports and the TUI, per language and per the session's
//! [`LabelSet`] (classic, or the social-work functions some teams prefer).

use crate::domain::{Came, Crossed, LabelSet, Status};
use crate::i18n::Lang;

/// The CAME verb: Mantener, Corregir, Explotar, Afrontar (or *Adaptar* in the
/// social-work set); Maintain, Correct, Exploit, Confront (or *Adapt*).
pub fn came(lang: Lang, set: LabelSet, c: Came) -> &'static str {
    match (lang, c) {
        (Lang::Es, Came::Maintain) => "Mantener",
        (Lang::Es, Came::Correct) => "Corregir",
        (Lang::Es, Came::Exploit) => "Explotar",
        (Lang::Es, Came::Confront) => match set {
            LabelSet::Classic => "Afrontar",
            LabelSet::SocialWork => "Adaptar",
        },
        (Lang::En, Came::Maintain) => "Maintain",
        (Lang::En, Came::Correct) => "Correct",
        (Lang::En, Came::Exploit) => "Exploit",
        (Lang::En, Came::Confront) => match set {
            LabelSet::Classic => "Confront",
            LabelSet::SocialWork => "Adapt",
        },
    }
}

/// The full name of a kind of crossed strategy, as a heading:
/// "Estrategias ofensivas", "Información y promoción", "Offensive strategies"...
pub fn crossed(lang: Lang, set: LabelSet, k: Crossed) -> &'static str {
    match (set, lang, k) {
        (LabelSet::Classic, Lang::Es, Crossed::FO) => "Estrategias ofensivas",
        (LabelSet::Classic, Lang::Es, Crossed::DO) => "Estrategias de reorientación",
        (LabelSet::Classic, Lang::Es, Crossed::FA) => "Estrategias defensivas",
        (LabelSet::Classic, Lang::Es, Crossed::DA) => "Estrategias de supervivencia",
        (LabelSet::Classic, Lang::En, Crossed::FO) => "Offensive strategies",
        (LabelSet::Classic, Lang::En, Crossed::DO) => "Reorientation strategies",
        (LabelSet::Classic, Lang::En, Crossed::FA) => "Defensive strategies",
        (LabelSet::Classic, Lang::En, Crossed::DA) => "Survival strategies",
        (LabelSet::SocialWork, Lang::Es, Crossed::FO) => "Información y promoción",
        (LabelSet::SocialWork, Lang::Es, Crossed::DO) => "Atención integral",
        (LabelSet::SocialWork, Lang::Es, Crossed::FA) => "Prevención, sensibilización y mediación",
        (LabelSet::SocialWork, Lang::Es, Crossed::DA) => "Incidencia política, planificación y evaluación",
        (LabelSet::SocialWork, Lang::En, Crossed::FO) => "Information and promotion",
        (LabelSet::SocialWork, Lang::En, Crossed::DO) => "Comprehensive care",
        (LabelSet::SocialWork, Lang::En, Crossed::FA) => "Prevention, awareness and mediation",
        (LabelSet::SocialWork, Lang::En, Crossed::DA) => "Advocacy, planning and evaluation",
    }
}

/// A short name for narrow places (grid titles): "Ofensivas", "Atención integral",
/// "Survival", "Advocacy"...
pub fn crossed_short(lang: Lang, set: LabelSet, k: Crossed) -> &'static str {
    match (set, lang, k) {
        (LabelSet::Classic, Lang::Es, Crossed::FO) => "Ofensivas",
        (LabelSet::Classic, Lang::Es, Crossed::DO) => "De reorientación",
        (LabelSet::Classic, Lang::Es, Crossed::FA) => "Defensivas",
        (LabelSet::Classic, Lang::Es, Crossed::DA) => "De supervivencia",
        (LabelSet::Classic, Lang::En, Crossed::FO) => "Offensive",
        (LabelSet::Classic, Lang::En, Crossed::DO) => "Reorientation",
        (LabelSet::Classic, Lang::En, Crossed::FA) => "Defensive",
        (LabelSet::Classic, Lang::En, Crossed::DA) => "Survival",
        (LabelSet::SocialWork, Lang::Es, Crossed::FO) => "Información",
        (LabelSet::SocialWork, Lang::Es, Crossed::DO) => "Atención integral",
        (LabelSet::SocialWork, Lang::Es, Crossed::FA) => "Prevención",
        (LabelSet::SocialWork, Lang::Es, Crossed::DA) => "Incidencia",
        (LabelSet::SocialWork, Lang::En, Crossed::FO) => "Information",
        (LabelSet::SocialWork, Lang::En, Crossed::DO) => "Comprehensive care",
        (LabelSet::SocialWork, Lang::En, Crossed::FA) => "Prevention",
        (LabelSet::SocialWork, Lang::En, Crossed::DA) => "Advocacy",
    }
}

/// The pair's code as readers of each language know it: FO, DO, FA, DA in
/// Spanish; SO, WO, ST, WT (TOWS) in English. IDs keep the Spanish prefix.
pub fn crossed_code(lang: Lang, k: Crossed) -> &'static str {
    match (lang, k) {
        (Lang::Es, k) => k.prefix(),
        (Lang::En, Crossed::FO) => "SO",
        (Lang::En, Crossed::DO) => "WO",
        (Lang::En, Crossed::FA) => "ST",
        (Lang::En, Crossed::DA) => "WT",
    }
}

/// How far an action got: pendiente, en curso, hecha, descartada (pending, in
/// progress, done, dropped).
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

/// The stable token of a status in CSV and JSON: `pending`, `in_progress`,
/// `done`, `dropped`. Never translated.
pub fn status_token(s: Status) -> &'static str {
    match s {
        Status::Pending => "pending",
        Status::InProgress => "in_progress",
        Status::Done => "done",
        Status::Dropped => "dropped",
    }
}

/// The status a token or a label in either language names (`in_progress`,
/// `en curso`, `Hecha`...), any case.
pub fn status_from(text: &str) -> Option<Status> {
    let t = text.trim().to_lowercase().replace(['-', ' '], "_");
    Status::ALL
        .into_iter()
        .find(|&s| t == status_token(s) || [Lang::Es, Lang::En].iter().any(|&l| t == status(l, s).replace(' ', "_")))
}

/// The CAME quadrant a label names, in any language or label set (`Adaptar`,
/// `confront`, `CORREGIR`), or by its ID prefix (`M`, `C`, `E`, `A`). Also
/// accepts *Explorar*, which some teams say for *Explotar*.
pub fn came_from(text: &str) -> Option<Came> {
    let t = text.trim().to_lowercase();
    if t == "explorar" || t == "explore" {
        return Some(Came::Exploit);
    }
    Came::ALL.into_iter().find(|&c| {
        t == c.prefix().to_lowercase()
            || [Lang::Es, Lang::En]
                .iter()
                .any(|&l| [LabelSet::Classic, LabelSet::SocialWork].iter().any(|&s| t == came(l, s, c).to_lowercase()))
    })
}

/// The kind of crossed strategy a label or code names (`FO`, `SO`,
/// `Estrategias ofensivas`, `Atención integral`...), any case.
pub fn crossed_from(text: &str) -> Option<Crossed> {
    let t = text.trim().to_lowercase();
    Crossed::ALL.into_iter().find(|&k| {
        [Lang::Es, Lang::En].iter().any(|&l| {
            t == crossed_code(l, k).to_lowercase()
                || [LabelSet::Classic, LabelSet::SocialWork]
                    .iter()
                    .any(|&s| t == crossed(l, s, k).to_lowercase() || t == crossed_short(l, s, k).to_lowercase())
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn social_work_set_renames_confront_and_the_strategies() {
        assert_eq!(came(Lang::Es, LabelSet::Classic, Came::Confront), "Afrontar");
        assert_eq!(came(Lang::Es, LabelSet::SocialWork, Came::Confront), "Adaptar");
        assert_eq!(came(Lang::En, LabelSet::SocialWork, Came::Confront), "Adapt");
        assert_eq!(crossed(Lang::Es, LabelSet::SocialWork, Crossed::DO), "Atención integral");
        assert_eq!(crossed(Lang::Es, LabelSet::Classic, Crossed::DA), "Estrategias de supervivencia");
        assert_eq!(crossed_code(Lang::En, Crossed::FA), "ST");
    }

    #[test]
    fn labels_read_back() {
        for s in Status::ALL {
            assert_eq!(status_from(status_token(s)), Some(s));
            assert_eq!(status_from(status(Lang::Es, s)), Some(s));
            assert_eq!(status_from(status(Lang::En, s)), Some(s));
        }
        for l in [Lang::Es, Lang::En] {
            for set in [LabelSet::Classic, LabelSet::SocialWork] {
                for c in Came::ALL {
                    assert_eq!(came_from(came(l, set, c)), Some(c));
                }
                for k in Crossed::ALL {
                    assert_eq!(crossed_from(crossed(l, set, k)), Some(k));
                    assert_eq!(crossed_from(crossed_code(l, k)), Some(k));
                }
            }
        }
        assert_eq!(came_from("A"), Some(Came::Confront));
        assert_eq!(status_from("nada"), None);
    }
}
