//! A value in a column of the document model ([`super::doc::Items`],
//! [`super::doc::Table`]): the user's or the export's text, or a typed value
//! (a number, an amount, a percentage, a date) that the builders take from the
//! domain as it is stored and each backend writes through the locale of the
//! document's language ([`Cell::show`]). Nothing downstream reads a number or
//! a date back out of a cell's text: a backend that needs to know a due date
//! (the overdue mark) looks at the [`Cell::Date`] itself.

use jiff::civil::Date;

use crate::i18n::Lang;

/// What one cell holds.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// Words, written as they are (each backend escapes them its way).
    Text(String),
    /// A whole count: `3`, `12`.
    Count(u64),
    /// A number with exactly this many decimals: `0,15`, `2.75`.
    Fixed(f64, usize),
    /// A number rounded to at most two decimals, none when whole: `35`, `12,5`.
    Short(f64),
    /// A number exactly, as the language writes it so it reads back: `1620,5`.
    Exact(f64),
    /// A weight: two decimals (`0,10`), or every decimal it has when two would
    /// round it (`0,125`), so that an export that imports gives back the weight stored.
    Weight(f64),
    /// Euros, from cents: `1.500,50 €`, `€1,500.50`.
    Amount(u64),
    /// A percentage, rounded to one decimal: `62,5 %`, `62.5%`.
    Percent(f64),
    /// A day: `31/01/2027`, `2027-01-31`; `overdue` puts the `⚠` before it.
    Date { date: Date, overdue: bool },
    /// Nothing to show where a value was expected: `—`.
    Missing,
}

impl Cell {
    /// A day, not overdue.
    pub fn date(date: Date) -> Cell {
        Cell::Date { date, overdue: false }
    }

    /// A day if there is one, else an empty cell.
    pub fn maybe_date(date: Option<Date>) -> Cell {
        date.map_or_else(Cell::empty, Cell::date)
    }

    /// An empty cell.
    pub fn empty() -> Cell {
        Cell::Text(String::new())
    }

    /// Whether the cell shows nothing.
    pub fn is_empty(&self) -> bool {
        matches!(self, Cell::Text(t) if t.is_empty())
    }

    /// The cell as `lang` writes it.
    pub fn show(&self, lang: Lang) -> String {
        let l = lang.locale();
        match self {
            Cell::Text(t) => t.clone(),
            Cell::Count(n) => n.to_string(),
            Cell::Fixed(x, decimals) => l.fixed(*x, *decimals),
            Cell::Short(x) => l.short(*x),
            Cell::Exact(x) => l.exact(*x),
            Cell::Weight(x) => {
                let two = l.fixed(*x, 2);
                if l.read_number(&two).is_ok_and(|back| back == *x) { two } else { l.exact(*x) }
            }
            Cell::Amount(cents) => l.money(*cents),
            Cell::Percent(x) => l.percent(*x),
            Cell::Date { date, overdue: false } => l.date(*date),
            Cell::Date { date, overdue: true } => format!("{} {}", super::marks::OVERDUE, l.date(*date)),
            Cell::Missing => "—".to_owned(),
        }
    }

    /// The cell with its text made of characters XML 1.0 allows (typed values
    /// are written by the export and always are).
    pub fn xml_safe(&self) -> Cell {
        match self {
            Cell::Text(t) => Cell::Text(super::doc::xml_text(t)),
            other => other.clone(),
        }
    }
}

impl From<String> for Cell {
    fn from(text: String) -> Cell {
        Cell::Text(text)
    }
}

impl From<&str> for Cell {
    fn from(text: &str) -> Cell {
        Cell::Text(text.to_owned())
    }
}

