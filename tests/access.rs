//! The role matrix in a real store: every request type asked by every role
//! (appraiser, reviewer, employee, admin, another employee, the host's
//! system account), and the workflow walked with every wrong party tried
//! at every step, the 14-day objection window on an injected clock, and an
//! approved record that later roster and template changes do not touch.

mod common;

use common::{AINI, KEPALA, NOW, PERIOD, RUDY, key, nip};
use kinerja::domain::org_result::OrgResult;
use kinerja::domain::workflow::Transition;
use kinerja::domain::{Edit, Nip, Role, Status, Tone};
use kinerja::store::{Cursor, CursorScreen, Request, Response, Store};
use std::sync::atomic::{AtomicI64, Ordering};

/// KEPALA's own superior: the reviewer of KEPALA's staff.
const SEKDA: &str = "196507121990031004";
/// The personnel office's admin.
const ADMIN: &str = "198802142012122001";

static CLOCK: AtomicI64 = AtomicI64::new(NOW);

fn now() -> i64 {
    CLOCK.load(Ordering::SeqCst)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Who {
    Appraiser,
    Reviewer,
    Employee,
    Admin,
    /// Another employee of the same appraiser.
    Stranger,
    /// The host's admin at the CLI (no person).
    System,
}

const EVERYONE: [Who; 6] = [
    Who::Appraiser,
    Who::Reviewer,
    Who::Employee,
    Who::Admin,
    Who::Stranger,
    Who::System,
];

fn actor(w: Who) -> Option<Nip> {
    match w {
        Who::Appraiser => Some(nip(KEPALA)),
        Who::Reviewer => Some(nip(SEKDA)),
        Who::Employee => Some(nip(AINI)),
        Who::Admin => Some(nip(ADMIN)),
        Who::Stranger => Some(nip(RUDY)),
        Who::System => None,
    }
}

fn org() -> kinerja::domain::Org {
    let mut org = common::org();
    org.people[0].appraiser = Some(nip(SEKDA));
    for (n, name, appraiser, role) in [
        (SEKDA, "Sekretaris", None, Role::Reviewer),
        (ADMIN, "Admin BKPSDM", Some(SEKDA), Role::Admin),
    ] {
        let mut p = common::person(n, name, appraiser);
        p.roles = vec![role];
        org.people.push(p);
    }
    org
}

/// The office with a reviewer and an admin, on the injected clock.
fn office() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(dir.path()).expect("open").with_clock(now);
    let seed = Request::Seed {
        org: org(),
        reference: common::reference(),
        assessments: Vec::new(),
        active_period: Some(PERIOD.into()),
    };
    assert_eq!(store.execute(None, seed).expect("seed"), Response::Done);
    (dir, store)
}

fn edit(store: &Store, w: Who, rev: u64, e: Edit) -> Response {
    let req = Request::Edit {
        key: key(AINI),
        expected_revision: rev,
        edit: e,
    };
    store.execute(actor(w).as_ref(), req).expect("edit")
}

/// The name of a request's row; a new request type does not compile here
/// until it has a row in the matrix below.
fn row(req: &Request) -> &'static str {
    match req {
        Request::Snapshot => "snapshot",
        Request::Seed { .. } => "seed",
        Request::Assessments { .. } => "assessments",
        Request::AllAssessments => "all assessments",
        Request::Edit { .. } => "edit",
        Request::SelfAssessments { .. } => "self-assessments",
        Request::SelfEdit { .. } => "self edit",
        Request::Feedback { .. } => "feedback",
        Request::AddFeedback { .. } => "add feedback",
        Request::RetractFeedback { .. } => "retract feedback",
        Request::UnitResults { .. } => "unit results",
        Request::Dashboard { .. } => "dashboard",
        Request::Trend { .. } => "trend",
        Request::Career { .. } => "career",
        Request::OwnCalibration { .. } => "own calibration",
        Request::SetUnitResult { .. } => "set unit result",
        Request::History { .. } => "history",
        Request::SetCursor { .. } => "set cursor",
        Request::GetCursor { .. } => "get cursor",
        Request::SetActivePeriod { .. } => "active period",
        Request::PinStatus { .. } => "pin status",
        Request::SetPin { .. } => "set pin",
        Request::CheckPin { .. } => "check pin",
        Request::ResetPin { .. } => "reset pin",
        Request::Logout => "logout",
        Request::Watch { .. } => "watch",
    }
}

