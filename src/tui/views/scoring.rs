//! The scoring card: one criterion of one employee, its level
//! descriptors, the current rating, note and evidence.

use super::roster::{pad, status_of};
use super::rows;
use crate::domain::assessment::Entry;
use crate::domain::template::{RhkKind, ScaledCriterion};
use crate::domain::{Aspect, Person};
use crate::i18n::fill;
use crate::theme::Theme;
use crate::tui::action::Action;
use crate::tui::keymap::Context;
use crate::tui::model::Model;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Widget, Wrap};

pub fn draw(m: &Model, theme: &Theme, buf: &mut Buffer, area: Rect) {
    let Some(p) = m.current_person() else { return };
    let criteria = m.criteria(p);
    let [top, body] = area.layout(&Layout::vertical([
        Constraint::Length(3),
        Constraint::Min(1),
    ]));
    employee_box(m, p, theme, buf, top);
    let Some(c) = criteria.get(m.criterion) else {
        return;
    };
    let entry = m.sheet(&p.nip).entry(&c.criterion.id);
    // The employee's own view of this criterion, once both may be seen.
    let own = m.beside(&p.nip).and_then(|s| s.entry(&c.criterion.id));
    let entries = Entries { entry, own };
    if body.width >= 110 {
        let [card, side] = body.layout(&Layout::horizontal([
            Constraint::Fill(3),
            Constraint::Fill(2),
        ]));
        card_box(m, c, entries, criteria.len(), theme, buf, card, false);
        let note = note_lines(m, entries, c, theme);
        let note_rows = rows(&note, side.width.saturating_sub(2)) as u16;
        let note_h = (note_rows + 2).clamp(4, side.height / 2);
        let [note_area, list_area] = side.layout(&Layout::vertical([
            Constraint::Length(note_h),
            Constraint::Min(3),
        ]));
        Paragraph::new(note)
            .wrap(Wrap { trim: false })
            .block(
                bordered(theme.border)
                    .title(Line::styled(format!(" {} ", m.t().note), theme.title)),
            )
            .render(note_area, buf);
        checklist(m, p, &criteria, theme, buf, list_area);
    } else {
        card_box(m, c, entries, criteria.len(), theme, buf, body, true);
    }
}

/// What the card shows of one criterion: the entry being filled in, and
/// beside it the employee's self-assessment when that may be seen.
#[derive(Clone, Copy)]
struct Entries<'a> {
    entry: Option<&'a Entry>,
    own: Option<&'a Entry>,
}

fn bordered(style: ratatui::style::Style) -> Block<'static> {
    Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(style)
}

/// One line: name, NIP, status and progress; post and unit in the title.
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
    let block = bordered(theme.border)
        .title(Line::styled(format!(" {of} "), theme.muted))
        .title(Line::styled(format!(" {} · {unit} ", p.post), theme.muted).right_aligned());
    let mut spans = vec![
        Span::styled(p.name.clone(), theme.title),
        Span::styled(format!("  {}  ", p.nip), theme.muted),
        Span::styled(format!("{label} "), theme.muted),
    ];
    spans.extend(super::progress_bar(done, n, 10, theme));
    Paragraph::new(Line::from(spans))
        .block(block)
        .render(area, buf);
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
    let whose = if m.mode == crate::tui::model::Mode::Employee {
        format!("{} · ", t.self_title)
    } else {
        String::new()
    };
    format!(" {whose}{aspect}{kind} · {of} ")
}

