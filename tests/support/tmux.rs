//! The end-to-end harness: the built binary in a real pseudo-terminal,
//! driven and read through tmux (`send-keys`, `capture-pane`). Each test
//! gets its own tmux server (`-L`), killed when the harness is dropped.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

pub const BIN: &str = env!("CARGO_BIN_EXE_kinerja");

/// How long a wait may take before the test fails: generous, for a slow
/// shared CI machine; the waits poll, so a fast machine does not pay it.
pub const PATIENCE: Duration = Duration::from_secs(30);

/// The prompt of [`Tmux::start_shell`]'s shell.
pub const PROMPT: &str = "kinerja-test$";

pub struct Tmux {
    socket: String,
    /// A config dir for the programs the server runs.
    config: Option<tempfile::TempDir>,
}

impl Tmux {
    pub fn new(tag: &str) -> Self {
        let socket = format!("kinerja-test-{tag}-{}", std::process::id());
        Self {
            socket,
            config: None,
        }
    }

    /// A server whose programs run with a config that maps this Unix user
    /// to `nip`: a personal account, so the app logs them in without a
    /// PIN (the daemon knows who they are) and never locks the screen.
    pub fn personal(tag: &str, nip: &str) -> Self {
        let dir = tempfile::tempdir().expect("config dir");
        let user = nix::unistd::User::from_uid(nix::unistd::geteuid())
            .expect("passwd")
            .expect("this user")
            .name;
        std::fs::write(
            dir.path().join("config.toml"),
            format!("lock_after_minutes = 0\n[users]\n\"{user}\" = \"{nip}\"\n"),
        )
        .expect("config.toml");
        let mut tmux = Self::new(tag);
        tmux.config = Some(dir);
        tmux
    }

    pub fn run(&self, args: &[&str]) -> String {
        let mut cmd = Command::new("tmux");
        if let Some(dir) = &self.config {
            cmd.env("KINERJA_CONFIG_DIR", dir.path());
        }
        let out = cmd
            .arg("-L")
            .arg(&self.socket)
            .args(args)
            .output()
            .expect("tmux must be installed (see .ci/run)");
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Starts the app in a new detached session of the given size.
    pub fn start(&self, name: &str, cmd: &str, w: u16, h: u16) {
        self.new_session(name, &format!("exec env TERM=xterm-256color {cmd}"), w, h);
    }

    /// Starts an interactive `sh` (prompt [`PROMPT`]) in a new detached
    /// session, for tests that look at the terminal after the app has ended.
    pub fn start_shell(&self, name: &str, w: u16, h: u16) {
        let cmd = format!("exec env TERM=xterm-256color PS1='{PROMPT} ' sh -i");
        self.new_session(name, &cmd, w, h);
        self.wait_for(name, "the shell prompt", |s| s.contains(PROMPT));
    }

    fn new_session(&self, name: &str, cmd: &str, w: u16, h: u16) {
        // A server whose last session just ended may still be exiting and
        // refuse the new one: try again.
        for _ in 0..50 {
            self.run(&[
                "new-session",
                "-d",
                "-s",
                name,
                "-x",
                &w.to_string(),
                "-y",
                &h.to_string(),
                cmd,
            ]);
            if self.has_session(name) {
                return;
            }
            std::thread::sleep(Duration::from_millis(100));
        }
        panic!("tmux could not start session {name}");
    }

    fn has_session(&self, name: &str) -> bool {
        let mut cmd = Command::new("tmux");
        cmd.args(["-L", &self.socket, "has-session", "-t", name]);
        cmd.output().is_ok_and(|o| o.status.success())
    }

    pub fn screen(&self, name: &str) -> String {
        self.run(&["capture-pane", "-p", "-t", name])
    }

    pub fn keys(&self, name: &str, keys: &[&str]) {
        let mut args = vec!["send-keys", "-t", name];
        args.extend_from_slice(keys);
        self.run(&args);
    }

    /// A tmux format (`#{...}`) evaluated for the pane.
    pub fn format(&self, name: &str, format: &str) -> String {
        self.run(&["display-message", "-p", "-t", name, format])
            .trim()
            .to_string()
    }

    pub fn pid(&self, name: &str) -> i32 {
        self.format(name, "#{pane_pid}").parse().expect("pane pid")
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
                start.elapsed() < PATIENCE,
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

/// Whether a process has ended: gone, or a zombie its parent (the tmux
/// server) has not reaped yet.
pub fn has_exited(pid: i32) -> bool {
    match std::fs::read_to_string(format!("/proc/{pid}/stat")) {
        // The state follows the command name, which is in parentheses.
        Ok(stat) => stat
            .rsplit_once(')')
            .and_then(|(_, rest)| rest.split_whitespace().next())
            .is_some_and(|state| state == "Z" || state == "X"),
        Err(_) => true,
    }
}

/// Waits until a process has ended; false if it is still running after `limit`.
pub fn wait_exit(pid: i32, limit: Duration) -> bool {
    let start = Instant::now();
    while !has_exited(pid) {
        if start.elapsed() > limit {
            return false;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    true
}

/// The process a shell started (its first child), once it has started.
pub fn wait_child(shell: i32) -> i32 {
    let start = Instant::now();
    loop {
        let children = std::fs::read_to_string(format!("/proc/{shell}/task/{shell}/children"));
        if let Some(pid) = children
            .ok()
            .and_then(|c| c.split_whitespace().next().and_then(|p| p.parse().ok()))
        {
            return pid;
        }
        assert!(
            start.elapsed() < PATIENCE,
            "the shell {shell} started nothing"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Runs a `kinerja` subcommand on a data dir.
pub fn kinerja(dir: &Path, args: &[&str]) -> std::process::Output {
    Command::new(BIN)
        .arg("--data-dir")
        .arg(dir)
        .args(args)
        .output()
        .expect("run kinerja")
}

/// Loads the fictional demo into a data dir with the real binary.
pub fn load_demo(dir: &Path) {
    let out = kinerja(dir, &["demo"]);
    assert!(
        out.status.success(),
        "demo failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// An appraiser of the demo and one of their staff with nothing rated in
/// the active period: (appraiser NIP, employee NIP).
pub fn untouched_employee() -> (String, String) {
    let demo = kinerja::data::demo().expect("demo");
    let touched: Vec<_> = demo
        .assessments
        .iter()
        .filter(|a| a.key.period == demo.active_period)
        .map(|a| a.key.employee.clone())
        .collect();
    demo.org
        .appraisers()
        .iter()
        .find_map(|ap| {
            demo.org
                .staff_of(&ap.nip)
                .find(|p| !touched.contains(&p.nip))
                .map(|p| (ap.nip.to_string(), p.nip.to_string()))
        })
        .expect("an untouched employee")
}

/// Loads the demo into `dir` through the CLI; returns it, an appraiser and
/// one of their staff with nothing rated in the active period.
pub fn demo_with_untouched(
    dir: &Path,
) -> (
    kinerja::data::Demo,
    kinerja::domain::Nip,
    kinerja::domain::Person,
) {
    load_demo(dir);
    let (appraiser, employee) = untouched_employee();
    let demo = kinerja::data::demo().expect("demo");
    let person = demo
        .org
        .people
        .iter()
        .find(|p| p.nip.as_str() == employee)
        .expect("employee")
        .clone();
    let appraiser = kinerja::domain::Nip::parse(&appraiser).expect("nip");
    (demo, appraiser, person)
}
