//! The scoring card: one criterion of one employee, its level
//! descriptors, the current rating, note and evidence.

use super::roster::{pad, status_of};
use crate::domain::template::{RhkKind, ScaledCriterion};
use crate::domain::{Aspect, Person};
use crate::i18n::fill;
use crate::theme::Theme;
use crate::tui::model::Model;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Widget, Wrap};

pub fn draw(m: &Model, theme: &Theme, buf: &mut Buffer, area: Rect) {
    let Some(p) = m.current_person() else { return };
    let criteria = m.criteria(p);
    let [top, body] = area.layout(&Layout::vertical([
        Constraint::Length(4),
        Constraint::Min(1),
    ]));
    employee_box(m, p, theme, buf, top);
    let Some(c) = criteria.get(m.criterion) else {
        return;
    };
    if body.width >= 110 {
        let [card, side] = body.layout(&Layout::horizontal([
            Constraint::Fill(3),
            Constraint::Fill(2),
        ]));
        card_box(m, p, c, criteria.len(), theme, buf, card, false);
        side_box(m, p, &criteria, theme, buf, side);
    } else {
        card_box(m, p, c, criteria.len(), theme, buf, body, true);
    }
}

fn employee_box(m: &Model, p: &Person, theme: &Theme, buf: &mut Buffer, area: Rect) {
    let t = m.t();
    let unit = m
        .org
        .unit(&p.unit)
        .map_or(p.unit.as_str(), |u| u.name.as_str());
    let (label, done, n, _) = status_of(m, m.current);
    let of = fill(
        t.employee_of,
        &[
            ("i", &(m.current + 1).to_string()),
            ("m", &m.staff.len().to_string()),
        ],
    );
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border)
        .title(Line::styled(format!(" {of} "), theme.muted));
    let mut progress = vec![Span::styled(format!("{label}  "), theme.muted)];
    progress.extend(super::progress_bar(done, n, 10, theme));
    let lines = vec![
        Line::from(vec![
            Span::styled(p.name.clone(), theme.title),
            Span::styled(format!("  {}", p.nip), theme.muted),
        ]),
        Line::from(vec![Span::styled(
            format!("{} · {unit}  ", p.post),
            theme.text,
        )])
        .patch_style(theme.text),
        Line::from(progress),
    ];
    Paragraph::new(lines).block(block).render(area, buf);
}

/// The section label: aspect, RHK kind and position.
fn card_title(m: &Model, c: &ScaledCriterion<'_>, n: usize) -> String {
    let t = m.t();
    let aspect = match c.criterion.aspect {
        Aspect::HasilKerja => t.hasil_kerja,
        Aspect::PerilakuKerja => t.perilaku_kerja,
    };
    let kind = match c.criterion.hasil.as_ref().map(|h| h.kind) {
        Some(RhkKind::Utama) => format!(" · {}", t.rhk_utama),
        Some(RhkKind::Tambahan) => format!(" · {}", t.rhk_tambahan),
        None => String::new(),
    };
    let of = fill(
        t.criterion_of,
        &[("k", &(m.criterion + 1).to_string()), ("n", &n.to_string())],
    );
    format!(" {aspect}{kind} · {of} ")
}

