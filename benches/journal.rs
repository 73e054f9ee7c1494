//! Journal benchmarks (`cargo bench --bench journal`): 100k journalled
//! edits on a 10k-employee store, then replaying them into a fresh store,
//! reopening the full store, and backup and restore. Prints one table.

#[allow(dead_code)]
#[path = "support/report.rs"]
mod report;

use kinerja::domain::{AssessmentKey, Edit};
use kinerja::store::{Request, Response, Store, backup, journal};
use report::{ms, pct};
use std::collections::HashMap;
use std::time::{Duration, Instant};

const EDITS: usize = 100_000;

fn timed<T>(f: impl FnOnce() -> T) -> (Duration, T) {
    let t = Instant::now();
    let v = f();
    (t.elapsed(), v)
}

fn main() {
    let root = tempfile::tempdir().expect("tempdir");
    let dir = root.path().join("data");
    let demo = kinerja::data::synthetic(10_000, 1);
    let period = demo.active_period.clone();
    let people: Vec<_> = demo
        .org
        .people
        .iter()
        .filter(|p| p.appraiser.is_some())
        .map(|p| {
            (
                p.nip.clone(),
                p.appraiser.clone(),
                demo.reference
                    .criteria_of(p)
                    .iter()
                    .map(|c| (c.criterion.id.clone(), c.scale))
                    .collect::<Vec<_>>(),
            )
        })
        .collect();
    let store = Store::open(&dir).expect("open");
    let revisions: HashMap<_, _> = demo
        .assessments
        .iter()
        .filter(|a| a.key.period == period)
        .map(|a| (a.key.employee.clone(), a.revision))
        .collect();
    let (seed_time, _) = timed(|| store.execute(None, demo.into()).expect("seed"));
    let mut revisions = revisions;
    let mut saves = Vec::with_capacity(EDITS);
    eprintln!("journalling {EDITS} edits (one fsync each)…");
    let mut frozen = std::collections::HashSet::new();
    for i in 0.. {
        if saves.len() == EDITS {
            break;
        }
        let (nip, appraiser, criteria) = &people[i % people.len()];
        if frozen.contains(nip) {
            continue;
        }
        let (criterion, scale) = &criteria[(i / people.len()) % criteria.len()];
        let rev = revisions.get(nip).copied().unwrap_or(0);
        let req = Request::Edit {
            key: AssessmentKey {
                period: period.clone(),
                employee: nip.clone(),
            },
            expected_revision: rev,
            edit: Edit::SetRating {
                criterion: criterion.clone(),
                rating: Some(1 + (i % usize::from(*scale)) as u8),
            },
        };
        let (d, r) = timed(|| store.execute(appraiser.as_ref(), req).expect("edit"));
        match r {
            Response::Saved(a) => {
                revisions.insert(nip.clone(), a.revision);
            }
            // A completed demo assessment refuses edits: skip that person.
            Response::Rejected(_) => {
                frozen.insert(nip.clone());
                continue;
            }
            other => panic!("unexpected {other:?}"),
        }
        saves.push(d);
    }
    drop(store);
    let jpath = dir.join(journal::FILE);
    let entries = journal::verify(&jpath).expect("journal").entries.len();
    let jbytes = std::fs::metadata(&jpath).expect("journal").len();

    let mut replays = Vec::new();
    for i in 0..3 {
        let fresh = root.path().join(format!("replay-{i}"));
        std::fs::create_dir_all(&fresh).expect("dir");
        std::fs::copy(&jpath, fresh.join(journal::FILE)).expect("copy");
        let (d, s) = timed(|| Store::open(&fresh).expect("replay"));
        replays.push(d);
        drop(s);
    }
    let mut reopens = Vec::new();
    for _ in 0..5 {
        let (d, s) = timed(|| Store::open(&dir).expect("reopen"));
        reopens.push(d);
        drop(s);
    }
    let (verify_time, _) = timed(|| journal::verify(&jpath).expect("verify"));
    let file = root.path().join("kinerja.bak");
    let mut backups = Vec::new();
    for _ in 0..3 {
        let (d, _) = timed(|| backup::backup(&dir, &file).expect("backup"));
        backups.push(d);
    }
    let mut restores = Vec::new();
    for i in 0..3 {
        let target = root.path().join(format!("restored-{i}"));
        let (d, _) = timed(|| backup::restore(&file, &target, false, 1).expect("restore"));
        restores.push(d);
    }

    let rows = [
        (
            "seed 10k employees (journal + sled)",
            "1",
            ms(seed_time),
            String::new(),
        ),
        (
            "journalled edit (append + fdatasync + sled)",
            &EDITS.to_string(),
            ms(pct(&saves, 0.5)),
            ms(pct(&saves, 0.99)),
        ),
        (
            "replay whole journal into a fresh store",
            "3",
            ms(pct(&replays, 0.5)),
            String::new(),
        ),
        (
            "reopen the full store (nothing to replay)",
            "5",
            ms(pct(&reopens, 0.5)),
            String::new(),
        ),
        (
            "audit verify (full chain)",
            "1",
            ms(verify_time),
            String::new(),
        ),
        (
            "backup (store in use)",
            "3",
            ms(pct(&backups, 0.5)),
            String::new(),
        ),
        (
            "restore (check + replay + swap)",
            "3",
            ms(pct(&restores, 0.5)),
            String::new(),
        ),
    ];
    let mut out = format!(
        "Kinerja journal bench: 10k employees, {entries} journal entries, {:.1} MiB journal\n\n{:<46} {:>7} {:>10} {:>10}\n",
        jbytes as f64 / f64::from(1u32 << 20),
        "measurement",
        "runs",
        "p50",
        "p99"
    );
    for (name, runs, p50, p99) in rows {
        out.push_str(&format!("{name:<46} {runs:>7} {p50:>10} {p99:>10}\n"));
    }
    print!("{out}");
    let _ = std::fs::write("target/bench-journal.txt", &out);
}
