//! `kinerja import template` on a real store: a good file adds or replaces
//! a template without touching the roster or any assessment; a refused
//! import or a dry run writes nothing; ratings of a removed criterion stay
//! stored and break neither the scoring card, the summary nor the export.
//! (Each broken fixture's message is checked in `invalid_templates.rs`.)

mod common;
mod support;

use kinerja::domain::assessment::{Curation, SummaryItem};
use kinerja::domain::{Edit, Template};
use kinerja::i18n::Lang;
use kinerja::io::import::template::{Change, Outcome, report, run};
use kinerja::store::{Request, Response, Snapshot, Store};
use kinerja::tui::action::Action;
use kinerja::tui::model::Screen;
use std::path::Path;
use support::{Session, rate_rest, scoring_fresh};

const INVALID_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/invalid_templates");
const VALID: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/valid_templates/arsiparis.toml"
);

fn snapshot(store: &Store) -> Snapshot {
    match store.execute(None, Request::Snapshot).expect("snapshot") {
        Response::Snapshot(s) => *s,
        other => panic!("unexpected {other:?}"),
    }
}

fn journal_len(dir: &Path) -> u64 {
    std::fs::metadata(dir.join(kinerja::store::journal::FILE)).map_or(0, |m| m.len())
}

#[test]
fn refused_imports_and_dry_runs_write_nothing() {
    // The demo store: the fixtures clash with its templates and ratings.
    let dir = support::seeded_dir();
    let store = Store::open(dir.path()).expect("open");
    let before = snapshot(&store);
    let assessments = common::all(&store);
    let len = journal_len(dir.path());
    for entry in std::fs::read_dir(INVALID_DIR).expect("fixtures") {
        let path = entry.expect("entry").path();
        let outcome = run(&store, &path, false, Lang::Id).expect("run");
        assert!(
            matches!(outcome, Outcome::Problems(_)),
            "{path:?}: {outcome:?}"
        );
        assert_eq!(snapshot(&store), before, "{path:?}");
    }
    let outcome = run(&store, Path::new(VALID), true, Lang::Id).expect("dry run");
    assert!(matches!(outcome, Outcome::DryRun(ref p) if p.change == Change::New));
    let (lines, ok) = report(&outcome, Lang::Id, dir.path());
    assert!(ok && lines.last().is_some_and(|l| l.contains("--dry-run")));
    let missing = run(&store, Path::new("/nonexistent/t.toml"), false, Lang::En).expect("run");
    assert!(
        matches!(missing, Outcome::Problems(ref p) if p[0].to_string().starts_with("/nonexistent/t.toml: cannot read"))
    );
    assert_eq!(snapshot(&store), before);
    assert_eq!(common::all(&store), assessments);
    assert_eq!(journal_len(dir.path()), len);
}

