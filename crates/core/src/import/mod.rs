//! Reading sessions back from Markdown lists (under Fortalezas/Debilidades/
//! Oportunidades/Amenazas headings, or their English names) and from the CSV
//! export. What the exporters write comes back as the same items; from CSV
//! also the CAME actions and crossed strategies, with their links. The plan's
//! Markdown ([`plan`]), the EFI/EFE tables ([`weights`]) and the typed problems
//! of a CSV line ([`problem`]) are read in the submodules.

pub mod plan;
pub mod problem;
mod weights;

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use pulldown_cmark::{Event, HeadingLevel, Parser, Tag, TagEnd};
use thiserror::Error;

use crate::domain::text::clean_text;
use crate::domain::{
    Came, CameAction, Crossed, Factor, Impact, ItemId, Quadrant, RangeError, Rating, Session, Status, Strategy, Weight,
};
use crate::i18n::{Lang, fold, stored_action_id, stored_id};
use crate::labels;

use crate::export::csv::Row;
use problem::Problem;

/// Why a file could not be imported.
#[derive(Debug, Error)]
pub enum ImportError {
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("{}:{line}: {problem}", path.display())]
    Csv { path: PathBuf, line: u64, problem: Problem },
    #[error(
        "{}: no factors found; put list items under headings named Fortalezas, Debilidades, Oportunidades, Amenazas (or Strengths, Weaknesses, Opportunities, Threats)",
        path.display()
    )]
    Empty { path: PathBuf },
    #[error("{}: cannot tell the format from the name; use a .md or .csv file", path.display())]
    UnknownKind { path: PathBuf },
    /// A plan file (see `plan_import`) with something that does not read.
    #[error("{}:{line}:{column}: {problem}", path.display())]
    At { path: PathBuf, line: usize, column: usize, problem: Problem },
    /// A text over its limit (`domain::limits`), on this line of the file.
    #[error("{}:{line}: the text of {} has {chars} characters; the most is {max}", path.display(), Lang::En.text().limits.field_name(field))]
    TooLong { path: PathBuf, line: usize, field: crate::domain::limits::Field, chars: usize, max: usize },
    /// A FIFO, a device or a folder, or a file over the session file limit: not read.
    #[error(transparent)]
    NotReadable(#[from] crate::storage::bounded::BoundedError),
    /// An error in a file that had said the language of its content before it
    /// (a CSV's session row, a Markdown's headings): see [`ImportError::language`].
    #[error("{error}")]
    InLanguage { lang: Lang, error: Box<ImportError> },
}

impl ImportError {
    /// The language the file had said its content is in before this error, if
    /// it had: the import speaks it, unless `--lang` says otherwise.
    pub fn language(&self) -> Option<Lang> {
        match self {
            ImportError::InLanguage { lang, .. } => Some(*lang),
            _ => None,
        }
    }

    /// The error itself, without the language of its file.
    pub fn without_language(&self) -> &ImportError {
        match self {
            ImportError::InLanguage { error, .. } => error,
            e => e,
        }
    }

    /// This error, in a file whose content is in `lang` (when that is known).
    pub fn in_language(self, lang: Option<Lang>) -> ImportError {
        match (lang, self) {
            (_, e @ ImportError::InLanguage { .. }) | (None, e) => e,
            (Some(lang), e) => ImportError::InLanguage { lang, error: Box::new(e) },
        }
    }
}

/// The text of a file to import: a regular file of at most the session file
/// limit, in UTF-8 (a FIFO, a device or a huge file is refused, never read).
/// The line of `text` a CSV reader's position is on, counted from the byte
/// offset past the line end a record may start on (the reader's own count is
/// one short after CRLF ends); 0 without a position.
pub(crate) fn csv_line(text: &str, p: Option<&::csv::Position>) -> u64 {
    let bytes = text.as_bytes();
    let Some(mut at) = p.map(|p| usize::try_from(p.byte()).unwrap_or(usize::MAX).min(bytes.len())) else {
        return 0;
    };
    while bytes.get(at).is_some_and(|b| matches!(b, b'\r' | b'\n')) {
        at += 1;
    }
    1 + bytes[..at].iter().filter(|&&b| b == b'\n').count() as u64
}

pub fn read_source(path: &Path) -> Result<String, ImportError> {
    let bytes = crate::storage::bounded::read_regular(path, crate::storage::SESSION_FILE_LIMIT)
        .map_err(ImportError::of_bounded)?;
    text_of(bytes, path)
}

