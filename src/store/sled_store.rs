//! The store: one sled database and its journal, driven by [`Request`]s.
//! Every change is appended to the journal and synced before it is
//! applied to sled and answered, so `Saved` and `Done` mean "on disk".

use super::codec::{self, CodecError};
use super::journal::{self, Applied, Change, Journal, JournalError};
use super::request::{CorruptRecord, Cursor, Request, Response, Snapshot};
use super::trees::{self, Trees};
use crate::domain::{Assessment, Nip, Org, Reference};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The layout of trees and keys; bumped when it changes incompatibly.
const SCHEMA_VERSION: u32 = 1;
/// sled's page cache; the whole app targets ≤ 64 MiB RSS at 10k employees.
const CACHE_BYTES: u64 = 16 << 20;

/// The owner of the sled database: the only value that touches sled.
/// `Sync`, so several threads (later: daemon clients) share one store.
pub struct Store {
    pub(super) db: sled::Db,
    dir: PathBuf,
    pub(super) trees: Trees,
    /// Unix seconds stamped on accepted edits; injectable for tests.
    pub(super) clock: fn() -> i64,
    /// The journal; its lock is also the single-writer lock, so entries
    /// are appended and applied in one order.
    pub(super) journal: Mutex<Journal>,
    /// The decoded reference data, read once and dropped when a seed
    /// replaces it (every edit needs it; decoding it each time showed up
    /// in the daemon's load profile).
    pub(super) reference: Mutex<Option<std::sync::Arc<crate::domain::Reference>>>,
}

/// Why the store could not answer. Each message says what to do.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error(
        "another Kinerja is using the data directory {path}; close it, or wait \
         for it to finish, then start again"
    )]
    Locked { path: PathBuf },
    #[error("cannot create the data directory {path}: {source}; check its permissions")]
    CreateDir {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "the data directory {path} was written by a newer Kinerja (schema {found}, \
         this one reads {supported}); use that version or newer"
    )]
    NewerSchema {
        path: PathBuf,
        found: String,
        supported: u32,
    },
    #[error(
        "record {key} in {tree} cannot be read ({reason}); restore it from a \
         backup, or ask the admin to re-import it"
    )]
    Corrupt {
        tree: String,
        key: String,
        reason: String,
    },
    #[error(
        "the store could not sync to disk: {0}; the last change may not be saved, \
         check the disk and try again"
    )]
    Sync(std::io::Error),
    #[error(transparent)]
    Journal(#[from] JournalError),
    #[error(
        "the store has changes up to #{applied} but the journal only up to #{journal}; \
         the journal is missing entries, restore it from a backup"
    )]
    JournalBehind { applied: u64, journal: u64 },
    #[error("a record could not be encoded, nothing was written: {0}")]
    Encode(#[from] CodecError),
    #[error(
        "the store failed: {0}; check free disk space and permissions of the data \
         directory, then try again"
    )]
    Sled(#[from] sled::Error),
}

/// The time now, in Unix seconds: the store's clock, and everyone's.
pub fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// How long `open` waits for a lock that is being released.
const LOCK_WAIT: std::time::Duration = std::time::Duration::from_millis(1500);

/// sled reports a held lock as a plain I/O error; this is its wording.
fn is_lock_error(e: &sled::Error) -> bool {
    matches!(e, sled::Error::Io(io) if io.to_string().contains("could not acquire lock"))
}

/// Checks (or, in a new store, writes) the layout version.
fn check_schema(db: &sled::Db, t: &Trees, dir: &Path) -> Result<(), StoreError> {
    match trees::get::<String>(&t.meta, trees::META, trees::SCHEMA)? {
        Some(found) if found.parse::<u32>().ok() == Some(SCHEMA_VERSION) => Ok(()),
        Some(found) => Err(StoreError::NewerSchema {
            path: dir.to_path_buf(),
            found,
            supported: SCHEMA_VERSION,
        }),
        None => {
            t.meta
                .insert(trees::SCHEMA, codec::encode(&SCHEMA_VERSION.to_string())?)?;
            db.flush()?;
            Ok(())
        }
    }
}

/// The last journal entry applied to sled: "seq:hex-hash" in `meta`.
pub(super) fn applied(t: &Trees) -> Result<Applied, StoreError> {
    let Some(text) = trees::get::<String>(&t.meta, trees::META, trees::APPLIED_SEQ)? else {
        return Ok(Applied::default());
    };
    let (seq, hash) = text.split_once(':').unwrap_or((text.as_str(), ""));
    let hash = (hash.len() == 64)
        .then(|| {
            let mut h = [0u8; 32];
            for (i, b) in h.iter_mut().enumerate() {
                *b = u8::from_str_radix(hash.get(2 * i..2 * i + 2)?, 16).ok()?;
            }
            Some(h)
        })
        .flatten();
    Ok(Applied {
        seq: seq.parse().unwrap_or(0),
        hash,
    })
}

