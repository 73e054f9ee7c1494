//! The store on a real sled database in a temporary directory: what
//! "saved" means, conflicts, old and corrupt records, racing writers.

mod common;

use common::{AINI, KEPALA, NOW, PERIOD, RUDY, hex, key, nip, open, seeded};
use kinerja::domain::{Assessment, Edit, Status};
use kinerja::store::{Cursor, CursorScreen, Request, Response, StoreError};
use tempfile::TempDir;

fn set_rating(criterion: &str, rating: u8) -> Edit {
    Edit::SetRating {
        criterion: criterion.into(),
        rating: Some(rating),
    }
}

fn edit(employee: &str, expected_revision: u64, edit: Edit) -> Request {
    Request::Edit {
        key: key(employee),
        expected_revision,
        edit,
    }
}

fn period_assessments(store: &kinerja::store::Store) -> (Vec<Assessment>, Vec<String>) {
    let req = Request::Assessments {
        period: PERIOD.into(),
        employees: None,
    };
    match store.execute(None, req).expect("assessments") {
        Response::Assessments { items, corrupt } => {
            (items, corrupt.into_iter().map(|c| c.key).collect())
        }
        other => panic!("expected assessments, got {other:?}"),
    }
}

fn saved(response: Response) -> Assessment {
    match response {
        Response::Saved(a) => *a,
        other => panic!("expected Saved, got {other:?}"),
    }
}

#[test]
fn seed_then_snapshot_round_trips() {
    let dir = TempDir::new().expect("tempdir");
    let store = seeded(dir.path());
    let Response::Snapshot(snap) = store.execute(None, Request::Snapshot).expect("snapshot") else {
        panic!("expected a snapshot");
    };
    let mut expected = common::org();
    expected.people.sort_by(|a, b| a.nip.cmp(&b.nip));
    assert_eq!(snap.org, expected);
    assert_eq!(snap.reference, common::reference());
    assert_eq!(snap.active_period.as_deref(), Some(PERIOD));
    assert!(snap.corrupt.is_empty());
}

#[test]
fn seed_replaces_the_roster_and_rejects_bad_input_whole() {
    let dir = TempDir::new().expect("tempdir");
    let store = seeded(dir.path());

    let mut org = common::org();
    org.people.retain(|p| p.nip.as_str() != RUDY);
    let mut a = Assessment::new(key(AINI), nip(KEPALA));
    a.revision = 4;
    let seed = Request::Seed {
        org: org.clone(),
        reference: common::reference(),
        assessments: vec![a.clone()],
        active_period: None,
    };
    assert_eq!(store.execute(None, seed).expect("seed"), Response::Done);
    assert_eq!(period_assessments(&store).0, vec![a]);

    let mut dup = org.clone();
    dup.people.push(dup.people[0].clone());
    let bad = Request::Seed {
        org: dup,
        reference: common::reference(),
        assessments: Vec::new(),
        active_period: None,
    };
    let Response::Rejected(msg) = store.execute(None, bad).expect("seed") else {
        panic!("a duplicate NIP must be rejected");
    };
    assert!(msg.contains("appears twice"), "{msg}");

    let Response::Snapshot(snap) = store.execute(None, Request::Snapshot).expect("snapshot") else {
        panic!("expected a snapshot");
    };
    let mut expected = org;
    expected.people.sort_by(|a, b| a.nip.cmp(&b.nip));
    assert_eq!(snap.org, expected, "Rudy is gone, nothing of the bad seed");
    assert_eq!(snap.active_period.as_deref(), Some(PERIOD), "kept");
}

#[test]
fn saved_edit_survives_reopen() {
    let dir = TempDir::new().expect("tempdir");
    let actor = nip(KEPALA);
    let a = {
        let store = seeded(dir.path());
        saved(
            store
                .execute(Some(&actor), edit(AINI, 0, set_rating("rhk1", 2)))
                .expect("edit"),
        )
    };
    assert_eq!(a.revision, 1);
    assert_eq!(a.appraiser, actor);
    assert_eq!(a.updated_by.as_ref(), Some(&actor));
    assert_eq!(a.updated_at, NOW);

    let store = open(dir.path());
    assert_eq!(period_assessments(&store).0, vec![a]);
}

