//! `doctor`: the store checked against the journal, and rebuilt from it
//! when sled's files are damaged or gone.

mod common;

use common::{AINI, PERIOD, RUDY, all, open, rate, seeded};
use kinerja::store::doctor;
use tempfile::TempDir;

/// A data dir inside a temp dir, so that rebuild's siblings land there too.
fn store_dir() -> (TempDir, std::path::PathBuf) {
    let root = TempDir::new().expect("tempdir");
    let dir = root.path().join("data");
    (root, dir)
}

#[test]
fn a_healthy_store_matches_its_journal() {
    let (_root, dir) = store_dir();
    let store = seeded(&dir);
    let a = rate(&store, AINI, 0, "rhk1", 2);
    rate(&store, AINI, a.revision, "rhk2", 3);
    rate(&store, RUDY, 0, "pelayanan", 4);
    drop(store);
    let r = doctor::check(&dir).expect("check");
    assert!(r.healthy(), "{r:?}");
    assert_eq!(r.journal_entries, 4);
    assert_eq!(r.assessments, 2);
}

#[test]
fn a_corrupt_record_is_found_and_rebuild_restores_every_saved_change() {
    let (root, dir) = store_dir();
    let store = seeded(&dir);
    let a = rate(&store, AINI, 0, "rhk1", 2);
    let a = rate(&store, AINI, a.revision, "rhk2", 3);
    let b = rate(&store, RUDY, 0, "pelayanan", 4);
    drop(store);
    // Damage one record behind the store's back.
    {
        let db = sled::open(&dir).expect("raw sled");
        let k = [PERIOD.as_bytes(), &[0], AINI.as_bytes()].concat();
        db.open_tree("assessments")
            .expect("tree")
            .insert(k, &b"garbage"[..])
            .expect("insert");
        db.flush().expect("flush");
    }
    let r = doctor::check(&dir).expect("check");
    assert!(!r.healthy());
    assert_eq!(r.differing.len(), 1, "{r:?}");

    let old = doctor::rebuild(&dir, 1_767_225_600).expect("rebuild");
    assert!(old.exists(), "the old store is kept");
    assert!(old.starts_with(root.path()));
    assert!(doctor::check(&dir).expect("check").healthy());
    let store = open(&dir);
    let mut got = all(&store);
    got.sort_by(|x, y| x.key.cmp(&y.key));
    let mut want = vec![a, b];
    want.sort_by(|x, y| x.key.cmp(&y.key));
    assert_eq!(got, want);
}

#[test]
fn deleted_sled_files_are_replayed_from_the_journal_on_open() {
    let (_root, dir) = store_dir();
    let store = seeded(&dir);
    let a = rate(&store, AINI, 0, "rhk1", 1);
    drop(store);
    for entry in std::fs::read_dir(&dir).expect("dir") {
        let path = entry.expect("entry").path();
        if path
            .file_name()
            .is_some_and(|n| n != kinerja::store::journal::FILE)
        {
            if path.is_dir() {
                std::fs::remove_dir_all(&path).expect("rm dir");
            } else {
                std::fs::remove_file(&path).expect("rm");
            }
        }
    }
    let store = open(&dir);
    assert_eq!(all(&store), vec![a]);
    assert_eq!(store.applied_seq().expect("applied"), 2);
}

#[test]
fn a_broken_journal_is_not_rebuilt_from() {
    let (_root, dir) = store_dir();
    let store = seeded(&dir);
    rate(&store, AINI, 0, "rhk1", 2);
    drop(store);
    let path = dir.join(kinerja::store::journal::FILE);
    let mut bytes = std::fs::read(&path).expect("read");
    let last = bytes.len() - 3;
    bytes[last] ^= 0xff;
    std::fs::write(&path, bytes).expect("write");
    assert!(doctor::rebuild(&dir, 1).is_err());
    assert!(dir.join("db").exists(), "nothing was swapped");
}

#[test]
fn doctor_through_the_binary() {
    let (_root, dir) = store_dir();
    let bin = env!("CARGO_BIN_EXE_kinerja");
    let run = |args: &[&str]| {
        std::process::Command::new(bin)
            .arg("--data-dir")
            .arg(&dir)
            .args(args)
            .output()
            .expect("run")
    };
    assert!(run(&["demo"]).status.success());
    let ok = run(&["--lang", "en", "doctor"]);
    assert!(ok.status.success());
    assert!(
        String::from_utf8_lossy(&ok.stdout).contains("matches the journal"),
        "{ok:?}"
    );
    let rebuilt = run(&["--lang", "en", "doctor", "--rebuild"]);
    assert!(rebuilt.status.success(), "{rebuilt:?}");
    assert!(String::from_utf8_lossy(&rebuilt.stdout).contains("rebuilt from the journal"));
    assert!(run(&["doctor"]).status.success());
}
