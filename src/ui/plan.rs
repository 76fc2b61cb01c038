//! The plan view: misión, visión and valores on top; the tree of ejes and
//! líneas (numbered 1, 1.1…) or the cronograma; the actions of the selected
//! línea and the tray of actions with none; the retos and the indicators
//! (`plan_lists.rs`) and the coverage line at the bottom. Zoomed (`z`), the
//! pane with the keys fills the view.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget, Wrap};

use super::theme::Theme;
use crate::app::editor::{Editor, Mode};
use crate::app::plan::{TreeRow, placed, tray, tree};
use crate::app::selection::PlanPane;
use crate::domain::Session;
use crate::domain::text::display_safe;
use crate::i18n::Lang;
use crate::i18n::plan_words::PlanWords;

pub struct PlanView<'a> {
    pub editor: &'a Editor,
    pub theme: &'a Theme,
    pub lang: Lang,
}

pub(super) fn safe(text: &str) -> String {
    display_safe(text).into_owned()
}

impl Widget for PlanView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let s = self.editor.session();
        let w = self.lang.text().plan_report;
        let plan = self.editor.views().plan;
        if self.editor.room().zoom {
            match plan.pane {
                PlanPane::Band => self.band(s, w, area, buf),
                PlanPane::Tree if plan.schedule => self.schedule(s, w, area, buf),
                PlanPane::Tree => self.tree(s, w, area, buf),
                PlanPane::Actions => self.placed(s, w, area, buf),
                PlanPane::Tray => self.tray(s, w, area, buf),
                PlanPane::Challenges => self.challenges(s, w, area, buf),
                PlanPane::Indicators => self.indicators(s, w, area, buf),
            }
        } else {
            let tall = area.height >= 30;
            let band = self.band_height(s, w, area.width, area.height);
            // Presenting, an empty pane takes no room from the others.
            let presenting = self.editor.presenting();
            let (no_tray, no_retos, no_indicators) = (
                presenting && tray(s).is_empty(),
                presenting && s.challenges.is_empty(),
                presenting && s.indicators.is_empty(),
            );
            let lists_height = if no_retos && no_indicators {
                0
            } else if tall {
                8
            } else {
                4
            };
            let [top, middle, lists, bottom] = Layout::vertical([
                Constraint::Length(band),
                Constraint::Fill(1),
                Constraint::Length(lists_height),
                Constraint::Length(1),
            ])
            .areas(area);
            self.band(s, w, top, buf);
            let [left, right] = Layout::horizontal([Constraint::Percentage(50), Constraint::Fill(1)]).areas(middle);
            if plan.schedule {
                self.schedule(s, w, left, buf);
            } else {
                self.tree(s, w, left, buf);
            }
            let share = |empty: bool| if empty { Constraint::Length(0) } else { Constraint::Fill(1) };
            let [placed_area, tray_area] = Layout::vertical([Constraint::Fill(1), share(no_tray)]).areas(right);
            self.placed(s, w, placed_area, buf);
            if !no_tray {
                self.tray(s, w, tray_area, buf);
            }
            let halves = match (no_retos, no_indicators) {
                (false, false) => [Constraint::Percentage(50), Constraint::Fill(1)],
                _ => [share(no_retos), share(no_indicators)],
            };
            let [retos, indicators] = Layout::horizontal(halves).areas(lists);
            if !no_retos && lists_height > 0 {
                self.challenges(s, w, retos, buf);
            }
            if !no_indicators && lists_height > 0 {
                self.indicators(s, w, indicators, buf);
            }
            self.coverage(s, w, bottom, buf);
        }
        if let Mode::Input(input) = self.editor.mode() {
            let rows = area.height.min(2);
            let bottom = Rect { y: area.bottom() - rows, height: rows, ..area };
            Clear.render(bottom, buf);
            super::grid::render_input(input, self.theme, self.lang, bottom, buf);
        }
    }
}

