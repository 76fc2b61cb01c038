//! A copy of the part of the export document model (branch `doc`,
//! `src/export/doc.rs`) that the plan's sections use, with the same names and
//! fields, so that `plan_report` builds blocks of that model. When the branches
//! are merged this file goes and `plan_report` imports `super::doc` instead.
//!
//! Text in the model is raw user text: every backend escapes it its own way.
#![allow(dead_code)]

/// One piece of a document.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// `Label: value` pairs under the title.
    Fields(Vec<(String, String)>),
    Heading(Heading),
    /// One paragraph; its lines are kept apart (line breaks or paragraphs).
    Para(Vec<String>),
    /// A short italic line that leads a section (the text backend puts it on the heading's line).
    Lead(String),
    Items(Items),
    Table(Table),
}

/// A section heading; level 2 or 3 (the title is level 1).
#[derive(Debug, Clone, PartialEq)]
pub struct Heading {
    pub level: u8,
    pub text: String,
    /// A qualifier the plain-text backend adds in brackets: "FORTALEZAS (internos)".
    pub aside: Option<String>,
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
    /// One value per column of the block.
    pub cells: Vec<String>,
}

/// A detail of an item; backends that show `column` as a column leave it out.
#[derive(Debug, Clone, PartialEq)]
pub struct Detail {
    pub text: String,
    pub column: Option<usize>,
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
    pub rows: Vec<Vec<String>>,
    pub total_label: String,
    /// One per number column; empty where there is no total.
    pub totals: Vec<String>,
}