impl ImportError {
    /// A bounded read's error: the system's own as it is, the rest (no
    /// regular file, too large) as not readable.
    pub fn of_bounded(e: crate::storage::bounded::BoundedError) -> ImportError {
        match e {
            crate::storage::bounded::BoundedError::Io { path, source } => ImportError::Io { path, source },
            other => ImportError::NotReadable(other),
        }
    }
}

/// The bytes of a file to import as text; a byte that is not UTF-8 (a
/// spreadsheet's "CSV" in Windows-1252) is refused at its line and column, in
/// the user's language, never read with the system's English words.
pub fn text_of(bytes: Vec<u8>, path: &Path) -> Result<String, ImportError> {
    String::from_utf8(bytes).map_err(|e| {
        let (line, column) = crate::storage::utf8_error_at(e.as_bytes(), &e.utf8_error());
        ImportError::At { path: path.to_owned(), line, column, problem: Problem::NotUtf8 }
    })
}

/// Refuses `session` when a text is over its limit, naming the line of `source`
/// it came from: the first line holding its start, else the first line longer
/// than the limit.
pub fn check_limits(session: &Session, source: &str, path: &Path) -> Result<(), ImportError> {
    let Some(long) = crate::domain::limits::first_too_long(session) else { return Ok(()) };
    let line = source
        .lines()
        .position(|l| l.contains(long.start.as_str()))
        .or_else(|| source.lines().position(|l| l.chars().count() > long.max))
        .map_or(1, |i| i + 1);
    Err(ImportError::TooLong { path: path.to_owned(), line, field: long.field, chars: long.chars, max: long.max })
}

/// A factor as read from a file, before it gets a checked ID.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Draft {
    pub id: Option<String>,
    pub text: String,
    pub votes: u32,
    pub impact: Option<u8>,
    /// EFI/EFE weight and rating (CSV columns, or a Markdown export's EFI/EFE tables).
    pub weight: Option<f64>,
    pub rating: Option<u8>,
    /// The groups or sources it came from (CSV `sources` column only).
    pub sources: Vec<String>,
    /// Carried over from last year's session, not confirmed (CSV `marks`).
    pub carried: bool,
}

/// The session's settings as a CSV's session row gives them.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Settings {
    pub language: Option<String>,
    pub labels: crate::domain::LabelSet,
    pub group: Option<String>,
    pub body: Option<String>,
    pub logo: Option<String>,
}

/// An action as read from a CSV file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ActionDraft {
    pub id: Option<String>,
    pub text: String,
    pub links: Vec<String>,
    pub votes: u32,
    pub owner: Option<String>,
    pub due: Option<jiff::civil::Date>,
    pub indicator: Option<String>,
    pub status: Status,
    /// Carried over from last year's session, not confirmed (CSV `marks`).
    pub carried: bool,
}

/// A crossed strategy as read from a CSV file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StrategyDraft {
    pub id: Option<String>,
    pub kind: Crossed,
    pub factors: [String; 2],
    pub text: String,
    pub votes: u32,
}

/// What an import found: maybe a title, factors by quadrant in file order,
/// and (from CSV) actions and strategies.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Imported {
    pub title: Option<String>,
    pub items: Vec<(Quadrant, Draft)>,
    pub actions: Vec<(Came, ActionDraft)>,
    pub strategies: Vec<StrategyDraft>,
    /// The plan's rows and columns (CSV only).
    pub plan: crate::export::csv_plan::PlanRows,
    /// The yearly reviews of actions (CSV `review` rows), action IDs as written.
    pub reviews: Vec<crate::domain::ActionReview>,
    /// The years' records and the indicators' values of the follow-up (CSV
    /// `year_record` and `value` rows), indicator IDs as written.
    pub review_years: Vec<crate::domain::YearReview>,
    pub indicator_values: Vec<crate::domain::IndicatorValue>,
    /// The session's place and participants (the CSV's session row).
    pub place: Option<String>,
    pub participants: Option<String>,
    /// The session row's settings: language of the content, label set, group,
    /// body and logo (the CSV writes them when they are not the defaults). From
    /// Markdown, only the language: that of its quadrant headings.
    pub settings: Settings,
    /// The participation process (CSV `meeting` and `merge` rows).
    pub extra: crate::export::csv_extra::Extra,
}

impl Imported {
    /// Whether nothing was found.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty() && self.actions.is_empty() && self.strategies.is_empty()
    }

    /// The language of the content, when the file said it and dafo speaks it.
    pub fn language(&self) -> Option<Lang> {
        self.settings.language.as_deref().and_then(Lang::from_tag)
    }
}

