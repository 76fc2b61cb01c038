//! Cleaning of typed, pasted and loaded text: no escape sequences, no control
//! characters, no bidi overrides ever reach the model or the terminal.

/// Cleans user text for storage: strips ANSI/OSC escape sequences, turns line
/// breaks and tabs into spaces, drops other control and bidi-control characters,
/// collapses runs of spaces and trims.
pub fn clean_text(raw: &str) -> String {
    let stripped = strip_escapes(raw);
    let mut out = String::with_capacity(stripped.len());
    let mut last_space = true;
    for c in stripped.chars() {
        let c = if c.is_whitespace() { ' ' } else { c };
        if c == ' ' {
            if !last_space {
                out.push(' ');
            }
            last_space = true;
        } else if is_safe(c) {
            out.push(c);
            last_space = false;
        }
    }
    out.truncate(out.trim_end().len());
    out
}

/// Makes text that came from outside (a hand-edited file) safe to draw:
/// the same rules as [`clean_text`], without trimming visible content.
pub fn display_safe(text: &str) -> std::borrow::Cow<'_, str> {
    if text.chars().all(|c| c == ' ' || (is_safe(c) && !c.is_whitespace())) {
        std::borrow::Cow::Borrowed(text)
    } else {
        std::borrow::Cow::Owned(clean_text(text))
    }
}

/// A message for the terminal (an error naming a file, say), cleaned line by line
/// like [`display_safe`]: a file name holding `ESC ] 52` or `ESC [ 2J` cannot reach
/// the terminal, while the message's own line breaks stay.
pub fn display_safe_lines(text: &str) -> String {
    text.split('\n').map(|line| display_safe(line).into_owned()).collect::<Vec<_>>().join("\n")
}

fn strip_escapes(raw: &str) -> String {
    if !raw.contains(['\u{1b}', '\u{9b}', '\u{9d}']) {
        return raw.to_owned();
    }
    // The stripper drops line breaks and tabs with the other controls: keep them as spaces.
    let spaced: String = raw.chars().map(|c| if matches!(c, '\r' | '\n' | '\t') { ' ' } else { c }).collect();
    let bytes = strip_ansi_escapes::strip(spaced.as_bytes());
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Characters that may be stored and drawn: not control, not bidi control.
fn is_safe(c: char) -> bool {
    !c.is_control() && !matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Text folded for matching: accents and other marks removed, lower case
/// (`Acción` and `accion` match, `Ñandú` is `nandu`). The one folding function
/// of dafo: searches, imports, label parsing, the plan's words and the
/// likeness of merged items all use it.
pub fn fold(text: &str) -> String {
    deunicode::deunicode(text).to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_spanish_text() {
        assert_eq!(clean_text("  Coordinación   sociosanitaria ñ "), "Coordinación sociosanitaria ñ");
    }

    #[test]
    fn strips_escapes_and_controls() {
        assert_eq!(clean_text("\u{1b}[31mrojo\u{1b}[0m\u{7}"), "rojo");
        assert_eq!(clean_text("a\u{1b}]0;title\u{7}b"), "ab");
        assert_eq!(clean_text("línea\nsiguiente\tcol"), "línea siguiente col");
        assert_eq!(clean_text("x\u{202e}y\u{0}z"), "xyz");
        assert_eq!(clean_text("\u{1b}[1muno\u{1b}[0m\rdos\ntres"), "uno dos tres");
    }

    #[test]
    fn messages_keep_their_lines_but_lose_escapes() {
        assert_eq!(display_safe_lines("a\u{1b}]52;c;eA==\u{7}.ron: bad\n  hint"), "a.ron: bad\n  hint");
    }

    #[test]
    fn display_safe_borrows_clean_text() {
        assert!(matches!(display_safe("Hola"), std::borrow::Cow::Borrowed(_)));
        assert_eq!(display_safe("a\u{1b}[2Jb"), "ab");
    }
}
