//! Penilaian diri: the employee rates themself on the same criteria as
//! their appraiser, blind both ways. The appraiser sees it only after
//! submitting their own ratings; the employee sees the appraiser's only
//! once the result is approved. Then both are shown side by side.

use super::assessment::{AssessmentKey, Edit, Entry, Status};
use super::workflow::Transition;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The record the store keeps per (period, employee), beside the
/// appraiser's assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SelfAssessment {
    pub key: AssessmentKey,
    /// Ratings, notes and the realisasi the employee claims.
    pub entries: BTreeMap<String, Entry>,
    /// Unix seconds when the employee sent it; fixed from then on.
    pub sent: Option<i64>,
    /// Bumped by the store on every accepted write.
    pub revision: u64,
    pub updated_at: i64,
}

/// Why a self-assessment edit cannot apply.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum SelfError {
    #[error("the self-assessment was sent and can no longer be changed")]
    Sent,
    #[error("rating {rating} is outside the scale 1–{scale}")]
    OutOfScale { rating: u8, scale: u8 },
    #[error("unknown criterion {0}")]
    UnknownCriterion(String),
    #[error("rate every criterion before sending ({missing} not rated yet)")]
    Incomplete { missing: usize },
    #[error("a self-assessment holds ratings, notes and realisasi, and is sent; nothing else")]
    NotSelf,
}

impl SelfAssessment {
    pub fn new(key: AssessmentKey) -> Self {
        Self {
            key,
            entries: BTreeMap::new(),
            sent: None,
            revision: 0,
            updated_at: 0,
        }
    }

    pub fn entry(&self, criterion: &str) -> Option<&Entry> {
        self.entries.get(criterion)
    }

    pub fn rating(&self, criterion: &str) -> Option<u8> {
        self.entries.get(criterion).and_then(|e| e.rating)
    }

    /// Draf until sent, then Diajukan: the states the screens already name.
    pub fn status(&self) -> Status {
        if self.sent.is_some() {
            Status::Submitted
        } else {
            Status::Draft
        }
    }

    /// Applies an edit at `now`: the same rating, note and realisasi edits
    /// as the appraiser's, and `Step(Submit)` to send. `scale_of` gives the
    /// scale of each of the employee's criteria (`None`: not theirs).
    pub fn apply<'a>(
        &mut self,
        edit: &Edit,
        now: i64,
        criteria: impl IntoIterator<Item = (&'a str, u8)>,
    ) -> Result<(), SelfError> {
        if self.sent.is_some() {
            return Err(SelfError::Sent);
        }
        let scales: BTreeMap<&str, u8> = criteria.into_iter().collect();
        let known = |c: &str| {
            scales
                .get(c)
                .copied()
                .ok_or_else(|| SelfError::UnknownCriterion(c.to_string()))
        };
        match edit {
            Edit::SetRating { criterion, rating } => {
                let scale = known(criterion)?;
                if let Some(r) = *rating
                    && !(1..=scale).contains(&r)
                {
                    return Err(SelfError::OutOfScale { rating: r, scale });
                }
                self.entries.entry(criterion.clone()).or_default().rating = *rating;
            }
            Edit::SetNote { criterion, note } => {
                known(criterion)?;
                let e = self.entries.entry(criterion.clone()).or_default();
                e.note.clone_from(note);
            }
            Edit::SetRealisasi { criterion, text } => {
                known(criterion)?;
                let e = self.entries.entry(criterion.clone()).or_default();
                e.realisasi.clone_from(text);
            }
            Edit::Step(Transition::Submit) => {
                let missing = scales.keys().filter(|c| self.rating(c).is_none()).count();
                if missing > 0 {
                    return Err(SelfError::Incomplete { missing });
                }
                self.sent = Some(now);
            }
            _ => return Err(SelfError::NotSelf),
        }
        Ok(())
    }
}

/// One criterion rated by both: the appraiser's rating minus the
/// employee's own (negative: the employee rated themself higher).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Gap {
    pub appraiser: Option<u8>,
    pub own: Option<u8>,
}

impl Gap {
    pub fn delta(self) -> Option<i16> {
        Some(i16::from(self.appraiser?) - i16::from(self.own?))
    }
}

/// How far apart the two views are, over the given criteria.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Gaps {
    /// Criteria both rated.
    pub compared: usize,
    /// Of those, where the appraiser rated higher / lower than the employee.
    pub higher: usize,
    pub lower: usize,
    /// The largest difference, in scale steps.
    pub widest: u16,
}

impl Gaps {
    pub fn of(pairs: impl IntoIterator<Item = Gap>) -> Self {
        let mut g = Self::default();
        for d in pairs.into_iter().filter_map(Gap::delta) {
            g.compared += 1;
            match d.cmp(&0) {
                std::cmp::Ordering::Greater => g.higher += 1,
                std::cmp::Ordering::Less => g.lower += 1,
                std::cmp::Ordering::Equal => {}
            }
            g.widest = g.widest.max(d.unsigned_abs());
        }
        g
    }

    pub fn differing(self) -> usize {
        self.higher + self.lower
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Nip;

    fn fresh() -> SelfAssessment {
        SelfAssessment::new(AssessmentKey {
            period: "2026-S1".into(),
            employee: Nip::parse("199003152019032007").expect("nip"),
        })
    }

    const CRITERIA: [(&str, u8); 2] = [("rhk1", 3), ("pelayanan", 5)];

    fn rate(c: &str, r: u8) -> Edit {
        Edit::SetRating {
            criterion: c.into(),
            rating: Some(r),
        }
    }

    #[test]
    fn sending_needs_every_criterion_and_fixes_the_record() {
        let mut s = fresh();
        s.apply(&rate("rhk1", 3), 5, CRITERIA).expect("rate");
        let send = Edit::Step(Transition::Submit);
        assert_eq!(
            s.apply(&send, 6, CRITERIA),
            Err(SelfError::Incomplete { missing: 1 })
        );
        s.apply(&rate("pelayanan", 4), 7, CRITERIA).expect("rate");
        s.apply(&send, 8, CRITERIA).expect("send");
        assert_eq!((s.sent, s.status()), (Some(8), Status::Submitted));
        assert_eq!(s.apply(&rate("rhk1", 1), 9, CRITERIA), Err(SelfError::Sent));
        assert_eq!(s.rating("rhk1"), Some(3));
    }

    #[test]
    fn ratings_keep_to_the_scale_and_the_employees_criteria() {
        let mut s = fresh();
        assert_eq!(
            s.apply(&rate("rhk1", 4), 0, CRITERIA),
            Err(SelfError::OutOfScale {
                rating: 4,
                scale: 3
            })
        );
        assert_eq!(
            s.apply(&rate("x", 1), 0, CRITERIA),
            Err(SelfError::UnknownCriterion("x".into()))
        );
        let approve = Edit::Step(Transition::Approve);
        assert_eq!(s.apply(&approve, 0, CRITERIA), Err(SelfError::NotSelf));
        assert!(s.entries.is_empty());
    }

    #[test]
    fn gaps_count_both_directions_and_the_widest() {
        let g = |a, o| Gap {
            appraiser: a,
            own: o,
        };
        let gaps = Gaps::of([
            g(Some(3), Some(3)),
            g(Some(2), Some(4)),
            g(Some(4), Some(3)),
            g(None, Some(5)),
        ]);
        assert_eq!(
            gaps,
            Gaps {
                compared: 3,
                higher: 1,
                lower: 1,
                widest: 2
            }
        );
        assert_eq!(gaps.differing(), 2);
        assert_eq!(g(Some(2), Some(4)).delta(), Some(-2));
    }
}