/// Reads `path` as Markdown (`.md`, `.markdown`, `.txt`) or CSV (`.csv`).
pub fn read(path: &Path) -> Result<Imported, ImportError> {
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).unwrap_or_default();
    let imported = match ext.as_str() {
        "md" | "markdown" | "txt" => markdown(&read_source(path)?),
        "csv" => csv(&read_source(path)?, path)?,
        _ => return Err(ImportError::UnknownKind { path: path.to_owned() }),
    };
    if imported.is_empty() {
        return Err(ImportError::Empty { path: path.to_owned() }.in_language(imported.language()));
    }
    Ok(imported)
}

/// The quadrant a heading or a CSV label names: its first word must be a
/// quadrant name in any language, singular or plural, any case or accents
/// (`## 1. Fortalezas (internas)`, `AMENAZAS:`, `threats`, `Amenaces`), or an ID prefix (`F`).
pub fn quadrant_from_label(label: &str) -> Option<Quadrant> {
    let folded = fold(label);
    let word = folded.split(|c: char| !c.is_alphabetic()).find(|w| !w.is_empty())?;
    let named = Quadrant::ALL.into_iter().find(|q| {
        Lang::ALL.iter().any(|l| {
            let d = &l.text().domain;
            [d.quadrants[q.index()], d.quadrant_one[q.index()]].iter().any(|name| fold(name) == word)
        })
    });
    match named {
        Some(q) => Some(q),
        None if label.trim().len() == 1 => Quadrant::from_prefix(label.trim()),
        None => None,
    }
}

/// The language a quadrant heading is written in (`Strengths`, `Fortaleses`):
/// the one whose quadrant names its first word is, when only one has it.
pub fn quadrant_language(label: &str) -> Option<Lang> {
    let folded = fold(label);
    let word = folded.split(|c: char| !c.is_alphabetic()).find(|w| !w.is_empty())?;
    let mut langs = Lang::ALL.iter().copied().filter(|l| {
        let d = &l.text().domain;
        d.quadrants.iter().chain(&d.quadrant_one).any(|name| fold(name) == word)
    });
    let first = langs.next()?;
    langs.next().is_none().then_some(first)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    Plain,
    Strong,
    Emphasis,
    /// An HTML comment in an item: the export's end of the user's words.
    End,
}

/// Reads list items under quadrant headings; the first level-1 heading that is
/// not a quadrant is the title. `**F1** Text *(3 votos · impacto 4)*` gives back
/// the ID, text, votes and impact the Markdown export wrote. The language of the
/// content is that of the first quadrant heading that names one
/// ([`quadrant_language`]).
pub fn markdown(text: &str) -> Imported {
    let mut out = Imported::default();
    let mut quadrant = None;
    let mut heading: Option<(HeadingLevel, String)> = None;
    let mut items: Vec<Vec<(Style, String)>> = Vec::new();
    let (mut strong, mut emphasis) = (0usize, 0usize);
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    for event in Parser::new(text) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => heading = Some((level, String::new())),
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, text)) = heading.take() {
                    quadrant = quadrant_from_label(&text);
                    if quadrant.is_some() && out.settings.language.is_none() {
                        out.settings.language = quadrant_language(&text).map(|l| l.tag().to_owned());
                    }
                    if quadrant.is_none() && level == HeadingLevel::H1 && out.title.is_none() {
                        out.title = Some(clean_text(&text)).filter(|t| !t.is_empty());
                    }
                }
            }
            Event::Start(Tag::Item) => items.push(Vec::new()),
            Event::End(TagEnd::Item) => {
                if let (Some(segments), Some(q)) = (items.pop(), quadrant)
                    && let Some(draft) = draft(segments)
                {
                    out.items.push((q, draft));
                }
            }
            Event::Start(Tag::Strong) => strong += 1,
            Event::End(TagEnd::Strong) => strong = strong.saturating_sub(1),
            Event::Start(Tag::Emphasis) => emphasis += 1,
            Event::End(TagEnd::Emphasis) => emphasis = emphasis.saturating_sub(1),
            Event::Text(t) | Event::Code(t) => {
                let style = if strong > 0 {
                    Style::Strong
                } else if emphasis > 0 {
                    Style::Emphasis
                } else {
                    Style::Plain
                };
                push_text(&mut heading, &mut items, style, &t);
            }
            // A line break, a second paragraph inside an item, or `<br>` part
            // words: "idea" and "con" were glued into "ideacon". (A space at a
            // paragraph's start, not its end, so that an item's last piece stays
            // the export's `*(3 votos)*` when there is one.)
            Event::SoftBreak | Event::HardBreak => push_text(&mut heading, &mut items, Style::Plain, " "),
            Event::Start(Tag::Paragraph) if items.last().is_some_and(|i| !i.is_empty()) => {
                push_text(&mut heading, &mut items, Style::Plain, " ")
            }
            Event::InlineHtml(h) if h.trim_start().to_ascii_lowercase().starts_with("<br") => {
                push_text(&mut heading, &mut items, Style::Plain, " ")
            }
            Event::InlineHtml(h) if h.starts_with("<!--") && heading.is_none() => {
                if let Some(item) = items.last_mut() {
                    item.push((Style::End, String::new()));
                }
            }
            _ => {}
        }
    }
    weights::read_into(text, &mut out);
    out
}

