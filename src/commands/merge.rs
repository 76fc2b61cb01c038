//! `dafo merge` (group sessions into one diagnosis, with its report) and
//! `dafo merge-driver` (the git merge driver: three-way merge by stable IDs).

use std::io::IsTerminal as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use jiff::Timestamp;

use crate::domain::Session;
use crate::i18n::Lang;
use crate::merge::report::{ReportFormat, render};
use crate::merge::review::{ReviewState, review};
use crate::merge::three_way::merge3;
use crate::merge::{Input, Options, merge};
use crate::storage::{to_ron, write_atomic};

use super::{CommandError, write_new};

/// What `dafo merge` was asked.
#[derive(Debug, Clone)]
pub struct MergeArgs {
    pub files: Vec<PathBuf>,
    pub output: PathBuf,
    pub title: Option<String>,
    pub accept_similar: bool,
    pub review: bool,
    pub force: bool,
    pub format: ReportFormat,
    /// Which wording a factor several groups said takes.
    pub prefer: crate::merge::Prefer,
}

/// Merges the group sessions into `output` and prints the report. The inputs
/// are only read; `output` may not be one of them.
/// `first` is the first file as `main` read it (for its language), if it did.
pub fn run(
    args: &MergeArgs,
    first: Option<Result<Session, crate::storage::LoadError>>,
    lang: Lang,
) -> Result<ExitCode, CommandError> {
    // By path, link or inode: `--force` never replaces an input.
    if args.files.iter().any(|f| super::same_file(f, &args.output)) {
        let why = lang.text().merge.output_is_input;
        return Err(CommandError::Copy(format!("{}: {why}", args.output.display())));
    }
    same_inputs(&args.files, lang)?;
    let mut inputs = Vec::new();
    let names = fallback_names(&args.files);
    for ((_, session), name) in super::load_all(&args.files, first).zip(names) {
        inputs.push(Input::new(session?, &name));
    }
    let w = lang.text().merge;
    if let crate::merge::Prefer::Group(g) = &args.prefer
        && !inputs.iter().any(|i| crate::i18n::fold(&i.source) == crate::i18n::fold(g))
    {
        let known: Vec<String> = inputs.iter().map(|i| i.source.clone()).collect();
        let said = (w.prefer_unknown)(g, &known.join(", "));
        eprintln!("{}", crate::domain::text::display_safe_lines(&said));
    }
    let title = args.title.clone().unwrap_or_else(|| w.default_title.to_owned());
    let mut opts = Options {
        title,
        now: Timestamp::now(),
        accept_similar: args.accept_similar,
        joined: Vec::new(),
        prefer: args.prefer.clone(),
        wordings: Vec::new(),
    };
    let mut merged = merge(&inputs, &opts);
    if args.review && !merged.grey.is_empty() {
        opts.joined = if std::io::stdin().is_terminal() && std::io::stdout().is_terminal() {
            // A facilitator at a terminal: the review list, pair by pair.
            let mut state = ReviewState::preferring(merged.grey.clone(), opts.prefer.clone());
            crate::tui::review::run(&mut state, lang).map_err(CommandError::Stdout)?;
            opts.wordings = state.wordings();
            state.joined()
        } else {
            // A script or a pipe: answers line by line on stdin.
            review(&merged.grey, lang, &mut std::io::stdin().lock(), &mut std::io::stderr())
        };
        merged = merge(&inputs, &opts);
        merged.reviewed = true;
    }
    write_new(&args.output, to_ron(&merged.session).as_bytes(), args.force)?;
    // Group names and texts come from the files: cleaned on their way to the terminal.
    super::print_text(&render(&merged, lang, args.format))?;
    let letters = lang.text().domain.letters;
    let counts: Vec<String> =
        merged.session.counts().iter().zip(letters).map(|(n, letter)| format!("{n} {letter}")).collect();
    super::say(&format!("{}: {} ({})", args.output.display(), w.written, counts.join(", ")));
    Ok(ExitCode::SUCCESS)
}

