//! Tests of the informe's plan sections on a full plan and on a plan-less session.

use super::*;
use crate::export::cell::shown;
use crate::export::doc::Table;
use crate::import::plan::tests::full_plan;

fn blocks(s: &Session, lang: Lang) -> Vec<Block> {
    let mut out = Vec::new();
    formulation(&mut out, s, lang);
    for section in SECTIONS {
        section(&mut out, s, lang);
    }
    out
}

fn headings(blocks: &[Block]) -> Vec<(u8, String)> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Heading(h) => Some((h.level, h.text.clone())),
            _ => None,
        })
        .collect()
}

fn items<'a>(blocks: &'a [Block], group: &str) -> Vec<&'a Items> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Items(i) if i.group == group => Some(i),
            _ => None,
        })
        .collect()
}

#[test]
fn every_section_in_the_informe_order() {
    let b = blocks(&full_plan(), Lang::Es);
    let es = Lang::Es.text().plan_report;
    let h2: Vec<String> = headings(&b).into_iter().filter(|(l, _)| *l == 2).map(|(_, t)| t).collect();
    assert_eq!(
        h2,
        [
            es.formulation,
            es.challenges,
            es.axes_lines,
            es.action_plan,
            "Plan financiero",
            es.schedule,
            es.indicators,
            es.coverage
        ]
    );
    let h3: Vec<String> = headings(&b).into_iter().filter(|(l, _)| *l == 3).map(|(_, t)| t).collect();
    assert_eq!(
        h3,
        [
            "Misión",
            "Visión",
            "Valores",
            "1. Atención",
            "2. Comunidad (y redes)",
            "1.1 Primaria",
            "1.2 Dependencia",
            "2.1 Voluntariado",
            "Sin línea",
            "Presupuesto por línea y año",
            "Presupuesto por fuente de financiación"
        ]
    );
}

#[test]
fn the_plan_financiero_sums_lineas_ejes_and_sources_in_the_languages_way() {
    let tables: Vec<Table> = blocks(&full_plan(), Lang::Es)
        .into_iter()
        .filter_map(|b| match b {
            Block::Table(t) => Some(t),
            _ => None,
        })
        .collect();
    let [by_line, by_source] = tables.as_slice() else { panic!("two tables: {tables:?}") };
    let labels: Vec<&str> = by_line.columns.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(labels, ["", "Eje / Línea", "2024", "2025", "2026", "2027", "Sin reparto anual", "Total"]);
    let row =
        |t: &Table, id: &str| t.rows.iter().find(|r| r[0] == id.into()).map(|r| shown(r, Lang::Es)).unwrap_or_default();
    // Amounts are typed: the backends write them; a missing one is `—`.
    assert_eq!(by_line.totals[4], Cell::Amount(1_200_050));
    assert_eq!(by_line.totals[2], Cell::Missing);
    // The old single amount is a total with no year split; the per-year amounts go to their years.
    assert_eq!(row(by_line, "1.2")[2..], ["—", "—", "—", "—", "12.000,50 €", "12.000,50 €"]);
    assert_eq!(row(by_line, "2.1")[2..], ["1.500 €", "2.000,50 €", "—", "—", "—", "3.500,50 €"]);
    assert_eq!(row(by_line, "2")[1], "Total 2. Comunidad (y redes)");
    assert_eq!(row(by_line, "2")[7], "3.500,50 €", "the eje's total");
    assert_eq!(shown(&by_line.totals, Lang::Es), ["1.500 €", "2.000,50 €", "—", "—", "12.000,50 €", "15.501 €"]);
    let names: Vec<String> = by_source.rows.iter().map(|r| r[1].show(Lang::Es)).collect();
    assert_eq!(names, ["Fondos propios, del municipio", "Sin fuente"], "sources without money left out");
    assert_eq!(by_source.totals.last().map(|c| c.show(Lang::Es)).as_deref(), Some("15.501 €"));
    // In English, the English way.
    let en = blocks(&full_plan(), Lang::En);
    let totals = en.iter().find_map(|b| match b {
        Block::Table(t) => Some(t.totals.clone()),
        _ => None,
    });
    assert_eq!(totals.unwrap_or_default().last().map(|c| c.show(Lang::En)).as_deref(), Some("€15,501"));
}

