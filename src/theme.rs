//! Placeholder theme until the theme branch lands (same public fields).

use ratatui::style::{Color, Modifier, Style};

/// Semantic styles used by the views.
#[derive(Debug, Clone)]
pub struct Theme {
    pub name: String,
    pub text: Style,
    pub muted: Style,
    pub title: Style,
    pub border: Style,
    pub border_focused: Style,
    pub selected: Style,
    pub header: Style,
    pub footer: Style,
    pub key: Style,
    pub saved: Style,
    pub saving: Style,
    pub warning: Style,
    pub error: Style,
    pub rating_below: Style,
    pub rating_meets: Style,
    pub rating_above: Style,
    pub progress_done: Style,
    pub progress_todo: Style,
    pub highlight: Style,
    pub input: Style,
}

impl Theme {
    pub fn builtin(_name: &str) -> Option<Self> {
        let s = Style::default();
        Some(Self {
            name: "default".into(),
            text: s,
            muted: s.fg(Color::DarkGray),
            title: s.add_modifier(Modifier::BOLD),
            border: s.fg(Color::DarkGray),
            border_focused: s.fg(Color::Cyan),
            selected: s.add_modifier(Modifier::REVERSED),
            header: s.bg(Color::Blue).fg(Color::White),
            footer: s.fg(Color::Gray),
            key: s.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            saved: s.fg(Color::Green),
            saving: s.fg(Color::Yellow),
            warning: s.fg(Color::Yellow),
            error: s.fg(Color::Red).add_modifier(Modifier::BOLD),
            rating_below: s.fg(Color::Red),
            rating_meets: s.fg(Color::Blue),
            rating_above: s.fg(Color::Green),
            progress_done: s.fg(Color::Green),
            progress_todo: s.fg(Color::DarkGray),
            highlight: s.add_modifier(Modifier::REVERSED | Modifier::BOLD),
            input: s,
        })
    }
}