/// What a role gets: refused, or allowed (with how many assessments it
/// sees, for reads).
#[derive(Debug, PartialEq, Eq)]
enum Outcome {
    Refused,
    Allowed,
    Sees(usize),
}

/// Refused by the role matrix (other refusals, such as a PIN that is
/// already set, mean the request got past it).
fn outcome(r: &Response) -> Outcome {
    let by_role = |m: &str| m.contains("only ") || m.contains("theirs") || m.contains("not yours");
    match r {
        Response::Rejected(m) if by_role(m) => Outcome::Refused,
        Response::Assessments { items, .. } => Outcome::Sees(items.len()),
        Response::SelfAssessments { items, .. } => Outcome::Sees(items.len()),
        Response::Feedback { items, .. } => Outcome::Sees(items.len()),
        Response::UnitResults { items, .. } => Outcome::Sees(items.len()),
        Response::Trend { points, .. } => Outcome::Sees(points.len()),
        Response::Calibration(c) => Outcome::Sees(usize::from(c.is_some())),
        Response::Career { units, .. } => Outcome::Sees(units.iter().map(|u| u.rows.len()).sum()),
        Response::Dashboard { dashboard, .. } => Outcome::Sees(
            dashboard
                .units
                .iter()
                .map(|u| u.progress.counts.total())
                .sum(),
        ),
        _ => Outcome::Allowed,
    }
}

/// Makes a row's request as one role would send it.
type Make<'a> = Box<dyn Fn(Who) -> Request + 'a>;

