//! Terminal input bytes to crossterm events, with a way to give up on a sequence.
//!
//! crossterm 0.29 keeps a cut-short sequence (`ESC [ <`, a paste without its end)
//! in a private buffer forever, and every later key with it. This parser makes the
//! same events as crossterm for what dafo asks the terminal for (keys, SGR mouse
//! reports, bracketed paste, focus), but the reader can call [`Parser::give_up`]
//! when a sequence stays incomplete: a lone `ESC` becomes the Esc key, an open
//! paste is delivered with the text so far, any other partial sequence is dropped.

use std::collections::VecDeque;

use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

const ESC: u8 = 0x1b;
const PASTE_END: &[u8] = b"\x1b[201~";
/// Longest `ESC [` sequence kept waiting for its final byte.
const MAX_SEQUENCE: usize = 64;

/// Incremental parser: feed it bytes as they are read, take events from `events`.
#[derive(Debug, Default)]
pub struct Parser {
    /// Bytes of the sequence or character not complete yet.
    pending: Vec<u8>,
    /// Inside a bracketed paste: its bytes so far (end marker not seen yet).
    paste: Option<Vec<u8>>,
    /// Events ready to be taken.
    pub events: VecDeque<Event>,
}

impl Parser {
    /// Parses `bytes`, appending every complete event to `events`.
    pub fn feed(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.push(byte);
        }
    }

    /// True while a sequence, character or paste is started and not finished.
    pub fn in_sequence(&self) -> bool {
        !self.pending.is_empty()
    }

    /// True while a bracketed paste is open.
    pub fn in_paste(&self) -> bool {
        self.paste.is_some()
    }

    /// Gives up on what is incomplete (called after a short silence): a lone
    /// `ESC` is the Esc key, an `ESC` + byte is that key with Alt, an open paste
    /// is delivered as far as it came, anything else is dropped. Keys are taken
    /// normally again afterwards.
    pub fn give_up(&mut self) {
        if let Some(paste) = self.paste.take() {
            self.events.push_back(Event::Paste(String::from_utf8_lossy(&paste).into_owned()));
        }
        let pending = std::mem::take(&mut self.pending);
        if pending == [ESC] {
            self.key(KeyCode::Esc, KeyModifiers::NONE);
        }
    }

    fn push(&mut self, byte: u8) {
        if let Some(paste) = &mut self.paste {
            paste.push(byte);
            if paste.ends_with(PASTE_END) {
                paste.truncate(paste.len() - PASTE_END.len());
                let text = String::from_utf8_lossy(paste).into_owned();
                self.paste = None;
                self.events.push_back(Event::Paste(text));
            }
            return;
        }
        // `ESC ESC`: the first one was the Esc key on its own.
        if byte == ESC && self.pending == [ESC] {
            self.key(KeyCode::Esc, KeyModifiers::NONE);
            self.pending.clear();
        }
        self.pending.push(byte);
        match self.try_parse() {
            Parsed::More => {}
            Parsed::Done => self.pending.clear(),
            // A control byte or `ESC` broke the sequence: drop it, the byte starts anew.
            Parsed::Broken => {
                self.pending.clear();
                self.push(byte);
            }
        }
    }

    fn try_parse(&mut self) -> Parsed {
        let buf = std::mem::take(&mut self.pending);
        let parsed = match buf.as_slice() {
            [ESC] => Parsed::More,
            [ESC, b'[', rest @ ..] => self.csi(rest),
            [ESC, b'O'] => Parsed::More,
            [ESC, b'O', last] if *last < 0x20 => Parsed::Broken,
            [ESC, b'O', last] => {
                self.ss3(*last);
                Parsed::Done
            }
            [ESC, rest @ ..] => self.plain(rest, KeyModifiers::ALT),
            rest => self.plain(rest, KeyModifiers::NONE),
        };
        self.pending = buf;
        parsed
    }

    /// A key that is not an escape sequence: a control byte or a UTF-8 character.
    fn plain(&mut self, bytes: &[u8], extra: KeyModifiers) -> Parsed {
        let Some(&first) = bytes.first() else { return Parsed::More };
        let (code, mods) = match first {
            b'\r' => (KeyCode::Enter, KeyModifiers::NONE),
            b'\t' => (KeyCode::Tab, KeyModifiers::NONE),
            0x7f | 0x08 => (KeyCode::Backspace, KeyModifiers::NONE),
            0 => (KeyCode::Char(' '), KeyModifiers::CONTROL),
            // `\n` in raw mode is Ctrl+J, as in crossterm.
            c @ 0x01..=0x1a => (KeyCode::Char(char::from(c - 1 + b'a')), KeyModifiers::CONTROL),
            c @ 0x1c..=0x1f => (KeyCode::Char(char::from(c - 0x1c + b'4')), KeyModifiers::CONTROL),
            _ => match utf8(bytes) {
                Utf8::Char(c) if c.is_uppercase() => (KeyCode::Char(c), KeyModifiers::SHIFT),
                Utf8::Char(c) => (KeyCode::Char(c), KeyModifiers::NONE),
                Utf8::More => return Parsed::More,
                Utf8::Invalid => return Parsed::Done,
            },
        };
        self.key(code, mods | extra);
        Parsed::Done
    }

    fn ss3(&mut self, last: u8) {
        if let Some(code) = cursor_key(last) {
            self.key(code, KeyModifiers::NONE);
        }
    }

    /// `ESC [` then parameter bytes (0x30-0x3f), intermediate bytes (0x20-0x2f)
    /// and one final byte (0x40-0x7e). Anything else ends the sequence unparsed.
    fn csi(&mut self, body: &[u8]) -> Parsed {
        let Some((&last, head)) = body.split_last() else { return Parsed::More };
        // X10 mouse report (`ESC [ M` and three raw bytes), for terminals without SGR.
        if head.first() == Some(&b'M') && head.len() <= 3 && !head.is_empty() {
            if head.len() < 3 {
                return Parsed::More;
            }
            let (cb, cx, cy) = (head[1], head[2], last);
            let (x, y) = (u16::from(cx.saturating_sub(32)), u16::from(cy.saturating_sub(32)));
            self.mouse(u16::from(cb.saturating_sub(32)), x, y, true);
            return Parsed::Done;
        }
        match last {
            // No terminal sends parameters this long: a broken sequence.
            0x20..=0x3f if body.len() > MAX_SEQUENCE => return Parsed::Done,
            0x20..=0x3f => return Parsed::More,
            0x40..=0x7e => {}
            ..0x20 => return Parsed::Broken,
            _ => return Parsed::Done,
        }
        if body == b"M" {
            return Parsed::More;
        }
        let (private, params) = match head.first() {
            Some(&p @ (b'<' | b'=' | b'>' | b'?')) => (Some(p), &head[1..]),
            _ => (None, head),
        };
        let numbers: Vec<u16> = params
            .split(|&b| b == b';')
            .map(|n| std::str::from_utf8(n).ok().and_then(|s| s.split(':').next()?.parse().ok()).unwrap_or(0))
            .collect();
        let first = numbers.first().copied().unwrap_or(0);
        let mods = modifiers(numbers.get(1).copied().unwrap_or(1));
        if private == Some(b'<') {
            if let [cb, x, y] = numbers[..] {
                self.mouse(cb, x, y, last == b'M');
            }
            return Parsed::Done;
        }
        if private.is_some() {
            return Parsed::Done;
        }
        if let Some(code) = cursor_key(last) {
            self.key(code, mods);
            return Parsed::Done;
        }
        let code = match last {
            b'Z' => {
                self.key(KeyCode::BackTab, KeyModifiers::SHIFT);
                return Parsed::Done;
            }
            b'I' if params.is_empty() => {
                self.events.push_back(Event::FocusGained);
                return Parsed::Done;
            }
            b'O' if params.is_empty() => {
                self.events.push_back(Event::FocusLost);
                return Parsed::Done;
            }
            b'~' => match first {
                200 => {
                    self.paste = Some(Vec::new());
                    return Parsed::Done;
                }
                1 | 7 => KeyCode::Home,
                2 => KeyCode::Insert,
                3 => KeyCode::Delete,
                4 | 8 => KeyCode::End,
                5 => KeyCode::PageUp,
                6 => KeyCode::PageDown,
                n @ 11..=15 => KeyCode::F((n - 10) as u8),
                n @ 17..=21 => KeyCode::F((n - 11) as u8),
                n @ 23..=26 => KeyCode::F((n - 12) as u8),
                n @ 28..=29 => KeyCode::F((n - 13) as u8),
                n @ 31..=34 => KeyCode::F((n - 14) as u8),
                _ => return Parsed::Done,
            },
            _ => return Parsed::Done,
        };
        self.key(code, mods);
        Parsed::Done
    }

    /// An SGR (`cb;x;y` then `M` or `m`) or X10 mouse report; x and y count from 1.
    fn mouse(&mut self, cb: u16, x: u16, y: u16, pressed: bool) {
        let button = match cb & 0b11 {
            0 => Some(MouseButton::Left),
            1 => Some(MouseButton::Middle),
            2 => Some(MouseButton::Right),
            _ => None,
        };
        let kind = if cb & 64 != 0 {
            match cb & 0b11 {
                0 => MouseEventKind::ScrollUp,
                1 => MouseEventKind::ScrollDown,
                2 => MouseEventKind::ScrollLeft,
                _ => MouseEventKind::ScrollRight,
            }
        } else if cb & 32 != 0 {
            button.map_or(MouseEventKind::Moved, MouseEventKind::Drag)
        } else if !pressed || button.is_none() {
            // SGR says which button was released; X10 (button 3) does not.
            MouseEventKind::Up(button.unwrap_or(MouseButton::Left))
        } else {
            button.map_or(MouseEventKind::Moved, MouseEventKind::Down)
        };
        let mut modifiers = KeyModifiers::NONE;
        for (bit, m) in [(4, KeyModifiers::SHIFT), (8, KeyModifiers::ALT), (16, KeyModifiers::CONTROL)] {
            if cb & bit != 0 {
                modifiers |= m;
            }
        }
        let (column, row) = (x.saturating_sub(1), y.saturating_sub(1));
        self.events.push_back(Event::Mouse(MouseEvent { kind, column, row, modifiers }));
    }

    fn key(&mut self, code: KeyCode, modifiers: KeyModifiers) {
        self.events.push_back(Event::Key(KeyEvent::new_with_kind(code, modifiers, KeyEventKind::Press)));
    }
}

