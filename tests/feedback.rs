//! Feedback notes (umpan balik) in a real store and through a real
//! daemon: given by the appraiser or reviewer, checked, read by the
//! employee and those who appraise them, withdrawn by their author only,
//! journalled (a rebuilt store has them), announced live.

mod common;
mod support;

use common::{AINI, KEPALA, PERIOD, RUDY, key, nip};
use kinerja::domain::feedback::MAX_CHARS;
use kinerja::domain::{Feedback, Tone};
use kinerja::store::{Changed, Exec, Request, Response, doctor};
use std::sync::mpsc;
use std::time::Duration;

fn add(store: &dyn Exec, who: Option<&str>, criterion: Option<&str>, text: &str) -> Response {
    let req = Request::AddFeedback {
        key: key(AINI),
        tone: if text.contains("terlambat") {
            Tone::Negative
        } else {
            Tone::Positive
        },
        criterion: criterion.map(Into::into),
        text: text.into(),
    };
    store.exec(who.map(nip).as_ref(), req).expect("add")
}

fn saved(r: Response) -> Feedback {
    match r {
        Response::FeedbackSaved(f) => *f,
        other => panic!("not saved: {other:?}"),
    }
}

/// The notes about AINI that `who` may read.
fn seen_by(store: &dyn Exec, who: Option<&str>) -> Vec<Feedback> {
    let req = Request::Feedback {
        period: PERIOD.into(),
        employees: Some(vec![nip(AINI)]),
    };
    match store.exec(who.map(nip).as_ref(), req).expect("read") {
        Response::Feedback { items, corrupt } => {
            assert!(corrupt.is_empty(), "{corrupt:?}");
            items
        }
        other => panic!("{other:?}"),
    }
}

fn refused(r: &Response, why: &str) {
    assert!(
        matches!(r, Response::Rejected(m) if m.contains(why)),
        "expected a refusal naming {why:?}: {r:?}"
    );
}

#[test]
fn notes_are_checked_read_by_the_right_people_and_withdrawn_by_their_author() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::seeded(dir.path());
    let first = saved(add(
        &store,
        Some(KEPALA),
        Some("pelayanan"),
        "  sabar melayani\n",
    ));
    assert_eq!(
        (first.text.as_str(), first.author.as_str()),
        ("sabar melayani", KEPALA)
    );
    assert_eq!(first.criterion.as_deref(), Some("pelayanan"));
    let second = saved(add(&store, Some(KEPALA), None, "terlambat apel pagi"));
    assert_eq!(second.tone, Tone::Negative);
    assert!(second.id > first.id, "ids follow the journal");

    // Refused, each for its reason, and nothing written.
    refused(&add(&store, Some(RUDY), None, "x"), "appraiser or reviewer");
    refused(&add(&store, Some(AINI), None, "x"), "appraiser or reviewer");
    refused(&add(&store, None, None, "x"), "named person");
    refused(&add(&store, Some(KEPALA), None, " \n "), "empty");
    refused(
        &add(&store, Some(KEPALA), None, &"a".repeat(MAX_CHARS + 1)),
        "at most",
    );
    refused(
        &add(&store, Some(KEPALA), Some("kolaboratif"), "x"),
        "criterion kolaboratif",
    );
    let both = vec![first.clone(), second.clone()];
    assert_eq!(seen_by(&store, Some(KEPALA)), both);
    // Feedback is for its employee: she reads it at once, a colleague never.
    assert_eq!(seen_by(&store, Some(AINI)), both);
    assert!(seen_by(&store, Some(RUDY)).is_empty());

    // Only its author withdraws a note; the other stays.
    let withdraw = |who: &str, id: u64| {
        let req = Request::RetractFeedback { key: key(AINI), id };
        store.execute(Some(&nip(who)), req).expect("retract")
    };
    refused(&withdraw(AINI, first.id), "only its author");
    assert_eq!(withdraw(KEPALA, first.id), Response::Done);
    refused(&withdraw(KEPALA, first.id), "does not exist");
    assert_eq!(seen_by(&store, Some(AINI)), vec![second]);
}

#[test]
fn notes_are_journalled_and_rebuilt() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let store = common::seeded(&data);
    let gone = saved(add(&store, Some(KEPALA), None, "salah orang"));
    saved(add(&store, Some(KEPALA), Some("rhk1"), "laporan lengkap"));
    let req = Request::RetractFeedback {
        key: key(AINI),
        id: gone.id,
    };
    let r = store.execute(Some(&nip(KEPALA)), req).expect("retract");
    assert_eq!(r, Response::Done);
    let before = seen_by(&store, None);
    assert_eq!(before.len(), 1);
    drop(store);
    let report = doctor::check(&data).expect("check");
    assert!(report.healthy(), "{report:?}");
    assert_eq!(report.feedback, 1);
    doctor::rebuild(&data, common::NOW).expect("rebuild");
    assert_eq!(seen_by(&common::open(&data), None), before);
}

#[test]
fn the_daemon_announces_a_note_to_whoever_watches_the_employee() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let data = tmp.path().join("data");
    let store = common::seeded(&data);
    let daemon = support::daemon::Daemon::start(&data, store, &[]);
    let (tx, rx) = mpsc::channel();
    let watcher = daemon.listener(tx);
    let watch = Request::Watch {
        period: PERIOD.into(),
        employees: vec![nip(AINI)],
    };
    assert_eq!(watcher.exec(None, watch).expect("watch"), Response::Done);
    let appraiser = daemon.client();
    common::login(&appraiser, KEPALA);
    let note = saved(add(&appraiser, Some(KEPALA), None, "memandu rapat"));
    let got = rx.recv_timeout(Duration::from_secs(10)).expect("announced");
    assert_eq!(got, Changed::Feedback { key: key(AINI) });
    let req = Request::RetractFeedback {
        key: key(AINI),
        id: note.id,
    };
    let r = appraiser.exec(Some(&nip(KEPALA)), req).expect("retract");
    assert_eq!(r, Response::Done);
    let got = rx.recv_timeout(Duration::from_secs(10)).expect("announced");
    assert_eq!(got, Changed::Feedback { key: key(AINI) });
}
