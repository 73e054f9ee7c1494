//! `kinerja report` through the real binary and the real renderer: one
//! readable A4 page per employee (rendered to PDF by headless Chromium,
//! pages counted), the unit's files, a pinned HTML snapshot, escaping,
//! and clear refusals.

mod support;

use kinerja::domain::Status;
use kinerja::io::report::{Page, document, page};
use kinerja::store::{Request, Response, Store};
use std::path::Path;
use std::process::Command;
use support::tmux::{kinerja, load_demo};

const UNIT: &str = "sdn-12-ambon";
const PERIOD: &str = "2026-S1";

/// The unit's approved records of the ended semester, with the store's
/// roster and reference data.
fn unit_pages(dir: &Path) -> (Vec<String>, usize) {
    let store = Store::open(dir).expect("open");
    let Response::Snapshot(snap) = store.execute(None, Request::Snapshot).expect("snap") else {
        panic!("snapshot");
    };
    let req = Request::Assessments {
        period: PERIOD.into(),
        employees: None,
    };
    let Response::Assessments { items, .. } = store.execute(None, req).expect("read") else {
        panic!("assessments");
    };
    let period = snap.org.period(PERIOD).expect("period").clone();
    let in_unit: Vec<_> = items
        .iter()
        .filter(|a| {
            snap.org
                .people
                .iter()
                .any(|p| p.nip == a.key.employee && p.unit == UNIT)
        })
        .collect();
    let pages = in_unit
        .iter()
        .map(|a| {
            page(&Page {
                org: &snap.org,
                reference: &snap.reference,
                period: &period,
                assessment: a,
                unit_result: None,
            })
        })
        .collect();
    (pages, in_unit.len())
}

/// Prints `html` to PDF with headless Chromium; the PDF's bytes.
fn print_pdf(html: &Path) -> Vec<u8> {
    let out = html.with_extension("pdf");
    let profile = tempfile::tempdir().expect("profile");
    for _ in 0..2 {
        let status = Command::new("chromium")
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-pdf-header-footer",
                // Small /dev/shm in containers crashes the renderer.
                "--disable-dev-shm-usage",
            ])
            .arg(format!("--user-data-dir={}", profile.path().display()))
            .arg(format!("--print-to-pdf={}", out.display()))
            .arg(format!("file://{}", html.display()))
            .stderr(std::process::Stdio::null())
            .status()
            .expect("chromium (Debian's package; .ci/run installs it)");
        if status.success() && out.exists() {
            return std::fs::read(&out).expect("pdf");
        }
    }
    panic!("chromium did not print {}", html.display());
}

/// Page objects (`/Type /Page`, not `/Pages`) and their media boxes.
fn pdf_pages(pdf: &[u8]) -> (usize, Vec<(f64, f64)>) {
    let text = String::from_utf8_lossy(pdf);
    let pages = text
        .match_indices("/Type")
        .filter(|(i, _)| {
            let rest = text[i + 5..].trim_start();
            rest.starts_with("/Page") && !rest.starts_with("/Pages")
        })
        .count();
    let boxes = text
        .match_indices("/MediaBox")
        .filter_map(|(i, _)| {
            let rest = &text[i..];
            let inner = &rest[rest.find('[')? + 1..rest.find(']')?];
            let n: Vec<f64> = inner
                .split_whitespace()
                .filter_map(|x| x.parse().ok())
                .collect();
            (n.len() == 4).then(|| (n[2] - n[0], n[3] - n[1]))
        })
        .collect();
    (pages, boxes)
}

