//! The readline keys of every one-line text field: what `ratatui-textarea` does
//! not bind itself (Ctrl-u) is added here; the rest it already does.
//!
//! `ratatui-textarea` binds: Ctrl-a / Home (start), Ctrl-e / End (end),
//! Alt-b / Alt-f (word back / forward), Ctrl-w and Alt-Backspace (delete the
//! word before), Ctrl-k (delete to the end), Ctrl-h / Ctrl-d.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::TextArea;

/// Types `key` into `field`, with the readline keys people's fingers expect.
pub fn type_key(field: &mut TextArea<'static>, key: KeyEvent) {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL) && !key.modifiers.contains(KeyModifiers::ALT);
    match key.code {
        // Ctrl-u: delete from the start of the line to the cursor.
        KeyCode::Char('u' | 'U') if ctrl => {
            field.delete_line_by_head();
        }
        _ => {
            field.input(key);
        }
    }
}

/// Whether `key` types a character into the line (no Ctrl or Alt held).
pub fn inserts_text(key: &KeyEvent) -> bool {
    matches!(key.code, KeyCode::Char(_) | KeyCode::Tab)
        && !key.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
}

/// The characters in `field`.
fn chars(field: &TextArea<'static>) -> usize {
    field.lines().iter().map(|l| l.chars().count()).sum()
}

/// [`type_key`] into a field of at most `max` characters: a key that would
/// type past it is refused (`false`); deleting and moving always work.
pub fn type_key_within(field: &mut TextArea<'static>, key: KeyEvent, max: usize) -> bool {
    if inserts_text(&key) && chars(field) >= max {
        return false;
    }
    type_key(field, key);
    true
}

/// Inserts `text` (already cleaned) into a field of at most `max` characters,
/// or nothing at all when it would not fit (`false`): a paste is never cut.
pub fn paste_within(field: &mut TextArea<'static>, text: &str, max: usize) -> bool {
    if chars(field) + text.chars().count() > max {
        return false;
    }
    field.insert_str(text);
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(text: &str) -> TextArea<'static> {
        let mut t = TextArea::new(vec![text.to_owned()]);
        t.move_cursor(ratatui_textarea::CursorMove::End);
        t
    }

    fn press(t: &mut TextArea<'static>, code: KeyCode, mods: KeyModifiers) {
        type_key(t, KeyEvent::new(code, mods));
    }

    fn text(t: &TextArea<'static>) -> String {
        t.lines().join("\n")
    }

    #[test]
    fn ctrl_u_deletes_to_the_start_and_ctrl_w_one_word() {
        let mut t = field("listas de espera largas");
        press(&mut t, KeyCode::Char('w'), KeyModifiers::CONTROL);
        assert_eq!(text(&t), "listas de espera ");
        press(&mut t, KeyCode::Char('u'), KeyModifiers::CONTROL);
        assert_eq!(text(&t), "");
    }

    #[test]
    fn ctrl_a_ctrl_e_alt_b_alt_f_move_the_cursor() {
        let mut t = field("uno dos tres");
        press(&mut t, KeyCode::Char('a'), KeyModifiers::CONTROL);
        assert_eq!(t.cursor(), (0, 0));
        press(&mut t, KeyCode::Char('f'), KeyModifiers::ALT);
        press(&mut t, KeyCode::Char('X'), KeyModifiers::SHIFT);
        assert_eq!(text(&t), "uno Xdos tres");
        press(&mut t, KeyCode::Char('e'), KeyModifiers::CONTROL);
        press(&mut t, KeyCode::Char('b'), KeyModifiers::ALT);
        press(&mut t, KeyCode::Char('u'), KeyModifiers::CONTROL);
        assert_eq!(text(&t), "tres");
    }

    #[test]
    fn a_field_with_a_limit_refuses_keys_and_pastes_past_it_but_not_deleting() {
        let key = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
        let mut t = field("ñandú");
        assert!(type_key_within(&mut t, key('s'), 6));
        assert!(!type_key_within(&mut t, key('x'), 6), "six characters: full");
        assert!(type_key_within(&mut t, KeyEvent::new(KeyCode::Char('w'), KeyModifiers::CONTROL), 6));
        assert_eq!(text(&t), "");
        assert!(!paste_within(&mut t, "siete c", 6), "a paste that does not fit is refused whole");
        assert_eq!(text(&t), "");
        assert!(paste_within(&mut t, "seis c", 6));
        assert_eq!(text(&t), "seis c");
    }
}