#[test]
fn every_request_type_by_every_role() {
    use Outcome::{Allowed as A, Refused as R, Sees as S};
    let (_dir, store) = office();
    common::rated(&store);
    // The employee has begun a self-assessment, not yet sent.
    let begun = Request::SelfEdit {
        key: key(AINI),
        expected_revision: 0,
        edit: Edit::SetRating {
            criterion: "pelayanan".into(),
            rating: Some(4),
        },
    };
    let r = store.execute(Some(&nip(AINI)), begun).expect("self edit");
    assert!(matches!(r, Response::SelfSaved(_)), "{r:?}");
    // The appraiser noted something in a meeting.
    let noted = || match store
        .execute(
            Some(&nip(KEPALA)),
            feedback(Tone::Positive, "memandu rapat"),
        )
        .expect("add")
    {
        Response::FeedbackSaved(f) => f.id,
        other => panic!("{other:?}"),
    };
    noted();
    let snapshot = || match store.execute(None, Request::Snapshot).expect("snap") {
        Response::Snapshot(s) => s,
        other => panic!("{other:?}"),
    };
    let cursor = Cursor {
        period: PERIOD.into(),
        employee: Some(nip(AINI)),
        criterion: 0,
        screen: CursorScreen::Scoring,
        draft: None,
    };
    let rate = |w: Who| Request::Edit {
        key: key(AINI),
        expected_revision: 6,
        edit: Edit::SetNote {
            criterion: "rhk1".into(),
            note: format!("catatan {w:?}"),
        },
    };
    // Each row: the request as one role would send it, and what each of
    // appraiser, reviewer, employee, admin, stranger, system gets. The
    // assessment is a draft: the employee does not see it yet.
    let table: Vec<(Make, [Outcome; 6])> = vec![
        (Box::new(|_| Request::Snapshot), [A, A, A, A, A, A]),
        (
            Box::new(|_| {
                let s = snapshot();
                Request::Seed {
                    org: s.org,
                    reference: s.reference,
                    assessments: Vec::new(),
                    active_period: s.active_period,
                }
            }),
            [R, R, R, A, R, A],
        ),
        (
            Box::new(|_| Request::Assessments {
                period: PERIOD.into(),
                employees: Some(vec![nip(AINI)]),
            }),
            [S(1), S(1), S(0), S(1), S(0), S(1)],
        ),
        (
            Box::new(|_| Request::AllAssessments),
            [S(1), S(1), S(0), S(1), S(0), S(1)],
        ),
        (Box::new(rate), [A, R, R, R, R, A]),
        // Blind: an unsent self-assessment is its author's alone (and the
        // system's, which could read the files anyway).
        (
            Box::new(|_| Request::SelfAssessments {
                period: PERIOD.into(),
                employees: None,
            }),
            [S(0), S(0), S(1), S(0), S(0), S(1)],
        ),
        (
            Box::new(|w| Request::SelfEdit {
                key: key(AINI),
                expected_revision: 0,
                edit: Edit::SetNote {
                    criterion: "pelayanan".into(),
                    note: format!("catatan {w:?}"),
                },
            }),
            [R, R, A, R, R, R],
        ),
        // Feedback is for the employee, and for those who appraise them.
        (
            Box::new(|_| Request::Feedback {
                period: PERIOD.into(),
                employees: None,
            }),
            [S(1), S(1), S(1), S(1), S(0), S(1)],
        ),
        (
            Box::new(|w| feedback(Tone::Negative, &format!("catatan {w:?}"))),
            [A, A, R, R, R, R],
        ),
        (
            Box::new(|_| Request::RetractFeedback {
                key: key(AINI),
                id: noted(),
            }),
            [A, R, R, R, R, R],
        ),
        // The organisation's result is nobody's personal data; the admin
        // enters it.
        (
            Box::new(|_| Request::SetUnitResult {
                period: PERIOD.into(),
                unit: "bkpsdm".into(),
                result: OrgResult::Baik,
            }),
            [R, R, R, A, R, A],
        ),
        (
            Box::new(|_| Request::UnitResults {
                period: PERIOD.into(),
            }),
            [S(1), S(1), S(1), S(1), S(1), S(1)],
        ),
        // Figures of the people one reviews (the reviewer: the head's
        // staff, and the head and the admin, whom they appraise at the top
        // of the line); everyone's for the admin.
        (
            Box::new(|_| Request::Dashboard {
                period: PERIOD.into(),
            }),
            [R, S(4), R, S(5), R, S(5)],
        ),
        (
            Box::new(|_| Request::Career {
                period: PERIOD.into(),
            }),
            [R, S(4), R, S(5), R, S(5)],
        ),
        // One's own figures only: the appraiser has rated; nobody else has.
        (
            Box::new(|_| Request::OwnCalibration {
                period: PERIOD.into(),
            }),
            [S(1), S(0), S(0), S(0), S(0), S(0)],
        ),
        // Her results across periods: read like the assessments (the
        // draft is not hers to read yet).
        (
            Box::new(|_| Request::Trend {
                employee: nip(AINI),
            }),
            [S(1), S(1), S(0), S(1), S(0), S(1)],
        ),
        (
            Box::new(|_| Request::History { key: key(AINI) }),
            [A, A, R, A, R, A],
        ),
        (
            Box::new(|_| Request::SetCursor {
                user: nip(KEPALA),
                cursor: cursor.clone(),
            }),
            [A, R, R, R, R, A],
        ),
        (
            Box::new(|_| Request::GetCursor { user: nip(AINI) }),
            [R, R, A, R, R, A],
        ),
        (
            Box::new(|_| Request::SetActivePeriod {
                period: PERIOD.into(),
            }),
            [R, R, R, A, R, A],
        ),
        (
            Box::new(|_| Request::PinStatus { nip: nip(AINI) }),
            [A, A, A, A, A, A],
        ),
        (
            Box::new(|w| Request::SetPin {
                nip: actor(w).unwrap_or_else(|| nip(RUDY)),
                pin: "480715".into(),
            }),
            [A, A, A, A, A, A],
        ),
        (
            Box::new(|_| Request::SetPin {
                nip: nip(AINI),
                pin: "480715".into(),
            }),
            [R, R, A, R, R, A],
        ),
        (
            Box::new(|_| Request::CheckPin {
                nip: nip(AINI),
                pin: "000000".into(),
            }),
            [A, A, A, A, A, A],
        ),
        (
            Box::new(|_| Request::ResetPin { nip: nip(AINI) }),
            [R, R, R, A, R, A],
        ),
        (Box::new(|_| Request::Logout), [A, A, A, A, A, A]),
        // What one hears of is no data: anyone may choose.
        (
            Box::new(|_| Request::Watch {
                period: PERIOD.into(),
                employees: vec![nip(AINI)],
            }),
            [A, A, A, A, A, A],
        ),
    ];
    let mut covered = std::collections::BTreeSet::new();
    for (make, expected) in &table {
        for (w, want) in EVERYONE.iter().zip(expected) {
            let req = make(*w);
            let name = row(&req);
            covered.insert(name);
            // A note edit must name the current revision.
            let req = match req {
                Request::Edit { key, edit, .. } => Request::Edit {
                    key: key.clone(),
                    expected_revision: current_revision(&store),
                    edit,
                },
                Request::SelfEdit { key, edit, .. } => Request::SelfEdit {
                    key: key.clone(),
                    expected_revision: self_revision(&store),
                    edit,
                },
                other => other,
            };
            let got = outcome(&store.execute(actor(*w).as_ref(), req).expect("request"));
            assert_eq!(&got, want, "{name} by {w:?}");
        }
    }
    let every = [
        "snapshot",
        "seed",
        "assessments",
        "all assessments",
        "edit",
        "self-assessments",
        "self edit",
        "feedback",
        "add feedback",
        "retract feedback",
        "unit results",
        "set unit result",
        "dashboard",
        "trend",
        "career",
        "own calibration",
        "history",
        "set cursor",
        "get cursor",
        "active period",
        "pin status",
        "set pin",
        "check pin",
        "reset pin",
        "logout",
        "watch",
    ];
    assert_eq!(
        covered,
        every.into_iter().collect(),
        "a request type has no row"
    );
}

