//! `kinerja purge --before DATE`: removes the personal data of periods that
//! ended before DATE (UU 27/2022: kept no longer than needed).
//!
//! How the chain stays verifiable: every journal entry that holds such data
//! (an edit of one of those assessments, or an assessment inside a seed)
//! keeps its header and the SHA-256 of the removed part, which is all its
//! chain hash covers (see `journal::entry`); a purge record naming the
//! periods, the date and the number of removed parts is appended to the
//! chain. `audit verify` then checks every entry as before. The journal is
//! rewritten to a temporary file, synced and renamed over the old one, and
//! the store is rebuilt from it in a fresh directory, so that no copy of
//! the removed data stays in sled's log either; the old directory is
//! deleted. Backups made earlier still hold the data.

use super::journal::entry::{self, Frame};
#[cfg(test)]
use super::journal::payloads;
use super::journal::{self, Change, Entry, Purge};
use super::request::Cursor;
use super::sled_store::{Store, StoreError};
use super::{codec, trees};
use crate::domain::Period;
use std::collections::BTreeSet;
use std::io::Write;
use std::path::Path;

/// What a purge removes (or, as a dry run, would remove).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Plan {
    pub periods: Vec<Period>,
    /// Assessments of those periods in the store now.
    pub assessments: usize,
}

/// What a purge did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Done {
    pub plan: Plan,
    /// Journal parts replaced by their digest.
    pub redacted: u64,
    /// The purge record's sequence number.
    pub seq: u64,
}

/// Why a purge was refused; nothing was changed.
#[derive(Debug, thiserror::Error)]
pub enum PurgeError {
    #[error("{0:?} is not a date: write it as YYYY-MM-DD, e.g. 2026-01-01")]
    BadDate(String),
    #[error(
        "period {0} is the active period and cannot be purged; make another period \
         active first"
    )]
    Active(String),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error("the journal could not be rewritten, nothing was changed: {0}")]
    Codec(#[from] codec::CodecError),
}

fn io(e: std::io::Error) -> StoreError {
    StoreError::Sync(e)
}

/// The periods that ended before `before` and what they hold. The store
/// must be closed (it is opened here).
pub fn plan(dir: &Path, before: &str) -> Result<Plan, PurgeError> {
    let store = Store::open(dir)?;
    plan_in(&store, before)
}

fn plan_in(store: &Store, before: &str) -> Result<Plan, PurgeError> {
    let date = time::macros::format_description!("[year]-[month]-[day]");
    if time::Date::parse(before, date).is_err() {
        return Err(PurgeError::BadDate(before.to_string()));
    }
    let t = &store.trees;
    let mut corrupt = Vec::new();
    let periods: Vec<Period> = trees::decode_all(t.periods.iter(), trees::PERIODS, &mut corrupt)?
        .into_iter()
        .filter(|p: &Period| p.end.as_str() < before)
        .collect();
    let active = trees::get::<String>(&t.meta, trees::META, trees::ACTIVE_PERIOD)?;
    if let Some(p) = periods.iter().find(|p| Some(&p.id) == active.as_ref()) {
        return Err(PurgeError::Active(p.id.clone()));
    }
    let mut assessments = 0;
    for p in &periods {
        assessments += t
            .assessments
            .scan_prefix(trees::period_prefix(&p.id))
            .count();
    }
    Ok(Plan {
        periods,
        assessments,
    })
}

