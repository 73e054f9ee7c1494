//! Capaian Kinerja Organisasi per unit and period in a real store and
//! through the real binary: set by the admin or the host only, checked,
//! journalled (a rebuilt store has it), removed with its period by purge.

mod common;
mod support;

use common::{PERIOD, nip};
use kinerja::domain::org_result::{OrgResult, UnitResult};
use kinerja::store::{Request, Response, Store, doctor};

fn set(store: &Store, who: Option<&str>, unit: &str, result: OrgResult) -> Response {
    let req = Request::SetUnitResult {
        period: PERIOD.into(),
        unit: unit.into(),
        result,
    };
    store.execute(who.map(nip).as_ref(), req).expect("set")
}

fn results(store: &Store) -> Vec<UnitResult> {
    let req = Request::UnitResults {
        period: PERIOD.into(),
    };
    match store.execute(None, req).expect("read") {
        Response::UnitResults { items, .. } => items,
        other => panic!("{other:?}"),
    }
}

#[test]
fn set_checked_replaced_and_rebuilt() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let store = common::seeded(&data);
    assert_eq!(set(&store, None, "bkpsdm", OrgResult::Baik), Response::Done);
    assert_eq!(
        set(&store, None, "bkpsdm", OrgResult::Istimewa),
        Response::Done
    );
    let got = results(&store);
    assert_eq!(got.len(), 1, "one per unit and period: {got:?}");
    assert_eq!(got[0].result, OrgResult::Istimewa);
    // An appraiser is not the admin; an unknown unit or period is named.
    let r = set(&store, Some(common::KEPALA), "bkpsdm", OrgResult::Kurang);
    assert!(
        matches!(r, Response::Rejected(ref m) if m.contains("only an admin")),
        "{r:?}"
    );
    let r = set(&store, None, "dinas-x", OrgResult::Kurang);
    assert!(
        matches!(r, Response::Rejected(ref m) if m.contains("dinas-x")),
        "{r:?}"
    );
    let req = Request::SetUnitResult {
        period: "2030".into(),
        unit: "bkpsdm".into(),
        result: OrgResult::Kurang,
    };
    let r = store.execute(None, req).expect("set");
    assert!(
        matches!(r, Response::Rejected(ref m) if m.contains("2030")),
        "{r:?}"
    );
    assert_eq!(results(&store), got, "nothing changed");
    drop(store);
    assert!(doctor::check(&data).expect("check").healthy());
    doctor::rebuild(&data, common::NOW).expect("rebuild");
    assert_eq!(results(&common::open(&data)), got);
}

#[test]
fn the_cli_lists_and_sets_and_refuses_a_wrong_value() {
    let dir = tempfile::tempdir().expect("tempdir");
    support::tmux::load_demo(dir.path());
    let run = |args: &[&str]| {
        let out = support::tmux::kinerja(dir.path(), &[&["--lang", "en"], args].concat());
        let text = String::from_utf8_lossy(&out.stdout).into_owned()
            + &String::from_utf8_lossy(&out.stderr);
        (out.status.success(), text)
    };
    let (ok, text) = run(&[
        "org-result",
        "--unit",
        "dinkes",
        "--result",
        "butuh perbaikan",
    ]);
    assert!(ok, "{text}");
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with("dinkes "))
        .expect("the unit's line");
    assert!(line.contains("Butuh Perbaikan/Cukup"), "{text}");
    let (ok, text) = run(&["org-result", "--unit", "dinkes", "--result", "bagus"]);
    assert!(!ok);
    assert!(
        text.contains("“bagus” is not an organisation result"),
        "{text}"
    );
    let (ok, text) = run(&["org-result", "--unit", "dinkes"]);
    assert!(!ok, "--unit needs --result: {text}");
}