/// The name each file's group goes by when the session does not say it: its
/// file name without `.ron`; two files of one name (`a/grupo.ron`,
/// `b/grupo.ron`) were one group, their factors counted as said by one, so
/// each gets its folder after it (`grupo (a)`), or its place in the list.
fn fallback_names(files: &[PathBuf]) -> Vec<String> {
    let stem = |f: &PathBuf| f.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let folder = |f: &PathBuf| {
        f.canonicalize().ok().and_then(|p| p.parent()?.file_name().map(|n| n.to_string_lossy().into_owned()))
    };
    let stems: Vec<String> = files.iter().map(stem).collect();
    let named: Vec<String> = files
        .iter()
        .zip(&stems)
        // The folder is looked up only for a name that repeats.
        .map(|(f, s)| {
            let repeated = stems.iter().filter(|t| *t == s).count() > 1;
            let dir = if repeated { folder(f) } else { None };
            dir.map_or_else(|| s.clone(), |dir| format!("{s} ({dir})"))
        })
        .collect();
    named
        .iter()
        .enumerate()
        .map(|(i, n)| if named.iter().filter(|m| *m == n).count() > 1 { format!("{n} {}", i + 1) } else { n.clone() })
        .collect()
}

/// Refuses a file given twice (the same path, a link to it or a hard link: the
/// same file on disk), and warns of two files with the same bytes (a copy): a
/// group merged twice would count its votes twice and repeat its actions.
fn same_inputs(files: &[PathBuf], lang: Lang) -> Result<(), CommandError> {
    let shown = |p: &Path| crate::domain::text::display_safe(&p.display().to_string()).into_owned();
    let w = lang.text().merge;
    // By path, link or inode (the same rule as an output onto an input).
    for (i, a) in files.iter().enumerate() {
        if let Some(b) = files[i + 1..].iter().find(|b| super::same_file(a, b)) {
            return Err(CommandError::Copy((w.same_file)(&shown(a), &shown(b))));
        }
    }
    // A file that cannot be read is left to the load, which says why; so is a
    // FIFO or a device (size 0, like an empty file): never read here, where
    // it would hang or fill the memory.
    let sizes: Vec<Option<u64>> =
        files.iter().map(|f| std::fs::metadata(f).ok().filter(|m| m.is_file()).map(|m| m.len())).collect();
    let read = |p: &Path| crate::storage::bounded::read_regular(p, crate::storage::SESSION_FILE_LIMIT);
    for (i, a) in files.iter().enumerate() {
        for (j, b) in files.iter().enumerate().skip(i + 1) {
            // Only files of one size can hold the same bytes: most pairs are never read.
            if sizes[i].is_some()
                && sizes[i] == sizes[j]
                && let (Ok(x), Ok(y)) = (read(a), read(b))
                && x == y
            {
                eprintln!("{}", (w.same_content)(&shown(a), &shown(b)));
            }
        }
    }
    Ok(())
}

