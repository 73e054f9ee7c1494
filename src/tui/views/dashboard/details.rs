//! The selected unit's details under the dashboard's table, per tab.

use super::pad;
use crate::domain::dashboard::{Dashboard, UnitFigures};
use crate::i18n::fill;
use crate::theme::Theme;
use crate::tui::model::Model;
use ratatui::text::{Line, Span};

/// The most names listed as late per appraiser.
const LATE_NAMES: usize = 4;

/// The selected unit's result (its name is the table's ▶ row).
fn unit_head<'a>(m: &Model, u: &UnitFigures, theme: &Theme) -> Line<'a> {
    let t = m.t();
    match u.result {
        Some(r) => Line::styled(
            fill(t.dash_org_result, &[("result", r.label())]),
            theme.title,
        ),
        None => Line::styled(t.dash_org_result_none, theme.muted),
    }
}

pub fn progress<'a>(m: &Model, d: &Dashboard, u: &UnitFigures, theme: &Theme) -> Vec<Line<'a>> {
    let t = m.t();
    let end = m.org.period(&d.period).map_or("?", |p| p.end.as_str());
    let when = fill(
        if d.ended {
            t.dash_ended
        } else {
            t.dash_running
        },
        &[("end", end)],
    );
    let mut lines = vec![unit_head(m, u, theme), Line::styled(when, theme.muted)];
    for a in &u.progress.appraisers {
        let name = a.appraiser.as_ref().map_or_else(
            || t.dash_no_appraiser.to_string(),
            |n| {
                m.person(n)
                    .map_or_else(|| n.to_string(), |p| p.name.clone())
            },
        );
        let mut spans = vec![Span::styled(
            fill(
                t.dash_appraiser_line,
                &[
                    ("name", &name),
                    ("done", &a.counts.done().to_string()),
                    ("n", &a.counts.total().to_string()),
                ],
            ),
            theme.text,
        )];
        if !a.late.is_empty() {
            let mut names: Vec<String> = a
                .late
                .iter()
                .take(LATE_NAMES)
                .map(|n| {
                    m.person(n)
                        .map_or_else(|| n.to_string(), |p| p.name.clone())
                })
                .collect();
            if a.late.len() > LATE_NAMES {
                names.push(fill(
                    t.feedback_more,
                    &[("n", &(a.late.len() - LATE_NAMES).to_string())],
                ));
            }
            spans.push(Span::styled(
                format!(
                    " · {}",
                    fill(t.dash_late_names, &[("names", &names.join(", "))])
                ),
                theme.warning,
            ));
        }
        lines.push(Line::from(spans));
    }
    lines
}

pub fn distribution<'a>(
    m: &Model,
    d: &Dashboard,
    u: &UnitFigures,
    theme: &Theme,
    width: u16,
) -> Vec<Line<'a>> {
    let t = m.t();
    let judged = u.judged();
    let mut head = unit_head(m, u, theme);
    head.spans.push(Span::styled(
        format!(" · {}", fill(t.dash_judged, &[("n", &judged.to_string())])),
        theme.muted,
    ));
    // The rules first: what is broken matters more than the bars.
    let mut lines = vec![head];
    lines.extend(rules(m, d, u, theme));
    let label_w = 18;
    let bar_w = usize::from(width).saturating_sub(label_w + 14).max(10);
    for ((id, label), &n) in d.grades.iter().zip(&u.predikat) {
        let share = if judged == 0 {
            0.0
        } else {
            n as f64 / judged as f64
        };
        let mut spans = vec![Span::styled(pad(label, label_w), theme.text)];
        spans.extend(bar(share, bar_w, marks(u, id, bar_w), theme));
        spans.push(Span::styled(
            format!(" {n:>3} {:>4.0}%", share * 100.0),
            theme.text,
        ));
        lines.push(Line::from(spans));
    }
    lines
}

/// Where a limit on this grade alone falls on its bar (┃).
fn marks(u: &UnitFigures, grade: &str, width: usize) -> Vec<usize> {
    u.limits
        .iter()
        .filter(|l| l.grades.len() == 1 && l.grades[0] == grade)
        .flat_map(|l| [l.max_percent, l.min_percent])
        .flatten()
        .map(|p| ((p / 100.0 * width as f64).round() as usize).min(width.saturating_sub(1)))
        .collect()
}

/// A bar of `width` cells filled to `share`, with limit marks drawn in.
fn bar<'a>(share: f64, width: usize, marks: Vec<usize>, theme: &Theme) -> Vec<Span<'a>> {
    let filled = ((share * width as f64).round() as usize).min(width);
    (0..width)
        .map(|i| {
            if marks.contains(&i) {
                Span::styled("┃", theme.warning)
            } else if i < filled {
                Span::styled("█", theme.progress_done)
            } else {
                Span::styled("░", theme.progress_todo)
            }
        })
        .collect()
}

