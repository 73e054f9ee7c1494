//! The journal on real files: every change is journalled with who, when,
//! before and after; damage is found and named; a change journalled but
//! not applied (a crash between the two steps) is applied on open.

mod common;

use common::{AINI, KEPALA, NOW, RUDY, key, nip, open, seeded};
use kinerja::domain::{Edit, Status};
use kinerja::store::journal::{self, Change, Journal};
use kinerja::store::{Request, Response, StoreError};
use std::path::Path;
use tempfile::TempDir;

fn journal_path(dir: &Path) -> std::path::PathBuf {
    dir.join(journal::FILE)
}

/// Byte offsets where each entry's frame starts, from a clean journal.
fn frame_starts(bytes: &[u8]) -> Vec<usize> {
    let mut starts = Vec::new();
    let mut pos = 0;
    while pos < bytes.len() {
        starts.push(pos);
        let len = u32::from_le_bytes(bytes[pos..pos + 4].try_into().expect("len")) as usize;
        pos += 8 + len;
    }
    starts
}

/// A store with a seed and three edits by two people: four entries.
fn journalled() -> TempDir {
    let dir = TempDir::new().expect("tempdir");
    let store = seeded(dir.path());
    let r = common::rate(&store, AINI, 0, "rhk1", 2).revision;
    common::rate(&store, AINI, r, "rhk2", 3);
    common::rate(&store, RUDY, 0, "pelayanan", 4);
    dir
}

#[test]
fn every_change_is_journalled_with_actor_time_before_and_after() {
    let dir = journalled();
    let scan = journal::verify(&journal_path(dir.path())).expect("read");
    assert!(scan.broken.is_none(), "{:?}", scan.broken);
    let seqs: Vec<u64> = scan.entries.iter().map(|e| e.seq).collect();
    assert_eq!(seqs, [1, 2, 3, 4]);
    assert!(matches!(scan.entries[0].change, Change::Seed { .. }));
    let Change::Edit {
        before,
        after,
        edit,
        ..
    } = &scan.entries[2].change
    else {
        panic!("entry 3 is an edit");
    };
    assert_eq!(scan.entries[2].actor, Some(nip(KEPALA)));
    assert_eq!(scan.entries[2].time, NOW);
    assert_eq!(before.as_ref().and_then(|b| b.rating("rhk2")), None);
    assert_eq!(before.as_ref().and_then(|b| b.rating("rhk1")), Some(2));
    assert_eq!(after.rating("rhk2"), Some(3));
    assert!(matches!(edit, Edit::SetRating { .. }));
    let store = open(dir.path());
    assert_eq!(store.applied_seq().expect("applied"), 4);
}

#[test]
fn refused_writes_are_not_journalled() {
    let dir = journalled();
    let store = open(dir.path());
    let stale = Request::Edit {
        key: key(AINI),
        expected_revision: 0,
        edit: Edit::SetStatus(Status::Submitted),
    };
    assert!(matches!(
        store.execute(None, stale).expect("edit"),
        Response::Conflict(_)
    ));
    drop(store);
    let scan = journal::verify(&journal_path(dir.path())).expect("read");
    assert_eq!(scan.entries.len(), 4);
}

#[test]
fn flipping_any_byte_is_found_and_names_the_entry() {
    let dir = journalled();
    let path = journal_path(dir.path());
    let clean = std::fs::read(&path).expect("read");
    let starts = frame_starts(&clean);
    assert_eq!(starts.len(), 4);
    let entry_of =
        |offset: usize| starts.iter().rposition(|&s| s <= offset).expect("entry") as u64 + 1;
    let mut checked = 0;
    for offset in (0..clean.len()).step_by(53).chain([clean.len() - 1]) {
        let mut bytes = clean.clone();
        bytes[offset] ^= 0x01;
        std::fs::write(&path, &bytes).expect("write");
        let scan = journal::verify(&path).expect("read");
        let broken = scan
            .broken
            .unwrap_or_else(|| panic!("flip at {offset} went unnoticed"));
        assert_eq!(broken.seq, entry_of(offset), "flip at {offset}: {broken}");
        checked += 1;
    }
    assert!(checked > 20);
}

