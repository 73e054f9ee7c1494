//! An employee's results across periods: the predikat (or score) of
//! each period and their rating on each behaviour value, for the trend
//! view. Pure: the store picks the records the asker may read.

use super::assessment::{Assessment, Status};
use super::summary::summarize;
use super::template::{Aspect, ScaledCriterion};
use super::{Catalogue, Period, Scheme};
use serde::{Deserialize, Serialize};

/// One period of the trend.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Point {
    pub period: String,
    pub period_name: String,
    pub status: Status,
    /// The predikat or band label, once both aspects have a result.
    pub grade: Option<String>,
    /// Under a numeric scheme, the total score.
    pub score: Option<f64>,
    /// Each behaviour value (criterion id, name) with its rating and scale.
    pub values: Vec<Value>,
}

/// A behaviour value's rating in one period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Value {
    pub id: String,
    pub name: String,
    pub rating: Option<u8>,
    pub scale: u8,
}

/// The trend point of one assessment, judged by its period's scheme.
pub fn point(
    period: &Period,
    criteria: &[ScaledCriterion<'_>],
    a: &Assessment,
    scheme: &Scheme,
    catalogue: &Catalogue,
) -> Point {
    let s = summarize(criteria, a, scheme, catalogue);
    let grade = s.outcome.as_ref().map(|o| {
        scheme
            .grade(o.grade())
            .map_or_else(|| o.grade().to_string(), |g| g.label.clone())
    });
    let score = match &s.outcome {
        Some(super::Outcome::Score { total, .. }) => Some(*total),
        _ => None,
    };
    Point {
        period: period.id.clone(),
        period_name: period.name.clone(),
        status: a.status,
        grade,
        score,
        values: criteria
            .iter()
            .filter(|c| c.criterion.aspect == Aspect::PerilakuKerja)
            .map(|c| Value {
                id: c.criterion.id.clone(),
                name: c.criterion.name.clone(),
                rating: a.rating(&c.criterion.id),
                scale: c.scale,
            })
            .collect(),
    }
}

/// One mark per period for a value's ratings, lowest to highest level
/// as ▁ to █ (`·` where there is no rating): a sparkline in text.
pub fn sparkline(ratings: &[(Option<u8>, u8)]) -> String {
    const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];
    ratings
        .iter()
        .map(|&(r, scale)| match r {
            Some(r) if scale > 1 => {
                let at =
                    usize::from(r.saturating_sub(1)) * (BARS.len() - 1) / usize::from(scale - 1);
                BARS[at.min(BARS.len() - 1)]
            }
            Some(_) => BARS[BARS.len() - 1],
            None => '·',
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sparklines_span_the_scale() {
        assert_eq!(
            sparkline(&[(Some(1), 5), (Some(3), 5), (Some(5), 5), (None, 5)]),
            "▁▄█·"
        );
        assert_eq!(
            sparkline(&[(Some(1), 3), (Some(2), 3), (Some(3), 3)]),
            "▁▄█"
        );
    }

    #[test]
    fn a_point_has_the_grade_and_each_behaviour_value() {
        let r = crate::data::reference().expect("reference");
        let demo = crate::data::demo().expect("demo");
        let a = demo
            .assessments
            .iter()
            .find(|a| a.key.period == "2026-S1" && a.status == Status::Acknowledged)
            .expect("an accepted result");
        let p = demo
            .org
            .people
            .iter()
            .find(|p| p.nip == a.key.employee)
            .expect("person");
        let period = demo.org.period("2026-S1").expect("period");
        let scheme = r.scheme(&period.scheme).expect("scheme");
        let criteria = r.criteria_of(p);
        let pt = point(period, &criteria, a, scheme, &r.catalogue);
        assert!(pt.grade.is_some(), "an accepted result has a predikat");
        assert_eq!(pt.score, None, "PermenPANRB 6/2022 has no score");
        assert_eq!(pt.values.len(), 7, "the seven BerAKHLAK values");
        assert!(pt.values.iter().all(|v| v.rating.is_some() && v.scale == 5));
    }
}
