//! `kinerja purge --before DATE` on a real store: the personal data of old
//! periods is gone from sled and from the journal's bytes, everything else
//! stays, and the journal chain still verifies and still finds tampering.

mod common;

use common::{AINI, KEPALA, NOW, PERIOD, RUDY, nip, open};
use kinerja::domain::{AssessmentKey, Edit, Feedback, Period, Tone};
use kinerja::store::journal::{self, Change};
use kinerja::store::purge::{self, PurgeError};
use kinerja::store::{Cursor, CursorScreen, Request, Response, Store, doctor};
use std::path::{Path, PathBuf};
use tempfile::TempDir;

const OLD: &str = "2025";
const OLD_NOTE: &str = "rahasia 2025: terlambat karena sakit";
const KEPT_NOTE: &str = "tetap 2026: laporan tepat waktu";
const OLD_FEEDBACK: &str = "umpan balik 2025: sering pulang cepat";
const KEPT_FEEDBACK: &str = "umpan balik 2026: memandu rapat";

fn key_in(period: &str, employee: &str) -> AssessmentKey {
    AssessmentKey {
        period: period.into(),
        employee: nip(employee),
    }
}

fn edit(store: &Store, key: AssessmentKey, rev: u64, edit: Edit) -> u64 {
    let req = Request::Edit {
        key,
        expected_revision: rev,
        edit,
    };
    match store.execute(Some(&nip(KEPALA)), req).expect("edit") {
        Response::Saved(a) => a.revision,
        other => panic!("expected Saved, got {other:?}"),
    }
}

fn note(text: &str) -> Edit {
    Edit::SetNote {
        criterion: "rhk1".into(),
        note: text.into(),
    }
}

fn rating(r: u8) -> Edit {
    Edit::SetRating {
        criterion: "rhk1".into(),
        rating: Some(r),
    }
}

fn cursor(period: &str) -> Cursor {
    Cursor {
        period: period.into(),
        employee: Some(nip(AINI)),
        criterion: 1,
        screen: CursorScreen::Scoring,
        draft: None,
    }
}

/// The tiny office with a closed 2025 period beside the active 2026-S1:
/// notes and ratings in both, and cursors in both.
fn two_periods() -> (TempDir, PathBuf) {
    let tmp = TempDir::new().expect("tempdir");
    let dir = tmp.path().join("data");
    let store = open(&dir);
    let mut org = common::org();
    org.periods.insert(
        0,
        Period {
            id: OLD.into(),
            name: "Tahunan 2025".into(),
            start: "2025-01-01".into(),
            end: "2025-12-31".into(),
            scheme: kinerja::data::DEFAULT_SCHEME.into(),
        },
    );
    let seed = Request::Seed {
        org,
        reference: common::reference(),
        assessments: Vec::new(),
        active_period: Some(PERIOD.into()),
    };
    assert_eq!(store.execute(None, seed).expect("seed"), Response::Done);
    let r = edit(&store, key_in(OLD, AINI), 0, rating(2));
    edit(&store, key_in(OLD, AINI), r, note(OLD_NOTE));
    edit(&store, key_in(OLD, RUDY), 0, rating(3));
    let r = edit(&store, key_in(PERIOD, AINI), 0, rating(3));
    edit(&store, key_in(PERIOD, AINI), r, note(KEPT_NOTE));
    for (period, text) in [(OLD, OLD_FEEDBACK), (PERIOD, KEPT_FEEDBACK)] {
        let req = Request::AddFeedback {
            key: key_in(period, AINI),
            tone: Tone::Negative,
            criterion: None,
            text: text.into(),
        };
        let r = store.execute(Some(&nip(KEPALA)), req).expect("feedback");
        assert!(matches!(r, Response::FeedbackSaved(_)), "{r:?}");
    }
    for period in [OLD, PERIOD] {
        let req = Request::SetUnitResult {
            period: period.into(),
            unit: "bkpsdm".into(),
            result: kinerja::domain::org_result::OrgResult::Baik,
        };
        assert_eq!(store.execute(None, req).expect("result"), Response::Done);
    }
    for (user, period) in [(KEPALA, OLD), (RUDY, PERIOD)] {
        let req = Request::SetCursor {
            user: nip(user),
            cursor: cursor(period),
        };
        store.execute(None, req).expect("cursor");
    }
    (tmp, dir)
}

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|w| w == needle.as_bytes())
}

/// Every file under `dir`, recursively.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).expect("read dir") {
        let p = e.expect("entry").path();
        if p.is_dir() {
            out.extend(files(&p));
        } else {
            out.push(p);
        }
    }
    out
}

fn history_len(store: &Store, key: AssessmentKey) -> usize {
    match store
        .execute(None, Request::History { key })
        .expect("history")
    {
        Response::History(items) => items.len(),
        other => panic!("expected history, got {other:?}"),
    }
}

