//! The weighted evaluation: matrices EFI (internal) and EFE (external).

use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Cell, Row, StatefulWidget, Table, TableState, Widget};

use super::grid::render_input;
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
        let areas = if area.width >= 120 {
            Layout::horizontal([Constraint::Fill(1); 2]).split(area)
        } else {
            Layout::vertical([Constraint::Fill(1); 2]).split(area)
        };
        for (m, a) in Matrix::ALL.into_iter().zip(areas.iter()) {
            self.matrix(m, *a, buf);
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
        block.render(area, buf);
        if focused && let Mode::Input(target) = &editor.mode() {
            let h = 2.min(inner.height);
            inner.height -= h;
            render_input(target, theme, lang, Rect { y: inner.y + inner.height, height: h, ..inner }, buf);
        }
        let rows = editor.matrix_rows(m).into_iter().map(|(q, i)| {
            let f = &session.factors(q)[i];
            let num = |v: Option<String>| Cell::from(v.unwrap_or_else(|| "·".to_owned()));
            let score = f.weight.zip(f.rating).map(|(w, r)| lang.decimal(w * f64::from(r)));
            Row::new(vec![
                Cell::from(Span::styled(display_safe(&f.id).into_owned(), theme.quadrant(q))),
                Cell::from(display_safe(&f.text).into_owned()),
                num(f.weight.map(|w| lang.decimal(w))),
                num(f.rating.map(|r| r.to_string())),
                num(score),
            ])
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
        let mi = usize::from(m == Matrix::Efe);
        let mut state = TableState::default().with_selected(Some(editor.views().weights.rows[mi]));
        StatefulWidget::render(table, inner, buf, &mut state);
    }
}