impl Store {
    /// Opens (creating if needed) the store in `dir`. sled locks the
    /// directory to one process: a second one gets [`StoreError::Locked`].
    pub fn open(dir: &Path) -> Result<Self, StoreError> {
        std::fs::create_dir_all(dir).map_err(|source| StoreError::CreateDir {
            path: dir.to_path_buf(),
            source,
        })?;
        let db = Self::open_db(dir)?;
        let trees = Trees::open(&db)?;
        check_schema(&db, &trees, dir)?;
        let applied = applied(&trees)?;
        let opened = Journal::open(&dir.join(journal::FILE), applied)?;
        if applied.seq > opened.last_seq {
            return Err(StoreError::JournalBehind {
                applied: applied.seq,
                journal: opened.last_seq,
            });
        }
        let store = Self {
            db,
            dir: dir.to_path_buf(),
            trees,
            clock: unix_now,
            journal: Mutex::new(opened.journal),
            reference: Mutex::new(None),
        };
        store.apply_entries(&opened.pending)?;
        if !opened.pending.is_empty() {
            store.db.flush()?;
        }
        Ok(store)
    }

    /// sled releases its lock from a background thread after the last
    /// handle drops, so a restart in the same process (or right after the
    /// previous process died) may briefly see it held: retry for a moment.
    fn open_db(dir: &Path) -> Result<sled::Db, StoreError> {
        let deadline = std::time::Instant::now() + LOCK_WAIT;
        loop {
            match sled::Config::new()
                .path(dir)
                .cache_capacity(CACHE_BYTES)
                .open()
            {
                Ok(db) => return Ok(db),
                Err(e) if is_lock_error(&e) => {
                    if std::time::Instant::now() >= deadline {
                        return Err(StoreError::Locked {
                            path: dir.to_path_buf(),
                        });
                    }
                    std::thread::sleep(std::time::Duration::from_millis(25));
                }
                Err(e) => return Err(StoreError::Sled(e)),
            }
        }
    }

    /// Flushes sled and fsyncs its files: its log, its blob
    /// files (large values such as the reference data, which sled writes
    /// without any sync) and their directories. For seeds, rare and large:
    /// sled must never point at a blob a power cut took away.
    pub(super) fn persist_all(&self) -> Result<(), StoreError> {
        self.db.flush()?;
        std::fs::File::open(self.dir.join("db"))
            .and_then(|f| f.sync_all())
            .map_err(StoreError::Sync)?;
        let blobs = self.dir.join("blobs");
        let sync = |p: &Path| std::fs::File::open(p).and_then(|f| f.sync_all());
        if let Ok(entries) = std::fs::read_dir(&blobs) {
            for entry in entries {
                sync(&entry.map_err(StoreError::Sync)?.path()).map_err(StoreError::Sync)?;
            }
            sync(&blobs).map_err(StoreError::Sync)?;
        }
        sync(&self.dir).map_err(StoreError::Sync)
    }

    /// Replaces the clock that stamps `updated_at` (tests fix time).
    #[must_use]
    pub fn with_clock(mut self, clock: fn() -> i64) -> Self {
        self.clock = clock;
        self
    }

