//! The `?` overlay, generated from the keymap and grouped by what you want to do.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget};

use super::theme::Theme;
use crate::app::keymap::{self, Binding, Context, Group};
use crate::app::{Action, App, Screen};
use crate::domain::Quadrant;
use crate::i18n::Lang;

/// Draws the help over `area`, scrolled down `scroll` lines where it does not fit.
pub fn render(app: &App, scroll: u16, theme: &Theme, area: Rect, buf: &mut Buffer) {
    let lang = app.lang();
    // The view's own keys first, then those of the modes it can open.
    let contexts: Vec<Context> = match &app.screen {
        Screen::Editor(e) => {
            let main = e.view_context();
            let modes: &[Context] = match main {
                // The join's own keys are on its prompt and in its footer.
                Context::Grid => &[Context::Input, Context::MovePick, Context::ImpactPick],
                Context::CameFactors => &[Context::Input, Context::ActionInput, Context::ImpactPick],
                Context::CameActions => &[Context::Input, Context::ActionInput, Context::Picker, Context::Form],
                Context::Crossed => &[Context::Input, Context::Picker],
                // Every pane of the plan view, and what its keys open.
                Context::PlanTree
                | Context::PlanActions
                | Context::PlanTray
                | Context::PlanChallenges
                | Context::PlanIndicators
                | Context::PlanBand => &[
                    Context::PlanBand,
                    Context::PlanChallenges,
                    Context::PlanTree,
                    Context::PlanActions,
                    Context::PlanTray,
                    Context::PlanIndicators,
                    Context::Input,
                    Context::Picker,
                    Context::Form,
                ],
                _ => &[Context::Input],
            };
            std::iter::once(main).chain(modes.iter().copied()).collect()
        }
        Screen::Browser(_) => vec![Context::Browser, Context::Input],
    };
    let mut rows: Vec<Vec<Row>> =
        Group::ALL.iter().map(|&g| section(g, &contexts, lang)).filter(|s| s.len() > 1).collect();
    match &app.screen {
        // The Seguimiento view's cells have marks of their own: its legend explains those.
        Screen::Editor(e) if e.view() == crate::app::editor::View::Follow => rows.push(follow_legend(lang)),
        Screen::Editor(_) => rows.push(legend(lang)),
        Screen::Browser(_) => {}
    }
    let total: usize = rows.iter().map(|s| s.len() + 1).sum();
    // As many columns (up to three) as it takes to fit the height.
    let fits = |n: usize| total.div_ceil(n) + 3 <= area.height as usize;
    let ncols = if fits(1) || area.width < 76 {
        1
    } else if fits(2) || area.width < 150 {
        2
    } else {
        3
    }
    .min(rows.len());
    let width = match ncols {
        1 => 62,
        2 => 100,
        _ => 150,
    }
    .min(area.width);
    let col_width = (width.saturating_sub(2) as usize).saturating_sub(2 * (ncols - 1)) / ncols;
    let sections: Vec<Vec<Line>> = rows.iter().map(|r| render_rows(r, col_width, theme)).collect();
    let columns = balance(&sections, ncols);
    let height = columns.iter().map(Vec::len).max().unwrap_or(0) as u16 + 2;
    let [popup] = Layout::horizontal([Constraint::Length(width)]).flex(Flex::Center).areas(area);
    let [popup] = Layout::vertical([Constraint::Length(height.min(popup.height))]).flex(Flex::Center).areas(popup);
    Clear.render(popup, buf);
    buf.set_style(popup, theme.base);
    let title = lang.text().ui.help_title;
    let block = Block::bordered().border_type(BorderType::Double).border_style(theme.focus_border).title(title);
    let inner = block.inner(popup);
    block.render(popup, buf);
    // When it does not fit, it scrolls (j/k), and the border says there is more.
    let overflow = (height - 2).saturating_sub(inner.height);
    let scroll = scroll.min(overflow);
    if scroll < overflow {
        let more = Line::styled(lang.text().ui.help_more, theme.key).right_aligned();
        Paragraph::new(more).render(Rect { y: popup.bottom().saturating_sub(1), height: 1, ..popup }, buf);
    }
    let cols = Layout::horizontal(vec![Constraint::Fill(1); columns.len()]).spacing(2).split(inner);
    for (lines, col) in columns.into_iter().zip(cols.iter()) {
        Paragraph::new(lines).scroll((scroll, 0)).render(*col, buf);
    }
}