impl PlanView<'_> {
    pub(super) fn block(&self, title: String, pane: Option<PlanPane>) -> Block<'static> {
        let focused = pane.is_some_and(|p| p == self.editor.views().plan.pane);
        Block::bordered()
            .border_type(if focused { BorderType::Thick } else { BorderType::Rounded })
            .border_style(if focused { self.theme.focus_border } else { self.theme.border })
            .title(Line::styled(format!(" {title} "), self.theme.title_bar))
    }

    fn band_lines(&self, s: &Session, w: &PlanWords) -> Vec<Line<'static>> {
        let t = self.theme;
        let plan = self.editor.views().plan;
        // Focused, the band marks the chosen statement or valor.
        let chosen = (plan.pane == PlanPane::Band).then(|| plan.band.min(1 + s.values.len()));
        let style = |n: usize| if chosen == Some(n) { t.selected } else { t.text };
        let label =
            |text: &str| Span::styled(format!("{text}: "), if chosen.is_some() { t.focus_border } else { t.key });
        let statement = |x: &Option<String>| x.as_deref().map(safe).unwrap_or_else(|| "—".to_owned());
        let mut values = vec![label(w.values)];
        for (n, v) in s.values.iter().enumerate() {
            if n > 0 {
                values.push(Span::styled(" · ", t.dim));
            }
            values.push(Span::styled(safe(v), style(n + 2)));
        }
        if s.values.is_empty() {
            values.push(Span::styled("—", t.dim));
        }
        let mut lines = vec![
            Line::from(vec![label(w.mission), Span::styled(statement(&s.mission), style(0))]),
            Line::from(vec![label(w.vision), Span::styled(statement(&s.vision), style(1))]),
            Line::from(values),
        ];
        if let Some(h) = s.meta.horizon {
            lines.insert(
                0,
                Line::from(vec![Span::styled(format!("{}: ", w.horizon), t.key), Span::styled(h.to_string(), t.text)]),
            );
        }
        lines
    }

    /// The band in `area`: wrapped when presenting or zoomed (the room reads it
    /// whole), else one line each, the horizon left out if short of room.
    fn band(&self, s: &Session, w: &PlanWords, area: Rect, buf: &mut Buffer) {
        let mut lines = self.band_lines(s, w);
        if self.wraps_band() {
            let width = usize::from(area.width.max(1));
            let rows: usize = lines.iter().map(|l| l.width().div_ceil(width).max(1)).sum();
            Paragraph::new(lines).wrap(Wrap { trim: true }).render(area, buf);
            // More than the band's rows (a third of the screen): `…` says it goes on.
            if rows > usize::from(area.height) && !area.is_empty() {
                buf.set_string(area.right() - 1, area.bottom() - 1, "…", self.theme.key);
            }
            return;
        }
        if lines.len() > usize::from(area.height) && s.meta.horizon.is_some() {
            lines.remove(0);
        }
        let lines: Vec<Line> = lines.into_iter().map(|l| super::list::fit_line(l, usize::from(area.width))).collect();
        Paragraph::new(lines).render(area, buf);
    }

    fn wraps_band(&self) -> bool {
        self.editor.presenting() || self.editor.room().zoom
    }

    /// Rows the band takes at `width`: wrapped when presenting, at most a third of `height`.
    fn band_height(&self, s: &Session, w: &PlanWords, width: u16, height: u16) -> u16 {
        let lines = self.band_lines(s, w);
        if !self.wraps_band() {
            let has_horizon = s.meta.horizon.is_some();
            return if height >= 30 && has_horizon { 4 } else { 3 };
        }
        let width = usize::from(width.max(1));
        let rows: usize = lines.iter().map(|l| l.width().div_ceil(width).max(1)).sum();
        u16::try_from(rows).unwrap_or(u16::MAX).min(height / 3).max(3)
    }

    pub(super) fn list(&self, rows: Vec<Line<'static>>, selected: Option<usize>, area: Rect, buf: &mut Buffer) {
        let height = usize::from(area.height);
        let first = selected.map_or(0, |sel| (sel + 1).saturating_sub(height));
        for (n, mut line) in rows.into_iter().enumerate().skip(first).take(height) {
            if Some(n) == selected {
                line = line.style(self.theme.selected);
            }
            let y = area.y + u16::try_from(n - first).unwrap_or(0);
            let line = super::list::fit_line(line, usize::from(area.width));
            buf.set_line(area.x, y, &line, area.width);
        }
    }

    fn tree(&self, s: &Session, w: &PlanWords, area: Rect, buf: &mut Buffer) {
        let block = self.block(w.axes_lines.to_owned(), Some(PlanPane::Tree));
        let inner = block.inner(area);
        let rows = tree(s);
        let t = self.theme;
        let lines: Vec<Line<'static>> = rows
            .iter()
            .map(|r| match *r {
                TreeRow::Axis(a) => Line::from(vec![
                    Span::styled(format!("{}. ", a + 1), t.id),
                    Span::styled(safe(&s.axes[a].text), t.text),
                ]),
                TreeRow::Line(i) => {
                    let l = &s.lines[i];
                    let n = placed(s, &l.id).len();
                    let count = if n == 0 { "  ∅".to_owned() } else { format!("  ({n})") };
                    Line::from(vec![
                        Span::styled(format!("  {} ", s.line_label(&l.id)), t.id),
                        Span::styled(safe(&l.text), t.text),
                        Span::styled(count, if n == 0 { t.caution } else { t.dim }),
                    ])
                }
            })
            .collect();
        if lines.is_empty() {
            block.render(area, buf);
            Paragraph::new(Line::styled("—", t.dim)).render(inner, buf);
            return;
        }
        let sel = self.editor.views().plan.tree.min(lines.len() - 1);
        if self.editor.presenting() && !self.editor.room().zoom {
            return self.paged(block, lines, Some(sel), sel, area, buf);
        }
        let (first, shown) = super::plan_lists::first_and_shown(&vec![1; lines.len()], Some(sel), inner.height);
        let below = lines.len() - first - shown;
        super::list::more_titles(block, first, below, self.theme, self.lang).render(area, buf);
        self.list(lines, Some(sel), inner, buf);
    }

    fn schedule(&self, s: &Session, w: &PlanWords, area: Rect, buf: &mut Buffer) {
        let block = self.block(w.schedule.to_owned(), Some(PlanPane::Tree));
        let inner = block.inner(area);
        let t = self.theme;
        let Some(c) = s.schedule() else {
            block.render(area, buf);
            Paragraph::new(Line::styled(format!("{}: —", w.horizon), t.dim)).render(inner, buf);
            return;
        };
        let cell = |label: String| format!("{label:>5}");
        let mut head = vec![Span::styled(format!("{:<6}", "ID"), t.key)];
        head.extend(c.periods.iter().map(|p| {
            let label = match p.quarter {
                Some(q) => format!("{}{q}", w.quarter),
                None => format!("{}", p.year),
            };
            Span::styled(cell(label), t.key)
        }));
        // The head stays on top; the actions below scroll to the selected one,
        // with what is above and below counted on the border, as the tree does.
        let [head_area, rows_area] = Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(inner);
        Paragraph::new(Line::from(head)).render(head_area, buf);
        let mut lines = Vec::new();
        for r in &c.rows {
            let mut spans = vec![Span::styled(format!("{:<6}", safe(&self.lang.show_id(&r.id))), t.id)];
            spans.extend(r.active.iter().map(|&on| Span::styled(cell(if on { "■" } else { "·" }.to_owned()), t.text)));
            lines.push(Line::from(spans));
        }
        if !c.undated.is_empty() {
            lines.push(Line::styled(format!("{}: {}", w.undated, safe(&self.lang.show_ids(&c.undated, ", "))), t.dim));
        }
        let sel = (!c.rows.is_empty()).then(|| self.editor.views().plan.schedule_row.min(c.rows.len() - 1));
        let (first, shown) = super::plan_lists::first_and_shown(&vec![1; lines.len()], sel, rows_area.height);
        let below = lines.len() - first - shown;
        super::list::more_titles(block, first, below, t, self.lang).render(area, buf);
        self.list(lines, sel, rows_area, buf);
    }
}