fn push_text(
    heading: &mut Option<(HeadingLevel, String)>,
    items: &mut [Vec<(Style, String)>],
    style: Style,
    text: &str,
) {
    if let Some((_, h)) = heading {
        h.push_str(text);
    } else if let Some(item) = items.last_mut() {
        match item.last_mut() {
            Some((s, t)) if *s == style => t.push_str(text),
            _ => item.push((style, text.to_owned())),
        }
    }
}

/// Turns the styled pieces of a list item into a draft factor.
fn draft(mut segments: Vec<(Style, String)>) -> Option<Draft> {
    let mut d = Draft::default();
    if let Some((Style::Strong, t)) = segments.first()
        && ItemId::try_from(t.trim()).is_ok()
    {
        d.id = Some(t.trim().to_owned());
        segments.remove(0);
    }
    if let Some((Style::Emphasis, t)) = segments.last()
        && let Some((votes, impact)) = parse_priority(t)
    {
        (d.votes, d.impact) = (votes, impact);
        segments.pop();
    }
    // Words up to the export's end mark are all the user's; without one, the
    // marks an export puts after them are taken off.
    let end = segments.iter().position(|(s, _)| *s == Style::End);
    let text =
        clean_text(&segments[..end.unwrap_or(segments.len())].iter().map(|(_, t)| t.as_str()).collect::<String>());
    d.text = if end.is_some() { text } else { without_export_marks(&text).to_owned() };
    (!d.text.is_empty()).then_some(d)
}

/// A factor's text without the marks an export puts after it, which are not part
/// of it: the groups it came from (`[T·P]`, uppercase initials) and `↻` (carried
/// over, not confirmed yet). Brackets of the room's own words stay.
fn without_export_marks(text: &str) -> &str {
    let mut t = text.trim_end();
    if let Some(open) = t.rfind(" [")
        && let Some(inner) = t[open + 2..].strip_suffix(']')
        && inner.split('·').all(|m| !m.is_empty() && !m.contains(' ') && m.to_uppercase() == m)
    {
        t = t[..open].trim_end();
    }
    t.strip_suffix(crate::export::marks::CARRIED).map_or(t, str::trim_end)
}

/// `(5 votos · impacto 4)`, `(1 vote)`, `(impact 2)` → votes and impact: only
/// the forms an export writes, in any language. Other words in brackets are
/// the factor's own (`(2 votaciones)`, `(impacto en 3 barrios)` stay text).
fn parse_priority(text: &str) -> Option<(u32, Option<u8>)> {
    let inner = text.trim().strip_prefix('(')?.strip_suffix(')')?;
    let is = |word: &str, pick: fn(&crate::export::Labels) -> &'static str| {
        Lang::ALL.iter().any(|&l| fold(pick(&crate::export::Labels::new(l))) == fold(word))
    };
    let number = |t: &str| !t.is_empty() && t.chars().all(|c| c.is_ascii_digit());
    let (mut votes, mut impact) = (0, None);
    for part in inner.split(['·', ',']) {
        match part.split_whitespace().collect::<Vec<_>>()[..] {
            [n, word] if number(n) && (is(word, |l| l.vote) || is(word, |l| l.votes)) => votes = n.parse().ok()?,
            [word, n] if is(word, |l| l.impact) && number(n) => impact = Some(Impact::parse(n).ok()?.get()),
            // A range (`impacto 4–5`): the groups scored it differently and the
            // room has not decided, so the factor has no impact of its own.
            [word, range] if is(word, |l| l.impact) && range.split(['–', '-']).filter(|n| number(n)).count() == 2 => {
                impact = None
            }
            _ => return None,
        }
    }
    Some((votes, impact))
}

