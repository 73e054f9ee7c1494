//! A real pseudo-terminal: the built binary in a tmux server of its own.

use std::process::Command;
use std::time::{Duration, Instant};

pub const BIN: &str = env!("CARGO_BIN_EXE_kinerja");

pub struct Tmux {
    socket: String,
}

impl Tmux {
    pub fn new(tag: &str) -> Self {
        let socket = format!("kinerja-test-{tag}-{}", std::process::id());
        Self { socket }
    }

    pub fn run(&self, args: &[&str]) -> String {
        let out = Command::new("tmux")
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux must be installed (see .ci/run)");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Starts the app in a new detached session of the given size.
    pub fn start(&self, name: &str, cmd: &str, w: u16, h: u16) {
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

    pub fn screen(&self, name: &str) -> String {
        self.run(&["capture-pane", "-p", "-t", name])
    }

    pub fn keys(&self, name: &str, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", name];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    pub fn pid(&self, name: &str) -> i32 {
        self.run(&["display-message", "-p", "-t", name, "#{pane_pid}"])
            .trim()
            .parse()
            .expect("pane pid")
    }

    /// Waits until the screen satisfies `pred`, or panics with the screen.
    pub fn wait_for(&self, name: &str, what: &str, pred: impl Fn(&str) -> bool) -> String {
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

/// Runs the binary on a data dir (a CLI command).
pub fn kinerja(dir: &std::path::Path, args: &[&str]) -> std::process::Output {
    Command::new(BIN)
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .output()
        .expect("run kinerja")
}

/// Loads the demo into `dir` through the CLI; returns an appraiser and one
/// of their staff with nothing rated in the active period.
pub fn demo_with_untouched(
    dir: &std::path::Path,
) -> (
    kinerja::data::Demo,
    kinerja::domain::Nip,
    kinerja::domain::Person,
) {
    let out = kinerja(dir, &["demo"]);
    assert!(
        out.status.success(),
        "demo failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
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
    (demo, appraiser, employee)
}
