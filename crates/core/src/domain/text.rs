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
    // The stripper drops line breaks and tabs with the other controls: keep them
    // as spaces. It reads the 8-bit CSI (U+009B) as a lone control and left its
    // parameters behind (`31m`): written as the 7-bit `ESC [` it is taken whole.
    let mut spaced = String::with_capacity(raw.len());
    for c in raw.chars() {
        match c {
            '\r' | '\n' | '\t' => spaced.push(' '),
            '\u{9b}' => spaced.push_str("\u{1b}["),
            c => spaced.push(c),
        }
    }
    let bytes = strip_ansi_escapes::strip(without_open_strings(&spaced).as_bytes());
    String::from_utf8_lossy(&bytes).into_owned()
}

/// `text` without the openings of terminal strings (OSC, DCS, SOS, PM, APC)
/// that are cut short: the stripper would take the words after such an opening
/// for the string's content (a paste holding a cut `ESC ]8;;` lost the rest of
/// the line). A string ended as it should be (BEL for an OSC, ST: `ESC \` or
/// U+009C) is left whole for the stripper to take away; one that another
/// escape, CAN or SUB interrupts, or that nothing ends, loses its opening only.
fn without_open_strings(text: &str) -> std::borrow::Cow<'_, str> {
    // Where the next string opens, how long its opening is, and whether it is an OSC.
    let opening = |s: &str| {
        s.char_indices().find_map(|(i, c)| match c {
            '\u{9d}' => Some((i, c.len_utf8(), true)),
            '\u{90}' | '\u{98}' | '\u{9e}' | '\u{9f}' => Some((i, c.len_utf8(), false)),
            '\u{1b}' if s[i + 1..].starts_with(']') => Some((i, 2, true)),
            '\u{1b}' if s[i + 1..].starts_with(['P', 'X', '^', '_']) => Some((i, 2, false)),
            _ => None,
        })
    };
    // Just after the string's proper end, if it has one before anything else
    // stops it.
    let end = |s: &str, osc: bool| {
        let (i, c) =
            s.char_indices().find(|&(_, c)| matches!(c, '\u{1b}' | '\u{18}' | '\u{1a}' | '\u{7}' | '\u{9c}'))?;
        match c {
            '\u{1b}' => s[i + 1..].starts_with('\\').then_some(i + 2),
            '\u{7}' if osc => Some(i + 1),
            '\u{9c}' => Some(i + c.len_utf8()),
            _ => None,
        }
    };
    if opening(text).is_none() {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some((at, len, osc)) = opening(rest) {
        out.push_str(&rest[..at]);
        let after = &rest[at + len..];
        match end(after, osc) {
            Some(ends) => {
                out.push_str(&rest[at..at + len + ends]);
                rest = &after[ends..];
            }
            None => rest = after,
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// Characters that may be stored and drawn: not control, not bidi control.
fn is_safe(c: char) -> bool {
    !c.is_control() && !matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Whether `text` shows anything: a text made only of spaces and characters
/// that draw nothing (zero-width spaces and joiners, the byte-order mark, the
/// Hangul fillers) passed as words, and showed as a blank line in the room's
/// inbox.
pub fn shows_something(text: &str) -> bool {
    text.chars().any(|c| {
        !c.is_whitespace()
            && !matches!(
                c,
                '\u{200b}'..='\u{200d}' | '\u{2060}'..='\u{2064}' | '\u{feff}' | '\u{115f}' | '\u{1160}' | '\u{3164}' | '\u{ffa0}' | '\u{180e}'
            )
    })
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

    /// An item of only U+3164 or U+200B was taken as words, and showed blank.
    #[test]
    fn a_text_of_invisible_characters_shows_nothing() {
        for blank in ["", "   ", "\u{3164}", "\u{200b}\u{200b}", "\u{feff} \u{115f}\u{1160}", "\u{2060}"] {
            assert!(!shows_something(blank), "{blank:?}");
        }
        for shown in ["a", "\u{200b}x", "👩\u{200d}👩\u{200d}👧", "한"] {
            assert!(shows_something(shown), "{shown:?}");
        }
    }

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
        // The 8-bit CSI left its parameters behind (`a31mb`).
        assert_eq!(clean_text("a\u{9b}31mb\u{9b}2J c"), "ab c");
        assert_eq!(display_safe(&clean_text("\u{9b}")), "");
    }

    /// An audit pasted a cut hyperlink (`ESC ]8;;x` and no end): every word
    /// after it was lost. A string nothing ends loses its opening only; an
    /// ended one goes whole, and what follows stays.
    #[test]
    fn a_terminal_string_that_never_ends_keeps_the_words_after_it() {
        for opening in ["\u{1b}]", "\u{1b}P", "\u{1b}_", "\u{1b}^", "\u{1b}X", "\u{9d}"] {
            let cleaned = clean_text(&format!("Riesgo de {opening}8;;x despoblación en la comarca norte"));
            assert!(
                cleaned.starts_with("Riesgo de ") && cleaned.ends_with("despoblación en la comarca norte"),
                "{cleaned:?}"
            );
            assert!(cleaned.chars().all(|c| !c.is_control()), "{cleaned:?}");
        }
        let linked = "ver \u{1b}]8;;https://example.org\u{1b}\\el informe\u{1b}]8;;\u{1b}\\ de 2024";
        assert_eq!(clean_text(linked), "ver el informe de 2024");
        assert_eq!(clean_text("\u{1b}]0;título\u{7}hola \u{1b}]2;otro"), "hola 2;otro");
        // An ended string, then one that is not: the first goes, the words after the second stay.
        assert_eq!(clean_text("a\u{1b}]0;x\u{7}b \u{1b}_c d"), "ab c d");
        // A cut string is not ended by a later string's end (a review found the
        // words between them lost), nor a DCS or APC by BEL, which ends an OSC only.
        assert_eq!(clean_text("a \u{1b}]8;;x b c \u{1b}]8;;y\u{1b}\\d\u{1b}]8;;\u{1b}\\ e"), "a 8;;x b c d e");
        assert_eq!(clean_text("Riesgo \u{1b}_c\u{7} de despoblación"), "Riesgo c de despoblación");
        assert_eq!(clean_text("Riesgo \u{1b}Pq\u{7} de despoblación"), "Riesgo q de despoblación");
        assert_eq!(clean_text("Riesgo \u{1b}]0;t\u{1b}[1m de despoblación"), "Riesgo 0;t de despoblación");
        for edge in ["\u{1b}", "x\u{1b}]", "\u{9d}ñandú€", "\u{9d}é\u{9c}ü", "\u{1b}\\", "\u{1b}]\u{18}ok"] {
            let _ = clean_text(edge);
        }
        assert_eq!(without_open_strings("sin nada"), "sin nada");
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