/// Reads the CSV export (header row required; `quadrant` and `text` columns
/// required, the others optional). Rows of kind `factor` (or no kind) are
/// factors, `action` CAME actions, `strategy` crossed strategies; rows of
/// another kind are skipped. An error after the session row is said to be in
/// the language that row gives ([`ImportError::in_language`]).
pub fn csv(text: &str, path: &Path) -> Result<Imported, ImportError> {
    let mut out = Imported::default();
    match read_csv(text, path, &mut out) {
        Ok(()) => Ok(out),
        Err(e) => Err(e.in_language(out.language())),
    }
}

/// What [`csv`] does, into `out`: what was read before an error stays there.
fn read_csv(text: &str, path: &Path, out: &mut Imported) -> Result<(), ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = ::csv::ReaderBuilder::new().flexible(true).from_reader(text.as_bytes());
    let err = |line: u64, problem: Problem| ImportError::Csv { path: path.to_owned(), line, problem };
    let detail = |line: u64, e: &dyn std::fmt::Display| err(line, Problem::Detail(e.to_string()));
    let headers: ::csv::StringRecord =
        reader.headers().map_err(|e| detail(1, &e))?.iter().map(|h| h.trim().to_ascii_lowercase()).collect();
    if !(headers.iter().any(|h| h == "quadrant") && headers.iter().any(|h| h == "text")) {
        return Err(err(1, Problem::Header));
    }
    // The line of each review row, to name it if its year is outside the horizon
    // (the session row that gives the horizon may come after it).
    let mut review_lines: Vec<u64> = Vec::new();
    // The same for the years' records and the indicators' values: (year, line).
    let mut record_lines: Vec<(i16, u64)> = Vec::new();
    for record in reader.records() {
        let line_at = |p: Option<&::csv::Position>| csv_line(text, p);
        let record = record.map_err(|e| detail(line_at(e.position()), &e))?;
        let line = line_at(record.position());
        let row: Row = record.deserialize::<Row>(Some(&headers)).map_err(|e| detail(line, &e))?.restored();
        let optional = |v: &str| Some(clean_text(v.trim())).filter(|t| !t.is_empty());
        let kind = row.kind.trim().to_ascii_lowercase();
        let label = row.quadrant.trim();
        let votes = match row.votes.trim() {
            "" => 0,
            v => v.parse().map_err(|_| err(line, Problem::Votes(v.to_owned())))?,
        };
        let text = clean_text(row.text.trim());
        let id = Some(row.id.trim().to_owned()).filter(|i| !i.is_empty());
        let links: Vec<String> = row
            .links
            .trim()
            .split([crate::export::csv::LINK_SEPARATOR, ',', ' '])
            .map(clean_text)
            .filter(|l| !l.is_empty())
            .collect();
        match kind.as_str() {
            "" | crate::export::csv::KIND_FACTOR => {
                let q = quadrant_from_label(label).ok_or_else(|| err(line, Problem::Quadrant(label.to_owned())))?;
                // The ranges are the session's own (domain::rules): what loads, imports.
                let range = |e: RangeError| err(line, Problem::Range(e));
                let impact = match row.impact.trim() {
                    "" => None,
                    v => Some(Impact::parse(v).map_err(range)?.get()),
                };
                let weight = match row.weight.trim() {
                    "" => None,
                    v => Some(Weight::parse(v).map_err(range)?.get()),
                };
                let rating = match row.rating.trim() {
                    "" => None,
                    v => Some(Rating::parse(v).map_err(range)?.get()),
                };
                let sources = crate::export::csv::split_list(&row.sources)
                    .into_iter()
                    .map(|s| clean_text(&s))
                    .filter(|s| !s.is_empty());
                let sources = sources.collect();
                if !text.is_empty() {
                    out.extra.item(&row);
                    let carried = carried(&row);
                    out.items.push((q, Draft { id, text, votes, impact, weight, rating, sources, carried }));
                }
            }
            crate::export::csv::KIND_SESSION => {
                out.title = Some(text).filter(|t| !t.is_empty());
                (out.place, out.participants) = (optional(&row.place), optional(&row.participants));
                let labels = match row.labels.trim() {
                    "" | "classic" => crate::domain::LabelSet::Classic,
                    crate::export::csv::LABELS_SOCIAL_WORK => crate::domain::LabelSet::SocialWork,
                    v => return Err(err(line, Problem::Labels(v.to_owned()))),
                };
                out.settings = Settings {
                    // The export leaves the column empty for `es`, the default:
                    // a dafo CSV (it has a session row) always says its language.
                    language: Some(
                        optional(&row.language).unwrap_or_else(|| crate::domain::DEFAULT_LANGUAGE.to_owned()),
                    ),
                    labels,
                    group: optional(&row.group),
                    body: optional(&row.body),
                    logo: optional(&row.logo),
                };
                out.plan.session(&row).map_err(|m| err(line, m))?;
            }
            crate::export::csv_review::KIND_YEAR => {
                let record = year_record(&row).map_err(|m| err(line, m))?;
                if out.review_years.iter().any(|r| r.year == record.year) {
                    let what = crate::export::csv_review::KIND_YEAR.to_owned();
                    return Err(err(line, Problem::ReviewTwice { action: what, year: record.year }));
                }
                record_lines.push((record.year, line));
                out.review_years.push(record);
            }
            crate::export::csv_review::KIND_VALUE => {
                let value = indicator_value(&row).map_err(|m| err(line, m))?;
                let id = stored_id(&value.indicator);
                if out.indicator_values.iter().any(|v| v.year == value.year && stored_id(&v.indicator) == id) {
                    return Err(err(line, Problem::ReviewTwice { action: value.indicator, year: value.year }));
                }
                record_lines.push((value.year, line));
                out.indicator_values.push(value);
            }
            crate::export::csv::KIND_ACTION => {
                let c = came_of(label, id.as_deref()).ok_or_else(|| err(line, Problem::Came(label.to_owned())))?;
                let status = match row.status.trim() {
                    "" => Status::Pending,
                    v => labels::status_from(v).ok_or_else(|| err(line, Problem::Status(v.to_owned())))?,
                };
                let due = match row.due.trim() {
                    "" => None,
                    v => Some(
                        crate::i18n::locale::read_iso_date(v).ok_or_else(|| err(line, Problem::Due(v.to_owned())))?,
                    ),
                };
                if !text.is_empty() {
                    out.extra.item(&row);
                    let (owner, indicator) = (optional(&row.owner), optional(&row.indicator));
                    let carried = carried(&row);
                    out.actions
                        .push((c, ActionDraft { id, text, links, votes, owner, due, indicator, status, carried }));
                    out.plan.action(out.actions.len() - 1, &row).map_err(|m| err(line, m))?;
                }
            }
            crate::export::csv::KIND_STRATEGY => {
                let [internal, external] = links.as_slice() else {
                    return Err(err(line, Problem::Links(row.links.trim().to_owned())));
                };
                let kind = crossed_of(label, id.as_deref(), internal, external)
                    .ok_or_else(|| err(line, Problem::StrategyKind(label.to_owned())))?;
                if !text.is_empty() {
                    let factors = [internal.clone(), external.clone()];
                    out.strategies.push(StrategyDraft { id, kind, factors, text, votes });
                    out.plan.strategy(out.strategies.len() - 1, &row);
                }
            }
            crate::export::csv_review::KIND_REVIEW => {
                let review = review(&row).map_err(|m| err(line, m))?;
                // One review per action and year (docs/format.md): a second
                // would be stored beside the first, and reports would mix them.
                let action = stored_id(&review.action);
                if out.reviews.iter().any(|r| r.year == review.year && stored_id(&r.action) == action) {
                    return Err(err(line, Problem::ReviewTwice { action: review.action, year: review.year }));
                }
                review_lines.push(line);
                out.reviews.push(review);
            }
            other => {
                if !out.extra.row(other, &row).map_err(|m| err(line, m))? {
                    out.plan.row(other, &row).map_err(|m| err(line, m))?;
                }
            }
        }
    }
    let years = out.reviews.iter().map(|r| r.year).zip(review_lines.iter().copied());
    for (year, line) in years.chain(record_lines) {
        crate::domain::review_year(out.plan.horizon, year).map_err(|e| err(line, Problem::Review(e)))?;
    }
    Ok(())
}

