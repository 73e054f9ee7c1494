//! The employee's own summary before their result is approved: their
//! self-assessment (penilaian diri), how far along it is, and sending it.
//! The appraiser's ratings are not here: the store does not send them.

use crate::domain::Status;
use crate::i18n::fill;
use crate::theme::Theme;
use crate::tui::action::Action;
use crate::tui::keymap::Context;
use crate::tui::model::Model;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Paragraph, Widget, Wrap};

pub fn draw(m: &Model, theme: &Theme, buf: &mut Buffer, area: Rect) {
    let t = m.t();
    let Some(p) = m.current_person() else { return };
    let criteria = m.criteria(p);
    let sheet = m.sheet(&p.nip);
    let n = criteria.len();
    let done = sheet.rated_count(criteria.iter().map(|c| c.criterion.id.as_str()));
    let sent = m.selfs.get(&p.nip).and_then(|s| s.sent);
    let state = match sent {
        Some(at) => (
            fill(t.self_sent_on, &[("when", &super::format_time(at))]),
            theme.saved,
        ),
        None => (t.state(Status::Draft).to_string(), theme.warning),
    };
    let mut lines = vec![
        Line::from(vec![
            Span::styled(p.name.clone(), theme.title),
            Span::styled(format!("  {}  ", p.nip), theme.muted),
            Span::styled(format!("{}: ", t.status_label), theme.muted),
            Span::styled(state.0, state.1),
        ]),
        Line::from(
            [
                vec![Span::styled(
                    format!(
                        "{}  ",
                        fill(
                            t.self_rated,
                            &[("k", &done.to_string()), ("n", &n.to_string())]
                        )
                    ),
                    theme.text,
                )],
                super::progress_bar(done, n, 20, theme),
            ]
            .concat(),
        ),
    ];
    let hint = |action: &Action, text: &str| {
        let key = m.keys(Context::OwnSelf, action);
        Line::styled(fill(text, &[("key", &key)]), theme.text)
    };
    if sent.is_none() {
        lines.push(hint(&Action::Scoring, t.self_walk_hint));
        lines.push(hint(&Action::SendSelf, t.self_send_hint));
    }
    lines.push(Line::styled(t.own_nothing_yet, theme.muted));
    lines.push(Line::raw(""));
    let w = usize::from(area.width.saturating_sub(14)).min(60);
    for c in &criteria {
        let r = sheet.rating(&c.criterion.id);
        let (mark, style) = match r {
            Some(r) => (
                format!("{r}/{}", c.scale),
                super::rating_style(r, c.scale, theme),
            ),
            None => ("·".into(), theme.muted),
        };
        lines.push(Line::from(vec![
            Span::styled(format!("  {mark:>3}  "), style),
            Span::styled(super::roster::pad(&c.criterion.name, w), theme.text),
        ]));
    }
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.border_focused)
        .title(Line::styled(format!(" {} ", t.self_title), theme.title));
    Paragraph::new(lines)
        .wrap(Wrap { trim: false })
        .block(block)
        .render(area, buf);
}
