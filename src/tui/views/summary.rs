//! The summary: aspect results, predikat, strengths, improvements, training.

use crate::domain::assessment::{AspectDecision, AspectValue, SummaryItem};
use crate::domain::summary::{DecisionState, ResolvedItem, summarize};
use crate::domain::{Aspect, Outcome, Scheme};
use crate::i18n::{Strings, fill};
use crate::theme::Theme;
use crate::tui::model::{Model, Section};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Widget, Wrap};

fn value_label(t: &Strings, v: &AspectValue) -> String {
    match v {
        AspectValue::Expectation(e) => e.label().to_string(),
        AspectValue::Score(s) => t.number(*s),
    }
}

/// What the summary shows of one aspect.
struct AspectView<'v> {
    name: &'v str,
    state: DecisionState,
    decided: Option<&'v AspectDecision>,
    suggested: Option<&'v AspectValue>,
    /// Criteria of the aspect rated, of all.
    rated: (usize, usize),
    /// A reviewer's new value while deciding an objection.
    proposed: Option<&'v AspectValue>,
}

/// One aspect's result: decided, suggested, or a stale confirmation.
fn aspect_line<'a>(t: &Strings, v: &AspectView<'_>, focused: bool, theme: &Theme) -> Vec<Line<'a>> {
    let AspectView {
        name,
        state,
        decided,
        suggested,
        rated,
        proposed,
    } = *v;
    let marker = if focused { "▶ " } else { "  " };
    let name_style = if focused { theme.selected } else { theme.text };
    let mut spans = vec![Span::styled(format!("{marker}{name}: "), name_style)];
    let mut lines = Vec::new();
    match (state.decided().then_some(decided).flatten(), suggested) {
        (Some(d), s) => {
            spans.push(Span::styled(value_label(t, &d.value), theme.title));
            spans.push(Span::styled(format!(" ({})", t.decided), theme.saved));
            if let Some(p) = proposed.filter(|p| **p != d.value) {
                spans.push(Span::styled(
                    format!(" → {} ({})", value_label(t, p), t.proposed),
                    theme.warning,
                ));
            }
            if let Some(s) = s.filter(|s| **s != d.value) {
                let was = value_label(t, s);
                spans.push(Span::styled(
                    format!(" · {} {was}", t.suggested),
                    theme.muted,
                ));
            }
            lines.push(Line::from(spans));
            if !d.reason.is_empty() {
                lines.push(Line::styled(
                    format!("    {}: {}", t.reason, d.reason),
                    theme.muted,
                ));
            }
        }
        (None, Some(s)) => {
            spans.push(Span::styled(value_label(t, s), theme.text));
            let note = if state == DecisionState::Stale {
                t.stale
            } else {
                t.suggested
            };
            spans.push(Span::styled(format!(" ({note})"), theme.warning));
            if rated.0 < rated.1 {
                let of = fill(
                    t.rated_of,
                    &[("k", &rated.0.to_string()), ("n", &rated.1.to_string())],
                );
                spans.push(Span::styled(format!(" · {of}"), theme.warning));
            }
            lines.push(Line::from(spans));
        }
        (None, None) => {
            spans.push(Span::styled("—", theme.muted));
            lines.push(Line::from(spans));
        }
    }
    lines
}

/// The predikat (or score); `proposed`: as a reviewer's proposal would
/// make it.
fn outcome_line<'a>(
    t: &Strings,
    scheme: &Scheme,
    outcome: Option<&Outcome>,
    proposed: bool,
    theme: &Theme,
) -> Vec<Line<'a>> {
    let (label, style) = if proposed {
        (t.predikat_proposed, theme.warning)
    } else {
        (t.predikat, theme.title)
    };
    match outcome {
        Some(Outcome::Predikat { grade, .. }) => vec![Line::from(vec![
            Span::styled(format!("  {label}: "), theme.text),
            Span::styled(scheme.grade_label(grade).to_uppercase(), style),
        ])],
        Some(Outcome::Score {
            skp,
            perilaku,
            total,
            grade,
        }) => {
            let n = scheme.numeric.as_ref();
            let w = |f: fn(&crate::domain::scheme::Numeric) -> f64| {
                n.map_or(String::new(), |n| format!("{:.0}%", f(n) * 100.0))
            };
            vec![
                Line::from(vec![
                    Span::styled(format!("  {}: ", t.score), theme.text),
                    Span::styled(
                        format!(
                            "{} — {}",
                            t.number(*total),
                            scheme.grade_label(grade).to_uppercase()
                        ),
                        style,
                    ),
                ]),
                Line::styled(
                    format!(
                        "    {}",
                        fill(
                            t.score_line,
                            &[
                                ("skp", &t.number(*skp)),
                                ("ws", &w(|n| n.skp_weight)),
                                ("per", &t.number(*perilaku)),
                                ("wp", &w(|n| n.perilaku_weight)),
                                ("total", &t.number(*total)),
                            ],
                        )
                    ),
                    theme.muted,
                ),
            ]
        }
        None => vec![Line::styled(format!("  {}: —", t.predikat), theme.muted)],
    }
}

