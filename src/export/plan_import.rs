//! Reading a plan written in Markdown (the form `plan_md` writes, or one typed
//! by hand): the horizon line, misión, visión, valores, the four quadrants,
//! retos with their sources in parentheses, ejes (`### 1. …`) with numbered
//! líneas (`- 1.1 …`), the plan de acción table and the indicators table.
//! Headings, columns and status words are read in Spanish, English or Catalan.
//! A file with none of the plan's headings is not a plan: `import::markdown`
//! reads it as always. Anything not understood is refused with file:line:column.

use std::collections::HashSet;
use std::path::Path;

use jiff::Timestamp;

use crate::domain::text::clean_text;
use crate::domain::{Axis, CameAction, Challenge, Crossed, Euros, Horizon, Indicator, Line, Session, Source, Strategy};

use super::import::{ImportError, build, markdown, quadrant_from_label};
use super::plan_md::came_for;
use super::plan_words::{OTHER_HEADINGS, PlanWords, direction_from, fold, is_word, status_from};

#[path = "plan_table.rs"]
mod table;

use table::Table;

/// A section of a plan file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Top,
    Mission,
    Vision,
    Values,
    Challenges,
    Axes,
    Actions,
    Indicators,
    Strategies,
    Quadrant,
    Other,
}

fn plan_section(text: &str) -> Option<Section> {
    let pairs: [(fn(&PlanWords) -> &'static str, Section); 7] = [
        (|w| w.mission, Section::Mission),
        (|w| w.vision, Section::Vision),
        (|w| w.values, Section::Values),
        (|w| w.challenges, Section::Challenges),
        (|w| w.axes_lines, Section::Axes),
        (|w| w.action_plan, Section::Actions),
        (|w| w.indicators, Section::Indicators),
    ];
    pairs.into_iter().find(|(pick, _)| is_word(text, pick)).map(|(_, s)| s)
}

/// The text of a level-`n` ATX heading line, if it is one.
fn heading(line: &str, n: usize) -> Option<&str> {
    let rest = line.strip_prefix(&"#".repeat(n))?;
    rest.starts_with(' ').then(|| rest.trim().trim_end_matches('#').trim())
}

/// A `Horizonte: 2023-2026` line (any language).
fn horizon_value(line: &str) -> Option<&str> {
    let (word, value) = line.split_once(':')?;
    let word = word.trim().trim_matches('*');
    is_word(word, |w| w.horizon).then(|| value.trim().trim_start_matches('*').trim())
}

/// Whether a Markdown text is a plan: it has a horizon line or a plan heading.
pub fn is_plan(text: &str) -> bool {
    text.lines().any(|l| horizon_value(l).is_some() || heading(l, 2).and_then(plan_section).is_some())
}

/// Removes Markdown backslash escapes (`\*` → `*`).
pub(crate) fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.extend(chars.next()),
            c => out.push(c),
        }
    }
    out
}

/// Splits `text (A, B)` into the text and the tokens in its last parentheses,
/// when every token there satisfies `ok`.
fn trailing_refs<'a>(text: &'a str, ok: impl Fn(&str) -> bool) -> (&'a str, Vec<String>) {
    if let Some(inner) = text.trim_end().strip_suffix(')')
        && let Some(open) = inner.rfind('(')
        && !inner[..open].ends_with('\\')
    {
        let tokens: Vec<String> = inner[open + 1..].split(',').map(|t| unescape(t.trim())).collect();
        if !tokens.is_empty() && tokens.iter().all(|t| ok(t)) {
            return (text[..open].trim_end(), tokens);
        }
    }
    (text, Vec::new())
}

fn id_with(t: &str, prefix: &str) -> bool {
    t.strip_prefix(prefix).is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

/// A reto's source token: `D1`, `FO2`, `C3`, `acción A1`.
fn source(token: &str) -> Option<Source> {
    let (word, id) = token.rsplit_once(' ').unwrap_or(("", token));
    if !word.is_empty() {
        return (is_word(word, |w| w.action) && Source::guess(id).is_some()).then(|| Source::Action(id.to_owned()));
    }
    Source::guess(id)
}

/// A `**ID** rest` list item: the ID (when it has `prefix`) and the rest.
fn leading_id<'a>(text: &'a str, prefix: &[&str]) -> (Option<String>, &'a str) {
    if let Some(rest) = text.strip_prefix("**")
        && let Some((id, after)) = rest.split_once("**")
        && prefix.iter().any(|p| id_with(id, p))
    {
        return (Some(id.to_owned()), after.trim_start());
    }
    (None, text)
}

