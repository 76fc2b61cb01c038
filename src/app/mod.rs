//! Application state and its single `update` function (Elm style).

pub mod action;
pub mod autosave;
pub mod browser;
mod came;
pub mod clashes;
mod copy;
mod draft;
pub mod editor;
pub mod effect;
pub mod event;
pub mod follow;
pub mod follow_form;
pub mod form;
mod grid_ops;
mod join;
pub mod keymap;
pub mod keys_file;
mod line_pick;
mod meta_form;
pub mod mode;
pub mod overlay;
mod persist;
pub mod picker;
pub mod plan;
mod plan_edit;
mod readline;
mod review;
pub mod room;
pub mod sala;
mod saver;
pub mod selection;
mod sources;
mod tags;
pub mod timer;
mod views;
mod watch;

use std::path::{Path, PathBuf};

use crate::domain::limits::ITEM_TEXT_MAX;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{Event, KeyEventKind};
use ratatui_textarea::TextArea;

pub use action::Action;
pub use browser::Browser;
pub use editor::{Editor, Join, Mode, Notice, Outcome};
pub use effect::{Clipboard, Effect};
use keymap::Context;
use overlay::{Handled, Overlay, Overlays};

use crate::clipboard::CopyOutcome;
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
    pub screen: Screen,
    pub quit: bool,
    /// Sessions directory, for the browser.
    pub dir: PathBuf,
    /// Whether the editor was opened from the browser (then `q` goes back to it).
    from_browser: bool,
    /// The theme showing (`--theme`, `t`).
    pub look: room::Look,
    /// Work running off the input thread and how its results come back.
    background: Background,
    /// `--room`: the room opens when the event loop connects.
    sala_at_start: bool,
}

/// Copies run on their own threads; their outcomes come back on a channel.
struct Background {
    clipboard: Arc<dyn Clipboard>,
    done_tx: Sender<CopyOutcome>,
    done: Receiver<CopyOutcome>,
    copies: usize,
    /// Rung by a copy's thread when its outcome is waiting.
    bell: event::Bell,
}

impl Background {
    fn new() -> Background {
        let (done_tx, done) = channel();
        Background { clipboard: effect::system(), done_tx, done, copies: 0, bell: event::Bell::default() }
    }
}

impl App {
    /// The browser of `dir`.
    pub fn browser(dir: &Path, lang: Lang) -> App {
        App {
            screen: Screen::Browser(Box::new(Browser::scan(dir, lang))),
            quit: false,
            dir: dir.to_owned(),
            from_browser: true,
            look: room::Look::default(),
            background: Background::new(),
            sala_at_start: false,
        }
    }

    /// A session file opened straight from the command line. One that does not
    /// read opens nothing (and is not touched).
    pub fn open(path: &Path, lang: Lang) -> Result<App, storage::LoadError> {
        App::open_in(path, |_| lang)
    }

    /// Opens `path` in the language `lang_of` picks from the session just read
    /// (its own `language` unless `--lang` says otherwise): the file is read once.
    pub fn open_in(path: &Path, lang_of: impl FnOnce(&Session) -> Lang) -> Result<App, storage::LoadError> {
        let (file, session) = storage::SessionFile::open(path)?;
        let lang = lang_of(&session);
        Ok(App::editor(Editor::new(session, file, lang)))
    }

    /// An editor shown on its own (quitting it quits the app).
    pub fn editor(editor: Editor) -> App {
        let dir = editor.path().parent().map(Path::to_owned).unwrap_or_default();
        App {
            screen: Screen::Editor(Box::new(editor)),
            quit: false,
            dir,
            from_browser: false,
            look: room::Look::default(),
            background: Background::new(),
            sala_at_start: false,
        }
    }

    /// The language the screen showing speaks (each screen keeps its own, and
    /// hands it on to the next).
    pub fn lang(&self) -> Lang {
        match &self.screen {
            Screen::Editor(e) => e.lang(),
            Screen::Browser(b) => b.lang,
        }
    }

