//! The unit dashboard: a table of units on top, the selected unit's
//! details below, one tab each for progress, the predikat distribution
//! and training needs.

mod calibration;
mod details;

use super::roster::{pad, scroll_to};
use crate::domain::calibration::Verdict;
use crate::domain::dashboard::{Dashboard, UnitFigures};
use crate::domain::progress::Stage;
use crate::i18n::fill;
use crate::theme::Theme;
use crate::tui::model::{DashTab, Model};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Widget, Wrap};

/// Width of a number column.
const NUM: usize = 7;

pub fn draw(m: &Model, theme: &Theme, buf: &mut Buffer, area: Rect) {
    let t = m.t();
    let period = m
        .org
        .period(&m.period)
        .map_or(m.period.as_str(), |p| p.name.as_str());
    let mut tabs = vec![Span::styled(
        format!(" {} ", fill(t.dash_title, &[("period", period)])),
        theme.title,
    )];
    for tab in DashTab::ALL {
        let name = match tab {
            DashTab::Progress => t.dash_tab_progress,
            DashTab::Distribution => t.dash_tab_distribution,
            DashTab::Training => t.dash_tab_training,
            DashTab::Career => t.dash_tab_career,
            DashTab::Calibration => t.dash_tab_calibration,
        };
        let style = if tab == m.dash.tab {
            theme.selected
        } else {
            theme.muted
        };
        tabs.push(Span::styled(format!(" {name} "), style));
    }
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border_focused)
        .title(Line::from(tabs));
    let inner = block.inner(area);
    block.render(area, buf);
    let Some(d) = &m.dash.data else {
        Paragraph::new(Line::styled(t.dash_loading, theme.muted)).render(inner, buf);
        return;
    };
    // The unit table takes at most half the height; it scrolls.
    let rows = (d.units.len() as u16 + 2).min(inner.height / 2);
    let [top, bottom] = inner.layout(&Layout::vertical([
        Constraint::Max(rows.max(4)),
        Constraint::Min(4),
    ]));
    units_table(m, d, theme, buf, top);
    if let Some(u) = d.units.get(m.dash.selected) {
        let lines = match m.dash.tab {
            DashTab::Progress => details::progress(m, d, u, theme),
            DashTab::Distribution => details::distribution(m, d, u, theme, bottom.width),
            DashTab::Training => details::training(m, d, u, theme, bottom.width),
            DashTab::Career => details::career(m, u, theme, bottom.width),
            DashTab::Calibration => calibration::lines(m, d, u, theme),
        };
        let sep = Block::default()
            .borders(ratatui::widgets::Borders::TOP)
            .border_style(theme.border);
        let body = sep.inner(bottom);
        sep.render(bottom, buf);
        Paragraph::new(lines)
            .wrap(Wrap { trim: false })
            .render(body, buf);
    }
}

/// The header and one row per unit, with the tab's columns.
fn units_table(m: &Model, d: &Dashboard, theme: &Theme, buf: &mut Buffer, area: Rect) {
    let t = m.t();
    let heads: Vec<String> = match m.dash.tab {
        DashTab::Progress => t
            .dash_col_stages
            .split('|')
            .map(str::to_string)
            .chain([t.dash_late.to_string()])
            .collect(),
        DashTab::Distribution => d
            .grades
            .iter()
            .map(|(_, label)| short(label))
            .chain([t.dash_col_breaches.to_string()])
            .collect(),
        DashTab::Training => vec!["JP".into()],
        DashTab::Calibration => vec![t.dash_col_breaches.to_string()],
        DashTab::Career => t.dash_col_career.split('|').map(str::to_string).collect(),
    };
    let name_w = usize::from(area.width)
        .saturating_sub(heads.len() * NUM + 1)
        .max(12);
    let mut head = vec![Span::styled(pad(t.dash_unit, name_w + 1), theme.muted)];
    head.extend(
        heads
            .iter()
            .map(|h| Span::styled(format!("{:>NUM$}", pad_num(h)), theme.muted)),
    );
    let mut lines = vec![Line::from(head)];
    for (i, u) in d.units.iter().enumerate() {
        let name = m.org.unit(u.unit()).map_or(u.unit(), |x| x.name.as_str());
        let style = if i == m.dash.selected {
            theme.selected
        } else {
            theme.text
        };
        let mut spans = vec![Span::styled(
            format!(
                "{}{}",
                if i == m.dash.selected { "▶" } else { " " },
                pad(name, name_w)
            ),
            style,
        )];
        for (n, warn) in cells(m, u) {
            let s = if warn { theme.warning } else { theme.text };
            spans.push(Span::styled(format!("{n:>NUM$}"), s));
        }
        lines.push(Line::from(spans));
    }
    let offset = scroll_to(m.dash.selected + 1, area.height);
    Paragraph::new(lines).scroll((offset, 0)).render(area, buf);
}

/// A row's cells for the tab, each with whether it is a warning.
fn cells(m: &Model, u: &UnitFigures) -> Vec<(String, bool)> {
    let n = |n: usize, warn: bool| (n.to_string(), warn && n > 0);
    match m.dash.tab {
        DashTab::Progress => Stage::ALL
            .iter()
            .map(|&s| n(u.progress.counts.get(s), s == Stage::Objected))
            .chain([n(u.progress.late, true)])
            .collect(),
        // Then how many of the unit result's limits are broken.
        DashTab::Distribution => u
            .predikat
            .iter()
            .map(|&c| n(c, false))
            .chain([n(u.breaches.len(), true)])
            .collect(),
        // How many of the unit's appraisers show a bias.
        DashTab::Calibration => {
            let flagged = u
                .progress
                .appraisers
                .iter()
                .filter_map(|a| d_rater(m, a.appraiser.as_ref()))
                .filter(|f| !f.verdicts.contains(&Verdict::Ok))
                .count();
            vec![n(flagged, true)]
        }
        DashTab::Training => {
            let jp = u
                .training
                .iter()
                .map(crate::domain::career::Need::total_jp)
                .sum();
            vec![n(jp, false)]
        }
        DashTab::Career => match m
            .dash
            .career
            .as_ref()
            .and_then(|c| c.iter().find(|c| c.unit == u.unit()))
        {
            Some(c) => vec![
                n(c.eligible(), false),
                (format!("{:.1}", c.credit()), false),
            ],
            None => vec![("…".into(), false), ("…".into(), false)],
        },
    }
}

/// A grade label short enough for a column: the initials of a label of
/// several words ("Sangat Baik" → "SB"), else the word ("Kurang/Misconduct"
/// → "Kurang").
fn short(label: &str) -> String {
    let first = label.split('/').next().unwrap_or(label);
    let words: Vec<&str> = first.split_whitespace().collect();
    if words.len() > 1 {
        words.iter().filter_map(|w| w.chars().next()).collect()
    } else {
        first.to_string()
    }
}

/// A header that fits its number column.
fn pad_num(h: &str) -> String {
    if h.chars().count() > NUM - 1 {
        h.chars().take(NUM - 2).collect::<String>() + "."
    } else {
        h.to_string()
    }
}

/// An appraiser's calibration figures, when there are enough of them.
fn d_rater<'a>(
    m: &'a Model,
    appraiser: Option<&crate::domain::Nip>,
) -> Option<&'a crate::domain::calibration::Figures> {
    m.dash.data.as_ref()?.rater(appraiser?)?.figures.as_ref()
}