fn feedback(tone: Tone, text: &str) -> Request {
    Request::AddFeedback {
        key: key(AINI),
        tone,
        criterion: Some("pelayanan".into()),
        text: text.into(),
    }
}

fn self_revision(store: &Store) -> u64 {
    let req = Request::SelfAssessments {
        period: PERIOD.into(),
        employees: Some(vec![nip(AINI)]),
    };
    match store.execute(None, req).expect("read") {
        Response::SelfAssessments { items, .. } => items.first().map_or(0, |s| s.revision),
        other => panic!("{other:?}"),
    }
}

fn current_revision(store: &Store) -> u64 {
    common::all(store)
        .into_iter()
        .find(|a| a.key == key(AINI))
        .map_or(0, |a| a.revision)
}

/// Tries a step as every role but `by` (each refused, nothing written),
/// then as `by`.
fn step_by(store: &Store, by: Who, t: &Transition) -> Response {
    for w in EVERYONE {
        if w == by || w == Who::System {
            continue;
        }
        let rev = current_revision(store);
        let got = edit(store, w, rev, Edit::Step(t.clone()));
        assert!(
            matches!(got, Response::Rejected(_)),
            "{t:?} by {w:?}: {got:?}"
        );
        assert_eq!(current_revision(store), rev);
    }
    let rev = current_revision(store);
    edit(store, by, rev, Edit::Step(t.clone()))
}

fn status(store: &Store) -> Status {
    common::all(store)
        .into_iter()
        .find(|a| a.key == key(AINI))
        .expect("assessment")
        .status
}

