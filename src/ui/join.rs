//! The join prompt: two factors the room says are the same, both wordings
//! side by side, and the keys that choose which one stays.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::popup::{centred, frame};
use super::theme::Theme;
use crate::app::action::JoinKeep;
use crate::app::keymap::{self, Context};
use crate::app::{Action, Editor, Join};
use crate::domain::text::display_safe;
use crate::i18n::Lang;

pub fn render(editor: &Editor, join: &Join, theme: &Theme, lang: Lang, area: Rect, buf: &mut Buffer) {
    let s = editor.session();
    let factor = |id: &str| s.find_factor(id).map(|(q, i)| &s.factors(q)[i]);
    let (Some(kept), Some(gone)) = (factor(&join.into), factor(&join.from)) else { return };
    let t = lang.join_text();
    let key = |a: &Action| keymap::key_for(Context::JoinWording, a, lang);
    let width = area.width.min(72);
    // The text column: the frame, a margin and the key column.
    let keys_w = 4usize;
    let text_w = usize::from(width.saturating_sub(2)).saturating_sub(keys_w).max(8);
    let mut lines = vec![Line::styled(t.which, theme.text)];
    let options = [
        (key(&Action::JoinKeep(JoinKeep::Target)), format!("{} {}", lang.show_id(&kept.id), kept.text)),
        (key(&Action::JoinKeep(JoinKeep::Other)), format!("{} {}", lang.show_id(&gone.id), gone.text)),
        (key(&Action::StartEdit), t.write.to_owned()),
    ];
    for (k, text) in options {
        lines.push(Line::default());
        let text = display_safe(&text).into_owned();
        for (n, row) in textwrap::wrap(&text, text_w).into_iter().enumerate() {
            let k = if n == 0 { format!(" {k:<w$}", w = keys_w - 1) } else { " ".repeat(keys_w) };
            lines.push(Line::from(vec![Span::styled(k, theme.key), Span::styled(row.into_owned(), theme.text)]));
        }
    }
    lines.push(Line::default());
    for row in textwrap::wrap(&(t.keeps)(kept.votes, gone.votes), usize::from(width.saturating_sub(2)).max(8)) {
        lines.push(Line::styled(row.into_owned(), theme.dim));
    }
    let height = u16::try_from(lines.len()).unwrap_or(u16::MAX).saturating_add(2);
    let popup = centred(area, width, height);
    let title = (t.title)(&lang.show_id(&join.from), &lang.show_id(&join.into));
    let inner = frame(format!(" {} ", display_safe(&title)), theme, popup, buf);
    Paragraph::new(lines).render(inner, buf);
}
