//! The real binary in a real pseudo-terminal: spawn, read with timeouts,
//! type keys, measure bytes and peak memory. Never hangs: every read has a
//! deadline and the child is killed on drop.

use rustix::pty::{OpenptFlags, grantpt, openpt, ptsname, unlockpt};
use rustix::termios::{Winsize, tcsetwinsize};
use std::fs::File;
use std::io::{Read, Write};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError, channel};
use std::time::{Duration, Instant};

pub const BIN: &str = env!("CARGO_BIN_EXE_kinerja");

/// One running `kinerja` on the slave side of a pty we own the master of.
pub struct Pty {
    child: Child,
    master: File,
    rx: Receiver<Vec<u8>>,
    /// Output since the last `clear`.
    pub out: Vec<u8>,
    pub started: Instant,
}

impl Pty {
    /// Starts `kinerja --data-dir DIR --as NIP` at `w`×`h`, as the session
    /// leader with the pty as its controlling terminal (`setsid -c`).
    pub fn spawn(dir: &Path, config: &Path, nip: &str, w: u16, h: u16) -> Self {
        let master =
            openpt(OpenptFlags::RDWR | OpenptFlags::NOCTTY | OpenptFlags::CLOEXEC).expect("openpt");
        grantpt(&master).expect("grantpt");
        unlockpt(&master).expect("unlockpt");
        let name = ptsname(&master, Vec::new()).expect("ptsname");
        let slave = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(name.to_str().expect("pty name"))
            .expect("open pty slave");
        let size = Winsize {
            ws_row: h,
            ws_col: w,
            ws_xpixel: 0,
            ws_ypixel: 0,
        };
        tcsetwinsize(&slave, size).expect("set pty size");
        let master = File::from(master);
        let mut reader = master.try_clone().expect("clone master");
        let (tx, rx) = channel();
        std::thread::spawn(move || {
            let mut buf = vec![0u8; 64 * 1024];
            // Ends with EIO once the child and every slave fd are gone.
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 || tx.send(buf[..n].to_vec()).is_err() {
                    break;
                }
            }
        });
        let stdio = || Stdio::from(slave.try_clone().expect("clone slave"));
        let started = Instant::now();
        let child = Command::new("setsid")
            .arg("-c")
            .arg(BIN)
            .arg("--data-dir")
            .arg(dir)
            .args(["--as", nip])
            .env("TERM", "xterm-256color")
            .env("KINERJA_CONFIG_DIR", config)
            .env_remove("NO_COLOR")
            .stdin(stdio())
            .stdout(stdio())
            .stderr(stdio())
            .spawn()
            .expect("spawn kinerja under setsid");
        drop(slave);
        Self {
            child,
            master,
            rx,
            out: Vec::new(),
            started,
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Takes what has arrived, waiting at most `wait` for the first chunk.
    /// Returns the number of bytes taken, or `None` once the child is gone.
    fn pump(&mut self, wait: Duration) -> Option<usize> {
        let mut got = match self.rx.recv_timeout(wait) {
            Ok(c) => self.take(c),
            Err(RecvTimeoutError::Timeout) => return Some(0),
            Err(RecvTimeoutError::Disconnected) => return None,
        };
        while let Ok(c) = self.rx.try_recv() {
            got += self.take(c);
        }
        Some(got)
    }

    fn take(&mut self, chunk: Vec<u8>) -> usize {
        // Answer a cursor-position query so nothing waits on us.
        if chunk.windows(4).any(|w| w == b"\x1b[6n") {
            let _ = self.master.write_all(b"\x1b[1;1R");
        }
        let n = chunk.len();
        self.out.extend(chunk);
        n
    }

    /// Waits until the visible text (escapes and spaces removed) contains
    /// every needle; the time since spawn, or the screen text on timeout.
    pub fn wait_text(&mut self, needles: &[&str], timeout: Duration) -> Result<Duration, String> {
        let needles: Vec<String> = needles.iter().map(|s| squash(s.as_bytes())).collect();
        let deadline = Instant::now() + timeout;
        loop {
            let text = squash(&self.out);
            if needles.iter().all(|n| text.contains(n.as_str())) {
                return Ok(self.started.elapsed());
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() || self.pump(left.min(Duration::from_millis(20))).is_none() {
                let tail = text.chars().rev().take(400).collect::<String>();
                return Err(format!(
                    "timed out waiting for {needles:?}; last text (reversed): {tail}"
                ));
            }
        }
    }

    /// Reads until `quiet` passes with no output (at most `max`); bytes read.
    pub fn drain(&mut self, quiet: Duration, max: Duration) -> usize {
        let deadline = Instant::now() + max;
        let mut total = 0;
        while Instant::now() < deadline {
            match self.pump(quiet) {
                Some(0) | None => break,
                Some(n) => total += n,
            }
        }
        total
    }

    pub fn send(&mut self, keys: &[u8]) {
        self.master.write_all(keys).expect("write to pty");
    }

    pub fn clear(&mut self) {
        self.out.clear();
    }

    /// The child's peak resident set (VmHWM) in KiB.
    pub fn peak_rss_kib(&self) -> u64 {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid()))
            .expect("read /proc/PID/status");
        status
            .lines()
            .find_map(|l| l.strip_prefix("VmHWM:"))
            .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
            .expect("VmHWM in /proc/PID/status")
    }

    /// Presses `q` and waits for a clean exit; kills it after `timeout`.
    pub fn quit(mut self, timeout: Duration) -> bool {
        self.send(b"q");
        let deadline = Instant::now() + timeout;
        while Instant::now() < deadline {
            let _ = self.pump(Duration::from_millis(10));
            if let Ok(Some(status)) = self.child.try_wait() {
                return status.success();
            }
        }
        false
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        if let Ok(None) = self.child.try_wait() {
            let _ = self.child.kill();
        }
        let _ = self.child.wait();
    }
}

/// Screen text out of a byte stream: escape sequences and whitespace
/// removed, so text split by cursor moves or colour changes still matches.
pub fn squash(bytes: &[u8]) -> String {
    let s = String::from_utf8_lossy(bytes);
    let mut out = String::with_capacity(s.len() / 4);
    let mut it = s.chars().peekable();
    while let Some(c) = it.next() {
        match c {
            '\x1b' => match it.next() {
                // CSI: parameters, then one final byte in @..~
                Some('[') => {
                    for c in it.by_ref() {
                        if ('@'..='~').contains(&c) {
                            break;
                        }
                    }
                }
                // OSC: up to BEL or ST
                Some(']') => {
                    while let Some(c) = it.next() {
                        if c == '\x07' || (c == '\x1b' && it.next_if_eq(&'\\').is_some()) {
                            break;
                        }
                    }
                }
                _ => {}
            },
            c if c.is_whitespace() || c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}
