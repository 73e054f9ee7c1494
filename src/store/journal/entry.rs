//! A journal entry: what changed, and how it is stored and hashed.
//!
//! Since layout version 2 an entry keeps its change as *sealed parts*: each
//! part is a codec record kept as the exact bytes that were written (an
//! edit with its before and after; a seed's roster, and each of its
//! assessments separately). The chain hash covers the entry's header and
//! the SHA-256 of every part. A purge can therefore replace a part that
//! holds personal data by its digest ([`Part::Redacted`]) without changing
//! the entry's hash: the chain, and every part that is still there, stay
//! verifiable, and the purge itself is an entry of the chain.
//!
//! Version 1 entries (before purging existed) are read as before and
//! hashed over their whole payload.

use super::super::codec::{self, CodecError, Kind, Record};
use crate::domain::org_result::UnitResult;
use crate::domain::{
    Assessment, AssessmentKey, Edit, Feedback, Nip, Org, Reference, SelfAssessment,
};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;

/// What changed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Change {
    /// One edit of one assessment, with the record before and after.
    Edit {
        key: AssessmentKey,
        edit: Edit,
        before: Option<Box<Assessment>>,
        after: Box<Assessment>,
    },
    /// The roster and reference data were replaced (demo, import). After a
    /// purge, `assessments` holds only those that were not purged.
    Seed {
        org: Box<Org>,
        reference: Box<Reference>,
        assessments: Vec<Assessment>,
        active_period: Option<String>,
    },
    ActivePeriod(String),
    /// Personal data of past periods was removed.
    Purge(Purge),
    /// A person's PIN was set (`Some` hash) or reset by the admin.
    Pin {
        nip: Nip,
        hash: Option<String>,
    },
    /// One edit of an employee's self-assessment, before and after.
    SelfEdit {
        key: AssessmentKey,
        edit: Edit,
        before: Option<Box<SelfAssessment>>,
        after: Box<SelfAssessment>,
    },
    /// A feedback note was recorded (its `id` is the entry's seq).
    Feedback(Box<Feedback>),
    /// Its author withdrew a feedback note.
    FeedbackRetracted {
        key: AssessmentKey,
        id: u64,
    },
    /// A unit's Capaian Kinerja Organisasi was set for a period.
    UnitResult(Box<UnitResult>),
    /// An edit whose content a purge removed. Which period it was about
    /// is not kept: nothing the chain cannot vouch for is stored.
    Redacted,
}

/// The record of a purge, itself an entry of the chain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Purge {
    /// Periods that ended before this date (ISO) were purged.
    pub before: String,
    pub periods: Vec<String>,
    /// Parts of earlier entries replaced by their digest.
    pub redacted: u64,
    /// Version 1 entries rewritten in the sealed layout (their hashes, and
    /// so every later `prev`, changed); `head_before` is the chain's last
    /// hash before that, to match against older backups.
    pub rechained: u64,
    pub head_before: [u8; 32],
}

/// One journal entry.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub seq: u64,
    /// The chain hash of the previous entry; zeros for the first.
    pub prev: [u8; 32],
    pub actor: Option<Nip>,
    /// Unix seconds.
    pub time: i64,
    pub change: Change,
}

/// Which change an entry's parts make up.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(in crate::store) enum ChangeKind {
    Edit = 1,
    Seed = 2,
    ActivePeriod = 3,
    Purge = 4,
    Pin = 5,
    SelfEdit = 6,
    Feedback = 7,
    FeedbackRetracted = 8,
    UnitResult = 9,
}

/// A part of an entry: its record bytes as written, or what a purge left.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(in crate::store) enum Part {
    Open(#[serde(with = "serde_bytes")] Vec<u8>),
    Redacted([u8; 32]),
}

impl Part {
    fn digest(&self) -> [u8; 32] {
        match self {
            Self::Open(bytes) => Sha256::digest(bytes).into(),
            Self::Redacted(digest) => *digest,
        }
    }

    fn open<T: Record>(value: &T) -> Result<Self, CodecError> {
        codec::encode(value).map(Self::Open)
    }
}

/// The stored layout of an entry (version 2).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(in crate::store) struct Frame {
    pub seq: u64,
    pub prev: [u8; 32],
    pub actor: Option<Nip>,
    pub time: i64,
    pub kind: ChangeKind,
    pub parts: Vec<Part>,
}

impl Record for Frame {
    const KIND: Kind = Kind::Journal;
    const VERSION: u16 = 2;
    const LARGE: bool = true;

    fn decode_older(version: u16, payload: &[u8]) -> Result<Self, CodecError> {
        let v1: EntryV1 = codec::payload_as::<Self, EntryV1>(version, payload)?;
        Self::from_entry(&v1.into())
    }
}

pub(super) fn malformed(reason: &str) -> CodecError {
    CodecError::Payload {
        kind: "journal entry".into(),
        version: Frame::VERSION,
        reason: reason.into(),
    }
}