#[test]
fn a_unit_prints_as_one_a4_page_per_employee() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let data = tmp.path().join("data");
    load_demo(&data);
    let (pages, n) = unit_pages(&data);
    assert!(n >= 5, "the school has staff: {n}");
    let html = tmp.path().join("unit.html");
    std::fs::write(&html, document("SD Negeri 12 Ambon", &pages)).expect("write");
    let (count, boxes) = pdf_pages(&print_pdf(&html));
    assert_eq!(count, n, "one page per employee");
    for (w, h) in boxes {
        // A4 is 595 × 842 points.
        assert!(
            (w - 595.0).abs() < 2.0 && (h - 842.0).abs() < 2.0,
            "{w}×{h}"
        );
    }
}

#[test]
fn the_cli_writes_a_file_per_employee_and_the_recap() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let data = tmp.path().join("data");
    load_demo(&data);
    let out = tmp.path().join("laporan");
    let run = |args: &[&str]| {
        let o = kinerja(&data, &[&["--lang", "en"], args].concat());
        (
            o.status.success(),
            String::from_utf8_lossy(&o.stderr).into_owned(),
        )
    };
    let (ok, text) = run(&[
        "report",
        "--unit",
        UNIT,
        "--period",
        PERIOD,
        "-o",
        out.to_str().expect("path"),
    ]);
    assert!(ok, "{text}");
    let (_, n) = unit_pages(&data);
    let files = std::fs::read_dir(&out).expect("dir").count();
    assert_eq!(files, n + 1, "each employee and index.html");
    let index = std::fs::read_to_string(out.join("index.html")).expect("index");
    assert!(index.contains("REKAPITULASI") && index.contains("SD Negeri 12 Ambon"));
    let (recap_pages, _) = pdf_pages(&print_pdf(&out.join("index.html")));
    assert_eq!(recap_pages, 1);
    // One employee to a file; unknown ones are named.
    let one = tmp.path().join("satu.html");
    let first = std::fs::read_dir(&out)
        .expect("dir")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .find(|f| f != "index.html")
        .expect("a file");
    let nip = first.trim_end_matches(".html");
    let (ok, text) = run(&[
        "report",
        "--employee",
        nip,
        "--period",
        PERIOD,
        "-o",
        one.to_str().expect("path"),
    ]);
    assert!(ok, "{text}");
    assert!(std::fs::read_to_string(&one).expect("html").contains(nip));
    let (ok, text) = run(&["report", "--employee", "199001012020011001", "-o", "x.html"]);
    assert!(
        !ok && text.contains("NIP 199001012020011001 is not on the roster"),
        "{text}"
    );
    let (ok, text) = run(&["report", "--unit", "dinas-x", "-o", "x"]);
    assert!(
        !ok && text.contains("Unit dinas-x is not on the roster"),
        "{text}"
    );
    let (ok, text) = run(&["report", "--unit", UNIT, "--period", "2030", "-o", "x"]);
    assert!(!ok && text.contains("Period 2030 does not exist"), "{text}");
}

#[test]
fn a_page_is_pinned_and_escapes_what_it_shows() {
    let demo = kinerja::data::demo().expect("demo");
    let a = demo
        .assessments
        .iter()
        .find(|a| a.key.period == PERIOD && a.status == Status::Acknowledged)
        .expect("an accepted result");
    let period = demo.org.period(PERIOD).expect("period");
    let html = page(&Page {
        org: &demo.org,
        reference: &demo.reference,
        period,
        assessment: a,
        unit_result: Some(kinerja::domain::org_result::OrgResult::Baik),
    });
    insta::assert_snapshot!("report_page", html);
    // A name with markup in it is text, never markup.
    let mut org = demo.org.clone();
    let mut b = a.clone();
    if let Some(f) = b.frozen.as_mut() {
        f.person.name = "<script>alert(1)</script> & Co".into();
    }
    for p in org.people.iter_mut().filter(|p| p.nip == a.key.employee) {
        p.name = "<script>alert(1)</script> & Co".into();
    }
    let html = page(&Page {
        org: &org,
        reference: &demo.reference,
        period,
        assessment: &b,
        unit_result: None,
    });
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co"));
    assert!(!html.contains("<script>"));
}
