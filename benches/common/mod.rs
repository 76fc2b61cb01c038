//! Shared by the benchmarks: a large session of plausible factors.

use dafo::domain::{Quadrant, Session};

/// A session with `n` factors spread over the four quadrants.
pub fn big_session(n: usize) -> Session {
    let mut s = Session::new("Sesión grande", jiff::Timestamp::UNIX_EPOCH);
    let texts: Vec<String> =
        (0..n).map(|i| format!("Factor {i}: coordinación sociosanitaria y listas de espera")).collect();
    for q in Quadrant::ALL {
        let mine = texts.iter().skip(q.index()).step_by(4).map(String::as_str);
        if let Some(e) = s.add_factors(q, mine) {
            let _ = s.apply(e);
        }
    }
    s
}
