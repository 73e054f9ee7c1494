//! Feedback notes as evidence: beside the matching criterion on the
//! scoring card, and all of them on the summary.

use crate::domain::feedback::{Feedback, Tone, tally, timeline};
use crate::domain::template::ScaledCriterion;
use crate::domain::{Nip, Person};
use crate::i18n::fill;
use crate::theme::Theme;
use crate::tui::action::Action;
use crate::tui::keymap::Context;
use crate::tui::model::Model;
use ratatui::text::{Line, Span};

/// Notes shown beside a criterion on the scoring card.
const ON_CARD: usize = 3;
/// Notes shown on the summary.
const ON_SUMMARY: usize = 6;

/// The notes about one employee.
fn about(m: &Model, nip: &Nip) -> Vec<Feedback> {
    m.feedback
        .iter()
        .filter(|f| &f.key.employee == nip)
        .cloned()
        .collect()
}

/// `+ 2026-11-12 · Author: text`, with the criterion when asked.
pub fn note_line<'a>(m: &Model, f: &Feedback, criterion: Option<&str>, theme: &Theme) -> Line<'a> {
    let sign_style = match f.tone {
        Tone::Positive => theme.saved,
        Tone::Negative => theme.warning,
    };
    let author = if m.me.as_ref() == Some(&f.author) {
        m.t().feedback_you.to_string()
    } else {
        m.person(&f.author)
            .map_or_else(|| f.author.to_string(), |p| p.name.clone())
    };
    let date = super::format_time(f.at);
    let date = date.split(' ').next().unwrap_or_default().to_string();
    let mut spans = vec![
        Span::styled(format!("{} ", f.tone.sign()), sign_style),
        Span::styled(format!("{date} · {author}: "), theme.muted),
    ];
    if let Some(c) = criterion {
        spans.push(Span::styled(format!("[{c}] "), theme.muted));
    }
    spans.push(Span::styled(f.text.clone(), theme.text));
    Line::from(spans)
}

/// The notes about one criterion of `p`, newest first, for the card.
pub fn card_lines<'a>(m: &Model, p: &Person, criterion: &str, theme: &Theme) -> Vec<Line<'a>> {
    let notes = about(m, &p.nip);
    let list = timeline(&notes, Some(criterion));
    if list.is_empty() {
        return Vec::new();
    }
    let key = m.keys(Context::Scoring, &Action::QuickFeedback);
    // The newest note on the heading's line: it shows even when the card
    // has room for one line only.
    let mut first = note_line(m, list[0], None, theme);
    first.spans.insert(
        0,
        Span::styled(format!("{} ({key}): ", m.t().feedback_title), theme.muted),
    );
    let mut lines = vec![first];
    lines.extend(
        list.iter()
            .skip(1)
            .take(ON_CARD - 1)
            .map(|f| note_line(m, f, None, theme)),
    );
    lines.extend(more(m, list.len(), ON_CARD, theme));
    lines
}

/// The summary's feedback section: counts, then the newest notes.
pub fn summary_lines<'a>(
    m: &Model,
    p: &Person,
    criteria: &[ScaledCriterion<'_>],
    theme: &Theme,
) -> Vec<Line<'a>> {
    let t = m.t();
    let mut notes = about(m, &p.nip);
    if notes.is_empty() {
        return Vec::new();
    }
    notes.sort_by_key(|f| std::cmp::Reverse(f.id));
    let n = tally(&notes);
    let mut lines = vec![
        Line::raw(""),
        Line::from(vec![
            Span::styled(format!("{}: ", t.feedback_title), theme.title),
            Span::styled(
                fill(
                    t.feedback_count,
                    &[
                        ("p", &n.positive.to_string()),
                        ("n", &n.negative.to_string()),
                    ],
                ),
                theme.muted,
            ),
        ]),
    ];
    let name = |id: &str| {
        criteria
            .iter()
            .find(|c| c.criterion.id == id)
            .map_or_else(|| id.to_string(), |c| c.criterion.name.clone())
    };
    for f in notes.iter().take(ON_SUMMARY) {
        let c = f.criterion.as_deref().map(name);
        let mut line = note_line(m, f, c.as_deref(), theme);
        line.spans.insert(0, Span::raw("  "));
        lines.push(line);
    }
    lines.extend(more(m, notes.len(), ON_SUMMARY, theme));
    lines
}

fn more<'a>(m: &Model, total: usize, shown: usize, theme: &Theme) -> Option<Line<'a>> {
    (total > shown).then(|| {
        Line::styled(
            fill(m.t().feedback_more, &[("n", &(total - shown).to_string())]),
            theme.muted,
        )
    })
}
