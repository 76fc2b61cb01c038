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

use crate::domain::rules::{ItemId, MAX_ID_NUMBER};
use crate::domain::text::clean_text;
use crate::domain::{Axis, Challenge, Crossed, Horizon, Line, Session, Source, Strategy};

use super::problem::Problem;
use super::{ImportError, build, markdown, quadrant_from_label, quadrant_language};
use crate::i18n::Lang;
use crate::i18n::plan_words::{Pick, PlanWords, all, fold, is_word, other_headings};

mod table;

mod rows;

mod participation;

mod tags;

use rows::{actions, came_table, indicators, line_id};
use table::Table;

/// A section of a plan file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Section {
    Top,
    /// "Misión, visión y valores", as the informe groups them under `###` headings.
    Formulation,
    Mission,
    Vision,
    Values,
    Challenges,
    Axes,
    Actions,
    Indicators,
    Strategies,
    /// The informe's `Plan de acción CAME`: its tables give each action's links and votes.
    Came,
    /// The informe's "Proceso participativo": its table and the merge's sentence.
    Process,
    /// `Áreas temáticas` or `Impactos transversales`: items per name.
    Tags(crate::domain::themes::Tag),
    Quadrant,
    Other,
}

fn plan_section(text: &str) -> Option<Section> {
    let pairs: [(Pick, Section); 8] = [
        (|w| w.formulation, Section::Formulation),
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
    if !rest.starts_with(' ') {
        return None;
    }
    // A closing run of `#` counts only after a space (an escaped `\#` is text).
    let text = rest.trim();
    let open = text.trim_end_matches('#');
    Some(if open.len() < text.len() && (open.is_empty() || open.ends_with(' ')) { open.trim_end() } else { text })
}

/// A `Horizonte: 2023-2026` line (any language).
fn horizon_value(line: &str) -> Option<&str> {
    let line = line.strip_prefix("- ").unwrap_or(line);
    let (word, value) = line.split_once(':')?;
    let word = word.trim().trim_matches('*');
    is_word(word, |w| w.horizon).then(|| value.trim().trim_start_matches('*').trim())
}

/// A `Fuentes de financiación: A; B` line, or the informe's field (any language).
fn funding_value(line: &str) -> Option<&str> {
    let line = line.strip_prefix("- ").unwrap_or(line);
    let (word, value) = line.split_once(':')?;
    let word = word.trim().trim_matches('*');
    let named = crate::i18n::Lang::ALL.iter().any(|l| fold(l.money().sources_label) == fold(word));
    named.then(|| value.trim().trim_start_matches('*').trim())
}

/// A header field of the informe that the session keeps.
enum Meta {
    Place,
    Participants,
}

/// `- **Lugar:** value` (any language): the field and its escaped value.
fn meta_field(line: &str) -> Option<(Meta, &str)> {
    let (label, value) = line.strip_prefix("- **")?.split_once(":** ")?;
    let named = |pick: fn(&crate::i18n::Lang) -> &'static str| {
        crate::i18n::Lang::ALL.iter().any(|l| fold(pick(l)) == fold(label))
    };
    if named(|l| l.text().export.place) {
        Some((Meta::Place, value))
    } else if named(|l| l.text().export.participants) {
        Some((Meta::Participants, value))
    } else {
        None
    }
}

/// Whether a Markdown text is a plan: it has a horizon line or a plan heading.
pub fn is_plan(text: &str) -> bool {
    text.lines().any(|l| {
        horizon_value(l).is_some()
            || heading(l, 2).is_some_and(|h| {
                plan_section(h).is_some() || participation::is_heading(h) || tags::section(h).is_some()
            })
    })
}

/// Removes Markdown backslash escapes (`\*` → `*`) and reads numeric
/// character references (`&#183;` → `·`); an escaped `\&` stays a `&`.
pub(crate) fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        rest = &rest[c.len_utf8()..];
        match c {
            '\\' => {
                if let Some(n) = rest.chars().next() {
                    out.push(n);
                    rest = &rest[n.len_utf8()..];
                }
            }
            '&' => match reference(rest) {
                Some((ch, len)) => {
                    out.push(ch);
                    rest = &rest[len..];
                }
                None => out.push('&'),
            },
            c => out.push(c),
        }
    }
    out
}

/// `#183;…` after a `&`: the character and the length read.
fn reference(rest: &str) -> Option<(char, usize)> {
    let digits = rest.strip_prefix('#')?;
    let end = digits.find(';')?;
    let ch = char::from_u32(digits[..end].parse().ok()?)?;
    Some((ch, end + 2))
}