    /// The keymap context the next key is read in: the top overlay's, else the screen's.
    pub fn context(&self) -> Context {
        if let Some(ctx) = self.overlays().context() {
            return ctx;
        }
        match &self.screen {
            Screen::Browser(b) if b.naming.is_some() => Context::Input,
            Screen::Browser(_) => Context::Browser,
            Screen::Editor(e) => e.context(),
        }
    }

    /// What sits on top of the screen showing, bottom first.
    pub fn overlays(&self) -> &Overlays {
        match &self.screen {
            Screen::Editor(e) => e.overlays(),
            Screen::Browser(b) => &b.overlays,
        }
    }

    fn overlays_mut(&mut self) -> &mut Overlays {
        match &mut self.screen {
            Screen::Editor(e) => &mut e.overlays,
            Screen::Browser(b) => &mut b.overlays,
        }
    }

    /// Whether the `?` help is open.
    pub fn help_open(&self) -> bool {
        self.overlays().help().is_some()
    }

    /// Turns a terminal event into an action, through the keymap.
    pub fn action_for(&self, event: &Event) -> Option<Action> {
        match event {
            Event::Key(key) if key.kind == KeyEventKind::Press => {
                let ctx = self.context();
                // Keys the table does not bind are typed, where there is text to type.
                let takes_text = matches!(ctx, Context::Input | Context::ActionInput | Context::Picker | Context::Form);
                // The first-start card says "any key": an unbound one (Space, Esc) closes it too.
                let card = self.overlays().card();
                keymap::lookup(ctx, key).or_else(|| (takes_text || card).then_some(Action::TextKey(*key)))
            }
            Event::Paste(text) => Some(Action::Paste(text.clone())),
            Event::Resize(..) => Some(Action::Resize),
            _ => None,
        }
    }

    /// Copies go to `clipboard` instead of the system clipboard (tests use a fake).
    pub fn with_clipboard(mut self, clipboard: Arc<dyn Clipboard>) -> App {
        self.background.clipboard = clipboard;
        self
    }

