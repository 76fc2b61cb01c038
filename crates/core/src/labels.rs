//! Display labels of the CAME verbs, the crossed strategies and action statuses:
//! one table for the exports and the TUI, per language and per the session's
//! [`LabelSet`] (classic, or the social-work functions some teams prefer).

use crate::domain::{Came, Crossed, LabelSet, Status};
use crate::i18n::{Lang, fold};

const SETS: [LabelSet; 2] = [LabelSet::Classic, LabelSet::SocialWork];

/// The CAME verb: Mantener, Corregir, Explotar, Afrontar (or *Adaptar* in the
/// social-work set); Maintain, Correct, Exploit, Confront (or *Adapt*).
pub fn came(lang: Lang, set: LabelSet, c: Came) -> &'static str {
    lang.came(set, c)
}

/// The full name of a kind of crossed strategy, as a heading:
/// "Estrategias ofensivas", "Información y promoción", "Offensive strategies"...
pub fn crossed(lang: Lang, set: LabelSet, k: Crossed) -> &'static str {
    lang.crossed(set, k)
}

/// A short name for narrow places (grid titles): "Ofensivas", "Atención integral",
/// "Survival", "Advocacy"...
pub fn crossed_short(lang: Lang, set: LabelSet, k: Crossed) -> &'static str {
    lang.crossed_short(set, k)
}

/// The pair's code as readers of each language know it: FO, DO, FA, DA in
/// Spanish and Catalan; SO, WO, ST, WT (TOWS) in English. IDs keep the Spanish prefix.
pub fn crossed_code(lang: Lang, k: Crossed) -> &'static str {
    lang.crossed_code(k)
}

/// How far an action got: pendiente, en curso, hecha, descartada (pending, in
/// progress, done, dropped).
pub fn status(lang: Lang, s: Status) -> &'static str {
    lang.status(s)
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

/// The status a token or a label in any language names (`in_progress`,
/// `en curso`, `Hecha`...), any case.
pub fn status_from(text: &str) -> Option<Status> {
    let key = |t: &str| fold(t.trim()).replace(['-', ' '], "_");
    let t = key(text);
    Status::ALL.into_iter().find(|&s| t == status_token(s) || Lang::ALL.iter().any(|&l| t == key(status(l, s))))
}

/// The CAME quadrant a label names, in any language or label set (`Adaptar`,
/// `confront`, `CORREGIR`), or by its ID prefix in any language (`M`, `C`, `E`,
/// `AF`, `CF`, and `A` as Afrontar actions were before format version 4). Also
/// accepts *Explorar*, which some teams say for *Explotar*.
pub fn came_from(text: &str) -> Option<Came> {
    let t = fold(text.trim());
    if t == "explorar" || t == "explore" {
        return Some(Came::Exploit);
    }
    Came::ALL
        .into_iter()
        .find(|&c| {
            t == fold(c.prefix())
                || t == fold(c.legacy_prefix())
                || Lang::ALL.iter().any(|&l| SETS.iter().any(|&s| t == fold(came(l, s, c))))
        })
        .or_else(|| {
            let i = Lang::ALL.iter().find_map(|l| l.text().domain.action_code.iter().position(|p| t == fold(p)))?;
            Came::ALL.get(i).copied()
        })
}

/// The kind of crossed strategy a label or code names (`FO`, `SO`,
/// `Estrategias ofensivas`, `Atención integral`...), any case.
pub fn crossed_from(text: &str) -> Option<Crossed> {
    let t = fold(text.trim());
    Crossed::ALL.into_iter().find(|&k| {
        Lang::ALL.iter().any(|&l| {
            t == fold(crossed_code(l, k))
                || SETS.iter().any(|&s| t == fold(crossed(l, s, k)) || t == fold(crossed_short(l, s, k)))
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
            assert_eq!(status_from(status(Lang::Ca, s)), Some(s));
        }
        for &l in Lang::ALL {
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
        assert_eq!(came_from("mantenir"), Some(Came::Maintain));
        assert_eq!(crossed_from("estrategies ofensives"), Some(Crossed::FO));
        assert_eq!(status_from("En Curs"), Some(Status::InProgress));
        assert_eq!(status_from("nada"), None);
    }
}
