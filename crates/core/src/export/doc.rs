//! The document model every export backend renders: a title, metadata fields,
//! then blocks (headings, paragraphs, the DAFO grid, lists of items and number
//! tables). [`super::build`] makes one from a session once; `markdown`, `html`,
//! `text` and `docx` only decide how each kind of block looks, so a new section
//! is one builder function and nothing per backend.
//!
//! Text in the model is raw user text: every backend escapes it its own way.

use crate::domain::Quadrant;
use crate::i18n::Lang;

pub use super::cell::Cell;

/// A whole export.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub title: String,
    /// Language of the words around the user's text.
    pub lang: Lang,
    /// Language tag of the content (`es`, `en`), for HTML's `lang`.
    pub language: String,
    /// Last line of a page: "Generado con dafo · 2026-11-10".
    pub footer: String,
    pub blocks: Vec<Block>,
    /// Cover, properties and contents around the blocks (issue 27).
    pub apparatus: Apparatus,
}

/// What surrounds the blocks in a document a council reads: a cover (title,
/// subtitle, the body or place, date, horizon, logo), the properties Word and
/// LibreOffice show (author, dates), a contents page and a running footer.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Apparatus {
    /// The cover's title when it is not the document's: the plan's own title
    /// on the follow-up report's cover (its subtitle says the years).
    pub cover_title: Option<String>,
    /// The kind of document: "Diagnóstico DAFO", "Plan estratégico", "Informe de seguimiento 2024".
    pub subtitle: String,
    /// The cover's lines under the subtitle: the body, the place, the horizon, the date.
    pub cover: Vec<String>,
    /// The author in the document's properties: the body, else the place; may be empty.
    pub author: String,
    /// The export's day: the cover's date and the properties' created and modified.
    pub date: Option<jiff::civil::Date>,
    pub logo: Option<super::logo::Logo>,
    /// Anchors ([`Document::contents`]) of the headings that open a main part:
    /// print starts them on a new page.
    pub parts: Vec<String>,
}

impl Document {
    /// The headings of the contents page: (level, text, anchor), the anchor
    /// `sN` for the N-th heading (the grid's title counts as one).
    pub fn contents(&self) -> Vec<(u8, &str, String)> {
        let mut n = 0;
        let mut anchor = || {
            n += 1;
            format!("s{n}")
        };
        self.blocks
            .iter()
            .filter_map(|b| match b {
                Block::Heading(h) => Some((h.level, h.text.as_str(), anchor())),
                Block::Grid(g) => Some((2, g.title.as_str(), anchor())),
                _ => None,
            })
            .collect()
    }
}

/// The value of a header field: words, or a list of names (the funding
/// sources) that every backend joins with `; `, and Markdown with each name's
/// own `;` escaped, so that its importer splits the list where it splits.
#[derive(Debug, Clone, PartialEq)]
pub enum FieldValue {
    Text(String),
    List(Vec<String>),
}

impl FieldValue {
    /// The value as one line of words: a list joined with `; `.
    pub fn joined(&self) -> std::borrow::Cow<'_, str> {
        match self {
            FieldValue::Text(t) => t.into(),
            FieldValue::List(items) => items.join("; ").into(),
        }
    }

    fn map(&self, f: impl Fn(&String) -> String) -> FieldValue {
        match self {
            FieldValue::Text(t) => FieldValue::Text(f(t)),
            FieldValue::List(items) => FieldValue::List(items.iter().map(f).collect()),
        }
    }
}

impl From<String> for FieldValue {
    fn from(text: String) -> FieldValue {
        FieldValue::Text(text)
    }
}

/// One piece of a document.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// `Label: value` pairs under the title.
    Fields(Vec<(String, FieldValue)>),
    Heading(Heading),
    /// One paragraph; its lines are kept apart (line breaks or paragraphs).
    Para(Vec<String>),
    /// A short italic line that leads a section (the text backend puts it on the heading's line).
    Lead(String),
    Grid(Grid),
    Items(Items),
    Table(Table),
    /// A chart and its figures: a drawing where the format has one (SVG in
    /// HTML, a PNG in docx), always its table.
    Chart(Box<super::chart::Chart>),
}