#[test]
fn an_import_adds_or_replaces_and_keeps_roster_and_assessments() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::seeded(dir.path());
    common::rate(&store, common::AINI, 0, "rhk2", 3);
    let before = snapshot(&store);
    let assessments = common::all(&store);

    let outcome = run(&store, Path::new(VALID), false, Lang::En).expect("import");
    assert!(matches!(outcome, Outcome::Imported(ref p) if p.change == Change::New));
    let after = snapshot(&store);
    assert!(after.reference.template("arsiparis").is_some());
    assert_eq!(after.org, before.org);
    assert_eq!(after.active_period, before.active_period);
    assert_eq!(common::all(&store), assessments);

    // The same file again changes nothing and writes nothing.
    let len = journal_len(dir.path());
    let again = run(&store, Path::new(VALID), false, Lang::En).expect("again");
    assert!(matches!(again, Outcome::Unchanged(_)));
    assert_eq!(journal_len(dir.path()), len);

    // Replace analis-sdm without rhk2: AINI's rating of rhk2 stays stored.
    let mut t: Template = after.reference.template("analis-sdm").expect("t").clone();
    t.criteria.retain(|c| c.id != "rhk2");
    for c in &mut t.criteria {
        c.hasil = Some(kinerja::domain::template::HasilInfo {
            kind: kinerja::domain::template::RhkKind::Utama,
            iki: "IKI".into(),
            aspek: "Kuantitas".into(),
            target: "100%".into(),
        });
    }
    let file = dir.path().join("analis-sdm.toml");
    std::fs::write(&file, toml::to_string(&t).expect("toml")).expect("write");
    let outcome = run(&store, &file, false, Lang::En).expect("replace");
    let Outcome::Imported(p) = &outcome else {
        panic!("not imported: {outcome:?}")
    };
    let Change::Replace(d) = &p.change else {
        panic!("not a replacement")
    };
    assert_eq!(d.removed, ["rhk2"]);
    assert_eq!(d.people, 3);
    assert_eq!(d.kept_entries, 1);
    assert_eq!(d.changed, [("rhk1".to_string(), vec!["hasil"])]);
    let (lines, ok) = report(&outcome, Lang::En, dir.path());
    assert!(ok);
    assert!(lines[0].contains("used by 3 employees"), "{lines:?}");
    assert!(lines.iter().any(|l| l.contains("criteria removed: rhk2")));
    assert!(lines.iter().any(|l| l.contains("kept but no longer shown")));
    let stored = common::all(&store);
    assert_eq!(stored, assessments);
    assert_eq!(stored[0].rating("rhk2"), Some(3));
    // A new rating of the removed criterion is refused by the store.
    let req = Request::Edit {
        key: common::key(common::AINI),
        expected_revision: stored[0].revision,
        edit: Edit::SetRating {
            criterion: "rhk2".into(),
            rating: Some(1),
        },
    };
    let answer = store
        .execute(Some(&common::nip(common::KEPALA)), req)
        .expect("edit");
    assert!(matches!(answer, Response::Rejected(ref w) if w.contains("rhk2")));
    drop(store);
    // The journal replays the import: a rebuilt store has the new template.
    let reopened = common::open(dir.path());
    assert_eq!(
        snapshot(&reopened).reference.template("analis-sdm"),
        Some(&t)
    );
}

