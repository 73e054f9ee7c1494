//! The append-only journal: every change is written here and synced
//! before it is applied to sled and reported saved. It is the audit trail
//! (who changed what, when, from what to what) and the recovery path
//! (sled is brought up to date from it on open).
//!
//! Frame: `len: u32 LE`, `crc32(payload): u32 LE`, `payload`; the payload
//! is a codec record ([`Entry`]) that carries the SHA-256 of the previous
//! payload, so a changed, removed or reordered entry breaks the chain at
//! the first place it touches.

pub mod entry;

pub use entry::{Change, Entry, Purge};

use super::codec::{self, CodecError};
use crate::domain::Nip;
use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// The journal's file name inside the data dir.
pub const FILE: &str = "journal.kj";
const FRAME_HEADER: usize = 8;
/// Larger frames are taken as damage, not as data.
const MAX_FRAME: usize = codec::MAX_LARGE_PAYLOAD + codec::HEADER_LEN;

/// Where and how the chain breaks.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("journal entry #{seq} (byte {offset}) is damaged: {reason}")]
pub struct Broken {
    /// The sequence number the entry has or should have.
    pub seq: u64,
    pub offset: u64,
    pub reason: String,
}

/// Why the journal could not be used.
#[derive(Debug, thiserror::Error)]
pub enum JournalError {
    #[error("cannot use the journal {path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error(
        "{0}; the store was not opened so that nothing is lost: run \
         `kinerja audit verify` and restore the journal from a backup"
    )]
    Broken(Broken),
    #[error("a journal entry could not be encoded: {0}")]
    Encode(#[from] CodecError),
}

/// The result of reading a journal from the start.
#[derive(Debug)]
pub struct Scan {
    pub entries: Vec<Entry>,
    /// Where the valid part ends.
    pub end: u64,
    pub last_hash: [u8; 32],
    /// The first problem, if the journal does not end cleanly.
    pub broken: Option<Broken>,
}

/// A frame around a payload: length, checksum, payload.
pub(super) fn frame(payload: &[u8]) -> Vec<u8> {
    let mut frame = Vec::with_capacity(FRAME_HEADER + payload.len());
    frame.extend_from_slice(&(payload.len() as u32).to_le_bytes());
    frame.extend_from_slice(&crc32fast::hash(payload).to_le_bytes());
    frame.extend_from_slice(payload);
    frame
}

/// The payloads of a journal that [`scan`] found intact, in order.
pub(super) fn payloads(bytes: &[u8]) -> impl Iterator<Item = &[u8]> {
    let mut pos = 0usize;
    std::iter::from_fn(move || {
        let header = bytes.get(pos..pos + FRAME_HEADER)?;
        let len = u32::from_le_bytes([header[0], header[1], header[2], header[3]]) as usize;
        let payload = bytes.get(pos + FRAME_HEADER..pos + FRAME_HEADER + len)?;
        pos += FRAME_HEADER + len;
        Some(payload)
    })
}

/// Reads and checks every entry: frame, checksum, record, sequence, chain.
pub fn scan(bytes: &[u8]) -> Scan {
    let mut entries = Vec::new();
    let mut pos = 0usize;
    let mut last_hash = [0u8; 32];
    let broken = loop {
        if pos == bytes.len() {
            break None;
        }
        let seq = entries.len() as u64 + 1;
        let fail = |reason: String| {
            Some(Broken {
                seq,
                offset: pos as u64,
                reason,
            })
        };
        let Some(header) = bytes.get(pos..pos + FRAME_HEADER) else {
            break fail("the file ends inside the entry's header (incomplete write)".into());
        };
        let len = u32::from_le_bytes([header[0], header[1], header[2], header[3]]) as usize;
        let crc = u32::from_le_bytes([header[4], header[5], header[6], header[7]]);
        if len > MAX_FRAME {
            break fail(format!("length {len} is not plausible"));
        }
        let Some(payload) = bytes.get(pos + FRAME_HEADER..pos + FRAME_HEADER + len) else {
            break fail("the file ends inside the entry (incomplete write)".into());
        };
        if crc32fast::hash(payload) != crc {
            break fail("checksum mismatch: its bytes were changed".into());
        }
        let (entry, hash) = match entry::decode(payload) {
            Ok(e) => e,
            Err(e) => break fail(format!("cannot be decoded: {e}")),
        };
        if entry.seq != seq {
            break fail(format!(
                "has sequence number {}, expected {seq}: entries were removed or reordered",
                entry.seq
            ));
        }
        if entry.prev != last_hash {
            break fail("does not follow the entry before it: the chain is broken".into());
        }
        last_hash = hash;
        entries.push(entry);
        pos += FRAME_HEADER + len;
    };
    Scan {
        entries,
        end: pos as u64,
        last_hash,
        broken,
    }
}

