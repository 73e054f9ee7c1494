//! `kinerja export` through the real binary on a real store: JSON and CSV
//! carry every assessment with the fields the issue lists.

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_kinerja");

fn kinerja(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    let out = Command::new(BIN)
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .output()
        .expect("run kinerja");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

#[test]
fn json_export_has_every_assessment_with_its_summary() {
    let dir = tempfile::tempdir().expect("tempdir");
    kinerja(dir.path(), &["demo"]);
    let out = kinerja(dir.path(), &["export", "--format", "json"]);
    let records: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).expect("json");
    let demo = kinerja::data::demo().expect("demo");
    assert_eq!(records.len(), demo.assessments.len());

    // A completed 2026-S1 assessment carries predikat, ratings and lists.
    let done = records
        .iter()
        .find(|r| r["period"] == "2026-S1" && r["status"] == "acknowledged")
        .expect("a completed assessment");
    for field in [
        "nip",
        "name",
        "unit",
        "appraiser_nip",
        "appraiser_name",
        "predikat",
        "rating_hasil_kerja",
        "rating_perilaku_kerja",
    ] {
        assert!(done[field].is_string(), "{field} missing in {done}");
    }
    assert!(done["strengths"].is_array() && done["improvements"].is_array());
    // Completed means confirmed, with the SIASN codes of both ratings.
    assert_eq!(done["ratings_decided"], true);
    for code in ["siasn_hasil_kerja", "siasn_perilaku_kerja"] {
        assert!(
            (1..=3).contains(&done[code].as_u64().expect("code")),
            "{code}"
        );
    }
    // A draft in the active period carries only suggestions, and says so.
    let draft = records
        .iter()
        .find(|r| r["period"] == demo.active_period.as_str() && r["status"] == "draft")
        .expect("a draft");
    assert_eq!(draft["ratings_decided"], false);
    let c = &done["criteria"][0];
    assert!(c["rating"].is_u64() && c["label"].is_string() && c["note"].is_string());

    // The legacy period is scored numerically with a band.
    let legacy = records
        .iter()
        .find(|r| r["period"] == "2025")
        .expect("2025");
    let score = legacy["score"].as_f64().expect("score");
    assert!((0.0..=100.0).contains(&score));
    assert!(
        ["Sangat Baik", "Baik", "Cukup", "Kurang", "Buruk"]
            .contains(&legacy["predikat"].as_str().expect("band"))
    );
    // NIPs stay 18-digit text.
    assert!(
        records
            .iter()
            .all(|r| r["nip"].as_str().is_some_and(|n| n.len() == 18))
    );
}

#[test]
fn csv_export_to_a_file_has_one_row_per_criterion() {
    let dir = tempfile::tempdir().expect("tempdir");
    kinerja(dir.path(), &["demo"]);
    let file = dir.path().join("hasil.csv");
    let out = kinerja(
        dir.path(),
        &[
            "export",
            "--format",
            "csv",
            "--period",
            "2026-S1",
            "-o",
            file.to_str().expect("path"),
        ],
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("hasil.csv"));
    let mut rdr = csv::Reader::from_path(&file).expect("csv");
    let header: Vec<String> = rdr
        .headers()
        .expect("header")
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(header, kinerja::io::export::CSV_HEADER);
    let rows: Vec<csv::StringRecord> = rdr.records().collect::<Result<_, _>>().expect("rows");
    let demo = kinerja::data::demo().expect("demo");
    let expected: usize = demo
        .assessments
        .iter()
        .filter(|a| a.key.period == "2026-S1")
        .map(|a| {
            let p = demo.org.person(&a.key.employee).expect("person");
            demo.reference.criteria_of(p).len()
        })
        .sum();
    assert_eq!(rows.len(), expected);
    assert!(rows.iter().all(|r| &r[3] == "2026-S1"));
    // Names with apostrophes and non-ASCII letters survive the round trip.
    assert!(rows.iter().any(|r| r[1].contains('\'')));
    // No temp file is left beside the export.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .expect("dir")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert!(!names.iter().any(|n| n.contains(".tmp")), "{names:?}");
}

#[test]
fn help_documents_every_subcommand() {
    let out = Command::new(BIN).arg("--help").output().expect("help");
    let text = String::from_utf8_lossy(&out.stdout);
    for sub in ["demo", "export"] {
        assert!(text.contains(sub), "--help lacks {sub}:\n{text}");
    }
    let out = Command::new(BIN)
        .args(["export", "--help"])
        .output()
        .expect("help");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("json") && text.contains("xlsx"), "{text}");
}

#[test]
fn demo_refuses_to_overwrite_data_without_force() {
    let dir = tempfile::tempdir().expect("tempdir");
    kinerja(dir.path(), &["demo"]);
    let out = Command::new(BIN)
        .arg("--data-dir")
        .arg(dir.path())
        .arg("demo")
        .output()
        .expect("run");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("--force"));
    kinerja(dir.path(), &["demo", "--force"]);
}