/// A section heading; level 2 or 3 (the title is level 1).
#[derive(Debug, Clone, PartialEq)]
pub struct Heading {
    pub level: u8,
    pub text: String,
    /// A qualifier the plain-text backend adds in brackets: "FORTALEZAS (internos)".
    pub aside: Option<String>,
}

/// The 2x2 DAFO grid, with its heading. The plain-text backend leaves it out
/// (the lists that follow say the same at 80 columns).
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    pub title: String,
    /// Headers of the two columns (positive, negative).
    pub columns: [String; 2],
    pub rows: Vec<GridRow>,
}

/// A row of the grid: its header (internal, external) and two quadrants.
#[derive(Debug, Clone, PartialEq)]
pub struct GridRow {
    pub label: String,
    pub cells: [GridCell; 2],
}

/// A quadrant in the grid: its name and its factors.
#[derive(Debug, Clone, PartialEq)]
pub struct GridCell {
    pub quadrant: Quadrant,
    pub title: String,
    pub items: Vec<Entry>,
}

/// ID, text and the priority note of one factor in the grid.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub id: String,
    pub text: String,
    pub note: String,
}

/// How Markdown shows a list of items: a bulleted list or a table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    List,
    Table,
}

/// Items with an ID and a text: factors, actions, strategies. Word processors
/// get a table with every column; Markdown a list or a narrow table; plain text
/// an ID column with the text hanging beside it.
#[derive(Debug, Clone, PartialEq)]
pub struct Items {
    /// Width of the ID column in word processors, in percent.
    pub id_width: u8,
    /// Header of the text column ("Factor", "Acción").
    pub text_label: String,
    /// Columns after ID and text.
    pub columns: Vec<Column>,
    pub rows: Vec<Item>,
    pub shape: Shape,
    /// Lists of the same group line their IDs up in plain text.
    pub group: &'static str,
}

/// One item of an [`Items`] block.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub id: String,
    pub text: String,
    /// Shown in brackets after the text in lists: the linked factors of a strategy.
    pub pair: Option<String>,
    /// Shown in italic brackets after the text in lists: votes, impact.
    pub note: Option<String>,
    /// Labelled details shown under the text: "Responsable: X".
    pub details: Vec<Detail>,
    /// One value per column of the block, typed where it is a number, an
    /// amount, a percentage or a date: each backend writes it the document's way.
    pub cells: Vec<Cell>,
    /// How many bytes at the end of `text` are the export's marks (` ↻`,
    /// ` [T·P]`), not the user's words: Markdown keeps the two apart so that
    /// a text that really ends in `↻` keeps it on import.
    pub marks: usize,
}

/// A detail of an item; backends that show `column` as a column leave it out.
#[derive(Debug, Clone, PartialEq)]
pub struct Detail {
    pub text: String,
    pub column: Option<usize>,
    /// Byte ranges of `text` that are the user's words (an owner, a partner,
    /// resources); the rest is the export's own (label, separators, dates,
    /// amounts). A backend that is read back (Markdown) escapes the user's
    /// separators there, so `Socios: A, B` is never taken for two partners.
    pub user: Vec<(usize, usize)>,
}

impl Detail {
    /// A detail whose text is all the export's own words.
    pub fn plain(text: String, column: Option<usize>) -> Detail {
        Detail { text, column, user: Vec::new() }
    }

    /// `label: ` then `pieces`, each the user's (`true`) or the export's.
    pub fn labelled(label: &str, pieces: &[(&str, bool)], column: Option<usize>) -> Detail {
        let mut text = format!("{label}: ");
        let mut user = Vec::new();
        for (piece, theirs) in pieces {
            let start = text.len();
            text.push_str(piece);
            if *theirs && !piece.is_empty() {
                user.push((start, text.len()));
            }
        }
        Detail { text, column, user }
    }
}

