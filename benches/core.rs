//! `cargo bench`: the numbers behind Kinerja's performance aims, measured
//! side by side in one run at 1k and 10k employees and printed as one table
//! (also written to `target/bench-core.txt`). Nothing here asserts a time:
//! the machine is noisy, so read medians and ratios, not single runs.
//!
//! Start-up, peak memory and terminal bytes use the real binary in a real
//! pseudo-terminal; keystroke costs run the app in-process (real keymap,
//! `settle` loop, sled store, 200×60 `TestBackend`).

mod support;

use kinerja::domain::{Nip, Status as AStatus};
use kinerja::tui::model::{Screen, Status};
use ratatui::crossterm::event::KeyCode;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use support::copy_dir;
use support::inproc::{App, Press};
use support::pty::{BIN, Pty};
use support::report::{Cell, Row, kib, pct, table};
use support::saves::Saves;

const SIZES: [usize; 2] = [1_000, 10_000];
const SEED: u64 = 1;
const W: u16 = 200;
const H: u16 = 60;
const STARTS: usize = 10;
const COLD_STARTS: usize = 5;
/// The roster size to bench (the synthetic median is about 20).
const STAFF: usize = 20;
const NAV_KEYS: usize = 500;
const RATINGS: usize = 200;
const SAVES: usize = 200;
const TERM_KEYS: usize = 20;
/// The roster's title and its last footer hint: both are in the first frame.
const ROSTER: [&str; 2] = ["Pegawai yang Anda nilai", "periode berikut"];
const QUIET: Duration = Duration::from_millis(150);
const PTY_TIMEOUT: Duration = Duration::from_secs(30);

/// Everything measured at one size.
#[derive(Default)]
struct Measured {
    staff: usize,
    seed: Duration,
    startup: Vec<Duration>,
    roster: Vec<Press>,
    scoring: Vec<Press>,
    summary: Vec<Press>,
    rating: Vec<Press>,
    saves: Saves,
    startup_cold: Vec<Duration>,
    rss_roster: u64,
    rss_summary: u64,
    rss_daemon: u64,
    bytes_rating: Vec<usize>,
    bytes_right: Vec<usize>,
}

fn main() {
    let work = tempfile::tempdir().expect("tempdir");
    let measured: Vec<Measured> = SIZES.iter().map(|&n| measure(n, work.path())).collect();
    let out = format!(
        "Kinerja core bench: {W}×{H}, synthetic seed {SEED}, binary {BIN}\n\
         appraiser = first of org.appraisers() with a roster nearest {STAFF}; its size: {}\n\n{}",
        SIZES
            .iter()
            .zip(&measured)
            .map(|(n, m)| format!("{} at {n}", m.staff))
            .collect::<Vec<_>>()
            .join(", "),
        table(&SIZES, &rows(&measured))
    );
    println!("{out}");
    let target = std::env::var_os("CARGO_TARGET_DIR").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("target"),
        PathBuf::from,
    );
    let file = target.join("bench-core.txt");
    std::fs::write(&file, &out).expect("write bench-core.txt");
    println!("(written to {})", file.display());
}

/// A config that maps this Unix user to `me` (a personal account: no PIN)
/// and never locks the screen.
fn config_for(work: &Path, n: usize, me: &Nip) -> PathBuf {
    let dir = work.join(format!("config-{n}"));
    std::fs::create_dir_all(&dir).expect("config dir");
    let user = nix::unistd::User::from_uid(nix::unistd::geteuid())
        .expect("passwd")
        .expect("this user")
        .name;
    std::fs::write(
        dir.join("config.toml"),
        format!("lock_after_minutes = 0\n[users]\n\"{user}\" = \"{me}\"\n"),
    )
    .expect("config.toml");
    dir
}

/// Daemons serving `dir`, by pid.
fn daemons(dir: &Path) -> Vec<u32> {
    let out = std::process::Command::new("pgrep")
        .args(["-f", &format!("{} serve", dir.display())])
        .output()
        .expect("pgrep");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.trim().parse().ok())
        .collect()
}

