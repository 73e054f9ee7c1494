//! `kinerja import template`: every broken fixture in
//! `tests/invalid_templates/` is refused with `file:line: field` and a
//! message in the UI language; a good file adds or replaces a template in
//! a real store without touching the roster or any assessment; a refused
//! import or a dry run writes nothing.

mod common;
mod support;

use kinerja::domain::assessment::{Curation, SummaryItem};
use kinerja::domain::{Edit, Template};
use kinerja::i18n::Lang;
use kinerja::io::import::template::{Change, Outcome, plan, report, run};
use kinerja::store::{Request, Response, Snapshot, Store};
use kinerja::tui::action::Action;
use kinerja::tui::model::Screen;
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use support::{Session, rate_rest, scoring_fresh};

const INVALID_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/invalid_templates");
const VALID: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/valid_templates/arsiparis.toml"
);

/// The demo's roster, reference data and assessments, as a store holds them.
fn demo() -> &'static (Snapshot, Vec<kinerja::domain::Assessment>) {
    static DEMO: OnceLock<(Snapshot, Vec<kinerja::domain::Assessment>)> = OnceLock::new();
    DEMO.get_or_init(|| {
        let d = kinerja::data::demo().expect("demo");
        let snapshot = Snapshot {
            org: d.org,
            reference: d.reference,
            active_period: Some(d.active_period),
            last_user: None,
            corrupt: Vec::new(),
        };
        (snapshot, d.assessments)
    })
}

/// (fixture, where the first problem is: `:line: field:`, a fragment of
/// its English message, a fragment of its Indonesian message).
const INVALID: &[(&str, &str, &str, &str)] = &[
    (
        "duplicate_criterion_id",
        ":23: criteria[1].id: ",
        "\"arsip-penataan\" is used twice",
        "dipakai dua kali",
    ),
    (
        "empty_descriptor",
        ":27: criteria[1].levels: ",
        "level 2 has no descriptor",
        "tingkat 2 tidak punya deskriptor",
    ),
    (
        "too_few_levels",
        ":11: criteria[0].levels: ",
        "scale 3 needs 3 level descriptors",
        "perlu 3 deskriptor",
    ),
    (
        "levels_for_other_scale",
        ":11: criteria[0].levels: ",
        "scale 5 needs 5 level descriptors (lowest first), found 3",
        "tertulis 3",
    ),
    (
        "scale_out_of_range",
        ":4: scale: ",
        "between 2 and 10 levels, found 1",
        "skala harus 2 sampai 10",
    ),
    (
        "unknown_aspect",
        ":24: criteria[1].aspect: ",
        "unknown value `hasil`; choose `hasil_kerja` or `perilaku_kerja`",
        "pilihan: `hasil_kerja` atau `perilaku_kerja`",
    ),
    (
        "bad_aspek",
        ":19: criteria[0].aspek: ",
        "one of Kuantitas, Kualitas, Waktu, Biaya, found \"Kecepatan\"",
        "tertulis \"Kecepatan\"",
    ),
    (
        "scale_as_string",
        ":4: scale: ",
        "invalid type: text \"3\", expected a whole number 0–255",
        "jenis nilai salah: teks \"3\"",
    ),
    (
        "levels_not_a_list",
        ":11: criteria[0].levels: ",
        "expected a list",
        "seharusnya daftar",
    ),
    (
        "unknown_top_field",
        ":3: nama: ",
        "unknown field `nama`; known fields: `id`, `name`",
        "kolom `nama` tidak dikenal",
    ),
    (
        "unknown_criterion_field",
        ":26: criteria[1].deskripsi: ",
        "unknown field `deskripsi`",
        "yang dikenal: `id`, `aspect`",
    ),
    (
        "unknown_hasil_field",
        ":21: criteria[0].hasil.satuan: ",
        "known fields: `kind`, `iki`, `aspek`, `target`",
        "kolom `satuan` tidak dikenal",
    ),
    (
        "bad_rhk_kind",
        ":33: criteria[1].hasil.kind: ",
        "unknown value `pokok`; choose `utama` or `tambahan`",
        "nilai `pokok` tidak dikenal",
    ),
    (
        "missing_hasil",
        ":22: criteria[1].hasil: ",
        "needs [criteria.hasil]",
        "perlu [criteria.hasil]",
    ),
    (
        "hasil_on_perilaku",
        ":22: criteria[1].hasil: ",
        "only hasil_kerja criteria have [criteria.hasil]",
        "hapus bagian itu atau ubah aspect",
    ),
    (
        "no_utama",
        ":6: criteria: ",
        "at least one RHK Utama",
        "sedikitnya satu RHK Utama",
    ),
    (
        "empty_target",
        ":18: criteria[0].iki: ",
        "iki and target must not be empty",
        "tidak boleh kosong",
    ),
    (
        "missing_name",
        ":22: criteria[1]: ",
        "missing field `name`",
        "kolom `name` wajib diisi",
    ),
    (
        // The parser notices the runaway string on the next line.
        "syntax_unclosed_string",
        ":14: ",
        "missing comma between array elements",
        "TOML tidak valid: ",
    ),
    (
        "syntax_missing_equals",
        ":26: ",
        "key with no value, expected `=`",
        "TOML tidak valid: ",
    ),
    (
        "syntax_unclosed_header",
        ":22: ",
        "unclosed array table",
        "TOML tidak valid: ",
    ),
    ("duplicate_key", ":10: ", "duplicate key", "kunci ganda"),
    (
        "criteria_as_table",
        ":6: criteria: ",
        "invalid type: a table, expected a list",
        "jenis nilai salah: tabel, seharusnya daftar",
    ),
    (
        "no_criteria",
        ":5: criteria: ",
        "at least one [[criteria]]",
        "sedikitnya satu [[criteria]]",
    ),
    ("empty_id", ":2: id: ", "a template needs an id", "perlu id"),
    (
        "empty",
        ":1: ",
        "missing field `id`",
        "kolom `id` wajib diisi",
    ),
    (
        "invalid_utf8",
        ":13: ",
        "not valid UTF-8 (byte 375)",
        "simpan berkas sebagai UTF-8",
    ),
    (
        "id_case_clash",
        ":2: id: ",
        "differs from the existing template \"guru\" only in letter case",
        "tulis \"guru\" persis",
    ),
    (
        "criterion_taken",
        ":23: criteria[1].id: ",
        "\"guru-komunikasi-masyarakat\" is also used in template \"guru\"",
        "harus unik di semua template",
    ),
    (
        "behaviour_with_hasil",
        ":8: criteria[0].aspect: ",
        "the behaviour template may only hold perilaku_kerja criteria",
        "hanya boleh berisi kriteria perilaku_kerja",
    ),
    (
        "scale_without_points",
        ":4: scale: ",
        "scheme \"pp-46-2011\" has no points table for scale 4; use scale 3, 5",
        "tidak punya tabel poin untuk skala 4",
    ),
    (
        "scale_shrinks",
        ":8: scale: ",
        "stored ratings are above scale 3",
        "pakai skala sedikitnya 5",
    ),
    (
        "several_problems",
        ":19: criteria[0].aspek: ",
        "found \"Kecepatan\"",
        "tertulis \"Kecepatan\"",
    ),
];

