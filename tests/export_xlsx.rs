//! `kinerja export --format xlsx` through the real binary on a real store:
//! the workbook, reopened with calamine, holds what the JSON export of the
//! same store holds — every record on its unit's sheet, the summary's
//! counts — and a failed or refused export leaves no file.

mod common;
#[path = "common/workbook.rs"]
mod workbook;

use calamine::Data;
use kinerja::domain::Status;
use kinerja::i18n::ID;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::{Command, Output};
use workbook::{HEADER, cell_text, count, expected_row, sheets, status, text};

const BIN: &str = env!("CARGO_BIN_EXE_kinerja");

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .output()
        .expect("run kinerja")
}

fn ok(dir: &Path, args: &[&str]) -> Output {
    let out = run(dir, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Exports the store in `dir` as JSON and as a workbook and checks that
/// they agree: sheets, rows, summary. Returns the workbook's sheets.
fn workbook_matches_json(dir: &Path, period: Option<&str>) -> Vec<(String, Vec<Vec<Data>>)> {
    let file = dir.join("hasil.xlsx");
    let mut args = vec![
        "export",
        "--format",
        "xlsx",
        "-o",
        file.to_str().expect("path"),
    ];
    let mut json_args = vec!["export", "--format", "json"];
    if let Some(p) = period {
        args.extend(["--period", p]);
        json_args.extend(["--period", p]);
    }
    let out = ok(dir, &args);
    assert!(out.stdout.is_empty(), "stdout stays clean");
    let records: Vec<Value> = serde_json::from_slice(&ok(dir, &json_args).stdout).expect("json");
    assert!(!records.is_empty());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(&format!("{} penilaian", records.len())),
        "{stderr}"
    );
    let book = sheets(&file);

    // The summary first; then one sheet per unit, each named once.
    assert_eq!(book[0].0, "Ringkasan");
    let summary = &book[0].1;
    let head: Vec<String> = summary[0].iter().map(cell_text).collect();
    assert_eq!(
        head[..5],
        ["Periode", "Kode Unit", "Unit", "Lembar", "Jumlah Penilaian"]
    );
    assert_eq!(head.last().map(String::as_str), Some("Tanpa Predikat"));
    let units: BTreeMap<&str, Vec<&Value>> = records.iter().fold(BTreeMap::new(), |mut m, r| {
        m.entry(r["unit_id"].as_str().expect("unit_id"))
            .or_default()
            .push(r);
        m
    });
    assert_eq!(book.len(), 1 + units.len());

    // Every unit sheet: the header, then the unit's records in export order.
    let mut sheet_of: BTreeMap<String, String> = BTreeMap::new();
    for (name, rows) in &book[1..] {
        assert_eq!(rows[0], HEADER.map(|h| Data::String(h.into())), "{name}");
        let unit = cell_text(&rows[1][2]);
        let want: Vec<Vec<Data>> = units[unit.as_str()]
            .iter()
            .map(|r| expected_row(r))
            .collect();
        let got: Vec<Vec<Data>> = rows[1..]
            .iter()
            .map(|r| {
                let mut r = r.clone();
                r.resize(HEADER.len(), Data::Empty);
                r
            })
            .collect();
        assert_eq!(got, want, "sheet {name}");
        // NIPs are text cells, all 18 digits.
        for r in &rows[1..] {
            for c in [0, 5] {
                let Data::String(nip) = &r[c] else {
                    panic!("{name}: NIP cell {:?} is not text", r[c]);
                };
                assert!(
                    nip.len() == 18 && nip.bytes().all(|b| b.is_ascii_digit()),
                    "{nip}"
                );
            }
        }
        assert!(sheet_of.insert(unit, name.clone()).is_none());
    }

    // The summary's counts per period and unit, then one total per period.
    let col = |h: &str| {
        head.iter()
            .position(|x| x == h)
            .unwrap_or_else(|| panic!("{h}"))
    };
    let expect = |rs: &[&Value], row: &[Data]| {
        assert_eq!(count(&row[4]), rs.len());
        for s in Status::ALL {
            let n = rs.iter().filter(|r| status(r) == s).count();
            assert_eq!(count(&row[col(ID.state(s))]), n, "{s:?} in {row:?}");
        }
        for h in &head[5 + Status::ALL.len()..head.len() - 1] {
            let n = rs.iter().filter(|r| r["predikat"] == h.as_str()).count();
            assert_eq!(count(&row[col(h)]), n, "{h} in {row:?}");
        }
        let none = rs.iter().filter(|r| r["predikat"].is_null()).count();
        assert_eq!(count(&row[head.len() - 1]), none);
    };
    let mut rows = summary[1..].iter();
    let mut seen = 0;
    for row in rows
        .by_ref()
        .take_while(|r| r.iter().any(|d| *d != Data::Empty))
    {
        let (period, unit) = (cell_text(&row[0]), cell_text(&row[1]));
        let rs: Vec<&Value> = units[unit.as_str()]
            .iter()
            .copied()
            .filter(|r| r["period"] == period.as_str())
            .collect();
        assert_eq!(cell_text(&row[2]), rs[0]["unit"].as_str().expect("unit"));
        assert_eq!(cell_text(&row[3]), sheet_of[&unit]);
        expect(&rs, row);
        seen += rs.len();
    }
    assert_eq!(seen, records.len(), "every record is counted once");
    let mut periods: Vec<&str> = records
        .iter()
        .map(|r| r["period"].as_str().expect("p"))
        .collect();
    periods.sort_unstable();
    periods.dedup();
    let totals: Vec<&Vec<Data>> = rows.collect();
    assert_eq!(totals.len(), periods.len());
    for (row, p) in totals.into_iter().zip(periods) {
        assert_eq!(
            (cell_text(&row[0]).as_str(), cell_text(&row[2]).as_str()),
            (p, "Jumlah")
        );
        let rs: Vec<&Value> = records.iter().filter(|r| r["period"] == p).collect();
        expect(&rs, row);
    }
    book
}

#[test]
fn the_demo_workbook_holds_what_the_json_export_holds() {
    let dir = tempfile::tempdir().expect("tempdir");
    ok(dir.path(), &["demo"]);
    let book = workbook_matches_json(dir.path(), None);
    // Long unit names are cut to Excel's 31 characters.
    let names: Vec<&str> = book.iter().map(|(n, _)| n.as_str()).collect();
    assert!(
        names.contains(&"Badan Kepegawaian dan Pengemban"),
        "{names:?}"
    );
    // The legacy period's score is a number; 2026-S1 has predikat columns
    // of its scheme even where nobody has them.
    let head: Vec<String> = book[0].1[0].iter().map(cell_text).collect();
    for grade in [
        "Sangat Baik",
        "Butuh Perbaikan",
        "Sangat Kurang",
        "Cukup",
        "Buruk",
    ] {
        assert!(head.iter().any(|h| h == grade), "{grade} in {head:?}");
    }
    // One period only.
    let one = workbook_matches_json(dir.path(), Some("2026-S1"));
    assert!(
        one[1..]
            .iter()
            .all(|(_, rows)| rows[1..].iter().all(|r| r[4] == text("2026-S1")))
    );
}

#[test]
fn units_with_awkward_or_shared_names_get_valid_distinct_sheets() {
    use common::{AINI, KEPALA, RUDY, nip};
    use kinerja::domain::{Edit, Unit};
    use kinerja::store::{Exec, Request, Response, Store};
    const MARUF: &str = "198807202012121002";
    let dir = tempfile::tempdir().expect("tempdir");
    let awkward = "Bidang Sarana/Prasarana: [Gedung] *Utama*?";
    {
        let store = Store::open(dir.path()).expect("store");
        let Request::Seed {
            mut org,
            reference,
            active_period,
            ..
        } = common::seed_request()
        else {
            unreachable!()
        };
        org.units = vec![
            Unit {
                id: "sarpras-a".into(),
                name: awkward.into(),
                parent: None,
            },
            Unit {
                id: "sarpras-b".into(),
                name: awkward.into(),
                parent: None,
            },
            Unit {
                id: "ringkasan".into(),
                name: "'Ringkasan'".into(),
                parent: None,
            },
        ];
        org.people
            .push(common::person(MARUF, "Ma'ruf Tuasikal", Some(KEPALA)));
        let units = ["sarpras-a", "sarpras-a", "sarpras-b", "ringkasan"];
        for (p, unit) in org.people.iter_mut().zip(units) {
            p.unit = unit.into();
        }
        let seed = Request::Seed {
            org,
            reference,
            assessments: Vec::new(),
            active_period,
        };
        assert_eq!(store.execute(None, seed).expect("seed"), Response::Done);
        let rev = common::rate(&store, AINI, 0, "rhk1", 3).revision;
        common::rate(&store, RUDY, 0, "rhk2", 1);
        common::rate(&store, MARUF, 0, "pelayanan", 5);
        // A note that a spreadsheet would run as a formula stays text.
        let note = Request::Edit {
            key: common::key(AINI),
            expected_revision: rev,
            edit: Edit::SetNote {
                criterion: "rhk1".into(),
                note: "=HYPERLINK(\"http://x\")".into(),
            },
        };
        assert!(matches!(
            store.exec(Some(&nip(KEPALA)), note).expect("note"),
            Response::Saved(_)
        ));
    }
    let book = workbook_matches_json(dir.path(), None);
    let names: Vec<&str> = book.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "Ringkasan",
            "Ringkasan (2)",
            "Bidang Sarana-Prasarana- -Gedun",
            "Bidang Sarana-Prasarana- -G (2)"
        ]
    );
    let aini = book[1..]
        .iter()
        .flat_map(|(_, rows)| rows)
        .find(|r| r[0] == text(AINI))
        .expect("AINI's row");
    assert_eq!(aini[19], text("rhk1: =HYPERLINK(\"http://x\")"));
}