fn item_lines<'a>(
    m: &Model,
    title: &str,
    items: &[ResolvedItem<'_>],
    focused: bool,
    theme: &Theme,
) -> (Vec<Line<'a>>, usize) {
    let t = m.t();
    let mut selected_at = 0;
    let head = if focused { theme.selected } else { theme.title };
    let mut lines = vec![Line::styled(
        format!("{}{title}", if focused { "▶ " } else { "  " }),
        head,
    )];
    if items.is_empty() {
        lines.push(Line::styled(format!("    {}", t.no_items), theme.muted));
    }
    for (i, it) in items.iter().enumerate() {
        let sel = focused && i == m.item;
        if sel {
            selected_at = lines.len();
        }
        let style = if sel { theme.selected } else { theme.text };
        let mut spans = vec![Span::styled(format!("  {}. {}", i + 1, it.title), style)];
        // A criterion a template import removed keeps its place in the
        // appraiser's list, but is not passed off as free text.
        let live = |id: &String| {
            m.current_person()
                .is_some_and(|p| m.criteria(p).iter().any(|c| &c.criterion.id == id))
        };
        let (label, style) = match (&it.item, it.rating) {
            (_, Some((r, s))) => (format!("{r}/{s}"), super::rating_style(r, s, theme)),
            (SummaryItem::Free(_), None) => (t.free_text.to_string(), theme.muted),
            (SummaryItem::Criterion(id), None) if live(id) => {
                (t.not_rated.to_string(), theme.muted)
            }
            (SummaryItem::Criterion(_), None) => (t.removed_criterion.to_string(), theme.muted),
        };
        spans.push(Span::styled(format!(" ({label})"), style));
        if !it.note.is_empty() {
            spans.push(Span::styled(
                format!(" — {}", it.note.replace('\n', " ")),
                theme.muted,
            ));
        }
        lines.push(Line::from(spans));
        if !it.training.is_empty() {
            let names: Vec<String> = it
                .training
                .iter()
                .map(|p| format!("{} ({} JP)", p.name, p.jp))
                .collect();
            lines.push(Line::styled(
                format!("       {}: {}", t.training, names.join("; ")),
                theme.muted,
            ));
        }
    }
    (lines, selected_at)
}

