//! `cargo bench --bench daemon`: what the daemon costs a client, side by
//! side with the store in-process, printed as one table (also written to
//! `target/bench-daemon.txt`). Nothing here asserts a time; the one
//! assertion is correctness: no acknowledged save may be lost.
//!
//! A synthetic organisation is seeded twice, into two temp dirs: one store
//! stays in this process, the other is served by the real daemon in a
//! thread (as the integration tests run it), reached by real clients over
//! its socket. Everyone acts as the host account (the system: it may edit
//! content, it takes no workflow step).
//!
//! 1. Round trips, interleaved so noise hits all alike: a read of one
//!    employee's assessment and a durable rating save, each in-process
//!    and through the daemon.
//! 2. Load: 100 clients, each on its own assessment, each saving 10
//!    ratings a second on a fixed schedule for `KINERJA_BENCH_SECS` (30 s);
//!    then 10 clients on one assessment (conflicts expected). Afterwards
//!    every assessment is read back from the reopened store and each
//!    acknowledged save must be there.

#[allow(dead_code)]
#[path = "support/report.rs"]
mod report;

#[path = "support/load.rs"]
mod load;

#[path = "support/daemon_rows.rs"]
mod rows;

#[allow(dead_code)]
#[path = "../tests/support/daemon.rs"]
mod served;

use kinerja::daemon::client::Client;
use kinerja::domain::{AssessmentKey, Edit, Nip};
use kinerja::store::{Exec, Request, Response, Store};
use load::{Outcome, Target};
use report::grouped;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

const EMPLOYEES: usize = 10_000;
const SEED: u64 = 1;
const ROUNDS: usize = 500;
const WARMUP: usize = 20;
const CLIENTS: usize = 100;
/// Saves per second per client.
const RATE: u32 = 10;
const CONTENDED: usize = 10;
const CONTENDED_SECS: u64 = 10;
/// How many clients hear of each save in the listening run.
const WATCHED: usize = 10;

/// Round-trip samples, one vector per way.
#[derive(Default)]
struct Trips {
    read_local: Vec<Duration>,
    read_daemon: Vec<Duration>,
    save_local: Vec<Duration>,
    save_daemon: Vec<Duration>,
}

/// A load run, in-process and through the daemon.
struct Pair {
    local: Outcome,
    daemon: Outcome,
}

