//! Hostile input for the session loader: arbitrary bytes, mutated valid files and deep
//! nesting give a session or a clean error, never a panic or a stack overflow.
#![allow(clippy::unwrap_used)] // test helpers outside #[test] functions

use std::path::Path;

use dafo::domain::{Factor, Quadrant, Session};
use dafo::storage::{LoadError, parse, parse_bytes, to_ron};
use jiff::Timestamp;
use proptest::prelude::*;

fn sample() -> Session {
    let mut s = Session::new("Taller «Cuidados»", Timestamp::UNIX_EPOCH);
    for (i, text) in ["Red de centros", "Listas de espera", "Fondos europeos", "Envejecimiento"].iter().enumerate() {
        let edit = s.add_factor(Quadrant::ALL[i], text).unwrap();
        s.apply(edit).unwrap();
    }
    s
}

/// Parses and, on error, checks the message names the file.
fn parse_cleanly(text: &str) {
    if let Err(e) = parse(text, Path::new("hostile.ron")) {
        assert!(e.to_string().starts_with("hostile.ron"), "{e}");
    }
}

#[derive(Debug, Clone)]
enum Mutation {
    Flip(usize, u8),
    Insert(usize, u8),
    Delete(usize, usize),
    Truncate(usize),
    Duplicate(usize, usize),
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), any::<u8>()).prop_map(|(i, b)| Mutation::Flip(i, b)),
        (any::<usize>(), prop::sample::select(b"()[]{}\",:\\'#/*rs0-.eE\n ".to_vec()))
            .prop_map(|(i, b)| Mutation::Insert(i, b)),
        (any::<usize>(), 1..40usize).prop_map(|(i, n)| Mutation::Delete(i, n)),
        any::<usize>().prop_map(Mutation::Truncate),
        (any::<usize>(), 1..200usize).prop_map(|(i, n)| Mutation::Duplicate(i, n)),
    ]
}

fn mutate(mut bytes: Vec<u8>, mutations: &[Mutation]) -> Vec<u8> {
    for m in mutations {
        let len = bytes.len().max(1);
        match *m {
            Mutation::Flip(i, b) if !bytes.is_empty() => bytes[i % len] = b,
            Mutation::Insert(i, b) => bytes.insert(i % (bytes.len() + 1), b),
            Mutation::Delete(i, n) if !bytes.is_empty() => {
                let start = i % len;
                bytes.drain(start..(start + n).min(bytes.len()));
            }
            Mutation::Truncate(i) => bytes.truncate(i % len),
            Mutation::Duplicate(i, n) if !bytes.is_empty() => {
                let start = i % len;
                let chunk = bytes[start..(start + n).min(bytes.len())].to_vec();
                bytes.splice(start..start, chunk);
            }
            _ => {}
        }
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        parse_cleanly(&text);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        parse_cleanly(&String::from_utf8_lossy(&bytes));
        if let Err(e) = parse_bytes(&bytes, Path::new("hostile.ron")) {
            prop_assert!(e.to_string().starts_with("hostile.ron:"), "{}", e);
        }
    }

    #[test]
    fn ron_shaped_noise_never_panics(text in r#"[()\[\]{}",: a-z0-9\\#/*.-]{0,400}"#) {
        parse_cleanly(&text);
        parse_cleanly(&format!("(version: 1, meta: {text}"));
    }

    #[test]
    fn mutated_valid_files_never_panic(mutations in prop::collection::vec(mutation(), 1..8)) {
        let bytes = mutate(to_ron(&sample()).into_bytes(), &mutations);
        parse_cleanly(&String::from_utf8_lossy(&bytes));
        let _ = parse_bytes(&bytes, Path::new("hostile.ron"));
    }

    /// Any text the room can type survives a save and a load unchanged: quotes,
    /// backslashes, control characters, bidi overrides, emoji.
    #[test]
    fn factor_text_round_trips(texts in prop::collection::vec(any::<String>(), 0..20)) {
        let mut s = sample();
        for (i, text) in texts.into_iter().enumerate() {
            s.threats.push(Factor::new(format!("A{}", i + 10), text));
        }
        s.normalise_ids();
        let back = parse(&to_ron(&s), Path::new("x.ron")).unwrap();
        prop_assert_eq!(back, s);
    }
}

#[test]
fn deep_nesting_is_an_error_not_a_stack_overflow() {
    for open in ["[", "(", "{", "Some(", "[(", "(a:"] {
        let deep = open.repeat(100_000);
        for text in [deep.clone(), format!("(version: 1, meta: {deep}"), format!("(version: {deep}")] {
            assert!(parse(&text, Path::new("deep.ron")).is_err(), "{open}");
        }
    }
    // Deep but closed, too.
    let closed = format!("(version: 1, meta: (title: {}1{}))", "[".repeat(50_000), "]".repeat(50_000));
    assert!(matches!(parse(&closed, Path::new("deep.ron")), Err(LoadError::Parse { .. })));
}

#[test]
fn huge_numbers_and_strings_are_clean_errors() {
    for text in [
        "(version: 99999999999999999999999)".to_owned(),
        "(version: -1)".to_owned(),
        format!("(version: 1, meta: (title: \"{}\"", "x".repeat(5_000_000)),
        "(version: 1, meta: (title: \"\\u{110000}\"))".to_owned(),
        "\u{feff}(version: 1)".to_owned(),
        "\0".repeat(1000),
    ] {
        assert!(parse(&text, Path::new("big.ron")).is_err());
    }
}