#[test]
fn a_workbook_needs_an_output_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    ok(dir.path(), &["demo"]);
    for (lang, words) in [("id", "-o BERKAS.xlsx"), ("en", "-o FILE.xlsx")] {
        let out = run(dir.path(), &["--lang", lang, "export", "--format", "xlsx"]);
        assert!(!out.status.success());
        assert!(out.stdout.is_empty(), "nothing binary reaches the terminal");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(words), "{lang}: {err}");
    }
}

#[test]
fn a_failed_write_leaves_no_file_and_says_why() {
    let store = tempfile::tempdir().expect("tempdir");
    ok(store.path(), &["demo"]);
    let dir = tempfile::tempdir().expect("tempdir");
    let listing = || {
        let mut names: Vec<_> = std::fs::read_dir(dir.path())
            .expect("dir")
            .map(|e| e.expect("entry").file_name())
            .filter(|n| n != "hasil.xlsx")
            .collect();
        names.sort();
        names
    };
    let before = listing();
    // A folder that does not exist.
    let missing = dir.path().join("tidak-ada").join("hasil.xlsx");
    // A target that cannot be replaced: a folder with something in it.
    let busy = dir.path().join("hasil.xlsx");
    std::fs::create_dir(&busy).expect("dir");
    std::fs::write(busy.join("isi"), "x").expect("x");
    for format in ["xlsx", "csv", "json"] {
        for target in [&missing, &busy] {
            let path = target.to_str().expect("path");
            let out = run(store.path(), &["export", "--format", format, "-o", path]);
            assert!(!out.status.success(), "{format} to {path}");
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(
                err.contains(&format!("Tidak dapat menulis {path}")),
                "{err}"
            );
            assert!(err.contains("Tidak ada berkas yang dibuat"), "{err}");
        }
    }
    assert!(!missing.exists() && !missing.parent().expect("parent").exists());
    assert_eq!(listing(), before, "no temp file is left behind");
    assert_eq!(std::fs::read_dir(&busy).expect("busy").count(), 1);
}