/// Stops the daemons serving `dir` and waits until they are gone.
fn stop_daemons(dir: &Path) {
    for pid in daemons(dir) {
        let _ = std::process::Command::new("kill")
            .arg(pid.to_string())
            .status();
    }
    let t = Instant::now();
    while !daemons(dir).is_empty() && t.elapsed() < PTY_TIMEOUT {
        std::thread::sleep(Duration::from_millis(20));
    }
}

fn peak_rss_of(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find_map(|l| l.strip_prefix("VmHWM:"))
                .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        })
        .unwrap_or(0)
}

fn measure(n: usize, work: &Path) -> Measured {
    eprintln!("== {n} employees");
    let config = &work.join("config-seed");
    std::fs::create_dir_all(config).expect("config dir");
    let seeded = work.join(format!("seed-{n}"));
    let t0 = Instant::now();
    let status = std::process::Command::new(BIN)
        .arg("--data-dir")
        .arg(&seeded)
        .env("KINERJA_CONFIG_DIR", config)
        .args([
            "demo",
            "--employees",
            &n.to_string(),
            "--seed",
            &SEED.to_string(),
        ])
        .stdout(std::process::Stdio::null())
        .status()
        .expect("run kinerja demo");
    assert!(status.success(), "kinerja demo --employees {n} failed");
    let mut m = Measured {
        seed: t0.elapsed(),
        ..Measured::default()
    };
    let org = kinerja::data::synthetic(n, SEED).org;
    // The same roster size at every n, so only the organisation grows
    // (appraisers()[0] has 1 employee at 1k and 20 at 10k).
    let me = org
        .appraisers()
        .into_iter()
        .min_by_key(|a| org.staff_of(&a.nip).count().abs_diff(STAFF))
        .expect("an appraiser")
        .nip
        .clone();
    m.staff = org.staff_of(&me).count();
    drop(org);
    let nip = me.to_string();
    let config = &config_for(work, n, &me);
    let copy = |tag: &str| {
        let d = work.join(format!("{tag}-{n}"));
        copy_dir(&seeded, &d);
        d
    };

    eprintln!("   keystrokes in-process, and saves four ways");
    let reopen = in_process(&mut m, &copy("inproc"), &copy("daemon"), &me);

    eprintln!("   start-up through a pty, daemon started on demand");
    let dir = copy("cold");
    for _ in 0..COLD_STARTS {
        stop_daemons(&dir);
        let mut pty = Pty::spawn(&dir, config, &nip, W, H);
        m.startup_cold
            .push(pty.wait_text(&ROSTER, PTY_TIMEOUT).expect("roster frame"));
        pty.drain(QUIET, PTY_TIMEOUT);
        assert!(
            pty.quit(Duration::from_secs(5)),
            "kinerja did not exit on q"
        );
    }
    stop_daemons(&dir);

    eprintln!("   start-up through a pty, daemon running");
    let dir = copy("start");
    let mut daemon = std::process::Command::new(BIN)
        .arg("--data-dir")
        .arg(&dir)
        .arg("serve")
        .env("KINERJA_CONFIG_DIR", config)
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("kinerja serve");
    let t = Instant::now();
    while !dir.join("kinerja.sock").exists() && t.elapsed() < PTY_TIMEOUT {
        std::thread::sleep(Duration::from_millis(10));
    }
    for i in 0..=STARTS {
        let mut pty = Pty::spawn(&dir, config, &nip, W, H);
        let t = pty.wait_text(&ROSTER, PTY_TIMEOUT).expect("roster frame");
        if i > 0 {
            m.startup.push(t); // run 0 warms the page cache
        }
        pty.drain(QUIET, PTY_TIMEOUT);
        assert!(
            pty.quit(Duration::from_secs(5)),
            "kinerja did not exit on q"
        );
    }
    let _ = std::process::Command::new("kill")
        .arg(daemon.id().to_string())
        .status();
    let _ = daemon.wait();

    eprintln!("   peak RSS through a pty");
    let rss_dir = copy("rss");
    let mut pty = Pty::spawn(&rss_dir, config, &nip, W, H);
    pty.wait_text(&ROSTER, PTY_TIMEOUT).expect("roster frame");
    pty.drain(QUIET, PTY_TIMEOUT);
    m.rss_roster = pty.peak_rss_kib();
    pty.clear();
    pty.send(b"\r");
    pty.wait_text(&["Kriteria"], PTY_TIMEOUT)
        .expect("scoring card");
    pty.drain(QUIET, PTY_TIMEOUT);
    pty.clear();
    pty.send(b"s");
    pty.wait_text(&["Ringkasan"], PTY_TIMEOUT).expect("summary");
    pty.drain(QUIET, PTY_TIMEOUT);
    m.rss_summary = pty.peak_rss_kib();
    m.rss_daemon = daemons(&rss_dir)
        .into_iter()
        .map(peak_rss_of)
        .max()
        .unwrap_or(0);
    drop(pty);
    stop_daemons(&rss_dir);

    eprintln!("   terminal bytes per key through a pty");
    let bytes_dir = copy("bytes");
    let mut pty = Pty::spawn(&bytes_dir, config, &nip, W, H);
    pty.wait_text(&ROSTER, PTY_TIMEOUT).expect("roster frame");
    pty.drain(QUIET, PTY_TIMEOUT);
    for key in if reopen {
        &["s", "m", "e"][..]
    } else {
        &["\r"][..]
    } {
        pty.send(key.as_bytes());
        pty.drain(QUIET, PTY_TIMEOUT);
    }
    for _ in 0..20 {
        pty.send(b"\x1b[D");
        pty.drain(QUIET, PTY_TIMEOUT);
    }
    for i in 0..TERM_KEYS {
        pty.clear();
        pty.send(if i.is_multiple_of(2) { b"2" } else { b"3" });
        m.bytes_rating.push(pty.drain(QUIET, PTY_TIMEOUT));
    }
    for _ in 0..TERM_KEYS {
        pty.send(b"\x1b[C");
        m.bytes_right.push(pty.drain(QUIET, PTY_TIMEOUT));
        pty.send(b"\x1b[D");
        pty.drain(QUIET, PTY_TIMEOUT);
    }
    drop(pty);
    stop_daemons(&bytes_dir);

    m
}