/// An action's review of one year from a `review` row: its ID, `year`,
/// `degree` 0-100, `status` and `note`.
fn review(row: &Row) -> Result<crate::domain::ActionReview, Problem> {
    let year = row.year.trim();
    let year = year.parse::<i16>().map_err(|_| Problem::Year(year.to_owned()))?;
    let degree = row.degree.trim();
    let degree = degree.parse::<crate::domain::Degree>().map_err(|_| Problem::Degree(degree.to_owned()))?;
    let status = match row.status.trim() {
        "" => Status::Pending,
        v => labels::status_from(v).ok_or_else(|| Problem::Status(v.to_owned()))?,
    };
    let note = Some(clean_text(row.note.trim())).filter(|n| !n.is_empty());
    let committed = crate::export::csv_plan::read_euros(&row.committed, "committed")?;
    let paid = crate::export::csv_plan::read_euros(&row.paid, "paid")?;
    Ok(crate::domain::ActionReview { action: row.id.trim().to_owned(), year, degree, status, note, committed, paid })
}

/// Whether a row's `marks` say it was carried over (`carried`; `overdue` is
/// worked out again from the due date).
fn carried(row: &Row) -> bool {
    crate::export::csv::split_list(&row.marks).iter().any(|m| m.trim() == crate::export::csv::MARK_CARRIED)
}

