//! The trend overlay: an employee's result in each period, and each
//! BerAKHLAK value across periods as a text sparkline.

use super::roster::pad;
use crate::domain::trend::{Point, sparkline};
use crate::theme::Theme;
use crate::tui::model::Model;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub fn draw(m: &Model, points: &[Point], theme: &Theme, frame: &mut Frame, area: Rect) {
    let t = m.t();
    let mut lines = vec![Line::styled(
        format!("{} {}", pad(t.trend_period, 22), t.trend_result),
        theme.muted,
    )];
    for p in points {
        let result = match (&p.grade, p.score) {
            (Some(g), Some(s)) => format!("{g} ({s:.1})"),
            (Some(g), None) => g.clone(),
            (None, _) => "—".to_string(),
        };
        lines.push(Line::from(vec![
            Span::styled(pad(&p.period_name, 22), theme.text),
            Span::styled(format!("{result}  "), theme.title),
            Span::styled(format!("({})", t.state(p.status)), theme.muted),
        ]));
    }
    if points.is_empty() {
        lines.push(Line::styled(t.trend_empty, theme.muted));
    }
    // Each value across the periods: the ratings, then a sparkline.
    if let Some(first) = points.last() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(t.trend_values, theme.muted));
        for v in &first.values {
            let series: Vec<(Option<u8>, u8)> = points
                .iter()
                .map(|p| {
                    p.values
                        .iter()
                        .find(|x| x.id == v.id)
                        .map_or((None, v.scale), |x| (x.rating, x.scale))
                })
                .collect();
            let numbers: Vec<String> = series
                .iter()
                .map(|(r, _)| r.map_or_else(|| "·".to_string(), |r| r.to_string()))
                .collect();
            lines.push(Line::from(vec![
                Span::styled(pad(&v.name, 24), theme.text),
                Span::styled(format!("{} ", sparkline(&series)), theme.title),
                Span::styled(numbers.join(" "), theme.muted),
            ]));
        }
    }
    super::overlay::person_panel(m, t.trend_title, Paragraph::new(lines), theme, frame, area);
}
