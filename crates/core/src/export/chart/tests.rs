//! Tests of the charts: the models built from the bundled samples (golden),
//! their SVG read back by usvg with every figure in it, the PNG with its
//! text drawn, and the docx package with its pictures, content type and
//! relationships.

use std::io::Read as _;

use jiff::civil::{Date, date};
use resvg::usvg;

use super::{Chart, Kind};
use crate::domain::Session;
use crate::export::doc::Block;
use crate::export::report_join::join;
use crate::i18n::Lang;

const TODAY: Date = date(2025, 3, 1);
const ALMENDRAL: &str = "sessions/almendral-plan-servicios-sociales-2023-2026.ron";
const PALENCIA: &str = "sessions/palencia-ciudad-de-los-cuidados.ron";

fn load(path: &str) -> Session {
    crate::storage::load(&crate::repo::path(path)).unwrap()
}

/// The report of every year reviewed in the almendral sample.
fn report(lang: Lang) -> crate::export::doc::Document {
    let s = load(ALMENDRAL);
    let years = s.reviewed_years();
    let joined = join(vec![(ALMENDRAL.to_owned(), s)], lang).unwrap();
    crate::export::report_build::document(&joined, &years, lang, TODAY)
}

fn informe(lang: Lang) -> crate::export::doc::Document {
    crate::export::build::document(&load(PALENCIA), lang, TODAY)
}

fn charts(doc: &crate::export::doc::Document) -> Vec<&Chart> {
    doc.blocks
        .iter()
        .filter_map(|b| match b {
            Block::Chart(c) => Some(&**c),
            _ => None,
        })
        .collect()
}

/// Every text drawn of a chart, by kind: each value beside its mark, each tick, the axis labels.
fn drawn(chart: &Chart) -> Vec<String> {
    let mut out = vec![chart.title.clone()];
    match &chart.kind {
        Kind::Bars(b) => {
            out.push(b.scale.label.clone());
            out.extend(b.series.iter().cloned());
            out.extend(b.groups.iter().flat_map(|g| g.values.iter().map(|v| v.text.clone())));
            out.extend(b.scale.ticks.iter().map(|(_, t)| t.clone()));
        }
        Kind::Line(l) => {
            out.push(l.scale.label.clone());
            out.push(l.x_label.clone());
            out.extend(l.points.iter().flat_map(|(x, v)| [x.clone(), v.text.clone()]));
        }
        Kind::Matrix(m) => {
            out.extend([m.x.label.clone(), m.y.label.clone(), m.point_label.clone()]);
            out.extend(m.columns.iter().chain(&m.rows).cloned());
            out.extend(m.cells.iter().map(|(n, _)| n.clone()));
        }
    }
    out
}

/// The texts of a usvg tree, as laid out.
fn texts(group: &usvg::Group, out: &mut Vec<String>) {
    for node in group.children() {
        match node {
            usvg::Node::Group(g) => texts(g, out),
            usvg::Node::Text(t) => out.push(t.chunks().iter().map(|c| c.text()).collect()),
            _ => {}
        }
    }
}

#[test]
fn the_report_charts_of_the_sample_are_the_degrees_trend_and_indicators() {
    let doc = report(Lang::Es);
    let charts = charts(&doc);
    let ids: Vec<&str> = charts.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(
        ids,
        ["grafico-ejes", "grafico-plan", "grafico-presupuesto-2023", "grafico-presupuesto-2024", "grafico-indicadores"]
    );
    for c in charts.iter().filter(|c| !c.id.starts_with("grafico-presupuesto")) {
        insta::assert_debug_snapshot!(format!("report_{}", c.id), (&c.title, &c.kind));
    }
    // The same degrees as the report's table: each year's plan degree is a point of the trend.
    let s = load(ALMENDRAL);
    let Kind::Line(line) = &charts[1].kind else { panic!("the trend is a line") };
    for (y, (label, v)) in s.reviewed_years().iter().zip(&line.points) {
        assert_eq!(label, &y.to_string());
        assert_eq!(v.at, s.progress_on(*y, TODAY).degree);
    }
}

#[test]
fn the_informe_puts_the_internal_external_matrix_after_the_weights() {
    let doc = informe(Lang::Es);
    let charts = charts(&doc);
    assert_eq!(charts.len(), 1);
    let rows: Vec<Vec<String>> =
        charts[0].table.rows.iter().map(|r| crate::export::cell::shown(r, charts[0].lang)).collect();
    insta::assert_debug_snapshot!("informe_matrix", (&charts[0].kind, rows));
    // Right after the EFE table, which its weighted total leads into.
    let at = doc.blocks.iter().position(|b| matches!(b, Block::Chart(_))).unwrap();
    assert!(matches!(doc.blocks[at - 1], Block::Table(_)) && matches!(doc.blocks[at - 2], Block::Para(_)));
    let s = load(PALENCIA);
    let Kind::Matrix(m) = &charts[0].kind else { panic!("a matrix") };
    assert_eq!(m.point, (s.evaluate(crate::domain::Matrix::Efi).total, s.evaluate(crate::domain::Matrix::Efe).total));
}

