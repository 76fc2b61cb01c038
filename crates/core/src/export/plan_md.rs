//! The plan as Markdown, in the form `dafo import` reads back: horizon, misión,
//! visión, valores, retos with their sources, ejes and numbered líneas, the
//! plan de acción table and the indicators table. [`plan_document`] writes a
//! whole importable file (title, the four quadrants and the crossed strategies
//! too); [`plan_sections`] only the plan's sections, for the Markdown export.

use std::fmt::Write as _;

use crate::domain::{Came, CameAction, Challenge, Crossed, Indicator, Quadrant, Session, Source, Strategy};
use crate::i18n::Lang;

use super::markdown::{escape, item};
use super::plan_words::PlanWords;

/// A whole plan file: `# title`, the horizon line, the plan's sections with the
/// quadrants after the valores, and the crossed strategies.
pub fn plan_document(s: &Session, lang: Lang) -> String {
    let w = PlanWords::for_lang(lang);
    let mut out = format!("# {}\n", escape(&s.meta.title));
    horizon_line(&mut out, s, &w);
    funding_line(&mut out, s, lang);
    out.push('\n');
    statements(&mut out, s, &w);
    for q in Quadrant::ALL {
        let factors = s.factors(q);
        if factors.is_empty() {
            continue;
        }
        let _ = writeln!(out, "## {}\n", lang.quadrant(q));
        for f in factors {
            let _ = writeln!(out, "{}", item(f, lang));
        }
        out.push('\n');
    }
    strategies(&mut out, s, lang);
    rest(&mut out, s, &w, lang);
    // Áreas temáticas and impacts, as the informe writes them (plan_import reads them).
    let mut tags = Vec::new();
    super::themes::themes_section(&mut tags, s, lang);
    super::themes::impacts_section(&mut tags, s, lang);
    super::markdown::blocks(&mut out, &tags, None, lang);
    out
}

/// The plan's own sections (horizon line, misión… indicators), or nothing for
/// a session without a plan.
pub fn plan_sections(s: &Session, lang: Lang) -> String {
    let w = PlanWords::for_lang(lang);
    let mut out = String::new();
    if !s.has_plan() {
        return out;
    }
    if horizon_line(&mut out, s, &w) | funding_line(&mut out, s, lang) {
        out.push('\n');
    }
    statements(&mut out, s, &w);
    rest(&mut out, s, &w, lang);
    out
}

fn horizon_line(out: &mut String, s: &Session, w: &PlanWords) -> bool {
    let Some(h) = s.meta.horizon else { return false };
    let _ = writeln!(out, "{}: {h}", w.horizon);
    true
}

/// The session's funding sources, when it keeps its own list: `Fuentes de financiación: A; B`.
fn funding_line(out: &mut String, s: &Session, lang: Lang) -> bool {
    if s.funding.is_empty() {
        return false;
    }
    let names: Vec<String> = s.funding.iter().map(|n| escape(n).replace(';', "\\;")).collect();
    let _ = writeln!(out, "{}: {}", lang.money().sources_label, names.join("; "));
    true
}

fn statements(out: &mut String, s: &Session, w: &PlanWords) {
    for (heading, text) in [(w.mission, &s.mission), (w.vision, &s.vision)] {
        if let Some(text) = text {
            let _ = writeln!(out, "## {heading}\n\n{}\n", escape(text));
        }
    }
    if !s.values.is_empty() {
        let _ = writeln!(out, "## {}\n", w.values);
        for v in &s.values {
            let _ = writeln!(out, "- {}", escape(v));
        }
        out.push('\n');
    }
}

fn rest(out: &mut String, s: &Session, w: &PlanWords, lang: Lang) {
    challenges(out, s, w, lang);
    axes(out, s, w);
    actions(out, s, w, lang);
    indicators(out, s, w, lang);
}

/// Text followed by IDs in parentheses: its own parentheses escaped, so they
/// are never taken for the IDs.
fn text(t: &str) -> String {
    escape(t).replace('(', "\\(")
}

/// A reto's source as `lang` shows it: `D1`, `FO2`, `C3`, `AF1` (`W1`, `SO2`,
/// `CF1` in English), or `acción X` for an action whose bare ID would not read
/// back as one.
pub fn source_label(src: &Source, w: &PlanWords, lang: Lang) -> String {
    let shown = lang.show_id(src.id());
    match src {
        Source::Action(id) if Source::guess(id).as_ref() != Some(src) => format!("{} {shown}", w.action),
        _ => shown,
    }
}