pub fn draw(m: &Model, theme: &Theme, buf: &mut Buffer, area: Rect) {
    let t = m.t();
    let (Some(p), Some(scheme)) = (m.current_person(), m.scheme()) else {
        return;
    };
    let criteria = m.criteria(p);
    let a = m.assessment_or_blank(p);
    let a = a.as_ref();
    let proposal = m.proposal_for(&p.nip);
    let s = summarize(&criteria, a, scheme, &m.reference.catalogue);
    // The predikat follows a reviewer's proposal while they decide.
    let outcome = match proposal {
        Some(pr) => {
            let mut b = a.clone();
            for (slot, v) in [(&mut b.hasil, &pr.hasil), (&mut b.perilaku, &pr.perilaku)] {
                if let Some(value) = v {
                    // The decision's reason will go with it; any text
                    // makes it count as a reasoned override here.
                    *slot = Some(AspectDecision {
                        value: value.clone(),
                        reason: t.proposed.to_string(),
                    });
                }
            }
            summarize(&criteria, &b, scheme, &m.reference.catalogue).outcome
        }
        None => s.outcome.clone(),
    };
    let status = (
        t.state(a.status),
        if a.status.editable() {
            theme.warning
        } else {
            theme.saved
        },
    );
    let rated = |aspect: Aspect| {
        let of: Vec<&str> = criteria
            .iter()
            .filter(|c| c.criterion.aspect == aspect)
            .map(|c| c.criterion.id.as_str())
            .collect();
        (a.rated_count(of.iter().copied()), of.len())
    };
    let mut lines = vec![Line::from(vec![
        Span::styled(p.name.clone(), theme.title),
        Span::styled(format!("  {}  ", p.nip), theme.muted),
        Span::styled(format!("{}: ", t.status_label), theme.muted),
        Span::styled(status.0, status.1),
        Span::styled(format!("  · {}", scheme.name), theme.muted),
    ])];
    lines.extend(aspect_line(
        t,
        &AspectView {
            name: t.hasil_kerja,
            state: s.hasil_state,
            decided: a.hasil.as_ref(),
            suggested: s.hasil_suggested.as_ref(),
            rated: rated(Aspect::HasilKerja),
            proposed: proposal.and_then(|p| p.get(Aspect::HasilKerja)),
        },
        m.section == Section::Hasil,
        theme,
    ));
    lines.extend(aspect_line(
        t,
        &AspectView {
            name: t.perilaku_kerja,
            state: s.perilaku_state,
            decided: a.perilaku.as_ref(),
            suggested: s.perilaku_suggested.as_ref(),
            rated: rated(Aspect::PerilakuKerja),
            proposed: proposal.and_then(|p| p.get(Aspect::PerilakuKerja)),
        },
        m.section == Section::Perilaku,
        theme,
    ));
    lines.extend(outcome_line(
        t,
        scheme,
        outcome.as_ref(),
        proposal.is_some(),
        theme,
    ));
    lines.extend(super::flow::lines(m, a, theme));
    let own = m.beside(&p.nip);
    lines.push(super::ratings::gaps_line(m, a, own, &criteria, theme));
    lines.extend(super::ratings::calibration_line(m, a, theme));
    // The line to keep in view: the selected item of the focused list.
    let mut focus_at = 0;
    for (section, title, items) in [
        (Section::Strengths, t.strengths, &s.strengths),
        (Section::Improvements, t.improvements, &s.improvements),
    ] {
        let focused = m.section == section;
        let (list, selected_at) = item_lines(m, title, items, focused, theme);
        if focused {
            focus_at = lines.len() + selected_at;
        }
        lines.extend(list);
    }
    lines.extend(super::feedback::summary_lines(m, p, &criteria, theme));
    let block = |title: String| {
        Block::bordered()
            .border_type(BorderType::Rounded)
            .border_style(theme.border_focused)
            .title(Line::styled(title, theme.title))
    };
    let title = format!(" {} ", t.summary_title);
    // Keep the focused list in view when the summary is taller than the screen.
    let scroll = |width: u16, height: u16, lines: &[Line<'_>]| {
        let before = super::rows(&lines[..focus_at.min(lines.len())], width.saturating_sub(2));
        let height = usize::from(height.saturating_sub(2));
        let offset = if before + 4 > height {
            before - height / 3
        } else {
            0
        };
        (offset.min(usize::from(u16::MAX)) as u16, 0)
    };
    if area.width >= 110 {
        let [main, side] = area.layout(&Layout::horizontal([
            Constraint::Fill(3),
            Constraint::Fill(2),
        ]));
        let offset = scroll(main.width, main.height, &lines);
        let mut table = super::ratings::criteria_table(t, a, own, &criteria, theme, side.width);
        table.insert(0, Line::raw(""));
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block(title))
            .scroll(offset)
            .render(main, buf);
        Paragraph::new(table)
            .block(block(format!(" {} ", t.rating)))
            .render(side, buf);
    } else {
        lines.push(Line::raw(""));
        lines.append(&mut super::ratings::criteria_table(
            t, a, own, &criteria, theme, area.width,
        ));
        let offset = scroll(area.width, area.height, &lines);
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .block(block(title))
            .scroll(offset)
            .render(area, buf);
    }
}
