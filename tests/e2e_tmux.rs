//! End to end through a real pseudo-terminal: the built binary in tmux.
//! Load the demo, score with digit keys, `kill -9`, restart, land on the
//! same employee and criterion with the ratings there, then export them.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_kinerja");
const PIN: &str = "480715";

struct Tmux {
    socket: String,
}

impl Tmux {
    fn new(tag: &str) -> Self {
        let socket = format!("kinerja-test-{tag}-{}", std::process::id());
        Self { socket }
    }

    fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux must be installed (see .ci/run)");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Starts the app in a new detached session of the given size.
    fn start(&self, name: &str, cmd: &str, w: u16, h: u16) {
        self.run(&[
            "new-session",
            "-d",
            "-s",
            name,
            "-x",
            &w.to_string(),
            "-y",
            &h.to_string(),
            &format!("exec env TERM=xterm-256color {cmd}"),
        ]);
    }

    fn screen(&self, name: &str) -> String {
        self.run(&["capture-pane", "-p", "-t", name])
    }

    fn keys(&self, name: &str, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", name];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    fn pid(&self, name: &str) -> i32 {
        self.run(&["display-message", "-p", "-t", name, "#{pane_pid}"])
            .trim()
            .parse()
            .expect("pane pid")
    }

    /// Waits until the screen satisfies `pred`, or panics with the screen.
    fn wait_for(&self, name: &str, what: &str, pred: impl Fn(&str) -> bool) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen(name);
            if pred(&s) {
                return s;
            }
            assert!(
                start.elapsed() < Duration::from_secs(15),
                "timed out waiting for {what}; screen:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["-L", &self.socket, "kill-server"])
            .output();
    }
}

fn kinerja(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(BIN)
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .output()
        .expect("run kinerja")
}

#[test]
fn score_kill_restart_resume_and_export() {
    let dir = tempfile::tempdir().expect("tempdir");
    let out = kinerja(dir.path(), &["demo"]);
    assert!(
        out.status.success(),
        "demo failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );

    // An appraiser and one of their staff with nothing rated this period.
    let demo = kinerja::data::demo().expect("demo");
    let touched: Vec<_> = demo
        .assessments
        .iter()
        .filter(|a| a.key.period == demo.active_period)
        .map(|a| a.key.employee.clone())
        .collect();
    let (appraiser, employee) = demo
        .org
        .appraisers()
        .iter()
        .find_map(|ap| {
            demo.org
                .staff_of(&ap.nip)
                .find(|p| !touched.contains(&p.nip))
                .map(|p| (ap.nip.clone(), p.clone()))
        })
        .expect("an untouched employee");

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
    tmux.keys("a", &["-l", employee.nip.as_str()]);
    tmux.keys("a", &["Enter"]);
    tmux.wait_for("a", "the scoring card", |s| {
        s.contains("Kriteria 1 dari") && s.contains(employee.nip.as_str())
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
    let start = Instant::now();
    while Path::new(&format!("/proc/{pid}")).exists() && start.elapsed() < Duration::from_secs(5) {
        std::thread::sleep(Duration::from_millis(20));
    }

    tmux.start("b", &cmd, 100, 30);
    tmux.wait_for("b", "the PIN prompt", |s| s.contains("Masukkan PIN"));
    tmux.keys("b", &["-l", PIN]);
    tmux.keys("b", &["Enter"]);
    let s = tmux.wait_for("b", "the same criterion after restart", |s| {
        s.contains("Kriteria 3 dari")
    });
    assert!(
        s.contains(employee.nip.as_str()),
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
        .find(|r| r["nip"] == employee.nip.as_str() && r["period"] == demo.active_period.as_str())
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
