//! Seeding: replace the roster and reference data, add assessments, all or
//! nothing.
//!
//! Everything is validated and encoded first (a bad input is `Rejected`
//! before the store is touched), then written in one sled transaction over
//! all the trees involved, so a crash leaves either the old data or the new,
//! never a mix. Transactions cannot iterate, so the keys to remove are listed
//! beforehand under the writer lock; only seeds write the roster trees.

use super::codec::{self, Record};
use super::journal::{Appended, Change};
use super::request::Response;
use super::sled_store::{Store, StoreError};
use super::trees;
use crate::domain::{Assessment, Org, Reference};
use sled::Transactional;
use std::collections::HashSet;

/// What one tree gets: old keys to drop, then new records.
#[derive(Default)]
struct Writes {
    remove: Vec<sled::IVec>,
    insert: Vec<(Vec<u8>, Vec<u8>)>,
}

impl Writes {
    /// Replaces the whole tree by `records`; a duplicate key is an error.
    fn replace<T: Record>(
        tree: &sled::Tree,
        what: &str,
        records: &[T],
        key_of: impl Fn(&T) -> Vec<u8>,
    ) -> Result<Result<Self, String>, StoreError> {
        let mut w = Self::default();
        let mut keys = HashSet::new();
        for r in records {
            let key = key_of(r);
            if key.is_empty() || key.contains(&trees::SEP) {
                return Ok(Err(format!("a {what} has an empty or invalid id")));
            }
            if !keys.insert(key.clone()) {
                return Ok(Err(format!(
                    "{what} {} appears twice; each may appear once",
                    trees::key_text(&key)
                )));
            }
            w.insert.push((key, codec::encode(r)?));
        }
        for old in tree.iter().keys() {
            let old = old?;
            if !keys.contains(old.as_ref()) {
                w.remove.push(old);
            }
        }
        Ok(Ok(w))
    }
}

/// A validated seed, encoded and ready to write.
pub(super) struct Plan {
    /// meta, reference, units, people, periods, assessments.
    writes: [Writes; 6],
}

impl Store {
    /// Answers a `Seed` request: validate, journal, apply.
    pub(super) fn seed(
        &self,
        actor: Option<&crate::domain::Nip>,
        org: &Org,
        reference: &Reference,
        assessments: &[Assessment],
        active_period: Option<&str>,
    ) -> Result<Response, StoreError> {
        let mut journal = self.writer();
        let plan = match self.prepare_seed(org, reference, assessments, active_period)? {
            Ok(plan) => plan,
            Err(msg) => return Ok(Response::Rejected(format!("nothing was saved: {msg}"))),
        };
        let change = Change::Seed {
            org: Box::new(org.clone()),
            reference: Box::new(reference.clone()),
            assessments: assessments.to_vec(),
            active_period: active_period.map(str::to_string),
        };
        let at = journal.append(actor, (self.clock)(), change)?;
        self.commit_seed(plan, at)?;
        Ok(Response::Done)
    }

    /// Validates and encodes a seed against the current trees; a problem
    /// with the input is `Ok(Err(message))`, before anything is written.
    pub(super) fn prepare_seed(
        &self,
        org: &Org,
        reference: &Reference,
        assessments: &[Assessment],
        active_period: Option<&str>,
    ) -> Result<Result<Plan, String>, StoreError> {
        let t = &self.trees;
        let periods: HashSet<&str> = org.periods.iter().map(|p| p.id.as_str()).collect();
        let people: HashSet<&str> = org.people.iter().map(|p| p.nip.as_str()).collect();
        if let Some(p) = active_period.filter(|p| !periods.contains(p)) {
            return Ok(Err(format!("active period {p} is not one of the periods")));
        }
        let mut keys = HashSet::new();
        let mut assessment_writes = Writes::default();
        for a in assessments {
            let (period, nip) = (&a.key.period, a.key.employee.as_str());
            if !periods.contains(period.as_str()) || !people.contains(nip) {
                return Ok(Err(format!(
                    "assessment {period}/{nip} names an unknown period or employee"
                )));
            }
            let key = trees::assessment_key(&a.key);
            if !keys.insert(key.clone()) {
                return Ok(Err(format!("assessment {period}/{nip} appears twice")));
            }
            assessment_writes.insert.push((key, codec::encode(a)?));
        }

        let units = Writes::replace(&t.units, "unit", &org.units, |u| u.id.clone().into_bytes());
        let people = Writes::replace(&t.people, "employee", &org.people, |p| {
            trees::nip_key(&p.nip).to_vec()
        });
        let periods = Writes::replace(&t.periods, "period", &org.periods, |p| {
            p.id.clone().into_bytes()
        });
        let (units, people, periods) = match (units?, people?, periods?) {
            (Ok(u), Ok(p), Ok(q)) => (u, p, q),
            (Err(msg), _, _) | (_, Err(msg), _) | (_, _, Err(msg)) => return Ok(Err(msg)),
        };
        let mut meta = Writes::default();
        if let Some(p) = active_period {
            meta.insert.push((
                trees::ACTIVE_PERIOD.to_vec(),
                codec::encode(&p.to_string())?,
            ));
        }
        let reference = Writes {
            remove: Vec::new(),
            insert: vec![(trees::REFERENCE_KEY.to_vec(), codec::encode(reference)?)],
        };
        Ok(Ok(Plan {
            writes: [meta, reference, units, people, periods, assessment_writes],
        }))
    }

    /// Writes a prepared seed and the applied sequence number in one sled
    /// transaction, then syncs sled's files (see `persist_all`).
    pub(super) fn commit_seed(&self, mut plan: Plan, at: Appended) -> Result<(), StoreError> {
        let t = &self.trees;
        plan.writes[0]
            .insert
            .push((trees::APPLIED_SEQ.to_vec(), Self::applied_bytes(at)?));
        let targets = [
            &t.meta,
            &t.reference,
            &t.units,
            &t.people,
            &t.periods,
            &t.assessments,
        ];
        targets
            .as_slice()
            .transaction(|views| {
                for (view, writes) in views.iter().zip(&plan.writes) {
                    for k in &writes.remove {
                        view.remove(k.clone())?;
                    }
                    for (k, v) in &writes.insert {
                        view.insert(k.as_slice(), v.as_slice())?;
                    }
                }
                Ok(())
            })
            .map_err(|e: sled::transaction::TransactionError<()>| match e {
                sled::transaction::TransactionError::Storage(e) => StoreError::Sled(e),
                sled::transaction::TransactionError::Abort(()) => {
                    StoreError::Sled(sled::Error::Unsupported("seed aborted".into()))
                }
            })?;
        *self
            .reference
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner) = None;
        self.persist_all()
    }
}
