//! The EFI/EFE tables of a Markdown export read back: each row's weight and
//! rating go to the factor of that ID, so an export imports as the session it
//! came from. Numbers are read as the table's language writes them (its
//! heading says which), through `i18n::locale`.

use super::Imported;
use super::plan::{split_unescaped, unescape};
use crate::i18n::plan_words::fold;
use crate::i18n::{Lang, stored_id};

/// One row of an EFI/EFE table: the factor's ID (as shown), weight, rating.
#[derive(Debug, Clone, PartialEq)]
struct Row {
    id: String,
    weight: Option<f64>,
    rating: Option<u8>,
}

/// The language whose EFI or EFE heading `line` is (`## Matriz EFI (factores internos)`).
fn matrix_heading(line: &str) -> Option<Lang> {
    let text = line.strip_prefix('#')?.trim_start_matches('#').trim();
    let f = fold(text);
    Lang::ALL.iter().copied().find(|l| l.text().plan.matrix_headings.iter().any(|h| fold(h) == f))
}

/// The rows of every EFI/EFE table in `text`.
fn rows(text: &str) -> Vec<Row> {
    let mut out = Vec::new();
    let mut lang = None;
    for line in text.lines().map(str::trim) {
        if line.starts_with('#') {
            lang = matrix_heading(line);
            continue;
        }
        let (Some(l), Some(inner)) = (lang, line.strip_prefix('|').and_then(|r| r.strip_suffix('|'))) else {
            continue;
        };
        let cells: Vec<String> = split_unescaped(inner, &['|']).iter().map(|c| unescape(c.trim())).collect();
        let [id, _, weight, rating, ..] = cells.as_slice() else { continue };
        // The header, the alignment row and the total have no factor ID.
        if crate::domain::ItemId::try_from(id.as_str()).is_err() {
            continue;
        }
        // A weight written as a percentage (`15 %`, a table typed by hand) is the
        // weight it stands for, not a number over 1 to be dropped.
        let weight = match weight.trim().strip_suffix('%') {
            Some(percent) => l
                .locale()
                .read_number(percent.trim())
                .ok()
                .and_then(|p| crate::domain::Weight::from_percent(p).ok())
                .map(f64::from),
            None => l.locale().read_number(weight).ok().filter(|w| (0.0..=1.0).contains(w)),
        };
        let rating = rating.parse::<u8>().ok().filter(|r| (1..=4).contains(r));
        out.push(Row { id: id.clone(), weight, rating });
    }
    out
}

/// Gives each imported factor the weight and rating its row in the EFI/EFE
/// tables of `text` has (matched by ID, as any language shows it).
pub fn read_into(text: &str, imported: &mut Imported) {
    for row in rows(text) {
        let id = stored_id(&row.id);
        if let Some((_, d)) =
            imported.items.iter_mut().find(|(_, d)| d.id.as_deref().map(stored_id) == Some(id.clone()))
        {
            d.weight = row.weight;
            d.rating = row.rating;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_read_in_the_language_of_their_heading() {
        let md = "## Matriz EFI (factores internos)\n\n| ID | Factor | Peso | Valoración | Ponderado |\n|---|---|--:|--:|--:|\n\
                  | F1 | Red \\| entidades | 0,10 | 4 | 0,40 |\n| D2 | Listas | sin peso | | |\n| **Total** | | **1,00** | | **0,40** |\n\n\
                  ## EFE matrix (external factors)\n\n| ID | Factor | Weight | Rating | Weighted |\n|---|---|--:|--:|--:|\n\
                  | O1 | Funds | 0.125 | 3 | 0.38 |\n\n## Otra cosa\n\n| F9 | no | 0,5 | 2 | |\n";
        let row = |id: &str, weight, rating| Row { id: id.to_owned(), weight, rating };
        assert_eq!(rows(md), [row("F1", Some(0.1), Some(4)), row("D2", None, None), row("O1", Some(0.125), Some(3))]);
    }

    /// Weights written as percentages, as a hand-made table has them, are the
    /// weights they stand for; one past 100 % is no weight.
    #[test]
    fn weights_written_as_percentages_are_read_as_meant() {
        let md = "## Matriz EFI (factores internos)\n\n| ID | Factor | Peso | Valoración | Ponderado |\n|---|---|--:|--:|--:|\n\
                  | F1 | a | 15% | 4 | |\n| F2 | b | 33,3 % | 3 | |\n| F3 | c | 120% | 2 | |\n\n\
                  ## EFE matrix (external factors)\n\n| ID | Factor | Weight | Rating | Weighted |\n|---|---|--:|--:|--:|\n\
                  | O1 | d | 12.5% | 3 | |\n";
        let weights: Vec<Option<f64>> = rows(md).iter().map(|r| r.weight).collect();
        assert_eq!(weights, [Some(0.15), Some(0.333), None, Some(0.125)]);
    }

    #[test]
    fn a_markdown_export_imports_with_its_weights_and_ratings_exactly() {
        use crate::domain::{Factor, Session};
        use crate::import::{build, markdown};
        let mut s = Session::new("t", jiff::Timestamp::UNIX_EPOCH);
        let mut f1 = Factor::new("F1", "Red de entidades");
        (f1.weight, f1.rating) = (Some(0.125), Some(4));
        let mut d1 = Factor::new("D1", "Listas de espera");
        (d1.weight, d1.rating) = (Some(0.875), Some(1));
        let mut o1 = Factor::new("O1", "Fondos");
        (o1.weight, o1.rating) = (Some(1.0), Some(3));
        (s.strengths, s.weaknesses, s.opportunities) = (vec![f1], vec![d1], vec![o1]);
        s.threats = vec![Factor::new("A1", "Despoblación")];
        for lang in Lang::ALL.iter().copied() {
            let md = crate::export::render(&s, lang, crate::export::Format::Md);
            let back = build(markdown(&md), "t", jiff::Timestamp::UNIX_EPOCH);
            for q in crate::domain::Quadrant::ALL {
                let pairs = |s: &Session| s.factors(q).iter().map(|f| (f.weight, f.rating)).collect::<Vec<_>>();
                assert_eq!(pairs(&back), pairs(&s), "{lang:?} {q:?}\n{md}");
            }
        }
    }
}
