//! The weighted evaluation: matrices EFI (internal) and EFE (external).

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Cell, Row, StatefulWidget, Table, TableState, Widget};

use super::grid::render_input;
use super::list::Window;
use super::pages::page_of;
use super::theme::Theme;
use crate::app::editor::{Editor, Mode};
use crate::domain::Matrix;
use crate::domain::text::display_safe;
use crate::i18n::Lang;

pub struct WeightsView<'a> {
    pub editor: &'a Editor,
    pub theme: &'a Theme,
    pub lang: Lang,
}

impl Widget for WeightsView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        // Presenting, a matrix with no factors takes no room from the other.
        if self.editor.presenting() {
            let filled: Vec<Matrix> =
                Matrix::ALL.into_iter().filter(|&m| !self.editor.matrix_rows(m).is_empty()).collect();
            if let [only] = filled[..] {
                self.matrix(only, area, buf);
                return;
            }
        }
        let areas = if area.width >= 120 { super::split::columns(area) } else { super::split::rows(area) };
        for (m, a) in Matrix::ALL.into_iter().zip(areas) {
            self.matrix(m, a, buf);
        }
    }
}

impl WeightsView<'_> {
    fn matrix(&self, m: Matrix, area: Rect, buf: &mut Buffer) {
        let (editor, theme, lang) = (self.editor, self.theme, self.lang);
        let session = editor.session();
        let focused = editor.matrix() == m;
        let eval = session.evaluate(m);
        let ui = &lang.text().ui;
        let name = match m {
            Matrix::Efi => ui.weights_titles[0],
            Matrix::Efe => ui.weights_titles[1],
        };
        let sum = format!(" Σ {} {} ", ui.weights_sum, lang.decimal(eval.weight_sum));
        let (sum_note, sum_style) = if eval.balanced() {
            (String::new(), theme.ok)
        } else {
            (format!("≠ {} ", lang.decimal(1.0)), theme.caution)
        };
        let total = format!(" total {} ({} {}) ", lang.decimal(eval.total), ui.weights_average, lang.decimal(2.5));
        let block = Block::bordered()
            .border_type(if focused { BorderType::Thick } else { BorderType::Rounded })
            .border_style(if focused { theme.focus_border } else { theme.border })
            .title(Line::styled(format!(" {name} "), theme.title_bar))
            .title_bottom(
                Line::from(vec![Span::styled(sum, sum_style), Span::styled(sum_note, sum_style)]).left_aligned(),
            )
            .title_bottom(Line::styled(total, theme.key).right_aligned());
        let mut inner = block.inner(area);
        if focused && let Mode::Input(target) = &editor.mode() {
            let h = super::grid::input_height(target, inner.width).min(inner.height);
            inner.height -= h;
            render_input(target, theme, lang, Rect { y: inner.y + inner.height, height: h, ..inner }, buf);
        }
        // The factor column: what the other columns and the spaces between them leave.
        let text_width = usize::from(inner.width.saturating_sub(4 + 6 + 6 + 5 + 4)).max(8);
        let factors = editor.matrix_rows(m);
        let mi = usize::from(m == Matrix::Efe);
        let selected = editor.views().weights.rows[mi].min(factors.len().saturating_sub(1));
        let text_of = |pos: usize| {
            let (q, i) = factors[pos];
            display_safe(&session.factors(q)[i].text).into_owned()
        };
        // The whole factor is read: its text wraps, and the row grows.
        let wrapped = |pos: usize| -> Vec<Line<'static>> {
            textwrap::wrap(&text_of(pos), text_width).into_iter().map(|l| Line::from(l.into_owned())).collect()
        };
        let rows_height = usize::from(inner.height.saturating_sub(1));
        let (window, block) = if editor.presenting() {
            // Presenting, what does not fit goes on pages of whole rows, the selection's showing.
            let all: Vec<Vec<Line<'static>>> = (0..factors.len()).map(wrapped).collect();
            let heights: Vec<usize> = all.iter().map(|l| l.len().max(1)).collect();
            let page = page_of(&heights, rows_height, selected);
            let lines = all[page.first..page.end].iter().flatten().cloned().collect();
            let heights = heights[page.first..page.end].to_vec();
            let window = Window { lines, above: page.first, below: factors.len() - page.end, heights };
            let block = match page.label(lang) {
                Some(label) => block.title_top(Line::styled(label, theme.key).right_aligned()),
                None => block,
            };
            (window, block)
        } else {
            // Only the rows around the selection that fit, with "↑ n más" / "↓ n más" for the others.
            let window = Window::of(factors.len(), Some(selected), text_width, rows_height, wrapped);
            let block = window.titles(block, theme, lang);
            (window, block)
        };
        block.render(area, buf);
        let visible = window.above..window.above + window.heights.len();
        // The window's lines, cut back into rows by its heights: each text is wrapped once.
        let mut lines = window.lines.into_iter();
        // A row taller than the table (a long factor at 80x24, any at 40x12) is cut to
        // fit: ratatui's table leaves out a row it cannot draw whole, which would
        // leave the table empty.
        let fits = rows_height.max(1);
        let per_row: Vec<Vec<Line>> = window
            .heights
            .iter()
            .map(|&h| {
                let mut row: Vec<Line> = lines.by_ref().take(h).collect();
                if row.len() > fits {
                    row.truncate(fits);
                    if let Some(last) = row.last_mut() {
                        last.spans.push(Span::raw(" …"));
                    }
                }
                row
            })
            .collect();
        let rows = visible.clone().zip(per_row).map(|(pos, lines)| {
            let (q, i) = factors[pos];
            let f = &session.factors(q)[i];
            let num = |v: Option<String>| Cell::from(v.unwrap_or_else(|| "·".to_owned()));
            let score = f.weight.zip(f.rating).map(|(w, r)| lang.decimal(w * f64::from(r)));
            let height = lines.len().max(1) as u16;
            Row::new(vec![
                Cell::from(Span::styled(display_safe(&lang.show_id(&f.id)).into_owned(), theme.quadrant(q))),
                Cell::from(ratatui::text::Text::from(lines)),
                num(f.weight.map(|w| lang.decimal(w))),
                num(f.rating.map(|r| r.to_string())),
                num(score),
            ])
            .height(height)
        });
        let header = Row::new(
            ["", ui.weights_columns[0], ui.weights_columns[1], ui.weights_columns[2], ui.weights_columns[3]]
                .map(|h| Cell::from(Span::styled(h, theme.dim))),
        );
        let table = Table::new(
            rows,
            [
                Constraint::Length(4),
                Constraint::Fill(1),
                Constraint::Length(6),
                Constraint::Length(6),
                Constraint::Length(5),
            ],
        )
        .header(header)
        .row_highlight_style(if focused { theme.selected } else { theme.text });
        let mut state =
            TableState::default().with_selected(visible.contains(&selected).then(|| selected - visible.start));
        StatefulWidget::render(table, inner, buf, &mut state);
    }
}