    /// Applies an action: the only place where application state changes.
    /// Returns the work it asks for (saving, copying, leaving), for [`App::run`].
    /// The action goes to the top overlay first; each one consumes it or
    /// passes it on to the one below, and the last passes it to the screen.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        for i in (0..self.overlays().len()).rev() {
            // A picker's or a form's answer edits the session: the editor handles their keys.
            if let Screen::Editor(e) = &mut self.screen
                && e.overlays().iter().nth(i).is_some_and(Overlay::edits)
            {
                e.update_overlay_at(i, action);
                return e.take_effects();
            }
            let Some(overlay) = self.overlays_mut().get_mut(i) else { continue };
            let asks_editor = matches!(overlay, Overlay::Conflict(_));
            let mut effects = Vec::new();
            match overlay.handle(&action) {
                Handled::Passed => continue,
                Handled::Dismissed => {
                    self.overlays_mut().remove(i);
                    continue;
                }
                Handled::Consumed => {}
                Handled::Asks(effect) => effects.push(effect),
                Handled::Closed => {
                    if let Overlay::Presentation(kept) = self.overlays_mut().remove(i) {
                        self.close_presentation(*kept);
                    }
                }
            }
            // The question about an outside change is the editor's: its keys count as keys there.
            if asks_editor && let Screen::Editor(e) = &mut self.screen {
                e.prelude(&action);
            }
            return effects;
        }
        self.update_screen(action)
    }

    /// An action no overlay took: the help opens, the room's keys, then the screen's.
    fn update_screen(&mut self, action: Action) -> Vec<Effect> {
        if action == Action::ToggleHelp {
            self.overlays_mut().toggle_help();
            return Vec::new();
        }
        if self.room_update(&action) {
            return Vec::new();
        }
        let lang = self.lang();
        match &mut self.screen {
            Screen::Editor(editor) => {
                editor.update(action);
                return editor.take_effects();
            }
            Screen::Browser(browser) => {
                browser.notice = None;
                match browser_update(browser, action, lang) {
                    BrowserOutcome::Stay => {}
                    BrowserOutcome::Quit => self.quit = true,
                    BrowserOutcome::Do(effect) => return vec![effect],
                }
            }
        }
        Vec::new()
    }

    /// The browser opens `opened` (a session read or just created), or says why not.
    fn open_from_browser(&mut self, opened: Result<Editor, String>) {
        let Screen::Browser(browser) = &mut self.screen else { return };
        match opened {
            Ok(mut editor) => {
                if let Some(events) = self.background.bell.sender() {
                    editor.connect(events);
                }
                self.screen = Screen::Editor(Box::new(editor));
            }
            Err(text) => browser.notice = Some(Notice::new(text, true)),
        }
    }

    /// Runs one effect: starts the work off the input thread (its outcome
    /// comes back through [`App::tick`]); leaving writes what is pending first.
    pub fn run(&mut self, effect: Effect) {
        let lang = self.lang();
        match effect {
            Effect::Open(path) => {
                let opened = storage::SessionFile::open(&path).map_err(|e| e.message(lang));
                return self.open_from_browser(opened.map(|(file, session)| Editor::new(session, file, lang)));
            }
            Effect::Create { title, from } => {
                let dir = self.dir.clone();
                let now = jiff::Timestamp::now();
                let session = match from {
                    // Read again now: it may have changed since the list was made.
                    Some(from) => storage::load(&from).map(|old| crate::domain::carry_over(&old, &title, now)),
                    None => Ok(Session::new(&title, now)),
                };
                // A new session keeps the language it was made in, as `dafo new` does.
                let session = session.map(|mut s| {
                    s.meta.language = lang.tag().to_owned();
                    s
                });
                let opened = session.map_err(|e| e.message(lang)).and_then(|s| create_session(&dir, s, lang));
                return self.open_from_browser(opened);
            }
            _ => {}
        }
        let Screen::Editor(editor) = &mut self.screen else { return };
        match effect {
            Effect::Open(_) | Effect::Create { .. } => {}
            Effect::SaveNow => editor.save_in_background(),
            Effect::KeepMine => editor.answer_conflict(true),
            Effect::LoadTheirs => editor.answer_conflict(false),
            Effect::Copy(content) => {
                let (clipboard, tx) = (Arc::clone(&self.background.clipboard), self.background.done_tx.clone());
                let bell = self.background.bell.clone();
                let spawned = std::thread::Builder::new().name("dafo-copy".to_owned()).spawn(move || {
                    let _ = tx.send(clipboard.copy(&content));
                    bell.ring();
                });
                match spawned {
                    Ok(_) => self.background.copies += 1,
                    Err(e) => {
                        let reason = crate::clipboard::CopyReason::NoThread(e.into());
                        editor.copied(&CopyOutcome::Failed { reason }, Instant::now());
                    }
                }
            }
            Effect::Quit => {
                if editor.quit() == Outcome::Close {
                    if self.from_browser {
                        self.screen = Screen::Browser(Box::new(Browser::scan(&self.dir, lang)));
                    } else {
                        self.quit = true;
                    }
                }
            }
        }
    }

    /// [`App::update`], then [`App::run`] for each effect: a key as the terminal loop handles it.
    pub fn handle(&mut self, action: Action) {
        for effect in self.update(action) {
            self.run(effect);
        }
    }

    /// Connects the app to the event loop: work finished off the input thread
    /// (saves, copies) and changes on disk wake it through `events`.
    pub fn connect(&mut self, events: event::AppEventSender) {
        self.background.bell.connect(events.clone());
        if let Screen::Editor(e) = &mut self.screen {
            e.connect(events);
            if std::mem::take(&mut self.sala_at_start) {
                e.open_sala();
            }
        }
    }

    /// A participant's request to the room: the session showing decides; with
    /// no room open it is turned away.
    pub fn sala_call(&mut self, call: crate::sala::http::Call) {
        match &mut self.screen {
            Screen::Editor(e) => e.sala_call(call),
            Screen::Browser(_) => {
                let _ = call.reply.send(crate::sala::state::Reply::refused(503, "busy"));
            }
        }
    }

    /// Where the room listens (`--room-bind`), and whether it opens as soon as
    /// the event loop connects (`--room`).
    pub fn with_sala(mut self, bind: Option<std::net::IpAddr>, open: bool) -> App {
        if let Screen::Editor(e) = &mut self.screen {
            e.set_sala_bind(bind);
        }
        self.sala_at_start = open;
        self
    }

    /// A stop signal (SIGTERM, SIGHUP: the terminal closed) ends dafo as `q`
    /// would, with no second key to wait for: words typed on an open input
    /// line are entered first, as Enter would, so that the save on leaving
    /// takes them (they were lost). A form with words typed in it (an
    /// action's, an indicator's, the session's details, a year's record) is
    /// saved as Enter saves it; one whose values do not check is written out
    /// beside the session, `NAME.ron.unsaved-TIME.txt`, never dropped (its
    /// words were lost). Returns that file, if one was written.
    pub fn enter_typed_words(&mut self) -> Option<std::path::PathBuf> {
        let typed = match &self.screen {
            Screen::Editor(e) => matches!(e.mode(), Mode::Input(i) if !i.value().trim().is_empty()),
            Screen::Browser(_) => false,
        };
        if typed {
            self.handle(Action::Submit);
        }
        let words = |app: &App| {
            let Screen::Editor(e) = &app.screen else { return None };
            match e.overlays.top() {
                Some(overlay::Overlay::Form(f)) if f.has_words() => Some(f.typed(e.lang)),
                Some(overlay::Overlay::Record(r)) if r.has_words() => Some(r.typed(e.lang)),
                _ => None,
            }
        };
        words(self)?;
        self.handle(Action::Submit);
        let left = words(self)?;
        let Screen::Editor(e) = &self.screen else { return None };
        // The values do not check (a date half typed): kept in a file the user sees.
        let stamp = jiff::Timestamp::now().strftime("%Y%m%dT%H%M%SZ").to_string();
        let path = e.path().with_file_name(crate::storage::name_with(e.path(), "", &format!(".unsaved-{stamp}.txt")));
        crate::storage::write_atomic_new(&path, format!("{left}\n").as_bytes()).ok().map(|()| path)
    }

    /// Whether the session shown has changes not yet saved to the file.
    pub fn unsaved(&self) -> bool {
        matches!(&self.screen, Screen::Editor(e) if e.autosave().is_dirty())
    }

    /// Whether work started by an effect is still running.
    pub fn busy(&self) -> bool {
        self.background.copies > 0 || matches!(&self.screen, Screen::Editor(e) if e.saver.busy())
    }

    /// Waits until the work under way is done and records its outcome (tests; leaving).
    pub fn settle(&mut self) {
        while self.background.copies > 0 {
            match self.background.done.recv_timeout(Duration::from_secs(10)) {
                Ok(outcome) => self.copied(&outcome),
                Err(_) => self.background.copies = 0,
            }
        }
        if let Screen::Editor(e) = &mut self.screen {
            e.settle();
        }
    }

    fn copied(&mut self, outcome: &CopyOutcome) {
        self.background.copies = self.background.copies.saturating_sub(1);
        if let Screen::Editor(e) = &mut self.screen {
            e.copied(outcome, Instant::now());
        }
    }

    /// The message on the status line of the screen showing, if any.
    pub fn notice(&self) -> Option<&Notice> {
        match &self.screen {
            Screen::Editor(e) => e.notice(),
            Screen::Browser(b) => b.notice.as_ref(),
        }
    }

    /// A warning for the status line, after whatever it already says (a
    /// recovered journal, a backup problem): settings passed over at start.
    pub fn warn(&mut self, text: &str) {
        let notice = self.notice_mut();
        *notice = Some(match notice.take() {
            Some(old) => Notice { text: format!("{} · {text}", old.text), error: true, ..old },
            None => Notice::new(text.to_owned(), true),
        });
    }

    pub(crate) fn notice_mut(&mut self) -> &mut Option<Notice> {
        match &mut self.screen {
            Screen::Editor(e) => &mut e.notice,
            Screen::Browser(b) => &mut b.notice,
        }
    }

    /// Time passes: autosave when due, collect what finished off the input
    /// thread. Returns whether the screen must be drawn again now.
    pub fn tick(&mut self, now: Instant) -> bool {
        let mut changed = false;
        while let Ok(outcome) = self.background.done.try_recv() {
            self.copied(&outcome);
            changed = true;
        }
        if let Screen::Editor(e) = &mut self.screen {
            changed |= e.tick(now);
            changed |= e.sala_tick();
            e.room.tick(now);
        }
        changed
    }

    /// When the event loop should wake up even without input.
    pub fn deadline(&self) -> Option<Instant> {
        match &self.screen {
            Screen::Editor(e) => {
                [e.save_deadline(), e.room().deadline(), e.disk_deadline(), e.saved_ago_deadline(), e.sala_deadline()]
                    .into_iter()
                    .flatten()
                    .min()
            }
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
    /// Reading or writing files: done by [`App::run`], never by `update`.
    Do(Effect),
}

/// The browser's line for a new title is full, unless what was typed went in.
fn say_full_unless(browser: &mut Browser, went_in: bool, lang: Lang) {
    if !went_in {
        browser.notice = Some(Notice::new((lang.text().limits.input_full)(ITEM_TEXT_MAX), true));
    }
}

fn browser_update(browser: &mut Browser, action: Action, lang: Lang) -> BrowserOutcome {
    if let Some(input) = &mut browser.naming {
        match action {
            // A title holds at most an item's text (`domain::limits`).
            Action::TextKey(key) => {
                let typed = readline::type_key_within(input, key, ITEM_TEXT_MAX);
                say_full_unless(browser, typed, lang);
            }
            Action::Paste(text) => {
                let pasted = readline::paste_within(input, &readline::pasted_inline(&text), ITEM_TEXT_MAX);
                say_full_unless(browser, pasted, lang);
            }
            Action::Cancel => {
                browser.naming = None;
                browser.from = None;
            }
            Action::Submit => {
                let title = input.lines().join(" ");
                if crate::domain::text::clean_text(&title).is_empty() {
                    return BrowserOutcome::Stay;
                }
                browser.naming = None;
                return BrowserOutcome::Do(Effect::Create { title, from: browser.from.take() });
            }
            _ => {}
        }
        return BrowserOutcome::Stay;
    }
    match action {
        Action::Up => browser.step(-1),
        Action::Down => browser.step(1),
        Action::NewSession => browser.naming = Some(TextArea::default()),
        Action::NewSessionFrom => {
            // Only a session that reads can be carried over; its title is offered to edit.
            if let Some(entry) = browser.selected_entry()
                && let Ok(summary) = &entry.summary
            {
                let mut input = TextArea::new(vec![summary.title.clone()]);
                input.move_cursor(ratatui_textarea::CursorMove::End);
                browser.from = Some(entry.path.clone());
                browser.naming = Some(input);
            }
        }
        Action::Quit => return BrowserOutcome::Quit,
        Action::Open => {
            let Some(entry) = browser.selected_entry() else { return BrowserOutcome::Stay };
            return BrowserOutcome::Do(Effect::Open(entry.path.clone()));
        }
        _ => {}
    }
    BrowserOutcome::Stay
}

/// Writes a new session file in `dir`, named after its title (never
/// overwriting one), and opens it.
pub fn create_session(dir: &Path, session: Session, lang: Lang) -> Result<Editor, String> {
    // A title (or a carried-over text) over its limit would make a file that does not open.
    if let Some(long) = crate::domain::limits::first_too_long(&session) {
        let l = lang.text().limits;
        return Err((l.too_long)(&l.field_name(&long.field), long.chars, long.max));
    }
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {}", dir.display(), crate::i18n::os_error(&e, lang)))?;
    // Created exclusively: a session of the same title made at the same moment is kept.
    let (file, _) = storage::SessionFile::create_new(dir, &session).map_err(|e| e.message(lang))?;
    let renamed = file.path().file_name().is_some_and(|n| *n != *storage::file_name_for_title(&session.meta.title));
    let mut editor = Editor::new(session, file, lang);
    if renamed {
        let msg = lang.text().ui.name_taken;
        let name = editor.path().file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        editor.say(format!("{msg} {}", crate::domain::text::display_safe(&name)), false);
    }
    Ok(editor)
}
