//! `cargo bench --bench reports`: the unit dashboard and the exports at
//! 1k and 10k employees, side by side in one run, printed as one table
//! (also written to `target/bench-reports.txt`). Nothing asserts a time.
//!
//! - dashboard, compute: the pure figures (`domain::dashboard::compute`)
//!   over records already in memory, for the running semester and for the
//!   ended one (mostly approved, so frozen records);
//! - dashboard, store: the whole `Request::Dashboard` in-process (reading
//!   and decoding the period's records, then computing);
//! - export: the real binary writing JSON, CSV and XLSX, with its wall
//!   time and peak resident memory (the child's `ru_maxrss`).

#[path = "support/report.rs"]
mod report;

use kinerja::domain::dashboard::{Input, compute};
use kinerja::domain::{Assessment, Nip};
use kinerja::store::{Request, Response, Store};
use report::{Cell, Row, kib, table};
use std::collections::HashMap;
use std::path::Path;
use std::time::{Duration, Instant};

const SIZES: [usize; 2] = [1_000, 10_000];
const COMPUTES: usize = 30;
const REQUESTS: usize = 10;
const EXPORTS: usize = 3;

fn timed<T>(f: impl FnOnce() -> T) -> (Duration, T) {
    let start = Instant::now();
    let out = f();
    (start.elapsed(), out)
}

/// Runs `kinerja export` as a child: its wall time and peak RSS in KiB
/// (`VmHWM`, read from /proc every 5 ms until it exits, so a peak in its
/// last few milliseconds may be missed).
fn export(dir: &Path, format: &str, out: &Path) -> (Duration, u64) {
    let start = Instant::now();
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .arg("--data-dir")
        .arg(dir)
        .args(["export", "--format", format, "-o"])
        .arg(out)
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("run kinerja export");
    let status_file = format!("/proc/{}/status", child.id());
    let mut peak = 0;
    let status = loop {
        if let Ok(text) = std::fs::read_to_string(&status_file)
            && let Some(kb) = text
                .lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok())
        {
            peak = peak.max(kb);
        }
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    assert!(status.success(), "export {format} failed");
    (start.elapsed(), peak)
}

struct Measured {
    compute_active: Vec<Duration>,
    compute_ended: Vec<Duration>,
    request_active: Vec<Duration>,
    request_ended: Vec<Duration>,
    judged_ended: usize,
    exports: Vec<(String, Vec<Duration>, u64, u64)>,
}

fn measure(n: usize, root: &Path) -> Measured {
    let dir = root.join(format!("data-{n}"));
    let demo = kinerja::data::synthetic(n, 1);
    let active = demo.active_period.clone();
    let ended = demo
        .org
        .periods
        .iter()
        .rev()
        .nth(1)
        .expect("an earlier period")
        .id
        .clone();
    let store = Store::open(&dir).expect("open");
    store.execute(None, demo.clone().into()).expect("seed");
    // The pure computation over records in memory.
    let compute_for = |period: &str| {
        let records: HashMap<&Nip, &Assessment> = demo
            .assessments
            .iter()
            .filter(|a| a.key.period == period)
            .map(|a| (&a.key.employee, a))
            .collect();
        let p = demo.org.period(period).expect("period");
        let scheme = demo.reference.scheme(&p.scheme).expect("scheme");
        let input = Input {
            period,
            ended: true,
            people: demo.org.people.iter().collect(),
            reference: &demo.reference,
            scheme,
            results: &[],
            rules: None,
            selfs: &[],
        };
        let mut times = Vec::with_capacity(COMPUTES);
        let mut judged = 0;
        for _ in 0..COMPUTES {
            let (t, d) = timed(|| compute(&input, |nip| records.get(nip).copied()));
            judged = d
                .units
                .iter()
                .map(kinerja::domain::dashboard::UnitFigures::judged)
                .sum();
            times.push(t);
        }
        (times, judged)
    };
    let (compute_active, _) = compute_for(&active);
    let (compute_ended, judged_ended) = compute_for(&ended);
    let request = |period: &str| {
        (0..REQUESTS)
            .map(|_| {
                let req = Request::Dashboard {
                    period: period.to_string(),
                };
                let (t, r) = timed(|| store.execute(None, req).expect("dashboard"));
                assert!(matches!(r, Response::Dashboard { .. }), "{r:?}");
                t
            })
            .collect::<Vec<_>>()
    };
    let request_active = request(&active);
    let request_ended = request(&ended);
    drop(store);
    let mut exports = Vec::new();
    for format in ["json", "csv", "xlsx"] {
        let out = root.join(format!("export-{n}.{format}"));
        let mut times = Vec::new();
        let mut peak = 0;
        for _ in 0..EXPORTS {
            let (t, rss) = export(&dir, format, &out);
            times.push(t);
            peak = peak.max(rss);
        }
        let size = std::fs::metadata(&out).map_or(0, |m| m.len());
        exports.push((format.to_string(), times, peak, size));
    }
    Measured {
        compute_active,
        compute_ended,
        request_active,
        request_ended,
        judged_ended,
        exports,
    }
}

fn main() {
    let root = tempfile::tempdir().expect("tempdir");
    let mut all = Vec::new();
    for n in SIZES {
        eprintln!("seeding and measuring {n} employees…");
        all.push(measure(n, root.path()));
    }
    let row = |name: &str, runs: usize, pick: &dyn Fn(&Measured) -> Cell, aim: &str| Row {
        name: name.into(),
        samples: runs.to_string(),
        cells: all.iter().map(pick).collect(),
        aim: aim.into(),
        note: String::new(),
    };
    let mut rows = vec![
        row(
            "dashboard compute, running period",
            COMPUTES,
            &|m| Cell::time(&m.compute_active, true),
            "≤ 100 ms at 10k",
        ),
        row(
            "dashboard compute, ended period",
            COMPUTES,
            &|m| Cell::time(&m.compute_ended, true),
            "≤ 100 ms at 10k",
        ),
        row(
            "dashboard request (read + compute), running",
            REQUESTS,
            &|m| Cell::time(&m.request_active, true),
            "",
        ),
        row(
            "dashboard request (read + compute), ended",
            REQUESTS,
            &|m| Cell::time(&m.request_ended, true),
            "",
        ),
    ];
    rows[1].note = format!(
        "{} results judged at 10k",
        all.last().map_or(0, |m| m.judged_ended)
    );
    for i in 0..3 {
        let format = all[0].exports[i].0.clone();
        rows.push(row(
            &format!("export {format}, wall"),
            EXPORTS,
            &|m| Cell::time(&m.exports[i].1, false),
            "",
        ));
        rows.push(row(
            &format!("export {format}, peak RSS"),
            EXPORTS,
            &|m| Cell::text(kib(m.exports[i].2), m.exports[i].2 as f64),
            "",
        ));
        rows.push(row(
            &format!("export {format}, file"),
            1,
            &|m| Cell::text(kib(m.exports[i].3 / 1024), m.exports[i].3 as f64),
            "",
        ));
    }
    let out = table(&SIZES, &rows);
    println!("{out}");
    let target = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/bench-reports.txt");
    let _ = std::fs::write(target, &out);
}
