//! The room's secrets: the join code shown on the projector, the participants'
//! tokens, and comparing them in a time that does not tell how much matched.

/// 128 random bits, in hex; empty only if the system has no randomness to give.
pub fn random_token() -> String {
    let mut bytes = [0u8; 16];
    if getrandom::fill(&mut bytes).is_err() {
        return String::new();
    }
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Letters of a join code: no 0/O, 1/I/L, so it is read off a projector without doubt.
const CODE_LETTERS: &[u8; 31] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/// A join code of 8 letters from 31 (about 39 bits): at the rate limit, guessing
/// it would take longer than any workshop by millions of years.
pub fn new_code() -> Option<String> {
    let mut bytes = [0u8; 8];
    getrandom::fill(&mut bytes).ok()?;
    // Bytes of 248 and over are drawn again: 248 = 8 x 31 keeps every letter equally likely.
    let mut code = String::new();
    let mut pool = bytes.to_vec();
    while code.len() < 8 {
        let Some(b) = pool.pop() else {
            let mut more = [0u8; 8];
            getrandom::fill(&mut more).ok()?;
            pool.extend_from_slice(&more);
            continue;
        };
        if b < 248 {
            code.push(CODE_LETTERS[(b % 31) as usize] as char);
        }
    }
    Some(code)
}

/// A typed code made comparable: upper case, no spaces or dashes.
pub(super) fn squeeze_code(code: &str) -> String {
    code.chars().filter(|c| c.is_ascii_alphanumeric()).map(|c| c.to_ascii_uppercase()).collect()
}

/// Compares two strings in a time that does not depend on where they differ.
pub(super) fn same_secret(a: &str, b: &str) -> bool {
    a.len() == b.len() && !a.is_empty() && a.bytes().zip(b.bytes()).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
