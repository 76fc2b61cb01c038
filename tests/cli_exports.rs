//! Golden files and validity checks for every exporter, and the export → import
//! round trip, on a fixture full of accents, quotes, commas, newlines, `<script>`
//! and escape sequences.

#![allow(clippy::unwrap_used)] // Test helpers outside #[test] functions may panic.

use std::path::Path;

use dafo::domain::{Factor, Quadrant, Session};
use dafo::export::import::{build, csv as import_csv, markdown as import_md};
use dafo::export::{Format, render};
use dafo::i18n::Lang;
use jiff::Timestamp;
use proptest::prelude::*;

fn tricky() -> Session {
    dafo::storage::load(Path::new("tests/fixtures/tricky.ron")).unwrap()
}

fn palencia() -> Session {
    dafo::storage::load(Path::new("sessions/palencia-ciudad-de-los-cuidados.ron")).unwrap()
}

const ALL: [Format; 6] = [Format::Md, Format::Txt, Format::Html, Format::HtmlFragment, Format::Csv, Format::Json];

#[test]
fn golden_markdown() {
    insta::assert_snapshot!("tricky_md", render(&tricky(), Lang::Es, Format::Md));
    insta::assert_snapshot!("tricky_md_en", render(&tricky(), Lang::En, Format::Md));
}

#[test]
fn golden_text() {
    insta::assert_snapshot!("tricky_txt", render(&tricky(), Lang::Es, Format::Txt));
    insta::assert_snapshot!("palencia_txt", render(&palencia(), Lang::Es, Format::Txt));
}

#[test]
fn golden_html() {
    insta::assert_snapshot!("tricky_html", render(&tricky(), Lang::Es, Format::Html));
    insta::assert_snapshot!("tricky_html_fragment", render(&tricky(), Lang::En, Format::HtmlFragment));
}

#[test]
fn golden_csv() {
    insta::assert_snapshot!("tricky_csv", render(&tricky(), Lang::Es, Format::Csv));
}

#[test]
fn golden_json() {
    insta::assert_snapshot!("tricky_json", render(&tricky(), Lang::Es, Format::Json));
}

#[test]
fn no_escape_or_control_bytes_in_any_format() {
    for s in [tricky(), palencia()] {
        for lang in [Lang::Es, Lang::En] {
            for f in ALL {
                let out = render(&s, lang, f);
                let bad = out.chars().find(|&c| c.is_control() && !matches!(c, '\n' | '\r'));
                assert_eq!(bad, None, "{f:?} has a control character");
            }
        }
    }
}

#[test]
fn html_escapes_all_user_text() {
    for f in [Format::Html, Format::HtmlFragment] {
        let html = render(&tricky(), Lang::Es, f);
        assert!(!html.to_lowercase().contains("<script"), "{html}");
        assert!(!html.contains("<b>"), "title markup must be escaped");
        assert!(html.contains("&lt;script&gt;alert('x')&lt;/script&gt;"));
        assert!(!html.contains('\u{1b}'));
        // Tags are balanced.
        for tag in ["table", "tr", "td", "th", "ul", "li", "h1", "h2", "p"] {
            let open = html.matches(&format!("<{tag}>")).count() + html.matches(&format!("<{tag} ")).count();
            assert_eq!(open, html.matches(&format!("</{tag}>")).count(), "<{tag}> in {f:?}");
        }
    }
    let page = render(&tricky(), Lang::Es, Format::Html);
    assert!(page.starts_with("<!DOCTYPE html>") && page.contains("size: A4") && page.trim_end().ends_with("</html>"));
}

#[test]
fn csv_parses_back_with_one_row_per_factor() {
    let s = tricky();
    let text = render(&s, Lang::Es, Format::Csv);
    assert!(text.contains("\r\n"), "RFC 4180 line ends");
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    assert_eq!(reader.headers().unwrap().iter().collect::<Vec<_>>(), dafo::export::csv::HEADER);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), s.total());
    assert!(rows.iter().all(|r| r.len() == 10));
    assert_eq!(&rows[0][3], "Equipo con \"experiencia\", implicado y estable");
    assert_eq!(&rows[0][2], "Fortalezas");
}

#[test]
fn json_is_valid_and_stable() {
    let v: serde_json::Value = serde_json::from_str(&render(&tricky(), Lang::En, Format::Json)).unwrap();
    assert_eq!(v["schema"], "dafo-export/1");
    assert_eq!(v["weaknesses"][1]["text"], "Texto con escape rojo y OSC");
    assert_eq!(v["counts"]["threats"], 2);
}