#[test]
fn the_workflow_through_the_store_with_only_the_right_party_at_each_step() {
    CLOCK.store(NOW, Ordering::SeqCst);
    let (_dir, store) = office();
    common::rated(&store);
    let saved = |r: Response| assert!(matches!(r, Response::Saved(_)), "{r:?}");
    saved(step_by(&store, Who::Appraiser, &Transition::Submit));
    let back = Transition::Return {
        comment: "lengkapi bukti RHK 2".into(),
    };
    saved(step_by(&store, Who::Reviewer, &back));
    assert_eq!(status(&store), Status::Returned);
    // Returned: the appraiser edits again, then resubmits.
    let note = Edit::SetNote {
        criterion: "rhk2".into(),
        note: "bukti: 14 laporan".into(),
    };
    saved(edit(&store, Who::Appraiser, current_revision(&store), note));
    saved(step_by(&store, Who::Appraiser, &Transition::Submit));
    saved(step_by(&store, Who::Reviewer, &Transition::Approve));
    assert_eq!(status(&store), Status::Approved);
    // Frozen: not even the appraiser changes a rating now.
    let r = common::try_rate(&store, AINI, current_revision(&store), "rhk1", 3);
    assert!(matches!(r, Response::Rejected(_)), "{r:?}");
    // The employee now sees their result; the stranger still does not.
    let sees = |w: Who| {
        let req = Request::AllAssessments;
        match store.execute(actor(w).as_ref(), req).expect("read") {
            Response::Assessments { items, .. } => items.len(),
            other => panic!("{other:?}"),
        }
    };
    assert_eq!((sees(Who::Employee), sees(Who::Stranger)), (1, 0));
    // Day 15: too late to object; the employee can still acknowledge.
    CLOCK.store(NOW + 14 * 86_400 + 1, Ordering::SeqCst);
    let object = Transition::Object {
        reasons: "bukti pelatihan belum dihitung".into(),
    };
    let r = edit(
        &store,
        Who::Employee,
        current_revision(&store),
        Edit::Step(object.clone()),
    );
    assert!(
        matches!(&r, Response::Rejected(m) if m.contains("14 days")),
        "{r:?}"
    );
    // The reviewer reopens (a correction), it goes round again, and this
    // time the objection comes on day 14.
    let reopen = Transition::Reopen {
        reason: "nilai RHK 2 salah ketik".into(),
    };
    CLOCK.store(NOW, Ordering::SeqCst);
    saved(step_by(&store, Who::Reviewer, &reopen));
    saved(step_by(&store, Who::Appraiser, &Transition::Submit));
    saved(step_by(&store, Who::Reviewer, &Transition::Approve));
    CLOCK.store(NOW + 14 * 86_400, Ordering::SeqCst);
    saved(step_by(&store, Who::Employee, &object));
    let decide = Transition::Decide {
        reason: "bukti pelatihan diterima".into(),
        hasil: None,
        perilaku: None,
    };
    saved(step_by(&store, Who::Reviewer, &decide));
    assert_eq!(status(&store), Status::Decided);
    // Every step is in the history, with its comment or reason.
    let Response::History(items) = store
        .execute(None, Request::History { key: key(AINI) })
        .expect("history")
    else {
        panic!("history");
    };
    let text = format!("{items:?}");
    for s in [
        "lengkapi bukti RHK 2",
        "salah ketik",
        "bukti pelatihan diterima",
    ] {
        assert!(text.contains(s), "{s} missing from the history");
    }
}

#[test]
fn an_approved_record_keeps_its_criteria_and_roster_through_later_changes() {
    CLOCK.store(NOW, Ordering::SeqCst);
    let (_dir, store) = office();
    common::rated(&store);
    let rev = current_revision(&store);
    let r = edit(&store, Who::Appraiser, rev, Edit::Step(Transition::Submit));
    assert!(matches!(r, Response::Saved(_)), "{r:?}");
    let r = edit(
        &store,
        Who::Reviewer,
        rev + 1,
        Edit::Step(Transition::Approve),
    );
    let Response::Saved(approved) = r else {
        panic!("{r:?}")
    };
    let frozen = approved.frozen.clone().expect("frozen at approval");
    assert_eq!(frozen.person.post, "Analis SDM Aparatur");
    assert_eq!(frozen.criteria.len(), 4);
    // The admin renames the post, drops a criterion and renames another.
    let Response::Snapshot(s) = store.execute(None, Request::Snapshot).expect("snap") else {
        panic!("snapshot");
    };
    let mut org = s.org;
    for p in &mut org.people {
        if p.nip == nip(AINI) {
            p.post = "Analis Kebijakan".into();
        }
    }
    let mut reference = s.reference;
    let t = reference
        .templates
        .iter_mut()
        .find(|t| t.id == "analis-sdm")
        .expect("template");
    t.criteria.pop();
    t.criteria[0].name = "Nama baru".into();
    let seed = Request::Seed {
        org,
        reference,
        assessments: Vec::new(),
        active_period: s.active_period,
    };
    assert_eq!(
        store
            .execute(actor(Who::Admin).as_ref(), seed)
            .expect("seed"),
        Response::Done
    );
    let a = common::all(&store)
        .into_iter()
        .find(|a| a.key == key(AINI))
        .expect("assessment");
    assert_eq!(
        a.frozen.as_deref(),
        Some(&*frozen),
        "unchanged by the new roster"
    );
    assert_eq!(
        a.frozen.as_ref().expect("f").criteria[0].criterion.name,
        "rhk1"
    );
    // And the export reads the frozen record.
    let (records, _) = kinerja::io::export::from_store(&store, Some(PERIOD)).expect("export");
    let rec = records.iter().find(|r| r.nip == AINI).expect("exported");
    assert_eq!(
        rec.criteria.len(),
        4,
        "all four frozen criteria are exported"
    );
}