#[allow(clippy::too_many_arguments)]
fn card_box(
    m: &Model,
    p: &Person,
    c: &ScaledCriterion<'_>,
    n: usize,
    theme: &Theme,
    buf: &mut Buffer,
    area: Rect,
    with_note: bool,
) {
    let t = m.t();
    let crit = c.criterion;
    let entry = m.assessment(&p.nip).and_then(|a| a.entry(&crit.id));
    let rating = entry.and_then(|e| e.rating);
    let mut lines = vec![
        Line::styled(crit.name.clone(), theme.title),
        Line::styled(crit.description.clone(), theme.text),
    ];
    for g in &crit.guidance {
        lines.push(Line::styled(format!("• {g}"), theme.muted));
    }
    if let Some(h) = &crit.hasil {
        lines.push(Line::from(vec![
            Span::styled(format!("{}: ", t.iki), theme.muted),
            Span::styled(h.iki.clone(), theme.text),
            Span::styled(format!("  {}: ", t.aspek), theme.muted),
            Span::styled(h.aspek.clone(), theme.text),
        ]));
        lines.push(Line::from(vec![
            Span::styled(format!("{}: ", t.target), theme.muted),
            Span::styled(h.target.clone(), theme.text),
        ]));
        let realisasi = entry.map_or("", |e| e.realisasi.as_str());
        lines.push(Line::from(vec![
            Span::styled(format!("{} (r): ", t.realisasi), theme.muted),
            Span::styled(
                if realisasi.is_empty() {
                    "—"
                } else {
                    realisasi
                }
                .to_string(),
                theme.text,
            ),
        ]));
    }
    lines.push(Line::raw(""));
    let label_w = if c.scale <= 3 { 20 } else { 3 };
    for (i, desc) in crit.levels.iter().enumerate() {
        let level = (i + 1) as u8;
        let label = if c.scale <= 3 {
            crate::domain::Expectation::ALL[i.min(2)]
                .label()
                .to_string()
        } else {
            String::new()
        };
        let chosen = rating == Some(level);
        let marker = if chosen { "▶" } else { " " };
        let style = if chosen { theme.highlight } else { theme.text };
        lines.push(Line::from(vec![
            Span::styled(
                format!("{marker}{level} "),
                if chosen { theme.highlight } else { theme.key },
            ),
            Span::styled(format!("{} ", pad(&label, label_w).trim_end()), style),
            Span::styled(desc.clone(), style),
        ]));
    }
    if rating.is_none() {
        lines.push(Line::styled(
            format!(
                "{} · {}",
                t.not_rated,
                fill(t.scale_hint, &[("n", &c.scale.to_string())])
            ),
            theme.muted,
        ));
    }
    if with_note {
        lines.push(Line::raw(""));
        lines.extend(note_lines(m, entry, rating, c.scale, theme));
    }
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border_focused)
        .title(Line::styled(card_title(m, c, n), theme.title));
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(block)
        .render(area, buf);
}

fn note_lines<'a>(
    m: &Model,
    entry: Option<&'a crate::domain::assessment::Entry>,
    rating: Option<u8>,
    scale: u8,
    theme: &Theme,
) -> Vec<Line<'a>> {
    let t = m.t();
    let note = entry.map_or("", |e| e.note.as_str());
    let mut head = vec![Span::styled(format!("{} (n): ", t.note), theme.muted)];
    if note.trim().is_empty()
        && rating.is_some_and(|r| crate::domain::summary::is_extreme(r, scale))
    {
        head.push(Span::styled(t.needs_note, theme.warning));
    } else if note.is_empty() {
        head.push(Span::styled("—", theme.muted));
    }
    let mut lines = vec![Line::from(head)];
    lines.extend(note.lines().map(|l| Line::styled(l, theme.text)));
    lines
}

/// The wide-screen side panel: note and the criterion checklist.
fn side_box(
    m: &Model,
    p: &Person,
    criteria: &[ScaledCriterion<'_>],
    theme: &Theme,
    buf: &mut Buffer,
    area: Rect,
) {
    let a = m.assessment(&p.nip);
    let current = criteria.get(m.criterion);
    let entry = current.and_then(|c| a.and_then(|a| a.entry(&c.criterion.id)));
    let rating = entry.and_then(|e| e.rating);
    let mut lines = note_lines(m, entry, rating, current.map_or(3, |c| c.scale), theme);
    lines.push(Line::raw(""));
    let w = area.width.saturating_sub(10) as usize;
    for (i, c) in criteria.iter().enumerate() {
        let r = a.and_then(|a| a.rating(&c.criterion.id));
        let mark = r.map_or_else(|| "·".to_string(), |r| r.to_string());
        let style = if i == m.criterion {
            theme.selected
        } else {
            theme.text
        };
        let rs = r.map_or(theme.muted, |r| super::rating_style(r, c.scale, theme));
        lines.push(Line::from(vec![
            Span::styled(format!(" {mark} "), rs),
            Span::styled(pad(&c.criterion.name, w), style),
        ]));
    }
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border)
        .title(Line::styled(format!(" {} ", m.t().note), theme.title));
    let offset = super::roster::scroll_to(
        lines.len().saturating_sub(criteria.len()) + m.criterion,
        area.height.saturating_sub(2),
    );
    Paragraph::new(lines)
        .block(block)
        .scroll((offset, 0))
        .render(area, buf);
}
