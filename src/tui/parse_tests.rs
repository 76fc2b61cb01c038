//! Unit tests of the input parser: the events crossterm would give, and giving up.
#![allow(clippy::unwrap_used)]

use super::*;

fn events(bytes: &[u8]) -> Vec<Event> {
    let mut p = Parser::default();
    p.feed(bytes);
    p.events.into_iter().collect()
}

fn key(code: KeyCode, mods: KeyModifiers) -> Event {
    Event::Key(KeyEvent::new_with_kind(code, mods, KeyEventKind::Press))
}

fn plain(code: KeyCode) -> Event {
    key(code, KeyModifiers::NONE)
}

#[test]
fn typed_text_control_keys_and_utf8() {
    assert_eq!(
        events("aZñ€\r\t\x7f".as_bytes()),
        vec![
            plain(KeyCode::Char('a')),
            key(KeyCode::Char('Z'), KeyModifiers::SHIFT),
            plain(KeyCode::Char('ñ')),
            plain(KeyCode::Char('€')),
            plain(KeyCode::Enter),
            plain(KeyCode::Tab),
            plain(KeyCode::Backspace),
        ]
    );
    assert_eq!(events(b"\x03"), vec![key(KeyCode::Char('c'), KeyModifiers::CONTROL)]);
    assert_eq!(events(b"\x00"), vec![key(KeyCode::Char(' '), KeyModifiers::CONTROL)]);
}

#[test]
fn a_character_split_between_reads_is_one_key() {
    let mut p = Parser::default();
    let euro = "€".as_bytes();
    p.feed(&euro[..1]);
    assert!(p.events.is_empty() && p.in_sequence());
    p.feed(&euro[1..]);
    assert_eq!(p.events.pop_front(), Some(plain(KeyCode::Char('€'))));
    assert!(!p.in_sequence());
}

#[test]
fn cursor_function_and_modified_keys() {
    assert_eq!(
        events(b"\x1b[A\x1bOB\x1b[1;5C\x1b[3~\x1b[5~\x1b[6;2~\x1bOP\x1b[15~\x1b[24~\x1b[Z\x1b[H\x1b[4~"),
        vec![
            plain(KeyCode::Up),
            plain(KeyCode::Down),
            key(KeyCode::Right, KeyModifiers::CONTROL),
            plain(KeyCode::Delete),
            plain(KeyCode::PageUp),
            key(KeyCode::PageDown, KeyModifiers::SHIFT),
            plain(KeyCode::F(1)),
            plain(KeyCode::F(5)),
            plain(KeyCode::F(12)),
            key(KeyCode::BackTab, KeyModifiers::SHIFT),
            plain(KeyCode::Home),
            plain(KeyCode::End),
        ]
    );
}

#[test]
fn alt_keys_and_double_escape() {
    assert_eq!(events(b"\x1bx"), vec![key(KeyCode::Char('x'), KeyModifiers::ALT)]);
    assert_eq!(events(b"\x1b\x1b[A"), vec![plain(KeyCode::Esc), plain(KeyCode::Up)]);
}

#[test]
fn esc_alone_waits_then_is_the_esc_key() {
    let mut p = Parser::default();
    p.feed(b"\x1b");
    assert!(p.events.is_empty() && p.in_sequence());
    p.give_up();
    assert_eq!(p.events.pop_front(), Some(plain(KeyCode::Esc)));
    assert!(!p.in_sequence());
}

#[test]
fn sgr_mouse_reports() {
    let mouse = |kind, column, row, modifiers| Event::Mouse(MouseEvent { kind, column, row, modifiers });
    assert_eq!(
        events(b"\x1b[<0;10;5M\x1b[<0;10;5m\x1b[<65;1;1M\x1b[<32;300;2M\x1b[<35;3;4M\x1b[<18;2;2M"),
        vec![
            mouse(MouseEventKind::Down(MouseButton::Left), 9, 4, KeyModifiers::NONE),
            mouse(MouseEventKind::Up(MouseButton::Left), 9, 4, KeyModifiers::NONE),
            mouse(MouseEventKind::ScrollDown, 0, 0, KeyModifiers::NONE),
            mouse(MouseEventKind::Drag(MouseButton::Left), 299, 1, KeyModifiers::NONE),
            mouse(MouseEventKind::Moved, 2, 3, KeyModifiers::NONE),
            mouse(MouseEventKind::Down(MouseButton::Right), 1, 1, KeyModifiers::CONTROL),
        ]
    );
}

#[test]
fn bracketed_paste_is_one_event_whatever_it_holds() {
    let mut p = Parser::default();
    p.feed(b"\x1b[200~uno\r\x1b[Ados q");
    assert!(p.events.is_empty() && p.in_paste());
    p.feed(b" tres\x1b[201");
    assert!(p.events.is_empty());
    p.feed(b"~q");
    assert_eq!(
        p.events.into_iter().collect::<Vec<_>>(),
        vec![Event::Paste("uno\r\x1b[Ados q tres".into()), plain(KeyCode::Char('q'))]
    );
}

#[test]
fn a_paste_that_never_ends_is_kept_when_given_up() {
    let mut p = Parser::default();
    p.feed(b"\x1b[200~texto pegado");
    p.give_up();
    assert!(!p.in_paste());
    p.feed(b"q");
    assert_eq!(
        p.events.into_iter().collect::<Vec<_>>(),
        vec![Event::Paste("texto pegado".into()), plain(KeyCode::Char('q'))]
    );
}

#[test]
fn a_cut_short_mouse_report_is_dropped_when_given_up() {
    let mut p = Parser::default();
    p.feed(b"\x1b[<");
    assert!(p.in_sequence());
    p.give_up();
    p.feed(b"q");
    assert_eq!(p.events.into_iter().collect::<Vec<_>>(), vec![plain(KeyCode::Char('q'))]);
}

#[test]
fn a_control_key_or_esc_inside_a_sequence_breaks_it_and_still_counts() {
    assert_eq!(events(b"\x1b[<1;2\x03"), vec![key(KeyCode::Char('c'), KeyModifiers::CONTROL)]);
    assert_eq!(events(b"\x1b[12\x1b[B"), vec![plain(KeyCode::Down)]);
    assert_eq!(events(b"\x1bO\rq"), vec![plain(KeyCode::Enter), plain(KeyCode::Char('q'))]);
}

#[test]
fn endless_parameters_and_invalid_bytes_are_dropped() {
    let mut long = b"\x1b[".to_vec();
    long.extend(std::iter::repeat_n(b'1', 100));
    long.push(b'q');
    assert_eq!(events(&long).last(), Some(&plain(KeyCode::Char('q'))));
    assert_eq!(events(b"\xff\x80a"), vec![plain(KeyCode::Char('a'))]);
}

#[test]
fn focus_reports() {
    assert_eq!(events(b"\x1b[I\x1b[O"), vec![Event::FocusGained, Event::FocusLost]);
}