fn main() {
    let secs: u64 = std::env::var("KINERJA_BENCH_SECS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(30);
    let duration = Duration::from_secs(secs);
    let contended_for = Duration::from_secs(secs.min(CONTENDED_SECS));
    let root = tempfile::tempdir().expect("tempdir");
    let demo = kinerja::data::synthetic(EMPLOYEES, SEED);
    let period = demo.active_period.clone();
    let (reader, targets) = pick(&demo);
    assert!(
        targets.len() >= 2 * CLIENTS + 2,
        "enough editable assessments"
    );
    let (rt, contended, spread) = (&targets[0], &targets[1], &targets[2..CLIENTS + 2]);
    let listened = &targets[CLIENTS + 2..2 * CLIENTS + 2];

    eprintln!("seeding {EMPLOYEES} employees twice");
    // Each seed runs on a thread of its own: the thread that seeded saved
    // about 1.5× slower afterwards (seen on this bench's main thread), and
    // the in-process round trips run on the main thread.
    let seed = |dir: &Path| {
        std::thread::scope(|s| {
            s.spawn(|| {
                let store = Store::open(dir).expect("open store");
                let r = store.execute(None, demo.clone().into()).expect("seed");
                assert_eq!(r, Response::Done, "seeding as the system");
                store
            })
            .join()
            .expect("seeding thread")
        })
    };
    let local = seed(&root.path().join("local"));
    let data = root.path().join("daemon");
    let daemon = served::Daemon::start(&data, seed(&data), &[]);
    drop(demo);

    eprintln!("round trips: {ROUNDS} interleaved rounds");
    let trips = {
        let client = daemon.client();
        round_trips(&local, &client, &reader, rt)
    };

    let spread_assign: Vec<usize> = (0..CLIENTS).collect();
    let one = vec![0; CONTENDED];
    let contended = std::slice::from_ref(contended);
    eprintln!("load via the daemon: {CLIENTS} clients × {RATE}/s for {secs} s");
    let spread_run = through(&daemon, spread, &spread_assign, duration);
    eprintln!("load via the daemon, each client listening to {WATCHED} clients' records");
    let (listen_run, heard) = through_listening(&daemon, listened, &spread_assign, duration);
    eprintln!("contended via the daemon: {CONTENDED} clients on one assessment");
    let contended_run = through(&daemon, contended, &one, contended_for);
    drop(daemon);
    let reopened = reopen(&data);
    let spread_daemon = spread_run.check(&reopened);
    let listening = listen_run.check(&reopened);
    let contended_daemon = contended_run.check(&reopened);
    drop(reopened);

    eprintln!("load in-process: the same, calling the store directly");
    let spread_local = in_process(&local, spread, &spread_assign, duration);
    let contended_local = in_process(&local, contended, &one, contended_for);

    let spread = Pair {
        local: spread_local,
        daemon: spread_daemon,
    };
    let contended = Pair {
        local: contended_local,
        daemon: contended_daemon,
    };
    let out = format!(
        "Kinerja daemon bench: {EMPLOYEES} synthetic employees (seed {SEED}), period {period}, \
         acting as the host account\n\
         round trips: {ROUNDS} interleaved rounds after {WARMUP} warm-up; ratio = daemon ÷ in-process (p50)\n\
         load: {CLIENTS} clients × {RATE} saves/s for {secs} s, one assessment each, on a fixed schedule; \
         contended: {CONTENDED} clients × {RATE}/s on one assessment for {} s\n\
         in-process load: the same threads calling the store directly\n\n{}",
        contended_for.as_secs(),
        grouped(
            &["in-process".to_string(), "daemon".into()],
            &rows::rows(&trips, &spread, &contended, (&listening, heard))
        )
    );
    println!("{out}");
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("target"),
        PathBuf::from,
    );
    let file = target.join("bench-daemon.txt");
    std::fs::write(&file, &out).expect("write bench-daemon.txt");
    println!("(written to {})", file.display());
    for (what, o) in [
        ("in-process load", &spread.local),
        ("daemon load", &spread.daemon),
        ("daemon load, listening", &listening),
        ("in-process contended", &contended.local),
        ("daemon contended", &contended.daemon),
    ] {
        assert_eq!(o.lost, 0, "{what}: acknowledged saves were lost");
    }
}

/// An employee whose assessment exists (to read), and employees whose
/// assessments the system may rate (none yet, or a draft), in roster order.
fn pick(demo: &kinerja::data::Demo) -> (Nip, Vec<Target>) {
    let period = &demo.active_period;
    let existing: HashMap<&Nip, _> = demo
        .assessments
        .iter()
        .filter(|a| &a.key.period == period)
        .map(|a| (&a.key.employee, a))
        .collect();
    let reader = demo
        .org
        .people
        .iter()
        .find(|p| existing.get(&p.nip).is_some_and(|a| !a.entries.is_empty()))
        .expect("a rated assessment")
        .nip
        .clone();
    let targets = demo
        .org
        .people
        .iter()
        .filter(|p| p.appraiser.is_some() && p.nip != reader)
        .filter(|p| existing.get(&p.nip).is_none_or(|a| a.status.editable()))
        .map(|p| Target {
            key: AssessmentKey {
                period: period.clone(),
                employee: p.nip.clone(),
            },
            criteria: demo
                .reference
                .criteria_of(p)
                .iter()
                .map(|c| (c.criterion.id.clone(), c.scale))
                .collect(),
        })
        .filter(|t| !t.criteria.is_empty())
        .take(2 * CLIENTS + 2)
        .collect();
    (reader, targets)
}

fn timed<T>(samples: &mut Vec<Duration>, keep: bool, f: impl FnOnce() -> T) -> T {
    let t = Instant::now();
    let v = f();
    if keep {
        samples.push(t.elapsed());
    }
    v
}

