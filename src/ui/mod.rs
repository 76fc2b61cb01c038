//! Rendering: a pure function of the application state.

mod browser;
mod came;
mod chrome;
mod clashes;
mod crossed;
mod follow;
mod grid;
mod help;
mod join;
mod list;
pub mod merge_review;
mod pages;
mod plan;
mod plan_lists;
mod popup;
mod sala;
pub mod theme;
mod weights;
// ---- In the room (issue 6) ----
mod hint;
pub mod mouse;
mod presentation;
mod split;
pub mod status;

use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

use crate::app::editor::View;
use crate::app::keymap::Group;
use crate::app::overlay::Overlay;
use crate::app::{App, Mode, Screen};
use theme::Theme;

/// Below this size the layout cannot work; a notice is shown instead.
pub const MIN_WIDTH: u16 = 40;
pub const MIN_HEIGHT: u16 = 12;

/// Draws the whole application into a frame.
pub fn draw(app: &App, theme: &Theme, frame: &mut Frame) {
    let area = frame.area();
    render(app, theme, area, frame.buffer_mut());
}

/// Draws the whole application into a buffer (used by `draw` and by tests).
pub fn render(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        let msg = app.lang().text().ui.terminal_too_small;
        Paragraph::new(Line::styled(msg, theme.error)).wrap(Wrap { trim: true }).render(area, buf);
        return;
    }
    buf.set_style(area, theme.base);
    let overlays = app.overlays();
    // Drawing starts at the last overlay that covers the whole screen (what is
    // under it would not show), else with the screen itself; then each overlay bottom-up.
    let from = overlays.iter().rposition(Overlay::covers_screen);
    if from.is_none() {
        render_screen(app, theme, area, buf);
    }
    let body = areas(area)[1];
    let mut below_covers = false;
    for overlay in overlays.iter().skip(from.unwrap_or(0)) {
        match (overlay, &app.screen) {
            (Overlay::Presentation(_), Screen::Editor(editor)) => {
                presentation::render(editor, theme, app.lang(), area, buf)
            }
            // The question about an outside change is asked whatever is showing.
            (Overlay::Conflict(_), Screen::Editor(editor)) => {
                popup::conflict(editor, theme, app.lang(), if below_covers { area } else { body }, buf);
            }
            (Overlay::Picker(p), _) => popup::picker(p, theme, app.lang(), body, buf),
            (Overlay::Form(f), _) => popup::form(f, theme, app.lang(), body, buf),
            // The card hides under the help (its edges would show around it).
            (Overlay::FirstStart, Screen::Editor(editor)) if !app.help_open() => {
                hint::render(editor, theme, app.lang(), body, buf);
            }
            // The whole screen: with the room's keys the help needs every row at 80x24.
            (Overlay::Help { scroll }, _) => help::render(app, *scroll, theme, area, buf),
            _ => {}
        }
        below_covers |= overlay.covers_screen();
    }
}

/// The screen under its overlays: title, view, status line and footer.
fn render_screen(app: &App, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let [top, body, status, footer] = areas(area);
    match &app.screen {
        Screen::Editor(editor) => {
            chrome::title_bar(editor, theme, app.lang(), top, buf);
            let lang = app.lang();
            match editor.view() {
                View::Dafo => grid::Grid { editor, theme, lang }.render(body, buf),
                View::Came => came::CameGrid { editor, theme, lang }.render(body, buf),
                View::Crossed => crossed::CrossedGrid { editor, theme, lang }.render(body, buf),
                View::Weights => weights::WeightsView { editor, theme, lang }.render(body, buf),
                View::Plan => plan::PlanView { editor, theme, lang }.render(body, buf),
                View::Follow => follow::FollowView { editor, theme, lang, today: editor.today() }.render(body, buf),
            }
            match editor.mode() {
                Mode::Clashes(list) => clashes::render(editor, list, theme, lang, body, buf),
                Mode::Join(j) => join::render(editor, j, theme, lang, body, buf),
                Mode::Sala(selected) => sala::render(editor, *selected, theme, lang, body, buf),
                _ => {}
            }
            chrome::status_line(editor.notice(), Some(editor), theme, app.lang(), status, buf);
            let notice = editor.notice().map_or(0, |n| unicode_width::UnicodeWidthStr::width(n.text.as_str()));
            status::render_right(editor, theme, app.lang(), (status, notice), buf);
        }
        Screen::Browser(browser) => {
            browser::render(browser, theme, app.lang(), top, body, buf);
            chrome::status_line(app.notice(), None, theme, app.lang(), status, buf);
        }
    }
    // A notice too long for its line takes the footer's too, so nothing of it is cut.
    match app.notice() {
        Some(n) if unicode_width::UnicodeWidthStr::width(n.text.as_str()) > status.width as usize => {
            chrome::long_notice(n, theme, Rect { height: 2, ..status }, buf);
        }
        _ => match &app.screen {
            Screen::Editor(e) if e.mode().is_grid() && !e.in_conflict() && !e.covered() && e.selected_is_carried() => {
                chrome::carried_footer(app.context(), theme, app.lang(), footer, buf);
            }
            Screen::Editor(e) if e.mode().is_grid() && !e.covered() && follow::idle(e) => {
                chrome::footer_without(app.context(), &[Group::Capture], theme, app.lang(), footer, buf);
            }
            Screen::Editor(e) if e.read_only().is_some() && e.mode().is_grid() => {
                chrome::footer_without(app.context(), &[Group::Capture, Group::Tidy], theme, app.lang(), footer, buf);
            }
            _ => chrome::footer(app.context(), theme, app.lang(), footer, buf),
        },
    }
}

/// Title bar, body, status line and footer of the normal screen.
fn areas(area: Rect) -> [Rect; 4] {
    split::screen(area).unwrap_or_else(|| {
        Layout::vertical([Constraint::Length(1), Constraint::Fill(1), Constraint::Length(1), Constraint::Length(1)])
            .areas(area)
    })
}
