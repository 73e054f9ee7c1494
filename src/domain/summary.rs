//! The summary: suggested aspect results, the final result, strengths and
//! areas needing improvement with training, and what still blocks completion.

use super::assessment::{AspectValue, Assessment, ListKind, SummaryItem};
use super::scheme::{Outcome, Scheme};
use super::template::{Aspect, Expectation, RhkKind, ScaledCriterion, expectation_of};
use super::training::{Catalogue, Programme, TrainingLevel};

/// How many derived strengths or improvements are listed at most.
pub const LIST_LEN: usize = 3;

/// The PermenPANRB 6/2022 guidance as a rule over rated items, each given as
/// (its expectation, whether it is a key item that must not be below).
///
/// Di Atas: more than half above and no key item below. Di Bawah: more than
/// half below. Otherwise Sesuai. `None` when nothing is rated yet.
pub fn suggest_expectation(items: &[(Expectation, bool)]) -> Option<Expectation> {
    if items.is_empty() {
        return None;
    }
    let n = items.len();
    let above = items
        .iter()
        .filter(|(e, _)| *e == Expectation::DiAtas)
        .count();
    let below = items
        .iter()
        .filter(|(e, _)| *e == Expectation::DiBawah)
        .count();
    let key_below = items
        .iter()
        .any(|(e, key)| *key && *e == Expectation::DiBawah);
    Some(if above * 2 > n && !key_below {
        Expectation::DiAtas
    } else if below * 2 > n {
        Expectation::DiBawah
    } else {
        Expectation::Sesuai
    })
}

/// A criterion's position on its scale, 0.0 (lowest) to 1.0 (highest).
fn normalized(rating: u8, scale: u8) -> f64 {
    if scale <= 1 {
        return 1.0;
    }
    f64::from(rating.saturating_sub(1)) / f64::from(scale - 1)
}

/// A strength or improvement, resolved for display and export.
#[derive(Debug, Clone, PartialEq)]
pub struct ResolvedItem<'a> {
    pub item: SummaryItem,
    /// The criterion's name, or the free text.
    pub title: String,
    pub rating: Option<(u8, u8)>,
    pub note: String,
    pub training: Vec<&'a Programme>,
}

/// Everything the summary screen and the export show.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary<'a> {
    pub hasil_suggested: Option<AspectValue>,
    pub perilaku_suggested: Option<AspectValue>,
    /// The appraiser's decision if any, else the suggestion.
    pub hasil: Option<AspectValue>,
    pub perilaku: Option<AspectValue>,
    pub outcome: Option<Outcome>,
    pub strengths: Vec<ResolvedItem<'a>>,
    pub improvements: Vec<ResolvedItem<'a>>,
    /// Criteria not rated yet.
    pub unrated: Vec<&'a str>,
    /// Criteria rated at an extreme without a note.
    pub missing_notes: Vec<&'a str>,
}

impl Summary<'_> {
    /// Whether the assessment may be marked complete.
    pub fn can_complete(&self) -> bool {
        self.unrated.is_empty() && self.missing_notes.is_empty() && self.outcome.is_some()
    }
}

/// Whether a rating is at either end of its scale and so needs a note.
pub fn is_extreme(rating: u8, scale: u8) -> bool {
    rating == 1 || rating == scale
}