/// Cells shown as `lang` writes them.
pub fn shown(cells: &[Cell], lang: Lang) -> Vec<String> {
    cells.iter().map(|c| c.show(lang)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_language_writes_a_typed_cell_its_way() {
        let day = Cell::date(jiff::civil::date(2027, 1, 31));
        let amount = Cell::Amount(150_050);
        let percent = Cell::Percent(62.54);
        let late = Cell::Date { date: jiff::civil::date(2027, 1, 31), overdue: true };
        assert_eq!(
            shown(&[day.clone(), amount.clone(), percent.clone(), late.clone()], Lang::Es),
            ["31/01/2027", "1.500,50 €", "62,5 %", "⚠ 31/01/2027"]
        );
        assert_eq!(
            shown(&[day.clone(), amount.clone(), percent.clone()], Lang::Ca),
            ["31/01/2027", "1.500,50 €", "62,5 %"]
        );
        assert_eq!(shown(&[day, amount, percent], Lang::En), ["2027-01-31", "€1,500.50", "62.5%"]);
    }

    #[test]
    fn numbers_keep_what_they_mean() {
        assert_eq!(Cell::Fixed(2.75, 2).show(Lang::Es), "2,75");
        assert_eq!(Cell::Fixed(2.75, 2).show(Lang::En), "2.75");
        assert_eq!(Cell::Weight(0.1).show(Lang::Es), "0,10");
        assert_eq!(Cell::Weight(0.125).show(Lang::Es), "0,125", "two decimals would round it");
        assert_eq!(Cell::Exact(1620.5).show(Lang::Ca), "1620,5");
        assert_eq!(Cell::Count(12).show(Lang::En), "12");
        assert_eq!(Cell::Missing.show(Lang::Ca), "—");
    }

    /// A document in `lang` with a date and an amount in a table and in a list.
    fn typed_doc(lang: Lang) -> super::super::doc::Document {
        use super::super::doc::{Apparatus, Block, Column, Document, Item, Items, Shape, Table};
        let day = Cell::date(jiff::civil::date(2027, 1, 31));
        let table = Table {
            columns: vec![
                Column::new("ID", Some(8)),
                Column::new("Qué", None),
                Column::new("Plazo", Some(14)),
                Column::new("Importe", Some(14)).numeric(9),
            ],
            rows: vec![vec!["A1".into(), "Algo".into(), day.clone(), Cell::Amount(150_050)]],
            total_label: "Total".into(),
            totals: vec![Cell::Missing, Cell::Amount(150_050)],
        };
        let item = Item {
            id: "M1".into(),
            text: "Acción".into(),
            pair: None,
            note: None,
            details: Vec::new(),
            cells: vec![day, Cell::Percent(62.54)],
            marks: 0,
        };
        let items = Items {
            id_width: 7,
            text_label: "Acción".into(),
            columns: vec![Column::new("Plazo", Some(11)).compact(), Column::new("Grado", Some(9)).compact()],
            rows: vec![item],
            shape: Shape::Table,
            group: "x",
        };
        Document {
            title: "T".into(),
            lang,
            language: lang.tag().into(),
            footer: String::new(),
            blocks: vec![Block::Table(table), Block::Items(items)],
            apparatus: Apparatus::default(),
        }
    }

    /// Every backend writes the same typed cells the document's language's way.
    #[test]
    fn every_backend_writes_dates_amounts_and_percentages_the_languages_way() {
        use std::io::Read as _;
        let docx_body = |doc: &super::super::doc::Document| {
            let package = super::super::docx::document(doc);
            let mut zip = zip::ZipArchive::new(std::io::Cursor::new(package)).expect("a zip");
            let mut xml = String::new();
            zip.by_name("word/document.xml").expect("a body").read_to_string(&mut xml).expect("text");
            xml
        };
        for (lang, expected, absent) in [
            (Lang::Es, ["31/01/2027", "1.500,50 €", "62,5 %"], "2027-01-31"),
            (Lang::Ca, ["31/01/2027", "1.500,50 €", "62,5 %"], "2027-01-31"),
            (Lang::En, ["2027-01-31", "€1,500.50", "62.5%"], "31/01/2027"),
        ] {
            let doc = typed_doc(lang);
            let outputs = [
                ("markdown", super::super::markdown::document(&doc)),
                ("html", super::super::html::page_of(&doc)),
                ("text", super::super::text::document(&doc)),
                ("docx", docx_body(&doc)),
            ];
            for (backend, out) in outputs {
                // Word and HTML bind a number to its unit with a no-break space.
                let out = out.replace('\u{a0}', " ");
                for want in expected {
                    assert!(out.contains(want), "{backend} {lang:?} lacks {want}:\n{out}");
                }
                assert!(!out.contains(absent), "{backend} {lang:?} mixes date formats");
            }
        }
    }

    /// The backends write typed cells through [`Cell::show`] and nothing else:
    /// none of them reads a number, an amount or a date out of text, nor
    /// formats one with the locale by itself (which is how a Spanish-only date
    /// rewrite once crept into the docx writer).
    #[test]
    fn no_backend_reads_a_value_back_out_of_text() {
        let backends = [
            ("docx.rs", include_str!("docx.rs")),
            ("docx_chart.rs", include_str!("docx_chart.rs")),
            ("docx_apparatus.rs", include_str!("docx_apparatus.rs")),
            ("html.rs", include_str!("html.rs")),
            ("html_apparatus.rs", include_str!("html_apparatus.rs")),
            ("markdown.rs", include_str!("markdown.rs")),
            ("text.rs", include_str!("text.rs")),
            ("marks.rs", include_str!("marks.rs")),
        ];
        let readers = ["read_number", "read_money", "read_percent", "read_date", "parse::<", "Date>()", "f64>()"];
        for (name, source) in backends {
            for reader in readers.iter().chain(&["locale()"]) {
                assert!(!source.contains(reader), "{name} uses {reader}");
            }
        }
    }

    proptest::proptest! {
        /// What a backend writes for a typed cell reads back as the same value
        /// in the document's language, in every language (the locale's own
        /// property tests check its formatters; this checks the cells use them).
        #[test]
        fn typed_cells_read_back_in_every_language(
            cents in 0u64..=crate::domain::Euros::MAX_CENTS,
            tenths in -10_000i64..=100_000,
            day in 0i32..110_000,
            whole in -100_000i64..100_000,
            frac in 0u32..10_000,
        ) {
            // Any day a session may hold (`rules::DATES`, some 110.000 days).
            let (first, last) = crate::domain::rules::DATES;
            let date = first.checked_add(jiff::Span::new().days(day)).unwrap_or(last).min(last);
            let x = whole as f64 + f64::from(frac) / 10_000.0;
            let percent = tenths as f64 / 10.0;
            for &lang in Lang::ALL {
                let l = lang.locale();
                let money = l.read_money(&Cell::Amount(cents).show(lang)).map(crate::domain::Euros::try_from);
                proptest::prop_assert_eq!(money.map(|e| e.map(|e| e.cents)), Ok(Ok(cents)), "{:?}", lang);
                proptest::prop_assert_eq!(l.read_percent(&Cell::Percent(percent).show(lang)), Ok(percent));
                proptest::prop_assert_eq!(l.read_date(&Cell::date(date).show(lang)), Some(date));
                proptest::prop_assert_eq!(l.read_number(&Cell::Exact(x).show(lang)), Ok(x));
                proptest::prop_assert_eq!(l.read_number(&Cell::Weight(x).show(lang)), Ok(x));
            }
        }
    }

    #[test]
    fn only_text_is_cleaned_for_xml() {
        assert_eq!(Cell::from("a\u{1}b\u{fffe}").xml_safe(), Cell::from("ab\u{fffd}"));
        assert_eq!(Cell::from("\u{1b}[31mrojo\u{1b}[0m").xml_safe(), Cell::from("rojo"));
        assert_eq!(Cell::Amount(5).xml_safe(), Cell::Amount(5));
    }
}
