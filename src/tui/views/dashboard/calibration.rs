//! The dashboard's calibration tab: each appraiser of the selected unit
//! with their leniency or severity, central tendency and halo, from
//! enough rated staff only.

use crate::domain::calibration::{MIN_EMPLOYEES, Verdict};
use crate::domain::dashboard::{Dashboard, UnitFigures};
use crate::i18n::fill;
use crate::theme::Theme;
use crate::tui::model::Model;
use ratatui::text::{Line, Span};

pub fn lines<'a>(m: &Model, d: &Dashboard, u: &UnitFigures, theme: &Theme) -> Vec<Line<'a>> {
    let t = m.t();
    let mut lines = vec![Line::styled(
        fill(
            t.dash_calibration_head,
            &[("n", &MIN_EMPLOYEES.to_string())],
        ),
        theme.muted,
    )];
    for a in &u.progress.appraisers {
        let Some(nip) = &a.appraiser else { continue };
        let name = m
            .person(nip)
            .map_or_else(|| nip.to_string(), |p| p.name.clone());
        let Some(r) = d.rater(nip) else {
            lines.push(Line::styled(
                fill(t.dash_calibration_none, &[("name", &name)]),
                theme.muted,
            ));
            continue;
        };
        let Some(f) = &r.figures else {
            lines.push(Line::styled(
                fill(
                    t.dash_calibration_few,
                    &[("name", &name), ("n", &r.employees.to_string())],
                ),
                theme.muted,
            ));
            continue;
        };
        let offset = f
            .offset
            .map_or_else(|| "—".to_string(), |o| format!("{o:+.2}"));
        let words: Vec<&str> = f
            .verdicts
            .iter()
            .map(|v| match v {
                Verdict::Ok => t.bias_ok,
                Verdict::Lenient => t.bias_lenient,
                Verdict::Severe => t.bias_severe,
                Verdict::CentralTendency => t.bias_central,
                Verdict::Halo => t.bias_halo,
            })
            .collect();
        let style = if f.verdicts == [Verdict::Ok] {
            theme.saved
        } else {
            theme.warning
        };
        lines.push(Line::from(vec![
            Span::styled(format!("{name}: "), theme.title),
            Span::styled(
                fill(
                    t.dash_calibration_line,
                    &[
                        ("n", &r.employees.to_string()),
                        ("offset", &offset),
                        ("middle", &format!("{:.0}", f.middle_share * 100.0)),
                        ("spread", &format!("{:.2}", f.spread)),
                        ("halo", &format!("{:.2}", f.halo_spread)),
                    ],
                ),
                theme.text,
            ),
            Span::styled(format!(" · {}", words.join(", ")), style),
        ]));
        if let Some(a) = &r.self_agreement {
            lines.push(Line::styled(
                format!(
                    "  {}",
                    fill(
                        t.dash_self_agreement,
                        &[
                            ("alpha", &format!("{:.2}", a.alpha)),
                            ("rwg", &format!("{:.2}", a.rwg)),
                            ("n", &a.pairs.to_string())
                        ]
                    )
                ),
                theme.muted,
            ));
        }
    }
    lines
}