#[allow(clippy::too_many_arguments)]
fn card_box(
    m: &Model,
    c: &ScaledCriterion<'_>,
    entries: Entries<'_>,
    n: usize,
    theme: &Theme,
    buf: &mut Buffer,
    area: Rect,
    with_note: bool,
) {
    let t = m.t();
    let crit = c.criterion;
    let entry = entries.entry;
    let own = entries.own.and_then(|e| e.rating);
    let rating = entry.and_then(|e| e.rating);
    let head = vec![Line::styled(crit.name.clone(), theme.title)];
    let description = vec![Line::styled(crit.description.clone(), theme.text)];
    let guidance: Vec<Line> = crit
        .guidance
        .iter()
        .map(|g| Line::styled(format!("• {g}"), theme.muted))
        .collect();
    let mut skp = Vec::new();
    if let Some(h) = &crit.hasil {
        skp.push(Line::from(vec![
            Span::styled(format!("{}: ", t.iki), theme.muted),
            Span::styled(h.iki.clone(), theme.text),
            Span::styled(format!("  {}: ", t.aspek), theme.muted),
            Span::styled(h.aspek.clone(), theme.text),
        ]));
        skp.push(Line::from(vec![
            Span::styled(format!("{}: ", t.target), theme.muted),
            Span::styled(h.target.clone(), theme.text),
        ]));
        let realisasi = entry.map_or("", |e| e.realisasi.as_str());
        skp.push(Line::from(vec![
            Span::styled(
                format!(
                    "{} ({}): ",
                    t.realisasi,
                    m.keys(Context::Scoring, &Action::EditRealisasi)
                ),
                theme.muted,
            ),
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
    let mut levels = Vec::new();
    for (i, desc) in crit.levels.iter().enumerate() {
        let level = (i + 1) as u8;
        let chosen = rating == Some(level);
        let style = if chosen { theme.highlight } else { theme.text };
        let mut spans = vec![Span::styled(
            format!("{}{level} ", if chosen { "▶" } else { " " }),
            if chosen { theme.highlight } else { theme.key },
        )];
        // The employee's own level, up front where it cannot wrap away.
        if own == Some(level) {
            let agree = rating == own;
            spans.push(Span::styled(
                format!("[◆ {}] ", t.self_short),
                if agree { theme.saved } else { theme.warning },
            ));
        }
        if c.scale <= 3 {
            let label = crate::domain::Expectation::ALL[i.min(2)].label();
            spans.push(Span::styled(format!("{label}: "), style));
        }
        spans.push(Span::styled(desc.clone(), style));
        levels.push(Line::from(spans));
    }
    if rating.is_none() {
        levels.push(Line::styled(
            format!(
                "{} · {}",
                t.not_rated,
                fill(t.scale_hint, &[("n", &c.scale.to_string())])
            ),
            theme.muted,
        ));
    }
    let note = if with_note {
        note_lines(m, entries, c, theme)
    } else {
        Vec::new()
    };
    // What must show (name, SKP fields, levels, note) comes first; the
    // description and the guidance give way on small terminals.
    let inner = Rect::new(
        0,
        0,
        area.width.saturating_sub(2),
        area.height.saturating_sub(2),
    );
    let needed = rows(&head, inner.width)
        + rows(&skp, inner.width)
        + rows(&levels, inner.width)
        + rows(&note, inner.width);
    let mut spare = usize::from(inner.height).saturating_sub(needed);
    // Spacers first, then the description, then the guidance, as room allows.
    let spacers = if spare >= 2 { 2 } else { 0 };
    spare -= spacers;
    let desc_rows = rows(&description, inner.width);
    let with_desc = desc_rows <= spare;
    let with_guidance = with_desc && desc_rows + rows(&guidance, inner.width) <= spare;
    let mut lines = head;
    if with_desc {
        lines.extend(description);
    }
    if with_guidance {
        lines.extend(guidance);
    }
    lines.extend(skp);
    if spacers > 0 {
        lines.push(Line::raw(""));
    }
    lines.extend(levels);
    if spacers > 0 && !note.is_empty() {
        lines.push(Line::raw(""));
    }
    lines.extend(note);
    let block =
        bordered(theme.border_focused).title(Line::styled(card_title(m, c, n), theme.title));
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(block)
        .render(area, buf);
}

fn note_lines<'a>(
    m: &Model,
    entries: Entries<'a>,
    c: &ScaledCriterion<'_>,
    theme: &Theme,
) -> Vec<Line<'a>> {
    let t = m.t();
    let scale = c.scale;
    let entry = entries.entry;
    let note = entry.map_or("", |e| e.note.as_str());
    let rating = entry.and_then(|e| e.rating);
    let mut text = note.lines();
    let key = m.keys(Context::Scoring, &Action::EditNote);
    let mut head = vec![Span::styled(format!("{} ({key}): ", t.note), theme.muted)];
    match text.next() {
        Some(first) => head.push(Span::styled(first, theme.text)),
        None if rating.is_some_and(|r| crate::domain::summary::is_extreme(r, scale)) => {
            head.push(Span::styled(t.needs_note, theme.warning));
        }
        None => head.push(Span::styled("—", theme.muted)),
    }
    let mut lines = vec![Line::from(head)];
    lines.extend(text.map(|l| Line::styled(l, theme.text)));
    // What the employee wrote in their self-assessment.
    let own = entries.own;
    for (label, text) in [
        (t.self_note, own.map_or("", |e| e.note.as_str())),
        (t.self_realisasi, own.map_or("", |e| e.realisasi.as_str())),
    ] {
        if !text.is_empty() {
            lines.push(Line::from(vec![
                Span::styled(format!("{label}: "), theme.muted),
                Span::styled(text, theme.text),
            ]));
        }
    }
    if let Some(p) = m.current_person() {
        lines.extend(super::feedback::card_lines(m, p, &c.criterion.id, theme));
    }
    lines
}

/// The wide-screen checklist of every criterion with its rating.
fn checklist(
    m: &Model,
    p: &Person,
    criteria: &[ScaledCriterion<'_>],
    theme: &Theme,
    buf: &mut Buffer,
    area: Rect,
) {
    let sheet = m.sheet(&p.nip);
    let w = area.width.saturating_sub(8) as usize;
    let lines: Vec<Line> = criteria
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let entry = sheet.entry(&c.criterion.id);
            let r = entry.and_then(|e| e.rating);
            let mark = r.map_or_else(|| "·".to_string(), |r| r.to_string());
            let style = if i == m.criterion {
                theme.selected
            } else {
                theme.text
            };
            let rs = r.map_or(theme.muted, |r| super::rating_style(r, c.scale, theme));
            let noted = if entry.is_some_and(|e| !e.note.is_empty()) {
                " ✎"
            } else {
                "  "
            };
            Line::from(vec![
                Span::styled(format!(" {mark} "), rs),
                Span::styled(pad(&c.criterion.name, w), style),
                Span::styled(noted, theme.muted),
            ])
        })
        .collect();
    let title = fill(
        m.t().criterion_of,
        &[
            ("k", &(m.criterion + 1).to_string()),
            ("n", &criteria.len().to_string()),
        ],
    );
    let offset = super::roster::scroll_to(m.criterion, area.height.saturating_sub(2));
    Paragraph::new(lines)
        .block(bordered(theme.border).title(Line::styled(format!(" {title} "), theme.title)))
        .scroll((offset, 0))
        .render(area, buf);
}
