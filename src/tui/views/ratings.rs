//! The ratings of one employee as a table, with their self-assessment
//! beside them once both may be seen, and how far apart the two are.

use super::roster::pad;
use crate::domain::self_assessment::{Gap, Gaps};
use crate::domain::template::ScaledCriterion;
use crate::domain::{Assessment, SelfAssessment};
use crate::i18n::{Strings, fill};
use crate::theme::Theme;
use crate::tui::model::{Mode, Model};
use ratatui::style::Style;
use ratatui::text::{Line, Span};

/// How the appraiser's ratings compare with the employee's own, or why
/// the self-assessment is not shown.
pub fn gaps_line<'a>(
    m: &Model,
    a: &Assessment,
    own: Option<&SelfAssessment>,
    criteria: &[ScaledCriterion<'_>],
    theme: &Theme,
) -> Line<'a> {
    let t = m.t();
    let Some(own) = own else {
        // Blind: an appraiser sees it only after submitting.
        let why = match m.mode {
            Mode::Appraiser if a.status.editable() => t.self_after_submit,
            Mode::Appraiser | Mode::Reviewer => t.self_missing,
            Mode::Employee => return Line::raw(""),
        };
        return Line::styled(format!("  {}: {why}", t.self_title), theme.muted);
    };
    let gaps = Gaps::of(criteria.iter().map(|c| Gap {
        appraiser: a.rating(&c.criterion.id),
        own: own.rating(&c.criterion.id),
    }));
    let k = gaps.compared.to_string();
    if gaps.differing() == 0 {
        return Line::styled(
            format!("  {}: {}", t.self_title, fill(t.self_same, &[("k", &k)])),
            theme.saved,
        );
    }
    let text = fill(
        t.self_gaps,
        &[
            ("n", &gaps.differing().to_string()),
            ("k", &k),
            ("higher", &gaps.higher.to_string()),
            ("lower", &gaps.lower.to_string()),
            ("w", &gaps.widest.to_string()),
        ],
    );
    Line::styled(format!("  {}: {text}", t.self_title), theme.warning)
}

/// Each criterion's rating; with the employee's own beside it once both
/// may be seen, and the gap marked (▲ the appraiser rated higher, ▼ lower).
pub fn criteria_table<'a>(
    t: &Strings,
    a: &Assessment,
    own: Option<&SelfAssessment>,
    criteria: &[ScaledCriterion<'_>],
    theme: &Theme,
    width: u16,
) -> Vec<Line<'a>> {
    // Beside the employee's own, the appraiser's column is headed too.
    let (aw, extra) = if own.is_some() { (5, 11) } else { (3, 0) };
    let w = (width as usize).saturating_sub(12 + extra).min(40);
    let mark = |r: Option<u8>, scale: u8| -> (String, Style) {
        match r {
            Some(r) => (format!("{r}/{scale}"), super::rating_style(r, scale, theme)),
            None => ("·".into(), theme.muted),
        }
    };
    let mut lines = Vec::with_capacity(criteria.len() + 1);
    if own.is_some() {
        lines.push(Line::styled(
            format!("  {:>aw$} {:>4}", t.self_appraiser_short, t.self_short),
            theme.muted,
        ));
    }
    for c in criteria {
        let e = a.entry(&c.criterion.id);
        let (text, style) = mark(e.and_then(|e| e.rating), c.scale);
        let noted = if e.is_some_and(|e| !e.note.is_empty()) {
            " ✎"
        } else {
            ""
        };
        let mut spans = vec![Span::styled(format!("  {text:>aw$} "), style)];
        if let Some(own) = own {
            let r = own.rating(&c.criterion.id);
            let (text, style) = mark(r, c.scale);
            spans.push(Span::styled(format!("{text:>4}"), style));
            let gap = Gap {
                appraiser: e.and_then(|e| e.rating),
                own: r,
            };
            spans.push(match gap.delta() {
                Some(d) if d > 0 => Span::styled(format!(" ▲{d} "), theme.warning),
                Some(d) if d < 0 => Span::styled(format!(" ▼{} ", -d), theme.warning),
                _ => Span::raw("    "),
            });
        }
        spans.push(Span::styled(pad(&c.criterion.name, w), theme.text));
        spans.push(Span::styled(noted, theme.muted));
        lines.push(Line::from(spans));
    }
    lines
}

/// Before submitting, the appraiser's own calibration figures when they
/// show a bias: a gentle warning, never a block. Nothing otherwise.
pub fn calibration_line<'a>(m: &Model, a: &Assessment, theme: &Theme) -> Option<Line<'a>> {
    use crate::domain::calibration::Verdict;
    if m.mode != Mode::Appraiser || !a.status.editable() {
        return None;
    }
    let f = m.my_calibration.as_ref()?.figures.as_ref()?;
    let t = m.t();
    let words: Vec<&str> = f
        .verdicts
        .iter()
        .filter_map(|v| match v {
            Verdict::Ok => None,
            Verdict::Lenient => Some(t.bias_lenient),
            Verdict::Severe => Some(t.bias_severe),
            Verdict::CentralTendency => Some(t.bias_central),
            Verdict::Halo => Some(t.bias_halo),
        })
        .collect();
    if words.is_empty() {
        return None;
    }
    let offset = f
        .offset
        .map_or_else(|| "—".to_string(), |o| format!("{o:+.2}"));
    Some(Line::styled(
        format!(
            "  {}",
            fill(
                t.own_calibration,
                &[
                    ("bias", &words.join(", ")),
                    ("offset", &offset),
                    ("middle", &format!("{:.0}", f.middle_share * 100.0)),
                ]
            )
        ),
        theme.warning,
    ))
}
