//! Every colour and style the UI uses. Widgets never name a colour themselves.

use ratatui::style::{Color, Modifier, Style};

pub use crate::app::room::ThemeName;
use crate::domain::Quadrant;

/// A complete set of styles.
#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    /// Painted under everything first: the light theme's white page.
    pub base: Style,
    /// Accent of each quadrant, in grid order.
    pub quadrant: [Style; 4],
    pub border: Style,
    pub focus_border: Style,
    pub text: Style,
    pub id: Style,
    pub dim: Style,
    pub selected: Style,
    pub title_bar: Style,
    pub key: Style,
    pub notice: Style,
    pub error: Style,
    pub ok: Style,
    pub input: Style,
    pub cursor: Style,
    /// Items linked to the selection (a factor's actions, an action's factors).
    pub linked: Style,
    /// Something the room should look at: a factor without action, weights that do not sum to 1.
    pub caution: Style,
    /// The time-box in its last minute, and when time is up.
    pub warn: Style,
}

impl Theme {
    /// The default: dark background, strong accents that survive a projector.
    pub fn dark() -> Theme {
        let fg = |c: Color| Style::new().fg(c);
        Theme {
            base: Style::new(),
            quadrant: [fg(Color::LightGreen), fg(Color::LightRed), fg(Color::LightCyan), fg(Color::LightYellow)]
                .map(|s| s.add_modifier(Modifier::BOLD)),
            border: fg(Color::DarkGray),
            focus_border: fg(Color::White).add_modifier(Modifier::BOLD),
            text: Style::new(),
            id: fg(Color::Gray),
            dim: fg(Color::DarkGray),
            selected: Style::new().bg(Color::Blue).fg(Color::White).add_modifier(Modifier::BOLD),
            title_bar: Style::new().add_modifier(Modifier::BOLD),
            key: fg(Color::LightYellow).add_modifier(Modifier::BOLD),
            notice: fg(Color::LightGreen),
            error: fg(Color::White).bg(Color::Red).add_modifier(Modifier::BOLD),
            ok: fg(Color::Green),
            input: Style::new().add_modifier(Modifier::BOLD),
            cursor: Style::new().add_modifier(Modifier::REVERSED),
            linked: fg(Color::LightCyan).add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            caution: fg(Color::LightYellow).add_modifier(Modifier::BOLD),
            warn: Style::new().bg(Color::LightYellow).fg(Color::Black).add_modifier(Modifier::BOLD),
        }
    }

    /// No colours at all (for `NO_COLOR`): bold, reverse and underline only.
    pub fn mono() -> Theme {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        Theme {
            base: Style::new(),
            quadrant: [bold; 4],
            border: Style::new(),
            focus_border: bold,
            text: Style::new(),
            id: Style::new(),
            dim: Style::new().add_modifier(Modifier::DIM),
            selected: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            title_bar: bold,
            key: bold.add_modifier(Modifier::UNDERLINED),
            notice: bold,
            error: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            ok: Style::new(),
            input: bold,
            cursor: Style::new().add_modifier(Modifier::REVERSED),
            linked: Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            caution: bold,
            warn: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD | Modifier::UNDERLINED),
        }
    }

    /// The theme for this environment: monochrome when `NO_COLOR` is set and not empty.
    pub fn from_env() -> Theme {
        match std::env::var_os("NO_COLOR") {
            Some(v) if !v.is_empty() => Theme::mono(),
            _ => Theme::dark(),
        }
    }

    /// The theme a name stands for.
    pub fn named(name: ThemeName) -> Theme {
        match name {
            ThemeName::Dark => Theme::dark(),
            ThemeName::Light => Theme::light(),
            ThemeName::Mono => Theme::mono(),
        }
    }

    pub fn quadrant(&self, q: Quadrant) -> Style {
        self.quadrant[q.index()]
    }
}

/// A symbol per quadrant, so quadrants differ without colour too.
pub fn symbol(q: Quadrant) -> &'static str {
    match q {
        Quadrant::Strengths => "▲",
        Quadrant::Weaknesses => "▼",
        Quadrant::Opportunities => "◆",
        Quadrant::Threats => "⚠",
    }
}

// ---- In the room (issue 6): the light high-contrast theme ----
impl Theme {
    /// Black on white, dark saturated accents: for bright rooms and washed-out
    /// projectors. 256-colour indexes, which every terminal in use renders.
    pub fn light() -> Theme {
        const WHITE: Color = Color::Indexed(231);
        const BLACK: Color = Color::Indexed(16);
        let page = Style::new().bg(WHITE).fg(BLACK);
        let fg = |c: u8| page.fg(Color::Indexed(c));
        Theme {
            base: page,
            // Dark green, dark red, navy, dark orange: each readable on white.
            quadrant: [fg(22), fg(124), fg(19), fg(130)].map(|s| s.add_modifier(Modifier::BOLD)),
            border: fg(240),
            focus_border: page.add_modifier(Modifier::BOLD),
            text: page,
            id: fg(236),
            dim: fg(238),
            selected: Style::new().bg(Color::Indexed(19)).fg(WHITE).add_modifier(Modifier::BOLD),
            title_bar: page.add_modifier(Modifier::BOLD),
            key: fg(19).add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            notice: fg(22).add_modifier(Modifier::BOLD),
            error: Style::new().bg(Color::Indexed(124)).fg(WHITE).add_modifier(Modifier::BOLD),
            ok: fg(22),
            input: page.add_modifier(Modifier::BOLD),
            cursor: page.add_modifier(Modifier::REVERSED),
            linked: fg(19).add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            caution: fg(130).add_modifier(Modifier::BOLD),
            warn: Style::new().bg(Color::Indexed(130)).fg(WHITE).add_modifier(Modifier::BOLD),
        }
    }
}