/// A number written either way: `12000,5`, `12.000,50`, `12,000.50`, `0.75`.
pub(crate) fn parse_number(text: &str) -> Option<f64> {
    let t: String = text.chars().filter(|c| !c.is_whitespace() && *c != '€').collect();
    let decimal = match (t.rfind(','), t.rfind('.')) {
        (Some(c), Some(d)) => Some(if c > d { ',' } else { '.' }),
        (Some(_), None) => Some(','),
        (None, Some(_)) => Some('.'),
        (None, None) => None,
    };
    let normal: String = t
        .chars()
        .filter_map(|c| match c {
            ',' | '.' if Some(c) == decimal => Some('.'),
            ',' | '.' => None,
            c => Some(c),
        })
        .collect();
    normal.parse::<f64>().ok().filter(|x| x.is_finite())
}

/// Everything read from a plan file, before IDs are settled.
#[derive(Default)]
struct Draft {
    title: Option<String>,
    horizon: Option<Horizon>,
    mission: Vec<String>,
    vision: Vec<String>,
    values: Vec<String>,
    challenges: Vec<(Option<String>, String, Vec<Source>)>,
    /// Ejes: ID, text; líneas: eje index, ID, text, indicator IDs.
    axes: Vec<(Option<String>, String)>,
    lines: Vec<(usize, Option<String>, String, Vec<String>)>,
    strategies: Vec<Strategy>,
    actions: Option<Table>,
    indicators: Option<Table>,
    quadrant_text: String,
}

/// Reads a plan file into a new session titled `title` (else the file's `#`
/// heading, else `fallback`).
pub fn import(
    text: &str,
    path: &Path,
    title: Option<&str>,
    fallback: &str,
    now: Timestamp,
) -> Result<Session, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let at =
        |line: usize, column: usize, message: String| ImportError::At { path: path.to_owned(), line, column, message };
    let mut d = Draft::default();
    let mut section = Section::Top;
    let mut table_lines: Vec<(usize, &str)> = Vec::new();
    let flush = |d: &mut Draft, section: Section, lines: &mut Vec<(usize, &str)>| -> Result<(), ImportError> {
        if lines.is_empty() {
            return Ok(());
        }
        let t = Table::read(lines).map_err(|(l, c, m)| at(l, c, m))?;
        lines.clear();
        match section {
            Section::Actions => d.actions = Some(t),
            Section::Indicators => d.indicators = Some(t),
            _ => {}
        }
        Ok(())
    };
    for (n, raw) in text.lines().enumerate() {
        let line_no = n + 1;
        let line = raw.trim_end();
        if line.trim_start().starts_with('|') && matches!(section, Section::Actions | Section::Indicators) {
            table_lines.push((line_no, line));
            continue;
        }
        flush(&mut d, section, &mut table_lines)?;
        if let Some(h) = heading(line, 1) {
            if d.title.is_none() {
                d.title = Some(clean_text(&unescape(h))).filter(|t| !t.is_empty());
            }
            section = Section::Top;
            continue;
        }
        if let Some(h) = heading(line, 2) {
            let col = raw.find(h).map_or(1, |c| c + 1);
            section = if let Some(s) = plan_section(h) {
                s
            } else if quadrant_from_label(h).is_some() {
                Section::Quadrant
            } else if is_strategies(h) {
                Section::Strategies
            } else if OTHER_HEADINGS.iter().any(|o| fold(h).starts_with(o)) {
                Section::Other
            } else {
                return Err(at(line_no, col, format!("unknown heading {h:?}; a plan has {}", known_headings())));
            };
            if section == Section::Quadrant {
                d.quadrant_text.push_str(line);
                d.quadrant_text.push('\n');
            }
            continue;
        }
        if section == Section::Quadrant {
            d.quadrant_text.push_str(raw);
            d.quadrant_text.push('\n');
            continue;
        }
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        let col = raw.len() - raw.trim_start().len() + 1;
        match section {
            Section::Top => {
                if let Some(v) = horizon_value(trimmed) {
                    d.horizon = Some(v.parse::<Horizon>().map_err(|e| at(line_no, col, e.to_string()))?);
                }
            }
            Section::Mission | Section::Vision => {
                let target = if section == Section::Mission { &mut d.mission } else { &mut d.vision };
                target.push(unescape(trimmed));
            }
            Section::Values => {
                if let Some(item) = list_item(trimmed) {
                    d.values.push(clean_text(&unescape(item)));
                }
            }
            Section::Challenges => {
                if let Some(item) = list_item(trimmed) {
                    let (id, rest) = leading_id(item, &["R"]);
                    let (text, refs) = trailing_refs(rest, |t| source(t).is_some());
                    let from = refs.iter().filter_map(|t| source(t)).collect();
                    d.challenges.push((id, clean_text(&unescape(text)), from));
                }
            }
            Section::Axes => read_axis_line(&mut d, trimmed, raw).map_err(|(c, m)| at(line_no, c, m))?,
            Section::Strategies => {
                if let Some(item) = list_item(trimmed) {
                    let st = strategy(item).ok_or_else(|| {
                        at(line_no, col, "a crossed strategy reads `- **FO1** Text (F1 × O1)`".to_owned())
                    })?;
                    d.strategies.push(st);
                }
            }
            Section::Actions | Section::Indicators | Section::Other | Section::Quadrant => {}
        }
    }
    flush(&mut d, section, &mut table_lines)?;
    assemble(d, path, title, fallback, now)
}