#[test]
fn text_fits_80_columns() {
    use unicode_width::UnicodeWidthStr;
    let mut odd = tricky();
    odd.strengths[0].id = "F123456789012345678901234567890".into();
    odd.meta.title = "Título ".repeat(30);
    odd.threats[0].text = "x".repeat(200);
    for s in [tricky(), palencia(), odd] {
        for line in render(&s, Lang::Es, Format::Txt).lines() {
            assert!(line.width() <= 80, "{line:?}");
        }
    }
}

/// The items of a session as comparable tuples.
fn items(s: &Session) -> Vec<(Quadrant, String, String, u32, Option<u8>)> {
    Quadrant::ALL
        .iter()
        .flat_map(|&q| s.factors(q).iter().map(move |f| (q, f.id.clone(), f.text.clone(), f.votes, f.impact)))
        .collect()
}

/// What an export keeps: the text made safe.
fn cleaned(s: &Session) -> Session {
    let mut s = s.clone();
    for q in Quadrant::ALL {
        let list: Vec<Factor> = s
            .factors(q)
            .iter()
            .map(|f| Factor { text: dafo::domain::text::clean_text(&f.text), ..f.clone() })
            .collect();
        match q {
            Quadrant::Strengths => s.strengths = list,
            Quadrant::Weaknesses => s.weaknesses = list,
            Quadrant::Opportunities => s.opportunities = list,
            Quadrant::Threats => s.threats = list,
        }
    }
    s
}

#[test]
fn markdown_and_csv_round_trip_the_fixtures() {
    for s in [tricky(), palencia()] {
        for lang in [Lang::Es, Lang::En] {
            let md = import_md(&render(&s, lang, Format::Md));
            assert_eq!(md.title.as_deref(), Some(dafo::domain::text::clean_text(&s.meta.title).as_str()));
            let back = build(md, "x", Timestamp::UNIX_EPOCH);
            assert_eq!(items(&back), items(&cleaned(&s)), "markdown {lang:?}");
            let csv = import_csv(&render(&s, lang, Format::Csv), Path::new("x.csv")).unwrap();
            let back = build(csv, "x", Timestamp::UNIX_EPOCH);
            assert_eq!(items(&back), items(&cleaned(&s)), "csv {lang:?}");
        }
    }
}

fn arb_session() -> impl Strategy<Value = Session> {
    let text = "[ -~áéíóúñÁÉÍÓÚÑ¿¡«»€\u{1b}\n\t]{1,60}";
    let factor = (text, 0u32..20, proptest::option::of(1u8..=5));
    proptest::collection::vec((0usize..4, factor), 0..12).prop_map(|items| {
        let mut s = Session::new("Prop", Timestamp::UNIX_EPOCH);
        for (q, (text, votes, impact)) in items {
            let q = Quadrant::from_index(q);
            if let Some(dafo::domain::Edit::Factor(_, dafo::domain::ListOp::Insert(_, mut f))) = s.add_factor(q, &text)
            {
                f.votes = votes;
                f.impact = impact;
                match q {
                    Quadrant::Strengths => s.strengths.push(f),
                    Quadrant::Weaknesses => s.weaknesses.push(f),
                    Quadrant::Opportunities => s.opportunities.push(f),
                    Quadrant::Threats => s.threats.push(f),
                }
            }
        }
        s
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn export_then_import_gives_back_the_same_items(s in arb_session()) {
        let md = build(import_md(&render(&s, Lang::Es, Format::Md)), "x", Timestamp::UNIX_EPOCH);
        prop_assert_eq!(items(&md), items(&s));
        let csv = import_csv(&render(&s, Lang::En, Format::Csv), Path::new("x.csv")).unwrap();
        let csv = build(csv, "x", Timestamp::UNIX_EPOCH);
        prop_assert_eq!(items(&csv), items(&s));
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100))]

    #[test]
    fn diff_accounts_for_every_factor(old in arb_session(), new in arb_session()) {
        use dafo::export::diff::diff;
        let d = diff(&old, &new);
        let matched = d.changed.len() + d.unchanged;
        prop_assert_eq!(matched + d.removed.len(), old.total());
        prop_assert_eq!(matched + d.added.len(), new.total());
        let same = diff(&new, &new);
        prop_assert!(same.is_empty());
        prop_assert_eq!(same.unchanged, new.total());
    }
}
