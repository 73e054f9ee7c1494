//! Entry layouts from before the sealed parts and the review workflow,
//! kept to read what older Kinerjas wrote. Field order is the layout:
//! never change these, only add a version.

use super::super::super::codec::legacy::AssessmentV2;
use super::super::super::codec::{Kind, Record};
use super::{Change, EditPart, Entry};
use crate::domain::{AssessmentKey, Edit, Nip, Org, Reference};
use serde::{Deserialize, Serialize};

/// An edit's part before the review workflow.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(super) struct EditPartV1 {
    key: AssessmentKey,
    edit: Edit,
    before: Option<Box<AssessmentV2>>,
    after: Box<AssessmentV2>,
}

impl From<EditPartV1> for EditPart {
    fn from(v1: EditPartV1) -> Self {
        Self {
            key: v1.key,
            edit: v1.edit,
            before: v1.before.map(|b| Box::new((*b).into())),
            after: Box::new((*v1.after).into()),
        }
    }
}

/// The layout of version 1. Field order is the layout: never change it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(in crate::store) struct EntryV1 {
    seq: u64,
    prev: [u8; 32],
    actor: Option<Nip>,
    time: i64,
    change: ChangeV1,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
enum ChangeV1 {
    Edit {
        key: AssessmentKey,
        edit: Edit,
        before: Option<Box<AssessmentV2>>,
        after: Box<AssessmentV2>,
    },
    Seed {
        org: Box<Org>,
        reference: Box<Reference>,
        assessments: Vec<AssessmentV2>,
        active_period: Option<String>,
    },
    ActivePeriod(String),
}

impl Record for EntryV1 {
    const KIND: Kind = Kind::Journal;
    const VERSION: u16 = 1;
    const LARGE: bool = true;
}

impl From<EntryV1> for Entry {
    fn from(v1: EntryV1) -> Self {
        let change = match v1.change {
            ChangeV1::Edit {
                key,
                edit,
                before,
                after,
            } => Change::Edit {
                key,
                edit,
                before: before.map(|b| Box::new((*b).into())),
                after: Box::new((*after).into()),
            },
            ChangeV1::Seed {
                org,
                reference,
                assessments,
                active_period,
            } => Change::Seed {
                org,
                reference,
                assessments: assessments.into_iter().map(Into::into).collect(),
                active_period,
            },
            ChangeV1::ActivePeriod(p) => Change::ActivePeriod(p),
        };
        Self {
            seq: v1.seq,
            prev: v1.prev,
            actor: v1.actor,
            time: v1.time,
            change,
        }
    }
}

#[cfg(test)]
impl EntryV1 {
    /// Writes an entry as the first journal layout did, for tests of
    /// journals written before purging existed.
    pub(in crate::store) fn encode_as_v1(e: &Entry) -> Vec<u8> {
        let change = match e.change.clone() {
            Change::Edit {
                key,
                edit,
                before,
                after,
            } => ChangeV1::Edit {
                key,
                edit,
                before: before.map(|b| Box::new(AssessmentV2::from(&*b))),
                after: Box::new(AssessmentV2::from(&*after)),
            },
            Change::Seed {
                org,
                reference,
                assessments,
                active_period,
            } => ChangeV1::Seed {
                org,
                reference,
                assessments: assessments.iter().map(AssessmentV2::from).collect(),
                active_period,
            },
            Change::ActivePeriod(p) => ChangeV1::ActivePeriod(p),
            Change::Purge(_)
            | Change::Pin { .. }
            | Change::SelfEdit { .. }
            | Change::Feedback(_)
            | Change::FeedbackRetracted { .. }
            | Change::UnitResult(_)
            | Change::Redacted => {
                unreachable!("not in layout 1")
            }
        };
        let v1 = Self {
            seq: e.seq,
            prev: e.prev,
            actor: e.actor.clone(),
            time: e.time,
            change,
        };
        super::super::super::codec::encode(&v1).expect("encode v1")
    }
}