/// A year's record of the follow-up from a `year_record` row: `year`, `date`
/// (`YYYY-MM-DD`), `body`, `summary` and `problems` (`;`).
fn year_record(row: &Row) -> Result<crate::domain::YearReview, Problem> {
    let year = row.year.trim();
    let year = year.parse::<i16>().map_err(|_| Problem::Year(year.to_owned()))?;
    let date = match row.date.trim() {
        "" => None,
        v => Some(
            crate::i18n::locale::read_iso_date(v)
                .ok_or_else(|| Problem::ColumnDate { column: "date".to_owned(), value: v.to_owned() })?,
        ),
    };
    let optional = |v: &str| Some(clean_text(v.trim())).filter(|t| !t.is_empty());
    let problems = crate::export::csv::split_list(&row.problems);
    let problems = problems.iter().map(|p| clean_text(p.trim())).filter(|p| !p.is_empty()).collect();
    Ok(crate::domain::YearReview { year, body: optional(&row.body), date, summary: optional(&row.summary), problems })
}

/// An indicator's value of a year from a `value` row: its ID, `year` and
/// `actual` (a number with a decimal point, as the export writes it).
fn indicator_value(row: &Row) -> Result<crate::domain::IndicatorValue, Problem> {
    let year = row.year.trim();
    let year = year.parse::<i16>().map_err(|_| Problem::Year(year.to_owned()))?;
    let actual = crate::export::csv_plan::float(&row.actual, "actual")?
        .ok_or_else(|| Problem::ColumnNumber { column: "actual".to_owned(), value: String::new() })?;
    Ok(crate::domain::IndicatorValue { indicator: row.id.trim().to_owned(), year, actual })
}

/// The CAME quadrant of an action row: its label (any language or label set),
/// else the DAFO quadrant it names, else its ID's prefix.
fn came_of(label: &str, id: Option<&str>) -> Option<Came> {
    labels::came_from(label).or_else(|| quadrant_from_label(label).map(Came::of)).or_else(|| {
        let prefix: String = stored_id(id?).chars().take_while(char::is_ascii_uppercase).collect();
        Came::from_action_prefix(&prefix)
    })
}

/// The kind of a strategy row: its label or code, else its ID's prefix, else
/// the quadrants of its two factors.
fn crossed_of(label: &str, id: Option<&str>, internal: &str, external: &str) -> Option<Crossed> {
    let by_prefix = |p: &str| Crossed::ALL.into_iter().find(|k| k.prefix() == p);
    labels::crossed_from(label)
        .or_else(|| {
            let prefix: String = stored_id(id?).chars().take_while(char::is_ascii_uppercase).collect();
            by_prefix(&prefix)
        })
        .or_else(|| {
            let (internal, external) = (stored_id(internal), stored_id(external));
            by_prefix(&format!("{}{}", internal.get(..1)?, external.get(..1)?))
        })
}

