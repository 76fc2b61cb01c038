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
}
