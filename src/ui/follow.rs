//! The Seguimiento view (`S`): the year's line and record on top; the actions
//! grouped by eje and línea, then the indicators, against the years of the
//! horizon (`▰▰▱▱  50 ◐!`: the bar, the degree, the status mark, `!` en
//! retraso, so mono themes and printed copies read the same); below, the
//! selected row's previous and current year, kept in sight while this year's
//! value or note is typed. Presentation shows one year: a bar per eje.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Widget, Wrap};
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use crate::app::editor::Editor;
use crate::app::follow::{FollowRow, rows, years};
use crate::app::follow_form::{RECORD_FIELDS, RecordForm};
use crate::domain::text::display_safe;
use crate::domain::{ActionStanding, Session, YearProgress, indicator_progress};
use crate::export::report_build::{mark, num, pct, year_line};
use crate::i18n::Lang;

/// Width of a year's cell: `▰▰▱▱  50 ◐!`.
const CELL: usize = 11;
/// The narrowest the label column gets before years are left out.
const LABEL_MIN: usize = 18;

fn safe(text: &str) -> String {
    display_safe(text).into_owned()
}

/// `▰▰▱▱`: four segments, one per 25 points.
pub fn bar(degree: f64, segments: usize) -> String {
    let filled = ((degree.clamp(0.0, 100.0) / 100.0) * segments as f64).round() as usize;
    format!("{}{}", "▰".repeat(filled), "▱".repeat(segments - filled.min(segments)))
}

/// Cut (ending in `…`, so the row shows it was cut) or padded to `w` columns.
fn fit(text: &str, w: usize) -> String {
    let out = super::list::clip_end(text, w);
    let pad = w.saturating_sub(out.as_str().width());
    out + &" ".repeat(pad)
}

pub struct FollowView<'a> {
    pub editor: &'a Editor,
    pub theme: &'a Theme,
    pub lang: Lang,
    /// The day lateness is judged on ([`Editor::today`]), read once per frame.
    pub today: jiff::civil::Date,
}

impl Widget for FollowView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let (s, t, w) = (self.editor.session(), self.theme, self.lang.text().follow);
        let Some(year) = self.editor.follow_shown_year() else {
            let why = match s.meta.horizon {
                None => (w.no_horizon)(&meta_key(self.editor, self.lang)),
                Some(_) => w.no_actions.to_owned(),
            };
            Paragraph::new(Line::styled(why, t.caution)).wrap(Wrap { trim: true }).render(area, buf);
            return;
        };
        let input = self.editor.mode().input();
        let input_h = input.map_or(0, |i| super::grid::input_height(i, area.width));
        let [top, table, detail, bottom] = Layout::vertical([
            Constraint::Length(1),
            Constraint::Fill(1),
            Constraint::Length(if area.height >= 30 { 6 } else { 5 }),
            Constraint::Length(input_h),
        ])
        .areas(area);
        self.top(s, year, top, buf);
        let below = self.table(s, year, table, buf);
        self.detail(s, year, below, detail, buf);
        if let Some(input) = input {
            super::grid::render_input(input, t, self.lang, bottom, buf);
        }
        // The record overlay is drawn here, where the view leaves it room.
        if let Some(form) = self.editor.overlays().record() {
            record_form(form, t, self.lang, area, buf);
        }
    }
}

