//! `kinerja backup` and `kinerja restore`. The journal holds every change,
//! so a backup is the journal's complete entries in a versioned file with a
//! checksum over all of it; a restore checks the file first and rebuilds
//! the store by replaying it.
//!
//! Layout: `KJBACKUP`, version `u16` LE, entry count `u64` LE, journal
//! length `u64` LE, the journal bytes, then SHA-256 of everything before.

use super::journal::{self, JournalError};
use super::sled_store::{Store, StoreError};
use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::{Path, PathBuf};

const MAGIC: &[u8; 8] = b"KJBACKUP";
const VERSION: u16 = 1;
const HEADER: usize = 8 + 2 + 8 + 8;

/// Why a backup or restore did not happen; nothing was changed.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{0} is not a Kinerja backup (it does not start with KJBACKUP)")]
    NotABackup(PathBuf),
    #[error("{path} was written by a newer Kinerja (backup version {version}); use that version")]
    NewerVersion { path: PathBuf, version: u16 },
    #[error("{0} is damaged: it is shorter than its header says (copied only partly?)")]
    Truncated(PathBuf),
    #[error("{0} is damaged: its checksum does not match its contents")]
    Checksum(PathBuf),
    #[error("the backup's journal is damaged: {0}")]
    Journal(journal::Broken),
    #[error(
        "{0} already holds a store; add --force to restore over it (the current one \
         is kept beside it)"
    )]
    NotEmpty(PathBuf),
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    JournalFile(#[from] JournalError),
}

fn io(path: &Path) -> impl Fn(std::io::Error) -> BackupError + '_ {
    move |source| BackupError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// What a backup or restore covered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub entries: u64,
    pub bytes: u64,
}

/// Writes a backup of the store in `dir` to `file` (temp file, sync,
/// rename). Works while the store is in use: the journal only grows, and
/// an entry being appended right now is left for the next backup.
pub fn backup(dir: &Path, file: &Path) -> Result<Summary, BackupError> {
    let jpath = dir.join(journal::FILE);
    let bytes = std::fs::read(&jpath).map_err(io(&jpath))?;
    let scan = journal::scan(&bytes);
    if let Some(b) = scan.broken.filter(|b| !journal::is_torn_tail(b)) {
        return Err(BackupError::Journal(b));
    }
    let body = &bytes[..scan.end as usize];
    let entries = scan.entries.len() as u64;
    let mut out = Vec::with_capacity(HEADER + body.len() + 32);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.extend_from_slice(&entries.to_le_bytes());
    out.extend_from_slice(&(body.len() as u64).to_le_bytes());
    out.extend_from_slice(body);
    let digest: [u8; 32] = Sha256::digest(&out).into();
    out.extend_from_slice(&digest);
    let tmp = file.with_extension("tmp");
    let mut f = std::fs::File::create(&tmp).map_err(io(&tmp))?;
    f.write_all(&out)
        .and_then(|()| f.sync_all())
        .map_err(io(&tmp))?;
    std::fs::rename(&tmp, file).map_err(io(file))?;
    if let Some(parent) = file.parent().filter(|p| !p.as_os_str().is_empty()) {
        std::fs::File::open(parent)
            .and_then(|d| d.sync_all())
            .map_err(io(parent))?;
    }
    Ok(Summary {
        entries,
        bytes: out.len() as u64,
    })
}

/// Checks a backup file and returns its journal bytes and entry count.
pub fn check(file: &Path) -> Result<(Vec<u8>, u64), BackupError> {
    let bytes = std::fs::read(file).map_err(io(file))?;
    if bytes.len() < MAGIC.len() || &bytes[..MAGIC.len()] != MAGIC {
        return Err(BackupError::NotABackup(file.to_path_buf()));
    }
    if bytes.len() < HEADER + 32 {
        return Err(BackupError::Truncated(file.to_path_buf()));
    }
    let version = u16::from_le_bytes([bytes[8], bytes[9]]);
    if version > VERSION {
        return Err(BackupError::NewerVersion {
            path: file.to_path_buf(),
            version,
        });
    }
    let word = |at: usize| {
        let mut b = [0u8; 8];
        b.copy_from_slice(&bytes[at..at + 8]);
        u64::from_le_bytes(b)
    };
    let (entries, len) = (word(10), word(18));
    let Some(end) = usize::try_from(len)
        .ok()
        .and_then(|l| l.checked_add(HEADER))
    else {
        return Err(BackupError::Truncated(file.to_path_buf()));
    };
    if bytes.len() != end + 32 {
        return Err(BackupError::Truncated(file.to_path_buf()));
    }
    let digest: [u8; 32] = Sha256::digest(&bytes[..end]).into();
    if digest[..] != bytes[end..] {
        return Err(BackupError::Checksum(file.to_path_buf()));
    }
    let journal_bytes = bytes[HEADER..end].to_vec();
    let scan = journal::scan(&journal_bytes);
    if let Some(b) = scan.broken {
        return Err(BackupError::Journal(b));
    }
    if scan.entries.len() as u64 != entries {
        return Err(BackupError::Checksum(file.to_path_buf()));
    }
    Ok((journal_bytes, entries))
}

/// Restores a checked backup into `dir`. An existing store there is kept
/// as `<dir>.old-<now>` with `force`, and refused without it. Returns the
/// summary and where the old store went.
pub fn restore(
    file: &Path,
    dir: &Path,
    force: bool,
    now: i64,
) -> Result<(Summary, Option<PathBuf>), BackupError> {
    let (journal_bytes, entries) = check(file)?;
    let has_store = std::fs::read_dir(dir).is_ok_and(|mut d| d.next().is_some());
    if has_store && !force {
        return Err(BackupError::NotEmpty(dir.to_path_buf()));
    }
    let name = dir
        .file_name()
        .map_or_else(|| "kinerja".into(), |n| n.to_string_lossy().into_owned());
    let fresh = dir.with_file_name(format!("{name}.restore-{now}"));
    std::fs::create_dir_all(&fresh).map_err(io(&fresh))?;
    let jpath = fresh.join(journal::FILE);
    let mut f = std::fs::File::create(&jpath).map_err(io(&jpath))?;
    f.write_all(&journal_bytes)
        .and_then(|()| f.sync_all())
        .map_err(io(&jpath))?;
    drop(f);
    // Opening replays every entry into the fresh store.
    drop(Store::open(&fresh)?);
    let old = if has_store {
        // Holding the old store while moving it keeps its users out.
        let held = Store::open(dir)?;
        let old = dir.with_file_name(format!("{name}.old-{now}"));
        drop(held);
        std::fs::rename(dir, &old).map_err(io(dir))?;
        Some(old)
    } else {
        let _ = std::fs::remove_dir(dir);
        None
    };
    std::fs::rename(&fresh, dir).map_err(io(dir))?;
    Ok((
        Summary {
            entries,
            bytes: journal_bytes.len() as u64,
        },
        old,
    ))
}