fn feedback_texts(store: &Store, period: &str) -> Vec<String> {
    let req = Request::Feedback {
        period: period.into(),
        employees: None,
    };
    match store.execute(None, req).expect("feedback") {
        Response::Feedback { items, .. } => items.into_iter().map(|f: Feedback| f.text).collect(),
        other => panic!("{other:?}"),
    }
}

#[test]
fn purge_removes_old_periods_everywhere_and_keeps_the_rest() {
    let (tmp, dir) = two_periods();
    let entries_before = journal::verify(&dir.join(journal::FILE))
        .expect("read")
        .entries
        .len();
    // The note is in the journal and in sled's files before the purge.
    let journal_bytes = std::fs::read(dir.join(journal::FILE)).expect("read");
    assert!(contains(&journal_bytes, OLD_NOTE));
    assert!(contains(&journal_bytes, OLD_FEEDBACK));

    let plan = purge::plan(&dir, "2026-01-01").expect("plan");
    assert_eq!(plan.periods.len(), 1);
    assert_eq!(plan.periods[0].id, OLD);
    assert_eq!(plan.assessments, 2);
    let done = purge::purge(&dir, "2026-01-01", NOW)
        .expect("purge")
        .expect("something to purge");
    assert_eq!(done.redacted, 4, "three edits and a feedback note of 2025");
    assert_eq!(done.seq, entries_before as u64 + 1);

    // Not a byte of the old note is left anywhere in the data directory,
    // nor in anything left beside it.
    for f in files(tmp.path()) {
        let bytes = std::fs::read(&f).expect("read");
        for old in [OLD_NOTE, OLD_FEEDBACK] {
            assert!(!contains(&bytes, old), "{} still holds {old}", f.display());
        }
    }
    let siblings: Vec<_> = std::fs::read_dir(tmp.path())
        .expect("dir")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(siblings, ["data"], "no old copy is kept");

    let store = open(&dir);
    let all = common::all(&store);
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].key, key_in(PERIOD, AINI));
    assert_eq!(all[0].entries["rhk1"].note, KEPT_NOTE);
    assert_eq!(history_len(&store, key_in(OLD, AINI)), 0);
    assert_eq!(history_len(&store, key_in(PERIOD, AINI)), 2);
    assert_eq!(feedback_texts(&store, OLD), Vec::<String>::new());
    assert_eq!(feedback_texts(&store, PERIOD), [KEPT_FEEDBACK]);
    let units = |period: &str| match store
        .execute(
            None,
            Request::UnitResults {
                period: period.into(),
            },
        )
        .expect("results")
    {
        Response::UnitResults { items, .. } => items.len(),
        other => panic!("{other:?}"),
    };
    assert_eq!(
        (units(OLD), units(PERIOD)),
        (0, 1),
        "its period's result goes with it"
    );
    let Response::Snapshot(snap) = store.execute(None, Request::Snapshot).expect("snap") else {
        panic!("snapshot");
    };
    let periods: Vec<&str> = snap.org.periods.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(periods, [PERIOD]);
    let get = |user| match store
        .execute(None, Request::GetCursor { user: nip(user) })
        .expect("cursor")
    {
        Response::Cursor(c) => c,
        other => panic!("{other:?}"),
    };
    assert_eq!(get(KEPALA), None, "a cursor into a purged period goes");
    assert_eq!(get(RUDY), Some(cursor(PERIOD)));
    drop(store);

    // The chain verifies; the edits are still there, as redacted entries,
    // and the purge is the last entry.
    let scan = journal::verify(&dir.join(journal::FILE)).expect("read");
    assert!(scan.broken.is_none(), "{:?}", scan.broken);
    assert_eq!(scan.entries.len(), entries_before + 1);
    let redacted = scan
        .entries
        .iter()
        .filter(|e| matches!(e.change, Change::Redacted))
        .count();
    assert_eq!(redacted, 4);
    let Some(Change::Purge(p)) = scan.entries.last().map(|e| &e.change) else {
        panic!("the last entry is the purge");
    };
    assert_eq!(
        (p.before.as_str(), p.periods.as_slice()),
        ("2026-01-01", &[OLD.to_string()][..])
    );
    assert_eq!(p.rechained, 0);
    assert_eq!(
        p.head_before,
        scan.entries.last().expect("purge").prev,
        "redaction kept every earlier hash"
    );
    assert!(doctor::check(&dir).expect("doctor").healthy());

    // Nothing left to purge: nothing written.
    assert!(
        purge::purge(&dir, "2026-01-01", NOW)
            .expect("purge")
            .is_none()
    );
}