/// The suggested value of one aspect under a scheme.
pub fn suggest(
    aspect: Aspect,
    criteria: &[ScaledCriterion<'_>],
    a: &Assessment,
    scheme: &Scheme,
) -> Option<AspectValue> {
    let rated = criteria
        .iter()
        .filter(|c| c.criterion.aspect == aspect)
        .filter_map(|c| a.rating(&c.criterion.id).map(|r| (c, r)));
    if scheme.numeric.is_some() {
        let pts: Vec<f64> = rated
            .filter_map(|(c, r)| scheme.points(r, c.scale))
            .collect();
        if pts.is_empty() {
            return None;
        }
        let mean = pts.iter().sum::<f64>() / pts.len() as f64;
        return Some(AspectValue::Score((mean * 100.0).round() / 100.0));
    }
    let items: Vec<(Expectation, bool)> = rated
        .map(|(c, r)| {
            let key = c
                .criterion
                .hasil
                .as_ref()
                .is_none_or(|h| h.kind == RhkKind::Utama);
            (expectation_of(r, c.scale), key)
        })
        .collect();
    suggest_expectation(&items).map(AspectValue::Expectation)
}

/// The final result from the two aspect values.
pub fn outcome(scheme: &Scheme, hasil: &AspectValue, perilaku: &AspectValue) -> Option<Outcome> {
    match (hasil, perilaku) {
        (AspectValue::Expectation(h), AspectValue::Expectation(p)) => {
            scheme.predikat(*h, *p).map(|g| Outcome::Predikat {
                hasil: *h,
                perilaku: *p,
                grade: g.to_string(),
            })
        }
        (AspectValue::Score(skp), AspectValue::Score(per)) => {
            let n = scheme.numeric.as_ref()?;
            let total = ((skp * n.skp_weight + per * n.perilaku_weight) * 100.0).round() / 100.0;
            scheme.band(total).map(|g| Outcome::Score {
                skp: *skp,
                perilaku: *per,
                total,
                grade: g.to_string(),
            })
        }
        _ => None,
    }
}

/// The derived list: above-expectation criteria highest first (strengths),
/// or below-expectation lowest first (improvements); ties keep template order.
pub fn derived_list(
    kind: ListKind,
    criteria: &[ScaledCriterion<'_>],
    a: &Assessment,
) -> Vec<SummaryItem> {
    let mut rated: Vec<(usize, f64, &str)> = criteria
        .iter()
        .enumerate()
        .filter_map(|(i, c)| {
            let r = a.rating(&c.criterion.id)?;
            let e = expectation_of(r, c.scale);
            let keep = match kind {
                ListKind::Strengths => e == Expectation::DiAtas,
                ListKind::Improvements => e == Expectation::DiBawah,
            };
            keep.then_some((i, normalized(r, c.scale), c.criterion.id.as_str()))
        })
        .collect();
    rated.sort_by(|x, y| {
        let by_score = match kind {
            ListKind::Strengths => y.1.total_cmp(&x.1),
            ListKind::Improvements => x.1.total_cmp(&y.1),
        };
        by_score.then(x.0.cmp(&y.0))
    });
    rated
        .into_iter()
        .take(LIST_LEN)
        .map(|(_, _, id)| SummaryItem::Criterion(id.to_string()))
        .collect()
}

fn resolve<'a>(
    items: &[SummaryItem],
    level: TrainingLevel,
    criteria: &[ScaledCriterion<'a>],
    a: &Assessment,
    catalogue: &'a Catalogue,
) -> Vec<ResolvedItem<'a>> {
    items
        .iter()
        .map(|item| match item {
            SummaryItem::Criterion(id) => {
                let c = criteria.iter().find(|c| &c.criterion.id == id);
                let entry = a.entry(id);
                ResolvedItem {
                    item: item.clone(),
                    title: c.map_or_else(|| id.clone(), |c| c.criterion.name.clone()),
                    rating: c.and_then(|c| a.rating(id).map(|r| (r, c.scale))),
                    note: entry.map(|e| e.note.clone()).unwrap_or_default(),
                    training: catalogue.for_criterion(id, level),
                }
            }
            SummaryItem::Free(text) => ResolvedItem {
                item: item.clone(),
                title: text.clone(),
                rating: None,
                note: String::new(),
                training: Vec::new(),
            },
        })
        .collect()
}

/// Computes the whole summary of one assessment.
pub fn summarize<'a>(
    criteria: &[ScaledCriterion<'a>],
    a: &Assessment,
    scheme: &Scheme,
    catalogue: &'a Catalogue,
) -> Summary<'a> {
    let hasil_suggested = suggest(Aspect::HasilKerja, criteria, a, scheme);
    let perilaku_suggested = suggest(Aspect::PerilakuKerja, criteria, a, scheme);
    let hasil = a
        .hasil
        .as_ref()
        .map(|d| d.value.clone())
        .or_else(|| hasil_suggested.clone());
    let perilaku = a
        .perilaku
        .as_ref()
        .map(|d| d.value.clone())
        .or_else(|| perilaku_suggested.clone());
    let outcome = match (&hasil, &perilaku) {
        (Some(h), Some(p)) => outcome(scheme, h, p),
        _ => None,
    };
    let (strengths, improvements) = match &a.curation {
        Some(c) => (c.strengths.clone(), c.improvements.clone()),
        None => (
            derived_list(ListKind::Strengths, criteria, a),
            derived_list(ListKind::Improvements, criteria, a),
        ),
    };
    let unrated = criteria
        .iter()
        .filter(|c| a.rating(&c.criterion.id).is_none())
        .map(|c| c.criterion.id.as_str())
        .collect();
    let missing_notes = criteria
        .iter()
        .filter(|c| {
            a.entry(&c.criterion.id).is_some_and(|e| {
                e.rating.is_some_and(|r| is_extreme(r, c.scale)) && e.note.trim().is_empty()
            })
        })
        .map(|c| c.criterion.id.as_str())
        .collect();
    Summary {
        hasil_suggested,
        perilaku_suggested,
        hasil,
        perilaku,
        outcome,
        strengths: resolve(&strengths, TrainingLevel::Lanjutan, criteria, a, catalogue),
        improvements: resolve(&improvements, TrainingLevel::Dasar, criteria, a, catalogue),
        unrated,
        missing_notes,
    }
}

#[cfg(test)]
mod tests;
