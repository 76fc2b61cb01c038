//! The plan view: misión, visión and valores on top; the tree of ejes and
//! líneas (numbered 1, 1.1…) or the cronograma; the actions of the selected
//! línea and the tray of actions with none; the retos with their sources and
//! the coverage line at the bottom.

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget, Wrap};

use super::theme::Theme;
use crate::app::editor::{Editor, Mode};
use crate::app::plan::{PlanItem, TreeRow, placed, selected_line, tray, tree};
use crate::app::selection::PlanPane;
use crate::domain::Session;
use crate::domain::text::display_safe;
use crate::export::plan_md::source_label;
use crate::i18n::Lang;
use crate::i18n::plan_words::PlanWords;

pub struct PlanView<'a> {
    pub editor: &'a Editor,
    pub theme: &'a Theme,
    pub lang: Lang,
}

fn safe(text: &str) -> String {
    display_safe(text).into_owned()
}

impl Widget for PlanView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let s = self.editor.session();
        let w = self.lang.text().plan_report;
        let band = if area.height >= 30 { 4 } else { 3 };
        let [top, middle, bottom] =
            Layout::vertical([Constraint::Length(band), Constraint::Fill(1), Constraint::Length(2)]).areas(area);
        self.band(s, w, top, buf);
        let [left, right] = Layout::horizontal([Constraint::Percentage(50), Constraint::Fill(1)]).areas(middle);
        if self.editor.views().plan.schedule {
            self.schedule(s, w, left, buf);
        } else {
            self.tree(s, w, left, buf);
        }
        let [placed_area, tray_area] = Layout::vertical([Constraint::Fill(1); 2]).areas(right);
        self.placed(s, w, placed_area, buf);
        self.tray(s, w, tray_area, buf);
        self.footer(s, w, bottom, buf);
        if let Mode::Input(input) = self.editor.mode() {
            Clear.render(bottom, buf);
            super::grid::render_input(input, self.theme, self.lang, bottom, buf);
        }
    }
}