    /// Answers one request. `actor` is who asks (stamped on edits); the
    /// daemon will take it from the socket's peer credentials.
    pub fn execute(&self, actor: Option<&Nip>, req: Request) -> Result<Response, StoreError> {
        if let Some(why) = self.refusal(actor, &req)? {
            return Ok(Response::Rejected(why));
        }
        match req {
            Request::Snapshot => Ok(Response::Snapshot(Box::new(self.snapshot()?))),
            Request::Seed {
                org,
                reference,
                assessments,
                active_period,
            } => self.seed(
                actor,
                &org,
                &reference,
                &assessments,
                active_period.as_deref(),
            ),
            Request::Assessments { period, employees } => {
                let (items, corrupt) = self.assessments(&period, employees.as_deref())?;
                let items = self.readable(actor, items)?;
                Ok(Response::Assessments { items, corrupt })
            }
            Request::AllAssessments => {
                let mut corrupt = Vec::new();
                let items = trees::decode_all(
                    self.trees.assessments.iter(),
                    trees::ASSESSMENTS,
                    &mut corrupt,
                )?;
                let items = self.readable(actor, items)?;
                Ok(Response::Assessments { items, corrupt })
            }
            Request::Edit {
                key,
                expected_revision,
                edit,
            } => self.edit(actor, &key, expected_revision, &edit),
            Request::SetCursor { user, cursor } => {
                let bytes = codec::encode(&cursor)?;
                self.trees.cursors.insert(trees::nip_key(&user), bytes)?;
                let last = codec::encode(&user.to_string())?;
                self.trees.meta.insert(trees::LAST_USER, last)?;
                // Where the user was must survive a crash or a dropped
                // session (flushed to the OS), but is not worth an fsync on
                // every arrow key: a power cut may land them one step back.
                self.db.flush()?;
                Ok(Response::Done)
            }
            Request::SelfAssessments { period, employees } => {
                self.self_assessments(actor, &period, employees.as_deref())
            }
            Request::SelfEdit {
                key,
                expected_revision,
                edit,
            } => self.self_edit(actor, &key, expected_revision, &edit),
            Request::Feedback { period, employees } => {
                self.feedback(actor, &period, employees.as_deref())
            }
            Request::AddFeedback {
                key,
                tone,
                criterion,
                text,
            } => self.add_feedback(
                actor,
                &super::feedback::NewNote {
                    key: &key,
                    tone,
                    criterion: criterion.as_deref(),
                    text: &text,
                },
            ),
            Request::RetractFeedback { key, id } => self.retract_feedback(actor, &key, id),
            Request::UnitResults { period } => self.unit_results(&period),
            Request::Dashboard { period } => self.dashboard(actor, &period),
            Request::Trend { employee } => self.trend(actor, &employee),
            Request::Career { period } => self.career(actor, &period),
            Request::OwnCalibration { period } => self.own_calibration(actor, &period),
            Request::SetUnitResult {
                period,
                unit,
                result,
            } => self.set_unit_result(actor, &period, &unit, result),
            Request::History { key } => Ok(Response::History(self.history(&key)?)),
            Request::GetCursor { user } => Ok(Response::Cursor(trees::get::<Cursor>(
                &self.trees.cursors,
                trees::CURSORS,
                trees::nip_key(&user),
            )?)),
            Request::SetActivePeriod { period } => {
                if !self.trees.periods.contains_key(period.as_bytes())? {
                    return Ok(Response::Rejected(format!(
                        "period {period} does not exist; pick one of the roster's periods"
                    )));
                }
                let mut journal = self.writer();
                let at =
                    journal.append(actor, (self.clock)(), Change::ActivePeriod(period.clone()))?;
                self.apply_active_period(&period, at)?;
                Ok(Response::Done)
            }
            Request::PinStatus { nip } => self.pin_state(&nip),
            Request::SetPin { nip, pin } => self.set_pin(actor, &nip, &pin),
            Request::CheckPin { nip, pin } => self.check_pin(&nip, &pin),
            Request::ResetPin { nip } => self.reset_pin(actor, &nip),
            Request::Logout | Request::Watch { .. } => Ok(Response::Done),
        }
    }

    /// Roster lists come in key order: units and periods by id, people by NIP.
    fn snapshot(&self) -> Result<Snapshot, StoreError> {
        let t = &self.trees;
        let mut corrupt = Vec::new();
        let org = Org {
            units: trees::decode_all(t.units.iter(), trees::UNITS, &mut corrupt)?,
            people: trees::decode_all(t.people.iter(), trees::PEOPLE, &mut corrupt)?,
            periods: trees::decode_all(t.periods.iter(), trees::PERIODS, &mut corrupt)?,
        };
        let reference = trees::get_or_report::<Reference>(
            &t.reference,
            trees::REFERENCE,
            trees::REFERENCE_KEY,
            &mut corrupt,
        )?
        .unwrap_or_default();
        let active_period =
            trees::get_or_report(&t.meta, trees::META, trees::ACTIVE_PERIOD, &mut corrupt)?;
        let last_user =
            trees::get_or_report::<String>(&t.meta, trees::META, trees::LAST_USER, &mut corrupt)?
                .and_then(|s| Nip::parse(&s).ok());
        Ok(Snapshot {
            org,
            reference,
            active_period,
            last_user,
            corrupt,
        })
    }

    fn assessments(
        &self,
        period: &str,
        employees: Option<&[Nip]>,
    ) -> Result<(Vec<Assessment>, Vec<CorruptRecord>), StoreError> {
        let mut corrupt = Vec::new();
        let items = trees::of_period(
            &self.trees.assessments,
            trees::ASSESSMENTS,
            period,
            employees,
            &mut corrupt,
        )?;
        Ok((items, corrupt))
    }
}