#[test]
fn every_chart_svg_parses_and_draws_its_figures_and_words_in_each_language() {
    let options = super::png::options();
    for &lang in Lang::ALL {
        for doc in [report(lang), informe(lang)] {
            for chart in charts(&doc) {
                let svg = chart.svg();
                let tree = usvg::Tree::from_str(&svg, &options).unwrap_or_else(|e| panic!("{e}: {svg}"));
                let mut shown = Vec::new();
                texts(tree.root(), &mut shown);
                for text in drawn(chart) {
                    let short = text.chars().take(20).collect::<String>();
                    assert!(shown.iter().any(|s| s.contains(&short)), "{lang:?} {}: {text:?} not drawn", chart.id);
                }
                assert!(svg.contains(&format!("<title id=\"{}-t\">", chart.id)));
                assert!(svg.contains("role=\"img\""));
            }
        }
    }
    // The words are the session's language's.
    let en = report(Lang::En);
    assert!(charts(&en).iter().any(|c| c.title == "Degree of implementation per axis and year"));
    let ca = informe(Lang::Ca);
    assert!(charts(&ca)[0].table.rows[0][1].show(Lang::Ca).starts_with("Total ponderat EFI"));
}

#[test]
fn a_one_year_report_names_its_year_in_the_bars_legend() {
    let s = load(ALMENDRAL);
    let joined = join(vec![(ALMENDRAL.to_owned(), s)], Lang::Es).unwrap();
    let doc = crate::export::report_build::document(&joined, &[2024], Lang::Es, TODAY);
    let chart = charts(&doc)[0];
    let tree = usvg::Tree::from_str(&chart.svg(), &super::png::options()).unwrap();
    let mut shown = Vec::new();
    texts(tree.root(), &mut shown);
    assert!(shown.iter().any(|t| t == "2024"), "{shown:?}");
    assert!(chart.svg().contains("fill=\"url(#grafico-ejes-p0)\" stroke=\"#1f4e79\"/>\n<text"), "the key and its name");
}

#[test]
fn bars_are_as_long_as_their_values_each_series_with_its_own_pattern() {
    let doc = report(Lang::Es);
    let chart = charts(&doc)[0];
    let Kind::Bars(bars) = &chart.kind else { panic!("bars") };
    let svg = chart.svg();
    // 370 units are 100 %: a 50 % bar is 185 wide.
    for v in bars.groups.iter().flat_map(|g| &g.values) {
        if let Some(at) = v.at.filter(|&a| a > 0.0) {
            assert!(svg.contains(&format!("width=\"{:.1}\"", 370.0 * at / 100.0)), "{at}");
        }
    }
    for i in 0..bars.series.len() {
        assert!(svg.contains(&format!("fill=\"url(#grafico-ejes-p{i})\"")), "series {i} has its pattern");
    }
    let patterns: Vec<&str> = svg.split("<pattern ").skip(1).map(|p| &p[p.find('>').unwrap()..]).collect();
    let mut distinct = patterns.clone();
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), patterns.len(), "no two series look alike");
}

#[test]
fn ten_years_of_bars_each_look_apart() {
    use super::{Bars, Group, Scale, Value};
    let series: Vec<String> = (2021..2031).map(|y: i16| y.to_string()).collect();
    let values = (0..10).map(|i| Value { at: Some(f64::from(i) * 10.0), text: format!("{i}") }).collect();
    let bars = Bars {
        groups_label: "Eje".into(),
        scale: Scale::percent("Grado", Lang::Es),
        series: series.clone(),
        groups: vec![Group { label: "Uno".into(), values }],
    };
    let table = crate::export::doc::Table {
        columns: Vec::new(),
        rows: Vec::new(),
        total_label: String::new(),
        totals: Vec::new(),
    };
    let chart =
        Chart { id: "c".into(), title: "T".into(), kind: Kind::Bars(bars), table, figures_above: true, lang: Lang::Es };
    let svg = chart.svg();
    // Each series' pattern, with its colour: ten different fills.
    let mut looks: Vec<String> = (0..10)
        .map(|i| {
            let start = svg.find(&format!("<pattern id=\"c-p{i}\"")).unwrap();
            let body = &svg[start..start + svg[start..].find("</pattern>").unwrap()];
            body[body.find('>').unwrap()..].to_owned()
        })
        .collect();
    looks.sort();
    looks.dedup();
    assert_eq!(looks.len(), 10);
    for i in 0..10 {
        assert!(svg.contains(&format!("fill=\"url(#c-p{i})\"")), "series {i}");
    }
    usvg::Tree::from_str(&svg, &super::png::options()).unwrap();
}