#[test]
fn stale_revision_conflicts_and_writes_nothing() {
    let dir = TempDir::new().expect("tempdir");
    let store = seeded(dir.path());
    let first = saved(
        store
            .execute(None, edit(AINI, 0, set_rating("rhk1", 2)))
            .expect("edit"),
    );
    let late = store
        .execute(None, edit(AINI, 0, set_rating("rhk1", 3)))
        .expect("edit");
    assert_eq!(late, Response::Conflict(Box::new(first.clone())));
    assert_eq!(period_assessments(&store).0, vec![first]);
}

#[test]
fn domain_rule_breaks_are_rejected_and_write_nothing() {
    let dir = TempDir::new().expect("tempdir");
    let store = seeded(dir.path());

    let Response::Rejected(msg) = store
        .execute(None, edit(AINI, 0, set_rating("rhk1", 4)))
        .expect("edit")
    else {
        panic!("4 is off the 3-level scale");
    };
    assert!(msg.contains("outside the scale 1–3"), "{msg}");
    assert!(period_assessments(&store).0.is_empty());

    let unknown = Request::Edit {
        key: kinerja::domain::AssessmentKey {
            period: PERIOD.into(),
            employee: nip("199201012020121001"),
        },
        expected_revision: 0,
        edit: set_rating("rhk1", 1),
    };
    assert!(matches!(
        store.execute(None, unknown).expect("edit"),
        Response::Rejected(m) if m.contains("not on the roster")
    ));

    let five = saved(
        store
            .execute(None, edit(AINI, 0, set_rating("pelayanan", 5)))
            .expect("edit"),
    );
    assert_eq!(
        five.rating("pelayanan"),
        Some(5),
        "behaviour is on 5 levels"
    );

    // Completion follows the domain rule in the store too, whatever the
    // client: unrated criteria and unconfirmed results refuse it.
    let done = Request::Edit {
        key: key(AINI),
        expected_revision: five.revision,
        edit: kinerja::domain::Edit::SetStatus(kinerja::domain::Status::Submitted),
    };
    let appraiser = common::nip(common::KEPALA);
    let Response::Rejected(msg) = store.execute(Some(&appraiser), done).expect("edit") else {
        panic!("an incomplete assessment cannot be completed");
    };
    assert!(
        msg.contains("not rated") && msg.contains("not confirmed"),
        "{msg}"
    );
    let (items, _) = period_assessments(&store);
    assert_eq!(items[0].status, kinerja::domain::Status::Draft);
    assert_eq!(items[0].revision, five.revision);
}

#[test]
fn cursor_survives_reopen() {
    let dir = TempDir::new().expect("tempdir");
    let cursor = Cursor {
        period: PERIOD.into(),
        employee: Some(nip(RUDY)),
        criterion: 3,
        screen: CursorScreen::Scoring,
        draft: None,
    };
    {
        let store = seeded(dir.path());
        let get = Request::GetCursor { user: nip(KEPALA) };
        assert_eq!(
            store.execute(None, get).expect("get"),
            Response::Cursor(None)
        );
        let set = Request::SetCursor {
            user: nip(KEPALA),
            cursor: cursor.clone(),
        };
        assert_eq!(store.execute(None, set).expect("set"), Response::Done);
    }
    let store = open(dir.path());
    let get = Request::GetCursor { user: nip(KEPALA) };
    assert_eq!(
        store.execute(None, get).expect("get"),
        Response::Cursor(Some(cursor))
    );
    // Whoever saved a cursor last is preselected at the next login.
    let Response::Snapshot(snap) = store.execute(None, Request::Snapshot).expect("snapshot") else {
        panic!("expected a snapshot");
    };
    assert_eq!(snap.last_user, Some(nip(KEPALA)));
}

fn raw_insert(dir: &std::path::Path, tree: &str, key: &[u8], value: &[u8]) {
    let db = sled::open(dir).expect("raw sled");
    db.open_tree(tree)
        .expect("tree")
        .insert(key, value)
        .expect("insert");
    db.flush().expect("flush");
}

fn assessment_key_bytes(employee: &str) -> Vec<u8> {
    [PERIOD.as_bytes(), &[0], employee.as_bytes()].concat()
}