impl FollowView<'_> {
    fn top(&self, s: &Session, year: i16, area: Rect, buf: &mut Buffer) {
        let (t, w) = (self.theme, self.lang.text().follow);
        let mut spans =
            vec![Span::styled(year_line(s, year, self.lang, self.today), t.key), Span::styled(" · ", t.dim)];
        match s.year_review(year) {
            Some(r) => {
                // The date and the count of problems first, then who reviewed:
                // on a narrow screen the name is what is cut (with `…`).
                let mut parts: Vec<String> = r.date.iter().map(|&d| self.lang.locale().date(d)).collect();
                if !r.problems.is_empty() {
                    parts.push(format!("{} {}", r.problems.len(), w.problems));
                }
                // Who reviewed; with neither a date, problems nor a body, the
                // summary: the line shows that there is a record, never a bare `·`.
                if let Some(b) = r.body.as_ref().or(r.summary.as_ref().filter(|_| parts.is_empty())) {
                    let used: usize = spans.iter().map(|s| s.content.width()).sum();
                    let said = parts.iter().map(|p| p.width() + 3).sum::<usize>();
                    let room = usize::from(area.width).saturating_sub(used + said);
                    if room >= 1 {
                        parts.push(super::list::clip_end(&safe(b), room));
                    }
                }
                if parts.is_empty() {
                    spans.pop();
                }
                spans.push(Span::styled(parts.join(" · "), t.text));
            }
            None => spans.push(Span::styled(w.record_none, t.dim)),
        }
        Paragraph::new(super::list::fit_line(Line::from(spans), usize::from(area.width))).render(area, buf);
    }

    /// The years that fit beside the labels, keeping `year` in sight.
    fn visible_years(&self, s: &Session, year: i16, width: usize) -> Vec<i16> {
        let all = years(s);
        let fit = (width.saturating_sub(LABEL_MIN) / (CELL + 1)).clamp(1, all.len().max(1));
        let at = all.iter().position(|&y| y == year).unwrap_or(0);
        let first = (at + 1).saturating_sub(fit).min(all.len().saturating_sub(fit));
        all.into_iter().skip(first).take(fit).collect()
    }

    /// The table of rows against the years, scrolled to the selected row; the
    /// rows above it are counted in the head's blank corner ("↑ 3 más"). Returns
    /// how many rows are below, for the detail's top border ("↓ 5 más").
    fn table(&self, s: &Session, year: i16, area: Rect, buf: &mut Buffer) -> usize {
        let t = self.theme;
        let width = usize::from(area.width);
        let shown = self.visible_years(s, year, width);
        let label_w = width.saturating_sub(shown.len() * (CELL + 1));
        let progress: Vec<YearProgress> = shown.iter().map(|&y| s.progress_on(y, self.today)).collect();
        let all = rows(s);
        let selected = self.editor.follow_selected();
        let at = selected.and_then(|r| all.iter().position(|x| *x == r)).unwrap_or(0);
        let height = usize::from(area.height.saturating_sub(1));
        let first = (at + 1).saturating_sub(height);
        let below = all.len().saturating_sub(first + height);
        let above = if first > 0 { super::list::more_label(first, "↑", self.lang) } else { String::new() };
        let mut head = vec![Span::styled(fit(&above, label_w), if first > 0 { t.key } else { t.dim })];
        for &y in &shown {
            let style = if y == year { t.selected } else { t.key };
            head.push(Span::raw(" "));
            head.push(Span::styled(format!("{y:^CELL$}"), style));
        }
        buf.set_line(area.x, area.y, &Line::from(head), area.width);
        for (n, row) in all.iter().enumerate().skip(first).take(height) {
            let is_sel = Some(*row) == selected;
            let mut spans = vec![self.label(s, *row, year, label_w, is_sel)];
            for (k, &y) in shown.iter().enumerate() {
                let (text, style) = self.cell(s, *row, y, &progress[k]);
                spans.push(Span::raw(" "));
                spans.push(Span::styled(text, if is_sel && y == year { t.selected } else { style }));
            }
            let y = area.y + 1 + u16::try_from(n - first).unwrap_or(0);
            buf.set_line(area.x, y, &Line::from(spans), area.width);
        }
        below
    }

    fn label(&self, s: &Session, row: FollowRow, year: i16, w: usize, selected: bool) -> Span<'static> {
        let (t, words) = (self.theme, self.lang.text().follow);
        let (text, style) = match row {
            FollowRow::Axis(a) => (format!("{} {}", a + 1, safe(&s.axes[a].text)), t.title_bar),
            FollowRow::Line(i) => {
                let l = &s.lines[i];
                (format!(" {} {}", s.line_label(&l.id), safe(&l.text)), t.key)
            }
            FollowRow::NoLine => (words.no_line.to_owned(), t.title_bar),
            FollowRow::Indicators => (words.indicators.to_owned(), t.title_bar),
            FollowRow::Action(c, i) => {
                let a = &s.actions(c)[i];
                let text = format!("   {} {}", safe(&self.lang.show_id(&a.id)), safe(&a.text));
                // Its mark stays whole when the text is cut: ↻ carried and not yet
                // confirmed, + new this year (no review before it, in a plan reviewed before).
                let mark = if a.carried {
                    " ↻"
                } else if s.latest_review(&a.id, year - 1).is_none() && s.reviews.iter().any(|r| r.year < year) {
                    " +"
                } else {
                    ""
                };
                let text = format!("{}{mark}", super::list::clip_end(&text, w.saturating_sub(mark.width())));
                (text, t.text)
            }
            FollowRow::Indicator(i) => {
                let ind = &s.indicators[i];
                (format!("   {} {}", safe(&ind.id), safe(&ind.name)), t.text)
            }
        };
        Span::styled(fit(&text, w), if selected { t.selected } else { style })
    }

    /// A year's cell of a row and its style.
    fn cell(&self, s: &Session, row: FollowRow, year: i16, p: &YearProgress) -> (String, Style) {
        let t = self.theme;
        let rolled = |d: Option<f64>| match d {
            Some(d) => (format!("{} {:>3}  ", bar(d, 4), d.round()), t.key),
            None => (format!("{:^CELL$}", "—"), t.dim),
        };
        match row {
            FollowRow::Axis(a) => rolled(p.axes.get(a).and_then(|x| x.degree)),
            FollowRow::Line(i) => {
                let id = &s.lines[i].id;
                rolled(p.axes.iter().flat_map(|a| &a.lines).find(|l| l.id == *id).and_then(|l| l.degree))
            }
            FollowRow::NoLine | FollowRow::Indicators => (" ".repeat(CELL), t.dim),
            FollowRow::Action(c, i) => {
                let st = s.standing(c, &s.actions(c)[i], year).judged_on(self.today);
                action_cell(&st, year, t)
            }
            FollowRow::Indicator(i) => match s.indicator_value(&s.indicators[i].id, year) {
                Some(v) => (format!("{:>CELL$}", num(self.lang, v)), t.text),
                None => (format!("{:^CELL$}", "·"), t.dim),
            },
        }
    }

    /// The selected row's detail; `below`, the table's rows past the fold, is
    /// counted on its top border, right under them ("↓ 5 más").
    fn detail(&self, s: &Session, year: i16, below: usize, area: Rect, buf: &mut Buffer) {
        let (t, w, lang) = (self.theme, self.lang.text().follow, self.lang);
        let mut block = Block::bordered()
            .border_type(BorderType::Rounded)
            .border_style(t.border)
            .title(Line::styled(format!(" {} ", w.detail), t.title_bar));
        if below > 0 {
            block = block.title_top(Line::styled(super::list::more_label(below, "↓", lang), t.key).right_aligned());
        }
        let inner = block.inner(area);
        block.render(area, buf);
        let years = [year - 1, year];
        let lines: Vec<Line<'static>> = match self.editor.follow_selected() {
            Some(FollowRow::Action(c, i)) => {
                let a = &s.actions(c)[i];
                let mut lines = vec![Line::from(vec![
                    Span::styled(format!("{} ", safe(&lang.show_id(&a.id))), t.id),
                    Span::styled(safe(&a.text), t.text),
                ])];
                for y in years.into_iter().filter(|&y| s.check_review_year(y).is_ok()) {
                    let mut spans = vec![Span::styled(format!("{y}: "), if y == year { t.key } else { t.dim })];
                    match s.action_review(&a.id, y) {
                        Some(r) => {
                            let st = s.standing(c, a, y).judged_on(self.today);
                            let late = if st.late { "!" } else { "" };
                            let text = format!(
                                "{} {} {}{late} {}",
                                bar(f64::from(r.degree.get()), 4),
                                r.degree,
                                mark(r.status),
                                lang.status(r.status)
                            );
                            spans.push(Span::styled(text, t.text));
                            // The year's money, when any was recorded.
                            if r.committed.is_some() || r.paid.is_some() {
                                let l = lang.locale();
                                let show =
                                    |e: Option<crate::domain::Euros>| e.map_or("—".to_owned(), |e| l.money(e.cents));
                                let planned = a.planned_in(y).map(|e| l.money(e.cents)).unwrap_or_default();
                                let said = (lang.money().follow_detail)(&show(r.committed), &show(r.paid), &planned);
                                spans.push(Span::styled(format!(" · {said}"), t.text));
                            }
                            let note = r.note.as_deref().map_or_else(|| w.no_note.to_owned(), safe);
                            spans.push(Span::styled(
                                format!(" · {note}"),
                                if r.note.is_some() { t.text } else { t.dim },
                            ));
                        }
                        None => {
                            let st = s.standing(c, a, y);
                            let since =
                                st.reviewed.map(|r| format!(" · ({} {} {r})", st.degree.get(), mark(st.status)));
                            spans.push(Span::styled(format!("{}{}", w.not_reviewed, since.unwrap_or_default()), t.dim));
                        }
                    }
                    lines.push(Line::from(spans));
                }
                lines
            }
            Some(FollowRow::Indicator(i)) => {
                let ind = &s.indicators[i];
                let unit = ind.unit.as_deref().map(|u| format!(" ({})", safe(u))).unwrap_or_default();
                let ends = |label: &str, v: Option<f64>| {
                    format!("{label} {}", v.map_or_else(|| "—".to_owned(), |v| num(lang, v)))
                };
                let mut lines = vec![Line::from(vec![
                    Span::styled(format!("{} ", safe(&ind.id)), t.id),
                    Span::styled(format!("{}{unit}", safe(&ind.name)), t.text),
                    Span::styled(
                        format!(" · {} → {}", ends(w.baseline, ind.baseline), ends(w.target, ind.target)),
                        t.dim,
                    ),
                ])];
                for y in years.into_iter().filter(|&y| s.check_review_year(y).is_ok()) {
                    let value = s.indicator_value(&ind.id, y);
                    let text = match value {
                        Some(v) => {
                            let p =
                                indicator_progress(ind, v).map(|p| format!(" ({})", pct(lang, p))).unwrap_or_default();
                            format!("{}{p}", num(lang, v))
                        }
                        None => "—".to_owned(),
                    };
                    // The hito meant for that year, beside what was reached.
                    let hito = ind
                        .milestone(y)
                        .map(|m| format!(" · {} {}", lang.indicator_words().milestone, num(lang, m)))
                        .unwrap_or_default();
                    lines.push(Line::from(vec![
                        Span::styled(format!("{y}: "), if y == year { t.key } else { t.dim }),
                        Span::styled(text, t.text),
                        Span::styled(hito, t.dim),
                    ]));
                }
                lines
            }
            _ => Vec::new(),
        };
        // One row each, never wrapped: last year's line stays in sight; a row
        // too long for the pane ends in `…`.
        let lines: Vec<Line> = lines.into_iter().map(|l| super::list::fit_line(l, usize::from(inner.width))).collect();
        Paragraph::new(lines).render(inner, buf);
    }
}