/// Splits escaped Markdown at every `sep` that no backslash escapes and that
/// does not end a character reference (`&#183;`); each piece is still escaped.
pub(crate) fn split_unescaped(text: &str, sep: &[char]) -> Vec<String> {
    let mut out = vec![String::new()];
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        let len = match c {
            '\\' => 1 + rest[1..].chars().next().map_or(0, char::len_utf8),
            '&' => reference(&rest[1..]).map_or(1, |(_, n)| 1 + n),
            c => c.len_utf8(),
        };
        let (piece, after) = rest.split_at(len);
        rest = after;
        if sep.contains(&c) {
            out.push(String::new());
        } else if let Some(last) = out.last_mut() {
            last.push_str(piece);
        }
    }
    out
}

/// Splits `text (A, B)` into the text and the tokens in its last parentheses,
/// when every token there satisfies `ok`.
fn trailing_refs(text: &str, ok: impl Fn(&str) -> bool) -> (&str, Vec<String>) {
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

/// A reto's source token: `D1`, `FO2`, `C3`, `AF1`, `acción A1` (before format
/// version 4, the Afrontar action `AF1`), or any of them as a language shows it.
fn source(token: &str) -> Option<Source> {
    let (word, id) = token.rsplit_once(' ').unwrap_or(("", token));
    let id = crate::i18n::stored_id(id);
    if !word.is_empty() {
        let id = crate::i18n::stored_action_id(crate::domain::Came::Confront, &id);
        return (is_word(word, |w| w.action) && Source::guess(&id).is_some()).then_some(Source::Action(id));
    }
    Source::guess(&id)
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

/// The línea number of a `### 1.2 …` heading in the plan de acción, with its
/// line and column for errors.
type Group = Option<(usize, usize, String)>;

/// Everything read from a plan file, before IDs are settled.
#[derive(Default)]
struct Draft {
    title: Option<String>,
    place: Option<String>,
    participants: Option<String>,
    horizon: Option<Horizon>,
    funding: Vec<String>,
    mission: Vec<String>,
    vision: Vec<String>,
    values: Vec<String>,
    challenges: Vec<(Option<String>, String, Vec<Source>)>,
    /// Ejes: ID, text; líneas: eje index, ID, text, indicator IDs.
    axes: Vec<(Option<String>, String)>,
    lines: Vec<(usize, Option<String>, String, Vec<String>)>,
    strategies: Vec<Strategy>,
    /// Plan de acción tables, each with the línea of the `### 1.2 …` heading
    /// above it (its number and position), if any.
    actions: Vec<(Group, Table)>,
    /// The tables of the informe's `Plan de acción CAME`.
    came: Vec<Table>,
    indicators: Option<Table>,
    /// The "Proceso participativo" table and the merge's sentence.
    process: Option<Table>,
    merge: Option<crate::domain::meetings::MergeRecord>,
    /// Themes and impacts read per item, and whether each list is the session's own.
    tags: tags::Tags,
    quadrant_text: String,
    /// The language of the plan's headings: its tables' numbers are read its way.
    lang: Option<Lang>,
}

/// Reads a plan file into a new session titled `title` (else the file's `#`
/// heading, else `fallback`), and gives the language of its headings when they
/// name one (the first plan or quadrant heading that does): the session's
/// `meta.language` is that language, and an error after that heading is said
/// to be in it ([`ImportError::in_language`]).
pub fn import(
    text: &str,
    path: &Path,
    title: Option<&str>,
    fallback: &str,
    now: Timestamp,
) -> Result<(Session, Option<Lang>), ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut d = Draft::default();
    read_lines(text, path, &mut d).map_err(|e| e.in_language(d.lang))?;
    let lang = d.lang;
    let session = assemble(d, text, path, title, fallback, now).map_err(|e| e.in_language(lang))?;
    Ok((session, lang))
}

/// Reads the lines of a plan file into `d`.
fn read_lines<'t>(text: &'t str, path: &Path, d: &mut Draft) -> Result<(), ImportError> {
    let at =
        |line: usize, column: usize, problem: Problem| ImportError::At { path: path.to_owned(), line, column, problem };
    let mut section = Section::Top;
    let mut table_lines: Vec<(usize, &'t str)> = Vec::new();
    let mut group: Group = None;
    let flush =
        |d: &mut Draft, section: Section, group: &Group, lines: &mut Vec<(usize, &str)>| -> Result<(), ImportError> {
            if lines.is_empty() {
                return Ok(());
            }
            let t = Table::read(lines).map_err(|(l, c, m)| at(l, c, m))?;
            lines.clear();
            match section {
                Section::Actions => d.actions.push((group.clone(), t)),
                Section::Indicators => d.indicators = Some(t),
                Section::Came => d.came.push(t),
                Section::Process => d.process = Some(t),
                _ => {}
            }
            Ok(())
        };
    for (n, raw) in text.lines().enumerate() {
        let line_no = n + 1;
        let line = raw.trim_end();
        if line.trim_start().starts_with('|')
            && matches!(section, Section::Actions | Section::Indicators | Section::Came | Section::Process)
        {
            table_lines.push((line_no, line));
            continue;
        }
        flush(d, section, &group, &mut table_lines)?;
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
                d.lang = d.lang.or_else(|| heading_lang(h));
                s
            } else if quadrant_from_label(h).is_some() {
                d.lang = d.lang.or_else(|| quadrant_language(h));
                Section::Quadrant
            } else if is_strategies(h) {
                Section::Strategies
            } else if crate::i18n::Lang::ALL.iter().any(|l| fold(h) == fold(l.text().plan.came)) {
                Section::Came
            } else if participation::is_heading(h) {
                Section::Process
            } else if let Some(tag) = tags::section(h) {
                Section::Tags(tag)
            } else if tags::is_theme_grid(h) || other_heading(h) {
                Section::Other
            } else {
                let known = known_headings(d.lang.unwrap_or_default());
                return Err(at(line_no, col, Problem::Heading { heading: h.to_owned(), known }));
            };
            if section == Section::Quadrant {
                d.quadrant_text.push_str(line);
                d.quadrant_text.push('\n');
            }
            group = None;
            continue;
        }
        if let Some(h) = heading(line, 3) {
            let col = raw.find(h).map_or(1, |c| c + 1);
            match section {
                // The informe's `### Misión`, `### Visión`, `### Valores`.
                Section::Formulation | Section::Mission | Section::Vision | Section::Values => {
                    section = match plan_section(h) {
                        Some(s @ (Section::Mission | Section::Vision | Section::Values)) => s,
                        _ => {
                            return Err(at(line_no, col, Problem::MissionHeading(h.to_owned())));
                        }
                    };
                    continue;
                }
                Section::Tags(_) => {
                    d.tags.name = Some(clean_text(&unescape(h)));
                    continue;
                }
                // The informe's `### 1.2 Línea` before each table (or `### Sin línea`).
                Section::Actions => {
                    let number = h.split(' ').next().unwrap_or_default();
                    group = number.contains('.').then(|| (line_no, col, number.trim_end_matches('.').to_owned()));
                    continue;
                }
                _ => {}
            }
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
                    d.horizon = Some(v.parse::<Horizon>().map_err(|e| at(line_no, col, Problem::Horizon(e)))?);
                } else if let Some(v) = funding_value(trimmed) {
                    d.funding = split_unescaped(v, &[';'])
                        .iter()
                        .map(|n| clean_text(&unescape(n)))
                        .filter(|n| !n.is_empty())
                        .collect();
                } else if let Some((field, value)) = meta_field(trimmed) {
                    let value = Some(clean_text(&unescape(value))).filter(|v| !v.is_empty());
                    match field {
                        Meta::Place => d.place = value,
                        Meta::Participants => d.participants = value,
                    }
                }
            }
            Section::Mission | Section::Vision => {
                let target = if section == Section::Mission { &mut d.mission } else { &mut d.vision };
                target.push(unescape(trimmed));
            }
            Section::Values => {
                // A list, or the informe's one value per line.
                d.values.push(clean_text(&unescape(list_item(trimmed).unwrap_or(trimmed))));
            }
            Section::Challenges => {
                if let Some(item) = list_item(trimmed) {
                    let (id, rest) = leading_id(item, &["R"]);
                    let (text, refs) = trailing_refs(rest, |t| source(t).is_some());
                    let from = refs.iter().filter_map(|t| source(t)).collect();
                    d.challenges.push((id, clean_text(&unescape(text)), from));
                }
            }
            Section::Axes => read_axis_line(d, trimmed, raw).map_err(|(c, m)| at(line_no, c, m))?,
            Section::Strategies => {
                if let Some(item) = list_item(trimmed) {
                    let st = strategy(item).ok_or_else(|| at(line_no, col, Problem::StrategyLine))?;
                    d.strategies.push(st);
                }
            }
            Section::Tags(tag) => d.tags.line(tag, trimmed, list_item(trimmed)),
            Section::Process => {
                if d.merge.is_none() {
                    d.merge = participation::merge_record(&unescape(trimmed));
                }
            }
            Section::Formulation
            | Section::Actions
            | Section::Indicators
            | Section::Came
            | Section::Other
            | Section::Quadrant => {}
        }
    }
    flush(d, section, &group, &mut table_lines)
}