/// A column of an [`Items`] or [`Table`] block.
#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub label: String,
    /// Share of the page width, in percent, or `None` for the rest.
    pub width: Option<u8>,
    /// Right-aligned numbers.
    pub numeric: bool,
    /// The only columns where columns are few (Markdown tables, the second
    /// line of plain text); word processors show every column.
    pub compact: bool,
    /// Narrowest width in plain text, in characters.
    pub min_chars: usize,
}

impl Column {
    pub fn new(label: impl Into<String>, width: Option<u8>) -> Column {
        Column { label: label.into(), width, numeric: false, compact: false, min_chars: 0 }
    }

    pub fn numeric(mut self, min_chars: usize) -> Column {
        self.numeric = true;
        self.min_chars = min_chars;
        self
    }

    pub fn compact(mut self) -> Column {
        self.compact = true;
        self
    }
}

/// A table of numbers: an ID column, a text column, number columns and a total row.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// ID, text, then the number columns.
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
    pub total_label: String,
    /// One per number column; empty where there is no total.
    pub totals: Vec<Cell>,
}

/// Whether XML 1.0 allows `c` in a document (`Char` of the spec): not the C0
/// controls other than tab and line ends, not the noncharacters U+FFFE and U+FFFF.
pub fn xml_allows(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{d7ff}' | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
}

/// `text` as a document shows it ([`super::safe`]: no escape sequences, no
/// controls), then with every character XML 1.0 still forbids (the
/// noncharacters U+FFFE and U+FFFF) replaced by U+FFFD, so a reader sees that
/// something was there. The controls go first: turned into U+FFFD, an ESC
/// hid its sequence from the stripper, and Word showed `�[31m` on every page.
pub fn xml_text(text: &str) -> String {
    super::safe(text).chars().map(|c| if xml_allows(c) { c } else { '\u{fffd}' }).collect()
}

impl Document {
    /// The same document with every text (title, fields, headings, items,
    /// details, cells, tables, footer) holding only characters XML 1.0 allows:
    /// what the docx backend writes is then always well-formed.
    pub fn xml_safe(&self) -> Document {
        let t = |s: &String| xml_text(s);
        let blocks = self
            .blocks
            .iter()
            .map(|b| match b {
                Block::Fields(f) => Block::Fields(f.iter().map(|(l, v)| (t(l), v.map(t))).collect()),
                Block::Heading(h) => {
                    Block::Heading(Heading { level: h.level, text: t(&h.text), aside: h.aside.as_ref().map(t) })
                }
                Block::Para(lines) => Block::Para(lines.iter().map(t).collect()),
                Block::Lead(l) => Block::Lead(t(l)),
                Block::Grid(g) => Block::Grid(Grid {
                    title: t(&g.title),
                    columns: [t(&g.columns[0]), t(&g.columns[1])],
                    rows: g
                        .rows
                        .iter()
                        .map(|r| GridRow {
                            label: t(&r.label),
                            cells: r.cells.clone().map(|c| GridCell {
                                quadrant: c.quadrant,
                                title: t(&c.title),
                                items: c
                                    .items
                                    .iter()
                                    .map(|e| Entry { id: t(&e.id), text: t(&e.text), note: t(&e.note) })
                                    .collect(),
                            }),
                        })
                        .collect(),
                }),
                Block::Items(i) => Block::Items(Items {
                    text_label: t(&i.text_label),
                    columns: i.columns.iter().map(|c| Column { label: t(&c.label), ..c.clone() }).collect(),
                    rows: i
                        .rows
                        .iter()
                        .map(|r| Item {
                            id: t(&r.id),
                            text: t(&r.text),
                            pair: r.pair.as_ref().map(t),
                            note: r.note.as_ref().map(t),
                            details: r.details.iter().map(|d| Detail::plain(t(&d.text), d.column)).collect(),
                            cells: r.cells.iter().map(Cell::xml_safe).collect(),
                            marks: 0,
                        })
                        .collect(),
                    ..i.clone()
                }),
                Block::Table(tb) => Block::Table(tb.xml_safe()),
                Block::Chart(c) => Block::Chart(Box::new(super::chart::Chart {
                    title: t(&c.title),
                    table: c.table.xml_safe(),
                    ..(**c).clone()
                })),
            })
            .collect();
        Document {
            title: t(&self.title),
            lang: self.lang,
            language: t(&self.language),
            footer: t(&self.footer),
            blocks,
            apparatus: Apparatus {
                cover_title: self.apparatus.cover_title.as_ref().map(t),
                subtitle: t(&self.apparatus.subtitle),
                cover: self.apparatus.cover.iter().map(t).collect(),
                author: t(&self.apparatus.author),
                ..self.apparatus.clone()
            },
        }
    }
}