/// An action's cell: its own review that year; an earlier one's, dimmed and in
/// brackets; `—` before its first.
fn action_cell(st: &ActionStanding, year: i16, t: &Theme) -> (String, Style) {
    let late = if st.late { "!" } else { " " };
    let style = if st.late {
        t.warn
    } else if st.status == crate::domain::Status::Done {
        t.ok
    } else {
        t.text
    };
    let (degree, status) = (st.degree.get(), mark(st.status));
    match st.reviewed {
        Some(y) if y == year => (format!("{} {degree:>3} {status}{late}", bar(f64::from(degree), 4)), style),
        Some(_) => (format!("{:>CELL$}", format!("({degree} {status}{})", late.trim())), t.dim),
        None => (format!("{:^CELL$}", "—"), t.dim),
    }
}

/// Whether the Seguimiento view is shown with nothing to follow (no horizon,
/// no actions): it says why, and its keys for a year's degrees do nothing.
pub fn idle(editor: &Editor) -> bool {
    editor.view() == crate::app::editor::View::Follow && editor.follow_shown_year().is_none()
}

/// The key of the session's details (`M`), where the horizon is written.
fn meta_key(editor: &Editor, lang: Lang) -> String {
    crate::app::keymap::key_for(editor.view_context(), &crate::app::Action::EditMeta, lang)
}

