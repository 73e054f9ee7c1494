//! Header, status line and footer shared by every screen.

use crate::theme::Theme;
use crate::tui::model::{Model, Status};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use unicode_width::UnicodeWidthStr;

/// Formats unix seconds in Ambon time (WIT, UTC+9).
pub fn format_time(unix: i64) -> String {
    crate::wit::stamp(unix)
}

pub fn header(m: &Model, theme: &Theme, frame: &mut Frame, area: Rect) {
    let t = m.t();
    let mut left = format!(" {} ", t.app_name);
    if let Some(p) = m.org.period(&m.period) {
        left.push_str(&format!("· {}: {} ", t.period, p.name));
    }
    if let Some(me) = m.me_person().filter(|_| !m.locked) {
        left.push_str(&format!("· {} ", me.name));
    }
    let (right, style) = match &m.status {
        Status::Saving => (format!("◌ {} ", t.saving), theme.saving),
        Status::Saved => (format!("● {} ", t.saved), theme.saved),
        _ => (String::new(), theme.header),
    };
    // The save indicator always shows; the left part gives way.
    let room = (area.width as usize).saturating_sub(right.width());
    let left = if left.width() > room {
        super::roster::pad(&left, room)
    } else {
        left
    };
    let pad = room.saturating_sub(left.width());
    let line = Line::from(vec![
        Span::styled(left, theme.header),
        Span::styled(" ".repeat(pad), theme.header),
        Span::styled(right, theme.header.patch(style)),
    ]);
    frame.render_widget(Paragraph::new(line).style(theme.header), area);
}

pub fn status(m: &Model, theme: &Theme, frame: &mut Frame, area: Rect) {
    let (text, style) = match &m.status {
        Status::Info(s) => (s.as_str(), theme.muted),
        Status::Warning(s) => (s.as_str(), theme.warning),
        Status::Error(s) => (s.as_str(), theme.error),
        _ => ("", theme.text),
    };
    frame.render_widget(
        Paragraph::new(Line::styled(format!(" {text}"), style)),
        area,
    );
}

/// Key hints generated from the keymap, as many as fit.
pub fn footer(m: &Model, theme: &Theme, frame: &mut Frame, area: Rect) {
    let t = m.t();
    let mut spans = vec![Span::raw(" ")];
    let hint = |b: &crate::tui::keymap::Binding| {
        let key = b.keys.first()?.label();
        let desc = t.action(&b.action);
        Some((key.width() + desc.width() + 3, key, desc))
    };
    let (own, global) = m.keymap.hints(m.context());
    let global: Vec<_> = global.into_iter().filter_map(hint).collect();
    // The first global hint (help) stays in view; the screen's own hints
    // fill the room in order, then the other global ones if they fit:
    // help lists whatever did not.
    let width = area.width as usize;
    let mut used = 1 + global.first().map_or(0, |h| h.0);
    let mut shown = Vec::new();
    let mut own = own.into_iter().filter_map(hint);
    for h in own.by_ref() {
        if used + h.0 > width {
            break;
        }
        used += h.0;
        shown.push(h);
    }
    let mut global = global.into_iter();
    shown.extend(global.next());
    for h in global {
        if used + h.0 > width {
            break;
        }
        used += h.0;
        shown.push(h);
    }
    for (_, key, desc) in shown {
        spans.push(Span::styled(key, theme.key));
        spans.push(Span::styled(format!(" {desc}  "), theme.footer));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)).style(theme.footer), area);
}