/// The unit result's limits, each met or broken by how many people.
fn rules<'a>(m: &Model, d: &Dashboard, u: &UnitFigures, theme: &Theme) -> Vec<Line<'a>> {
    use crate::domain::distribution::Bound;
    let t = m.t();
    let Some(result) = u.result else {
        return Vec::new();
    };
    let label = |id: &str| {
        d.grades
            .iter()
            .find(|(g, _)| g == id)
            .map_or_else(|| id.to_string(), |(_, l)| l.clone())
    };
    let mut lines = vec![Line::styled(
        fill(t.dash_rules_title, &[("result", result.label())]),
        theme.muted,
    )];
    for l in &u.limits {
        let grades: Vec<String> = l.grades.iter().map(|g| label(g)).collect();
        let grades = grades.join(t.dash_and_or);
        let text = if let Some(p) = l.max_percent {
            fill(
                t.dash_rule_max,
                &[("p", &format!("{p:.0}")), ("grades", &grades)],
            )
        } else if let Some(p) = l.min_percent {
            fill(
                t.dash_rule_min,
                &[("p", &format!("{p:.0}")), ("grades", &grades)],
            )
        } else {
            fill(t.dash_rule_some, &[("grades", &grades)])
        };
        let broken = u.breaches.iter().find(|b| b.grades == l.grades);
        let (verdict, style) = match broken {
            None => (t.dash_rule_ok.to_string(), theme.saved),
            Some(b) => {
                let share = format!("{:.0}", b.count as f64 * 100.0 / b.total.max(1) as f64);
                let args = [
                    ("count", b.count.to_string()),
                    ("total", b.total.to_string()),
                    ("share", share),
                    ("by", b.by.to_string()),
                ];
                let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
                let template = match b.bound {
                    Bound::AtMostPercent(_) => t.dash_rule_over,
                    Bound::AtLeastPercent(_) | Bound::AtLeastPeople(_) => t.dash_rule_under,
                };
                (format!("⚠ {}", fill(template, &args)), theme.warning)
            }
        };
        lines.push(Line::from(vec![
            Span::styled(format!("  {text}: "), theme.text),
            Span::styled(verdict, style),
        ]));
    }
    lines
}

pub fn training<'a>(
    m: &Model,
    d: &Dashboard,
    u: &UnitFigures,
    theme: &Theme,
    width: u16,
) -> Vec<Line<'a>> {
    let t = m.t();
    let mut lines = vec![unit_head(m, u, theme)];
    let name_w = usize::from(width).saturating_sub(24).clamp(20, 60);
    if u.training.is_empty() {
        lines.push(Line::styled(t.dash_training_empty, theme.muted));
    } else {
        lines.push(needs_head(t, name_w, theme));
        lines.extend(
            u.training
                .iter()
                .take(8)
                .map(|n| need_line(n, name_w, theme)),
        );
    }
    let total: usize = d
        .training
        .iter()
        .map(crate::domain::career::Need::total_jp)
        .sum();
    lines.push(Line::styled(
        format!("{}: {} · {total} JP", t.dash_training_all, d.training.len()),
        theme.muted,
    ));
    lines
}

fn needs_head<'a>(t: &crate::i18n::Strings, name_w: usize, theme: &Theme) -> Line<'a> {
    let cols: Vec<&str> = t.dash_training_head.split('|').collect();
    let col = |i: usize| cols.get(i).copied().unwrap_or("");
    Line::styled(
        format!(
            "{} {:>7} {:>5} {:>9}",
            pad(col(0), name_w),
            col(1),
            col(2),
            col(3)
        ),
        theme.muted,
    )
}

fn need_line<'a>(n: &crate::domain::career::Need, name_w: usize, theme: &Theme) -> Line<'a> {
    Line::styled(
        format!(
            "{} {:>7} {:>5} {:>9}",
            pad(&n.name, name_w),
            n.people,
            n.jp,
            n.total_jp()
        ),
        theme.text,
    )
}

/// The selected unit's people: this period's final predikat, angka
/// kredit (functional posts) and promotion eligibility.
pub fn career<'a>(m: &Model, u: &UnitFigures, theme: &Theme, width: u16) -> Vec<Line<'a>> {
    use crate::domain::career::Promotion;
    let t = m.t();
    let mut lines = vec![unit_head(m, u, theme)];
    let Some(c) = m.dash.unit_career() else {
        lines.push(Line::styled(t.dash_loading, theme.muted));
        return lines;
    };
    let name_w = usize::from(width).saturating_sub(56).clamp(16, 40);
    let cols: Vec<&str> = t.dash_career_head.split('|').collect();
    let col = |i: usize| cols.get(i).copied().unwrap_or("");
    lines.push(Line::styled(
        format!(
            "{} {} {} {:>6}  {}",
            pad(col(0), name_w),
            pad(col(1), 16),
            pad(col(2), 13),
            col(3),
            col(4)
        ),
        theme.muted,
    ));
    for r in &c.rows {
        let name = m
            .person(&r.nip)
            .map_or_else(|| r.nip.to_string(), |p| p.name.clone());
        let (promo, style) = match &r.promotion {
            Promotion::Eligible => (t.dash_eligible.to_string(), theme.saved),
            Promotion::NotYet {
                short,
                missing_years,
            } => {
                let mut why = short.clone();
                if *missing_years > 0 {
                    why.push(fill(
                        t.dash_years_missing,
                        &[("n", &missing_years.to_string())],
                    ));
                }
                (
                    fill(t.dash_not_yet, &[("why", &why.join("; "))]),
                    theme.muted,
                )
            }
        };
        let credit = r
            .credit
            .map_or_else(|| "—".to_string(), |c| format!("{c:.2}"));
        lines.push(Line::from(vec![
            Span::styled(
                format!(
                    "{} {} {} {credit:>6}  ",
                    pad(&name, name_w),
                    pad(r.grade.as_deref().unwrap_or("—"), 16),
                    pad(r.jenjang.as_deref().unwrap_or("—"), 13),
                ),
                theme.text,
            ),
            Span::styled(promo, style),
        ]));
    }
    lines
}
