//! Popups drawn over a screen: key help and text editors.

use crate::theme::Theme;
use crate::tui::action::Action;
use crate::tui::keymap::Context;
use crate::tui::model::{Editor, Model, StepText, TextTarget};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph};

pub(super) fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let [_, mid, _] = area.layout(&Layout::horizontal([
        Constraint::Fill(1),
        Constraint::Length(width.min(area.width)),
        Constraint::Fill(1),
    ]));
    let [_, c, _] = mid.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(height.min(area.height)),
        Constraint::Fill(1),
    ]));
    c
}

/// Every binding of the current screen, from the keymap; in two columns
/// when one does not fit the terminal's height.
pub fn help(m: &Model, theme: &Theme, frame: &mut Frame, area: Rect) {
    let t = m.t();
    let ctx = m.context_under_help();
    // Rows of (keys, description); the digit ratings share one row.
    let mut rows: Vec<(String, String)> = Vec::new();
    let mut rates: Vec<u8> = Vec::new();
    for b in m.keymap.bindings(ctx) {
        let keys: Vec<String> = b.keys.iter().map(|k| k.label()).collect();
        if let Action::Rate(n) = b.action {
            rates.push(n);
            continue;
        }
        rows.push((keys.join(", "), t.action(&b.action)));
    }
    if let (Some(lo), Some(hi)) = (rates.iter().min(), rates.iter().max()) {
        let range = if lo == hi {
            lo.to_string()
        } else {
            format!("{lo}–{hi}")
        };
        rows.insert(
            0,
            (
                range.clone(),
                crate::i18n::fill(t.act_rate, &[("n", &range)]),
            ),
        );
    }
    let lines: Vec<Line> = rows
        .into_iter()
        .map(|(keys, desc)| {
            Line::from(vec![
                Span::styled(format!(" {keys:<13} "), theme.key),
                Span::styled(desc, theme.text),
            ])
        })
        .collect();
    let room = usize::from(area.height.saturating_sub(2)).max(1);
    let columns = if lines.len() > room && area.width >= 64 {
        2
    } else {
        1
    };
    let per_column = lines.len().div_ceil(columns);
    let width = if columns == 2 { area.width.min(84) } else { 44 };
    let rect = centered(area, width, per_column as u16 + 2);
    frame.render_widget(Clear, rect);
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border_focused)
        .title(Line::styled(format!(" {} ", t.help_title), theme.title));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let cols = inner.layout_vec(&Layout::horizontal(vec![Constraint::Fill(1); columns]));
    for (chunk, col) in lines.chunks(per_column.max(1)).zip(cols.iter()) {
        frame.render_widget(Paragraph::new(chunk.to_vec()), *col);
    }
}

pub fn editor(m: &Model, ed: &Editor, theme: &Theme, frame: &mut Frame, area: Rect) {
    let t = m.t();
    let name = |id: &str| {
        m.current_person()
            .and_then(|p| m.criteria(p).into_iter().find(|c| c.criterion.id == id))
            .map_or_else(|| id.to_string(), |c| c.criterion.name.clone())
    };
    let title = match &ed.target {
        TextTarget::Note { criterion } => {
            crate::i18n::fill(t.edit_note_title, &[("c", &name(criterion))])
        }
        TextTarget::Realisasi { criterion } => {
            crate::i18n::fill(t.edit_realisasi_title, &[("c", &name(criterion))])
        }
        TextTarget::NewItem(_) => t.add_item_title.to_string(),
        TextTarget::Step(StepText::Return) => t.return_title.to_string(),
        TextTarget::Step(StepText::Reopen) => t.reopen_title.to_string(),
        TextTarget::Step(StepText::Object) => t.object_title.to_string(),
        TextTarget::Step(StepText::Decide) => t.decide_title.to_string(),
        TextTarget::OverrideReason { .. } => t.override_reason_title.to_string(),
        TextTarget::OverrideScore(aspect) => {
            let name = match aspect {
                crate::domain::Aspect::HasilKerja => "SKP",
                crate::domain::Aspect::PerilakuKerja => t.perilaku_kerja,
            };
            crate::i18n::fill(t.score_title, &[("aspect", name)])
        }
    };
    let height = if ed.target.single_line() { 3 } else { 10 };
    let rect = centered(area, area.width.saturating_sub(8).min(90), height);
    frame.render_widget(Clear, rect);
    let keys = [
        ("save", m.keys(Context::Text, &Action::SaveText)),
        ("cancel", m.keys(Context::Text, &Action::CancelText)),
    ];
    let keys: Vec<(&str, &str)> = keys.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let hint = crate::i18n::fill(
        if ed.target.single_line() {
            t.text_help_single
        } else {
            t.text_help
        },
        &keys,
    );
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border_focused)
        .title(Line::styled(format!(" {title} "), theme.title))
        .title_bottom(Line::styled(format!(" {hint} "), theme.muted));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    frame.render_widget(&ed.area, inner);
}

/// A panel over the screen, titled with `title` and the employee on
/// screen (the history and trend overlays).
pub fn person_panel(
    m: &Model,
    title: &str,
    body: Paragraph<'_>,
    theme: &Theme,
    frame: &mut Frame,
    area: Rect,
) {
    let rect = Rect::new(
        area.x + 2,
        area.y + 1,
        area.width.saturating_sub(4),
        area.height.saturating_sub(2),
    );
    frame.render_widget(Clear, rect);
    let title = m.current_person().map_or_else(
        || format!(" {title} "),
        |p| format!(" {title} · {} ", p.name),
    );
    frame.render_widget(
        body.block(
            Block::bordered()
                .border_type(BorderType::Rounded)
                .border_style(theme.border_focused)
                .title(Line::styled(title, theme.title)),
        ),
        rect,
    );
}