/// Purges the periods that ended before `before` (see the module notes).
/// With nothing to purge, nothing is written and `Ok(None)` returned.
pub fn purge(dir: &Path, before: &str, now: i64) -> Result<Option<Done>, PurgeError> {
    let store = Store::open(dir)?;
    let plan = plan_in(&store, before)?;
    if plan.periods.is_empty() {
        return Ok(None);
    }
    let ids: BTreeSet<String> = plan.periods.iter().map(|p| p.id.clone()).collect();
    // Holding the writer keeps every other change out until the swap.
    let journal = store.writer();
    let bytes = std::fs::read(dir.join(journal::FILE)).map_err(io)?;
    let scan = journal::scan(&bytes);
    if let Some(b) = scan.broken {
        return Err(StoreError::from(journal::JournalError::Broken(b)).into());
    }
    let (mut out, mut prev, mut redacted, mut rechained) = (Vec::new(), [0u8; 32], 0, 0);
    for payload in journal::payloads(&bytes) {
        if codec::version_of::<Frame>(payload)? == 1 {
            rechained += 1;
        }
        let mut frame: Frame = codec::decode(payload)?;
        frame.prev = prev;
        redacted += frame.redact(&ids)?;
        out.extend_from_slice(&journal::frame(&codec::encode(&frame)?));
        prev = frame.hash();
    }
    let seq = scan.entries.len() as u64 + 1;
    let record = Entry {
        seq,
        prev,
        actor: None,
        time: now,
        change: Change::Purge(Purge {
            before: before.to_string(),
            periods: ids.into_iter().collect(),
            redacted,
            rechained,
            head_before: scan.last_hash,
        }),
    };
    out.extend_from_slice(&journal::frame(&entry::encode(&record)?.0));

    let name = dir
        .file_name()
        .map_or_else(|| "kinerja".into(), |n| n.to_string_lossy().into_owned());
    let sibling = |tag: &str| dir.with_file_name(format!("{name}.{tag}-{now}"));
    let (fresh, old) = (sibling("purge"), sibling("purged"));
    std::fs::create_dir_all(&fresh).map_err(io)?;
    let mut f = std::fs::File::create(fresh.join(journal::FILE)).map_err(io)?;
    f.write_all(&out).and_then(|()| f.sync_all()).map_err(io)?;
    drop(f);
    // Opening the fresh store replays the redacted journal, purge included.
    let rebuilt = Store::open(&fresh)?;
    copy_cursors(&store, &rebuilt, &record)?;
    rebuilt.persist_all()?;
    drop(rebuilt);
    drop(journal);
    drop(store);
    std::fs::rename(dir, &old).map_err(io)?;
    std::fs::rename(&fresh, dir).map_err(io)?;
    if let Some(parent) = dir.parent() {
        std::fs::File::open(parent)
            .and_then(|d| d.sync_all())
            .map_err(io)?;
    }
    std::fs::remove_dir_all(&old).map_err(io)?;
    Ok(Some(Done {
        plan,
        redacted,
        seq,
    }))
}

/// Cursors are not journalled: carry over those that do not point into a
/// purged period, and who logged in last.
fn copy_cursors(from: &Store, to: &Store, record: &Entry) -> Result<(), StoreError> {
    let Change::Purge(p) = &record.change else {
        return Ok(());
    };
    for kv in &from.trees.cursors {
        let (k, v) = kv?;
        if codec::decode::<Cursor>(&v).is_ok_and(|c| !p.periods.contains(&c.period)) {
            to.trees.cursors.insert(k, v)?;
        }
    }
    if let Some(v) = from.trees.meta.get(trees::LAST_USER)? {
        to.trees.meta.insert(trees::LAST_USER, v)?;
    }
    Ok(())
}

impl Store {
    /// Removes the purged periods' assessments, self-assessments,
    /// feedback, history, cursors and definitions, and records the purge as applied. Idempotent, so a
    /// replay after a crash may run it again.
    pub(super) fn apply_purge(
        &self,
        purge: &Purge,
        at: journal::Appended,
    ) -> Result<(), StoreError> {
        let t = &self.trees;
        for period in &purge.periods {
            let prefix = trees::period_prefix(period);
            for tree in [
                &t.assessments,
                &t.self_assessments,
                &t.history,
                &t.feedback,
                &t.unit_results,
            ] {
                let mut batch = sled::Batch::default();
                for k in tree.scan_prefix(&prefix).keys() {
                    batch.remove(k?);
                }
                tree.apply_batch(batch)?;
            }
            t.periods.remove(period.as_bytes())?;
        }
        for kv in &t.cursors {
            let (k, v) = kv?;
            if codec::decode::<Cursor>(&v).is_ok_and(|c| purge.periods.contains(&c.period)) {
                t.cursors.remove(k)?;
            }
        }
        t.meta
            .insert(trees::APPLIED_SEQ, Self::applied_bytes(at)?)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests;