/// Splits whole sections into `n` columns, keeping the tallest column as short as possible.
fn balance<'a>(sections: &[Vec<Line<'a>>], n: usize) -> Vec<Vec<Line<'a>>> {
    if n <= 1 || sections.len() <= 1 {
        return vec![join(sections)];
    }
    let height = |s: &[Vec<Line>]| s.iter().map(|x| x.len() + 1).sum::<usize>();
    // Best first cut, then balance the rest in n - 1 columns.
    let best = (1..=sections.len() - (n - 1))
        .min_by_key(|&cut| {
            let rest = balance(&sections[cut..], n - 1);
            height(&sections[..cut]).max(rest.iter().map(Vec::len).max().unwrap_or(0))
        })
        .unwrap_or(1);
    let mut out = vec![join(&sections[..best])];
    out.extend(balance(&sections[best..], n - 1));
    out
}

fn join<'a>(sections: &[Vec<Line<'a>>]) -> Vec<Line<'a>> {
    let mut out = Vec::new();
    for s in sections {
        if !out.is_empty() {
            out.push(Line::default());
        }
        out.extend(s.iter().cloned());
    }
    out
}

/// Opposite actions shown as one help row, with the row's text.
/// Which of the catalogue's `help_pairs` two opposite actions read as.
fn pair(a: &Action, b: &Action) -> Option<usize> {
    Some(match (a, b) {
        (Action::NextQuadrant, Action::PrevQuadrant)
        | (Action::NextPane, Action::PrevPane)
        | (Action::NextTarget, Action::PrevTarget) => 0,
        (Action::Up, Action::Down) => 1,
        (Action::Left, Action::Right) => 2,
        (Action::First, Action::Last) => 3,
        (Action::ShiftUp, Action::ShiftDown) => 4,
        (Action::Vote(up), Action::Vote(down)) if *up > 0 && *down < 0 => 5,
        (Action::DegreeStep(up), Action::DegreeStep(down)) if *up > 0 && *down < 0 => 5,
        (Action::Undo, Action::Redo) => 6,
        _ => return None,
    })
}

