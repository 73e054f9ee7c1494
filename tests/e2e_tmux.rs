//! End to end through a real pseudo-terminal: the built binary in tmux.
//! Load the demo, score with digit keys, `kill -9`, restart, land on the
//! same employee and criterion with the ratings there, then export them.

mod support;

use std::process::Command;
use std::time::{Duration, Instant};

use support::PIN;
use support::tmux::{BIN, Tmux, demo_with_untouched, kinerja, wait_exit};

#[test]
fn score_kill_restart_resume_and_export() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (demo, appraiser, employee) = demo_with_untouched(dir.path());
    let employee = employee.nip.to_string();

    let tmux = Tmux::new("resume");
    let cmd = format!("{BIN} --data-dir {} --as {appraiser}", dir.path().display());
    tmux.start("a", &cmd, 100, 30);
    // At a shared terminal each person sets a PIN on first use.
    tmux.wait_for("a", "the new-PIN prompt", |s| s.contains("belum punya PIN"));
    tmux.keys("a", &["-l", PIN]);
    tmux.keys("a", &["Enter"]);
    tmux.wait_for("a", "the confirm prompt", |s| s.contains("sekali lagi"));
    tmux.keys("a", &["-l", PIN]);
    tmux.keys("a", &["Enter"]);
    tmux.wait_for("a", "the roster", |s| s.contains("Pegawai yang Anda nilai"));
    tmux.keys("a", &["/"]);
    tmux.keys("a", &["-l", employee.as_str()]);
    tmux.keys("a", &["Enter"]);
    tmux.wait_for("a", "the scoring card", |s| {
        s.contains("Kriteria 1 dari") && s.contains(employee.as_str())
    });
    tmux.keys("a", &["2"]);
    tmux.wait_for("a", "first rating saved", |s| {
        s.contains("▶2") && s.contains("tersimpan")
    });
    tmux.keys("a", &["l"]);
    tmux.wait_for("a", "criterion 2", |s| s.contains("Kriteria 2 dari"));
    tmux.keys("a", &["3"]);
    tmux.wait_for("a", "second rating saved", |s| {
        s.contains("▶3") && s.contains("tersimpan")
    });
    tmux.keys("a", &["l"]);
    tmux.wait_for("a", "criterion 3", |s| s.contains("Kriteria 3 dari"));

    let pid = tmux.pid("a");
    let killed = Command::new("kill")
        .args(["-9", &pid.to_string()])
        .status()
        .expect("kill");
    assert!(killed.success());
    assert!(
        wait_exit(pid, Duration::from_secs(10)),
        "kill -9 did not end it"
    );

    tmux.start("b", &cmd, 100, 30);
    tmux.wait_for("b", "the PIN prompt", |s| s.contains("Masukkan PIN"));
    tmux.keys("b", &["-l", PIN]);
    tmux.keys("b", &["Enter"]);
    let s = tmux.wait_for("b", "the same criterion after restart", |s| {
        s.contains("Kriteria 3 dari")
    });
    assert!(
        s.contains(employee.as_str()),
        "same employee expected:\n{s}"
    );
    tmux.keys("b", &["h"]);
    tmux.wait_for("b", "the second rating", |s| {
        s.contains("Kriteria 2 dari") && s.contains("▶3")
    });
    tmux.keys("b", &["h"]);
    tmux.wait_for("b", "the first rating", |s| {
        s.contains("Kriteria 1 dari") && s.contains("▶2")
    });
    tmux.keys("b", &["q"]);

    // The store is free again once the app has quit.
    let start = Instant::now();
    let json = loop {
        let out = kinerja(dir.path(), &["export", "--format", "json"]);
        if out.status.success() {
            break out.stdout;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "export failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        std::thread::sleep(Duration::from_millis(100));
    };
    let records: serde_json::Value = serde_json::from_slice(&json).expect("json");
    let rec = records
        .as_array()
        .expect("array")
        .iter()
        .find(|r| r["nip"] == employee.as_str() && r["period"] == demo.active_period.as_str())
        .expect("the scored assessment is exported");
    assert_eq!(rec["criteria"][0]["rating"], 2);
    assert_eq!(rec["criteria"][1]["rating"], 3);
    assert_eq!(rec["criteria"][2]["rating"], serde_json::Value::Null);
    assert_eq!(rec["appraiser_nip"], appraiser.as_str());
}

#[test]
fn first_run_offers_the_demo_and_loads_it_with_one_key() {
    let dir = tempfile::tempdir().expect("tempdir");
    let tmux = Tmux::new("first");
    tmux.start(
        "f",
        &format!("{BIN} --data-dir {}", dir.path().display()),
        80,
        24,
    );
    tmux.wait_for("f", "the first-run screen", |s| {
        s.contains("Selamat datang di Kinerja")
    });
    tmux.keys("f", &["d"]);
    tmux.wait_for("f", "the login screen", |s| s.contains("Siapa Anda?"));
    tmux.keys("f", &["q"]);
}

#[test]
fn a_tiny_terminal_asks_to_be_enlarged_and_reflows_on_resize() {
    let dir = tempfile::tempdir().expect("tempdir");
    let tmux = Tmux::new("small");
    tmux.start(
        "s",
        &format!("{BIN} --data-dir {} --lang en", dir.path().display()),
        40,
        10,
    );
    tmux.wait_for("s", "the enlarge message", |s| s.contains("enlarge"));
    tmux.run(&["resize-window", "-t", "s", "-x", "80", "-y", "24"]);
    tmux.wait_for("s", "the first-run screen after resize", |s| {
        s.contains("Welcome to Kinerja")
    });
    tmux.keys("s", &["q"]);
}