/// Measures keystrokes and saves on the first employee of the roster;
/// returns whether it had to reopen them (completed assessments refuse edits).
fn in_process(m: &mut Measured, dir: &Path, daemon_dir: &Path, me: &Nip) -> bool {
    let mut app = App::open(dir, me, W, H);
    assert_eq!(app.model.screen, Screen::Roster, "--as lands on the roster");
    let staff = app.model.staff.len();
    let k = staff.saturating_sub(1).clamp(1, 25);
    m.roster = keys(&mut app, NAV_KEYS, k, KeyCode::Down, KeyCode::Up);
    for _ in 0..=k {
        app.press(KeyCode::Up);
    }
    let p = app.model.current_person().expect("an employee");
    let reopen = app
        .model
        .assessment(&p.nip)
        .is_some_and(|a| a.status == AStatus::Submitted);
    if reopen {
        app.press(KeyCode::Char('s'));
        app.press(KeyCode::Char('m'));
        assert_eq!(app.model.status, Status::Saved, "m reopens on the summary");
        app.press(KeyCode::Char('e'));
    } else {
        app.press(KeyCode::Enter);
    }
    assert_eq!(
        app.model.screen,
        Screen::Scoring,
        "the scoring card is open"
    );
    for _ in 0..app.criteria_len() {
        app.press(KeyCode::Left);
    }
    let k = app.criteria_len().saturating_sub(1).max(1);
    m.scoring = keys(&mut app, NAV_KEYS, k, KeyCode::Right, KeyCode::Left);
    assert_eq!(app.model.screen, Screen::Scoring);
    for i in 0..RATINGS {
        m.rating
            .push(app.press(KeyCode::Char(if i.is_multiple_of(2) { '2' } else { '3' })));
        assert_eq!(app.model.status, Status::Saved, "a rating keystroke saves");
    }

    app.press(KeyCode::Char('s'));
    assert_eq!(app.model.screen, Screen::Summary, "s opens the summary");
    m.summary = keys(&mut app, NAV_KEYS, 1, KeyCode::Tab, KeyCode::Down);
    assert!(app.screen_text().contains("Ringkasan"));

    // A durable save four ways, against the floor: 1 KiB + fsync.
    let (key, criterion, rev) = app.current();
    let stop = std::sync::atomic::AtomicBool::new(false);
    let socket = daemon_dir.join("kinerja.sock");
    let opts = kinerja::daemon::server::Options {
        socket: socket.clone(),
        idle_exit: None,
        accounts: kinerja::daemon::session::Accounts::default(),
    };
    let daemon_rev = withdrawn(daemon_dir, &key);
    std::thread::scope(|scope| {
        let store = kinerja::store::Store::open(daemon_dir).expect("daemon store");
        let (opts, stop) = (&opts, &stop);
        scope.spawn(move || kinerja::daemon::server::serve(store, opts, stop).expect("serve"));
        let t = Instant::now();
        let client = loop {
            if let Ok(c) = kinerja::daemon::client::Client::connect(&socket, None) {
                break c;
            }
            assert!(t.elapsed() < PTY_TIMEOUT, "the bench daemon did not start");
            std::thread::sleep(Duration::from_millis(10));
        };
        m.saves = support::saves::compare(
            &app.store,
            me,
            &client,
            &key,
            &criterion,
            (rev, daemon_rev),
            dir,
            SAVES,
        );
        drop(client);
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
    });
    reopen
}

