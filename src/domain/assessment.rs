//! An assessment: one employee, one period, one appraiser's ratings,
//! notes and summary choices, and the edits that change it.

use super::nip::Nip;
use super::template::Aspect;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Where an assessment is in its workflow (see `workflow`). The order is
/// the stored layout: only ever add at the end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Draf: being rated; may be empty.
    Draft,
    /// Diajukan: submitted for review (stored as "complete" before the
    /// review workflow existed; same place in the layout).
    #[serde(alias = "complete")]
    Submitted,
    /// Dikembalikan: returned to the appraiser with a comment.
    Returned,
    /// Disetujui: approved by the reviewer; frozen.
    Approved,
    /// Diterima pegawai: acknowledged by the employee.
    Acknowledged,
    /// Keberatan: the employee objected within 14 days.
    Objected,
    /// Diputuskan: the reviewer decided the objection; final.
    Decided,
}

impl Status {
    /// Every state, in workflow order (the workbook's summary columns).
    pub const ALL: [Self; 7] = [
        Self::Draft,
        Self::Submitted,
        Self::Returned,
        Self::Approved,
        Self::Acknowledged,
        Self::Objected,
        Self::Decided,
    ];

    /// The stable name used in exports (`draft`, `submitted`, ...).
    pub fn code(self) -> &'static str {
        match self {
            Self::Draft => "draft",
            Self::Submitted => "submitted",
            Self::Returned => "returned",
            Self::Approved => "approved",
            Self::Acknowledged => "acknowledged",
            Self::Objected => "objected",
            Self::Decided => "decided",
        }
    }
}

/// What the appraiser recorded for one criterion.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub rating: Option<u8>,
    pub note: String,
    /// Realisasi berdasarkan bukti dukung (Hasil Kerja only).
    pub realisasi: String,
}

/// The appraiser's decision on a suggested aspect result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum AspectValue {
    Expectation(super::template::Expectation),
    Score(f64),
}

/// A confirmed or overridden aspect result; a differing value needs a reason.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AspectDecision {
    pub value: AspectValue,
    pub reason: String,
}

/// An item of the strengths or improvements list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SummaryItem {
    Criterion(String),
    Free(String),
}

/// The appraiser's edited lists; `None` in the record means "as derived".
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Curation {
    pub strengths: Vec<SummaryItem>,
    pub improvements: Vec<SummaryItem>,
}

/// Which summary list an edit touches.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum ListKind {
    Strengths,
    Improvements,
}

/// The store's key of an assessment.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct AssessmentKey {
    pub period: String,
    pub employee: Nip,
}

/// The record the store keeps per (period, employee).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    pub key: AssessmentKey,
    pub appraiser: Nip,
    pub status: Status,
    pub entries: BTreeMap<String, Entry>,
    pub hasil: Option<AspectDecision>,
    pub perilaku: Option<AspectDecision>,
    pub curation: Option<Curation>,
    /// Revision, bumped by the store on every accepted write.
    pub revision: u64,
    pub updated_by: Option<Nip>,
    /// Unix seconds of the last accepted write.
    pub updated_at: i64,
    /// Who submitted, returned, approved, objected... when and why.
    pub flow: super::workflow::Flow,
    /// What it was judged by, captured at approval.
    pub frozen: Option<Box<super::workflow::Frozen>>,
}

/// One change to an assessment; the unit of saving, auditing and conflict.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Edit {
    SetRating {
        criterion: String,
        rating: Option<u8>,
    },
    SetNote {
        criterion: String,
        note: String,
    },
    SetRealisasi {
        criterion: String,
        text: String,
    },
    Decide {
        aspect: Aspect,
        decision: Option<AspectDecision>,
    },
    SetCuration(Option<Curation>),
    /// Written by journals from before the review workflow (complete /
    /// reopen); taken as `Step(Submit)` / `Step(Withdraw)` now.
    SetStatus(Status),
    /// A workflow step (submit, return, approve, object, decide...).
    Step(super::workflow::Transition),
}

/// Why an edit cannot apply; checked by the store before anything is written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum EditError {
    #[error("rating {rating} is outside the scale 1–{scale}")]
    OutOfScale { rating: u8, scale: u8 },
    #[error("unknown criterion {0}")]
    UnknownCriterion(String),
    #[error(
        "a submitted or approved assessment cannot be changed; it must be returned or reopened first"
    )]
    Frozen,
    #[error("{0}")]
    Flow(#[from] super::workflow::FlowError),
}

impl Assessment {
    pub fn new(key: AssessmentKey, appraiser: Nip) -> Self {
        Self {
            key,
            appraiser,
            status: Status::Draft,
            entries: BTreeMap::new(),
            hasil: None,
            perilaku: None,
            curation: None,
            revision: 0,
            updated_by: None,
            updated_at: 0,
            flow: super::workflow::Flow::default(),
            frozen: None,
        }
    }