/// Share of the page, in percent, that a column needs so that none of its
/// words (header in bold, cells) is ever broken inside, on a page `page_mm`
/// wide: about 2.3 mm a character at 11 pt, 2.6 mm in bold, 6 mm of padding.
pub fn fit_width<'a>(header: &str, cells: impl IntoIterator<Item = &'a str>, page_mm: f64) -> u8 {
    let longest = |t: &str| t.split_whitespace().map(|w| w.chars().count()).max().unwrap_or(0);
    let head_mm = longest(header) as f64 * 2.6;
    let cells_mm = cells.into_iter().map(longest).max().unwrap_or(0) as f64 * 2.3;
    let mm = head_mm.max(cells_mm) + 6.0;
    (mm / page_mm * 100.0).ceil().clamp(1.0, 60.0) as u8
}

impl Items {
    /// Percent widths of ID, text and each column on a page `page_mm` wide:
    /// every column as wide as its longest word needs (at least its own
    /// width) as `lang` writes its cells, the text column the rest.
    pub fn widths(&self, page_mm: f64, lang: Lang) -> Vec<u8> {
        let id = fit_width("ID", self.rows.iter().map(|r| r.id.as_str()), page_mm).max(self.id_width);
        let mut out = vec![id, 0];
        for (i, c) in self.columns.iter().enumerate() {
            let cells: Vec<String> = self.rows.iter().filter_map(|r| r.cells.get(i)).map(|c| c.show(lang)).collect();
            out.push(fit_width(&c.label, cells.iter().map(String::as_str), page_mm).max(c.width.unwrap_or(0)));
        }
        out[1] = share_the_rest(&mut out);
        out
    }
}

/// The width left for the text column(s), whose entries in `widths` are 0:
/// what the others leave, at least 20 %. When the others need more than 80 %
/// between them (a plan of 30 years has a column per year), each is narrowed
/// in proportion (to 1 % at least), so that the whole stays within the page.
fn share_the_rest(widths: &mut [u8]) -> u8 {
    let used = |w: &[u8]| w.iter().map(|&w| u32::from(w)).sum::<u32>();
    let total = used(widths);
    if total > 80 {
        for w in widths.iter_mut().filter(|w| **w > 0) {
            *w = (u32::from(*w) * 80 / total).max(1) as u8;
        }
    }
    100u32.saturating_sub(used(widths)).max(20) as u8
}

impl Table {
    /// The same table with only characters XML 1.0 allows ([`Document::xml_safe`]).
    pub fn xml_safe(&self) -> Table {
        let t = |s: &String| xml_text(s);
        Table {
            columns: self.columns.iter().map(|c| Column { label: t(&c.label), ..c.clone() }).collect(),
            rows: self.rows.iter().map(|r| r.iter().map(Cell::xml_safe).collect()).collect(),
            total_label: t(&self.total_label),
            totals: self.totals.iter().map(Cell::xml_safe).collect(),
        }
    }

    /// Whether the table ends with a total row (a label or any total).
    pub fn has_total(&self) -> bool {
        !self.total_label.is_empty() || !self.totals.is_empty()
    }

