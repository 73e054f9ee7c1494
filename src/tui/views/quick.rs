//! The quick-feedback overlay: the employee picker, then the note.

use super::overlay::centered;
use crate::domain::Tone;
use crate::i18n::fill;
use crate::theme::Theme;
use crate::tui::action::Action;
use crate::tui::keymap::Context;
use crate::tui::model::{Model, QuickNote, QuickStage};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};

/// The most names listed at once.
const LIST: usize = 8;

pub fn draw(m: &Model, q: &QuickNote, theme: &Theme, frame: &mut Frame, area: Rect) {
    let t = m.t();
    let keys = |a: &Action| m.keys(Context::Quick, a);
    let (tone_label, tone_style) = match q.tone {
        Tone::Positive => (t.quick_praise, theme.saved),
        Tone::Negative => (t.quick_improve, theme.warning),
    };
    let mut title = vec![Span::styled(format!(" {} ", t.quick_title), theme.title)];
    let (lines, hint) = match q.stage {
        QuickStage::Pick => (pick_lines(m, q, theme), t.quick_pick.to_string()),
        QuickStage::Text => {
            title.push(Span::styled(
                format!("· {} {tone_label} ", q.tone.sign()),
                tone_style,
            ));
            let hint = fill(
                t.quick_text,
                &[
                    ("tab", &keys(&Action::NextCriterion)),
                    ("enter", &keys(&Action::SaveText)),
                    ("esc", &keys(&Action::Back)),
                ],
            );
            (about_lines(m, q, theme), hint)
        }
    };
    let text_row = u16::from(q.stage == QuickStage::Text);
    let height = lines.len() as u16 + text_row + 2;
    let rect = centered(area, area.width.saturating_sub(4).min(80), height);
    frame.render_widget(Clear, rect);
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border_focused)
        .title(Line::from(title))
        .title_bottom(Line::styled(format!(" {hint} "), theme.muted));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let [top, input] = inner.layout(&Layout::vertical([
        Constraint::Length(lines.len() as u16),
        Constraint::Length(text_row),
    ]));
    frame.render_widget(Paragraph::new(lines), top);
    if text_row > 0 {
        frame.render_widget(&q.text, input);
    }
}

fn pick_lines<'a>(m: &'a Model, q: &QuickNote, theme: &Theme) -> Vec<Line<'a>> {
    let t = m.t();
    let mut lines = vec![Line::from(vec![
        Span::styled("› ", theme.key),
        Span::styled(q.query.clone(), theme.text),
        Span::styled("█", theme.muted),
    ])];
    if q.matches.is_empty() {
        lines.push(Line::styled(
            fill(t.quick_no_match, &[("q", &q.query)]),
            theme.warning,
        ));
        return lines;
    }
    // Keep the highlighted name in view.
    let start = q.selected.saturating_sub(LIST - 1);
    for (row, &i) in q.matches.iter().enumerate().skip(start).take(LIST) {
        let p = &m.org.people[i];
        let unit = m
            .org
            .unit(&p.unit)
            .map_or(p.unit.as_str(), |u| u.name.as_str());
        let chosen = row == q.selected;
        let style = if chosen { theme.selected } else { theme.text };
        lines.push(Line::from(vec![
            Span::styled(if chosen { "▶ " } else { "  " }, theme.key),
            Span::styled(p.name.clone(), style),
            Span::styled(format!("  {} · {unit}", p.nip), theme.muted),
        ]));
    }
    if q.matches.len() > start + LIST {
        let n = q.matches.len() - start - LIST;
        lines.push(Line::styled(
            fill(t.feedback_more, &[("n", &n.to_string())]),
            theme.muted,
        ));
    }
    lines
}

fn about_lines<'a>(m: &'a Model, q: &QuickNote, theme: &Theme) -> Vec<Line<'a>> {
    let t = m.t();
    let Some(p) = q.employee.map(|i| &m.org.people[i]) else {
        return Vec::new();
    };
    let criterion = q
        .criterion
        .and_then(|i| m.criteria(p).get(i).map(|c| c.criterion.name.clone()))
        .unwrap_or_else(|| t.quick_general.to_string());
    vec![
        Line::from(vec![
            Span::styled(p.name.clone(), theme.title),
            Span::styled(format!("  {}", p.nip), theme.muted),
        ]),
        Line::from(vec![
            Span::styled(format!("{}: ", t.quick_criterion), theme.muted),
            Span::styled(criterion, theme.text),
        ]),
    ]
}
