//! Issue 24, truncation: where a row, the status line or the footer is too
//! long, the text is cut and the marks stay (`↻`, `⚠`, "⚠ 2 vencidas"); the
//! footer leaves out whole keys, never half of one; pop-up titles fit, the
//! keys on the bottom border.
#![allow(clippy::unwrap_used)]

use crate::common;
use common::keys::{ed, typ};
use common::{Held, held};
use dafo::app::keymap;
use dafo::app::{Action, Screen};
use dafo::domain::Quadrant;
use dafo::i18n::Lang;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];
const LANGS: [(Lang, &str); 3] = [(Lang::Es, "es"), (Lang::En, "en"), (Lang::Ca, "ca")];

/// The sample in a review year: a long factor and an action carried over, not
/// yet confirmed; "today" late enough for actions to be overdue.
fn review(lang: Lang) -> Held {
    let mut s = dafo::storage::load(std::path::Path::new(common::SAMPLE)).unwrap();
    s.strengths[2].text.push_str(" y una explicación larga que el grupo quiso dejar escrita para la sala");
    s.strengths[2].carried = true;
    s.correct[1].carried = true;
    let mut h = held(s, lang);
    if let Screen::Editor(e) = &mut h.app.screen {
        e.set_today(jiff::civil::date(2027, 12, 1));
    }
    h
}

fn screen(h: &Held, w: u16, hh: u16) -> Vec<String> {
    common::screen_rows(&h.app, w, hh)
}

#[test]
fn came_rows_cut_keep_their_marks_at_80_columns() {
    for (lang, code) in LANGS {
        let mut h = review(lang);
        h.app.update(Action::ShowCame);
        h.app.update(Action::Focus(Quadrant::Threats));
        let rows = screen(&h, 80, 24);
        let text = rows.join("\n");
        // F3 is not selected: one line, its text cut, its ↻ kept.
        let f3 = format!("{} ", lang.show_id("F3"));
        let row = rows.iter().find(|r| r.contains(&f3)).unwrap_or_else(|| panic!("{code}:\n{text}"));
        let cell = row.split(['│', '┃']).find(|c| c.contains(&f3)).unwrap();
        assert!(cell.contains('…') && cell.trim_end().ends_with('↻'), "{code}: {cell:?}\n{text}");
        // C2, overdue and carried: ⚠ and ↻ both on its one line.
        let c2 = rows.iter().find(|r| r.contains("C2 ")).unwrap_or_else(|| panic!("{code}:\n{text}"));
        let cell = c2.split(['│', '┃']).find(|c| c.contains("C2 ")).unwrap();
        assert!(cell.contains('⚠') && cell.contains('↻'), "{code}: {cell:?}\n{text}");
        // The status line ends with the whole overdue count.
        let overdue = (lang.text().meeting.overdue)(ed(&h.app).overdue_count());
        assert!(rows[22].ends_with(&overdue), "{code}: {:?}", rows[22]);
        for (w, hh) in SIZES {
            insta::assert_snapshot!(format!("came_marks_kept_{code}_{w}x{hh}"), screen(&h, w, hh).join("\n"));
        }
    }
}

#[test]
fn the_footer_beside_the_carried_hint_leaves_out_whole_keys() {
    for (lang, code) in LANGS {
        let mut h = review(lang);
        h.app.update(Action::ShowCame);
        h.app.update(Action::Focus(Quadrant::Strengths));
        h.app.update(Action::First);
        for _ in 0..2 {
            h.app.update(Action::Down);
        }
        assert!(ed(&h.app).selected_is_carried(), "{code}");
        let ctx = h.app.context();
        let pieces: Vec<String> =
            keymap::footer(ctx).map(|b| format!("{} {}", b.footer_key(lang), b.hint(lang))).collect();
        for (w, hh) in SIZES {
            let rows = screen(&h, w, hh);
            let footer = rows.last().unwrap();
            assert!(footer.starts_with(lang.text().meeting.carried_hint), "{code} {w}: {footer:?}");
            let keys = footer[lang.text().meeting.carried_hint.len()..].trim();
            // What follows the hint is whole keys, two spaces apart.
            for piece in keys.split("  ").filter(|p| !p.is_empty()) {
                assert!(pieces.iter().any(|p| p == piece), "{code} {w}: {piece:?} is cut in {footer:?}");
            }
        }
    }
}

#[test]
fn form_titles_fit_and_the_keys_go_on_the_bottom_border() {
    for (lang, code) in LANGS {
        let mut h = review(lang);
        h.app.update(Action::ShowCame);
        h.app.update(Action::Focus(Quadrant::Weaknesses));
        h.app.update(Action::Right);
        typ(&mut h.app, "f");
        let title = format!(" {} {} ", lang.text().ui.form_for, lang.show_id("C1"));
        let keys = format!(" {} {} · {} ", lang.text().keys.enter, lang.text().ui.form_saves, lang.text().keys.esc);
        for (w, hh) in SIZES {
            let rows = screen(&h, w, hh);
            let text = rows.join("\n");
            let top = rows.iter().position(|r| r.contains(&title)).unwrap_or_else(|| panic!("{code} {w}:\n{text}"));
            assert!(rows[top].contains(&format!("{title}═")), "{code} {w}: the title ends there:\n{text}");
            assert!(rows[top + 1..].iter().any(|r| r.contains(&keys)), "{code} {w}: keys:\n{text}");
            insta::assert_snapshot!(format!("form_title_{code}_{w}x{hh}"), text);
        }
    }
}

#[test]
fn a_long_title_is_cut_with_an_ellipsis_before_the_save_state() {
    for (lang, _) in LANGS {
        let h = review(lang);
        let title = &ed(&h.app).session().meta.title;
        // 70 columns: the sample's title does not fit beside the save state.
        let top = &screen(&h, 70, 24)[0];
        assert!(!top.contains(title.as_str()), "{top}");
        let cut = top.find('…').unwrap_or_else(|| panic!("no … in {top}"));
        assert!(top[cut..].trim_start_matches('…').trim_start().starts_with('✓'), "{top}");
        // At 200 columns it fits whole.
        assert!(screen(&h, 200, 60)[0].contains(title.as_str()));
    }
}

/// The browser's "new session from «…»" prompt ran its title into the border
/// ("…-202┐"), losing the closing quote and the keys: the name is cut instead.
#[test]
fn the_browsers_new_from_prompt_cuts_the_file_name_not_the_title() {
    for (lang, _) in LANGS {
        let dir = tempfile::tempdir().unwrap();
        let name = "plan-de-servicios-sociales-de-almendral-del-rio-2023-2026.ron";
        std::fs::copy("sessions/almendral-plan-servicios-sociales-2023-2026.ron", dir.path().join(name)).unwrap();
        let mut app = dafo::app::App::browser(dir.path(), lang);
        typ(&mut app, "N");
        let rows = common::screen_rows(&app, 80, 24);
        let top = rows
            .iter()
            .find(|r| r.contains('…') && r.contains('┌'))
            .unwrap_or_else(|| panic!("{lang:?}:\n{}", rows.join("\n")));
        assert!(top.contains("…") && !top.contains("202┐") && top.trim_end().ends_with('┐'), "{lang:?}: {top}");
        assert!(top.contains("Esc"), "{lang:?}: the keys stay in sight: {top}");
    }
}