#[test]
fn the_store_keeps_working_after_a_purge_and_rebuilds_from_its_journal() {
    let (tmp, dir) = two_periods();
    purge::purge(&dir, "2026-01-01", NOW).expect("purge");
    let store = open(&dir);
    let rev = common::all(&store)[0].revision;
    edit(&store, key_in(PERIOD, AINI), rev, rating(1));
    drop(store);
    let before = common::all(&open(&dir));
    let old = doctor::rebuild(&dir, NOW).expect("rebuild");
    assert_eq!(common::all(&open(&dir)), before);
    std::fs::remove_dir_all(old).expect("rm");
    // A backup taken after the purge restores to the same data.
    let file = tmp.path().join("after.kjbackup");
    kinerja::store::backup::backup(&dir, &file).expect("backup");
    let restored = tmp.path().join("restored");
    kinerja::store::backup::restore(&file, &restored, false, NOW).expect("restore");
    assert_eq!(common::all(&open(&restored)), before);
}

#[test]
fn a_refused_purge_changes_nothing() {
    let (_tmp, dir) = two_periods();
    let path = dir.join(journal::FILE);
    let clean = std::fs::read(&path).expect("read");
    for (date, expect) in [("2026-13-01", "not a date"), ("1 Jan 2026", "not a date")] {
        let e = purge::purge(&dir, date, NOW).expect_err("refused");
        assert!(matches!(e, PurgeError::BadDate(_)), "{e}");
        assert!(e.to_string().contains(expect), "{e}");
    }
    // The active period ends 2026-06-30: purging it is refused.
    let e = purge::purge(&dir, "2026-07-01", NOW).expect_err("refused");
    assert!(matches!(&e, PurgeError::Active(p) if p == PERIOD), "{e}");
    assert_eq!(std::fs::read(&path).expect("read"), clean);
    assert_eq!(common::all(&open(&dir)).len(), 3);
}

/// Byte offsets where each entry's frame starts.
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

/// A forger who changes a byte and fixes the frame's checksum is still
/// caught by the chain, in redacted entries (header or digest) as in any.
#[test]
fn tampering_with_a_redacted_entry_breaks_the_chain() {
    let (_tmp, dir) = two_periods();
    purge::purge(&dir, "2026-01-01", NOW).expect("purge");
    let path = dir.join(journal::FILE);
    let clean = std::fs::read(&path).expect("read");
    let scan = journal::verify(&path).expect("read");
    let redacted = scan
        .entries
        .iter()
        .position(|e| matches!(e.change, Change::Redacted))
        .expect("a redacted entry");
    let starts = frame_starts(&clean);
    let (start, end) = (starts[redacted], starts[redacted + 1]);
    let mut checked = 0;
    // Every byte of the payload past the record header (KJ, kind, version).
    for offset in start + 8 + 5..end {
        let mut bytes = clean.clone();
        bytes[offset] ^= 0x01;
        let crc = crc32fast::hash(&bytes[start + 8..end]);
        bytes[start + 4..start + 8].copy_from_slice(&crc.to_le_bytes());
        std::fs::write(&path, &bytes).expect("write");
        let scan = journal::verify(&path).expect("read");
        let broken = scan
            .broken
            .unwrap_or_else(|| panic!("forged byte at {offset} went unnoticed"));
        let seq = redacted as u64 + 1;
        assert!(
            broken.seq == seq || broken.seq == seq + 1,
            "byte {offset}: {broken}"
        );
        checked += 1;
    }
    assert!(checked > 50, "{checked}");
}

#[test]
fn purge_through_the_binary_asks_first_and_audit_lists_it() {
    let (_tmp, dir) = two_periods();
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_kinerja"))
            .arg("--data-dir")
            .arg(&dir)
            .args(["--lang", "en"])
            .args(args)
            .output()
            .expect("run kinerja");
        let text = String::from_utf8_lossy(&out.stdout).into_owned()
            + &String::from_utf8_lossy(&out.stderr);
        (out.status.success(), text)
    };
    let (ok, text) = run(&["purge", "--before", "2026-01-01"]);
    assert!(ok, "{text}");
    assert!(
        text.contains("Would remove") && text.contains("--yes"),
        "{text}"
    );
    assert_eq!(
        common::all(&open(&dir)).len(),
        3,
        "a dry run writes nothing"
    );
    let (ok, text) = run(&["purge", "--before", "2026-01-01", "--yes"]);
    assert!(ok, "{text}");
    assert!(
        text.contains("Removed: periods 2025, 2 assessments"),
        "{text}"
    );
    let (ok, text) = run(&["audit", "verify"]);
    assert!(ok, "{text}");
    assert!(
        text.contains("purge #11") && text.contains("periods 2025"),
        "{text}"
    );
    let (ok, text) = run(&["purge", "--before", "2026-07-01", "--yes"]);
    assert!(!ok, "{text}");
    assert!(text.contains("active period"), "{text}");
}
