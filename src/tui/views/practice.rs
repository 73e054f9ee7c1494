//! Appraiser practice: the case list, the case, its rating card, and the
//! answers beside the reference with the evidence that explains each.

use super::roster::pad;
use crate::domain::practice::{Trap, compare};
use crate::i18n::fill;
use crate::theme::Theme;
use crate::tui::model::{Model, PracticeStage, PracticeState};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Widget, Wrap};
use unicode_width::UnicodeWidthStr;

fn block<'a>(title: String, theme: &Theme) -> Block<'a> {
    Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border_focused)
        .title(Line::styled(title, theme.title))
}

pub fn draw(m: &Model, theme: &Theme, buf: &mut Buffer, area: Rect) {
    let Some(p) = &m.practice else { return };
    match p.stage {
        PracticeStage::List => list(m, p, theme, buf, area),
        PracticeStage::Story | PracticeStage::Result => {
            let lines = text(m, p, theme, area.width);
            // A resize may leave the stored scroll past the end.
            let offset = p.scroll.min(limit(&lines, area));
            Paragraph::new(lines)
                .wrap(Wrap { trim: false })
                .scroll((offset, 0))
                .block(block(title(m, p), theme))
                .render(area, buf);
        }
        PracticeStage::Rate if area.width >= 110 => {
            let [card, side] = area.layout(&Layout::horizontal([
                Constraint::Fill(1),
                Constraint::Fill(1),
            ]));
            rate(m, p, theme, buf, card);
            Paragraph::new(story(m, p, theme))
                .wrap(Wrap { trim: false })
                .block(block(format!(" {} ", m.t().practice_story), theme))
                .render(side, buf);
        }
        PracticeStage::Rate => rate(m, p, theme, buf, area),
    }
}

/// The scrolling text of the stage: the case, or the result.
fn text<'a>(m: &Model, p: &PracticeState, theme: &Theme, width: u16) -> Vec<Line<'a>> {
    match p.stage {
        PracticeStage::Result => result(m, p, theme, width),
        _ => story(m, p, theme),
    }
}

/// The last scroll offset at which `lines` still fill the bordered `area`.
fn limit(lines: &[Line<'_>], area: Rect) -> u16 {
    let rows = super::rows(lines, area.width.saturating_sub(2));
    let height = usize::from(area.height.saturating_sub(2));
    u16::try_from(rows.saturating_sub(height)).unwrap_or(u16::MAX)
}

/// How far the case or the result scrolls on the model's terminal, so
/// that scrolling stops at the end instead of running on into blank rows
/// that the way back would have to climb out of.
pub fn max_scroll(m: &Model) -> u16 {
    let Some(p) = &m.practice else { return 0 };
    // The body: all but the header, status and footer rows.
    let area = Rect::new(0, 0, m.size.0, m.size.1.saturating_sub(3));
    limit(&text(m, p, &Theme::default(), area.width), area)
}

fn title(m: &Model, p: &PracticeState) -> String {
    let name = p.case().map_or("", |c| c.name.as_str());
    format!(" {} · {name} ", m.t().practice_title)
}

fn trap(m: &Model, t: Trap) -> &'static str {
    let s = m.t();
    match t {
        Trap::Halo => s.bias_halo,
        Trap::CentralTendency => s.bias_central,
        Trap::Leniency => s.bias_lenient,
        Trap::Severity => s.bias_severe,
        Trap::Recency => s.practice_recency,
    }
}

fn list(m: &Model, p: &PracticeState, theme: &Theme, buf: &mut Buffer, area: Rect) {
    let t = m.t();
    let mut lines = vec![Line::styled(t.practice_intro, theme.muted), Line::raw("")];
    for (i, c) in p.cases.iter().enumerate() {
        let chosen = i == p.selected;
        lines.push(Line::from(vec![
            Span::styled(if chosen { "▶ " } else { "  " }, theme.key),
            Span::styled(
                c.name.clone(),
                if chosen { theme.selected } else { theme.text },
            ),
            Span::styled(
                format!(" · {} · {}: {}", c.post, t.practice_trap, trap(m, c.trap)),
                theme.muted,
            ),
        ]));
    }
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(block(format!(" {} ", t.practice_title), theme))
        .render(area, buf);
}

