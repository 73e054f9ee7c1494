//! Applying journalled changes to sled: right after they are journalled,
//! and on open for any the store had not applied yet. Each application
//! records its sequence number in the same sled transaction, so "applied
//! up to #n" is never half true.
//!
//! Edits are not flushed here: the journal entry is already synced, so a
//! kill or a power cut before sled's own background flush (every 500 ms)
//! only means the entry is applied again on the next open.

use super::codec;
use super::journal::{Appended, Change, Entry, Journal};
use super::sled_store::{Store, StoreError};
use super::trees;
use crate::domain::{Assessment, history};
use sled::Transactional;
use std::sync::MutexGuard;

fn tx_error(e: sled::transaction::TransactionError<()>) -> StoreError {
    match e {
        sled::transaction::TransactionError::Storage(e) => StoreError::Sled(e),
        sled::transaction::TransactionError::Abort(()) => {
            StoreError::Sled(sled::Error::Unsupported("write aborted".into()))
        }
    }
}

/// Who made a journalled change, when, and its sequence number.
pub(super) struct Done<'a> {
    pub at: Appended,
    pub actor: Option<&'a crate::domain::Nip>,
    pub time: i64,
}

/// A key and its encoded value.
type Write = (Vec<u8>, Vec<u8>);

/// The two writes of an edit: the assessment's new record and its
/// history item.
fn edit_records(
    done: &Done<'_>,
    edit: &crate::domain::Edit,
    before: Option<&Assessment>,
    after: &Assessment,
) -> Result<[Write; 2], StoreError> {
    let item = history::item(
        done.at.seq,
        done.actor.cloned(),
        done.time,
        edit,
        before,
        after,
    );
    Ok([
        (trees::assessment_key(&after.key), codec::encode(after)?),
        (
            trees::history_key(&after.key, done.at.seq),
            codec::encode(&item)?,
        ),
    ])
}

impl Store {
    /// The single-writer lock (the journal itself).
    pub(super) fn writer(&self) -> MutexGuard<'_, Journal> {
        self.journal
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The sequence number of the last journal entry applied to sled.
    pub fn applied_seq(&self) -> Result<u64, StoreError> {
        Ok(super::sled_store::applied(&self.trees)?.seq)
    }

    /// The `meta` value that records an applied entry and its hash.
    pub(super) fn applied_bytes(at: Appended) -> Result<Vec<u8>, StoreError> {
        Ok(codec::encode(&format!(
            "{}:{}",
            at.seq,
            codec::hex(&at.hash)
        ))?)
    }

    /// Applies the journalled changes sled has not seen (on open, and when
    /// a store is rebuilt or restored). Runs of edits go in batches, with
    /// the applied sequence number written after each batch: a crash in
    /// between only means that run is applied again, which is harmless
    /// (each write puts the entry's final record, history is keyed by seq).
    pub(super) fn apply_entries(&self, pending: &[(Entry, [u8; 32])]) -> Result<(), StoreError> {
        const RUN: usize = 4096;
        let t = &self.trees;
        let (mut records, mut history) = (sled::Batch::default(), sled::Batch::default());
        let (mut run, mut last) = (0, None);
        let flush =
            |records: &mut sled::Batch, history: &mut sled::Batch, last: Option<Appended>| {
                if let Some(at) = last {
                    t.assessments.apply_batch(std::mem::take(records))?;
                    t.history.apply_batch(std::mem::take(history))?;
                    t.meta
                        .insert(trees::APPLIED_SEQ, Self::applied_bytes(at)?)?;
                }
                Ok::<_, StoreError>(())
            };
        for (e, hash) in pending {
            let at = Appended {
                seq: e.seq,
                hash: *hash,
            };
            let done = Done {
                at,
                actor: e.actor.as_ref(),
                time: e.time,
            };
            match &e.change {
                Change::Edit {
                    edit,
                    before,
                    after,
                    ..
                } => {
                    let [(k, v), (hk, hv)] = edit_records(&done, edit, before.as_deref(), after)?;
                    records.insert(k, v);
                    history.insert(hk, hv);
                    (run, last) = (run + 1, Some(at));
                    if run == RUN {
                        flush(&mut records, &mut history, last.take())?;
                        run = 0;
                    }
                }
                Change::Seed {
                    org,
                    reference,
                    assessments,
                    active_period,
                } => {
                    flush(&mut records, &mut history, last.take())?;
                    run = 0;
                    match self.prepare_seed(
                        org,
                        reference,
                        assessments,
                        active_period.as_deref(),
                    )? {
                        Ok(plan) => self.commit_seed(plan, at)?,
                        Err(msg) => {
                            return Err(StoreError::Corrupt {
                                tree: "journal".into(),
                                key: format!("#{}", e.seq),
                                reason: format!("a journalled seed no longer applies: {msg}"),
                            });
                        }
                    }
                }
                Change::SelfEdit { after, .. } => {
                    flush(&mut records, &mut history, last.take())?;
                    run = 0;
                    self.apply_self_edit(at, after)?;
                }
                Change::Feedback(f) => {
                    flush(&mut records, &mut history, last.take())?;
                    run = 0;
                    self.apply_feedback(at, f)?;
                }
                Change::FeedbackRetracted { key, id } => {
                    flush(&mut records, &mut history, last.take())?;
                    run = 0;
                    self.apply_feedback_retract(at, key, *id)?;
                }
                Change::UnitResult(r) => {
                    flush(&mut records, &mut history, last.take())?;
                    run = 0;
                    self.apply_unit_result(at, r)?;
                }
                Change::ActivePeriod(p) => {
                    flush(&mut records, &mut history, last.take())?;
                    run = 0;
                    self.apply_active_period(p, at)?;
                }
                Change::Purge(p) => {
                    flush(&mut records, &mut history, last.take())?;
                    run = 0;
                    self.apply_purge(p, at)?;
                }
                Change::Pin { nip, hash } => {
                    flush(&mut records, &mut history, last.take())?;
                    run = 0;
                    self.apply_pin(nip, hash.as_deref(), at)?;
                }
                // Its period was purged by a later entry: nothing to write.
                Change::Redacted => last = Some(at),
            }
        }
        flush(&mut records, &mut history, last)
    }