#[test]
fn removed_or_reordered_entries_break_the_chain() {
    let dir = journalled();
    let path = journal_path(dir.path());
    let clean = std::fs::read(&path).expect("read");
    let s = frame_starts(&clean);
    // Entry 2 removed.
    let removed = [&clean[..s[1]], &clean[s[2]..]].concat();
    std::fs::write(&path, removed).expect("write");
    let b = journal::verify(&path)
        .expect("read")
        .broken
        .expect("broken");
    assert_eq!(b.seq, 2);
    assert!(b.reason.contains("removed or reordered"), "{b}");
    // Entries 3 and 4 swapped.
    let swapped = [&clean[..s[2]], &clean[s[3]..], &clean[s[2]..s[3]]].concat();
    std::fs::write(&path, swapped).expect("write");
    assert_eq!(
        journal::verify(&path)
            .expect("read")
            .broken
            .expect("broken")
            .seq,
        3
    );
    // Opening checks every frame's checksum, not the whole chain (that is
    // `audit verify`'s job), so reordered intact frames still open.
}

#[test]
fn a_changed_last_entry_keeps_the_store_closed() {
    let dir = journalled();
    let path = journal_path(dir.path());
    let mut bytes = std::fs::read(&path).expect("read");
    let s = frame_starts(&bytes);
    bytes[s[3] + 20] ^= 0x40;
    std::fs::write(&path, bytes).expect("write");
    match kinerja::store::Store::open(dir.path()) {
        Err(e @ StoreError::Journal(_)) => {
            assert!(e.to_string().contains("#4"), "{e}");
        }
        Err(e) => panic!("unexpected error {e}"),
        Ok(_) => panic!("a damaged journal must keep the store closed"),
    }
}

#[test]
fn damage_to_an_older_entry_is_found_by_verify_and_doctor() {
    let dir = journalled();
    let path = journal_path(dir.path());
    let mut bytes = std::fs::read(&path).expect("read");
    let s = frame_starts(&bytes);
    bytes[s[1] + 20] ^= 0x40;
    std::fs::write(&path, bytes).expect("write");
    // Opening skips entries sled applied long ago, so the store still
    // serves; the audit and the doctor name the damaged entry.
    drop(open(dir.path()));
    assert_eq!(
        journal::verify(&path)
            .expect("read")
            .broken
            .expect("broken")
            .seq,
        2
    );
    let err = kinerja::store::doctor::check(dir.path()).expect_err("doctor fails");
    assert!(err.to_string().contains("#2"), "{err}");
}

#[test]
fn a_change_journalled_but_not_applied_is_applied_on_open() {
    let dir = journalled();
    let store = open(dir.path());
    let rudy = |store: &kinerja::store::Store| {
        common::all(store)
            .into_iter()
            .find(|a| a.key == key(RUDY))
            .expect("RUDY's assessment")
    };
    let before = rudy(&store);
    let mut after = before.clone();
    drop(store);
    // The process died right after syncing this entry, before sled saw it.
    after.revision += 1;
    after.entries.get_mut("pelayanan").expect("entry").rating = Some(5);
    let applied = journal::Applied { seq: 4, hash: None };
    let opened = Journal::open(&journal_path(dir.path()), applied).expect("journal");
    assert_eq!(opened.last_seq, 4);
    assert!(opened.pending.is_empty());
    let mut j = opened.journal;
    let change = Change::Edit {
        key: key(RUDY),
        edit: Edit::SetRating {
            criterion: "pelayanan".into(),
            rating: Some(5),
        },
        before: Some(Box::new(before)),
        after: Box::new(after.clone()),
    };
    assert_eq!(
        j.append(Some(&nip(KEPALA)), NOW, change)
            .expect("append")
            .seq,
        5
    );
    drop(j);
    let store = open(dir.path());
    assert_eq!(store.applied_seq().expect("applied"), 5);
    assert_eq!(rudy(&store), after);
}

