//! The roster: the appraiser's staff for the period, grouped by unit.

use crate::domain::Status as AStatus;
use crate::i18n::{Strings, fill};
use crate::theme::Theme;
use crate::tui::model::{Mode, Model, Picker};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Widget};
use unicode_width::UnicodeWidthStr;

/// The first visible line so that `selected` stays on screen.
pub fn scroll_to(selected: usize, height: u16) -> u16 {
    let h = usize::from(height.max(1));
    selected.saturating_sub(h - 1).min(u16::MAX as usize) as u16
}

/// "Cari: text▏" while filtering, or the current filter.
pub fn filter_line<'a>(t: &Strings, p: &'a Picker, theme: &Theme) -> Line<'a> {
    if !p.filtering && p.filter.is_empty() {
        return Line::styled(format!("/ {}", t.filter_prompt.to_lowercase()), theme.muted);
    }
    let cursor = if p.filtering { "▏" } else { "" };
    Line::from(vec![
        Span::styled(format!("{}: ", t.filter_prompt), theme.key),
        Span::styled(format!("{}{cursor}", p.filter), theme.input),
    ])
}

/// "belum dinilai", "draf 5/10" or "selesai", with its progress.
pub fn status_of(m: &Model, staff_index: usize) -> (String, usize, usize, bool) {
    let t = m.t();
    let p = &m.org.people[m.staff[staff_index].person];
    let criteria = m.criteria(p);
    let n = criteria.len();
    let ids = || criteria.iter().map(|c| c.criterion.id.as_str());
    let sheet = m.sheet(&p.nip);
    if sheet.own() {
        // The employee's row: their approved result, else their own
        // self-assessment.
        if let Some(a) = m.assessment(&p.nip).filter(|a| a.status.frozen()) {
            return (t.state(a.status).to_lowercase(), n, n, true);
        }
        let done = sheet.rated_count(ids());
        return if sheet.status == Some(AStatus::Submitted) {
            (t.self_sent_short.into(), done, n, true)
        } else {
            let k = done.to_string();
            let label = fill(t.self_progress, &[("k", &k), ("n", &n.to_string())]);
            (label, done, n, false)
        };
    }
    let Some(status) = sheet.status else {
        return (t.status_not_started.into(), 0, n, false);
    };
    let done = sheet.rated_count(ids());
    if status != AStatus::Draft {
        (t.state(status).to_lowercase(), done, n, true)
    } else if done == 0 {
        (t.status_not_started.into(), 0, n, false)
    } else {
        (format!("{} {done}/{n}", t.status_draft), done, n, false)
    }
}

pub fn draw(m: &Model, theme: &Theme, buf: &mut Buffer, area: Rect) {
    let t = m.t();
    let done = (0..m.staff.len()).filter(|&i| status_of(m, i).3).count();
    let count = fill(
        t.staff_count,
        &[
            ("done", &done.to_string()),
            ("n", &m.staff.len().to_string()),
        ],
    );
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border_focused)
        .title(Line::styled(
            format!(
                " {} ",
                match m.mode {
                    Mode::Appraiser => t.roster_title,
                    Mode::Reviewer => t.roster_title_review,
                    Mode::Employee => t.roster_title_own,
                }
            ),
            theme.title,
        ))
        .title(Line::styled(format!(" {count} "), theme.muted).right_aligned());
    let inner = block.inner(area);
    block.render(area, buf);
    let [filter, list] = inner.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
    ]));
    filter_line(t, &m.roster, theme).render(filter, buf);
    let rows = m.roster_rows();
    // The employee's row, and what they can do with it now.
    let list = if m.mode == Mode::Employee {
        let [row, hint] = list.layout(&Layout::vertical([
            Constraint::Length(3),
            Constraint::Min(1),
        ]));
        let text = if m.result_approved() {
            t.own_result_hint
        } else {
            t.own_self_hint
        };
        Paragraph::new(text)
            .style(theme.muted)
            .wrap(ratatui::widgets::Wrap { trim: true })
            .render(hint, buf);
        row
    } else {
        list
    };
    if rows.is_empty() {
        let msg = if m.staff.is_empty() {
            t.roster_empty
        } else {
            t.no_match
        };
        Line::styled(msg, theme.muted).render(list, buf);
        return;
    }
    let width = list.width as usize;
    let bar = if width >= 90 { 20 } else { 10 };
    let status_w = 16;
    // The review queue's tail ("menunggu sejak …  · predikat") is wider
    // than a progress bar.
    let tail = if m.mode == Mode::Reviewer { 36 } else { bar };
    let name_w = width.saturating_sub(tail + status_w + 24).max(10);
    let mut lines = Vec::new();
    let mut selected_line = 0;
    let mut unit = None;
    for (i, &s) in rows.iter().enumerate() {
        let p = &m.org.people[m.staff[s].person];
        if unit != Some(&p.unit) {
            unit = Some(&p.unit);
            let name = m
                .org
                .unit(&p.unit)
                .map_or(p.unit.as_str(), |u| u.name.as_str());
            lines.push(Line::styled(name.to_string(), theme.title));
        }
        if i == m.roster.selected {
            selected_line = lines.len();
        }
        let (label, done, n, complete) = status_of(m, s);
        let row_style = if i == m.roster.selected {
            theme.selected
        } else {
            theme.text
        };
        let label_style = if complete { theme.saved } else { theme.muted };
        let mut spans = vec![
            Span::styled(format!("  {}", pad(&p.name, name_w)), row_style),
            Span::styled(format!(" {} ", p.nip), theme.muted),
            Span::styled(format!("{} ", pad(&label, status_w)), label_style),
        ];
        match m.waiting_since(s).filter(|_| m.mode == Mode::Reviewer) {
            // In the review queue: since when it waits, and its predikat.
            Some(at) => {
                let since = if m.now > 0 {
                    let days = ((m.now - at) / 86_400).max(0).to_string();
                    fill(t.waiting_days, &[("n", &days)])
                } else {
                    let day = super::format_time(at);
                    fill(t.waiting_since, &[("date", day.get(..10).unwrap_or(&day))])
                };
                spans.push(Span::styled(since, theme.warning));
                if let Some(g) = predikat_of(m, p) {
                    spans.push(Span::styled(format!(" · {g}"), theme.title));
                }
            }
            None => spans.extend(super::progress_bar(done, n, bar, theme)),
        }
        lines.push(Line::from(spans));
    }
    let offset = scroll_to(selected_line, list.height);
    Paragraph::new(lines).scroll((offset, 0)).render(list, buf);
}

/// The predikat (or score band) an assessment's confirmed results give.
fn predikat_of(m: &Model, p: &crate::domain::Person) -> Option<String> {
    let scheme = m.scheme()?;
    let a = m.assessment(&p.nip)?;
    let criteria = m.criteria(p);
    let s = crate::domain::summary::summarize(&criteria, a, scheme, &m.reference.catalogue);
    match s.outcome? {
        crate::domain::Outcome::Predikat { grade, .. }
        | crate::domain::Outcome::Score { grade, .. } => {
            Some(scheme.grade_label(&grade).to_string())
        }
    }
}

/// Pads or cuts text to a display width, with "…" when cut.
pub fn pad(s: &str, width: usize) -> String {
    if s.width() <= width {
        return format!("{s}{}", " ".repeat(width - s.width()));
    }
    let mut out = String::new();
    for c in s.chars() {
        if out.width() + unicode_width::UnicodeWidthChar::width(c).unwrap_or(0) + 1 > width {
            break;
        }
        out.push(c);
    }
    out.push('…');
    format!("{out}{}", " ".repeat(width.saturating_sub(out.width())))
}
