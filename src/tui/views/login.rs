//! Login: pick yourself from the people on the roster.

use super::roster::{filter_line, scroll_to};
use crate::theme::Theme;
use crate::tui::model::Model;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Widget};

pub fn draw(m: &Model, theme: &Theme, buf: &mut Buffer, area: Rect) {
    let t = m.t();
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border_focused)
        .title(Line::styled(format!(" {} ", t.login_title), theme.title));
    let inner = block.inner(area);
    block.render(area, buf);
    let [hint, filter, list] = inner.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Min(1),
    ]));
    Line::styled(t.login_hint, theme.muted).render(hint, buf);
    filter_line(t, &m.login, theme).render(filter, buf);
    let rows = m.login_rows();
    if rows.is_empty() {
        let msg = if m.logins.is_empty() {
            t.login_empty
        } else {
            t.no_match
        };
        Line::styled(msg, theme.muted).render(list, buf);
        return;
    }
    let lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let unit = m.org.unit(&p.unit).map_or("", |u| u.name.as_str());
            let style = if i == m.login.selected {
                theme.selected
            } else {
                theme.text
            };
            Line::from(vec![
                Span::styled(format!(" {} ", p.name), style),
                Span::styled(format!(" {} · {}", p.nip, unit), theme.muted),
            ])
        })
        .collect();
    let offset = scroll_to(m.login.selected, list.height);
    Paragraph::new(lines).scroll((offset, 0)).render(list, buf);
}