/// A descartada action's amounts are in no total, and the section says so
/// in the document's language (a facilitator's trial found them counted).
#[test]
fn the_plan_financiero_leaves_dropped_actions_out_and_says_so() {
    for (lang, said, total) in [
        (Lang::Es, "Las acciones descartadas no cuentan en los importes previstos: E1", "3.500,50 €"),
        (Lang::En, "Dropped actions do not count in the planned amounts: E1", "€3,500.50"),
        (Lang::Ca, "Les accions descartades no compten en els imports previstos: E1", "3.500,50 €"),
    ] {
        let mut s = full_plan();
        let (came, i) = s.find_action("E1").expect("E1");
        let e = s.change_action(came, i, |a| a.status = crate::domain::Status::Dropped).expect("a change");
        s.apply(e).expect("applied");
        let b = blocks(&s, lang);
        let paras: Vec<&String> =
            b.iter().filter_map(|b| if let Block::Para(p) = b { p.first() } else { None }).collect();
        assert!(paras.iter().any(|p| *p == said), "{lang:?}: {paras:?}");
        let Some(Block::Table(by_line)) = b.iter().find(|b| matches!(b, Block::Table(_))) else { panic!("a table") };
        assert_eq!(
            by_line.totals.last().map(|c| c.show(lang)).as_deref(),
            Some(total),
            "{lang:?}: 15.501 less 12.000,50"
        );
    }
    // Nothing dropped, nothing said.
    let b = blocks(&full_plan(), Lang::Es);
    assert!(!b.iter().any(|b| matches!(b, Block::Para(p) if p.iter().any(|l| l.contains("descartadas")))));
}

#[test]
fn rows_carry_sources_numbers_and_plan_fields() {
    let s = full_plan();
    let b = blocks(&s, Lang::Es);
    let retos = &items(&b, "challenges")[0].rows;
    assert_eq!(retos[0].cells[0], "A1, AF1, FO1".into());
    let lines = items(&b, "lines");
    assert_eq!((lines[0].rows[1].id.as_str(), lines[0].rows[1].text.as_str()), ("1.2", "Dependencia"));
    assert_eq!(lines[0].rows[0].cells[0], "Días de espera".into());
    let plan = items(&b, "plan-actions");
    assert_eq!(plan[0].rows[0].id, "FO1", "a strategy placed in 1.1");
    let e1 = &plan[1].rows[0];
    assert_eq!(e1.id, "E1");
    assert_eq!(
        shown(&e1.cells, Lang::Es),
        ["Concejalía | Bienestar", "30/06/2025", "en curso"],
        "only what fits a page's width"
    );
    assert_eq!(e1.cells[1], Cell::date(jiff::civil::date(2025, 6, 30)), "the due date is a date, not its text");
    let details: Vec<(&str, Option<usize>)> = e1.details.iter().map(|d| (d.text.as_str(), d.column)).collect();
    assert_eq!(
        details,
        [
            ("Responsable: Concejalía | Bienestar", Some(0)),
            ("Inicio: 01/03/2024", None),
            ("Plazo: 30/06/2025", Some(1)),
            ("Recursos: Dos técnicas; una furgoneta (12.000,50 €)", None),
            ("Socios: Cruz Roja, Cáritas", None),
            ("Indicador: Personas atendidas (nota: Altas en el servicio)", None),
        ]
    );
    let cron = items(&b, "schedule")[0];
    assert_eq!(
        cron.columns.iter().map(|c| c.label.as_str()).collect::<Vec<_>>(),
        ["Línea", "2024", "2025", "2026", "2027"]
    );
    assert_eq!(shown(&cron.rows[0].cells, Lang::Es), ["1.2", "■", "■", "", ""]);
    let ind = &items(&b, "indicators")[0].rows;
    assert_eq!(shown(&ind[1].cells, Lang::Es), ["días", "120,5", "60", "baja", "1.1"]);
    assert_eq!(ind[1].cells[1], Cell::Exact(120.5));
    assert_eq!(ind[0].cells[4], "E1".into());
    let coverage = b.iter().rev().find_map(|b| if let Block::Para(p) = b { Some(p.clone()) } else { None }).unwrap();
    assert_eq!(coverage, ["Líneas sin acciones: 0", "Acciones sin línea: 1 (M1)"]);
}