#[test]
fn corrupt_records_are_reported_and_skipped() {
    let dir = TempDir::new().expect("tempdir");
    {
        let store = seeded(dir.path());
        for who in [AINI, RUDY] {
            saved(
                store
                    .execute(None, edit(who, 0, set_rating("rhk1", 2)))
                    .expect("edit"),
            );
        }
    }
    raw_insert(
        dir.path(),
        "assessments",
        &assessment_key_bytes(AINI),
        b"\xde\xad garbage",
    );
    raw_insert(dir.path(), "people", RUDY.as_bytes(), b"KJ\x02\x01\x00\xff");

    let store = open(dir.path());
    let (items, corrupt) = period_assessments(&store);
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].key, key(RUDY));
    assert_eq!(corrupt, vec![format!("{PERIOD}/{AINI}")]);

    let Response::Assessments { items, corrupt } =
        store.execute(None, Request::AllAssessments).expect("all")
    else {
        panic!("expected assessments");
    };
    assert_eq!((items.len(), corrupt.len()), (1, 1));
    assert_eq!(corrupt[0].tree, "assessments");
    assert!(corrupt[0].reason.contains("magic"), "{}", corrupt[0].reason);

    let Response::Snapshot(snap) = store.execute(None, Request::Snapshot).expect("snapshot") else {
        panic!("expected a snapshot");
    };
    assert_eq!(snap.org.people.len(), 2, "the corrupt person is skipped");
    assert_eq!(snap.corrupt.len(), 1);
    assert_eq!(
        (snap.corrupt[0].tree.as_str(), snap.corrupt[0].key.as_str()),
        ("people", RUDY)
    );

    let err = store
        .execute(None, edit(AINI, 0, set_rating("rhk1", 3)))
        .expect_err("editing a corrupt record");
    assert!(matches!(err, StoreError::Corrupt { .. }), "{err}");
    assert!(err.to_string().contains("backup"), "{err}");
}

#[test]
fn v1_assessment_written_raw_decodes() {
    let dir = TempDir::new().expect("tempdir");
    drop(seeded(dir.path()));
    raw_insert(
        dir.path(),
        "assessments",
        &assessment_key_bytes(AINI),
        &hex(common::V1_ASSESSMENT_HEX),
    );
    let store = open(dir.path());
    let (items, corrupt) = period_assessments(&store);
    assert!(corrupt.is_empty(), "{corrupt:?}");
    let a = &items[0];
    assert_eq!(
        (a.key.clone(), a.appraiser.clone()),
        (key(AINI), nip(KEPALA))
    );
    assert_eq!(
        (a.revision, a.status, a.rating("rhk1")),
        (3, Status::Draft, Some(3))
    );
    assert_eq!(
        (&a.curation, &a.updated_by, a.updated_at),
        (&None, &None, 0)
    );

    let next = saved(
        store
            .execute(None, edit(AINI, 3, set_rating("rhk1", 1)))
            .expect("edit"),
    );
    assert_eq!(next.revision, 4, "a migrated record takes edits");
}

/// Each thread increments a counter kept in a note, read-modify-write,
/// retrying on Conflict from the record the conflict returns.
#[test]
fn racing_editors_lose_no_increment() {
    const PER_THREAD: u64 = 50;
    let dir = TempDir::new().expect("tempdir");
    let store = seeded(dir.path());
    let saves: u64 = std::thread::scope(|s| {
        let workers: Vec<_> = (0..2)
            .map(|_| {
                s.spawn(|| {
                    let (mut revision, mut count, mut saves) = (0, 0u64, 0);
                    while saves < PER_THREAD {
                        let note = Edit::SetNote {
                            criterion: "rhk1".into(),
                            note: (count + 1).to_string(),
                        };
                        let current = match store.execute(None, edit(AINI, revision, note)) {
                            Ok(Response::Saved(a)) => {
                                saves += 1;
                                a
                            }
                            Ok(Response::Conflict(a)) => a,
                            other => panic!("unexpected {other:?}"),
                        };
                        revision = current.revision;
                        count = current.entries["rhk1"].note.parse().expect("counter");
                    }
                    saves
                })
            })
            .collect();
        workers.into_iter().map(|w| w.join().expect("worker")).sum()
    });
    let (items, _) = period_assessments(&store);
    assert_eq!(saves, 2 * PER_THREAD);
    assert_eq!(items[0].revision, saves);
    assert_eq!(items[0].entries["rhk1"].note, saves.to_string());
}

#[test]
fn second_open_of_one_dir_is_locked() {
    let dir = TempDir::new().expect("tempdir");
    let _first = open(dir.path());
    let Err(err) = kinerja::store::Store::open(dir.path()) else {
        panic!("sled must refuse a second open");
    };
    assert!(matches!(err, StoreError::Locked { .. }), "{err}");
    assert!(err.to_string().contains("another Kinerja"), "{err}");
}