#[test]
fn user_text_in_a_chart_is_escaped_and_cleaned() {
    let mut s = load(ALMENDRAL);
    s.axes[0].text = "<b>&\u{1b}[31m\u{fffe}eje".to_owned();
    let years = s.reviewed_years();
    let joined = join(vec![("x".to_owned(), s)], Lang::Es).unwrap();
    let doc = crate::export::report_build::document(&joined, &years, Lang::Es, TODAY);
    let svg = charts(&doc)[0].svg();
    assert!(svg.contains("&lt;b&gt;&amp;"), "{svg}");
    assert!(!svg.contains('\u{1b}') && !svg.contains('\u{fffe}') && !svg.contains("<b>"));
    usvg::Tree::from_str(&svg, &super::png::options()).unwrap();
}

#[test]
fn the_png_has_the_chart_s_text_drawn() {
    let doc = informe(Lang::Es);
    let chart = charts(&doc)[0];
    let png = super::png::render(&chart.svg()).unwrap();
    assert_eq!(png.width, 1360);
    // The same chart with its words left out: the difference is the text.
    let no_text = chart.svg().lines().filter(|l| !l.starts_with("<text")).collect::<Vec<_>>().join("\n");
    let bare = super::png::render(&no_text).unwrap();
    let dark = |bytes: &[u8]| {
        let image = resvg::tiny_skia::Pixmap::decode_png(bytes).unwrap();
        image.pixels().iter().filter(|p| p.red() < 128 && p.green() < 128 && p.blue() < 128).count()
    };
    let (with, without) = (dark(&png.bytes), dark(&bare.bytes));
    assert!(with > without + 5_000, "text drew {with} dark pixels against {without} without it");
}

#[test]
fn without_any_font_the_chart_still_renders_its_shapes() {
    let doc = report(Lang::Es);
    let chart = charts(&doc)[0];
    let no_fonts = usvg::Options { fontdb: std::sync::Arc::new(usvg::fontdb::Database::new()), ..Default::default() };
    let png = super::png::render_with(&chart.svg(), &no_fonts).unwrap();
    let image = resvg::tiny_skia::Pixmap::decode_png(&png.bytes).unwrap();
    // The 2023 bars are solid: thousands of dark pixels with no text at all.
    let dark = image.pixels().iter().filter(|p| p.red() < 100 && p.green() < 100 && p.blue() < 150).count();
    assert!(dark > 10_000, "{dark}");
    assert_eq!(png.width, 1360);
}

#[test]
fn a_tall_chart_is_narrowed_to_fit_10_cm_high_in_the_docx() {
    use crate::export::docx_chart::extent;
    // A wide chart: 16 cm across, its height in proportion.
    assert_eq!(extent(1360, 380), (5_760_000, 1_609_411));
    // The matrix (1360 × 1172): 10 cm high, narrower in proportion.
    let (cx, cy) = extent(1360, 1172);
    assert_eq!(cy, 3_600_000);
    assert_eq!(cx, 3_600_000 * 1360 / 1172);
}

/// The almendral sample with money: C3 (eje 1) and E1 (eje 2) planned per
/// year, and what each review of 2024 says was committed and paid.
fn with_money() -> Session {
    use crate::domain::{Euros, YearAmount};
    let mut s = load(ALMENDRAL);
    let euros = |e: u64| Euros { cents: e * 100 };
    for (id, planned) in [("C3", [(2023, 40_000), (2024, 36_000)]), ("E1", [(2023, 30_000), (2024, 30_000)])] {
        let (c, i) = s.find_action(id).unwrap();
        s.actions_mut(c)[i].budget = planned.iter().map(|&(year, e)| YearAmount { year, amount: euros(e) }).collect();
    }
    for r in s.reviews.iter_mut().filter(|r| r.year == 2024) {
        match r.action.as_str() {
            "C3" => (r.committed, r.paid) = (Some(euros(36_000)), Some(euros(27_500))),
            "E1" => (r.committed, r.paid) = (Some(euros(25_000)), Some(euros(12_000))),
            _ => {}
        }
    }
    s
}

