//! Issue 24, the review meeting in `S`: an action carried over and not yet
//! confirmed shows `↻`, a new one `+`, a confirmed one neither; one word for
//! "overdue by today" (grid) and one for "behind the year reviewed" (S), each
//! explained in its legend; the help of `S` explains the cells' marks.
#![allow(clippy::unwrap_used)]

use crate::common;
use common::keys::ed;
use common::{Held, held};
use dafo::app::Action;
use dafo::i18n::Lang;

const PLAN: &str = "sessions/almendral-plan-servicios-sociales-2023-2026.ron";
const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];
const LANGS: [(Lang, &str); 3] = [(Lang::Es, "es"), (Lang::En, "en"), (Lang::Ca, "ca")];

/// The two-year plan in `S` (2024 shows), C2 carried over and not yet confirmed.
fn follow(lang: Lang) -> Held {
    let mut s = dafo::storage::load(std::path::Path::new(PLAN)).unwrap();
    s.correct.iter_mut().find(|a| a.id == "C2").unwrap().carried = true;
    let mut h = crate::common::after_the_plan(held(s, lang));
    h.app.update(Action::ShowFollow);
    assert_eq!(ed(&h.app).follow_year(), Some(2024));
    h
}

fn screen(h: &Held, w: u16, hh: u16) -> Vec<String> {
    common::screen_rows(&h.app, w, hh)
}

/// The row of action `id` (the year cells hold no `↻` and no `+`).
fn label<'a>(rows: &'a [String], id: &str) -> &'a str {
    let lead = format!("   {id} ");
    rows.iter().find(|r| r.starts_with(&lead)).unwrap_or_else(|| panic!("{id}:\n{}", rows.join("\n")))
}

#[test]
fn carried_new_and_confirmed_actions_look_different_in_s() {
    for (lang, code) in LANGS {
        let h = follow(lang);
        for (w, hh) in SIZES {
            let rows = screen(&h, w, hh);
            let show = |id: &str| lang.show_id(id);
            assert!(label(&rows, &show("C2")).contains(" ↻"), "{code} {w}: {:?}", label(&rows, &show("C2")));
            // C4 has no review in 2023: new this year.
            assert!(label(&rows, &show("C4")).contains(" +"), "{code} {w}: {:?}", label(&rows, &show("C4")));
            // C3 was reviewed in 2023 and is not carried: no mark.
            let c3 = label(&rows, &show("C3"));
            assert!(!c3.contains('↻') && !c3.contains('+'), "{code} {w}: {c3:?}");
            insta::assert_snapshot!(format!("follow_marks_{code}_{w}x{hh}"), rows.join("\n"));
        }
    }
}

#[test]
fn the_help_of_s_explains_the_cells_marks() {
    for (lang, code) in LANGS {
        let mut h = follow(lang);
        h.app.update(Action::ToggleHelp);
        let text = screen(&h, 120, 40).join("\n");
        let legend = lang.follow_legend();
        assert!(text.contains(legend.title), "{code}:\n{text}");
        for (mark, meaning) in legend.rows {
            // Its first words (the rest may wrap onto the next row).
            let first = meaning.split(' ').take(2).collect::<Vec<_>>().join(" ");
            assert!(text.contains(mark) && text.contains(&first), "{code}: {mark} {first}:\n{text}");
        }
        // Not the grid's marks: a cell has no ○ "factor with no action".
        let grid = lang.text().meeting.legend[1];
        assert!(!text.contains(grid.split_once(' ').unwrap().1), "{code}:\n{text}");
        insta::assert_snapshot!(format!("follow_help_{code}_120x40"), text);
    }
}

/// "Overdue" (by today, in the grid) and "behind schedule" (by the year
/// reviewed, in S) are one word each, the same in the counts and the legends.
#[test]
fn one_word_each_for_overdue_and_behind_explained_in_the_legends() {
    for lang in [Lang::Es, Lang::En, Lang::Ca] {
        let m = &lang.text().meeting;
        let word = m.legend[4].trim_start_matches("⚠ ").split(':').next().unwrap();
        assert!((m.overdue)(1).contains(word), "{lang:?}: {word:?} vs {:?}", (m.overdue)(1));
        let behind = lang.follow_legend().rows.iter().find(|(mark, _)| *mark == "!").unwrap().1;
        let behind = behind.split(':').next().unwrap();
        assert_eq!(behind, lang.text().report.late_short, "{lang:?}");
        assert_ne!(word, behind, "{lang:?}: two rules, two words");
    }
}
