//! The sled trees, their key layouts, and typed reads that turn an
//! undecodable value into a reported [`CorruptRecord`] instead of a panic.

use super::codec::{self, Record};
use super::request::CorruptRecord;
use super::sled_store::StoreError;
use crate::domain::{AssessmentKey, Nip};

pub const META: &str = "meta";
pub const REFERENCE: &str = "reference";
pub const UNITS: &str = "units";
pub const PEOPLE: &str = "people";
pub const PERIODS: &str = "periods";
pub const ASSESSMENTS: &str = "assessments";
/// Employees' self-assessments, keyed like the assessments.
pub const SELF_ASSESSMENTS: &str = "self_assessments";
pub const CURSORS: &str = "cursors";
/// Feedback notes, keyed like history: the assessment's key, NUL, id.
pub const FEEDBACK: &str = "feedback";
/// Capaian Kinerja Organisasi: period, NUL, unit id.
pub const UNIT_RESULTS: &str = "unit_results";
/// Per assessment, its history items by journal sequence number.
pub const HISTORY: &str = "history";
/// Per NIP, the PIN hash and failed tries (never sent to clients).
pub const PINS: &str = "pins";
/// Daemon login sessions by the SHA-256 of their token.
pub const SESSIONS: &str = "sessions";

/// The one key of the `reference` tree.
pub const REFERENCE_KEY: &[u8] = b"reference";
/// `meta` keys.
pub const ACTIVE_PERIOD: &[u8] = b"active_period";
pub const SCHEMA: &[u8] = b"schema";
/// The sequence number of the last journal entry applied to sled.
pub const APPLIED_SEQ: &[u8] = b"applied_seq";
/// The NIP of whoever saved a cursor last (preselected at login).
pub const LAST_USER: &[u8] = b"last_user";

/// Separates period and NIP in an assessment key; periods may not contain it.
pub const SEP: u8 = 0;

/// Every tree of the store, opened once.
pub struct Trees {
    pub meta: sled::Tree,
    pub reference: sled::Tree,
    pub units: sled::Tree,
    pub people: sled::Tree,
    pub periods: sled::Tree,
    pub assessments: sled::Tree,
    pub self_assessments: sled::Tree,
    pub cursors: sled::Tree,
    pub feedback: sled::Tree,
    pub unit_results: sled::Tree,
    pub history: sled::Tree,
    pub pins: sled::Tree,
    pub sessions: sled::Tree,
}

impl Trees {
    pub fn open(db: &sled::Db) -> sled::Result<Self> {
        Ok(Self {
            meta: db.open_tree(META)?,
            reference: db.open_tree(REFERENCE)?,
            units: db.open_tree(UNITS)?,
            people: db.open_tree(PEOPLE)?,
            periods: db.open_tree(PERIODS)?,
            assessments: db.open_tree(ASSESSMENTS)?,
            self_assessments: db.open_tree(SELF_ASSESSMENTS)?,
            cursors: db.open_tree(CURSORS)?,
            feedback: db.open_tree(FEEDBACK)?,
            unit_results: db.open_tree(UNIT_RESULTS)?,
            history: db.open_tree(HISTORY)?,
            pins: db.open_tree(PINS)?,
            sessions: db.open_tree(SESSIONS)?,
        })
    }
}

/// The assessment's key, NUL, the sequence number (big-endian, so in order).
pub fn history_key(key: &AssessmentKey, seq: u64) -> Vec<u8> {
    let mut k = history_prefix(key);
    k.extend_from_slice(&seq.to_be_bytes());
    k
}

/// Every history item of one assessment.
pub fn history_prefix(key: &AssessmentKey) -> Vec<u8> {
    let mut k = assessment_key(key);
    k.push(SEP);
    k
}

/// Period id, NUL, NIP: a period's assessments are one prefix scan.
pub fn assessment_key(key: &AssessmentKey) -> Vec<u8> {
    let mut k = period_prefix(&key.period);
    k.extend_from_slice(key.employee.as_str().as_bytes());
    k
}

pub fn period_prefix(period: &str) -> Vec<u8> {
    let mut k = Vec::with_capacity(period.len() + 19);
    k.extend_from_slice(period.as_bytes());
    k.push(SEP);
    k
}

pub fn nip_key(nip: &Nip) -> &[u8] {
    nip.as_str().as_bytes()
}

/// A key as a person would read it in a report: `2026-S1/199003…`.
pub fn key_text(key: &[u8]) -> String {
    String::from_utf8_lossy(key).replace(char::from(SEP), "/")
}

pub fn corrupt(tree: &str, key: &[u8], err: &codec::CodecError) -> CorruptRecord {
    CorruptRecord {
        tree: tree.to_string(),
        key: key_text(key),
        reason: err.to_string(),
    }
}

/// A required record that cannot be read.
pub fn corrupt_error(tree: &str, key: &[u8], err: &codec::CodecError) -> StoreError {
    let CorruptRecord { tree, key, reason } = corrupt(tree, key, err);
    StoreError::Corrupt { tree, key, reason }
}

/// One required record; an undecodable value is an error naming it.
pub fn get<T: Record>(tree: &sled::Tree, name: &str, key: &[u8]) -> Result<Option<T>, StoreError> {
    match tree.get(key)? {
        None => Ok(None),
        Some(bytes) => codec::decode(&bytes)
            .map(Some)
            .map_err(|e| corrupt_error(name, key, &e)),
    }
}

/// One optional record; an undecodable value is reported and skipped.
pub fn get_or_report<T: Record>(
    tree: &sled::Tree,
    name: &str,
    key: &[u8],
    corrupt_out: &mut Vec<CorruptRecord>,
) -> Result<Option<T>, StoreError> {
    match get(tree, name, key) {
        Err(StoreError::Corrupt { tree, key, reason }) => {
            corrupt_out.push(CorruptRecord { tree, key, reason });
            Ok(None)
        }
        other => other,
    }
}

/// Decodes every record yielded by a scan; undecodable ones are reported.
pub fn decode_all<T: Record>(
    scan: impl Iterator<Item = sled::Result<(sled::IVec, sled::IVec)>>,
    name: &str,
    corrupt_out: &mut Vec<CorruptRecord>,
) -> Result<Vec<T>, StoreError> {
    let mut out = Vec::new();
    for item in scan {
        let (key, bytes) = item?;
        match codec::decode(&bytes) {
            Ok(v) => out.push(v),
            Err(e) => corrupt_out.push(corrupt(name, &key, &e)),
        }
    }
    Ok(out)
}

/// The records of a period keyed by assessment (an assessment, a
/// self-assessment) or by assessment and number (feedback notes): all of
/// them, or those of the given employees, in key order; undecodable ones
/// are reported. (NIPs have a fixed length, so one employee's key is
/// never the prefix of another's.)
pub fn of_period<T: Record>(
    tree: &sled::Tree,
    name: &str,
    period: &str,
    employees: Option<&[Nip]>,
    corrupt_out: &mut Vec<CorruptRecord>,
) -> Result<Vec<T>, StoreError> {
    let Some(nips) = employees else {
        return decode_all(tree.scan_prefix(period_prefix(period)), name, corrupt_out);
    };
    let mut items = Vec::with_capacity(nips.len());
    for nip in nips {
        let key = AssessmentKey {
            period: period.to_string(),
            employee: nip.clone(),
        };
        items.extend(decode_all(
            tree.scan_prefix(assessment_key(&key)),
            name,
            corrupt_out,
        )?);
    }
    Ok(items)
}
