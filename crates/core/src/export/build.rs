//! Builds the [`Document`] of a session once, section by section: header,
//! grid, the four factor lists, then the CAME plan, the crossed strategies and
//! the EFI/EFE tables when the session has them. A session with a plan gives
//! the informe final: the formulation after the header, the EFI/EFE with the
//! DAFO, and the plan's sections after the crossed matrix. Every backend renders it.

use crate::domain::{Came, Crossed, Quadrant, Session};
use crate::i18n::Lang;
use jiff::civil::Date;

use super::doc::{
    Block, Cell, Column, Document, Entry, FieldValue, Grid, GridCell, GridRow, Heading, Item, Items, Shape, Table,
};
use super::marks;
use super::participation;
use super::plan::{self, Words};
use super::plan_report::{self, Section};
use super::themes;
use super::{Labels, day_in, factor_priority, factor_text, sources_line};

/// The document of `session` with words in `lang`; actions not done and due
/// before `today` are marked overdue (⚠), items carried over and not confirmed ↻.
pub fn document(session: &Session, lang: Lang, today: Date) -> Document {
    let l = Labels::new(lang);
    let mut blocks = Vec::new();
    // A plan-less session keeps its order; the informe final puts the plan's
    // formulation after the header and the EFI/EFE with the DAFO.
    // Main parts start on a page of their own in print: with a plan, the
    // DAFO, the CAME plan and the plan's sections (the formulation follows
    // the header); without one, the CAME plan.
    let (order, main): (&[Section], &[usize]) = if session.has_plan() {
        (
            &[header, plan_report::formulation, grid, lists, participation::section, evaluation, actions, strategies],
            &[2, 6, 8],
        )
    } else {
        (&[header, grid, lists, participation::section, actions, strategies, evaluation], &[4])
    };
    let mut parts = Vec::new();
    let tags: [Section; 2] = [themes::themes_section, themes::impacts_section];
    for (i, section) in order.iter().chain(&plan_report::SECTIONS).chain(&tags).enumerate() {
        let anchors = blocks.iter().filter(|b| matches!(b, Block::Heading(_) | Block::Grid(_))).count();
        let before = blocks.len();
        section(&mut blocks, session, lang);
        if main.contains(&i) && blocks.len() > before {
            parts.push(format!("s{}", anchors + 1));
        }
    }
    marks::overdue(&mut blocks, session, lang, today);
    // The legend goes under the header's fields, before anything it explains.
    let at = blocks.iter().position(|b| matches!(b, Block::Fields(_))).map_or(0, |i| i + 1);
    blocks.splice(at..at, marks::legend(session, lang, today));
    Document {
        title: session.meta.title.clone(),
        lang,
        language: super::declared_language(&session.meta.language, lang),
        // The day it was exported: the session's own dates are in its header.
        footer: format!("{} · {}", l.generated, lang.locale().date(today)),
        blocks,
        apparatus: super::doc::Apparatus { parts, ..super::cover::informe(session, lang, today) },
    }
}

fn heading(level: u8, text: impl Into<String>) -> Block {
    Block::Heading(Heading { level, text: text.into(), aside: None })
}

