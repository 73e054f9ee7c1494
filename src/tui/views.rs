//! Views: short-lived structs that borrow the model and draw it.

mod chrome;
mod dashboard;
mod feedback;
mod first_run;
mod flow;
mod history;
mod login;
mod meeting;
mod overlay;
mod own;
mod pin;
pub mod practice;
mod quick;
mod ratings;
mod roster;
mod scoring;
mod summary;
mod trend;

use super::model::{Mode, Model, Screen};
use crate::i18n::fill;
use crate::theme::Theme;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};
use unicode_width::UnicodeWidthStr;

pub use chrome::format_time;

/// The smallest terminal the layouts are made for.
pub const MIN_SIZE: (u16, u16) = (64, 20);

/// Draws the whole screen.
pub fn render(m: &Model, theme: &Theme, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_SIZE.0 || area.height < MIN_SIZE.1 {
        too_small(m, theme, frame, area);
        return;
    }
    let [header, body, status, footer] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ]));
    chrome::header(m, theme, frame, header);
    let buf = frame.buffer_mut();
    if m.locked && m.screen == Screen::Meeting {
        meeting::draw_locked(m, theme, buf, body);
        chrome::footer(m, theme, frame, footer);
        return;
    }
    if m.locked {
        pin::draw(m, theme, buf, body);
        chrome::footer(m, theme, frame, footer);
        return;
    }
    match m.screen {
        Screen::Loading => {}
        Screen::Pin => pin::draw(m, theme, buf, body),
        Screen::FirstRun => first_run::draw(m, theme, buf, body),
        Screen::Login => login::draw(m, theme, buf, body),
        Screen::Roster => roster::draw(m, theme, buf, body),
        Screen::Scoring => scoring::draw(m, theme, buf, body),
        // Before approval the employee's summary is their self-assessment.
        Screen::Summary if m.mode == Mode::Employee && !m.result_approved() => {
            own::draw(m, theme, buf, body);
        }
        Screen::Summary => summary::draw(m, theme, buf, body),
        Screen::Meeting => meeting::draw(m, theme, buf, body),
        Screen::Dashboard => dashboard::draw(m, theme, buf, body),
        Screen::Practice => practice::draw(m, theme, buf, body),
    }
    chrome::status(m, theme, frame, status);
    chrome::footer(m, theme, frame, footer);
    if let Some(items) = &m.history {
        history::draw(m, items, theme, frame, body);
    }
    if let Some(points) = &m.trend {
        trend::draw(m, points, theme, frame, body);
    }
    if m.help {
        overlay::help(m, theme, frame, body);
    }
    if let Some(q) = &m.quick {
        quick::draw(m, q, theme, frame, body);
    }
    if let Some(ed) = &m.editor {
        overlay::editor(m, ed, theme, frame, body);
    }
}

fn too_small(m: &Model, theme: &Theme, frame: &mut Frame, area: Rect) {
    let msg = fill(
        m.t().too_small,
        &[
            ("w", &MIN_SIZE.0.to_string()),
            ("h", &MIN_SIZE.1.to_string()),
            ("cw", &area.width.to_string()),
            ("ch", &area.height.to_string()),
        ],
    );
    let y = area.height / 2;
    let rect = Rect::new(
        area.x,
        area.y + y.saturating_sub(1),
        area.width,
        area.height - y.saturating_sub(1),
    );
    frame.render_widget(
        Paragraph::new(Line::styled(msg, theme.warning))
            .centered()
            .wrap(Wrap { trim: true }),
        rect,
    );
}

/// Rows a line takes when word-wrapped to `width` cells.
pub fn wrapped_rows(line: &Line<'_>, width: u16) -> usize {
    let width = usize::from(width.max(1));
    let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
    let mut rows = 1;
    let mut used = 0;
    for word in text.split(' ') {
        let w = word.width();
        if used > 0 && used + 1 + w > width {
            rows += 1;
            used = w;
        } else {
            used += w + usize::from(used > 0);
        }
        while used > width {
            rows += 1;
            used -= width;
        }
    }
    rows
}

pub fn rows(lines: &[Line<'_>], width: u16) -> usize {
    lines.iter().map(|l| wrapped_rows(l, width)).sum()
}

/// A text progress bar of `width` cells.
pub fn progress_bar(done: usize, total: usize, width: usize, theme: &Theme) -> Vec<Span<'static>> {
    let filled = if total == 0 {
        0
    } else {
        (done * width).div_ceil(total).min(width)
    };
    let filled = if done < total {
        filled.min(width - 1)
    } else {
        filled
    };
    vec![
        Span::styled("█".repeat(filled), theme.progress_done),
        Span::styled("░".repeat(width - filled), theme.progress_todo),
    ]
}

/// The style of a rating by where it falls against expectation.
pub fn rating_style(rating: u8, scale: u8, theme: &Theme) -> Style {
    match crate::domain::template::expectation_of(rating, scale) {
        crate::domain::Expectation::DiBawah => theme.rating_below,
        crate::domain::Expectation::Sesuai => theme.rating_meets,
        crate::domain::Expectation::DiAtas => theme.rating_above,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapped_rows_counts_word_wrapped_lines() {
        assert_eq!(wrapped_rows(&Line::raw("abc def"), 10), 1);
        assert_eq!(wrapped_rows(&Line::raw("abc def ghi"), 7), 2);
        assert_eq!(wrapped_rows(&Line::raw("abcdefghijkl"), 5), 3);
        assert_eq!(wrapped_rows(&Line::raw(""), 5), 1);
    }
}
