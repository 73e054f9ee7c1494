//! How stored values look on disk: a header (`KJ`, a record kind, a u16 LE
//! version) and a bincode payload. The only place bincode is used, and the
//! place where old layouts are migrated, so a store written by an older
//! Kinerja still opens.
//!
//! bincode cannot `deserialize_any`: stored types must not use internally
//! tagged or untagged enums, nor `#[serde(flatten)]`.

use super::request::{Cursor, CursorScreen};
use crate::domain::{Assessment, Nip, Period, Person, Reference, Unit};
use serde::Serialize;
use serde::de::DeserializeOwned;

/// The first two bytes of every stored value.
pub const MAGIC: [u8; 2] = *b"KJ";
/// Magic, kind byte and the u16 version.
pub const HEADER_LEN: usize = 5;
/// The largest payload written or read. It bounds what arbitrary bytes can
/// make the decoder allocate; a real Reference is far smaller.
pub const MAX_PAYLOAD: usize = 16 << 20;
/// The limit for [`Record::LARGE`] records: a seed of a whole province.
pub const MAX_LARGE_PAYLOAD: usize = 512 << 20;

/// What a stored value is; the byte after the magic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Kind {
    Assessment = 1,
    Person = 2,
    Unit = 3,
    Period = 4,
    Reference = 5,
    Cursor = 6,
    Meta = 7,
    Journal = 8,
    History = 9,
    /// Parts of a sealed journal entry (see `journal::entry`).
    JournalEdit = 10,
    JournalSeed = 11,
    JournalPurge = 12,
    /// Messages of the daemon's socket protocol.
    ClientMsg = 13,
    ServerMsg = 14,
    /// A person's PIN hash and failed tries.
    Pin = 15,
    /// A journalled PIN change.
    JournalPin = 16,
    /// A daemon login session (token hash → person, expiry).
    Session = 17,
    /// An employee's self-assessment (penilaian diri).
    SelfAssessment = 18,
    /// A journalled self-assessment edit.
    JournalSelfEdit = 19,
    /// A note of continuous feedback (umpan balik), stored and journalled.
    Feedback = 20,
    /// A journalled withdrawal of a feedback note by its author.
    JournalFeedbackRetract = 21,
    /// A unit's Capaian Kinerja Organisasi for a period.
    UnitResult = 22,
}

impl Kind {
    fn name_of(byte: u8) -> String {
        let name = match byte {
            1 => "assessment",
            2 => "person",
            3 => "unit",
            4 => "period",
            5 => "reference",
            6 => "cursor",
            7 => "meta",
            8 => "journal entry",
            9 => "history item",
            10 => "journalled edit",
            11 => "journalled seed",
            12 => "purge record",
            13 => "client message",
            14 => "server message",
            15 => "PIN record",
            16 => "journalled PIN",
            17 => "login session",
            18 => "self-assessment",
            19 => "journalled self-assessment edit",
            20 => "feedback note",
            21 => "journalled feedback withdrawal",
            22 => "unit result",
            _ => return format!("unknown kind {byte}"),
        };
        name.to_string()
    }
}

/// Why stored bytes are not a readable record. Shown with the record's tree
/// and key; the remedy is a restore or a newer Kinerja, never a panic.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CodecError {
    #[error("record has {0} bytes, too few for a Kinerja header")]
    Truncated(usize),
    #[error("record does not start with the Kinerja magic \"KJ\" (found {0:02x?})")]
    BadMagic([u8; 2]),
    #[error("record is a {found} where a {expected} was expected")]
    WrongKind { expected: String, found: String },
    #[error(
        "{kind} record has version {version}, this Kinerja reads up to {current}; \
         use the newer Kinerja that wrote it"
    )]
    UnknownVersion {
        kind: String,
        version: u16,
        current: u16,
    },
    #[error("{kind} record (version {version}) has an unreadable payload: {reason}")]
    Payload {
        kind: String,
        version: u16,
        reason: String,
    },
    #[error("{kind} record is {len} bytes, over the {max} byte limit")]
    TooLarge {
        kind: String,
        len: usize,
        max: usize,
    },
    #[error("{kind} record could not be encoded: {reason}")]
    Encode { kind: String, reason: String },
}