fn capitalise(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

fn filled(text: Option<&str>) -> Option<&str> {
    text.filter(|t| !t.trim().is_empty())
}

fn header(out: &mut Vec<Block>, s: &Session, lang: Lang) {
    let l = Labels::new(lang);
    let m = &s.meta;
    let mut fields: Vec<(String, FieldValue)> = vec![(l.date.to_owned(), day_in(lang, m.created).into())];
    if let Some(body) = filled(m.body.as_deref()) {
        fields.push((lang.text().apparatus.body.to_owned(), body.to_owned().into()));
    }
    if let Some(place) = filled(m.place.as_deref()) {
        fields.push((l.place.to_owned(), place.to_owned().into()));
    }
    if let Some(who) = filled(m.participants.as_deref()) {
        fields.push((l.participants.to_owned(), who.to_owned().into()));
    }
    fields.extend(plan_report::horizon_field(s, lang).map(|(l, v)| (l, v.into())));
    if !s.funding.is_empty() {
        fields.push((lang.money().sources_label.to_owned(), FieldValue::List(s.funding.clone())));
    }
    let counts: Vec<String> =
        Quadrant::ALL.iter().map(|&q| format!("{} {}", lang.quadrant(q), s.factors(q).len())).collect();
    fields.push((l.factors.to_owned(), counts.join(" · ").into()));
    out.push(Block::Fields(fields));
}

fn grid(out: &mut Vec<Block>, s: &Session, lang: Lang) {
    let l = Labels::new(lang);
    let cell = |q: Quadrant| GridCell {
        quadrant: q,
        title: lang.quadrant(q).to_owned(),
        items: s
            .factors(q)
            .iter()
            .map(|f| Entry { id: lang.show_id(&f.id), text: factor_text(s, f), note: factor_priority(lang, f) })
            .collect(),
    };
    let row = |label: &str, left, right| GridRow { label: label.to_owned(), cells: [cell(left), cell(right)] };
    out.push(Block::Grid(Grid {
        title: l.grid.to_owned(),
        columns: [l.positive.to_owned(), l.negative.to_owned()],
        rows: vec![
            row(l.internal, Quadrant::Strengths, Quadrant::Weaknesses),
            row(l.external, Quadrant::Opportunities, Quadrant::Threats),
        ],
    }));
}

fn lists(out: &mut Vec<Block>, s: &Session, lang: Lang) {
    let l = Labels::new(lang);
    for q in Quadrant::ALL {
        let aside = Some(lang.origin(q).to_owned());
        out.push(Block::Heading(Heading { level: 2, text: lang.quadrant(q).to_owned(), aside }));
        let factors = s.factors(q);
        if factors.is_empty() {
            out.push(Block::Para(vec![l.none.to_owned()]));
            continue;
        }
        let rows = factors
            .iter()
            .map(|f| Item {
                id: lang.show_id(&f.id),
                text: factor_text(s, f),
                marks: factor_text(s, f).len().saturating_sub(f.text.len()),
                pair: None,
                note: Some(factor_priority(lang, f)).filter(|p| !p.is_empty()),
                details: Vec::new(),
                cells: vec![
                    if f.votes > 0 { Cell::Count(u64::from(f.votes)) } else { Cell::empty() },
                    f.impact
                        .map(|i| i.to_string())
                        .or_else(|| crate::domain::sources::impact_text(f))
                        .unwrap_or_default()
                        .into(),
                ],
            })
            .collect();
        out.push(Block::Items(Items {
            id_width: 8,
            text_label: l.factor.to_owned(),
            columns: vec![Column::new(capitalise(l.votes), Some(10)), Column::new(capitalise(l.impact), Some(10))],
            rows,
            shape: Shape::List,
            group: "factors",
        }));
        if let Some(line) = sources_line(s, q, lang) {
            out.push(Block::Para(vec![line]));
        }
    }
}

fn actions(out: &mut Vec<Block>, s: &Session, lang: Lang) {
    if !plan::has_actions(s) {
        return;
    }
    let w = Words::new(lang);
    out.push(heading(2, w.came));
    for c in Came::ALL {
        out.push(heading(3, plan::came_heading(s, lang, c)));
        out.push(Block::Lead(plan::coverage(s, lang, c.source())));
        let list = s.actions(c);
        if list.is_empty() {
            out.push(Block::Para(vec![w.no_actions.to_owned()]));
            continue;
        }
        let rows = list
            .iter()
            .map(|a| {
                let mut details = plan::details(lang, a, 1);
                let status = details.remove(0).text;
                let due = Cell::maybe_date(a.due);
                // `↻` after the text says it, explained in the legend.
                let details = details.into_iter().filter(|d| !(a.carried && d.text == w.carried)).collect();
                Item {
                    id: lang.show_id(&a.id),
                    text: marks::carried(&a.text, a.carried),
                    pair: None,
                    note: None,
                    details,
                    cells: vec![plan::links(s, lang, &a.links, ", ").into(), due, status.into()],
                    marks: 0,
                }
            })
            .collect();
        out.push(Block::Items(Items {
            id_width: 7,
            text_label: w.action.to_owned(),
            columns: vec![
                Column::new(w.answers, Some(11)).compact(),
                Column::new(w.due, Some(11)),
                Column::new(w.status, Some(10)).compact(),
            ],
            rows,
            shape: Shape::Table,
            group: "actions",
        }));
    }
}

fn strategies(out: &mut Vec<Block>, s: &Session, lang: Lang) {
    if s.strategies.is_empty() {
        return;
    }
    let w = Words::new(lang);
    out.push(heading(2, w.strategies));
    // A votes column only when some strategy has votes: never an empty one.
    let voted = s.strategies.iter().any(|st| st.votes > 0);
    for k in Crossed::ALL {
        if s.strategies_of(k).next().is_none() {
            continue;
        }
        out.push(heading(3, plan::crossed_heading(s, lang, k)));
        let rows = s
            .strategies_of(k)
            .map(|(_, st)| {
                let pair = plan::links(s, lang, &st.factors, " × ");
                Item {
                    id: lang.show_id(&st.id),
                    text: st.text.clone(),
                    pair: Some(pair.clone()),
                    note: Some(w.vote_count(st.votes)).filter(|v| !v.is_empty()),
                    details: Vec::new(),
                    cells: if voted {
                        vec![pair.into(), if st.votes > 0 { Cell::Count(u64::from(st.votes)) } else { Cell::empty() }]
                    } else {
                        vec![pair.into()]
                    },
                    marks: 0,
                }
            })
            .collect();
        out.push(Block::Items(Items {
            id_width: 8,
            text_label: w.strategy.to_owned(),
            columns: if voted {
                vec![Column::new(w.factors, Some(14)), Column::new(capitalise(w.votes), Some(8)).numeric(0)]
            } else {
                vec![Column::new(w.factors, Some(14))]
            },
            rows,
            shape: Shape::List,
            group: "strategies",
        }));
    }
}

fn evaluation(out: &mut Vec<Block>, s: &Session, lang: Lang) {
    let w = Words::new(lang);
    for t in plan::tables(s) {
        out.push(heading(2, plan::matrix_heading(lang, t.matrix)));
        // The weighted total leads into its table: a document never leaves it
        // alone at the top of a page after the table.
        out.push(Block::Para(plan::notes(lang, &t.eval, t.unweighted())));
        let rows = t
            .rows
            .iter()
            .map(|f| {
                vec![
                    lang.show_id(&f.id).into(),
                    f.text.clone().into(),
                    f.weight.map_or_else(|| w.unweighted.into(), Cell::Weight),
                    f.rating.map_or_else(Cell::empty, |r| Cell::Count(u64::from(r))),
                    plan::weighted(f).map_or_else(Cell::empty, |x| Cell::Fixed(x, 2)),
                ]
            })
            .collect();
        out.push(Block::Table(Table {
            columns: vec![
                Column::new("ID", Some(8)),
                Column::new("Factor", None),
                Column::new(w.weight, Some(10)).numeric(5),
                Column::new(w.rating, Some(12)).numeric(2),
                Column::new(w.weighted, Some(12)).numeric(5),
            ],
            rows,
            total_label: w.total.to_owned(),
            totals: vec![Cell::Fixed(t.eval.weight_sum, 2), Cell::empty(), Cell::Fixed(t.eval.total, 2)],
        }));
    }
    // Both totals: where the organisation stands in the internal-external matrix.
    let total = |m: crate::domain::Matrix| plan::tables(s).into_iter().find(|t| t.matrix == m).map(|t| t.eval.total);
    if let (Some(internal), Some(external)) = (total(crate::domain::Matrix::Efi), total(crate::domain::Matrix::Efe)) {
        out.push(Block::Chart(Box::new(super::chart::matrix::chart(internal, external, lang))));
    }
}