fn is_strategies(h: &str) -> bool {
    let f = fold(h);
    ["estrategias cruzadas", "crossed strategies", "estrategies creuades"].iter().any(|s| f.starts_with(s))
}

fn known_headings() -> String {
    let w = super::plan_words::ES;
    [w.mission, w.vision, w.values, "Fortalezas…", w.challenges, w.axes_lines, w.action_plan, w.indicators].join(", ")
}

fn list_item(line: &str) -> Option<&str> {
    line.strip_prefix("- ").or_else(|| line.strip_prefix("* ")).map(str::trim)
}

/// `### 1. Eje (EJ1)` or `- 1.1 Línea (L1, I2)` under Ejes y líneas.
fn read_axis_line(d: &mut Draft, trimmed: &str, raw: &str) -> Result<(), (usize, String)> {
    let col = |s: &str| raw.find(s).map_or(1, |c| c + 1);
    if let Some(h) = heading(trimmed, 3) {
        let (num, rest) =
            h.split_once(['.', ' ']).ok_or((col(h), format!("an eje heading reads `### 1. Text`, not {h:?}")))?;
        if num.trim().parse::<usize>().ok() != Some(d.axes.len() + 1) {
            return Err((col(h), format!("eje {} expected here, not {num:?}", d.axes.len() + 1)));
        }
        let (text, refs) = trailing_refs(rest.trim(), |t| id_with(t, "EJ"));
        d.axes.push((refs.into_iter().next(), clean_text(&unescape(text))));
        return Ok(());
    }
    let Some(item) = list_item(trimmed) else { return Ok(()) };
    let (num, rest) = item.split_once(' ').unwrap_or((item, ""));
    let parts: Vec<&str> = num.trim_end_matches('.').split('.').collect();
    let (Some(a), Some(_)) = (parts.first().and_then(|a| a.parse::<usize>().ok()), parts.get(1)) else {
        return Err((col(item), format!("a línea reads `- 1.1 Text`, not {item:?}")));
    };
    if a != d.axes.len() || a == 0 {
        let n = d.axes.len();
        return Err((col(item), format!("línea {num} is under eje {n}: number it {n}.1, {n}.2…")));
    }
    let (text, refs) = trailing_refs(rest, |t| id_with(t, "L") || id_with(t, "I"));
    let id = refs.iter().find(|t| id_with(t, "L")).cloned();
    let indicators = refs.into_iter().filter(|t| id_with(t, "I")).collect();
    d.lines.push((a - 1, id, clean_text(&unescape(text)), indicators));
    Ok(())
}

/// `**FO1** Text (F1 × O1)`.
fn strategy(item: &str) -> Option<Strategy> {
    let (id, rest) = leading_id(item, &["FO", "DO", "FA", "DA"]);
    let id = id?;
    let kind = Crossed::ALL.into_iter().find(|k| id.starts_with(k.prefix()))?;
    let inner = rest.trim_end().strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let (a, b) = inner[open + 1..].split_once('×')?;
    let factors = [unescape(a.trim()), unescape(b.trim())];
    let text = clean_text(&unescape(&inner[..open]));
    Some(Strategy { id, kind, factors, text, votes: 0, line: None })
}