/// A reto's sources as `lang` shows them, one label each; a source that no
/// longer exists is marked `D9?`.
pub fn source_labels(c: &Challenge, s: &Session, w: &PlanWords, lang: Lang) -> Vec<String> {
    c.from
        .iter()
        .map(|src| {
            let label = source_label(src, w, lang);
            if src.exists(s) { label } else { format!("{label}?") }
        })
        .collect()
}

fn challenges(out: &mut String, s: &Session, w: &PlanWords, lang: Lang) {
    if s.challenges.is_empty() {
        return;
    }
    let _ = writeln!(out, "## {}\n", w.challenges);
    for c in &s.challenges {
        let from: Vec<String> = c.from.iter().map(|src| escape(&source_label(src, w, lang))).collect();
        let from = if from.is_empty() { String::new() } else { format!(" ({})", from.join(", ")) };
        let _ = writeln!(out, "- **{}** {}{from}", escape(&c.id), text(&c.text));
    }
    out.push('\n');
}

fn axes(out: &mut String, s: &Session, w: &PlanWords) {
    if s.axes.is_empty() {
        return;
    }
    let _ = writeln!(out, "## {}\n", w.axes_lines);
    for (n, axis) in s.axes.iter().enumerate() {
        let _ = writeln!(out, "### {}. {} ({})\n", n + 1, text(&axis.text), escape(&axis.id));
        let mut any = false;
        for (m, (_, line)) in s.lines_of(&axis.id).enumerate() {
            let refs: Vec<String> = std::iter::once(&line.id).chain(&line.indicators).map(|r| escape(r)).collect();
            let _ = writeln!(out, "- {}.{} {} ({})", n + 1, m + 1, text(&line.text), refs.join(", "));
            any = true;
        }
        if any {
            out.push('\n');
        }
    }
}

/// A number exactly, as the language writes it so it reads back ([`crate::i18n::locale::Locale::exact`]).
pub fn number(lang: Lang, x: f64) -> String {
    lang.locale().exact(x)
}

/// Euros from cents: `1500`, `1500,25` ([`crate::i18n::locale::Locale::money_plain`]).
pub fn euros(lang: Lang, cents: u64) -> String {
    lang.locale().money_plain(cents)
}

fn cells(values: Vec<String>) -> String {
    format!("| {} |", values.join(" | "))
}

fn actions(out: &mut String, s: &Session, w: &PlanWords, lang: Lang) {
    let placed: Vec<&Strategy> =
        s.strategies.iter().filter(|st| st.line.as_deref().is_some_and(|l| s.find_line(l).is_some())).collect();
    let actions = s.actions_in_plan_order();
    if actions.is_empty() && placed.is_empty() {
        return;
    }
    let _ = writeln!(out, "## {}\n", w.action_plan);
    let mut head = vec![
        w.col_line,
        "ID",
        w.col_action,
        w.col_answers,
        w.col_owner,
        w.col_start,
        w.col_due,
        w.col_resources,
        w.col_amount,
        w.col_partners,
        w.col_indicator,
        w.col_status,
    ];
    // The plan financiero's columns only when some action has them: plans without read as before.
    let money = money_columns(s);
    head.extend([(money.0, w.col_budget), (money.1, w.col_funding)].into_iter().filter(|m| m.0).map(|m| m.1));
    let _ = writeln!(out, "{}", cells(head.iter().map(|h| h.to_string()).collect()));
    let _ = writeln!(out, "{}", cells(vec!["---".to_owned(); head.len()]));
    let line = |id: &Option<String>| match id.as_deref().filter(|l| s.find_line(l).is_some()) {
        Some(l) => s.line_label(l),
        None => String::new(),
    };
    for (_, a) in actions {
        let mut row = action_cells(a, w, lang, line(&a.line));
        if money.0 {
            row.push(crate::i18n::money_words::show_budget(lang.locale(), &a.budget));
        }
        if money.1 {
            row.push(a.funding.as_deref().map(escape).unwrap_or_default());
        }
        let _ = writeln!(out, "{}", cells(row));
    }
    for st in placed {
        let mut row = vec![String::new(); head.len()];
        (row[0], row[1], row[2]) = (line(&st.line), escape(&lang.show_id(&st.id)), escape(&st.text));
        let _ = writeln!(out, "{}", cells(row));
    }
    out.push('\n');
}