/// A new session from imported items. IDs are read in any language's display
/// (`S3` is `F3`) and, in action sections, with their pre-version-4 prefix (`A2`
/// is the Afrontar action `AF2`). They are kept when they fit their quadrant
/// (`F3` among Fortalezas) and are unique; the others get fresh IDs after the
/// highest one.
pub fn build(mut imported: Imported, title: &str, now: Timestamp) -> Session {
    stored_ids(&mut imported);
    let mut session = Session::new(title, now);
    let mut seen = HashSet::new();
    for (q, d) in imported.items {
        let text = clean_text(&d.text);
        if text.is_empty() {
            continue;
        }
        let id =
            d.id.filter(|id| ItemId::number_for(id, q.prefix()).is_some())
                .filter(|id| seen.insert(id.clone()))
                .unwrap_or_default();
        let mut f = Factor::new(id, text);
        f.votes = d.votes;
        f.impact = d.impact.filter(|&i| Impact::try_from(i).is_ok());
        f.weight = d.weight.filter(|&w| Weight::try_from(w).is_ok());
        f.rating = d.rating.filter(|&r| Rating::try_from(r).is_ok());
        f.sources = d.sources;
        f.carried = d.carried;
        session.factors_mut(q).push(f);
    }
    let fits = |id: &str, prefix: &str| ItemId::number_for(id, prefix).is_some();
    let mut plan = imported.plan;
    let mut seen = HashSet::new();
    for (i, (c, d)) in imported.actions.into_iter().enumerate() {
        let text = clean_text(&d.text);
        if text.is_empty() {
            continue;
        }
        let id = d.id.filter(|id| fits(id, c.prefix())).filter(|id| seen.insert(id.clone())).unwrap_or_default();
        let mut a = CameAction::new(id, text, d.links);
        a.votes = d.votes;
        a.owner = d.owner.map(|o| clean_text(&o)).filter(|o| !o.is_empty());
        a.due = d.due;
        a.indicator = d.indicator.map(|i| clean_text(&i)).filter(|i| !i.is_empty());
        a.status = d.status;
        a.carried = d.carried;
        plan.fill_action(i, &mut a);
        session.actions_mut(c).push(a);
    }
    let mut seen = HashSet::new();
    for d in imported.strategies {
        let text = clean_text(&d.text);
        if text.is_empty() {
            continue;
        }
        let id = d.id.filter(|id| fits(id, d.kind.prefix())).filter(|id| seen.insert(id.clone())).unwrap_or_default();
        session.strategies.push(Strategy {
            id,
            kind: d.kind,
            factors: d.factors,
            text,
            votes: d.votes,
            line: None,
            conflict: None,
        });
    }
    plan.apply(&mut session);
    imported.extra.apply(&mut session);
    session.reviews = imported.reviews;
    session.reviews.sort_by_key(|r| r.year);
    session.review_years = imported.review_years;
    session.review_years.sort_by_key(|r| r.year);
    session.indicator_values = imported.indicator_values;
    session.indicator_values.sort_by_key(|v| v.year);
    if imported.place.is_some() || imported.participants.is_some() {
        (session.meta.place, session.meta.participants) = (imported.place, imported.participants);
    }
    let settings = imported.settings;
    if let Some(language) = settings.language {
        session.meta.language = language;
    }
    session.meta.labels = settings.labels;
    session.meta.group = settings.group.or(session.meta.group);
    session.meta.body = settings.body.or(session.meta.body);
    session.meta.logo = settings.logo.or(session.meta.logo);
    session.normalise_ids();
    for q in Quadrant::ALL {
        for i in 0..session.factors(q).len() {
            if session.factors(q)[i].id.is_empty() {
                let id = session.next_id(q.prefix());
                session.factors_mut(q)[i].id = id;
            }
        }
    }
    for c in Came::ALL {
        for i in 0..session.actions(c).len() {
            if session.actions(c)[i].id.is_empty() {
                let n = session.bump(c.counter_key());
                session.actions_mut(c)[i].id = format!("{}{n}", c.prefix());
            }
        }
    }
    for i in 0..session.strategies.len() {
        if session.strategies[i].id.is_empty() {
            let kind = session.strategies[i].kind;
            session.strategies[i].id = session.next_id(kind.prefix());
        }
    }
    session
}

/// Every ID of `imported` in its stored form (see [`crate::i18n::stored_id`]).
fn stored_ids(imported: &mut Imported) {
    let stored = |id: &mut String| *id = stored_id(id);
    for (_, d) in &mut imported.items {
        d.id.iter_mut().for_each(stored);
    }
    for (c, d) in &mut imported.actions {
        d.id = d.id.as_deref().map(|id| stored_action_id(*c, id));
        d.links.iter_mut().for_each(stored);
    }
    for d in &mut imported.strategies {
        d.id.iter_mut().for_each(stored);
        d.factors.iter_mut().for_each(stored);
    }
    for v in &mut imported.indicator_values {
        v.indicator = stored_id(&v.indicator);
    }
    for r in &mut imported.reviews {
        let prefix: String = stored_id(&r.action).chars().take_while(char::is_ascii_uppercase).collect();
        let came = Came::from_action_prefix(&prefix).unwrap_or(Came::Correct);
        r.action = stored_action_id(came, &r.action);
    }
}

#[cfg(test)]
mod tests;
