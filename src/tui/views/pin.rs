//! The PIN prompt, and the lock screen (which shows nothing personal).

use crate::domain::pin::LENGTH;
use crate::i18n::fill;
use crate::theme::Theme;
use crate::tui::model::{Model, PinStage};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Flex, Layout, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Block, BorderType, Paragraph, Widget, Wrap};

pub fn draw(m: &Model, theme: &Theme, buf: &mut Buffer, area: Rect) {
    let t = m.t();
    let Some(entry) = &m.pin else { return };
    let title = if m.locked {
        t.lock_title.to_string()
    } else {
        let name = m.person(&entry.nip).map_or("", |p| p.name.as_str());
        fill(t.pin_title, &[("name", name)])
    };
    let [col] = Layout::horizontal([Constraint::Max(64)])
        .flex(Flex::Center)
        .areas(area);
    let [boxed] = Layout::vertical([Constraint::Length(9)])
        .flex(Flex::Center)
        .areas(col);
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border_focused)
        .title(Line::styled(format!(" {title} "), theme.title));
    let inner = block.inner(boxed);
    block.render(boxed, buf);
    let prompt = match &entry.stage {
        PinStage::Asking => t.pin_checking,
        PinStage::Enter => t.pin_enter,
        PinStage::New => t.pin_new,
        PinStage::Confirm { .. } => t.pin_confirm,
    };
    let dots: String = (0..LENGTH)
        .map(|i| {
            if i < entry.digits.len() {
                "● "
            } else {
                "○ "
            }
        })
        .collect();
    let mut lines = Vec::new();
    if m.locked {
        lines.push(Line::styled(t.lock_hint, theme.muted));
    }
    lines.push(Line::styled(prompt, theme.text));
    lines.push(Line::styled(format!("  {}", dots.trim_end()), theme.title));
    if let Some(msg) = &entry.message {
        lines.push(Line::styled(msg.clone(), theme.warning));
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: true })
        .render(inner, buf);
}