    /// Percent widths of the columns, as [`Items::widths`]; the text column
    /// (the one without a width) gets the rest.
    pub fn widths(&self, page_mm: f64, lang: Lang) -> Vec<u8> {
        let mut out: Vec<u8> = self
            .columns
            .iter()
            .enumerate()
            .map(|(i, c)| match c.width {
                None => 0,
                Some(w) => {
                    let mut cells: Vec<String> =
                        self.rows.iter().filter_map(|r| r.get(i)).map(|c| c.show(lang)).collect();
                    cells.push(if i == 0 { self.total_label.clone() } else { String::new() });
                    cells.extend(self.totals.get(i.wrapping_sub(2)).map(|c| c.show(lang)));
                    fit_width(&c.label, cells.iter().map(String::as_str), page_mm).max(w)
                }
            })
            .collect();
        let rest = share_the_rest(&mut out);
        for (w, c) in out.iter_mut().zip(&self.columns) {
            if c.width.is_none() {
                *w = rest;
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_fit_their_longest_word_and_the_text_gets_the_rest() {
        // "pendiente" (9 characters) needs 9 × 2.3 + 6 = 26.7 mm: 15 % of 180 mm.
        assert_eq!(fit_width("Estado", ["pendiente", "en curso"], 180.0), 15);
        // A bold header wider than the cells decides: "Responsable" 11 × 2.6 + 6 mm.
        assert_eq!(fit_width("Responsable", ["X"], 180.0), 20);
        let item = |cells: [Cell; 2]| Item {
            id: "FO12".into(),
            text: "texto".into(),
            pair: None,
            note: None,
            details: Vec::new(),
            cells: cells.to_vec(),
            marks: 0,
        };
        let items = Items {
            id_width: 7,
            text_label: "Acción".into(),
            columns: vec![Column::new("Plazo", Some(5)), Column::new("Votos", Some(20)).numeric(0)],
            rows: vec![item([Cell::date(jiff::civil::date(2027, 6, 30)), Cell::Count(3)])],
            shape: Shape::Table,
            group: "x",
        };
        let widths = items.widths(180.0, Lang::Es);
        assert_eq!(widths, [9, 54, 17, 20], "ID fits FO12, Plazo its date, Votos keeps its own width");
        assert_eq!(widths.iter().map(|&w| u32::from(w)).sum::<u32>(), 100);
    }

    /// A plan may span 30 years (`Horizon::MAX_SPAN`): a table with a column
    /// per year once summed its `u8` widths past 255 (a panic in a debug build,
    /// widths summing far past 100 % in a release one).
    #[test]
    fn thirty_year_columns_share_the_page_without_overflowing() {
        let mut columns = vec![Column::new("ID", Some(7)), Column::new("Acción", None)];
        columns.extend((2001..=2030).map(|y| Column::new(y.to_string(), Some(10)).numeric(3)));
        let table = Table {
            rows: vec![
                [Cell::Text("M1".into()), Cell::Text("texto".into())]
                    .into_iter()
                    .chain((0..30).map(|_| Cell::Count(100)))
                    .collect(),
            ],
            columns,
            total_label: String::new(),
            totals: Vec::new(),
        };
        let widths = table.widths(180.0, Lang::Es);
        let sum: u32 = widths.iter().map(|&w| u32::from(w)).sum();
        assert_eq!(sum, 100, "{widths:?}");
        assert!(widths[1] >= 20, "the text keeps a fifth at least: {widths:?}");
        assert!(widths.iter().all(|&w| w >= 1), "{widths:?}");
        let mut items = Items {
            id_width: 7,
            text_label: "Acción".into(),
            columns: (2001..=2030).map(|y| Column::new(y.to_string(), Some(10))).collect(),
            rows: Vec::new(),
            shape: Shape::Table,
            group: "x",
        };
        let widths = items.widths(180.0, Lang::Es);
        assert!(widths.iter().map(|&w| u32::from(w)).sum::<u32>() <= 100, "{widths:?}");
        items.columns.truncate(2);
        assert_eq!(items.widths(180.0, Lang::Es).iter().map(|&w| u32::from(w)).sum::<u32>(), 100);
    }

    /// A document with U+FFFE, U+FFFF and two C0 controls in every text.
    fn hostile_doc() -> Document {
        let bad = BAD;
        let row = Item {
            id: bad.into(),
            text: bad.into(),
            pair: Some(bad.into()),
            note: Some(bad.into()),
            details: vec![Detail::plain(bad.into(), None)],
            cells: vec![bad.into()],
            marks: 0,
        };
        let items = Items {
            id_width: 7,
            text_label: bad.into(),
            columns: vec![Column::new(bad, None)],
            rows: vec![row],
            shape: Shape::Table,
            group: "x",
        };
        let entry = Entry { id: bad.into(), text: bad.into(), note: bad.into() };
        let cell = GridCell { quadrant: Quadrant::Strengths, title: bad.into(), items: vec![entry] };
        Document {
            title: bad.into(),
            lang: Lang::Es,
            language: "es".into(),
            footer: bad.into(),
            blocks: vec![
                Block::Fields(vec![
                    (bad.into(), FieldValue::Text(bad.into())),
                    (bad.into(), FieldValue::List(vec![bad.into()])),
                ]),
                Block::Heading(Heading { level: 2, text: bad.into(), aside: Some(bad.into()) }),
                Block::Para(vec![bad.into()]),
                Block::Lead(bad.into()),
                Block::Grid(Grid {
                    title: bad.into(),
                    columns: [bad.into(), bad.into()],
                    rows: vec![GridRow { label: bad.into(), cells: [cell.clone(), cell] }],
                }),
                Block::Items(items),
                Block::Table(Table {
                    columns: vec![Column::new(bad, None)],
                    rows: vec![vec![bad.into()]],
                    total_label: bad.into(),
                    totals: vec![bad.into()],
                }),
            ],
            apparatus: Apparatus {
                cover_title: Some(bad.into()),
                subtitle: bad.into(),
                cover: vec![bad.into()],
                author: bad.into(),
                date: None,
                logo: None,
                parts: Vec::new(),
            },
        }
    }

    const BAD: &str = "a\u{fffe}b\u{ffff}c\u{1}d\u{b}e\u{1b}[31mf\u{1b}[0m";

    #[test]
    fn xml_safe_replaces_what_xml_forbids_in_every_text() {
        let doc = hostile_doc();
        let safe = format!("{:?}", doc.xml_safe());
        let before = format!("{doc:?}");
        assert!(before.contains("\\u{fffe}"), "the fixture holds U+FFFE");
        for forbidden in ["\\u{fffe}", "\\u{ffff}", "\\u{1}", "\\u{b}"] {
            assert!(!safe.contains(forbidden), "{forbidden} left in {safe}");
        }
        // The two noncharacters in every text replaced by U+FFFD; the controls
        // and the escape sequences gone whole (an ESC turned into U+FFFD left
        // `�[31m` in Word); the rest kept.
        assert_eq!(safe.matches('\u{fffd}').count(), before.matches("\\u{fffe}").count() * 2);
        assert!(safe.contains("a\u{fffd}b\u{fffd}cdef"), "{safe}");
        assert!(!safe.contains("[31m") && !safe.contains("[0m"), "{safe}");
    }

    /// The docx writer, which streams its body, replaces them in every text too:
    /// `word/document.xml` is well-formed XML 1.0.
    #[test]
    fn the_docx_body_holds_no_character_xml_forbids() {
        use std::io::Read as _;
        let package = super::super::docx::document(&hostile_doc());
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(package)).unwrap();
        let mut xml = String::new();
        zip.by_name("word/document.xml").unwrap().read_to_string(&mut xml).unwrap();
        for forbidden in ['\u{fffe}', '\u{ffff}', '\u{1}', '\u{b}'] {
            assert!(!xml.contains(forbidden), "{forbidden:?} in the docx body");
        }
        assert!(xml.contains("a\u{fffd}b\u{fffd}cdef"), "the rest of the text is kept");
        assert!(!xml.contains("[31m"), "no escape sequence's leftovers");
        assert!(xml.ends_with("</w:body></w:document>"), "the body is closed");
    }
}