fn story<'a>(m: &Model, p: &PracticeState, theme: &Theme) -> Vec<Line<'a>> {
    let Some(c) = p.case() else { return Vec::new() };
    let mut lines = vec![Line::styled(
        format!("{} · {}", c.name, c.post),
        theme.title,
    )];
    for para in c.story.trim().split("\n\n") {
        lines.push(Line::raw(""));
        lines.push(Line::styled(para.replace('\n', " "), theme.text));
    }
    if p.stage == PracticeStage::Story {
        lines.push(Line::raw(""));
        lines.push(Line::styled(m.t().practice_start, theme.key));
    }
    lines
}

fn rate(m: &Model, p: &PracticeState, theme: &Theme, buf: &mut Buffer, area: Rect) {
    let t = m.t();
    let criteria = m.practice_criteria();
    let Some(c) = criteria.get(p.criterion) else {
        return;
    };
    let given = p.answers.get(&c.criterion.id).copied();
    let mut lines = vec![
        Line::styled(c.criterion.name.clone(), theme.title),
        Line::styled(c.criterion.description.clone(), theme.text),
        Line::raw(""),
    ];
    for (i, d) in c.criterion.levels.iter().enumerate() {
        let level = (i + 1) as u8;
        let chosen = given == Some(level);
        let style = if chosen { theme.highlight } else { theme.text };
        lines.push(Line::from(vec![
            Span::styled(
                format!("{}{level} ", if chosen { "▶" } else { " " }),
                theme.key,
            ),
            Span::styled(d.clone(), style),
        ]));
    }
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        fill(t.scale_hint, &[("n", &c.scale.to_string())]),
        theme.muted,
    ));
    let of = fill(
        t.criterion_of,
        &[
            ("k", &(p.criterion + 1).to_string()),
            ("n", &criteria.len().to_string()),
        ],
    );
    // The position in the case matters most; the practice's and the
    // person's names give way when the card is narrow (the case beside
    // it names the person).
    let full = format!("{}· {of} ", title(m, p));
    let card_title = if full.width() + 2 <= usize::from(area.width) {
        full
    } else {
        format!(" {of} ")
    };
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(block(card_title, theme))
        .render(area, buf);
}

fn result<'a>(m: &Model, p: &PracticeState, theme: &Theme, width: u16) -> Vec<Line<'a>> {
    let t = m.t();
    let Some(case) = p.case() else {
        return Vec::new();
    };
    let criteria = m.practice_criteria();
    let cmp = compare(case, &criteria, &p.answers);
    // The criterion's name gives way on a narrow terminal.
    let name_w = if width < 100 { 22 } else { 34 };
    let offset = cmp
        .mean_offset
        .map_or_else(|| "—".to_string(), |o| format!("{o:+.2}"));
    let mut lines = vec![
        Line::styled(
            fill(
                t.practice_totals,
                &[
                    ("exact", &cmp.exact.to_string()),
                    ("near", &cmp.within_one.to_string()),
                    ("n", &cmp.rows.len().to_string()),
                    ("offset", &offset),
                    ("middle", &format!("{:.0}", cmp.middle_share * 100.0)),
                ],
            ),
            theme.title,
        ),
        {
            let cols: Vec<&str> = t.practice_columns.split('|').collect();
            let col = |i: usize| cols.get(i).copied().unwrap_or("");
            Line::styled(
                format!(
                    "{}{:>4} {:>6}  {:<4} {}",
                    pad(col(0), name_w),
                    col(1),
                    col(2),
                    "",
                    col(3)
                ),
                theme.muted,
            )
        },
    ];
    for r in &cmp.rows {
        let given = r.given.map_or_else(|| "·".to_string(), |g| g.to_string());
        let (mark, style) = match r.offset() {
            Some(0) => ("✓".to_string(), theme.saved),
            Some(o) if o > 0 => (format!("▲{o:+}"), theme.warning),
            Some(o) => (format!("▼{o}"), theme.warning),
            None => ("·".to_string(), theme.muted),
        };
        lines.push(Line::from(vec![
            Span::styled(pad(&r.name, name_w), theme.text),
            Span::styled(format!("{given:>4} {:>6}  ", r.reference), theme.text),
            Span::styled(format!("{mark:<4} "), style),
            Span::styled(r.reason.clone(), theme.text),
        ]));
        if r.offset() != Some(0) {
            lines.push(Line::styled(
                format!("    {} {}: {}", t.practice_level, r.reference, r.descriptor),
                theme.muted,
            ));
        }
    }
    lines
}
