//! `dafo review FILE --year Y --sheets DIR` writes one sheet per action owner
//! (`.xlsx` or CSV); `dafo review FILE --year Y --from-sheets DIR|FILES…` reads
//! the answers back, shows what would change per action (old → new) and, asked
//! or with `--yes`, records them through `dafo review`'s own path, under the
//! file's lock, saved atomically. Refused rows change nothing unless `--partial`;
//! answers for something changed since the sheet was written are conflicts, left
//! out unless `--force-stale`.

use std::io::{BufRead, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::CommandError;
use super::review;
use crate::domain::{Edit, Session};
use crate::i18n::Lang;
use crate::i18n::plan_words::PlanWords;
use crate::sheets::answers::{self, Answer, What};
use crate::sheets::{self as model, read, write};

/// The sheets' file format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum SheetFormat {
    #[default]
    Xlsx,
    Csv,
}

/// How `--from-sheets` goes about it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ImportOptions {
    /// Apply without asking.
    pub yes: bool,
    /// Apply the rows that read, listing the ones skipped.
    pub partial: bool,
    /// Apply answers for actions changed since their sheet was written.
    pub force_stale: bool,
}

/// The files one run writes: names in `dir` and their bytes.
pub fn files(s: &Session, year: i16, format: SheetFormat, lang: Lang) -> Result<Vec<(String, Vec<u8>)>, String> {
    let w = lang.text().sheets;
    let mut taken: Vec<String> = Vec::new();
    let mut out = Vec::new();
    for (i, sheets) in model::build(s, year, lang).iter().enumerate() {
        let base = match &sheets.owner {
            Some(o) => slug::slugify(o),
            None => w.no_owner.to_owned(),
        };
        let base = if base.is_empty() { format!("{}-{}", slug::slugify(w.owner), i + 1) } else { base };
        let mut stem = format!("{base}-{year}");
        let mut n = 2;
        while taken.contains(&stem) {
            stem = format!("{base}-{n}-{year}");
            n += 1;
        }
        taken.push(stem.clone());
        match format {
            SheetFormat::Xlsx => {
                let bytes = write::xlsx(sheets, &s.meta.title, year, lang).map_err(|e| e.to_string())?;
                out.push((format!("{stem}.xlsx"), bytes));
            }
            SheetFormat::Csv => {
                out.push((format!("{stem}.csv"), write::csv(&sheets.actions, year, lang).map_err(|e| e.to_string())?));
                if !sheets.indicators.rows.is_empty() {
                    let bytes = write::csv(&sheets.indicators, year, lang).map_err(|e| e.to_string())?;
                    out.push((format!("{stem}-{}.csv", slug::slugify(w.indicators)), bytes));
                }
            }
        }
    }
    Ok(out)
}

/// `--sheets DIR`: writes every owner's sheet into `dir` (made when missing).
/// Nothing is written when any file is already there, unless `force`.
pub fn write_sheets(
    path: &Path,
    session: &Session,
    year: i16,
    dir: &Path,
    format: SheetFormat,
    force: bool,
    lang: Lang,
) -> Result<ExitCode, CommandError> {
    session.check_review_year(year).map_err(|e| {
        let nothing = lang.text().review_errors.nothing_changed;
        CommandError::Review(format!("{}: {}; {nothing}", path.display(), lang.text().review_errors.of(&e)))
    })?;
    let out = files(session, year, format, lang).map_err(CommandError::Review)?;
    std::fs::create_dir_all(dir).map_err(|source| CommandError::Write { path: dir.to_owned(), source })?;
    if !force && let Some((name, _)) = out.iter().find(|(name, _)| dir.join(name).exists()) {
        return Err(CommandError::Exists { path: dir.join(name) });
    }
    for (name, bytes) in &out {
        let target = dir.join(name);
        let written = if force {
            crate::storage::write_atomic(&target, bytes)
        } else {
            crate::storage::write_atomic_new(&target, bytes)
        };
        written.map_err(|source| CommandError::Write { path: target.clone(), source })?;
    }
    let said = (lang.text().sheets.written)(out.len(), &dir.display().to_string());
    super::print_text(&format!("{}: {year}: {said}\n", path.display()))?;
    Ok(ExitCode::SUCCESS)
}