    /// Writes an edited assessment, its history item and the applied
    /// sequence number in one transaction (the live edit path).
    pub(super) fn apply_edit(
        &self,
        done: &Done<'_>,
        edit: &crate::domain::Edit,
        before: Option<&Assessment>,
        after: &Assessment,
    ) -> Result<(), StoreError> {
        let t = &self.trees;
        let [(k, v), (hk, hv)] = edit_records(done, edit, before, after)?;
        let s = Self::applied_bytes(done.at)?;
        (&t.assessments, &t.history, &t.meta)
            .transaction(|(assessments, history, meta)| {
                assessments.insert(k.as_slice(), v.as_slice())?;
                history.insert(hk.as_slice(), hv.as_slice())?;
                meta.insert(trees::APPLIED_SEQ, s.as_slice())?;
                Ok(())
            })
            .map_err(tx_error)?;
        Ok(())
    }

    /// Writes a self-assessment and the applied sequence number together.
    pub(super) fn apply_self_edit(
        &self,
        at: Appended,
        after: &crate::domain::SelfAssessment,
    ) -> Result<(), StoreError> {
        self.put_applied(
            &self.trees.self_assessments,
            &trees::assessment_key(&after.key),
            Some(&codec::encode(after)?),
            at,
        )
    }

    /// Puts one record (or removes it, with `None`) and records the
    /// applied entry, in one transaction.
    pub(super) fn put_applied(
        &self,
        tree: &sled::Tree,
        key: &[u8],
        value: Option<&[u8]>,
        at: Appended,
    ) -> Result<(), StoreError> {
        let s = Self::applied_bytes(at)?;
        (tree, &self.trees.meta)
            .transaction(|(tree, meta)| {
                match value {
                    Some(v) => tree.insert(key, v)?,
                    None => tree.remove(key)?,
                };
                meta.insert(trees::APPLIED_SEQ, s.as_slice())?;
                Ok(())
            })
            .map_err(tx_error)?;
        Ok(())
    }

    /// An assessment's history, oldest first.
    pub(super) fn history(
        &self,
        key: &crate::domain::AssessmentKey,
    ) -> Result<Vec<history::Item>, StoreError> {
        let mut items = Vec::new();
        for kv in self.trees.history.scan_prefix(trees::history_prefix(key)) {
            let (k, v) = kv?;
            items.push(
                codec::decode::<history::Item>(&v)
                    .map_err(|e| trees::corrupt_error(trees::HISTORY, &k, &e))?,
            );
        }
        Ok(items)
    }

    pub(super) fn apply_active_period(&self, period: &str, at: Appended) -> Result<(), StoreError> {
        let mut batch = sled::Batch::default();
        batch.insert(trees::ACTIVE_PERIOD, codec::encode(&period.to_string())?);
        batch.insert(trees::APPLIED_SEQ, Self::applied_bytes(at)?);
        self.trees.meta.apply_batch(batch)?;
        Ok(())
    }
}