/// Whether a problem is only an unfinished last write (a crash while
/// appending): that entry was never reported saved and may be dropped.
pub fn is_torn_tail(b: &Broken) -> bool {
    b.reason.contains("incomplete write")
}

/// Where an appended entry stands in the chain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Appended {
    pub seq: u64,
    /// SHA-256 of its payload: the next entry's `prev`.
    pub hash: [u8; 32],
}

/// How far sled has applied the journal, as recorded in sled.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Applied {
    pub seq: u64,
    /// The hash of entry `seq`, so opening need not re-hash it.
    pub hash: Option<[u8; 32]>,
}

/// A journal opened for appending, with what sled still has to apply.
pub struct Opened {
    pub journal: Journal,
    /// Entries after the applied sequence number, in order, with the
    /// hash of each.
    pub pending: Vec<(Entry, [u8; 32])>,
    /// The sequence number of the last entry (0 when empty).
    pub last_seq: u64,
}

/// The open journal, appended to by the store's single writer.
pub struct Journal {
    path: PathBuf,
    file: File,
    /// Where the valid part ends: a failed append is cut back to here.
    end: u64,
    next_seq: u64,
    last_hash: [u8; 32],
}

impl Journal {
    /// Opens (creating if needed) the journal for appending, walking its
    /// frame headers once: entries after `applied` (the ones sled has not
    /// seen) and the last entry are checksummed and decoded or hashed;
    /// older ones are skipped, so opening stays cheap as the journal grows.
    /// A torn last entry is cut off; damage in what is read refuses to
    /// open. The full check of every entry and the chain is [`verify`]'s
    /// (and `doctor`'s and `backup`'s) job.
    pub fn open(path: &Path, applied: Applied) -> Result<Opened, JournalError> {
        let io = |source| JournalError::Io {
            path: path.to_path_buf(),
            source,
        };
        let mut file = OpenOptions::new()
            .read(true)
            .append(true)
            .create(true)
            .open(path)
            .map_err(io)?;
        let len = file.metadata().map_err(io)?.len();
        if len == 0 {
            // A new journal: make its directory entry durable too.
            if let Some(dir) = path.parent() {
                File::open(dir).and_then(|d| d.sync_all()).map_err(io)?;
            }
        }
        let mut reader = std::io::BufReader::with_capacity(1 << 16, &file);
        let (mut pos, mut seq, mut last_hash) = (0u64, 0u64, [0u8; 32]);
        // Where the last complete frame starts and how long its payload is,
        // to hash it when a torn tail follows it.
        let mut last_frame = None;
        let mut pending = Vec::new();
        let torn = loop {
            if pos == len {
                break false;
            }
            let next = seq + 1;
            let broken = |reason: &str| {
                JournalError::Broken(Broken {
                    seq: next,
                    offset: pos,
                    reason: reason.to_string(),
                })
            };
            if len - pos < FRAME_HEADER as u64 {
                break true;
            }
            let mut header = [0u8; FRAME_HEADER];
            reader.read_exact(&mut header).map_err(io)?;
            let flen = u32::from_le_bytes([header[0], header[1], header[2], header[3]]) as usize;
            let crc = u32::from_le_bytes([header[4], header[5], header[6], header[7]]);
            if flen > MAX_FRAME {
                return Err(broken("its length is not plausible"));
            }
            let end = pos + (FRAME_HEADER + flen) as u64;
            if end > len {
                break true;
            }
            let keep = next > applied.seq;
            let last = end == len;
            if !keep && !last {
                // Applied long ago and checked by `verify`, `doctor` and
                // `backup`: skipped here, so opening does not grow with the
                // journal.
                reader.seek_relative(flen as i64).map_err(io)?;
                last_frame = Some((pos + FRAME_HEADER as u64, flen));
                (pos, seq) = (end, next);
                continue;
            }
            // The newest applied entry's hash is in sled already: its bytes
            // are only checksummed, never decoded (a seed can be large).
            let known = (!keep && next == applied.seq)
                .then_some(applied.hash)
                .flatten();
            if let Some(hash) = known {
                let mut crc_state = crc32fast::Hasher::new();
                let mut chunk = vec![0u8; flen.min(1 << 16)];
                let mut remaining = flen;
                while remaining > 0 {
                    let n = remaining.min(chunk.len());
                    reader.read_exact(&mut chunk[..n]).map_err(io)?;
                    crc_state.update(&chunk[..n]);
                    remaining -= n;
                }
                if crc_state.finalize() != crc {
                    return Err(broken("checksum mismatch: its bytes were changed"));
                }
                last_hash = hash;
            } else {
                let mut payload = vec![0u8; flen];
                reader.read_exact(&mut payload).map_err(io)?;
                if crc32fast::hash(&payload) != crc {
                    return Err(broken("checksum mismatch: its bytes were changed"));
                }
                let bad = |e: CodecError| broken(&format!("cannot be decoded: {e}"));
                if keep {
                    let (entry, hash) = entry::decode(&payload).map_err(bad)?;
                    if entry.seq != next {
                        return Err(broken("its sequence number is out of order"));
                    }
                    last_hash = hash;
                    pending.push((entry, hash));
                } else {
                    last_hash = entry::hash_of(&payload).map_err(bad)?;
                }
            }
            last_frame = Some((pos + FRAME_HEADER as u64, flen));
            (pos, seq) = (end, next);
        };
        drop(reader);
        if torn {
            file.set_len(pos).map_err(io)?;
            file.sync_all().map_err(io)?;
            // The chain continues from the last complete entry.
            if let Some((start, flen)) = last_frame {
                let mut payload = vec![0u8; flen];
                file.seek(SeekFrom::Start(start)).map_err(io)?;
                file.read_exact(&mut payload).map_err(io)?;
                last_hash = entry::hash_of(&payload).map_err(|e| {
                    JournalError::Broken(Broken {
                        seq,
                        offset: start - FRAME_HEADER as u64,
                        reason: format!("cannot be decoded: {e}"),
                    })
                })?;
            }
        }
        file.seek(SeekFrom::End(0)).map_err(io)?;
        Ok(Opened {
            journal: Self {
                path: path.to_path_buf(),
                file,
                end: pos,
                next_seq: seq + 1,
                last_hash,
            },
            pending,
            last_seq: seq,
        })
    }