#[test]
fn the_report_draws_planned_committed_and_paid_per_eje_each_year_with_money() {
    let s = with_money();
    let years = s.reviewed_years();
    let joined = join(vec![("x".to_owned(), s.clone())], Lang::Es).unwrap();
    let doc = crate::export::report_build::document(&joined, &years, Lang::Es, TODAY);
    let budget: Vec<&Chart> = charts(&doc).into_iter().filter(|c| c.id.starts_with("grafico-presupuesto")).collect();
    assert_eq!(
        budget.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(),
        ["grafico-presupuesto-2023", "grafico-presupuesto-2024"]
    );
    let chart = budget[1];
    insta::assert_debug_snapshot!("report_budget_2024", (&chart.title, &chart.kind));
    let Kind::Bars(bars) = &chart.kind else { panic!("bars") };
    // Eje 1: planned 36.000 €, committed 36.000 €, paid 27.500 €, as the domain sums them.
    let sums = s.budget_by_axis();
    let at = sums.years.iter().position(|&y| y == 2024).unwrap();
    for (g, row) in bars.groups.iter().zip(&sums.rows) {
        let figures: Vec<Option<f64>> = g.values.iter().map(|v| v.at).collect();
        let spent = row.spent(at);
        let want = [Some(row.planned[at]), spent.map(|s| s.0), spent.map(|s| s.1)].map(|c| c.map(|c| c as f64 / 100.0));
        assert_eq!(figures, want, "{}", g.label);
    }
    assert_eq!(bars.groups[0].values[2].text, "27.500 €");
    assert_eq!(bars.series, ["Previsto", "Comprometido", "Pagado"]);
    // Right after the year's execution table, which gives the same figures.
    let at = doc.blocks.iter().position(|b| matches!(b, Block::Chart(c) if c.id == chart.id)).unwrap();
    assert!(
        matches!(&doc.blocks[at - 1], Block::Table(t) if t.rows.iter().any(|r| r.contains(&crate::export::doc::Cell::Amount(2_750_000))))
    );
    let svg = chart.svg();
    usvg::Tree::from_str(&svg, &super::png::options()).unwrap();
    for text in drawn(chart) {
        assert!(svg.contains(&html_escape::encode_text(&text).into_owned()), "{text:?} not in the SVG");
    }
    // In English the amounts read as English writes them.
    let en = crate::export::report_build::document(&joined, &years, Lang::En, TODAY);
    let Kind::Bars(b) = &charts(&en).into_iter().find(|c| c.id == "grafico-presupuesto-2024").unwrap().kind else {
        panic!("bars")
    };
    assert_eq!(b.groups[0].values[2].text, "€27,500");
}

fn part(zip: &mut zip::ZipArchive<std::io::Cursor<Vec<u8>>>, name: &str) -> Vec<u8> {
    let mut out = Vec::new();
    zip.by_name(name).unwrap_or_else(|_| panic!("no {name}")).read_to_end(&mut out).unwrap();
    out
}

#[test]
fn the_docx_holds_each_chart_as_a_png_with_its_relationship_and_alt_text() {
    for (doc, count) in [(report(Lang::Es), 5), (informe(Lang::Es), 1)] {
        let bytes = crate::export::docx::document(&doc);
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let types = String::from_utf8(part(&mut zip, "[Content_Types].xml")).unwrap();
        assert!(types.contains("<Default ContentType=\"image/png\" Extension=\"png\""), "{types}");
        let rels = String::from_utf8(part(&mut zip, "word/_rels/document.xml.rels")).unwrap();
        let body = String::from_utf8(part(&mut zip, "word/document.xml")).unwrap();
        for (n, chart) in charts(&doc).iter().enumerate().map(|(i, c)| (i + 1, c)) {
            let png = part(&mut zip, &format!("word/media/chart{n}.png"));
            assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
            let rid = format!("rIdDafoChart{n}");
            assert!(
                rels.contains(&format!(
                    "Id=\"{rid}\" Type=\"{}\" Target=\"media/chart{n}.png\"",
                    super::super::docx_chart::IMAGE
                )),
                "{rels}"
            );
            assert_eq!(body.matches(&format!("r:embed=\"{rid}\"")).count(), 1);
            let alt = html_escape::encode_double_quoted_attribute(&chart.describe()).into_owned();
            assert!(body.contains(&format!("descr=\"{alt}\"")), "alt text of {}", chart.id);
            // The picture draws the title: no paragraph repeats it (the trial saw it twice).
            let title = html_escape::encode_text(&chart.title).into_owned();
            assert!(!body.contains(&format!(">{title}</w:t>")), "{} titled twice", chart.id);
        }
        assert_eq!(body.matches("<w:drawing>").count(), count);
        assert!(rels.ends_with("</Relationships>"));
    }
}