/// The language a plan heading is written in (`Plan de acción`, `Action plan`).
/// A heading two languages share once folded (`Visión`, `Vision`) is the one
/// it is written in, accents and all.
fn heading_lang(h: &str) -> Option<Lang> {
    let words = |l: Lang| {
        let w = PlanWords::for_lang(l);
        [w.formulation, w.mission, w.vision, w.values, w.challenges, w.axes_lines, w.action_plan, w.indicators]
    };
    let f = fold(h);
    let named: Vec<Lang> = Lang::ALL.iter().copied().filter(|&l| words(l).iter().any(|x| fold(x) == f)).collect();
    match named[..] {
        [one] => Some(one),
        _ => {
            let lower = |t: &str| t.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase();
            named.into_iter().find(|&l| words(l).iter().any(|x| lower(x) == lower(h)))
        }
    }
}

/// A heading of a part of a full export the importer passes over, in any
/// language: the catalogue's own words, then the older fixed list.
fn other_heading(h: &str) -> bool {
    let f = fold(h);
    let words = crate::i18n::Lang::ALL.iter().flat_map(|l| {
        let (t, w) = (l.text(), PlanWords::for_lang(*l));
        [t.export.grid, t.plan.came, t.plan.matrix_headings[0], t.plan.matrix_headings[1], w.schedule, w.coverage]
            .into_iter()
            .chain([l.money().plan_heading])
    });
    words.map(fold).chain(other_headings().map(|o| o.to_string())).any(|o| f.starts_with(&o))
}