    /// The sequence number the next appended entry gets.
    pub fn next_seq(&self) -> u64 {
        self.next_seq
    }

    /// Appends one change and syncs it to disk; returns its sequence number.
    pub fn append(
        &mut self,
        actor: Option<&Nip>,
        time: i64,
        change: Change,
    ) -> Result<Appended, JournalError> {
        let entry = Entry {
            seq: self.next_seq,
            prev: self.last_hash,
            actor: actor.cloned(),
            time,
            change,
        };
        let (payload, hash) = entry::encode(&entry)?;
        let frame = frame(&payload);
        let io = |source| JournalError::Io {
            path: self.path.clone(),
            source,
        };
        let written = self
            .file
            .write_all(&frame)
            .and_then(|()| self.file.sync_data());
        if let Err(e) = written {
            // A half-written frame (disk full, I/O error) must not become the
            // middle of the journal: cut it off so the next append follows a
            // complete entry.
            let _ = self
                .file
                .set_len(self.end)
                .and_then(|()| self.file.sync_all());
            return Err(io(e));
        }
        self.end += frame.len() as u64;
        self.next_seq += 1;
        self.last_hash = hash;
        Ok(Appended {
            seq: entry.seq,
            hash: self.last_hash,
        })
    }
}

/// Checks a journal file without opening the store (it may be in use).
pub fn verify(path: &Path) -> Result<Scan, JournalError> {
    let bytes = std::fs::read(path).map_err(|source| JournalError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    Ok(scan(&bytes))
}

#[cfg(test)]
mod tests;
