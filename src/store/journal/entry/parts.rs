//! The parts a sealed journal entry is made of: each a codec record of
//! its own kind, kept as the exact bytes written.

use super::super::super::codec::{self, CodecError, Kind, Record};
use super::{Purge, legacy};
use crate::domain::{Assessment, AssessmentKey, Edit, Nip, Org, Reference, SelfAssessment};
use serde::{Deserialize, Serialize};

/// An edit's part: everything about one assessment's change.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(in crate::store) struct EditPart {
    pub(super) key: AssessmentKey,
    pub(super) edit: Edit,
    pub(super) before: Option<Box<Assessment>>,
    pub(super) after: Box<Assessment>,
}

/// Version 2: the assessments carry the review workflow.
impl Record for EditPart {
    const KIND: Kind = Kind::JournalEdit;
    const VERSION: u16 = 2;

    fn decode_older(version: u16, payload: &[u8]) -> Result<Self, CodecError> {
        codec::payload_as::<Self, legacy::EditPartV1>(version, payload).map(Into::into)
    }
}

/// A self-assessment edit's part.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(in crate::store) struct SelfEditPart {
    pub(super) key: AssessmentKey,
    pub(super) edit: Edit,
    pub(super) before: Option<Box<SelfAssessment>>,
    pub(super) after: Box<SelfAssessment>,
}

impl Record for SelfEditPart {
    const KIND: Kind = Kind::JournalSelfEdit;
    const VERSION: u16 = 1;
}

/// A seed's first part; its assessments follow as parts of their own.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(in crate::store) struct SeedPart {
    pub(super) org: Box<Org>,
    pub(super) reference: Box<Reference>,
    pub(super) active_period: Option<String>,
}

impl Record for SeedPart {
    const KIND: Kind = Kind::JournalSeed;
    const VERSION: u16 = 1;
    const LARGE: bool = true;
}

/// A PIN change's part: the hash, never the PIN.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(in crate::store) struct PinPart {
    pub(super) nip: Nip,
    pub(super) hash: Option<String>,
}

impl Record for PinPart {
    const KIND: Kind = Kind::JournalPin;
    const VERSION: u16 = 1;
}

impl Record for Purge {
    const KIND: Kind = Kind::JournalPurge;
    const VERSION: u16 = 1;
}

/// The withdrawal of a feedback note: which note, of which employee.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(in crate::store) struct FeedbackRetractPart {
    pub(super) key: AssessmentKey,
    pub(super) id: u64,
}

impl Record for FeedbackRetractPart {
    const KIND: Kind = Kind::JournalFeedbackRetract;
    const VERSION: u16 = 1;
}
