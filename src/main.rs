//! Entry point: parse the command line, decide the language, run the chosen command.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::ValueEnum;
use dafo::app::{self, App};
use dafo::cli::{self, Cli, Command, Lazy};
use dafo::commands::input::is_stdin;
use dafo::commands::{self, finish};
use dafo::domain::Session;
use dafo::domain::text::display_safe_lines;
use dafo::i18n::{self, Lang};
use dafo::{settings, storage};

fn main() -> ExitCode {
    let env = |name: &str| std::env::var(name).ok();
    // clap's own mistakes are said in the language in force (help and version as clap prints them).
    let args: Vec<std::ffi::OsString> = std::env::args_os().collect();
    let mut cli = match Cli::from_args(&args) {
        Ok(cli) => cli,
        Err(e) => return dafo::cli_errors::refuse(&e, &args, env),
    };
    cli.find_file_in_sessions_dir();
    let config = match settings::read_at_start(cli.lang, env) {
        (_, Ok(settings)) => settings,
        (early, Err(e)) => {
            eprintln!("dafo: {}\n  {}", display_safe_lines(&e), early.text().cli.bad_config);
            settings::Settings::default()
        }
    };
    // The session a command reads is read once, here: it speaks first (after
    // --lang), and the command gets it as read.
    let preloaded = session_file(&cli).map(commands::input::load);
    // A session that does not read still names its language in its `meta`: its
    // errors are said in it, as `recover` says them (they came in Spanish).
    let probed = match &preloaded {
        Some(Err(_)) => session_file(&cli).and_then(language_of_unread),
        _ => None,
    };
    let session_lang = match &preloaded {
        Some(Ok(s)) => Some(s.meta.language.as_str()),
        _ => probed.as_deref(),
    };
    let lang = i18n::resolve(cli.lang, session_lang, config.language(), env);
    let ignored = settings::ignored(&config, env);
    match run(cli, lang, &config, &ignored, preloaded) {
        Ok(code) => code,
        Err(err) => {
            // Error paths name files: never let a name's escape sequences reach the terminal.
            // Written without `eprintln!`: a terminal that has closed must not turn it into a panic.
            use std::io::Write;
            let _ = writeln!(std::io::stderr(), "dafo: {}", display_safe_lines(&err));
            ExitCode::FAILURE
        }
    }
}

/// The session file a command reads and whose language it speaks: the one it
/// checks, shows or carries over; for `diff`, the later one; for `review`, the
/// one it records into; for `merge-driver`, ours; for `report` and `merge`, the first one (a merged file
/// keeps the first group's language too: see README.md, "Language"). `main` reads it
/// once and hands it over; `review` reads its file again under the file's lock. A session the TUI opens is
/// read once, under its lock, and speaks from there (`run`'s `speak`);
/// `recover` reads under its lock, and speaks the session's language: the backup's
/// it restores, else the file's own, read from its `meta` even when it is damaged.
fn session_file(cli: &Cli) -> Option<&Path> {
    match &cli.command {
        Some(
            Command::Check(Lazy(cli::CheckArgs { file }))
            | Command::Show(Lazy(cli::ShowArgs { file, .. }))
            | Command::Export(Lazy(cli::ExportArgs { file, .. }))
            | Command::Copy(Lazy(cli::CopyArgs { file, .. }))
            | Command::Publish(Lazy(cli::PublishArgs { file, .. }))
            | Command::Recover(Lazy(cli::RecoverArgs { file })),
        ) => Some(file),
        Some(Command::New(Lazy(cli::NewArgs { from, .. }))) => from.as_deref(),
        Some(Command::Diff(Lazy(cli::DiffArgs { new, .. }))) => Some(new),
        // These read no stdin: `-` there is a file name, left to the command.
        Some(Command::Review(Lazy(cli::ReviewArgs { file, .. }))) => Some(file.as_path()).filter(|f| !is_stdin(f)),
        // The git merge driver speaks our side's language.
        Some(Command::MergeDriver(Lazy(cli::MergeDriverArgs { ours, .. }))) => Some(ours.as_path()),
        Some(
            Command::Report(Lazy(cli::ReportArgs { files, .. })) | Command::Merge(Lazy(cli::MergeArgs { files, .. })),
        ) => files.first().map(PathBuf::as_path).filter(|f| !is_stdin(f)),
        _ => None,
    }
}