/// A type the store keeps: its kind byte, its current layout version, and
/// how to read the layouts it had before.
pub trait Record: Serialize + DeserializeOwned {
    const KIND: Kind;
    const VERSION: u16;
    /// Records that may be large (journal entries carrying a whole seed)
    /// get [`MAX_LARGE_PAYLOAD`]; the others [`MAX_PAYLOAD`].
    const LARGE: bool = false;

    /// Decodes the payload of an older version (`1..VERSION`).
    fn decode_older(version: u16, _payload: &[u8]) -> Result<Self, CodecError> {
        Err(unknown_version::<Self>(version))
    }
}

fn unknown_version<T: Record>(version: u16) -> CodecError {
    CodecError::UnknownVersion {
        kind: Kind::name_of(T::KIND as u8),
        version,
        current: T::VERSION,
    }
}

type Config<const N: usize> = bincode::config::Configuration<
    bincode::config::LittleEndian,
    bincode::config::Varint,
    bincode::config::Limit<N>,
>;

const fn config() -> Config<MAX_PAYLOAD> {
    bincode::config::standard().with_limit::<MAX_PAYLOAD>()
}

const fn large_config() -> Config<MAX_LARGE_PAYLOAD> {
    bincode::config::standard().with_limit::<MAX_LARGE_PAYLOAD>()
}

fn max_of<T: Record>() -> usize {
    if T::LARGE {
        MAX_LARGE_PAYLOAD
    } else {
        MAX_PAYLOAD
    }
}

/// Header and payload of a record at its current version.
pub fn encode<T: Record>(value: &T) -> Result<Vec<u8>, CodecError> {
    let kind = Kind::name_of(T::KIND as u8);
    let encoded = if T::LARGE {
        bincode::serde::encode_to_vec(value, large_config())
    } else {
        bincode::serde::encode_to_vec(value, config())
    };
    let payload = encoded.map_err(|e| CodecError::Encode {
        kind: kind.clone(),
        reason: e.to_string(),
    })?;
    if payload.len() > max_of::<T>() {
        return Err(CodecError::TooLarge {
            kind,
            len: payload.len(),
            max: max_of::<T>(),
        });
    }
    let mut out = Vec::with_capacity(HEADER_LEN + payload.len());
    out.extend_from_slice(&MAGIC);
    out.push(T::KIND as u8);
    out.extend_from_slice(&T::VERSION.to_le_bytes());
    out.extend_from_slice(&payload);
    Ok(out)
}

/// Bytes as lower-case hex (hashes, tokens).
pub fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes
        .iter()
        .fold(String::with_capacity(bytes.len() * 2), |mut s, b| {
            let _ = write!(s, "{b:02x}");
            s
        })
}

/// The layout version of a stored record of type `T`.
pub fn version_of<T: Record>(bytes: &[u8]) -> Result<u16, CodecError> {
    header::<T>(bytes).map(|(version, _)| version)
}

/// Checks magic and kind; returns the version and the payload.
fn header<T: Record>(bytes: &[u8]) -> Result<(u16, &[u8]), CodecError> {
    let (head, payload) = bytes
        .split_first_chunk::<HEADER_LEN>()
        .ok_or(CodecError::Truncated(bytes.len()))?;
    let [m0, m1, kind, v0, v1] = *head;
    if [m0, m1] != MAGIC {
        return Err(CodecError::BadMagic([m0, m1]));
    }
    if kind != T::KIND as u8 {
        return Err(CodecError::WrongKind {
            expected: Kind::name_of(T::KIND as u8),
            found: Kind::name_of(kind),
        });
    }
    Ok((u16::from_le_bytes([v0, v1]), payload))
}

