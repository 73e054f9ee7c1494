//! The review workflow of an assessment (PP 30/2019, PermenPANRB 6/2022):
//! Draf → Diajukan → Dikembalikan (back to the appraiser) or Disetujui
//! (frozen) → Diterima pegawai, or Keberatan within 14 days → Diputuskan.
//! Pure: who is who and the time are passed in.

use super::assessment::{AspectDecision, Assessment, Status};
use super::nip::Nip;
use super::org::Person;
use super::template::{Criterion, ScaledCriterion};
use serde::{Deserialize, Serialize};

/// How long after approval an objection may be filed, in seconds.
pub const OBJECTION_WINDOW: i64 = 14 * 24 * 60 * 60;

/// A step of the workflow, with what it must carry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Transition {
    /// The appraiser submits the ratings for review.
    Submit,
    /// The appraiser takes a submission back before it is reviewed.
    Withdraw,
    /// The reviewer sends it back to the appraiser, saying why.
    Return { comment: String },
    /// The reviewer approves: the record is frozen.
    Approve,
    /// The employee accepts the result.
    Acknowledge,
    /// The employee objects, with reasons, within 14 days of approval.
    Object { reasons: String },
    /// The reviewer's final decision on an objection; it may change the
    /// aspect results.
    Decide {
        reason: String,
        hasil: Option<AspectDecision>,
        perilaku: Option<AspectDecision>,
    },
    /// The reviewer reopens a submitted or frozen record, saying why.
    Reopen { reason: String },
}

/// Who takes a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Party {
    Appraiser,
    Reviewer,
    Employee,
}

impl Transition {
    pub fn party(&self) -> Party {
        match self {
            Self::Submit | Self::Withdraw => Party::Appraiser,
            Self::Return { .. } | Self::Approve | Self::Decide { .. } | Self::Reopen { .. } => {
                Party::Reviewer
            }
            Self::Acknowledge | Self::Object { .. } => Party::Employee,
        }
    }

    /// The text it must carry, if any.
    fn text(&self) -> Option<&str> {
        match self {
            Self::Return { comment: t }
            | Self::Object { reasons: t }
            | Self::Decide { reason: t, .. }
            | Self::Reopen { reason: t } => Some(t),
            _ => None,
        }
    }
}

/// Who did something, when, and what they wrote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Remark {
    pub by: Nip,
    pub at: i64,
    pub text: String,
}

/// The workflow's record on an assessment.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Flow {
    pub submitted: Option<Remark>,
    /// The last return to the appraiser, with the reviewer's comment.
    pub returned: Option<Remark>,
    pub approved: Option<Remark>,
    pub acknowledged: Option<Remark>,
    pub objection: Option<Remark>,
    pub decision: Option<Remark>,
    pub reopened: Option<Remark>,
}

/// What the assessment was judged by when it was approved: later template
/// or roster changes do not alter an approved record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Frozen {
    pub person: Person,
    pub criteria: Vec<FrozenCriterion>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FrozenCriterion {
    pub criterion: Criterion,
    pub scale: u8,
}

impl Frozen {
    pub fn capture(person: &Person, criteria: &[ScaledCriterion<'_>]) -> Self {
        Self {
            person: person.clone(),
            criteria: criteria
                .iter()
                .map(|c| FrozenCriterion {
                    criterion: c.criterion.clone(),
                    scale: c.scale,
                })
                .collect(),
        }
    }

    /// The criteria as the readers of a live record take them.
    pub fn scaled(&self) -> Vec<ScaledCriterion<'_>> {
        self.criteria
            .iter()
            .map(|c| ScaledCriterion {
                criterion: &c.criterion,
                scale: c.scale,
            })
            .collect()
    }
}

/// Why a step cannot be taken now.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum FlowError {
    #[error("this step is not possible while the assessment is {0:?}")]
    WrongState(Status),
    #[error("a comment or reason is required for this step")]
    TextRequired,
    #[error("an objection must be filed within 14 days of approval")]
    WindowClosed,
}

impl Status {
    /// Ratings, notes and results may be changed by the appraiser.
    pub fn editable(self) -> bool {
        matches!(self, Self::Draft | Self::Returned)
    }

    /// Approved or later: the record is frozen.
    pub fn frozen(self) -> bool {
        matches!(
            self,
            Self::Approved | Self::Acknowledged | Self::Objected | Self::Decided
        )
    }
}

/// Takes a step, stamping who and when. Completeness (for `Submit`) and who
/// may take the step are the caller's checks.
pub fn step(a: &mut Assessment, t: &Transition, by: &Nip, now: i64) -> Result<(), FlowError> {
    use Status as S;
    if t.text().is_some_and(|s| s.trim().is_empty()) {
        return Err(FlowError::TextRequired);
    }
    let remark = |text: &str| {
        Some(Remark {
            by: by.clone(),
            at: now,
            text: text.to_string(),
        })
    };
    let (from, f) = (a.status, &mut a.flow);
    a.status = match (t, from) {
        (Transition::Submit, S::Draft | S::Returned) => {
            f.submitted = remark("");
            S::Submitted
        }
        (Transition::Withdraw, S::Submitted) => S::Draft,
        (Transition::Return { comment }, S::Submitted) => {
            f.returned = remark(comment);
            S::Returned
        }
        (Transition::Approve, S::Submitted) => {
            f.approved = remark("");
            S::Approved
        }
        (Transition::Acknowledge, S::Approved) => {
            f.acknowledged = remark("");
            S::Acknowledged
        }
        (Transition::Object { reasons }, S::Approved) => {
            let since = f.approved.as_ref().map_or(0, |r| r.at);
            if now - since > OBJECTION_WINDOW {
                return Err(FlowError::WindowClosed);
            }
            f.objection = remark(reasons);
            S::Objected
        }
        (
            Transition::Decide {
                reason,
                hasil,
                perilaku,
            },
            S::Objected,
        ) => {
            f.decision = remark(reason);
            if hasil.is_some() {
                a.hasil.clone_from(hasil);
            }
            if perilaku.is_some() {
                a.perilaku.clone_from(perilaku);
            }
            S::Decided
        }
        (Transition::Reopen { reason }, s) if s == S::Submitted || s.frozen() => {
            f.reopened = remark(reason);
            a.frozen = None;
            S::Draft
        }
        (_, s) => return Err(FlowError::WrongState(s)),
    };
    Ok(())
}

#[cfg(test)]
mod tests;