fn read_fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{INVALID_DIR}/{name}.toml")).expect(name)
}

/// True when `text` starts with `file:<digits>:`.
fn starts_with_file_line(text: &str, file: &str) -> bool {
    text.strip_prefix(file)
        .and_then(|r| r.strip_prefix(':'))
        .and_then(|r| r.split_once(':'))
        .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

#[test]
fn every_invalid_template_is_refused_with_file_line_and_field() {
    let (snapshot, assessments) = demo();
    let mut wrong = Vec::new();
    for (fixture, located, en, id) in INVALID {
        let file = format!("{fixture}.toml");
        let bytes = read_fixture(fixture);
        for (lang, fragment) in [(Lang::En, en), (Lang::Id, id)] {
            let problems = match plan(&file, &bytes, snapshot, assessments, lang) {
                Ok(p) => {
                    wrong.push(format!("{fixture}: accepted as {:?}", p.change));
                    continue;
                }
                Err(p) => p,
            };
            let first = problems[0].to_string();
            let prefix = format!("{file}{located}");
            if !first.starts_with(&prefix) || !first.contains(fragment) {
                wrong.push(format!(
                    "{fixture} ({lang:?}): want `{prefix}…{fragment}…`, got `{first}`"
                ));
            }
            for p in &problems {
                if !starts_with_file_line(&p.to_string(), &file) {
                    wrong.push(format!("{fixture}: no line in `{p}`"));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_fixture_in_the_folder_is_in_the_table() {
    let listed: HashSet<&str> = INVALID.iter().map(|(f, ..)| *f).collect();
    assert_eq!(listed.len(), INVALID.len(), "a fixture is listed twice");
    let mut on_disk = Vec::new();
    for entry in std::fs::read_dir(INVALID_DIR).expect("dir") {
        let path = entry.expect("entry").path();
        let stem = path
            .file_stem()
            .expect("stem")
            .to_string_lossy()
            .into_owned();
        assert!(listed.contains(stem.as_str()), "{stem} is not in the table");
        on_disk.push(stem);
    }
    assert_eq!(on_disk.len(), INVALID.len(), "a listed fixture is missing");
}

#[test]
fn every_problem_is_listed_in_line_order() {
    let (snapshot, assessments) = demo();
    let bytes = read_fixture("several_problems");
    let problems = plan("s.toml", &bytes, snapshot, assessments, Lang::En).expect_err("refused");
    let at: Vec<String> = problems
        .iter()
        .map(|p| {
            format!(
                "{}: {}",
                p.line.unwrap_or(0),
                p.field.as_deref().unwrap_or("")
            )
        })
        .collect();
    assert_eq!(
        at,
        [
            "19: criteria[0].aspek",
            "23: criteria[1].id",
            "27: criteria[1].levels"
        ]
    );
}

#[test]
fn a_new_template_and_an_identical_one_are_planned_as_such() {
    let (snapshot, assessments) = demo();
    let bytes = std::fs::read(VALID).expect("valid");
    let p = plan("arsiparis.toml", &bytes, snapshot, assessments, Lang::Id).expect("valid");
    assert_eq!(p.change, Change::New);
    assert_eq!(
        p.reference.templates.len(),
        snapshot.reference.templates.len() + 1
    );
    for (file, src) in kinerja::data::TEMPLATES {
        let p = plan(file, src.as_bytes(), snapshot, assessments, Lang::Id).expect(file);
        assert_eq!(p.change, Change::Same, "{file}");
        assert_eq!(p.reference, snapshot.reference, "{file}");
    }
}

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
    for (fixture, ..) in INVALID {
        let path = PathBuf::from(format!("{INVALID_DIR}/{fixture}.toml"));
        let outcome = run(&store, &path, false, Lang::Id).expect(fixture);
        assert!(
            matches!(outcome, Outcome::Problems(_)),
            "{fixture}: {outcome:?}"
        );
        assert_eq!(snapshot(&store), before, "{fixture}");
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