#[test]
fn a_torn_last_entry_is_reported_then_dropped_on_open() {
    let dir = journalled();
    let path = journal_path(dir.path());
    let clean = std::fs::read(&path).expect("read");
    let s = frame_starts(&clean);
    // A crash while appending entry 5: only part of its frame reached the
    // file, it was never applied nor reported saved.
    let torn = [&clean[..], &clean[s[3]..s[3] + 20]].concat();
    std::fs::write(&path, torn).expect("write");
    let b = journal::verify(&path)
        .expect("read")
        .broken
        .expect("broken");
    assert_eq!(b.seq, 5);
    assert!(journal::is_torn_tail(&b), "{b}");
    // Opening cuts the torn tail; the next change continues the chain.
    let store = open(dir.path());
    assert_eq!(store.applied_seq().expect("applied"), 4);
    assert_eq!(std::fs::read(&path).expect("read"), clean);
    common::rate(&store, RUDY, 1, "akuntabel", 3);
    drop(store);
    let scan = journal::verify(&path).expect("read");
    assert!(scan.broken.is_none());
    assert_eq!(scan.entries.len(), 5);
}

#[test]
fn a_missing_journal_keeps_the_store_closed() {
    let dir = journalled();
    std::fs::remove_file(journal_path(dir.path())).expect("remove");
    match kinerja::store::Store::open(dir.path()) {
        Err(StoreError::JournalBehind {
            applied: 4,
            journal: 0,
        }) => {}
        Err(e) => panic!("unexpected error {e}"),
        Ok(_) => panic!("the store opened without its journal"),
    }
}

#[test]
fn audit_verify_through_the_binary() {
    let dir = TempDir::new().expect("tempdir");
    let bin = env!("CARGO_BIN_EXE_kinerja");
    let run = |args: &[&str]| {
        std::process::Command::new(bin)
            .arg("--data-dir")
            .arg(dir.path())
            .args(args)
            .output()
            .expect("run")
    };
    assert!(run(&["demo"]).status.success());
    let ok = run(&["audit", "verify"]);
    assert!(ok.status.success());
    assert!(
        String::from_utf8_lossy(&ok.stdout).contains("utuh: 1 entri"),
        "{ok:?}"
    );
    let path = journal_path(dir.path());
    let mut bytes = std::fs::read(&path).expect("read");
    let mid = bytes.len() / 2;
    bytes[mid] ^= 0x80;
    std::fs::write(&path, bytes).expect("write");
    let bad = run(&["--lang", "en", "audit", "verify"]);
    assert_eq!(bad.status.code(), Some(1));
    let err = String::from_utf8_lossy(&bad.stderr);
    assert!(err.contains("damaged at entry #1"), "{err}");
}

#[test]
fn history_lists_who_changed_what_and_survives_a_replay() {
    let dir = journalled();
    let history = |store: &kinerja::store::Store| match store
        .execute(None, Request::History { key: key(AINI) })
        .expect("history")
    {
        Response::History(items) => items,
        other => panic!("expected history, got {other:?}"),
    };
    let store = open(dir.path());
    let items = history(&store);
    assert_eq!(items.len(), 2);
    assert_eq!(items[0].actor, Some(nip(KEPALA)));
    assert_eq!(
        items[1].change,
        kinerja::domain::history::Change::Rating {
            criterion: "rhk2".into(),
            from: None,
            to: Some(3)
        }
    );
    drop(store);
    // Rebuilt from the journal, the history is the same.
    let rebuilt = TempDir::new().expect("tempdir");
    std::fs::copy(journal_path(dir.path()), journal_path(rebuilt.path())).expect("copy");
    let store = open(rebuilt.path());
    assert_eq!(history(&store), items);
}