#[test]
fn ratings_of_a_removed_criterion_do_not_break_scoring_summary_or_export() {
    let mut s = Session::demo(Lang::Id);
    let nip = scoring_fresh(&mut s);
    // Rate everything at the top of its scale (extremes are fine here).
    rate_rest(&mut s, |_, scale| scale);
    let person = s
        .model
        .org
        .people
        .iter()
        .find(|p| p.nip.as_str() == nip)
        .expect("person")
        .clone();
    let old = s
        .model
        .reference
        .template(&person.template)
        .expect("template")
        .clone();
    let mut t = old.clone();
    let removed = t.criteria.remove(1);
    assert!(
        t.criteria.iter().any(|c| c
            .hasil
            .as_ref()
            .is_some_and(|h| h.kind == kinerja::domain::template::RhkKind::Utama)),
        "{} keeps an RHK Utama",
        t.id
    );
    // The appraiser's curated strengths name the criterion to be removed.
    let a = s.model.assessment(&person.nip).expect("rated").clone();
    let curation = Curation {
        strengths: vec![
            SummaryItem::Criterion(removed.id.clone()),
            SummaryItem::Free("Rajin".into()),
        ],
        improvements: Vec::new(),
    };
    let req = Request::Edit {
        key: a.key.clone(),
        expected_revision: a.revision,
        edit: Edit::SetCuration(Some(curation)),
    };
    let answer = s.store().execute(Some(&a.appraiser), req).expect("curate");
    assert!(matches!(answer, Response::Saved(_)), "{answer:?}");

    let file = s.dir.path().join("template.toml");
    std::fs::write(&file, toml::to_string(&t).expect("toml")).expect("write");
    let outcome = run(s.store(), &file, false, Lang::Id).expect("import");
    let (lines, ok) = report(&outcome, Lang::Id, s.dir.path());
    assert!(ok, "{lines:?}");
    assert!(
        lines.iter().any(|l| l.contains("tetap tersimpan")),
        "{lines:?}"
    );

    // A restart reads the new template; the old rating is still stored.
    let mut s = s.restart(Lang::Id);
    s.login_first();
    let stored = support::stored_rating(&s, &nip, 0);
    assert!(stored.is_some());
    let all = match s
        .store()
        .execute(None, Request::AllAssessments)
        .expect("all")
    {
        Response::Assessments { items, .. } => items,
        other => panic!("{other:?}"),
    };
    let mine = all.iter().find(|x| x.key == a.key).expect("the assessment");
    assert_eq!(mine.rating(&removed.id), Some(old.scale));

    // The summary (where the session resumed) and every scoring card draw
    // at both sizes; the removed criterion's descriptor is gone.
    assert_eq!(
        s.model.current_person().map(|p| p.nip.to_string()),
        Some(nip.clone())
    );
    s.act(Action::Summary);
    assert_eq!(s.model.screen, Screen::Summary);
    for (w, h) in [(80, 24), (120, 40)] {
        let screen = s.screen(w, h);
        assert!(!screen.contains(&removed.levels[0]), "{screen}");
        assert!(
            screen.contains(&format!("{} (tidak ada lagi di template)", removed.id)),
            "{screen}"
        );
    }
    s.act(Action::Scoring);
    assert_eq!(s.model.screen, Screen::Scoring);
    let n = s.model.criteria(&person).len();
    assert_eq!(n + 1, old.criteria.len() + 7, "one criterion fewer");
    s.model.criterion = 0;
    for i in 0..n {
        assert_eq!(s.model.criterion, i);
        for (w, h) in [(80, 24), (120, 40)] {
            let screen = s.screen(w, h);
            assert!(!screen.contains(&removed.name), "{screen}");
        }
        s.act(Action::NextCriterion);
    }
    assert_eq!(s.model.screen, Screen::Summary);

    // The summary ignores the rating; the export lists only live criteria.
    let snap = snapshot(s.store());
    let records = kinerja::io::export::records(&snap.org, &snap.reference, &all);
    let rec = records
        .iter()
        .find(|r| r.nip == nip && r.period == a.key.period)
        .expect("record");
    assert_eq!(rec.criteria.len(), n);
    assert!(rec.criteria.iter().all(|c| c.id != removed.id));
    // The curated strength still names it, by its id, without training.
    assert_eq!(rec.strengths[0].title, removed.id);
    assert!(rec.strengths[0].training.is_empty());
}

#[test]
fn the_command_line_prints_the_plan_or_the_problems() {
    let dir = support::seeded_dir();
    let kinerja = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_kinerja"))
            .arg("--data-dir")
            .arg(dir.path())
            .args(args)
            .output()
            .expect("run kinerja")
    };
    let out = kinerja(&["import", "template", VALID, "--dry-run"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "{out:?}");
    assert!(
        stdout.starts_with("Template baru \"arsiparis\""),
        "{stdout}"
    );
    assert!(stdout.contains("tidak ada yang ditulis"), "{stdout}");

    let bad = format!("{INVALID_DIR}/several_problems.toml");
    let out = kinerja(&["--lang", "en", "import", "template", &bad]);
    assert_eq!(out.status.code(), Some(1), "{out:?}");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(
        lines[0],
        "Import refused; nothing was changed. 3 problem(s):"
    );
    assert!(
        lines[1..].iter().all(|l| l.starts_with(&format!("{bad}:"))),
        "{stderr}"
    );
    assert_eq!(lines.len(), 4, "{stderr}");

    let out = kinerja(&["import", "template", VALID]);
    assert!(out.status.success(), "{out:?}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("diimpor ke"), "{stdout}");
}
