use super::*;
use crate::domain::workflow::Transition;
use crate::store::journal::entry::EntryV1;
use crate::store::{Request, Response};
use sha2::{Digest, Sha256};

/// A demo store whose journal is rewritten in layout 1, as a store from
/// before purging existed has it: a seed, then edits of 2025 and 2026-S2.
fn v1_store(dir: &Path) -> [u8; 32] {
    let store = Store::open(dir).expect("open");
    let demo = crate::data::demo().expect("demo");
    let keys: Vec<_> = ["2025", "2026-S2"]
        .iter()
        .map(|p| {
            demo.assessments
                .iter()
                .find(|a| a.key.period == *p)
                .expect("an assessment")
                .clone()
        })
        .collect();
    let org = demo.org.clone();
    store.execute(None, demo.into()).expect("seed");
    for a in keys {
        let mut rev = a.revision;
        // Submitted ones are withdrawn by the appraiser, approved ones
        // reopened by the reviewer.
        let reopen = match a.status {
            crate::domain::Status::Draft => None,
            crate::domain::Status::Submitted => Some((a.appraiser.clone(), Transition::Withdraw)),
            _ => {
                let person = org
                    .people
                    .iter()
                    .find(|p| p.nip == a.key.employee)
                    .expect("on the roster");
                let reviewer = org.reviewer_of(person).expect("a reviewer").clone();
                let reason = "uji pembersihan".into();
                Some((reviewer, Transition::Reopen { reason }))
            }
        };
        if let Some((who, step)) = reopen {
            let req = Request::Edit {
                key: a.key.clone(),
                expected_revision: rev,
                edit: crate::domain::Edit::Step(step),
            };
            let Response::Saved(s) = store.execute(Some(&who), req).expect("edit") else {
                panic!("reopen");
            };
            rev = s.revision;
        }
        let req = Request::Edit {
            key: a.key.clone(),
            expected_revision: rev,
            edit: crate::domain::Edit::SetNote {
                criterion: a.entries.keys().next().expect("criterion").clone(),
                note: format!("catatan lama {}", a.key.period),
            },
        };
        let r = store.execute(Some(&a.appraiser), req).expect("edit");
        assert!(matches!(r, Response::Saved(_)), "{r:?}");
    }
    drop(store);
    let path = dir.join(journal::FILE);
    let scan = journal::verify(&path).expect("read");
    let (mut out, mut prev) = (Vec::new(), [0u8; 32]);
    for mut e in scan.entries {
        e.prev = prev;
        let payload = EntryV1::encode_as_v1(&e);
        prev = Sha256::digest(&payload).into();
        out.extend_from_slice(&journal::frame(&payload));
    }
    std::fs::write(&path, out).expect("write");
    prev
}

#[test]
fn a_layout_1_journal_is_rechained_and_its_old_head_recorded() {
    let tmp = tempfile::TempDir::new().expect("tempdir");
    let dir = tmp.path().join("data");
    let head = v1_store(&dir);
    let scan = journal::verify(&dir.join(journal::FILE)).expect("read");
    assert!(scan.broken.is_none(), "a layout 1 journal verifies");
    assert_eq!(scan.last_hash, head);
    let n = scan.entries.len() as u64;

    let done = purge(&dir, "2026-01-01", 1_767_225_600)
        .expect("purge")
        .expect("2025 is purged");
    assert_eq!(
        done.redacted,
        69 + 2,
        "the demo's 2025 assessments and two edits"
    );
    let bytes = std::fs::read(dir.join(journal::FILE)).expect("read");
    let scan = journal::scan(&bytes);
    assert!(scan.broken.is_none(), "{:?}", scan.broken);
    assert_eq!(scan.entries.len() as u64, n + 1);
    let Some(Change::Purge(p)) = scan.entries.last().map(|e| &e.change) else {
        panic!("the purge is last");
    };
    assert_eq!((p.rechained, p.head_before), (n, head));
    assert!(payloads(&bytes).all(|p| codec::version_of::<Frame>(p) == Ok(2)));
    let needle = b"catatan lama 2025";
    assert!(!bytes.windows(needle.len()).any(|w| w == needle));
    let needle = b"catatan lama 2026-S2";
    assert!(bytes.windows(needle.len()).any(|w| w == needle));
}