/// IDs for items read in order: a given ID is kept when it has the prefix and is
/// not taken; the others get the next numbers after the highest.
fn settle_ids(given: Vec<Option<String>>, prefix: &str) -> Vec<String> {
    let mut seen = HashSet::new();
    let kept: Vec<Option<String>> =
        given.into_iter().map(|id| id.filter(|id| id_with(id, prefix) && seen.insert(id.clone()))).collect();
    let mut top = kept.iter().flatten().filter_map(|id| id[prefix.len()..].parse::<u32>().ok()).max().unwrap_or(0);
    kept.into_iter()
        .map(|id| {
            id.unwrap_or_else(|| {
                top += 1;
                format!("{prefix}{top}")
            })
        })
        .collect()
}

fn assemble(
    d: Draft,
    path: &Path,
    title: Option<&str>,
    fallback: &str,
    now: Timestamp,
) -> Result<Session, ImportError> {
    let title = title.map(str::to_owned).or(d.title.clone()).unwrap_or_else(|| fallback.to_owned());
    let mut s = build(markdown(&d.quadrant_text), &title, now);
    s.meta.horizon = d.horizon;
    s.mission = Some(clean_text(&d.mission.join(" "))).filter(|t| !t.is_empty());
    s.vision = Some(clean_text(&d.vision.join(" "))).filter(|t| !t.is_empty());
    s.values = d.values.into_iter().filter(|v| !v.is_empty()).collect();
    let ids = settle_ids(d.challenges.iter().map(|c| c.0.clone()).collect(), "R");
    s.challenges =
        d.challenges.into_iter().zip(ids).map(|((_, text, from), id)| Challenge { id, text, from }).collect();
    let ids = settle_ids(d.axes.iter().map(|a| a.0.clone()).collect(), "EJ");
    s.axes = d.axes.into_iter().zip(ids).map(|((_, text), id)| Axis { id, text }).collect();
    let ids = settle_ids(d.lines.iter().map(|l| l.1.clone()).collect(), "L");
    for ((axis, _, text, indicators), id) in d.lines.into_iter().zip(ids) {
        let axis = s.axes.get(axis).map(|a| a.id.clone()).unwrap_or_default();
        s.lines.push(Line { id, axis, text, indicators });
    }
    let mut seen = HashSet::new();
    s.strategies = d.strategies.into_iter().filter(|st| seen.insert(st.id.clone())).collect();
    if let Some(t) = d.indicators {
        s.indicators = indicators(&t, path)?;
    }
    if let Some(t) = d.actions {
        actions(&mut s, &t, path)?;
    }
    s.normalise_ids();
    Ok(s)
}

fn indicators(t: &Table, path: &Path) -> Result<Vec<Indicator>, ImportError> {
    let cols = t.columns(
        path,
        &[
            ("ID", &|_| "ID"),
            ("name", &|w| w.col_name),
            ("unit", &|w| w.col_unit),
            ("baseline", &|w| w.col_baseline),
            ("target", &|w| w.col_target),
            ("direction", &|w| w.col_direction),
            ("measures", &|w| w.col_measures),
        ],
        "name",
    )?;
    let mut given = Vec::new();
    let mut out = Vec::new();
    for row in &t.rows {
        let name = clean_text(row.get(&cols, "name"));
        if name.is_empty() {
            continue;
        }
        let num = |key: &str| -> Result<Option<f64>, ImportError> {
            match row.get(&cols, key) {
                "" => Ok(None),
                v => parse_number(v)
                    .map(Some)
                    .ok_or_else(|| row.error(path, &cols, key, format!("{v:?} is not a number"))),
            }
        };
        let direction = match row.get(&cols, "direction") {
            "" => Default::default(),
            v => direction_from(v).ok_or_else(|| {
                row.error(path, &cols, "direction", format!("direction must be up or down (sube, baja), not {v:?}"))
            })?,
        };
        let unit = Some(clean_text(row.get(&cols, "unit"))).filter(|u| !u.is_empty());
        given.push(Some(row.get(&cols, "ID").to_owned()).filter(|i| !i.is_empty()));
        out.push(Indicator {
            id: String::new(),
            name,
            unit,
            baseline: num("baseline")?,
            target: num("target")?,
            direction,
        });
    }
    for (ind, id) in out.iter_mut().zip(settle_ids(given, "I")) {
        ind.id = id;
    }
    Ok(out)
}