/// `dafo merge-driver %O %A %B %P`: merges `theirs` and `ours` (edited from
/// `base`) into `ours`. Exit 0 when clean, 1 when conflicts were marked (or a
/// clash kept our side). A file that does not read as a session is merged as
/// text (see [`merge_as_text`]): exit 1; 2 when that fails too (nothing written).
pub fn driver(base: &Path, ours: &Path, theirs: &Path, name: Option<&str>, lang: Lang) -> ExitCode {
    let shown = name.map(PathBuf::from).unwrap_or_else(|| ours.to_owned());
    let read = |p: &Path, empty_ok: bool| -> Result<Option<Session>, String> {
        // Bounded, and the bytes as they are: a byte that is not UTF-8 is refused
        // at its line and column (as `dafo check` does), never replaced by U+FFFD
        // and written back into our version.
        let bytes = crate::storage::bounded::read_regular(p, crate::storage::SESSION_FILE_LIMIT)
            .map_err(|e| e.message(lang))?;
        if empty_ok && bytes.iter().all(u8::is_ascii_whitespace) {
            return Ok(None);
        }
        crate::storage::parse_bytes(&bytes, &shown).map(Some).map_err(|e| e.message(lang))
    };
    let empty = |p: &Path| format!("{}: {}", p.display(), lang.text().errors.not_a_session);
    let sides = (|| -> Result<(Session, Session, Session), String> {
        let a = read(ours, false)?.ok_or_else(|| empty(ours))?;
        let b = read(theirs, false)?.ok_or_else(|| empty(theirs))?;
        // No common ancestor: git passes an empty base.
        let o = read(base, true)?.unwrap_or_else(|| empty_like(&a));
        Ok((o, a, b))
    })();
    let (o, a, b) = match sides {
        Ok(s) => s,
        Err(e) => {
            super::say(&format!("dafo merge-driver: {e}"));
            return merge_as_text(base, ours, theirs, &shown, lang);
        }
    };
    let out = match merge3(&o, &a, &b) {
        Ok(out) => out,
        Err(e) => {
            super::say(&format!("dafo merge-driver: {}: {e}", shown.display()));
            return merge_as_text(base, ours, theirs, &shown, lang);
        }
    };
    if let Err(e) = write_atomic(ours, to_ron(&out.session).as_bytes()) {
        super::say(&format!("dafo merge-driver: {}: {}", ours.display(), crate::i18n::os_error(&e, lang)));
        return ExitCode::from(2);
    }
    for c in &out.conflicts {
        super::say(&format!("dafo: {}: {} ⚠ {c}", shown.display(), lang.text().merge.conflict));
    }
    let new: Vec<_> = out.clashes.iter().map(|c| c.key()).collect();
    for m in out.session.conflicts().iter().filter(|m| m.clash.as_ref().is_some_and(|k| new.contains(k))) {
        let line = crate::merge::conflict_line(lang, &out.session, m);
        super::say(&format!("dafo: {}: {} {line}", shown.display(), lang.text().merge.conflict));
    }
    for c in &out.unmarked {
        let kept = lang.text().merge.conflict_kept;
        super::say(&format!("dafo: {}: {kept}: {c}", shown.display()));
    }
    if out.is_clean() { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}

/// What git itself does without the driver, for versions that cannot be merged by
/// ID (one does not read as a session, or is not a session at all): a line-by-line
/// merge by `git merge-file`, written into `ours`. Every block the two sides
/// changed differently holds both versions between `<<<<<<<` and `>>>>>>>`, so
/// nothing is lost, and while a marker is left the file does not read: `dafo
/// check` refuses it at the marker's line. Exit 1 (git reports a conflict) even
/// when no block clashed, for the result has not been read as a session; 2 when
/// git cannot merge them either (a binary file, no git): ours is then left as it was.
fn merge_as_text(base: &Path, ours: &Path, theirs: &Path, shown: &Path, lang: Lang) -> ExitCode {
    let w = lang.text().merge;
    let [label_ours, label_base, label_theirs] = w.text_labels;
    // Only regular files (what git hands a driver): git would wait on a FIFO forever.
    let regular = [base, ours, theirs].iter().all(|p| std::fs::metadata(p).is_ok_and(|m| m.is_file()));
    let merged = regular
        .then(|| {
            std::process::Command::new("git")
                .args(["merge-file", "-p", "-L", label_ours, "-L", label_base, "-L", label_theirs, "--"])
                .args([ours, base, theirs])
                .stdin(std::process::Stdio::null())
                .stderr(std::process::Stdio::null())
                .output()
        })
        .and_then(Result::ok)
        // The number of conflicting blocks (at most 127); an error is negative (255).
        .and_then(|o| o.status.code().filter(|n| (0..=127).contains(n)).map(|n| (n as usize, o.stdout)));
    let Some((blocks, text)) = merged else {
        super::say(&format!("dafo merge-driver: {}: {}", shown.display(), w.text_merge_failed));
        return ExitCode::from(2);
    };
    if let Err(e) = write_atomic(ours, &text) {
        super::say(&format!("dafo merge-driver: {}: {}", ours.display(), crate::i18n::os_error(&e, lang)));
        return ExitCode::from(2);
    }
    super::say(&format!("dafo: {}: {}", shown.display(), (w.merged_as_text)(blocks)));
    ExitCode::FAILURE
}

/// A session with `s`'s metadata and no items: the base when there is none.
fn empty_like(s: &Session) -> Session {
    let mut e = Session::new(&s.meta.title, s.meta.created);
    e.meta = s.meta.clone();
    e
}
