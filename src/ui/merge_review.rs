//! The review list of `dafo merge --review` in a terminal: the pair to judge
//! (both wordings with their IDs and sources, the quadrant, the likeness),
//! the answers so far, and the keys from the keymap's `MergeReview` context.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph, Widget, Wrap};

use crate::app::Action;
use crate::app::keymap::{self, Context};
use crate::export::safe;
use crate::i18n::Lang;
use crate::merge::groups::{Named, Pair};
use crate::merge::review::{ReviewState, ReviewStep};

use super::chrome;
use super::theme::Theme;

/// Draws the review list over the whole `area`.
pub fn render(state: &ReviewState, theme: &Theme, lang: Lang, area: Rect, buf: &mut Buffer) {
    let w = lang.text().merge;
    Block::default().style(theme.base).render(area, buf);
    let [title, body, answers, footer] =
        Layout::vertical([Constraint::Length(1), Constraint::Min(8), Constraint::Length(6), Constraint::Length(1)])
            .areas(area);
    let (joined, apart) = state.counts();
    let mut head = format!(" {}", w.review_title);
    if let Some((n, _)) = state.current() {
        head.push_str(&format!(" · {}", (w.pair_of)(n + 1, state.pairs.len())));
    }
    head.push_str(&format!(" · {} ", (w.answered)(joined, apart)));
    Paragraph::new(Line::styled(head, theme.title_bar)).style(theme.title_bar).render(title, buf);
    match state.current() {
        Some((_, pair)) => pair_view(pair, state.pick, theme, lang, body, buf),
        None => {
            let key = |s| keymap::key_for(Context::MergeReview, &Action::MergeReview(s), lang);
            let text = (w.all_answered)(&key(ReviewStep::Finish), &key(ReviewStep::UndoLast));
            let inner = Rect { y: body.y + 1, height: body.height.saturating_sub(1), ..body };
            Paragraph::new(Line::styled(format!(" {text}"), theme.notice))
                .wrap(Wrap { trim: false })
                .render(inner, buf);
        }
    }
    answered(state, theme, lang, answers, buf);
    chrome::footer(Context::MergeReview, theme, lang, footer, buf);
}

/// The question, the quadrant and likeness, then one box per factor (the
/// wording that stays if they are merged, `pick`, marked).
fn pair_view(pair: &Pair, pick: usize, theme: &Theme, lang: Lang, area: Rect, buf: &mut Buffer) {
    let w = lang.text().merge;
    let [question, a, b] =
        Layout::vertical([Constraint::Length(2), Constraint::Length(5), Constraint::Length(5)]).areas(area);
    let line = Line::from(vec![
        Span::styled(format!(" {}  ", w.question), theme.text),
        Span::styled(lang.quadrant(pair.a.quadrant), theme.quadrant(pair.a.quadrant)),
        Span::styled(format!(" · {} {}", w.likeness, lang.decimal(pair.score)), theme.dim),
    ]);
    Paragraph::new(line).render(question, buf);
    factor(&pair.a, pick == 0, theme, lang, a, buf);
    factor(&pair.b, pick == 1, theme, lang, b, buf);
}

/// One factor of the pair: its ID as the box's title, its wording, its
/// sources; the wording that stays says so on its border.
fn factor(f: &Named, stays: bool, theme: &Theme, lang: Lang, area: Rect, buf: &mut Buffer) {
    let mut title = vec![Span::styled(format!(" {} ", lang.show_id(&f.id)), theme.id)];
    if stays {
        title.push(Span::styled(format!("✓ {} ", lang.join_text().stays), theme.ok));
    }
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(if stays { theme.focus_border } else { theme.border })
        .title(Line::from(title));
    let lines = vec![
        Line::styled(safe(&f.text).into_owned(), theme.text),
        Line::styled(
            format!("{}: {}", lang.text().merge.sources, crate::export::safe(&f.sources.join(", "))),
            theme.dim,
        ),
    ];
    Paragraph::new(lines).block(block).wrap(Wrap { trim: true }).render(area, buf);
}

/// The answers so far, newest last: `✓ D2 ~ D4 merged`, `✗ … kept apart`.
fn answered(state: &ReviewState, theme: &Theme, lang: Lang, area: Rect, buf: &mut Buffer) {
    let w = lang.text().merge;
    let rows = usize::from(area.height.saturating_sub(1));
    let skip = state.answers.len().saturating_sub(rows);
    let lines: Vec<Line> = state
        .pairs
        .iter()
        .zip(&state.answers)
        .skip(skip)
        .map(|(p, &join)| {
            let (mark, word, style) = if join { ("✓", w.merged, theme.ok) } else { ("✗", w.kept_apart, theme.dim) };
            let ids = format!("{} ~ {}", lang.show_id(&p.a.id), lang.show_id(&p.b.id));
            Line::from(vec![Span::styled(format!(" {mark} {ids}  "), style), Span::styled(word, style)])
        })
        .collect();
    let rule = Line::styled("─".repeat(usize::from(area.width)), theme.border);
    Paragraph::new(std::iter::once(rule).chain(lines).collect::<Vec<_>>()).render(area, buf);
}

/// The answer a key gives, if it is one of the review list's keys.
pub fn step_for(ev: &ratatui::crossterm::event::KeyEvent) -> Option<ReviewStep> {
    match keymap::lookup(Context::MergeReview, ev) {
        Some(Action::MergeReview(step)) => Some(step),
        _ => None,
    }
}