/// Presentation of one year: its line on top, a bar per eje, big enough for the room.
pub fn present(editor: &Editor, theme: &Theme, lang: Lang, area: Rect, buf: &mut Buffer) {
    let s = editor.session();
    let Some(year) = editor.follow_year() else {
        let why = (lang.text().follow.no_horizon)(&meta_key(editor, lang));
        Paragraph::new(Line::styled(why, theme.caution)).wrap(Wrap { trim: true }).render(area, buf);
        return;
    };
    let today = editor.today();
    let p = s.progress_on(year, today);
    let title = format!("{} {year} · {}", lang.text().follow.view_name, safe(&s.meta.title));
    let mut lines = vec![Line::styled(title, theme.title_bar), Line::default()];
    let bar_w = usize::from(area.width).saturating_sub(12).max(4);
    for (a, axis) in p.axes.iter().enumerate() {
        let text = s.axes.get(a).map(|x| safe(&x.text)).unwrap_or_default();
        lines.push(Line::from(vec![Span::styled(format!("{} ", a + 1), theme.key), Span::styled(text, theme.text)]));
        let (b, n) = match axis.degree {
            Some(d) => (bar(d, bar_w), pct(lang, d)),
            None => (" ".repeat(bar_w), "—".to_owned()),
        };
        lines.push(Line::from(vec![Span::styled(b, theme.key), Span::styled(format!(" {n}"), theme.title_bar)]));
        lines.push(Line::default());
    }
    let [body, foot] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    Paragraph::new(lines).render(body, buf);
    Paragraph::new(Line::styled(year_line(s, year, lang, today), theme.title_bar).centered()).render(foot, buf);
}

/// The year's review record form, over the view.
fn record_form(f: &RecordForm, theme: &Theme, lang: Lang, area: Rect, buf: &mut Buffer) {
    let popup = super::popup::centred(area, 72, 2 + 2 * RECORD_FIELDS as u16);
    let w = lang.text().follow;
    let title = format!(" {} {} ", w.record_of, f.year);
    let labels: Vec<String> = w.record_fields.iter().map(|l| (*l).to_owned()).collect();
    let fields = super::popup::Fields { labels: &labels, values: &f.fields, active: f.active };
    super::popup::fields(title, fields, theme, lang, popup, buf);
}
