//! What the workflow says about a record, on its summary: who returned,
//! approved, objected or decided it, when and why; and, to a reviewer
//! deciding an objection, how to change the results as part of it.

use crate::domain::workflow::Remark;
use crate::domain::{Assessment, Status};
use crate::i18n::fill;
use crate::theme::Theme;
use crate::tui::action::Action;
use crate::tui::keymap::Context;
use crate::tui::model::{Mode, Model};
use ratatui::style::Style;
use ratatui::text::Line;

pub fn lines<'a>(m: &Model, a: &Assessment, theme: &Theme) -> Vec<Line<'a>> {
    let t = m.t();
    let f = &a.flow;
    let say = |template: &str, r: &Remark, style: Style| {
        let who = m
            .person(&r.by)
            .map_or_else(|| r.by.to_string(), |p| p.name.clone());
        let when = super::format_time(r.at);
        Line::styled(
            format!(
                "  {}",
                fill(
                    template,
                    &[("who", &who), ("when", &when), ("text", r.text.trim())]
                )
            ),
            style,
        )
    };
    let mut out = Vec::new();
    match a.status {
        Status::Returned => out.extend(
            f.returned
                .as_ref()
                .map(|r| say(t.flow_returned, r, theme.warning)),
        ),
        Status::Draft => {
            // Reopened and not submitted since: say why.
            let since = f.submitted.as_ref().map_or(i64::MIN, |s| s.at);
            if let Some(r) = f.reopened.as_ref().filter(|r| r.at >= since) {
                out.push(say(t.flow_reopened, r, theme.warning));
            }
        }
        Status::Approved | Status::Acknowledged => {
            out.extend(
                f.approved
                    .as_ref()
                    .map(|r| say(t.flow_approved, r, theme.muted)),
            );
        }
        Status::Objected | Status::Decided => {
            out.extend(
                f.objection
                    .as_ref()
                    .map(|r| say(t.flow_objection, r, theme.warning)),
            );
            if a.status == Status::Decided {
                out.extend(
                    f.decision
                        .as_ref()
                        .map(|r| say(t.flow_decision, r, theme.text)),
                );
            } else if m.mode == Mode::Reviewer {
                let key = m.keys(Context::Review, &Action::DecideObjection);
                let score = m.keys(Context::Review, &Action::EditScore);
                out.push(Line::styled(
                    format!(
                        "  {}",
                        fill(t.decide_hint, &[("key", &key), ("score", &score)])
                    ),
                    theme.muted,
                ));
            }
        }
        Status::Submitted => {}
    }
    out
}