impl Frame {
    /// Seals an entry's change into parts.
    pub fn from_entry(e: &Entry) -> Result<Self, CodecError> {
        let (kind, parts) = match &e.change {
            Change::Edit {
                key,
                edit,
                before,
                after,
            } => (
                ChangeKind::Edit,
                vec![Part::open(&EditPart {
                    key: key.clone(),
                    edit: edit.clone(),
                    before: before.clone(),
                    after: after.clone(),
                })?],
            ),
            Change::SelfEdit {
                key,
                edit,
                before,
                after,
            } => (
                ChangeKind::SelfEdit,
                vec![Part::open(&SelfEditPart {
                    key: key.clone(),
                    edit: edit.clone(),
                    before: before.clone(),
                    after: after.clone(),
                })?],
            ),
            Change::Seed {
                org,
                reference,
                assessments,
                active_period,
            } => {
                let mut parts = vec![Part::open(&SeedPart {
                    org: org.clone(),
                    reference: reference.clone(),
                    active_period: active_period.clone(),
                })?];
                for a in assessments {
                    parts.push(Part::open(a)?);
                }
                (ChangeKind::Seed, parts)
            }
            Change::ActivePeriod(p) => (ChangeKind::ActivePeriod, vec![Part::open(p)?]),
            Change::Purge(p) => (ChangeKind::Purge, vec![Part::open(p)?]),
            Change::Pin { nip, hash } => (
                ChangeKind::Pin,
                vec![Part::open(&PinPart {
                    nip: nip.clone(),
                    hash: hash.clone(),
                })?],
            ),
            Change::Feedback(f) => (ChangeKind::Feedback, vec![Part::open(f.as_ref())?]),
            Change::FeedbackRetracted { key, id } => (
                ChangeKind::FeedbackRetracted,
                vec![Part::open(&FeedbackRetractPart {
                    key: key.clone(),
                    id: *id,
                })?],
            ),
            Change::UnitResult(r) => (ChangeKind::UnitResult, vec![Part::open(r.as_ref())?]),
            Change::Redacted => return Err(malformed("a redacted change cannot be sealed")),
        };
        Ok(Self {
            seq: e.seq,
            prev: e.prev,
            actor: e.actor.clone(),
            time: e.time,
            kind,
            parts,
        })
    }

    /// The chain hash: header fields and each part's digest.
    pub fn hash(&self) -> [u8; 32] {
        let mut h = Sha256::new();
        h.update(b"kinerja journal v2\0");
        h.update(self.seq.to_le_bytes());
        h.update(self.prev);
        match &self.actor {
            None => h.update([0]),
            Some(n) => {
                h.update([1]);
                h.update(n.as_str().as_bytes());
            }
        }
        h.update(self.time.to_le_bytes());
        h.update([self.kind as u8]);
        h.update((self.parts.len() as u64).to_le_bytes());
        for p in &self.parts {
            h.update(p.digest());
        }
        h.finalize().into()
    }

    /// Replaces every part about one of `periods` by its digest; returns
    /// how many were replaced. The chain hash does not change.
    pub fn redact(&mut self, periods: &BTreeSet<String>) -> Result<u64, CodecError> {
        let mut n = 0;
        let skip = usize::from(self.kind == ChangeKind::Seed);
        for part in self.parts.iter_mut().skip(skip) {
            let Part::Open(bytes) = part else { continue };
            let period = match self.kind {
                ChangeKind::Edit => codec::decode::<EditPart>(bytes)?.key.period,
                ChangeKind::SelfEdit => codec::decode::<SelfEditPart>(bytes)?.key.period,
                ChangeKind::Seed => codec::decode::<Assessment>(bytes)?.key.period,
                ChangeKind::Feedback => codec::decode::<Feedback>(bytes)?.key.period,
                ChangeKind::FeedbackRetracted => {
                    codec::decode::<FeedbackRetractPart>(bytes)?.key.period
                }
                // Not personal data: the organisation's own.
                ChangeKind::ActivePeriod
                | ChangeKind::Purge
                | ChangeKind::Pin
                | ChangeKind::UnitResult => return Ok(0),
            };
            if periods.contains(&period) {
                *part = Part::Redacted(part.digest());
                n += 1;
            }
        }
        Ok(n)
    }
}

/// Seals an entry: its stored bytes and its chain hash.
pub fn encode(entry: &Entry) -> Result<(Vec<u8>, [u8; 32]), CodecError> {
    let frame = Frame::from_entry(entry)?;
    Ok((codec::encode(&frame)?, frame.hash()))
}

/// The chain hash of a stored entry, without decoding its change.
pub fn hash_of(payload: &[u8]) -> Result<[u8; 32], CodecError> {
    if codec::version_of::<Frame>(payload)? == 1 {
        return Ok(Sha256::digest(payload).into());
    }
    Ok(codec::decode::<Frame>(payload)?.hash())
}

/// Reads an entry of any layout with its chain hash.
pub fn decode(payload: &[u8]) -> Result<(Entry, [u8; 32]), CodecError> {
    if codec::version_of::<Frame>(payload)? == 1 {
        let v1: EntryV1 = codec::decode(payload)?;
        return Ok((v1.into(), Sha256::digest(payload).into()));
    }
    let frame: Frame = codec::decode(payload)?;
    let entry = Entry {
        seq: frame.seq,
        prev: frame.prev,
        actor: frame.actor.clone(),
        time: frame.time,
        change: frame.change()?,
    };
    Ok((entry, frame.hash()))
}

mod decode;
mod legacy;
mod parts;

use parts::{EditPart, FeedbackRetractPart, PinPart, SeedPart, SelfEditPart};

pub(in crate::store) use legacy::EntryV1;