    /// The workflow step an edit is, if it is one (old journals' status
    /// edits included).
    pub fn step_of(edit: &Edit) -> Option<super::workflow::Transition> {
        use super::workflow::Transition;
        match edit {
            Edit::Step(t) => Some(t.clone()),
            Edit::SetStatus(Status::Draft) => Some(Transition::Withdraw),
            Edit::SetStatus(_) => Some(Transition::Submit),
            _ => None,
        }
    }

    pub fn entry(&self, criterion: &str) -> Option<&Entry> {
        self.entries.get(criterion)
    }

    pub fn rating(&self, criterion: &str) -> Option<u8> {
        self.entries.get(criterion).and_then(|e| e.rating)
    }

    /// How many of the given criteria carry a rating.
    pub fn rated_count<'a>(&self, criteria: impl IntoIterator<Item = &'a str>) -> usize {
        criteria
            .into_iter()
            .filter(|c| self.rating(c).is_some())
            .count()
    }

    /// Applies an edit as `by` at `now`. `scale_of` gives the scale of a
    /// criterion id, or `None` if the employee is not rated on it. Content
    /// edits need an editable state; steps follow the workflow. Pure: the
    /// store stamps revision, actor and time.
    pub fn apply(
        &mut self,
        edit: &Edit,
        by: &Nip,
        now: i64,
        scale_of: impl Fn(&str) -> Option<u8>,
    ) -> Result<(), EditError> {
        if let Some(t) = Self::step_of(edit) {
            return Ok(super::workflow::step(self, &t, by, now)?);
        }
        if !self.status.editable() {
            return Err(EditError::Frozen);
        }
        let known = |c: &str| scale_of(c).ok_or_else(|| EditError::UnknownCriterion(c.to_string()));
        match edit {
            Edit::SetRating { criterion, rating } => {
                let scale = known(criterion)?;
                if let Some(r) = *rating
                    && !(1..=scale).contains(&r)
                {
                    return Err(EditError::OutOfScale { rating: r, scale });
                }
                self.entries.entry(criterion.clone()).or_default().rating = *rating;
            }
            Edit::SetNote { criterion, note } => {
                known(criterion)?;
                self.entries
                    .entry(criterion.clone())
                    .or_default()
                    .note
                    .clone_from(note);
            }
            Edit::SetRealisasi { criterion, text } => {
                known(criterion)?;
                self.entries
                    .entry(criterion.clone())
                    .or_default()
                    .realisasi
                    .clone_from(text);
            }
            Edit::Decide { aspect, decision } => match aspect {
                Aspect::HasilKerja => self.hasil.clone_from(decision),
                Aspect::PerilakuKerja => self.perilaku.clone_from(decision),
            },
            Edit::SetCuration(c) => self.curation.clone_from(c),
            Edit::SetStatus(_) | Edit::Step(_) => {}
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fresh() -> Assessment {
        let nip = Nip::parse("199003152019032007").expect("nip");
        Assessment::new(
            AssessmentKey {
                period: "2026-S1".into(),
                employee: nip.clone(),
            },
            nip,
        )
    }

    fn scale(c: &str) -> Option<u8> {
        match c {
            "rhk1" => Some(3),
            "pelayanan" => Some(5),
            _ => None,
        }
    }

    #[test]
    fn ratings_respect_each_criterions_scale() {
        let mut a = fresh();
        let set = |c: &str, r| Edit::SetRating {
            criterion: c.into(),
            rating: Some(r),
        };
        let by = a.appraiser.clone();
        assert!(a.apply(&set("rhk1", 3), &by, 0, scale).is_ok());
        assert_eq!(
            a.apply(&set("rhk1", 4), &by, 0, scale),
            Err(EditError::OutOfScale {
                rating: 4,
                scale: 3
            })
        );
        assert!(a.apply(&set("pelayanan", 5), &by, 0, scale).is_ok());
        assert_eq!(
            a.apply(&set("nope", 1), &by, 0, scale),
            Err(EditError::UnknownCriterion("nope".into()))
        );
        assert_eq!(a.rating("rhk1"), Some(3));
        assert_eq!(a.rated_count(["rhk1", "pelayanan", "x"]), 2);
    }

    #[test]
    fn a_submitted_assessment_is_frozen_until_withdrawn() {
        let mut a = fresh();
        let by = a.appraiser.clone();
        a.apply(&Edit::SetStatus(Status::Submitted), &by, 0, scale)
            .expect("submit");
        let note = Edit::SetNote {
            criterion: "rhk1".into(),
            note: "x".into(),
        };
        assert_eq!(a.apply(&note, &by, 0, scale), Err(EditError::Frozen));
        a.apply(&Edit::SetStatus(Status::Draft), &by, 0, scale)
            .expect("withdraw");
        assert!(a.apply(&note, &by, 0, scale).is_ok());
    }
}
