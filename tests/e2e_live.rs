//! Two terminals on one store through real pseudo-terminals: the first
//! starts the daemon on demand, the second joins it, what one saves the
//! other shows live, and both carry on (logged in, on the same screen)
//! after the daemon is killed and restarted.

mod support;

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};
use support::PIN;
use support::tmux::{BIN, Tmux, demo_with_untouched};

/// Pids of daemons serving `dir`.
fn daemons(dir: &Path) -> Vec<i32> {
    let out = Command::new("pgrep")
        .args(["-f", &format!("{} serve", dir.display())])
        .output()
        .expect("pgrep");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.trim().parse().ok())
        .collect()
}

fn wait_until(what: &str, pred: impl Fn() -> bool) {
    let start = Instant::now();
    while !pred() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "timed out: {what}"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Logs in at the PIN prompt (setting the PIN on first use) and opens
/// `employee`'s scoring card.
fn open_card(tmux: &Tmux, name: &str, first_use: bool, employee: &str) {
    let rounds = if first_use { 2 } else { 1 };
    for _ in 0..rounds {
        tmux.wait_for(name, "a PIN prompt", |s| s.contains("PIN"));
        tmux.keys(name, &["-l", PIN]);
        tmux.keys(name, &["Enter"]);
        std::thread::sleep(Duration::from_millis(200));
    }
    let card = |s: &str| s.contains("Kriteria 1 dari") && s.contains(employee);
    // The same person on a second terminal resumes where they were.
    let s = tmux.wait_for(name, "the roster or the card", |s| {
        s.contains("Pegawai yang Anda nilai") || card(s)
    });
    if card(&s) {
        return;
    }
    tmux.keys(name, &["/"]);
    tmux.keys(name, &["-l", employee]);
    tmux.keys(name, &["Enter"]);
    tmux.wait_for(name, "the scoring card", card);
}

#[test]
fn two_terminals_see_each_other_live_and_survive_a_daemon_restart() {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    let (_, appraiser, employee) = demo_with_untouched(&data);
    let employee = employee.nip.to_string();
    let cmd = format!("{BIN} --data-dir {} --as {appraiser}", data.display());

    let tmux = Tmux::new("live");
    tmux.start("a", &cmd, 100, 30);
    open_card(&tmux, "a", true, &employee);
    assert_eq!(
        daemons(&data).len(),
        1,
        "the first terminal started a daemon"
    );
    tmux.start("b", &cmd, 100, 30);
    open_card(&tmux, "b", false, &employee);
    assert_eq!(daemons(&data).len(), 1, "the second joined it");

    // A rates; B, just looking, sees it without pressing a key.
    tmux.keys("a", &["2"]);
    tmux.wait_for("a", "A's save", |s| {
        s.contains("▶2") && s.contains("tersimpan")
    });
    tmux.wait_for("b", "A's rating on B's screen", |s| s.contains("▶2"));

    // The daemon dies.
    let old = daemons(&data);
    for pid in &old {
        Command::new("kill")
            .args(["-9", &pid.to_string()])
            .status()
            .expect("kill");
    }
    wait_until("the old daemon to be gone", || {
        old.iter()
            .all(|p| !Path::new(&format!("/proc/{p}")).exists())
    });

    // A carries on: the next rating starts a new daemon and is saved.
    tmux.keys("a", &["l"]);
    tmux.wait_for("a", "criterion 2", |s| s.contains("Kriteria 2 dari"));
    tmux.keys("a", &["3"]);
    tmux.wait_for("a", "the save after the restart", |s| {
        s.contains("▶3") && s.contains("tersimpan")
    });
    // B reconnected by itself, still logged in and on its card, and
    // hears of A's next change.
    tmux.keys("a", &["h"]);
    tmux.wait_for("a", "criterion 1", |s| s.contains("Kriteria 1 dari"));
    tmux.keys("a", &["1"]);
    tmux.wait_for("a", "A's third save", |s| {
        s.contains("▶1") && s.contains("tersimpan")
    });
    let s = tmux.wait_for("b", "A's change after the restart", |s| s.contains("▶1"));
    assert!(
        s.contains(&employee) && s.contains("Kriteria 1 dari"),
        "{s}"
    );
    // Both terminals may have started a daemon at once; the one that lost
    // the race leaves.
    wait_until("one daemon again", || daemons(&data).len() == 1);
    tmux.keys("a", &["q"]);
    tmux.keys("b", &["q"]);
}