/// Whether some action has amounts per year, and some a funding source.
fn money_columns(s: &Session) -> (bool, bool) {
    let any = |f: fn(&CameAction) -> bool| s.all_actions().any(|(_, a)| f(a));
    (any(|a| !a.budget.is_empty()), any(|a| a.funding.is_some()))
}

fn action_cells(a: &CameAction, w: &PlanWords, lang: Lang, line: String) -> Vec<String> {
    let opt = |t: &Option<String>| t.as_deref().map(escape).unwrap_or_default();
    let date = |d: Option<jiff::civil::Date>| d.map(|d| lang.locale().date(d)).unwrap_or_default();
    let mut indicator: Vec<String> = a.indicators.iter().map(|i| escape(i)).collect();
    indicator.extend(a.indicator.as_deref().map(escape));
    vec![
        line,
        escape(&lang.show_id(&a.id)),
        escape(&a.text),
        a.links.iter().map(|l| escape(&lang.show_id(l))).collect::<Vec<_>>().join(", "),
        opt(&a.owner),
        date(a.start),
        date(a.due),
        opt(&a.resources),
        a.amount.map(|e| euros(lang, e.cents)).unwrap_or_default(),
        a.partners.iter().map(|p| escape(p)).collect::<Vec<_>>().join("; "),
        indicator.join("; "),
        w.status(a.status).to_owned(),
    ]
}

fn indicators(out: &mut String, s: &Session, w: &PlanWords, lang: Lang) {
    if s.indicators.is_empty() {
        return;
    }
    let _ = writeln!(out, "## {}\n", w.indicators);
    // The hitos column only when a hito is set: plans without them read as before.
    let hitos = s.indicators.iter().any(|i| !i.milestones.is_empty());
    let mut head = vec!["ID", w.col_name, w.col_unit, w.col_baseline, w.col_target, w.col_direction];
    head.extend(hitos.then_some(w.col_milestones));
    let _ = writeln!(out, "{}", cells(head.iter().map(|h| h.to_string()).collect()));
    let _ = writeln!(out, "{}", cells(vec!["---".to_owned(); head.len()]));
    for i in &s.indicators {
        let mut row = indicator_cells(i, w, lang);
        if hitos {
            row.push(escape(&super::milestones::shown(lang, &i.milestones)));
        }
        let _ = writeln!(out, "{}", cells(row));
    }
    out.push('\n');
}

fn indicator_cells(i: &Indicator, w: &PlanWords, lang: Lang) -> Vec<String> {
    let num = |x: Option<f64>| x.map(|x| number(lang, x)).unwrap_or_default();
    vec![
        escape(&i.id),
        escape(&i.name),
        i.unit.as_deref().map(escape).unwrap_or_default(),
        num(i.baseline),
        num(i.target),
        w.direction(i.direction).to_owned(),
    ]
}

/// The crossed strategies as the Markdown export lists them: `- **FO1** Text (F1 × O1)`.
fn strategies(out: &mut String, s: &Session, lang: Lang) {
    if s.strategies.is_empty() {
        return;
    }
    let _ = writeln!(out, "## {}\n", super::plan::Words::new(lang).strategies);
    for k in Crossed::ALL {
        for (_, st) in s.strategies_of(k) {
            let pair = format!("{} × {}", escape(&st.factors[0]), escape(&st.factors[1]));
            let _ = writeln!(out, "- **{}** {} ({pair})", escape(&st.id), escape(&st.text));
        }
    }
    out.push('\n');
}

/// The CAME quadrant an action without an ID goes to: that of the first factor
/// it answers, else Corregir.
pub fn came_for(links: &[String], id: Option<&str>) -> Came {
    let by_id = id.and_then(|id| {
        let prefix: String = id.chars().take_while(char::is_ascii_uppercase).collect();
        Came::from_action_prefix(&prefix)
    });
    by_id
        .or_else(|| {
            links
                .iter()
                .find_map(|l| {
                    Quadrant::from_prefix(&l.chars().take_while(char::is_ascii_uppercase).collect::<String>())
                })
                .map(Came::of)
        })
        .unwrap_or(Came::Correct)
}
