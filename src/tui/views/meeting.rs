//! Meeting mode: a unit's feedback notes, newest first, large and plain
//! enough for a projector. Names, criteria and the notes themselves only:
//! never a rating or a predikat.

use crate::domain::Tone;
use crate::i18n::fill;
use crate::theme::Theme;
use crate::tui::action::Action;
use crate::tui::keymap::Context;
use crate::tui::model::Model;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::style::Modifier;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Widget, Wrap};

pub fn draw(m: &Model, theme: &Theme, buf: &mut Buffer, area: Rect) {
    let Some(meeting) = &m.meeting else { return };
    let t = m.t();
    let unit = m
        .org
        .unit(&meeting.unit)
        .map_or(meeting.unit.as_str(), |u| u.name.as_str());
    let period = m
        .org
        .period(&m.active_period)
        .map_or(m.active_period.as_str(), |p| p.name.as_str());
    let count = fill(
        t.meeting_count,
        &[("n", &meeting.notes.len().to_string()), ("period", period)],
    );
    let block = Block::bordered()
        .border_type(BorderType::Thick)
        .border_style(theme.border_focused)
        .title(Line::styled(
            format!(" {} ", fill(t.meeting_title, &[("unit", unit)])),
            theme.title,
        ))
        .title(Line::styled(format!(" {count} "), theme.muted).right_aligned());
    let inner = block.inner(area).inner(Margin::new(2, 1));
    block.render(area, buf);
    if meeting.notes.is_empty() {
        let key = m.keys(Context::Meeting, &Action::QuickFeedback);
        Paragraph::new(Line::styled(
            fill(t.meeting_empty, &[("key", &key)]),
            theme.text,
        ))
        .wrap(Wrap { trim: true })
        .render(inner, buf);
        return;
    }
    let bold = |s: ratatui::style::Style| s.add_modifier(Modifier::BOLD);
    let mut lines = Vec::new();
    for f in meeting.notes.iter().skip(meeting.scroll) {
        let person = m.person(&f.key.employee);
        let name = person.map_or_else(|| f.key.employee.to_string(), |p| p.name.clone());
        let criterion = f.criterion.as_deref().and_then(|id| {
            person.and_then(|p| {
                m.criteria(p)
                    .into_iter()
                    .find(|c| c.criterion.id == id)
                    .map(|c| c.criterion.name.clone())
            })
        });
        let sign = match f.tone {
            Tone::Positive => bold(theme.saved),
            Tone::Negative => bold(theme.warning),
        };
        let mut head = vec![
            Span::styled(format!("{}  ", f.tone.sign()), sign),
            Span::styled(name, bold(theme.title)),
        ];
        if let Some(c) = criterion {
            head.push(Span::styled(format!(" · {c}"), theme.muted));
        }
        let author = m
            .person(&f.author)
            .map_or_else(|| f.author.to_string(), |p| p.name.clone());
        lines.push(Line::from(head));
        lines.push(Line::from(vec![
            Span::raw("   "),
            Span::styled(f.text.clone(), bold(theme.text)),
        ]));
        lines.push(Line::styled(
            format!(
                "   {} · {}",
                super::format_time(f.at),
                fill(t.meeting_by, &[("who", &author)])
            ),
            theme.muted,
        ));
        lines.push(Line::raw(""));
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .render(inner, buf);
}

/// Locked, the room keeps its screen; the PIN prompt sits below it.
pub fn draw_locked(m: &Model, theme: &Theme, buf: &mut Buffer, area: Rect) {
    let [top, bottom] = area.layout(&Layout::vertical([
        Constraint::Min(3),
        Constraint::Length(9),
    ]));
    draw(m, theme, buf, top);
    super::pin::draw(m, theme, buf, bottom);
}
