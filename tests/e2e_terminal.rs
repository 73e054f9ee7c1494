//! End to end through a real pseudo-terminal: what the app leaves behind
//! when it ends badly. A panic gives the shell back its terminal (cooked
//! mode, echo, the normal screen, a visible cursor) with a readable report.

mod support;

use std::path::Path;
use std::time::{Duration, Instant};
use support::tmux::{BIN, PATIENCE, Tmux, kinerja};

/// Loads the demo into `dir/data`.
fn demo_in(dir: &Path) {
    let out = kinerja(&dir.join("data"), &["demo"]);
    assert!(
        out.status.success(),
        "demo failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Waits for a file the shell in the pane writes.
fn wait_file(path: &Path) -> String {
    let start = Instant::now();
    loop {
        if let Ok(s) = std::fs::read_to_string(path)
            && s.ends_with('\n')
        {
            return s;
        }
        assert!(
            start.elapsed() < PATIENCE,
            "timed out waiting for {}",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Runs the app from a shell in the pane with `KINERJA_TEST_PANIC=point`
/// and returns the screen after it has ended. The whole command line is
/// typed before the app starts: a terminal left in raw mode would not run
/// a line typed afterwards. `stty` saves the modes before and after.
fn panic_in_a_shell(tmux: &Tmux, dir: &Path, point: &str, keys: &[&str]) -> String {
    tmux.start_shell("p", 100, 30);
    let data = dir.join("data");
    let before = dir.join("stty-before");
    let after = dir.join("stty-after");
    let modes = dir.join("stty-a");
    let line = format!(
        "stty -g > {b}; RUST_BACKTRACE=0 KINERJA_TEST_PANIC={point} {BIN} --data-dir {d} --as 197404282000122006; \
         echo \"exit=$?\"; stty -g > {a}; stty -a > {m}",
        b = before.display(),
        d = data.display(),
        a = after.display(),
        m = modes.display(),
    );
    tmux.keys("p", &["-l", &line]);
    tmux.keys("p", &["Enter"]);
    if !keys.is_empty() {
        tmux.wait_for("p", "the roster", |s| s.contains("Pegawai yang Anda nilai"));
        tmux.keys("p", keys);
    }
    let modes = wait_file(&modes);
    let screen = tmux.wait_for("p", "the exit status", |s| s.contains("exit="));

    assert_eq!(
        wait_file(&before),
        wait_file(&after),
        "the terminal modes differ after the panic; stty -a:\n{modes}"
    );
    let flags: Vec<&str> = modes.split_whitespace().collect();
    for flag in ["icanon", "echo", "icrnl", "opost", "isig"] {
        assert!(
            flags.contains(&flag),
            "{flag} is off after the panic (raw mode left on); stty -a:\n{modes}"
        );
    }
    assert_eq!(
        tmux.format("p", "#{alternate_on}"),
        "0",
        "still on the alternate screen; screen:\n{screen}"
    );
    assert_eq!(
        tmux.format("p", "#{cursor_flag}"),
        "1",
        "the cursor is hidden; screen:\n{screen}"
    );
    screen
}

#[test]
fn a_panic_on_the_main_thread_restores_the_terminal_before_its_report() {
    let dir = tempfile::tempdir().expect("tempdir");
    demo_in(dir.path());
    let tmux = Tmux::new("panic-draw");
    let screen = panic_in_a_shell(&tmux, dir.path(), "draw", &[]);
    // The report is on the normal screen, above the shell's next prompt,
    // and a panic ends the process with Rust's panic status.
    assert!(
        screen.contains("The application panicked"),
        "no panic report:\n{screen}"
    );
    assert!(
        screen.contains("KINERJA_TEST_PANIC=draw"),
        "the panic message is missing:\n{screen}"
    );
    assert!(screen.contains("exit=101"), "exit status:\n{screen}");
    assert!(
        !screen.contains("Pegawai yang Anda nilai"),
        "the app's screen is still shown:\n{screen}"
    );
}
