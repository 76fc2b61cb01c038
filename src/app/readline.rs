//! The readline keys of every one-line text field: what `ratatui-textarea` does
//! not bind itself (Ctrl-u) or binds otherwise (Alt-f, Alt-b) is done here.
//!
//! `ratatui-textarea` binds: Ctrl-a / Home (start), Ctrl-e / End (end),
//! Ctrl-w and Alt-Backspace (delete the word before), Ctrl-k (delete to the
//! end), Ctrl-h / Ctrl-d. Alt-f / Ctrl-→ go to the end of the word (readline's
//! `forward-word`, not the start of the next one), Alt-b / Ctrl-← to its start.

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
        KeyCode::Char('f' | 'F') if alt_only(&key) => word_motion(field, true),
        KeyCode::Char('b' | 'B') if alt_only(&key) => word_motion(field, false),
        KeyCode::Right if ctrl_only(&key) => word_motion(field, true),
        KeyCode::Left if ctrl_only(&key) => word_motion(field, false),
        _ => {
            field.input(key);
        }
    }
}

fn alt_only(key: &KeyEvent) -> bool {
    key.modifiers.contains(KeyModifiers::ALT) && !key.modifiers.contains(KeyModifiers::CONTROL)
}

fn ctrl_only(key: &KeyEvent) -> bool {
    key.modifiers.contains(KeyModifiers::CONTROL) && !key.modifiers.contains(KeyModifiers::ALT)
}