/// `--from-sheets`: reads the answers in `inputs` and records them in `path`.
pub fn import(
    path: &Path,
    year: i16,
    inputs: &[PathBuf],
    options: ImportOptions,
    lang: Lang,
) -> Result<ExitCode, CommandError> {
    let w = lang.text().sheets;
    let nothing = lang.text().review_errors.nothing_changed;
    let (mut file, mut session) = review::open_locked(path, lang)?;
    session.check_review_year(year).map_err(|e| {
        CommandError::Review(format!("{}: {}; {nothing}", path.display(), lang.text().review_errors.of(&e)))
    })?;
    let found = read::inputs(inputs)
        .map_err(|source| CommandError::ReadDir { path: inputs.first().cloned().unwrap_or_default(), source })?;
    if found.is_empty() {
        let named = inputs.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ");
        return Err(CommandError::Review(format!("{named}: {}; {nothing}", w.no_sheets)));
    }
    let mut grids = Vec::new();
    let mut unread = Vec::new();
    for f in &found {
        match read::read(f, lang) {
            Ok(g) => grids.extend(g),
            Err(e) => unread.push(crate::domain::text::display_safe_lines(&format!("{}: {e}", f.display()))),
        }
    }
    let mut parsed = answers::parse(&grids, &session, year, lang);
    // A file that could not be read, or whose sheet is refused whole, is no row: counted apart.
    let (files, rows) = (unread.len() + parsed.files, parsed.rows);
    unread.append(&mut parsed.refused);
    let refused = unread;
    if !refused.is_empty() && !options.partial {
        let mut text = refused.join("\n");
        text.push('\n');
        text.push_str(&(w.refused)(rows, files));
        return Err(CommandError::Review(text));
    }
    let sorted = answers::sort(&session, year, parsed.answers, options.force_stale);
    let mut report = String::new();
    if !sorted.conflicts.is_empty() {
        report.push_str(&format!("{}:\n", (w.conflicts)(sorted.conflicts.len())));
        for a in &sorted.conflicts {
            report.push_str(&format!("  {}: {}: {}\n", a.at, lang.show_id(&a.id), w.stale));
        }
    }
    if !refused.is_empty() {
        report.push_str(&format!("{}:\n", (w.skipped)(rows + files)));
        for r in &refused {
            report.push_str(&format!("  {r}\n"));
        }
    }
    // Answers left in conflict are work not done: the rest is recorded, and the
    // exit status tells a script (`&& dafo publish …`) that something waits.
    let status = if sorted.conflicts.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) };
    let args = answers::review_args(year, &sorted.changes, lang);
    let edit = if sorted.changes.is_empty() { None } else { review::edits(&session, path, &args, lang)? };
    let Some(edit) = edit else {
        let said = if sorted.already > 0 && sorted.conflicts.is_empty() && refused.is_empty() {
            w.already
        } else {
            lang.text().report.nothing_to_change
        };
        report.push_str(&format!("{}: {year}: {said}\n", path.display()));
        super::print_text(&report)?;
        return Ok(status);
    };
    let shown = diff(&session, year, &sorted.changes, &edit, lang);
    super::print_text(&format!("{}:\n{shown}{report}", w.changes))?;
    if !options.yes && !ask(w.ask, w.yes) {
        super::print_text(&format!("{}: {year}: {}\n", path.display(), w.not_applied))?;
        return Ok(ExitCode::SUCCESS);
    }
    review::save(path, year, &mut file, &mut session, edit, lang)?;
    Ok(status)
}

/// Asks on the terminal; no terminal, no yes.
fn ask(question: &str, yes: &str) -> bool {
    if !std::io::stdin().is_terminal() {
        return false;
    }
    let mut out = std::io::stdout();
    let _ = write!(out, "{question}");
    let _ = out.flush();
    let mut line = String::new();
    if std::io::stdin().lock().read_line(&mut line).is_err() {
        return false;
    }
    let said = crate::i18n::plan_words::fold(&line);
    said == yes || matches!(said.as_str(), "s" | "si" | "y" | "yes")
}

/// Per action and indicator, what changes: `AF1: Grado 2024 50 → 75; Estado 2024 en curso → hecha`.
pub fn diff(s: &Session, year: i16, changes: &[Answer], edit: &Edit, lang: Lang) -> String {
    let w = lang.text().sheets;
    let words = PlanWords::for_lang(lang);
    let mut after = s.clone();
    if after.apply(edit.clone()).is_err() {
        return String::new();
    }
    let mut out = String::new();
    let none = "—".to_owned();
    for a in changes {
        let mut parts = Vec::new();
        match a.what {
            What::Action { .. } => {
                let (old, new) = (s.action_review(&a.id, year), after.action_review(&a.id, year));
                let degree = |r: Option<&crate::domain::ActionReview>| r.map_or(none.clone(), |r| r.degree.to_string());
                let status = |r: Option<&crate::domain::ActionReview>| {
                    r.map_or(none.clone(), |r| words.status(r.status).to_owned())
                };
                let note = |r: Option<&crate::domain::ActionReview>| {
                    r.and_then(|r| r.note.clone()).map_or(none.clone(), |n| format!("«{n}»"))
                };
                let euros = |e: Option<crate::domain::Euros>| e.map_or(none.clone(), |e| lang.locale().money(e.cents));
                let committed = |r: Option<&crate::domain::ActionReview>| euros(r.and_then(|r| r.committed));
                let paid = |r: Option<&crate::domain::ActionReview>| euros(r.and_then(|r| r.paid));
                for (header, old, new) in [
                    ((w.degree)(year), degree(old), degree(new)),
                    ((w.status)(year), status(old), status(new)),
                    ((w.note)(year), note(old), note(new)),
                    ((w.committed)(year), committed(old), committed(new)),
                    ((w.paid)(year), paid(old), paid(new)),
                ] {
                    if old != new {
                        parts.push(format!("{header} {old} → {new}"));
                    }
                }
            }
            What::Value(_) => {
                let show = |v: Option<f64>| v.map_or(none.clone(), |x| lang.locale().exact(x));
                let (old, new) = (s.indicator_value(&a.id, year), after.indicator_value(&a.id, year));
                parts.push(format!("{} {} → {}", (w.value)(year), show(old), show(new)));
            }
        }
        out.push_str(&format!("  {}: {}\n", lang.show_id(&a.id), parts.join("; ")));
    }
    out
}