fn actions(s: &mut Session, t: &Table, path: &Path) -> Result<(), ImportError> {
    let cols = t.columns(
        path,
        &[
            ("line", &|w| w.col_line),
            ("ID", &|_| "ID"),
            ("action", &|w| w.col_action),
            ("answers", &|w| w.col_answers),
            ("owner", &|w| w.col_owner),
            ("start", &|w| w.col_start),
            ("due", &|w| w.col_due),
            ("resources", &|w| w.col_resources),
            ("amount", &|w| w.col_amount),
            ("partners", &|w| w.col_partners),
            ("indicator", &|w| w.col_indicator),
            ("status", &|w| w.col_status),
        ],
        "action",
    )?;
    let mut seen: HashSet<String> = HashSet::new();
    for row in &t.rows {
        let text = clean_text(row.get(&cols, "action"));
        let line = match row.get(&cols, "line") {
            "" => None,
            v => Some(line_id(s, v).ok_or_else(|| {
                row.error(path, &cols, "line", format!("there is no línea {v} in the Ejes y líneas section"))
            })?),
        };
        let id = Some(row.get(&cols, "ID").to_owned()).filter(|i| !i.is_empty());
        if let Some(i) = id.as_deref().and_then(|id| s.strategies.iter().position(|st| st.id == id)) {
            s.strategies[i].line = line;
            continue;
        }
        if text.is_empty() {
            continue;
        }
        let links: Vec<String> =
            row.get(&cols, "answers").split([',', ' ']).map(clean_text).filter(|l| !l.is_empty()).collect();
        let came = came_for(&links, id.as_deref());
        let id = id.filter(|i| id_with(i, came.prefix()) && seen.insert(i.clone())).unwrap_or_default();
        let mut a = CameAction::new(id, text, links);
        a.line = line;
        let date = |key: &str| -> Result<Option<jiff::civil::Date>, ImportError> {
            match row.get(&cols, key) {
                "" => Ok(None),
                v => v
                    .parse()
                    .map(Some)
                    .map_err(|_| row.error(path, &cols, key, format!("{v:?} is not a date YYYY-MM-DD"))),
            }
        };
        (a.start, a.due) = (date("start")?, date("due")?);
        a.owner = Some(clean_text(row.get(&cols, "owner"))).filter(|t| !t.is_empty());
        a.resources = Some(clean_text(row.get(&cols, "resources"))).filter(|t| !t.is_empty());
        a.amount = match row.get(&cols, "amount") {
            "" => None,
            v => Some(
                parse_number(v)
                    .and_then(|x| Euros::try_from(x).ok())
                    .ok_or_else(|| row.error(path, &cols, "amount", format!("{v:?} is not an amount of euros")))?,
            ),
        };
        a.partners = row.get(&cols, "partners").split(';').map(clean_text).filter(|p| !p.is_empty()).collect();
        let mut free = Vec::new();
        for token in row.get(&cols, "indicator").split(';').map(str::trim).filter(|t| !t.is_empty()) {
            let by_name = s.indicators.iter().find(|i| fold(&i.name) == fold(token)).map(|i| i.id.clone());
            match by_name.or_else(|| s.find_indicator(token).map(|_| token.to_owned())) {
                Some(i) => a.indicators.push(i),
                None => free.push(clean_text(token)),
            }
        }
        a.indicator = Some(free.join("; ")).filter(|t| !t.is_empty());
        a.status = match row.get(&cols, "status") {
            "" => Default::default(),
            v => status_from(v).ok_or_else(|| {
                row.error(
                    path,
                    &cols,
                    "status",
                    format!("unknown status {v:?} (pendiente, en curso, hecha, descartada)"),
                )
            })?,
        };
        s.actions_mut(came).push(a);
    }
    s.normalise_ids();
    for c in crate::domain::Came::ALL {
        for i in 0..s.actions(c).len() {
            if s.actions(c)[i].id.is_empty() {
                let n = s.bump(c.counter_key());
                s.actions_mut(c)[i].id = format!("{}{n}", c.prefix());
            }
        }
    }
    Ok(())
}

/// The ID of the línea numbered `1.2`.
fn line_id(s: &Session, number: &str) -> Option<String> {
    let (a, l) = number.trim().trim_end_matches('.').split_once('.')?;
    Some(s.line_by_number(a.parse().ok()?, l.parse().ok()?)?.id.clone())
}

#[cfg(test)]
#[path = "plan_import_tests.rs"]
mod tests;