/// Whether the bytes so far finish what was started.
enum Parsed {
    More,
    Done,
    Broken,
}

enum Utf8 {
    Char(char),
    More,
    Invalid,
}

fn utf8(bytes: &[u8]) -> Utf8 {
    match std::str::from_utf8(bytes) {
        Ok(s) => s.chars().next().map_or(Utf8::Invalid, Utf8::Char),
        Err(e) if e.error_len().is_none() => Utf8::More,
        Err(_) => Utf8::Invalid,
    }
}

/// The key of a cursor or F1-F4 final byte, the same after `ESC O` (SS3) and `ESC [` (CSI).
fn cursor_key(last: u8) -> Option<KeyCode> {
    Some(match last {
        b'A' => KeyCode::Up,
        b'B' => KeyCode::Down,
        b'C' => KeyCode::Right,
        b'D' => KeyCode::Left,
        b'H' => KeyCode::Home,
        b'F' => KeyCode::End,
        b'P'..=b'S' => KeyCode::F(last - b'P' + 1),
        _ => return None,
    })
}

/// xterm's modifier parameter: 1 + a bit mask (shift 1, alt 2, ctrl 4, super 8).
fn modifiers(param: u16) -> KeyModifiers {
    let mask = param.saturating_sub(1);
    let mut mods = KeyModifiers::NONE;
    for (bit, m) in
        [(1, KeyModifiers::SHIFT), (2, KeyModifiers::ALT), (4, KeyModifiers::CONTROL), (8, KeyModifiers::SUPER)]
    {
        if mask & bit != 0 {
            mods |= m;
        }
    }
    mods
}

#[cfg(test)]
#[path = "parse_tests.rs"]
mod tests;
