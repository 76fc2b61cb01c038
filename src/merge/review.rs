//! `dafo merge --review`: asks, pair by pair, whether two grey-zone factors
//! say the same thing. Reads answers line by line (`s`/`y` joins, anything
//! else keeps apart), so it works in a terminal and from a script.

use std::io::{BufRead, Write};

use crate::export::safe;
use crate::i18n::Lang;

use super::groups::{Link, Pair};

/// The links of the pairs the answers join. At the end of the input the
/// remaining pairs stay apart.
pub fn review(pairs: &[Pair], lang: Lang, input: &mut impl BufRead, out: &mut impl Write) -> Vec<Link> {
    let mut joined = Vec::new();
    for (n, p) in pairs.iter().enumerate() {
        let _ = writeln!(
            out,
            "\n[{}/{}] {} ({} {})",
            n + 1,
            pairs.len(),
            lang.pick("¿Dicen lo mismo?", "Do they say the same?"),
            lang.pick("parecido", "likeness"),
            lang.decimal(p.score)
        );
        for f in [&p.a, &p.b] {
            let _ = writeln!(out, "  {} {} ({})", f.id, safe(&f.text), f.sources.join(", "));
        }
        let _ = write!(out, "{} ", lang.pick("s = unir, n = separar [n]:", "y = join, n = keep apart [n]:"));
        let _ = out.flush();
        let mut line = String::new();
        match input.read_line(&mut line) {
            Ok(0) | Err(_) => break,
            Ok(_) => {
                if matches!(line.trim().to_lowercase().as_str(), "s" | "si" | "sí" | "y" | "yes") {
                    joined.push(p.link.clone());
                }
            }
        }
    }
    let _ = writeln!(out);
    joined
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Quadrant;
    use crate::merge::groups::Named;

    fn pair(n: usize) -> Pair {
        let named =
            |id: &str| Named { quadrant: Quadrant::Weaknesses, id: id.into(), text: "x".into(), sources: vec![] };
        Pair { a: named("D1"), b: named("D2"), score: 0.57, link: ((0, format!("D{n}")), (1, "D1".into())) }
    }

    #[test]
    fn answers_join_or_keep_apart() {
        let pairs = [pair(1), pair(2), pair(3)];
        let mut out = Vec::new();
        let joined = review(&pairs, Lang::Es, &mut "s\n\nSí\n".as_bytes(), &mut out);
        assert_eq!(joined, [pairs[0].link.clone(), pairs[2].link.clone()]);
        assert!(String::from_utf8(out).unwrap().contains("[3/3] ¿Dicen lo mismo? (parecido 0,57)"));
        let joined = review(&pairs, Lang::En, &mut "y\n".as_bytes(), &mut Vec::new());
        assert_eq!(joined, [pairs[0].link.clone()], "the end of the input keeps the rest apart");
    }
}