/// The assessment's revision in the daemon's copy, withdrawn by its
/// appraiser if it was submitted (a submitted assessment refuses edits).
fn withdrawn(dir: &Path, key: &kinerja::domain::AssessmentKey) -> u64 {
    use kinerja::store::{Request, Response};
    let store = kinerja::store::Store::open(dir).expect("the daemon's copy");
    let req = Request::Assessments {
        period: key.period.clone(),
        employees: Some(vec![key.employee.clone()]),
    };
    let Ok(Response::Assessments { items, .. }) = store.execute(None, req) else {
        panic!("the daemon's copy answers");
    };
    let Some(a) = items.into_iter().next() else {
        return 0;
    };
    if a.status != AStatus::Submitted {
        return a.revision;
    }
    let req = Request::Edit {
        key: key.clone(),
        expected_revision: a.revision,
        edit: kinerja::domain::Edit::SetStatus(AStatus::Draft),
    };
    match store.execute(Some(&a.appraiser), req) {
        Ok(Response::Saved(a)) => a.revision,
        other => panic!("withdraw in the daemon's copy: {other:?}"),
    }
}

/// `total` presses: `a` `k` times, then `b` `k` times, and again; after a
/// few unmeasured warm-up presses.
fn keys(app: &mut App, total: usize, k: usize, a: KeyCode, b: KeyCode) -> Vec<Press> {
    let code = |i: usize| if (i / k).is_multiple_of(2) { a } else { b };
    for i in 0..2 * k {
        app.press(code(i));
    }
    (0..total).map(|i| app.press(code(i))).collect()
}

