//! Backups and restores on real files: a round trip restores every saved
//! change; a damaged or foreign file is refused with a clear message and
//! changes nothing; an existing store is kept aside, never overwritten.

mod common;

use common::{AINI, RUDY, all, open, rate, seeded};
use kinerja::store::backup::{self, BackupError};
use tempfile::TempDir;

#[test]
fn a_backup_taken_while_the_store_is_open_restores_every_change() {
    let root = TempDir::new().expect("tempdir");
    let (dir, file) = (root.path().join("data"), root.path().join("kinerja.bak"));
    let store = seeded(&dir);
    let a = rate(&store, AINI, 0, "rhk1", 2);
    rate(&store, RUDY, 0, "pelayanan", 5);
    rate(&store, AINI, a.revision, "rhk2", 1);
    let expected = all(&store);
    // The store stays open (in use) during the backup.
    let s = backup::backup(&dir, &file).expect("backup");
    assert_eq!(s.entries, 4);
    drop(store);

    let target = root.path().join("restored");
    let (r, old) = backup::restore(&file, &target, false, 1).expect("restore");
    assert_eq!(r.entries, 4);
    assert!(old.is_none());
    assert_eq!(all(&open(&target)), expected);
}

#[test]
fn a_damaged_backup_is_refused_and_changes_nothing() {
    let root = TempDir::new().expect("tempdir");
    let (dir, file) = (root.path().join("data"), root.path().join("kinerja.bak"));
    let store = seeded(&dir);
    rate(&store, AINI, 0, "rhk1", 2);
    backup::backup(&dir, &file).expect("backup");
    let before = all(&store);
    drop(store);
    let clean = std::fs::read(&file).expect("read");

    let mut flipped = clean.clone();
    let mid = flipped.len() / 2;
    flipped[mid] ^= 0x10;
    std::fs::write(&file, &flipped).expect("write");
    let err = backup::restore(&file, &dir, true, 1).expect_err("refused");
    assert!(matches!(err, BackupError::Checksum(_)), "{err}");
    assert!(err.to_string().contains("checksum"), "{err}");

    std::fs::write(&file, &clean[..clean.len() - 10]).expect("write");
    assert!(matches!(
        backup::check(&file),
        Err(BackupError::Truncated(_))
    ));

    std::fs::write(&file, b"nama,nip\\nAini,1990").expect("write");
    let err = backup::check(&file).expect_err("not a backup");
    assert!(err.to_string().contains("not a Kinerja backup"), "{err}");

    // Nothing above touched the store.
    assert_eq!(all(&open(&dir)), before);
}

#[test]
fn restoring_over_a_store_needs_force_and_keeps_the_old_one() {
    let root = TempDir::new().expect("tempdir");
    let (dir, file) = (root.path().join("data"), root.path().join("kinerja.bak"));
    let store = seeded(&dir);
    let saved = rate(&store, AINI, 0, "rhk1", 2);
    backup::backup(&dir, &file).expect("backup");
    // A later change that the backup does not have.
    rate(&store, AINI, saved.revision, "rhk1", 3);
    let later = all(&store);
    drop(store);

    let err = backup::restore(&file, &dir, false, 7).expect_err("needs --force");
    assert!(matches!(err, BackupError::NotEmpty(_)), "{err}");
    let (_, old) = backup::restore(&file, &dir, true, 7).expect("restore");
    let old = old.expect("the old store is kept");
    assert_eq!(all(&open(&dir)), vec![saved]);
    assert_eq!(all(&open(&old)), later);
}