/// Readline's `forward-word` (`forward`) or `backward-word`: past the
/// separators, then to the far edge of the word (letters and digits). At an
/// edge of a line of several, on to the next or previous line.
fn word_motion(field: &mut TextArea<'static>, forward: bool) {
    let ratatui_textarea::DataCursor(row, col) = field.cursor();
    let line: Vec<char> = field.lines().get(row).map(|l| l.chars().collect()).unwrap_or_default();
    let word = |i: usize| line.get(i).is_some_and(|c| c.is_alphanumeric());
    let mut at = col.min(line.len());
    if forward {
        if at == line.len() {
            field.move_cursor(ratatui_textarea::CursorMove::WordEnd);
            return;
        }
        while at < line.len() && !word(at) {
            at += 1;
        }
        while at < line.len() && word(at) {
            at += 1;
        }
    } else {
        if at == 0 {
            field.move_cursor(ratatui_textarea::CursorMove::WordBack);
            return;
        }
        while at > 0 && !word(at - 1) {
            at -= 1;
        }
        while at > 0 && word(at - 1) {
            at -= 1;
        }
    }
    // One character at a time: `Jump` takes columns up to 65,535 only, and a misión is longer.
    let (step, n) = if at > col {
        (ratatui_textarea::CursorMove::Forward, at - col)
    } else {
        (ratatui_textarea::CursorMove::Back, col.min(line.len()) - at)
    };
    (0..n).for_each(|_| field.move_cursor(step));
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

/// The lines of a paste that hold something, each cleaned ([`clean_text`]):
/// terminals send a pasted line break as CR, files as LF or CRLF. A field of
/// text takes them joined by spaces (a paragraph wrapped); a field that takes
/// one value refuses more than one, as two cells joined would read as another
/// number (`12` and `5` as `12 5`, `1` and `620` as `1 620`).
///
/// [`clean_text`]: crate::domain::text::clean_text
pub fn pasted_lines(raw: &str) -> Vec<String> {
    raw.split(['\r', '\n']).map(crate::domain::text::clean_text).filter(|l| !l.is_empty()).collect()
}

/// A paste for the line being typed: its lines joined by spaces
/// ([`pasted_lines`]), with one space kept where the paste began or ended with
/// one, so that its words do not glue to those around them (` palabra` pasted
/// after `hola` is `hola palabra`, not `holapalabra`). Empty when nothing
/// visible was pasted; the text is trimmed when it is stored.
pub fn pasted_inline(raw: &str) -> String {
    let lines = pasted_lines(raw);
    if lines.is_empty() {
        return String::new();
    }
    let lead = if raw.starts_with(char::is_whitespace) { " " } else { "" };
    let trail = if raw.ends_with(char::is_whitespace) { " " } else { "" };
    format!("{lead}{}{trail}", lines.join(" "))
}

/// How many values a paste holds for a field of one value (a number, an
/// amount, a date): its lines, and the cells of a spreadsheet row (separated by
/// tabs), each a value of its own. Joined, the two cells `1` and `620` would
/// read as 1620.
pub fn pasted_values(raw: &str) -> usize {
    raw.split(['\r', '\n', '\t']).filter(|v| !crate::domain::text::clean_text(v).is_empty()).count()
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

    /// Pasting ` palabra` after `hola` gave `holapalabra`: the spaces at the
    /// paste's ends were trimmed with its lines.
    #[test]
    fn a_paste_keeps_a_space_at_its_ends_so_words_do_not_glue() {
        assert_eq!(pasted_inline(" palabra"), " palabra");
        assert_eq!(pasted_inline("uno "), "uno ");
        assert_eq!(pasted_inline(" añadido\nSEGUNDA LINEA\nTERCERA"), " añadido SEGUNDA LINEA TERCERA");
        assert_eq!(pasted_inline("línea\r\n"), "línea ");
        assert_eq!(pasted_inline("  \x1b[2J  "), "");
        assert_eq!(pasted_inline("a\tb  c"), "a b c");
    }

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
        assert_eq!(text(&t), "unoX dos tres");
        press(&mut t, KeyCode::Char('e'), KeyModifiers::CONTROL);
        press(&mut t, KeyCode::Char('b'), KeyModifiers::ALT);
        press(&mut t, KeyCode::Char('u'), KeyModifiers::CONTROL);
        assert_eq!(text(&t), "tres");
    }

    #[test]
    fn alt_f_lands_at_the_end_of_the_word_and_alt_b_at_its_start_as_readline() {
        let mut t = field("salud, mental  y cuidados");
        press(&mut t, KeyCode::Home, KeyModifiers::NONE);
        press(&mut t, KeyCode::Char('f'), KeyModifiers::ALT);
        assert_eq!(t.cursor(), (0, 5), "the end of «salud», before the comma");
        press(&mut t, KeyCode::Char('f'), KeyModifiers::ALT);
        assert_eq!(t.cursor(), (0, 13), "past «, » to the end of «mental»");
        press(&mut t, KeyCode::Right, KeyModifiers::CONTROL);
        assert_eq!(t.cursor(), (0, 16), "Ctrl-→ too: the end of «y»");
        press(&mut t, KeyCode::Char('b'), KeyModifiers::ALT);
        assert_eq!(t.cursor(), (0, 15), "back to the start of «y»");
        press(&mut t, KeyCode::Char('b'), KeyModifiers::ALT);
        assert_eq!(t.cursor(), (0, 7), "past the spaces to the start of «mental»");
        press(&mut t, KeyCode::Char('f'), KeyModifiers::ALT);
        press(&mut t, KeyCode::Char('f'), KeyModifiers::ALT);
        press(&mut t, KeyCode::Char('f'), KeyModifiers::ALT);
        assert_eq!(t.cursor(), (0, 25), "the end of the line");
        press(&mut t, KeyCode::Char('f'), KeyModifiers::ALT);
        assert_eq!(t.cursor(), (0, 25), "and it stays there");
        press(&mut t, KeyCode::Left, KeyModifiers::CONTROL);
        assert_eq!(t.cursor(), (0, 17), "Ctrl-← : the start of «cuidados»");
        press(&mut t, KeyCode::Home, KeyModifiers::NONE);
        press(&mut t, KeyCode::Char('b'), KeyModifiers::ALT);
        assert_eq!(t.cursor(), (0, 0), "and at the start it stays");
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