/// `k/j ↑/↓`: the keys of two opposite bindings, side by side.
fn pair_keys(a: &Binding, b: &Binding, lang: Lang) -> String {
    (0..a.keys.len().max(b.keys.len()))
        .map(|i| {
            let label = |x: &Binding| x.keys.get(i).map(|k| k.label(lang)).unwrap_or_default();
            format!("{}/{}", label(a), label(b))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// One help row: keys and what they do (a heading when `keys` is empty).
struct Row {
    keys: String,
    text: String,
}

/// Lines of a section, the text wrapped under itself.
fn render_rows(rows: &[Row], width: usize, theme: &Theme) -> Vec<Line<'static>> {
    // The column is as wide as the keys that fit in 16 characters; longer
    // ones stand on a line of their own (below).
    let keys_w = rows.iter().map(|r| r.keys.chars().count()).filter(|&n| n <= 16).max().unwrap_or(0) + 2;
    let mut lines = Vec::new();
    for r in rows {
        if r.keys.is_empty() {
            lines.push(Line::styled(r.text.clone(), theme.title_bar));
            continue;
        }
        let text_w = width.saturating_sub(keys_w).max(8);
        // Keys longer than the column (`↑/↓ Ctrl-p/Ctrl-n`) stand on a line of
        // their own: beside the words they ran into them (`Ctrl-nlista`).
        let own_line = r.keys.chars().count() > keys_w - 2;
        if own_line {
            lines.push(Line::from(Span::styled(format!(" {}", r.keys), theme.key)));
        }
        for (n, chunk) in textwrap::wrap(&r.text, text_w).into_iter().enumerate() {
            let keys =
                if n == 0 && !own_line { format!(" {:<w$}", r.keys, w = keys_w - 1) } else { " ".repeat(keys_w) };
            lines.push(Line::from(vec![Span::styled(keys, theme.key), Span::styled(chunk.into_owned(), theme.text)]));
        }
    }
    lines
}

/// A group heading and its bindings.
fn section(group: Group, contexts: &[Context], lang: Lang) -> Vec<Row> {
    let mut rows = vec![Row { keys: String::new(), text: group.label(lang).to_owned() }];
    let shown: Vec<&Binding> = keymap::bindings()
        .iter()
        // The help's own key is in its title.
        .filter(|b| b.action != Action::ToggleHelp)
        .filter(|b| b.group == group && contexts.iter().any(|c| b.ctx.contains(c)))
        .collect();
    for (n, b) in shown.iter().enumerate() {
        // The four quadrant keys read as one row: `1-4`; opposite keys share one.
        let partner = shown.get(n + 1).filter(|p| pair(&b.action, &p.action).is_some());
        let (keys, text) = match (&b.action, partner) {
            (Action::Focus(Quadrant::Strengths), _) => ("1-4".to_owned(), lang.text().ui.help_go_to_quadrant),
            (Action::MoveTo(Quadrant::Strengths), _) => ("1-4".to_owned(), lang.text().ui.help_move_there),
            (Action::Focus(_) | Action::MoveTo(_), _) => continue,
            // In the plan view, Tab moves between panes, not quadrants.
            (Action::NextPane, Some(p)) => (pair_keys(b, p, lang), lang.plan_ui().panes_pair),
            // Seguimiento's +/- move the degree, they are no votes.
            (Action::DegreeStep(_), Some(p)) => (pair_keys(b, p, lang), lang.text().keymap.follow.step_pair),
            // A new action's line: Tab and the arrows move it to another factor.
            (Action::NextTarget, Some(p)) => (pair_keys(b, p, lang), lang.text().quick.target_pair),
            (_, Some(p)) => {
                (pair_keys(b, p, lang), pair(&b.action, &p.action).map_or("", |i| lang.text().ui.help_pairs[i]))
            }
            _ if n > 0 && pair(&shown[n - 1].action, &b.action).is_some() => continue,
            _ => (b.keys_label(lang), b.describe(lang)),
        };
        // Keys of a mode say which mode they belong to.
        let mode = contexts.iter().find(|c| b.ctx.contains(c)).copied();
        let prefix = match mode {
            Some(Context::Input | Context::ActionInput) => "✎ ",
            Some(Context::MovePick) => lang.text().ui.help_after_m,
            Some(Context::ImpactPick) => lang.text().ui.help_after_i,
            Some(Context::Picker) => lang.text().ui.help_list,
            Some(Context::Form) => lang.text().ui.help_form,
            _ => "",
        };
        rows.push(Row { keys, text: format!("{prefix}{text}") });
    }
    rows
}

/// What the marks on items mean: `↻ ○ ● ★ ⚠`, the mark in the keys' column.
fn legend(lang: Lang) -> Vec<Row> {
    let m = &lang.text().meeting;
    let mut rows = vec![Row { keys: String::new(), text: m.legend_title.to_owned() }];
    for line in m.legend {
        let (mark, text) = line.split_once(' ').unwrap_or((line, ""));
        rows.push(Row { keys: mark.to_owned(), text: text.to_owned() });
    }
    rows
}

/// What the marks of the Seguimiento view mean: a cell's status, `!`, the
/// brackets, the bar; a row's `↻` and `+`.
fn follow_legend(lang: Lang) -> Vec<Row> {
    let l = lang.follow_legend();
    let mut rows = vec![Row { keys: String::new(), text: l.title.to_owned() }];
    rows.extend(l.rows.iter().map(|(mark, text)| Row { keys: (*mark).to_owned(), text: (*text).to_owned() }));
    rows
}