fn is_strategies(h: &str) -> bool {
    let f = fold(h);
    all().any(|w| f.starts_with(w.crossed_heading))
}

/// The headings a plan has, as `lang` (the file's, when its headings said it) writes them.
fn known_headings(lang: Lang) -> String {
    let w = lang.text().plan_report;
    let strengths = format!("{}…", lang.quadrant(crate::domain::Quadrant::Strengths));
    [w.mission, w.vision, w.values, &strengths, w.challenges, w.axes_lines, w.action_plan, w.indicators].join(", ")
}

fn list_item(line: &str) -> Option<&str> {
    line.strip_prefix("- ").or_else(|| line.strip_prefix("* ")).map(str::trim)
}

/// `### 1. Eje (EJ1)` or `- 1.1 Línea (L1, I2)` under Ejes y líneas.
fn read_axis_line(d: &mut Draft, trimmed: &str, raw: &str) -> Result<(), (usize, Problem)> {
    let col = |s: &str| raw.find(s).map_or(1, |c| c + 1);
    if let Some(h) = heading(trimmed, 3) {
        let (num, rest) = h.split_once(['.', ' ']).ok_or((col(h), Problem::EjeHeading(h.to_owned())))?;
        if num.trim().parse::<usize>().ok() != Some(d.axes.len() + 1) {
            return Err((col(h), Problem::EjeNumber { expected: d.axes.len() + 1, got: num.to_owned() }));
        }
        let (text, refs) = trailing_refs(rest.trim(), |t| id_with(t, "EJ"));
        d.axes.push((refs.into_iter().next(), clean_text(&unescape(text))));
        return Ok(());
    }
    let Some(item) = list_item(trimmed) else { return Ok(()) };
    let (num, rest) = item.split_once(' ').unwrap_or((item, ""));
    let num = num.trim_matches('*');
    let parts: Vec<&str> = num.trim_end_matches('.').split('.').collect();
    let (Some(a), Some(_)) = (parts.first().and_then(|a| a.parse::<usize>().ok()), parts.get(1)) else {
        return Err((col(item), Problem::LineaForm(item.to_owned())));
    };
    if d.axes.is_empty() {
        return Err((col(item), Problem::LineaNoEje(num.to_owned())));
    }
    if a != d.axes.len() {
        let n = d.axes.len();
        return Err((col(item), Problem::LineaUnderEje { linea: num.to_owned(), eje: n }));
    }
    let (text, refs) = trailing_refs(rest, |t| id_with(t, "L") || id_with(t, "I"));
    let id = refs.iter().find(|t| id_with(t, "L")).cloned();
    let indicators = refs.into_iter().filter(|t| id_with(t, "I")).collect();
    d.lines.push((a - 1, id, clean_text(&unescape(text)), indicators));
    Ok(())
}