/// A read and a save in-process and through the daemon, every round.
fn round_trips(local: &Store, client: &Client, reader: &Nip, t: &Target) -> Trips {
    let read = || Request::Assessments {
        period: t.key.period.clone(),
        employees: Some(vec![reader.clone()]),
    };
    let save = |rev: u64, i: usize| Request::Edit {
        key: t.key.clone(),
        expected_revision: rev,
        edit: Edit::SetRating {
            criterion: t.criteria[0].0.clone(),
            rating: Some(1 + (i % 2) as u8),
        },
    };
    let found = |r: Result<Response, String>| match r {
        Ok(Response::Assessments { items, .. }) => assert_eq!(items.len(), 1, "one assessment"),
        other => panic!("read failed: {other:?}"),
    };
    let saved = |r: Result<Response, String>| match r {
        Ok(Response::Saved(a)) => a.revision,
        other => panic!("save failed: {other:?}"),
    };
    let mut rev_local = load::read(local, &t.key).map_or(0, |a| a.revision);
    let mut rev_daemon = load::read(client, &t.key).map_or(0, |a| a.revision);
    let mut s = Trips::default();
    for i in 0..WARMUP + ROUNDS {
        let keep = i >= WARMUP;
        // Who goes first alternates, so neither always follows the other's fsync.
        for daemon in [i % 2 == 1, i % 2 == 0] {
            if daemon {
                found(timed(&mut s.read_daemon, keep, || {
                    client.exec(None, read())
                }));
                rev_daemon = saved(timed(&mut s.save_daemon, keep, || {
                    client.exec(None, save(rev_daemon, i))
                }));
            } else {
                found(timed(&mut s.read_local, keep, || local.exec(None, read())));
                rev_local = saved(timed(&mut s.save_local, keep, || {
                    local.exec(None, save(rev_local, i))
                }));
            }
        }
    }
    s
}

/// A load run through the daemon, one connection per client.
fn through(
    daemon: &served::Daemon,
    targets: &[Target],
    assign: &[usize],
    duration: Duration,
) -> load::Run {
    let clients: Vec<Client> = assign.iter().map(|_| daemon.client()).collect();
    let refs: Vec<&(dyn Exec + Sync)> = clients.iter().map(|c| c as _).collect();
    load::run(&refs, targets, assign, RATE, duration)
}

/// The same, with every client listening as a TUI does, to the records of
/// its group of `WATCHED` (as an appraiser's list of staff): each save is
/// heard by that many clients. All into one channel, drained by one
/// thread; also how many were heard.
fn through_listening(
    daemon: &served::Daemon,
    targets: &[Target],
    assign: &[usize],
    duration: Duration,
) -> (load::Run, u64) {
    let (tx, rx) = std::sync::mpsc::channel();
    let drain = std::thread::spawn(move || rx.iter().count() as u64);
    let clients: Vec<Client> = assign.iter().map(|_| daemon.listener(tx.clone())).collect();
    drop(tx);
    for (i, c) in clients.iter().enumerate() {
        let group = i / WATCHED * WATCHED;
        let employees = assign[group..(group + WATCHED).min(assign.len())]
            .iter()
            .map(|&t| targets[t].key.employee.clone())
            .collect();
        let watch = Request::Watch {
            period: targets[assign[i]].key.period.clone(),
            employees,
        };
        assert_eq!(c.call(None, watch).expect("watch"), Response::Done);
    }
    let refs: Vec<&(dyn Exec + Sync)> = clients.iter().map(|c| c as _).collect();
    let run = load::run(&refs, targets, assign, RATE, duration);
    drop(refs);
    drop(clients);
    (run, drain.join().expect("drain"))
}

/// The same load with every client thread calling the store directly.
fn in_process(store: &Store, targets: &[Target], assign: &[usize], duration: Duration) -> Outcome {
    let refs: Vec<&(dyn Exec + Sync)> = assign.iter().map(|_| store as _).collect();
    load::run(&refs, targets, assign, RATE, duration).check(store)
}

/// The daemon's store, opened again once the daemon has let it go.
fn reopen(dir: &Path) -> Store {
    let t = Instant::now();
    loop {
        match Store::open(dir) {
            Ok(s) => return s,
            Err(e) if t.elapsed() > Duration::from_secs(30) => {
                panic!("the daemon's store did not reopen: {e}")
            }
            Err(_) => std::thread::sleep(Duration::from_millis(50)),
        }
    }
}
