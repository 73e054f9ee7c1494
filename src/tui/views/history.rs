//! The history overlay: who changed what in the assessment, newest first.

use crate::domain::Aspect;
use crate::domain::assessment::{AspectValue, Status};
use crate::domain::history::{Change, Item};
use crate::i18n::fill;
use crate::theme::Theme;
use crate::tui::model::Model;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Wrap};

fn describe(m: &Model, change: &Change) -> String {
    let t = m.t();
    let name = |id: &str| {
        m.current_person()
            .and_then(|p| m.criteria(p).into_iter().find(|c| c.criterion.id == id))
            .map_or_else(|| id.to_string(), |c| c.criterion.name.clone())
    };
    let aspect = |a: &Aspect| match a {
        Aspect::HasilKerja => t.hasil_kerja,
        Aspect::PerilakuKerja => t.perilaku_kerja,
    };
    let status = |s: &Status| t.state(*s);
    let short = |text: &str| {
        let one_line = text.replace('\n', " ");
        super::roster::pad(&one_line, 60).trim_end().to_string()
    };
    match change {
        Change::Rating {
            criterion,
            from,
            to,
        } => {
            let r = |v: &Option<u8>| v.map_or_else(|| "—".to_string(), |v| v.to_string());
            fill(
                t.h_rating,
                &[("c", &name(criterion)), ("from", &r(from)), ("to", &r(to))],
            )
        }
        Change::Note { criterion, text } => {
            fill(t.h_note, &[("c", &name(criterion)), ("text", &short(text))])
        }
        Change::Realisasi { criterion, text } => fill(
            t.h_realisasi,
            &[("c", &name(criterion)), ("text", &short(text))],
        ),
        Change::Decision {
            aspect: a,
            value: None,
            ..
        } => fill(t.h_cleared, &[("aspect", aspect(a))]),
        Change::Decision {
            aspect: a,
            value: Some(v),
            reason,
        } => {
            let value = match v {
                AspectValue::Expectation(e) => e.label().to_string(),
                AspectValue::Score(s) => t.number(*s),
            };
            let args = [
                ("aspect", aspect(a)),
                ("value", value.as_str()),
                ("reason", reason.as_str()),
            ];
            fill(
                if reason.is_empty() {
                    t.h_decision
                } else {
                    t.h_decision_reason
                },
                &args,
            )
        }
        Change::Lists => t.h_lists.to_string(),
        Change::Status { from, to } => {
            fill(t.h_status, &[("from", status(from)), ("to", status(to))])
        }
        Change::Step { from, to, text } => {
            let line = fill(t.h_status, &[("from", status(from)), ("to", status(to))]);
            if text.is_empty() {
                line
            } else {
                format!("{line}: “{}”", short(text))
            }
        }
    }
}

/// Two lines per change: when and who, then what.
fn lines<'a>(m: &Model, item: &Item, theme: &Theme) -> [Line<'a>; 2] {
    let who = item
        .actor
        .as_ref()
        .and_then(|n| m.person(n))
        .map_or_else(|| "—".to_string(), |p| p.name.clone());
    [
        Line::from(vec![
            Span::styled(format!("{} · ", super::format_time(item.time)), theme.muted),
            Span::styled(who, theme.title),
        ]),
        Line::styled(format!("  {}", describe(m, &item.change)), theme.text),
    ]
}

pub fn draw(m: &Model, items: &[Item], theme: &Theme, frame: &mut Frame, area: Rect) {
    let t = m.t();
    let lines: Vec<Line> = if items.is_empty() {
        vec![Line::styled(t.history_empty, theme.muted)]
    } else {
        items
            .iter()
            .rev()
            .flat_map(|i| lines(m, i, theme))
            .collect()
    };
    let body = Paragraph::new(lines).wrap(Wrap { trim: false });
    super::overlay::person_panel(m, t.history_title, body, theme, frame, area);
}
