//! The history of an assessment: who changed which rating, note, result
//! or status, when, from what to what, and why. Built from the journal's
//! edits; shown to the appraiser and (later) to the employee.

use super::assessment::{AspectValue, Assessment, Edit, Status};
use super::nip::Nip;
use super::template::Aspect;
use super::workflow::Transition;
use serde::{Deserialize, Serialize};

/// What one edit changed, in terms a person reads.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Change {
    Rating {
        criterion: String,
        from: Option<u8>,
        to: Option<u8>,
    },
    Note {
        criterion: String,
        text: String,
    },
    Realisasi {
        criterion: String,
        text: String,
    },
    /// An aspect result confirmed or overridden (with the reason), or cleared.
    Decision {
        aspect: Aspect,
        value: Option<AspectValue>,
        reason: String,
    },
    /// The strengths or improvements lists were edited or reset.
    Lists,
    Status {
        from: Status,
        to: Status,
    },
    /// A workflow step, with its comment or reason (empty if none).
    Step {
        from: Status,
        to: Status,
        text: String,
    },
}

/// One line of an assessment's history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Item {
    /// The journal entry this comes from.
    pub seq: u64,
    pub actor: Option<Nip>,
    /// Unix seconds.
    pub time: i64,
    pub change: Change,
}

/// Describes an edit against the record it was applied to.
pub fn item(
    seq: u64,
    actor: Option<Nip>,
    time: i64,
    edit: &Edit,
    before: Option<&Assessment>,
    after: &Assessment,
) -> Item {
    let change = match edit {
        Edit::SetRating { criterion, rating } => Change::Rating {
            criterion: criterion.clone(),
            from: before.and_then(|b| b.rating(criterion)),
            to: *rating,
        },
        Edit::SetNote { criterion, note } => Change::Note {
            criterion: criterion.clone(),
            text: note.clone(),
        },
        Edit::SetRealisasi { criterion, text } => Change::Realisasi {
            criterion: criterion.clone(),
            text: text.clone(),
        },
        Edit::Decide { aspect, decision } => Change::Decision {
            aspect: *aspect,
            value: decision.as_ref().map(|d| d.value.clone()),
            reason: decision
                .as_ref()
                .map(|d| d.reason.clone())
                .unwrap_or_default(),
        },
        Edit::SetCuration(_) => Change::Lists,
        Edit::SetStatus(to) => Change::Status {
            from: before.map_or(Status::Draft, |b| b.status),
            to: *to,
        },
        Edit::Step(t) => Change::Step {
            from: before.map_or(Status::Draft, |b| b.status),
            to: after.status,
            text: match t {
                Transition::Return { comment: s }
                | Transition::Object { reasons: s }
                | Transition::Decide { reason: s, .. }
                | Transition::Reopen { reason: s } => s.clone(),
                _ => String::new(),
            },
        },
    };
    Item {
        seq,
        actor,
        time,
        change,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::AssessmentKey;

    #[test]
    fn a_rating_change_records_from_and_to() {
        let nip = Nip::parse("199003152019032007").expect("nip");
        let mut before = Assessment::new(
            AssessmentKey {
                period: "p".into(),
                employee: nip.clone(),
            },
            nip.clone(),
        );
        before
            .apply(
                &Edit::SetRating {
                    criterion: "c".into(),
                    rating: Some(2),
                },
                &nip,
                0,
                |_| Some(3),
            )
            .expect("rate");
        let edit = Edit::SetRating {
            criterion: "c".into(),
            rating: Some(3),
        };
        let got = item(9, Some(nip.clone()), 5, &edit, Some(&before), &before);
        assert_eq!(
            got.change,
            Change::Rating {
                criterion: "c".into(),
                from: Some(2),
                to: Some(3)
            }
        );
        let first = item(1, None, 5, &edit, None, &before);
        assert_eq!(
            first.change,
            Change::Rating {
                criterion: "c".into(),
                from: None,
                to: Some(3)
            }
        );
        let mut after = before.clone();
        after.status = Status::Returned;
        let comment = "lengkapi bukti";
        let step = Edit::Step(Transition::Return {
            comment: comment.into(),
        });
        let returned = item(2, None, 5, &step, Some(&before), &after);
        assert_eq!(
            returned.change,
            Change::Step {
                from: Status::Draft,
                to: Status::Returned,
                text: comment.into(),
            }
        );
    }
}