/// `**FO1** Text (F1 × O1)`.
/// `**FO1** Text (F1 × O1)`, maybe with the export's votes `*(3 votos)*` after
/// it and `?` on a factor that is gone.
fn strategy(item: &str) -> Option<Strategy> {
    // The ID in any language's form (`ST1` is `FA1`).
    let (shown, rest) = item.strip_prefix("**")?.split_once("**")?;
    let (id, rest) = (crate::i18n::stored_id(shown), rest.trim_start());
    let kind = Crossed::ALL.into_iter().find(|k| id.starts_with(k.prefix()))?;
    let (rest, votes) = match rest.trim_end().strip_suffix(")*").and_then(|r| r.rsplit_once(" *(")) {
        Some((before, note)) => {
            (before, note.chars().filter(char::is_ascii_digit).collect::<String>().parse().unwrap_or(0))
        }
        None => (rest, 0),
    };
    let inner = rest.trim_end().strip_suffix(')')?;
    let open = inner.rfind('(')?;
    let (a, b) = inner[open + 1..].split_once('×')?;
    let factor = |f: &str| crate::i18n::stored_id(unescape(f.trim()).trim_end_matches('?'));
    let factors = [factor(a), factor(b)];
    let text = clean_text(&unescape(&inner[..open]));
    Some(Strategy { id, kind, factors, text, votes, line: None, conflict: None })
}

/// IDs for items read in order: a given ID is kept when it is one with this prefix
/// (a number from 1 to [`MAX_ID_NUMBER`]) whose number is not taken; the others get
/// the next numbers after the highest, or the lowest free ones when that would pass
/// [`MAX_ID_NUMBER`] (which loading refuses).
pub(crate) fn settle_ids(given: Vec<Option<String>>, prefix: &str) -> Vec<String> {
    let mut used = HashSet::new();
    // Kept as the number says (`R01` is `R1`, as the loader reads it).
    let kept: Vec<Option<String>> = given
        .into_iter()
        .map(|id| {
            let n = id.and_then(|id| ItemId::number_for(&id, prefix)).filter(|&n| used.insert(n))?;
            Some(ItemId::new(prefix, n).to_string())
        })
        .collect();
    let mut top = used.iter().copied().max().unwrap_or(0);
    let mut free = 0;
    kept.into_iter()
        .map(|id| {
            id.unwrap_or_else(|| {
                let n = if top < MAX_ID_NUMBER {
                    top += 1;
                    top
                } else {
                    free = (free + 1..).find(|n| !used.contains(n)).unwrap_or(MAX_ID_NUMBER);
                    free
                };
                used.insert(n);
                format!("{prefix}{n}")
            })
        })
        .collect()
}

fn assemble(
    d: Draft,
    text: &str,
    path: &Path,
    title: Option<&str>,
    fallback: &str,
    now: Timestamp,
) -> Result<Session, ImportError> {
    let title = title.map(str::to_owned).or(d.title.clone()).unwrap_or_else(|| fallback.to_owned());
    // The factors come from the quadrant sections, their weights from the EFI/EFE tables.
    let mut factors = markdown(&d.quadrant_text);
    super::weights::read_into(text, &mut factors);
    let mut s = build(factors, &title, now);
    s.meta.horizon = d.horizon;
    s.funding = d.funding;
    (s.meta.place, s.meta.participants) = (d.place, d.participants);
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
    if let Some(lang) = d.lang {
        s.meta.language = lang.tag().to_owned();
    }
    let lang = d.lang.unwrap_or_default();
    if let Some(t) = d.indicators {
        s.indicators = indicators(&t, path, lang)?;
    }
    for (group, t) in d.actions {
        let line = match group {
            None => None,
            Some((line_no, column, number)) => Some(line_id(&s, &number).ok_or_else(|| ImportError::At {
                path: path.to_owned(),
                line: line_no,
                column,
                problem: Problem::NoLinea(number.clone()),
            })?),
        };
        actions(&mut s, &t, path, line.as_deref(), lang)?;
    }
    // The plan de acción tables give the actions línea by línea; the CAME tables
    // give each quadrant's own order, which the session keeps.
    let mut order = std::collections::HashMap::new();
    for t in &d.came {
        for id in came_table(&mut s, t, path, lang)? {
            let next = order.len();
            order.entry(id).or_insert(next);
        }
    }
    for c in crate::domain::Came::ALL {
        s.actions_mut(c).sort_by_key(|a| order.get(&a.id).copied().unwrap_or(usize::MAX));
    }
    if let Some(t) = &d.process {
        s.meta.meetings = participation::meetings(t, path)?;
    }
    s.meta.merge = d.merge;
    d.tags.apply(&mut s);
    s.normalise_ids();
    Ok(s)
}

#[cfg(test)]
pub(crate) mod tests;