/// The session `main` read for the command (see [`session_file`]).
type Preloaded = Option<Result<Session, storage::LoadError>>;

/// The language a session file that does not read names in its `meta`, if it
/// names one (read as `recover` reads it, a file of a session's size at most).
fn language_of_unread(path: &Path) -> Option<String> {
    if commands::input::is_stdin(path) {
        return storage::language_of(&commands::input::stdin_bytes().ok()?);
    }
    storage::language_in_file(path)
}

/// The language errors about `file`, which does not read, are said in: what
/// `speak` makes of the language its `meta` names, else `lang`.
fn unread_lang(file: &Path, lang: Lang, speak: &dyn Fn(&str) -> Lang) -> Lang {
    language_of_unread(file).map_or(lang, |tag| speak(&tag))
}

/// The preloaded session: every command [`session_file`] names has one.
fn take(preloaded: &mut Preloaded, path: &Path) -> Result<Session, storage::LoadError> {
    preloaded.take().unwrap_or_else(|| commands::input::load(path))
}

fn run(
    cli: Cli,
    lang: Lang,
    config: &settings::Settings,
    ignored: &[settings::Ignored],
    mut preloaded: Preloaded,
) -> Result<ExitCode, String> {
    // keys.ron: a bad file is refused (file:line:column) and the defaults stay.
    let keys = cli.keys.clone().map(|p| (p, true)).or_else(|| app::keys_file::default_path().map(|p| (p, false)));
    if let Some((path, explicit)) = keys
        && let Err(e) = app::keys_file::load_and_install(&path, explicit, lang)
    {
        eprintln!("dafo: {} ({})", display_safe_lines(&e), lang.text().errors.default_keys_used);
    }
    let theme = cli
        .theme
        .or_else(|| settings::theme_var(|n| std::env::var(n).ok()))
        .or_else(|| config.theme().and_then(|t| app::room::ThemeName::from_str(t, true).ok()));
    let look = app::room::Look::from_env(theme);
    // Settings passed over are said: on the status line when the TUI starts
    // (stderr would be drawn over), else on stderr.
    let on_screen =
        matches!(cli.command, None | Some(Command::Open(_) | Command::New(_) | Command::Demo)) && has_terminal();
    if !on_screen && !matches!(cli.command, Some(Command::HoldClipboard)) {
        for i in ignored {
            eprintln!("dafo: {}: {}", lang.text().cli.warning, i.message(lang, look.theme));
        }
    }
    let start = Start { look, ignored, room: (cli.room_bind, cli.room) };
    // The language of a session the TUI opens: `--lang`, else the session's own.
    let (flag, config_lang) = (cli.lang, config.language());
    let speak = move |tag: &str| i18n::resolve(flag, Some(tag), config_lang, |n: &str| std::env::var(n).ok());
    // Before anything is created: without a terminal the TUI could not start.
    if matches!(cli.command, None | Some(Command::Open(_) | Command::New(_))) && !has_terminal() {
        // A file that does not read says so first (file:line:column): the more useful
        // error; one that does speaks its own language.
        let file = match &cli.command {
            Some(Command::Open(Lazy(cli::OpenArgs { file }))) => Some(file),
            // `new --from` names a missing or damaged old session before anything else.
            Some(Command::New(Lazy(cli::NewArgs { from: Some(_), .. }))) => {
                if let Some(Err(e)) = &preloaded {
                    return Err(commands::load_message(e, lang));
                }
                None
            }
            _ => cli.file.as_ref(),
        };
        let lang = match file {
            Some(file) if !file.is_dir() => {
                speak(&storage::load(file).map_err(|e| e.message(unread_lang(file, lang, &speak)))?.meta.language)
            }
            _ => lang,
        };
        return Err(lang.text().cli.no_terminal.to_owned());
    }
    let dir = cli.sessions_dir();
    match cli.command {
        Some(Command::Check(Lazy(cli::CheckArgs { file }))) => Ok(check(&file, take(&mut preloaded, &file), lang)),
        Some(Command::Open(Lazy(cli::OpenArgs { file }))) => open(&file, lang, &start, &speak),
        Some(Command::New(Lazy(cli::NewArgs { title, from, group, horizon }))) => {
            let now = jiff::Timestamp::now();
            let mut session = match from {
                Some(old) => {
                    let read = take(&mut preloaded, &old).map_err(|e| commands::load_message(&e, lang))?;
                    commands::carry_over(&read, &title, now)
                }
                None => Session::new(&title, now),
            };
            // A new session keeps the language it was made in (its HTML says so).
            session.meta.language = lang.tag().to_owned();
            session.meta.horizon = horizon.or(session.meta.horizon);
            session.meta.group = group.as_deref().and_then(dafo::domain::sources::source_name);
            let editor = app::create_session(&dir, session, lang)?;
            let path = editor.path().to_owned();
            tui(App::editor(editor), &start, lang)?;
            commands::print(&format!("{}\n", display_safe_lines(&path.display().to_string())))
                .map_err(|e| e.message(lang))?;
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Show(Lazy(cli::ShowArgs { file, format }))) => {
            Ok(finish(commands::show::show(&file, take(&mut preloaded, &file), format, lang), lang))
        }
        Some(Command::Export(Lazy(cli::ExportArgs { file, format, output, force, by_theme }))) => {
            let read = take(&mut preloaded, &file);
            let to = commands::show::Out { output: &output, force, by_theme };
            Ok(finish(commands::show::export(&file, read, format, to, lang), lang))
        }
        Some(Command::List(Lazy(cli::ListArgs { dir: list_dir, json }))) => {
            Ok(finish(commands::list::run(list_dir.as_ref().unwrap_or(&dir), json, lang), lang))
        }
        Some(Command::Diff(Lazy(cli::DiffArgs { old, new, format }))) => {
            Ok(finish(commands::diff::run(&old, take(&mut preloaded, &new), format, lang), lang))
        }
        Some(Command::Import(Lazy(cli::ImportArgs {
            file,
            output,
            title,
            force,
            source,
            format,
            survey,
            quadrant_column,
            text_column,
            map,
        }))) => {
            let to = commands::import::To { output: output.as_deref(), dir: &dir, force };
            if survey {
                use dafo::export::survey::Mapping;
                let mapping = match quadrant_column {
                    Some(quadrant) => Mapping::QuadrantColumn { quadrant, text: text_column },
                    None => Mapping::Columns(map),
                };
                return Ok(finish(commands::import::survey(&file, &mapping, to, title.as_deref(), lang), lang));
            }
            // Once the file says the language of its content, the import speaks it (after `--lang`).
            let speak = |tag: &str| i18n::resolve(flag, Some(tag), config_lang, |n: &str| std::env::var(n).ok());
            let imported = commands::import::run(&file, format, to, title.as_deref(), source.as_deref(), lang, &speak);
            Ok(finish(imported, lang))
        }
        Some(Command::Merge(Lazy(cli::MergeArgs {
            files,
            output,
            title,
            accept_similar,
            review,
            force,
            format,
            prefer,
        }))) => {
            let args =
                commands::merge::MergeArgs { files, output, title, accept_similar, review, force, format, prefer };
            Ok(finish(commands::merge::run(&args, preloaded.take(), lang), lang))
        }
        Some(Command::MergeDriver(Lazy(cli::MergeDriverArgs { base, ours, theirs, name }))) => {
            Ok(commands::merge::driver(&base, &ours, &theirs, name.as_deref(), lang))
        }
        Some(Command::GitSetup) => Ok(finish(commands::git_setup::run(Path::new("."), lang), lang)),
        Some(Command::Copy(Lazy(cli::CopyArgs { file, format }))) => {
            Ok(finish(commands::copy::run(take(&mut preloaded, &file), format, lang), lang))
        }
        Some(Command::Completions(Lazy(cli::CompletionsArgs { shell }))) => {
            Ok(finish(commands::meta::completions(shell), lang))
        }
        Some(Command::Man) => Ok(finish(commands::meta::man(&app::keys_file::print_table(lang)), lang)),
        Some(Command::Keys) => {
            Ok(finish(commands::print(&app::keys_file::print_table(lang)).map(|()| ExitCode::SUCCESS), lang))
        }
        Some(Command::Review(Lazy(cli::ReviewArgs {
            file,
            year,
            assignments,
            note,
            value,
            committed,
            paid,
            body,
            date,
            summary,
            problem,
            sheets,
            sheets_format,
            force,
            from_sheets,
            yes,
            partial,
            force_stale,
        }))) => {
            if let Some(dir) = sheets {
                let session = match take(&mut preloaded, &file) {
                    Ok(s) => s,
                    Err(e) => return Ok(finish(Err(e.into()), lang)),
                };
                let written = commands::sheets::write_sheets(&file, &session, year, &dir, sheets_format, force, lang);
                return Ok(finish(written, lang));
            }
            if !from_sheets.is_empty() {
                let options = commands::sheets::ImportOptions { yes, partial, force_stale };
                return Ok(finish(commands::sheets::import(&file, year, &from_sheets, options, lang), lang));
            }
            let args = commands::review::ReviewArgs {
                year,
                assignments,
                notes: note,
                values: value,
                committed,
                paid,
                body,
                date,
                summary,
                problems: problem,
            };
            Ok(finish(commands::review::run(&file, &args, lang), lang))
        }
        Some(Command::Report(Lazy(cli::ReportArgs { files, year, all, format, output, force }))) => {
            let years = commands::report::Years::pick(year, all);
            let first = preloaded.take();
            Ok(finish(commands::report::run(&files, first, years, format, output.as_deref(), force, lang), lang))
        }
        Some(Command::Publish(Lazy(cli::PublishArgs { file, output, include_internal }))) => {
            let read = take(&mut preloaded, &file);
            Ok(finish(commands::publish::run(&file, read, &output, include_internal, lang), lang))
        }
        Some(Command::Demo) => demo(&dir, lang, &start),
        Some(Command::HoldClipboard) => Ok(commands::copy::hold()),
        Some(Command::Recover(Lazy(cli::RecoverArgs { file }))) => {
            // The session's language, read from the backup it recovers or the damaged file itself.
            let speak = |tag: Option<&str>| i18n::resolve(flag, tag, config_lang, |n: &str| std::env::var(n).ok());
            storage::commands::recover(&file, speak).map_err(|e| e.message(lang))
        }
        Some(Command::Soak(Lazy(cli::SoakArgs { file, count }))) => {
            storage::commands::soak(&file, count).map_err(|e| e.message(lang))
        }
        None => match cli.file {
            // `dafo sessions/`: a directory opens the browser on it.
            Some(dir) if dir.is_dir() => {
                tui(App::browser(&dir, lang), &start, lang)?;
                Ok(ExitCode::SUCCESS)
            }
            Some(file) => open(&file, lang, &start, &speak),
            None => {
                tui(App::browser(&dir, lang), &start, lang)?;
                Ok(ExitCode::SUCCESS)
            }
        },
    }
}