fn rows(ms: &[Measured]) -> Vec<Row> {
    let row =
        |name: &str, samples: usize, cell: &dyn Fn(&Measured) -> Cell, aim: &str, note: &str| Row {
            name: name.into(),
            samples: samples.to_string(),
            cells: ms.iter().map(cell).collect(),
            aim: aim.into(),
            note: note.into(),
        };
    let total = |v: &[Press]| v.iter().map(|p| p.total).collect::<Vec<_>>();
    let first = |v: &[Press]| v.iter().map(|p| p.first_frame).collect::<Vec<_>>();
    let bytes = |v: &[usize]| Cell {
        p50: format!("{} B", pct(v, 0.5)),
        p99: format!("{} B", pct(v, 0.99)),
        raw: pct(v, 0.5) as f64,
    };
    let ratio = |a: fn(&Saves) -> &Vec<Duration>| {
        move |m: &Measured| {
            let r = pct(a(&m.saves), 0.5).as_secs_f64() / pct(&m.saves.fsync, 0.5).as_secs_f64();
            Cell::text(format!("{r:.2}×"), r)
        }
    };
    vec![
        row(
            "seed: kinerja demo --employees N",
            1,
            &|m| Cell::time(&[m.seed], false),
            "",
            "one run, setup only",
        ),
        row(
            "start → roster, daemon running",
            STARTS,
            &|m| Cell::time(&m.startup, false),
            "",
            "spawn until title+footer drawn",
        ),
        row(
            "start → roster, daemon on demand",
            COLD_STARTS,
            &|m| Cell::time(&m.startup_cold, false),
            "",
            "incl. starting the daemon",
        ),
        row(
            "key → idle: roster Down/Up",
            NAV_KEYS,
            &|m| Cell::time(&total(&m.roster), true),
            "flat 1k→10k",
            "settle + draw",
        ),
        row(
            "key → 1st frame: roster Down/Up",
            NAV_KEYS,
            &|m| Cell::time(&first(&m.roster), true),
            "flat 1k→10k",
            "before the cursor write",
        ),
        row(
            "key → idle: scoring Right/Left",
            NAV_KEYS,
            &|m| Cell::time(&total(&m.scoring), true),
            "",
            "settle + draw",
        ),
        row(
            "key → idle: summary Tab/Down",
            NAV_KEYS,
            &|m| Cell::time(&total(&m.summary), true),
            "",
            "settle + draw",
        ),
        row(
            "rating digit → saved frame",
            RATINGS,
            &|m| Cell::time(&total(&m.rating), true),
            "",
            "incl. durable save",
        ),
        row(
            "rating digit → 1st frame",
            RATINGS,
            &|m| Cell::time(&first(&m.rating), true),
            "",
            "'menyimpan…' frame",
        ),
        row(
            "rating save in-process (journal)",
            SAVES,
            &|m| Cell::time(&m.saves.journal, true),
            "",
            "journal + fdatasync, then sled",
        ),
        row(
            "rating save via the daemon",
            SAVES,
            &|m| Cell::time(&m.saves.daemon, true),
            "",
            "socket round trip + the above",
        ),
        row(
            "sled insert + flush, no journal",
            SAVES,
            &|m| Cell::time(&m.saves.sled_only, true),
            "",
            "not durable: no fsync",
        ),
        row(
            "bare 1 KiB write + fsync",
            SAVES,
            &|m| Cell::time(&m.saves.fsync, true),
            "",
            "same dir",
        ),
        row(
            "journal save ÷ bare fsync (p50)",
            SAVES,
            &ratio(|s| &s.journal),
            "≤ 2×",
            "both reach the disk (fsync)",
        ),
        row(
            "daemon save ÷ bare fsync (p50)",
            SAVES,
            &ratio(|s| &s.daemon),
            "≤ 2×",
            "what a user waits for",
        ),
        row(
            "peak RSS after roster (pty)",
            1,
            &|m| Cell::text(kib(m.rss_roster), m.rss_roster as f64),
            "≤ 64 MiB",
            "VmHWM",
        ),
        row(
            "peak RSS roster+card+summary",
            1,
            &|m| Cell::text(kib(m.rss_summary), m.rss_summary as f64),
            "≤ 64 MiB",
            "VmHWM, the TUI",
        ),
        row(
            "peak RSS of the daemon",
            1,
            &|m| Cell::text(kib(m.rss_daemon), m.rss_daemon as f64),
            "≤ 64 MiB",
            "VmHWM, serving that TUI",
        ),
        row(
            "terminal bytes per rating key",
            TERM_KEYS,
            &|m| bytes(&m.bytes_rating),
            "≤ 1 KiB",
            "2 frames: saving, saved",
        ),
        row(
            "terminal bytes per Right key",
            TERM_KEYS,
            &|m| bytes(&m.bytes_right),
            "",
            "next criterion",
        ),
    ]
}
