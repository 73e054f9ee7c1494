//! The first-run screen: offer the demo, explain importing.

use crate::theme::Theme;
use crate::tui::action::Action;
use crate::tui::keymap::Context;
use crate::tui::model::Model;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Paragraph, Widget, Wrap};

pub fn draw(m: &Model, theme: &Theme, buf: &mut Buffer, area: Rect) {
    let t = m.t();
    let [_, mid, _] = area.layout(&Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Max(72),
        Constraint::Fill(1),
    ]));
    let [_, card, _] = mid.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(12),
        Constraint::Fill(1),
    ]));
    let text = vec![
        Line::styled(t.first_run_body, theme.text),
        Line::raw(""),
        Line::styled(
            crate::i18n::fill(
                t.first_run_demo,
                &[("key", &m.keys(Context::FirstRun, &Action::LoadDemo))],
            ),
            theme.key,
        ),
        Line::raw(""),
        Line::styled(t.first_run_import, theme.muted),
    ];
    Paragraph::new(text)
        .wrap(Wrap { trim: true })
        .block(
            Block::bordered()
                .border_type(BorderType::Rounded)
                .border_style(theme.border_focused)
                .title(Line::styled(
                    format!(" {} ", t.first_run_title),
                    theme.title,
                )),
        )
        .render(card, buf);
}
