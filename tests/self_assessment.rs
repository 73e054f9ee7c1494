//! The self-assessment in a real store and through a real daemon: blind
//! both ways, written by its employee alone, closed once sent or once the
//! result is approved, journalled (a rebuilt store has it), announced live.

mod common;
mod support;

use common::{AINI, KEPALA, RUDY, key, nip};
use kinerja::domain::workflow::Transition;
use kinerja::domain::{Edit, SelfAssessment};
use kinerja::store::{Changed, Exec, Request, Response, Store, doctor};
use std::sync::mpsc;
use std::time::Duration;

fn self_edit(store: &dyn Exec, who: &str, rev: u64, edit: Edit) -> Response {
    let req = Request::SelfEdit {
        key: key(AINI),
        expected_revision: rev,
        edit,
    };
    store.exec(Some(&nip(who)), req).expect("self edit")
}

fn rate(c: &str, r: u8) -> Edit {
    Edit::SetRating {
        criterion: c.into(),
        rating: Some(r),
    }
}

/// AINI rates herself on every criterion of the tiny office; the revision.
fn filled(store: &dyn Exec) -> u64 {
    let mut rev = 0;
    for (c, r) in [("rhk1", 3), ("rhk2", 3), ("pelayanan", 5), ("akuntabel", 4)] {
        match self_edit(store, AINI, rev, rate(c, r)) {
            Response::SelfSaved(s) => rev = s.revision,
            other => panic!("{other:?}"),
        }
    }
    rev
}

/// The self-assessments of AINI that `who` may read.
fn seen_by(store: &dyn Exec, who: Option<&str>) -> Vec<SelfAssessment> {
    let req = Request::SelfAssessments {
        period: common::PERIOD.into(),
        employees: Some(vec![nip(AINI)]),
    };
    match store.exec(who.map(nip).as_ref(), req).expect("read") {
        Response::SelfAssessments { items, .. } => items,
        other => panic!("{other:?}"),
    }
}

fn step(store: &Store, who: &str, rev: u64, t: Transition) -> u64 {
    let req = Request::Edit {
        key: key(AINI),
        expected_revision: rev,
        edit: Edit::Step(t),
    };
    match store.execute(Some(&nip(who)), req).expect("step") {
        Response::Saved(a) => a.revision,
        other => panic!("{other:?}"),
    }
}

#[test]
fn blind_both_ways_in_the_store() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::seeded(dir.path());
    let mut rev = common::rated(&store);
    let own = filled(&store);

    // Unsent, it is AINI's alone; her appraiser's draft is not hers.
    assert_eq!(seen_by(&store, Some(AINI)).len(), 1);
    assert!(seen_by(&store, Some(KEPALA)).is_empty());
    assert!(seen_by(&store, Some(RUDY)).is_empty());
    let hers = common::all(&store);
    assert_eq!(hers.len(), 1, "the system sees the draft");
    let req = Request::Assessments {
        period: common::PERIOD.into(),
        employees: None,
    };
    let Response::Assessments { items, .. } =
        store.execute(Some(&nip(AINI)), req.clone()).expect("read")
    else {
        panic!("read");
    };
    assert!(items.is_empty(), "the appraiser's ratings stay hidden");

    // Sending needs nothing more; it is then fixed.
    let Response::SelfSaved(sent) = self_edit(&store, AINI, own, Edit::Step(Transition::Submit))
    else {
        panic!("send");
    };
    assert!(sent.sent.is_some());
    let again = self_edit(&store, AINI, sent.revision, rate("rhk1", 1));
    assert!(
        matches!(again, Response::Rejected(ref m) if m.contains("sent")),
        "{again:?}"
    );

    // Sent, the appraiser still does not see it before submitting...
    assert!(seen_by(&store, Some(KEPALA)).is_empty());
    // ...and does once submitted.
    rev = step(&store, KEPALA, rev, Transition::Submit);
    assert_eq!(seen_by(&store, Some(KEPALA)), vec![*sent.clone()]);
    assert!(seen_by(&store, Some(RUDY)).is_empty(), "a colleague never");

    // Approved (KEPALA is at the top of the line: their own reviewer),
    // the result is hers to read, and her self-assessment is closed.
    step(&store, KEPALA, rev, Transition::Approve);
    let Response::Assessments { items, .. } = store.execute(Some(&nip(AINI)), req).expect("read")
    else {
        panic!("read");
    };
    assert_eq!(items.len(), 1);
}