impl PlanView<'_> {
    fn block(&self, title: String, pane: Option<PlanPane>) -> Block<'static> {
        let focused = pane.is_some_and(|p| p == self.editor.views().plan.pane);
        Block::bordered()
            .border_type(if focused { BorderType::Thick } else { BorderType::Rounded })
            .border_style(if focused { self.theme.focus_border } else { self.theme.border })
            .title(Line::styled(format!(" {title} "), self.theme.title_bar))
    }

    fn band(&self, s: &Session, w: &PlanWords, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let field = |label: &str, text: String| {
            Line::from(vec![Span::styled(format!("{label}: "), t.key), Span::styled(text, t.text)])
        };
        let mut lines = vec![
            field(w.mission, s.mission.as_deref().map(safe).unwrap_or_else(|| "—".to_owned())),
            field(w.vision, s.vision.as_deref().map(safe).unwrap_or_else(|| "—".to_owned())),
            field(w.values, s.values.iter().map(|v| safe(v)).collect::<Vec<_>>().join(" · ")),
        ];
        if let Some(h) = s.meta.horizon {
            lines.insert(0, field(w.horizon, h.to_string()));
        }
        let height = usize::from(area.height);
        if lines.len() > height {
            lines.remove(0);
        }
        Paragraph::new(lines).render(area, buf);
    }

    fn list(&self, rows: Vec<Line<'static>>, selected: Option<usize>, area: Rect, buf: &mut Buffer) {
        let height = usize::from(area.height);
        let first = selected.map_or(0, |sel| (sel + 1).saturating_sub(height));
        for (n, mut line) in rows.into_iter().enumerate().skip(first).take(height) {
            if Some(n) == selected {
                line = line.style(self.theme.selected);
            }
            let y = area.y + u16::try_from(n - first).unwrap_or(0);
            buf.set_line(area.x, y, &line, area.width);
        }
    }

    fn tree(&self, s: &Session, w: &PlanWords, area: Rect, buf: &mut Buffer) {
        let block = self.block(w.axes_lines.to_owned(), Some(PlanPane::Tree));
        let inner = block.inner(area);
        block.render(area, buf);
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
            Paragraph::new(Line::styled("—", t.dim)).render(inner, buf);
            return;
        }
        let sel = self.editor.views().plan.tree.min(lines.len() - 1);
        self.list(lines, Some(sel), inner, buf);
    }

    fn schedule(&self, s: &Session, w: &PlanWords, area: Rect, buf: &mut Buffer) {
        let block = self.block(w.schedule.to_owned(), Some(PlanPane::Tree));
        let inner = block.inner(area);
        block.render(area, buf);
        let t = self.theme;
        let Some(c) = s.schedule() else {
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
        let mut lines = vec![Line::from(head)];
        for r in &c.rows {
            let mut spans = vec![Span::styled(format!("{:<6}", safe(&self.lang.show_id(&r.id))), t.id)];
            spans.extend(r.active.iter().map(|&on| Span::styled(cell(if on { "■" } else { "·" }.to_owned()), t.text)));
            lines.push(Line::from(spans));
        }
        if !c.undated.is_empty() {
            lines.push(Line::styled(format!("{}: {}", w.undated, c.undated.join(", ")), t.dim));
        }
        Paragraph::new(lines).render(inner, buf);
    }

    fn item_line(&self, s: &Session, item: PlanItem) -> Line<'static> {
        let (id, text) = item.show(s);
        Line::from(vec![
            Span::styled(format!("{:<5}", safe(id)), self.theme.id),
            Span::styled(safe(text), self.theme.text),
        ])
    }

    fn placed(&self, s: &Session, w: &PlanWords, area: Rect, buf: &mut Buffer) {
        let line = selected_line(s, self.editor.views().plan.tree);
        let title = match line {
            Some(i) => format!("{} {}", s.line_label(&s.lines[i].id), w.col_action),
            None => w.col_action.to_owned(),
        };
        let block = self.block(title, Some(PlanPane::Actions));
        let inner = block.inner(area);
        block.render(area, buf);
        let items = line.map(|i| placed(s, &s.lines[i].id)).unwrap_or_default();
        let rows: Vec<Line<'static>> = items.iter().map(|&it| self.item_line(s, it)).collect();
        let focused = self.editor.views().plan.pane == PlanPane::Actions;
        let sel = (focused && !rows.is_empty()).then(|| self.editor.views().plan.actions.min(rows.len() - 1));
        self.list(rows, sel, inner, buf);
    }

    fn tray(&self, s: &Session, w: &PlanWords, area: Rect, buf: &mut Buffer) {
        let items = tray(s);
        let block = self.block(format!("{} ({})", w.no_line, items.len()), Some(PlanPane::Tray));
        let inner = block.inner(area);
        block.render(area, buf);
        let rows: Vec<Line<'static>> = items.iter().map(|&it| self.item_line(s, it)).collect();
        let focused = self.editor.views().plan.pane == PlanPane::Tray;
        let sel = (focused && !rows.is_empty()).then(|| self.editor.views().plan.tray.min(rows.len() - 1));
        self.list(rows, sel, inner, buf);
    }

    fn footer(&self, s: &Session, w: &PlanWords, area: Rect, buf: &mut Buffer) {
        let t = self.theme;
        let retos: Vec<Span<'static>> = s
            .challenges
            .iter()
            .flat_map(|c| {
                let from: Vec<String> = c
                    .from
                    .iter()
                    .map(|src| {
                        let label = safe(&source_label(src, w, self.lang));
                        if src.exists(s) { label } else { format!("{label}?") }
                    })
                    .collect();
                [
                    Span::styled(format!("{} ", safe(&c.id)), t.id),
                    Span::styled(safe(&c.text), t.text),
                    Span::styled(format!(" ({})  ", from.join(", ")), t.linked),
                ]
            })
            .collect();
        let lines_without = s.lines_without_actions().len();
        let actions_without = s.actions_without_line().len();
        let coverage = Line::from(vec![
            Span::styled(
                format!("{}: {lines_without}", w.lines_without_actions),
                if lines_without > 0 { t.caution } else { t.ok },
            ),
            Span::styled(" · ", t.dim),
            Span::styled(
                format!("{}: {actions_without}", w.actions_without_line),
                if actions_without > 0 { t.caution } else { t.ok },
            ),
        ]);
        let [retos_area, coverage_area] = Layout::vertical([Constraint::Length(1); 2]).areas(area);
        let mut head = vec![Span::styled(format!("{}: ", w.challenges), t.key)];
        head.extend(retos);
        Paragraph::new(Line::from(head)).wrap(Wrap { trim: true }).render(retos_area, buf);
        coverage.render(coverage_area, buf);
    }
}
