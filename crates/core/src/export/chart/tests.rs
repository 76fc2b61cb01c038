//! Tests of the charts: the models built from the bundled samples (golden),
//! their SVG read back (roxmltree, usvg) with every figure in it, the PNG with
//! its words drawn as outlines where they belong, and the docx package with
//! its pictures, content type and relationships.

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

/// The texts of an SVG, each `<text>`'s words as a reader gets them.
fn texts(svg: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("{e}: {svg}"));
    doc.descendants()
        .filter(|n| n.has_tag_name("text"))
        .map(|n| n.descendants().filter(|d| d.is_text()).filter_map(|d| d.text()).collect())
        .collect()
}

/// How the PNG is read: resvg's defaults (no fonts to load).
fn options() -> usvg::Options<'static> {
    usvg::Options::default()
}

/// An SVG without its `<text>` lines.
fn without_texts(svg: &str) -> String {
    svg.lines().filter(|l| !l.starts_with("<text")).collect::<Vec<_>>().join("\n")
}

fn pixmap(png: &super::png::Png) -> resvg::tiny_skia::Pixmap {
    resvg::tiny_skia::Pixmap::decode_png(&png.bytes).unwrap()
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
    let options = options();
    for &lang in Lang::ALL {
        for doc in [report(lang), informe(lang)] {
            for chart in charts(&doc) {
                let svg = chart.svg();
                usvg::Tree::from_str(&svg, &options).unwrap_or_else(|e| panic!("{e}: {svg}"));
                let shown = texts(&svg);
                // The PNG's drawing: the same words, each as its outlines, no text left.
                let outlined = super::svg::outlined(chart);
                usvg::Tree::from_str(outlined.svg(), &options).unwrap_or_else(|e| panic!("{e}"));
                assert!(!outlined.svg().contains("<text"), "{}", chart.id);
                let inked: Vec<&String> = shown.iter().filter(|t| !t.trim().is_empty()).collect();
                assert_eq!(outlined.placed.iter().map(|p| &p.text).collect::<Vec<_>>(), inked, "{lang:?} {}", chart.id);
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
    usvg::Tree::from_str(&chart.svg(), &options()).unwrap();
    let shown = texts(&chart.svg());
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
    usvg::Tree::from_str(&svg, &options()).unwrap();
}

#[test]
fn user_text_in_a_chart_is_escaped_and_cleaned() {
    let mut s = load(ALMENDRAL);
    s.axes[0].text = "<b>&\u{1b}[31m\u{fffe}eje".to_owned();
    // Words the font has no glyph for: drawn as its .notdef box, never a panic.
    s.axes[1].text = "\u{4e2d}\u{6587} \u{1F600}\u{200b}\u{301}".to_owned();
    let years = s.reviewed_years();
    let joined = join(vec![("x".to_owned(), s)], Lang::Es).unwrap();
    let doc = crate::export::report_build::document(&joined, &years, Lang::Es, TODAY);
    let svg = charts(&doc)[0].svg();
    assert!(svg.contains("&lt;b&gt;&amp;"), "{svg}");
    assert!(!svg.contains('\u{1b}') && !svg.contains('\u{fffe}') && !svg.contains("<b>"));
    assert!(!svg.contains("[31m"), "the whole escape sequence goes: {svg}");
    usvg::Tree::from_str(&svg, &options()).unwrap();
    let outlined = super::svg::outlined(charts(&doc)[0]);
    assert!(!outlined.svg().contains('\u{1b}') && !outlined.svg().contains("<b>"));
    let missing = outlined.placed.iter().find(|p| p.text.contains('\u{4e2d}')).unwrap();
    assert!(missing.ink[2] - missing.ink[0] > 10.0, "{missing:?}");
    assert!(super::png::render(outlined.svg()).is_some());
}

#[test]
fn the_png_of_each_chart_kind_has_ink_where_its_words_are_and_none_elsewhere() {
    let (report, informe) = (report(Lang::Es), informe(Lang::Es));
    // Bars, a line and the matrix.
    let all: Vec<&Chart> = charts(&report).into_iter().chain(charts(&informe)).collect();
    assert!(
        all.iter().any(|c| matches!(c.kind, Kind::Line(_))) && all.iter().any(|c| matches!(c.kind, Kind::Matrix(_)))
    );
    let scale = f64::from(super::png::SCALE);
    for chart in all {
        let outlined = super::svg::outlined(chart);
        let png = super::png::render(outlined.svg()).unwrap();
        assert_eq!(png.width, 1360);
        // The same drawing with its words left out: what differs is the words.
        let bare = super::png::render(&without_texts(&chart.svg())).unwrap();
        let (with, without) = (pixmap(&png), pixmap(&bare));
        let w = with.width() as usize;
        let at = |x: usize, y: usize| (with.pixels()[y * w + x], without.pixels()[y * w + x]);
        let inside = |b: &[f64; 4], pad: f64, x: usize, y: usize| {
            let (x, y) = ((x as f64 + 0.5) / scale, (y as f64 + 0.5) / scale);
            x >= b[0] - pad && x <= b[2] + pad && y >= b[1] - pad && y <= b[3] + pad
        };
        let dark = |p: resvg::tiny_skia::PremultipliedColorU8| p.red() < 128 && p.green() < 128 && p.blue() < 128;
        // Each text inks its own box…
        for placed in &outlined.placed {
            let b = placed.ink;
            // The box's pixels (its edges in units, times the scale).
            let (x0, x1) = ((b[0] * scale) as usize, ((b[2] * scale) as usize).min(w - 1));
            let (y0, y1) = ((b[1] * scale) as usize, ((b[3] * scale) as usize).min(with.height() as usize - 1));
            let changed = (y0..=y1)
                .flat_map(|y| (x0..=x1).map(move |x| (x, y)))
                .filter(|&(x, y)| at(x, y).0 != at(x, y).1)
                .count();
            assert!(changed > 20, "{}: {:?} drew {changed} pixels in {b:?}", chart.id, placed.text);
        }
        // …the title dark on the white, centred on the chart…
        let title = outlined.placed[0].ink;
        let columns: Vec<usize> = (0..(title[3] * scale) as usize + 2)
            .flat_map(|y| (0..w).map(move |x| (x, y)))
            .filter(|&(x, y)| dark(at(x, y).0))
            .map(|(x, _)| x)
            .collect();
        assert!(columns.len() > 500, "{}: the title drew {} dark pixels", chart.id, columns.len());
        let (l, r) = (columns.iter().min().unwrap(), columns.iter().max().unwrap());
        assert!(((l + r) as f64 / 2.0 - 680.0).abs() <= 3.0, "{}: title from {l} to {r} px", chart.id);
        // …and outside every text's box (and its halo) not one pixel differs.
        let stray = (with.pixels().iter().zip(without.pixels()).enumerate())
            .filter(|(_, (a, b))| a != b)
            .map(|(i, _)| (i % w, i / w))
            .find(|&(x, y)| !outlined.placed.iter().any(|p| inside(&p.ink, 3.0, x, y)));
        assert_eq!(stray, None, "{}: ink where there is no text", chart.id);
    }
}

#[test]
fn labels_are_placed_as_their_anchor_says_and_bold_ones_are_wider() {
    let doc = report(Lang::Es);
    let chart = charts(&doc)[0];
    let Kind::Bars(bars) = &chart.kind else { panic!("bars") };
    let outlined = super::svg::outlined(chart);
    let find = |text: &str| outlined.placed.iter().find(|p| p.text == text).unwrap_or_else(|| panic!("{text}")).ink;
    // The groups' labels end 8 units left of the bars (200).
    for g in &bars.groups {
        let [_, _, r, _] = find(&super::svg::short(&g.label, 28));
        assert!(r <= 192.5 && r > 190.0, "{}: ends at {r}", g.label);
    }
    // The scale's ticks are centred under their grid line.
    for (v, label) in &bars.scale.ticks {
        let [l, _, r, _] = find(label);
        let x = 200.0 + 370.0 * bars.scale.share(*v);
        assert!(((l + r) / 2.0 - x).abs() < 1.0, "{label}: {l}..{r} against {x}");
    }
    // "Eje" is bold: the same word plain is narrower.
    let bold = find(&bars.groups_label);
    let plain = super::outline::run(&bars.groups_label, 13.0, false, 0.0, 0.0, "start").ink.unwrap();
    assert!(bold[2] - bold[0] > plain[2] - plain[0], "{bold:?} {plain:?}");
    // The line's upright axis label: turned, so taller than wide, centred on its place.
    let trend = charts(&doc)[1];
    let Kind::Line(line) = &trend.kind else { panic!("a line") };
    let turned = super::svg::outlined(trend);
    let [l, t, r, b] = turned.placed.iter().find(|p| p.text == line.scale.label).unwrap().ink;
    assert!(b - t > 3.0 * (r - l), "{l} {t} {r} {b}");
    assert!(((t + b) / 2.0 - 150.0).abs() < 1.0 && l > 5.0 && r < 22.0, "{l} {t} {r} {b}");
}

#[test]
fn a_text_left_in_an_svg_is_not_drawn_and_the_shapes_still_are() {
    let doc = report(Lang::Es);
    let chart = charts(&doc)[0];
    // resvg has no fonts: the shown SVG draws as its shapes alone, the same pixels.
    let png = super::png::render(&chart.svg()).unwrap();
    assert_eq!(png.bytes, super::png::render(&without_texts(&chart.svg())).unwrap().bytes);
    let image = pixmap(&png);
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
    usvg::Tree::from_str(&svg, &options()).unwrap();
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

#[test]
fn an_action_in_no_linea_has_a_sin_linea_row_so_the_execution_table_and_its_chart_add_up() {
    use crate::export::doc::Cell;
    let mut s = with_money();
    // E1 (30.000 € planned in 2024, 25.000 € committed, 12.000 € paid) in no línea.
    let (c, i) = s.find_action("E1").unwrap();
    s.actions_mut(c)[i].line = None;
    let axes: Vec<String> = s.axes.iter().map(|a| a.id.clone()).collect();
    let years = s.reviewed_years();
    let joined = join(vec![("x".to_owned(), s)], Lang::Es).unwrap();
    let doc = crate::export::report_build::document(&joined, &years, Lang::Es, TODAY);
    let at =
        doc.blocks.iter().position(|b| matches!(b, Block::Chart(c) if c.id == "grafico-presupuesto-2024")).unwrap();
    let Block::Table(table) = &doc.blocks[at - 1] else { panic!("the execution table before the chart") };
    let no_line = Cell::Text("Sin línea".to_owned());
    assert!(table.rows.iter().any(|r| r[1] == no_line), "{:?}", table.rows);
    // The ejes' rows and the "Sin línea" row add up to the plan's, column by column.
    let summed = table.rows.iter().filter(|r| matches!(&r[0], Cell::Text(id) if axes.contains(id) || id == "—"));
    let amount = |c: &Cell| if let Cell::Amount(x) = c { *x } else { 0 };
    for col in 0..3 {
        let sum: u64 = summed.clone().map(|r| amount(&r[2 + col])).sum();
        assert_eq!(sum, amount(&table.totals[col]), "column {col}");
    }
    assert_eq!(amount(&table.totals[0]), 13_900_000);
    // The chart beside it has the same row, with the same figures.
    let Block::Chart(chart) = &doc.blocks[at] else { panic!("chart") };
    let Kind::Bars(bars) = &chart.kind else { panic!("bars") };
    let group = bars.groups.iter().find(|g| g.label == "Sin línea").expect("a Sin línea group");
    assert_eq!(group.values.iter().map(|v| v.at).collect::<Vec<_>>(), [Some(30_000.0), Some(25_000.0), Some(12_000.0)]);
    assert!(chart.table.rows.iter().any(|r| r[1] == no_line));
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
