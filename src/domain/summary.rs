//! The summary: suggested aspect results, the final result, strengths and
//! areas needing improvement with training, and what still blocks completion.

use super::assessment::{AspectDecision, AspectValue, Assessment, Curation, ListKind, SummaryItem};
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

/// Where the appraiser stands on the suggested result of an aspect.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecisionState {
    /// Nothing decided yet: the suggestion stands in.
    Open,
    /// The decision equals the suggestion.
    Confirmed,
    /// The decision differs from the suggestion and gives a reason.
    Overridden,
    /// A confirmation without a reason that no longer matches the
    /// suggestion (ratings changed since): it must be confirmed again.
    Stale,
}

impl DecisionState {
    fn of(decision: Option<&AspectDecision>, suggested: Option<&AspectValue>) -> Self {
        match decision {
            None => Self::Open,
            Some(d) if Some(&d.value) == suggested => Self::Confirmed,
            Some(d) if !d.reason.trim().is_empty() => Self::Overridden,
            Some(_) => Self::Stale,
        }
    }

    /// Whether the decision, rather than the suggestion, is in force.
    pub fn decided(self) -> bool {
        matches!(self, Self::Confirmed | Self::Overridden)
    }
}

/// Why an assessment cannot be marked complete yet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Blocker {
    /// This many criteria have no rating.
    Unrated(usize),
    /// This many extreme ratings have no note.
    MissingNotes(usize),
    /// The aspect's result is not confirmed (or its confirmation is stale).
    Unconfirmed(Aspect),
    /// The scheme gives no result for these aspect values.
    NoResult,
}

impl std::fmt::Display for Blocker {
    /// English, for the store's refusals; the UI words them from its catalogue.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Unrated(n) => write!(f, "{n} criteria not rated"),
            Self::MissingNotes(n) => write!(f, "{n} extreme ratings without a note"),
            Self::Unconfirmed(Aspect::HasilKerja) => {
                f.write_str("Rating Hasil Kerja not confirmed")
            }
            Self::Unconfirmed(Aspect::PerilakuKerja) => {
                f.write_str("Rating Perilaku Kerja not confirmed")
            }
            Self::NoResult => f.write_str("the scheme gives no result"),
        }
    }
}

/// Everything the summary screen and the export show.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary<'a> {
    pub hasil_suggested: Option<AspectValue>,
    pub perilaku_suggested: Option<AspectValue>,
    pub hasil_state: DecisionState,
    pub perilaku_state: DecisionState,
    /// The value in force: the decision if it stands, else the suggestion.
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
    /// What still stands between this assessment and completion. The one
    /// rule for the UI, the store and the demo generator.
    pub fn blockers(&self) -> Vec<Blocker> {
        let mut v = Vec::new();
        if !self.unrated.is_empty() {
            v.push(Blocker::Unrated(self.unrated.len()));
        }
        if !self.missing_notes.is_empty() {
            v.push(Blocker::MissingNotes(self.missing_notes.len()));
        }
        if !self.hasil_state.decided() {
            v.push(Blocker::Unconfirmed(Aspect::HasilKerja));
        }
        if !self.perilaku_state.decided() {
            v.push(Blocker::Unconfirmed(Aspect::PerilakuKerja));
        }
        if self.outcome.is_none() && self.unrated.is_empty() {
            v.push(Blocker::NoResult);
        }
        v
    }

    /// Whether the assessment may be marked complete.
    pub fn can_complete(&self) -> bool {
        self.blockers().is_empty()
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
            // DOMAIN.md: Di Atas needs "no main (Utama) result below";
            // behaviour has no such key items.
            let key = c
                .criterion
                .hasil
                .as_ref()
                .is_some_and(|h| h.kind == RhkKind::Utama);
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

/// The lists in force: the appraiser's edited ones, or the derived ones.
pub fn effective_lists(criteria: &[ScaledCriterion<'_>], a: &Assessment) -> Curation {
    a.curation.clone().unwrap_or_else(|| Curation {
        strengths: derived_list(ListKind::Strengths, criteria, a),
        improvements: derived_list(ListKind::Improvements, criteria, a),
    })
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
                    // No training for a criterion the template no longer has.
                    training: c.map_or_else(Vec::new, |_| catalogue.for_criterion(id, level)),
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
    let hasil_state = DecisionState::of(a.hasil.as_ref(), hasil_suggested.as_ref());
    let perilaku_state = DecisionState::of(a.perilaku.as_ref(), perilaku_suggested.as_ref());
    let in_force = |state: DecisionState, d: Option<&AspectDecision>, s: &Option<AspectValue>| {
        if state.decided() {
            d.map(|d| d.value.clone())
        } else {
            s.clone()
        }
    };
    let hasil = in_force(hasil_state, a.hasil.as_ref(), &hasil_suggested);
    let perilaku = in_force(perilaku_state, a.perilaku.as_ref(), &perilaku_suggested);
    let outcome = match (&hasil, &perilaku) {
        (Some(h), Some(p)) => outcome(scheme, h, p),
        _ => None,
    };
    let lists = effective_lists(criteria, a);
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
        hasil_state,
        perilaku_state,
        hasil,
        perilaku,
        outcome,
        strengths: resolve(
            &lists.strengths,
            TrainingLevel::Lanjutan,
            criteria,
            a,
            catalogue,
        ),
        improvements: resolve(
            &lists.improvements,
            TrainingLevel::Dasar,
            criteria,
            a,
            catalogue,
        ),
        unrated,
        missing_notes,
    }
}

#[cfg(test)]
mod tests;
