//! PINs for a shared terminal: argon2id hashes in the `pins` tree (never
//! sent to a client), set once by their owner, checked here only, with a
//! lock after too many wrong tries. Setting and resetting a PIN are
//! journalled (the hash, never the PIN); failed tries are not.

use super::codec::{Kind, Record};
use super::journal::{Appended, Change};
use super::request::Response;
use super::sled_store::{Store, StoreError};
use super::trees;
use crate::domain::pin::{self, Check, State};
use crate::domain::{Nip, Person};
use argon2::Argon2;
use argon2::password_hash::phc::PasswordHash;
use argon2::password_hash::{PasswordHasher, PasswordVerifier};
use serde::{Deserialize, Serialize};

/// What the store keeps per person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct PinRecord {
    /// PHC string: `$argon2id$v=19$m=…,t=…,p=…$salt$hash`.
    hash: String,
    failures: u32,
    locked_until: Option<i64>,
}

impl Record for PinRecord {
    const KIND: Kind = Kind::Pin;
    const VERSION: u16 = 1;
}

fn hash(pin: &str) -> Result<String, String> {
    Argon2::default()
        .hash_password(pin.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| format!("the PIN could not be hashed: {e}"))
}

fn matches(pin: &str, phc: &str) -> bool {
    PasswordHash::new(phc).is_ok_and(|h| {
        Argon2::default()
            .verify_password(pin.as_bytes(), &h)
            .is_ok()
    })
}

impl Store {
    fn pin_record(&self, nip: &Nip) -> Result<Option<PinRecord>, StoreError> {
        trees::get(&self.trees.pins, trees::PINS, trees::nip_key(nip))
    }

    fn on_roster(&self, nip: &Nip) -> Result<bool, StoreError> {
        Ok(trees::get::<Person>(&self.trees.people, trees::PEOPLE, trees::nip_key(nip))?.is_some())
    }

    pub(super) fn pin_state(&self, nip: &Nip) -> Result<Response, StoreError> {
        let now = (self.clock)();
        let r = self.pin_record(nip)?;
        Ok(Response::Pin(State {
            set: r.is_some(),
            locked_until: r.and_then(|r| r.locked_until).filter(|&t| t > now),
        }))
    }

    /// Sets a first PIN; one already set is changed only after an admin
    /// reset (so nobody can take over a person who already has one).
    pub(super) fn set_pin(
        &self,
        actor: Option<&Nip>,
        nip: &Nip,
        pin: &str,
    ) -> Result<Response, StoreError> {
        if !self.on_roster(nip)? {
            return Ok(Response::Rejected(format!("{nip} is not on the roster")));
        }
        if let Err(weak) = pin::validate(pin) {
            return Ok(Response::Rejected(weak.to_string()));
        }
        // Hashing is slow on purpose: done before taking the writer.
        let hashed = match hash(pin) {
            Ok(h) => h,
            Err(e) => return Ok(Response::Rejected(e)),
        };
        let mut journal = self.writer();
        if self.pin_record(nip)?.is_some() {
            return Ok(Response::Rejected(
                "a PIN is already set for this person; the admin can reset it".into(),
            ));
        }
        let time = (self.clock)();
        let change = Change::Pin {
            nip: nip.clone(),
            hash: Some(hashed.clone()),
        };
        let at = journal.append(actor, time, change)?;
        self.apply_pin(nip, Some(&hashed), at)?;
        Ok(Response::Done)
    }

    /// Removes a PIN so its owner sets a new one (the admin's remedy for a
    /// forgotten PIN).
    pub(super) fn reset_pin(&self, actor: Option<&Nip>, nip: &Nip) -> Result<Response, StoreError> {
        let mut journal = self.writer();
        if self.pin_record(nip)?.is_none() {
            return Ok(Response::Done);
        }
        let time = (self.clock)();
        let change = Change::Pin {
            nip: nip.clone(),
            hash: None,
        };
        let at = journal.append(actor, time, change)?;
        self.apply_pin(nip, None, at)?;
        Ok(Response::Done)
    }

    /// Checks a PIN, counting wrong tries and locking after too many.
    pub(super) fn check_pin(&self, nip: &Nip, pin: &str) -> Result<Response, StoreError> {
        let now = (self.clock)();
        let Some(r) = self.pin_record(nip)? else {
            return Ok(Response::PinChecked(Check::NotSet));
        };
        if let Some(until) = r.locked_until.filter(|&t| t > now) {
            return Ok(Response::PinChecked(Check::Locked { until }));
        }
        // Verified outside the writer lock (slow on purpose), then the
        // counters are updated from the record as it is now.
        let ok = matches(pin, &r.hash);
        let _writer = self.writer();
        let Some(mut r) = self.pin_record(nip)? else {
            return Ok(Response::PinChecked(Check::NotSet));
        };
        let answer = if ok {
            r.failures = 0;
            r.locked_until = None;
            Check::Ok
        } else {
            let (failures, lock) = pin::after_failure(r.failures, now);
            r.failures = failures;
            r.locked_until = lock;
            match lock {
                Some(until) => Check::Locked { until },
                None => Check::Wrong {
                    remaining: pin::MAX_FAILURES - failures,
                },
            }
        };
        self.trees
            .pins
            .insert(trees::nip_key(nip), super::codec::encode(&r)?)?;
        Ok(Response::PinChecked(answer))
    }

    /// Applies a journalled PIN change with its sequence number.
    pub(super) fn apply_pin(
        &self,
        nip: &Nip,
        hash: Option<&str>,
        at: Appended,
    ) -> Result<(), StoreError> {
        let mut batch = sled::Batch::default();
        match hash {
            Some(h) => {
                let r = PinRecord {
                    hash: h.to_string(),
                    failures: 0,
                    locked_until: None,
                };
                batch.insert(trees::nip_key(nip), super::codec::encode(&r)?);
            }
            None => batch.remove(trees::nip_key(nip)),
        }
        self.trees.pins.apply_batch(batch)?;
        self.trees
            .meta
            .insert(trees::APPLIED_SEQ, Self::applied_bytes(at)?)?;
        Ok(())
    }
}