#[test]
fn quarters_for_short_horizons_and_english_words() {
    let mut s = full_plan();
    s.meta.horizon = "2024-2025".parse().ok();
    let b = blocks(&s, Lang::En);
    let cron = items(&b, "schedule")[0];
    assert_eq!(cron.columns.len(), 9);
    assert_eq!(cron.columns[1].label, "Q1 24");
    assert_eq!(shown(&cron.rows[0].cells[1..], Lang::En), ["■", "■", "■", "■", "■", "■", "", ""]);
    assert!(headings(&b).contains(&(2, "Action plan".to_owned())));
    assert_eq!(horizon_field(&s, Lang::En), Some(("Horizon".to_owned(), "2024-2025".to_owned())));
}

#[test]
fn missing_links_show_and_plan_less_sessions_get_nothing() {
    let mut s = full_plan();
    let e = s.delete_indicator(1).unwrap();
    s.apply(e).unwrap();
    let e = s.delete_factor(crate::domain::Quadrant::Threats, 0).unwrap();
    s.apply(e).unwrap();
    let b = blocks(&s, Lang::Es);
    assert_eq!(items(&b, "challenges")[0].rows[0].cells[0], "A1?, AF1, FO1".into());
    assert_eq!(items(&b, "lines")[0].rows[0].cells[0], "I2?".into());
    let plain = Session::new("x", jiff::Timestamp::UNIX_EPOCH);
    assert!(blocks(&plain, Lang::Es).is_empty());
    assert_eq!(horizon_field(&plain, Lang::Es), None);
}

#[test]
fn spanish_and_english_amounts_and_dates() {
    assert_eq!(euros(Lang::Es, 123_456_789), "1.234.567,89 €");
    assert_eq!(euros(Lang::En, 100_000), "€1,000");
    assert_eq!(euros(Lang::Es, 5), "0,05 €");
    assert_eq!(date(Lang::Es, jiff::civil::date(2023, 9, 1)), "01/09/2023");
}

/// Markdown as the doc branch's backend writes these blocks (headings, lines,
/// lists, tables of the compact columns with the details under the text).
fn markdown_like_the_doc_backend(blocks: &[Block]) -> String {
    use crate::export::markdown::escape;
    let mut out = String::new();
    for b in blocks {
        match b {
            Block::Heading(h) => out.push_str(&format!("{} {}\n\n", "#".repeat(usize::from(h.level)), escape(&h.text))),
            Block::Para(lines) => lines.iter().for_each(|l| out.push_str(&format!("{}\n\n", escape(l)))),
            Block::Items(items) if items.shape == Shape::List => {
                for i in &items.rows {
                    out.push_str(&format!("- **{}** {}", escape(&i.id), escape(&i.text)));
                    if let Some(pair) = &i.pair {
                        out.push_str(&format!(" ({})", escape(pair)));
                    }
                    out.push('\n');
                }
                out.push('\n');
            }
            Block::Items(items) => {
                let compact: Vec<usize> = (0..items.columns.len()).filter(|&i| items.columns[i].compact).collect();
                out.push_str(&format!("| ID | {} |", escape(&items.text_label)));
                compact.iter().for_each(|&i| out.push_str(&format!(" {} |", escape(&items.columns[i].label))));
                out.push_str(&format!("\n|---|---|{}\n", "---|".repeat(compact.len())));
                for i in &items.rows {
                    let details: Vec<&str> = i.details.iter().map(|d| d.text.as_str()).collect();
                    let text = if details.is_empty() {
                        escape(&i.text)
                    } else {
                        format!("{}<br>*{}*", escape(&i.text), escape(&details.join(" · ")))
                    };
                    out.push_str(&format!("| **{}** | {text} |", escape(&i.id)));
                    compact.iter().for_each(|&c| out.push_str(&format!(" {} |", escape(&i.cells[c].show(Lang::Es)))));
                    out.push('\n');
                }
                out.push('\n');
            }
            _ => {}
        }
    }
    out
}