/// `dafo demo`: the samples into `dir` (each replacement asked on stdin), then the
/// browser on them; without a terminal, the folder is printed instead.
fn demo(dir: &Path, lang: Lang, start: &Start) -> Result<ExitCode, String> {
    let mut ask = |path: &Path| {
        eprint!("{}", (lang.text().cli.demo_ask)(&display_safe_lines(&path.display().to_string())));
        let mut answer = String::new();
        std::io::stdin().read_line(&mut answer).is_ok_and(|_| commands::demo::is_yes(&answer, lang))
    };
    let copied = match commands::demo::copy_samples(dir, lang, &mut ask) {
        Ok(copied) => copied,
        Err(e) => return Err(e.message(lang)),
    };
    let shown = display_safe_lines(&dir.display().to_string());
    eprintln!("dafo: {}", (lang.text().cli.demo_done)(&shown, copied.written, copied.same, copied.kept));
    if has_terminal() {
        tui(App::browser(dir, lang), start, lang)?;
    } else {
        commands::print(&format!("{shown}\n")).map_err(|e| e.message(lang))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// Opens a session file; one that does not parse opens nothing and is not touched.
fn open(file: &Path, lang: Lang, start: &Start, speak: &dyn Fn(&str) -> Lang) -> Result<ExitCode, String> {
    // The session's own language speaks once it is read; a file that does not
    // read still names its language in its `meta` (else `lang`).
    let app = App::open_in(file, |s: &Session| speak(&s.meta.language))
        .map_err(|e| commands::open_message(&e, file, unread_lang(file, lang, speak)))?;
    let lang = app.lang();
    let app = app.with_sala(start.room.0, start.room.1);
    tui(app, start, lang)?;
    Ok(ExitCode::SUCCESS)
}

/// Whether stdin and stdout are both a terminal, as the TUI needs (it reads keys
/// from one and draws on the other); in a pipe or a script `run` stops before it writes.
fn has_terminal() -> bool {
    use std::io::IsTerminal;
    std::io::stdin().is_terminal() && std::io::stdout().is_terminal()
}

/// What every screen the TUI opens starts with: the theme, and the settings
/// passed over (said on the first status line, in the screen's language).
struct Start<'a> {
    look: app::room::Look,
    ignored: &'a [settings::Ignored],
    /// `--room-bind` and `--room`: where the room listens, and whether it opens at once.
    room: (Option<std::net::IpAddr>, bool),
}

fn tui(mut app: App, start: &Start, lang: Lang) -> Result<(), String> {
    app.look = start.look;
    let said: Vec<String> = start.ignored.iter().map(|i| i.message(app.lang(), start.look.theme)).collect();
    if !said.is_empty() {
        app.warn(&said.join(" · "));
    }
    let saved =
        dafo::tui::run(app).map_err(|e| format!("{}: {}", lang.text().cli.terminal, i18n::os_error(&e, lang)))?;
    // Left without the last changes (`q q` after a save that failed): said, and
    // not a success (it ended with status 0, nothing said after the screen went).
    if saved { Ok(()) } else { Err(lang.text().cli.left_unsaved.to_owned()) }
}

/// `dafo check`: what the file holds, or what is wrong with it, on stdout (a
/// closed pipe ends it quietly, as for every command); success only if all is well.
fn check(file: &Path, loaded: Result<Session, storage::LoadError>, lang: Lang) -> ExitCode {
    match loaded {
        Ok(s) => {
            let mut said = String::new();
            let verdict = check_report(file, &s, lang, &mut said);
            finish(commands::print(&said).map(|()| verdict), lang)
        }
        Err(e) => {
            eprintln!("dafo: {}", display_safe_lines(&commands::load_message(&e, lang)));
            ExitCode::FAILURE
        }
    }
}

/// What `check` says of the session `s` read from `file`, a line each into `said`.
fn check_report(file: &Path, s: &Session, lang: Lang, said: &mut String) -> ExitCode {
    // Standard input is `<stdin>` here as in its errors.
    let shown =
        if commands::input::is_stdin(file) { commands::input::STDIN.into() } else { file.display().to_string() };
    let name = display_safe_lines(&shown);
    let mut say = |line: String| {
        said.push_str(&line);
        said.push('\n');
    };
    let conflicts = s.conflicts();
    if !conflicts.is_empty() {
        let verdict = dafo::merge::check_line(lang, conflicts.len());
        say(format!("{name}: {verdict} ({})", lang.counts(s.counts(), ", ")));
        for c in &conflicts {
            say(format!("  {}", display_safe_lines(&dafo::merge::conflict_line(lang, s, c))));
        }
        return ExitCode::FAILURE;
    }
    // Money for a year outside the horizon, a funding source not in the list;
    // a theme or impact outside the session's lists (a typo, a merge): not "ok".
    // A reference to an item the session does not hold is named as a warning:
    // the editor keeps them on purpose (a deleted factor's links show as `D9?`,
    // undo brings it back; a deleted action's reviews stay), and a merge that
    // would leave one marks a conflict, which fails above.
    let sources = s.funding_sources(lang.money().default_funding);
    let money = s.money_problems(lang.money().default_funding);
    let unknown = dafo::i18n::theme_words::unknown_lines(s, lang);
    let dangling = s.dangling();
    for p in &money {
        say(format!("{name}: {}", display_safe_lines(&lang.money_problem(p, &sources))));
    }
    for line in &unknown {
        say(format!("{name}: {}", display_safe_lines(line)));
    }
    for d in &dangling {
        say(format!("{name}: {}: {}", lang.text().cli.warning, display_safe_lines(&lang.dangling_line(d))));
    }
    if !money.is_empty() || !unknown.is_empty() {
        return ExitCode::FAILURE;
    }
    // Changes a dafo made that the file does not have yet: not "ok".
    if let Some(note) = commands::pending::journal_note(file, s, lang) {
        say(format!("{name}: {}: {}", lang.text().cli.warning, display_safe_lines(&note)));
        return ExitCode::FAILURE;
    }
    say(format!("{name}: {} ({})", lang.text().cli.ok, lang.counts(s.counts(), ", ")));
    // Saving works without backups, but the user must know there are none.
    if let Some(problem) = storage::backup::backup_problem(file, lang).filter(|_| !commands::input::is_stdin(file)) {
        let warning = lang.text().cli.warning;
        say(format!("{name}: {warning}: {}", display_safe_lines(&problem)));
    }
    ExitCode::SUCCESS
}