/// Reads a record of any version this build knows, migrating older ones.
pub fn decode<T: Record>(bytes: &[u8]) -> Result<T, CodecError> {
    let (version, payload) = header::<T>(bytes)?;
    if version == T::VERSION {
        payload_as::<T, T>(version, payload)
    } else if (1..T::VERSION).contains(&version) {
        T::decode_older(version, payload)
    } else {
        Err(unknown_version::<T>(version))
    }
}

/// Decodes a payload as `P` (a current or an old layout of record `T`);
/// trailing bytes are an error, so a layout change cannot pass silently.
pub(super) fn payload_as<T: Record, P: DeserializeOwned>(
    version: u16,
    payload: &[u8],
) -> Result<P, CodecError> {
    let fail = |reason: String| CodecError::Payload {
        kind: Kind::name_of(T::KIND as u8),
        version,
        reason,
    };
    let decoded = if T::LARGE {
        bincode::serde::decode_from_slice(payload, large_config())
    } else {
        bincode::serde::decode_from_slice(payload, config())
    };
    let (value, read) = decoded.map_err(|e| fail(e.to_string()))?;
    if read != payload.len() {
        return Err(fail(format!("{} trailing bytes", payload.len() - read)));
    }
    Ok(value)
}

impl Record for Person {
    const KIND: Kind = Kind::Person;
    const VERSION: u16 = 1;
}

impl Record for Unit {
    const KIND: Kind = Kind::Unit;
    const VERSION: u16 = 1;
}

impl Record for Period {
    const KIND: Kind = Kind::Period;
    const VERSION: u16 = 1;
}

impl Record for Reference {
    const KIND: Kind = Kind::Reference;
    const VERSION: u16 = 1;
}

/// Version 2 added `draft`.
impl Record for Cursor {
    const KIND: Kind = Kind::Cursor;
    const VERSION: u16 = 2;

    fn decode_older(version: u16, payload: &[u8]) -> Result<Self, CodecError> {
        match version {
            1 => payload_as::<Self, CursorV1>(version, payload).map(Into::into),
            _ => Err(unknown_version::<Self>(version)),
        }
    }
}

/// The cursor before drafts. Field order is the layout.
#[derive(serde::Serialize, serde::Deserialize)]
struct CursorV1 {
    period: String,
    employee: Option<Nip>,
    criterion: usize,
    screen: CursorScreen,
}

impl From<CursorV1> for Cursor {
    fn from(v1: CursorV1) -> Self {
        Self {
            period: v1.period,
            employee: v1.employee,
            criterion: v1.criterion,
            screen: v1.screen,
            draft: None,
        }
    }
}

impl Record for crate::domain::history::Item {
    const KIND: Kind = Kind::History;
    const VERSION: u16 = 1;
}

/// Small settings in the `meta` tree (active period, schema version).
impl Record for String {
    const KIND: Kind = Kind::Meta;
    const VERSION: u16 = 1;
}

/// Version 2 added `curation`, `updated_by` and `updated_at`; version 3
/// the review workflow (`flow`, `frozen`).
impl Record for Assessment {
    const KIND: Kind = Kind::Assessment;
    const VERSION: u16 = 3;

    fn decode_older(version: u16, payload: &[u8]) -> Result<Self, CodecError> {
        match version {
            1 => payload_as::<Self, legacy::AssessmentV1>(version, payload).map(Into::into),
            2 => payload_as::<Self, legacy::AssessmentV2>(version, payload).map(Into::into),
            _ => Err(unknown_version::<Self>(version)),
        }
    }
}

pub(super) mod legacy;

#[cfg(test)]
mod tests;

impl Record for crate::domain::SelfAssessment {
    const KIND: Kind = Kind::SelfAssessment;
    const VERSION: u16 = 1;
}

impl Record for crate::domain::Feedback {
    const KIND: Kind = Kind::Feedback;
    const VERSION: u16 = 1;
}

impl Record for crate::domain::org_result::UnitResult {
    const KIND: Kind = Kind::UnitResult;
    const VERSION: u16 = 1;
}