#[test]
fn an_informe_in_markdown_imports_back_to_the_same_plan_where_it_shows_it() {
    use crate::import::plan::import;
    let s = full_plan();
    let mut md = format!("# Informe\n\n- **Fecha:** 2026-11-10\n- **Horizonte:** {}\n\n", s.meta.horizon.unwrap());
    let mut out = Vec::new();
    formulation(&mut out, &s, Lang::Es);
    md.push_str(&markdown_like_the_doc_backend(&out));
    for q in crate::domain::Quadrant::ALL {
        md.push_str(&format!("## {}\n\n", Lang::Es.quadrant(q)));
        s.factors(q).iter().for_each(|f| md.push_str(&format!("{}\n", crate::export::markdown::item(f, Lang::Es))));
        md.push('\n');
    }
    md.push_str("## Estrategias cruzadas (DAFO cruzado)\n\n### Estrategias ofensivas\n\n- **FO1** Proyecto europeo (F1 × O1) *(2 votos)*\n- **FA1** Campaña (F1 × A1?)\n\n");
    let mut out = Vec::new();
    for section in SECTIONS {
        section(&mut out, &s, Lang::Es);
    }
    md.push_str(&markdown_like_the_doc_backend(&out));
    let (back, _) = import(&md, std::path::Path::new("informe.md"), None, "x", jiff::Timestamp::UNIX_EPOCH)
        .unwrap_or_else(|e| panic!("{e}\n{md}"));
    assert_eq!(
        (back.meta.horizon, &back.mission, &back.vision, &back.values),
        (s.meta.horizon, &s.mission, &s.vision, &s.values)
    );
    assert_eq!(back.challenges, s.challenges);
    let texts = |x: &Session| x.lines_in_order().map(|l| (x.line_label(&l.id), l.text.clone())).collect::<Vec<_>>();
    assert_eq!(texts(&back), texts(&s));
    assert_eq!(back.strategies[0].votes, 2);
    assert_eq!(back.line_label(back.strategies[0].line.as_deref().unwrap()), "1.1");
    let (a, b) = (&back.exploit[0], &s.exploit[0]);
    assert_eq!((a.start, a.due, &a.owner, &a.resources, a.amount), (b.start, b.due, &b.owner, &b.resources, b.amount));
    assert_eq!((&a.partners, &a.indicator, a.status), (&b.partners, &b.indicator, b.status));
    let (c, d) = (&back.confront[0], &s.confront[0]);
    assert_eq!((&c.budget, &c.funding, c.amount), (&d.budget, &d.funding, d.amount), "amounts per year and the source");
    assert_eq!(back.line_label(a.line.as_deref().unwrap()), "1.2");
    assert_eq!(back.indicators[0].name, s.indicators[0].name);
    assert_eq!(a.indicators, [back.indicators[0].id.clone()]);
    assert_eq!(
        (back.indicators[1].target, back.indicators[1].direction),
        (s.indicators[1].target, s.indicators[1].direction)
    );
    assert_eq!(back.maintain[0].line, None, "the action with no línea");
}
