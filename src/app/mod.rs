//! Application state and its single `update` function (Elm style).

pub mod action;
pub mod autosave;
pub mod browser;
mod copy;
pub mod editor;
pub mod form;
mod grid_ops;
pub mod keymap;
mod persist;
pub mod picker;
pub mod room;
mod saver;
mod sources;
pub mod timer;
mod views;

use std::path::{Path, PathBuf};
use std::time::Instant;

use ratatui::crossterm::event::{Event, KeyEventKind};
use ratatui_textarea::TextArea;

pub use action::Action;
pub use browser::Browser;
pub use editor::{Editor, Mode, Notice, Outcome};
use keymap::Context;

use crate::domain::Session;
use crate::i18n::Lang;
use crate::storage;

/// Which screen is showing.
pub enum Screen {
    Browser(Box<Browser>),
    Editor(Box<Editor>),
}

/// The whole application state.
pub struct App {
    pub lang: Lang,
    pub screen: Screen,
    pub help: bool,
    /// Lines the help overlay is scrolled down (when it does not fit).
    pub help_scroll: u16,
    pub quit: bool,
    /// Sessions directory, for the browser.
    pub dir: PathBuf,
    /// Whether the editor was opened from the browser (then `q` goes back to it).
    from_browser: bool,
    /// A message for the browser's status line.
    pub notice: Option<Notice>,
    /// The theme showing (`--theme`, `t`).
    pub look: room::Look,
}

impl App {
    /// The browser of `dir`.
    pub fn browser(dir: &Path, lang: Lang) -> App {
        App {
            lang,
            screen: Screen::Browser(Box::new(Browser::scan(dir))),
            help: false,
            help_scroll: 0,
            quit: false,
            dir: dir.to_owned(),
            from_browser: true,
            notice: None,
            look: room::Look::default(),
        }
    }

    /// A session file opened straight from the command line. One that does not
    /// read opens nothing (and is not touched).
    pub fn open(path: &Path, lang: Lang) -> Result<App, storage::LoadError> {
        let (file, session) = storage::SessionFile::open(path)?;
        Ok(App::editor(Editor::new(session, file, lang), lang))
    }

    /// An editor shown on its own (quitting it quits the app).
    pub fn editor(editor: Editor, lang: Lang) -> App {
        let dir = editor.path.parent().map(Path::to_owned).unwrap_or_default();
        App {
            lang,
            screen: Screen::Editor(Box::new(editor)),
            help: false,
            help_scroll: 0,
            quit: false,
            dir,
            from_browser: false,
            notice: None,
            look: room::Look::default(),
        }
    }

    /// The keymap context the next key is read in.
    pub fn context(&self) -> Context {
        if self.help {
            return Context::Help;
        }
        match &self.screen {
            Screen::Browser(b) if b.naming.is_some() => Context::Input,
            Screen::Browser(_) => Context::Browser,
            Screen::Editor(e) if e.room.presenting() && e.mode == Mode::Grid => Context::Present,
            Screen::Editor(e) => e.context(),
        }
    }

    /// Turns a terminal event into an action, through the keymap.
    pub fn action_for(&self, event: &Event) -> Option<Action> {
        match event {
            Event::Key(key) if key.kind == KeyEventKind::Press => {
                let ctx = self.context();
                // Keys the table does not bind are typed, where there is text to type.
                let takes_text = matches!(ctx, Context::Input | Context::Picker | Context::Form);
                keymap::lookup(ctx, key).or_else(|| takes_text.then_some(Action::TextKey(*key)))
            }
            Event::Paste(text) => Some(Action::Paste(text.clone())),
            Event::Resize(..) => Some(Action::Resize),
            _ => None,
        }
    }

    /// Applies an action: the only place where application state changes.
    pub fn update(&mut self, action: Action) {
        if action == Action::ToggleHelp {
            self.help = !self.help;
            self.help_scroll = 0;
            return;
        }
        if self.help {
            match action {
                Action::Up => self.help_scroll = self.help_scroll.saturating_sub(1),
                Action::Down => self.help_scroll = (self.help_scroll + 1).min(200),
                _ => {}
            }
            return;
        }
        if self.room_update(&action) {
            return;
        }
        let lang = self.lang;
        match &mut self.screen {
            Screen::Editor(editor) => {
                if editor.update(action) == Outcome::Close {
                    if self.from_browser {
                        self.screen = Screen::Browser(Box::new(Browser::scan(&self.dir)));
                    } else {
                        self.quit = true;
                    }
                }
            }
            Screen::Browser(browser) => {
                self.notice = None;
                match browser_update(browser, action, lang) {
                    BrowserOutcome::Stay => {}
                    BrowserOutcome::Quit => self.quit = true,
                    BrowserOutcome::Open(editor) => self.screen = Screen::Editor(editor),
                    BrowserOutcome::Error(text) => self.notice = Some(Notice { text, error: true }),
                }
            }
        }
    }

    /// Time passes: autosave when due.
    pub fn tick(&mut self, now: Instant) {
        if let Screen::Editor(e) = &mut self.screen {
            e.tick(now);
            e.room.tick(now);
        }
    }

    /// When the event loop should wake up even without input.
    pub fn deadline(&self) -> Option<Instant> {
        match &self.screen {
            Screen::Editor(e) => [e.autosave.deadline(), e.room.deadline()].into_iter().flatten().min(),
            Screen::Browser(_) => None,
        }
    }

    /// Saves whatever is pending; used when the terminal goes away.
    pub fn flush(&mut self) {
        if let Screen::Editor(e) = &mut self.screen {
            e.flush();
        }
    }
}

enum BrowserOutcome {
    Stay,
    Quit,
    Open(Box<Editor>),
    Error(String),
}

fn browser_update(browser: &mut Browser, action: Action, lang: Lang) -> BrowserOutcome {
    if let Some(input) = &mut browser.naming {
        match action {
            Action::TextKey(key) => {
                input.input(key);
            }
            Action::Paste(text) => {
                input.insert_str(crate::domain::text::clean_text(&text));
            }
            Action::Cancel => browser.naming = None,
            Action::Submit => {
                let title = input.lines().join(" ");
                if crate::domain::text::clean_text(&title).is_empty() {
                    return BrowserOutcome::Stay;
                }
                browser.naming = None;
                let session = Session::new(&title, jiff::Timestamp::now());
                return match create_session(&browser.dir, session, lang) {
                    Ok(editor) => BrowserOutcome::Open(Box::new(editor)),
                    Err(e) => BrowserOutcome::Error(e),
                };
            }
            _ => {}
        }
        return BrowserOutcome::Stay;
    }
    match action {
        Action::Up => browser.step(-1),
        Action::Down => browser.step(1),
        Action::NewSession => browser.naming = Some(TextArea::default()),
        Action::Quit => return BrowserOutcome::Quit,
        Action::Open => {
            let Some(entry) = browser.selected_entry() else { return BrowserOutcome::Stay };
            return match storage::SessionFile::open(&entry.path) {
                Ok((file, session)) => BrowserOutcome::Open(Box::new(Editor::new(session, file, lang))),
                Err(e) => BrowserOutcome::Error(e.to_string()),
            };
        }
        _ => {}
    }
    BrowserOutcome::Stay
}

/// Writes a new session file in `dir`, named after its title (never
/// overwriting one), and opens it.
pub fn create_session(dir: &Path, session: Session, lang: Lang) -> Result<Editor, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let path = storage::new_session_path(dir, &session.meta.title);
    let (file, _) = storage::SessionFile::create(&path, &session).map_err(|e| e.to_string())?;
    Ok(Editor::new(session, file, lang))
}