#[test]
fn only_its_employee_writes_it_and_never_after_approval() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::seeded(dir.path());
    for who in [KEPALA, RUDY] {
        let r = self_edit(&store, who, 0, rate("rhk1", 3));
        assert!(
            matches!(r, Response::Rejected(ref m) if m.contains("only")),
            "{r:?}"
        );
    }
    let req = Request::SelfEdit {
        key: key(AINI),
        expected_revision: 0,
        edit: rate("rhk1", 3),
    };
    let r = store.execute(None, req).expect("system");
    assert!(
        matches!(r, Response::Rejected(_)),
        "not even the system: {r:?}"
    );
    // Out of scale, unknown, stale: refused, nothing written.
    assert!(matches!(
        self_edit(&store, AINI, 0, rate("rhk1", 4)),
        Response::Rejected(_)
    ));
    assert!(matches!(
        self_edit(&store, AINI, 0, rate("nope", 1)),
        Response::Rejected(_)
    ));
    let send = self_edit(&store, AINI, 0, Edit::Step(Transition::Submit));
    assert!(
        matches!(send, Response::Rejected(ref m) if m.contains("not rated")),
        "{send:?}"
    );
    assert!(seen_by(&store, Some(AINI)).is_empty());
    let Response::SelfSaved(s) = self_edit(&store, AINI, 0, rate("rhk1", 3)) else {
        panic!("save");
    };
    let stale = self_edit(&store, AINI, 0, rate("rhk1", 1));
    assert_eq!(stale, Response::SelfConflict(s));

    // Approved without a self-assessment sent: it closes all the same.
    let mut rev = common::rated(&store);
    rev = step(&store, KEPALA, rev, Transition::Submit);
    step(&store, KEPALA, rev, Transition::Approve);
    let late = self_edit(&store, AINI, 1, rate("rhk2", 3));
    assert!(
        matches!(late, Response::Rejected(ref m) if m.contains("approved")),
        "{late:?}"
    );
}

#[test]
fn self_assessments_are_journalled_and_rebuilt() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let store = common::seeded(&data);
    let rev = filled(&store);
    self_edit(&store, AINI, rev, Edit::Step(Transition::Submit));
    let before = seen_by(&store, None);
    drop(store);
    let report = doctor::check(&data).expect("check");
    assert!(report.healthy(), "{report:?}");
    assert_eq!(report.self_assessments, 1);
    // A store rebuilt from the journal alone holds the same record.
    doctor::rebuild(&data, common::NOW).expect("rebuild");
    let store = common::open(&data);
    assert_eq!(seen_by(&store, None), before);
}

#[test]
fn the_daemon_announces_a_self_assessment_change() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let data = tmp.path().join("data");
    let store = common::seeded(&data);
    let daemon = support::daemon::Daemon::start(&data, store, &[]);
    let (tx, rx) = mpsc::channel();
    let _watcher = daemon.listener(tx);
    let employee = daemon.client();
    common::login(&employee, AINI);
    let r = self_edit(&employee, AINI, 0, rate("pelayanan", 4));
    assert!(matches!(r, Response::SelfSaved(_)), "{r:?}");
    let got = rx.recv_timeout(Duration::from_secs(10)).expect("announced");
    assert_eq!(
        got,
        Changed::SelfAssessment {
            key: key(AINI),
            revision: 1,
        }
    );
    // The appraiser's client, told of it, reads nothing yet (blind).
    let appraiser = daemon.client();
    common::login(&appraiser, KEPALA);
    assert!(seen_by(&appraiser, Some(KEPALA)).is_empty());
}
