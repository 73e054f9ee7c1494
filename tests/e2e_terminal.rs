//! End to end through a real pseudo-terminal: what the app leaves behind
//! when it ends badly. A panic gives the shell back its terminal (cooked
//! mode, echo, the normal screen, a visible cursor) with a readable
//! report. A hangup (the pane or session killed, SIGHUP, SIGTERM) saves
//! the note being typed, and the next start resumes on the same employee
//! and criterion.

mod support;

use std::path::Path;
use std::time::{Duration, Instant};
use support::tmux::{
    BIN, PATIENCE, Tmux, kinerja, load_demo, untouched_employee, wait_child, wait_exit,
};

/// The first appraiser of the demo.
const DESIREE: &str = "197404282000122006";

/// How long a hung-up app may take to save and end.
const HANGUP_LIMIT: Duration = Duration::from_secs(10);

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

/// Runs the app from a shell in the pane with `KINERJA_TEST_PANIC=point`,
/// sends `keys` once the roster shows, and checks the terminal after the
/// app has ended; returns the screen. The whole command line is typed
/// before the app starts: a terminal left in raw mode would not run a
/// line typed afterwards. `stty` saves the modes before and after.
fn panic_in_a_shell(tmux: &Tmux, dir: &Path, point: &str, keys: &[&str]) -> String {
    load_demo(&dir.join("data"));
    tmux.start_shell("p", 100, 30);
    let before = dir.join("stty-before");
    let after = dir.join("stty-after");
    let modes = dir.join("stty-a");
    // No backtrace: the report must fit on the screen to be read back.
    let line = format!(
        "stty -g > {b}; RUST_BACKTRACE=0 KINERJA_TEST_PANIC={point} {BIN} --data-dir {d} \
         --as {DESIREE}; echo \"exit=$?\"; stty -g > {a}; stty -a > {m}",
        b = before.display(),
        d = dir.join("data").display(),
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
    // The report is on the normal screen, above the shell's next prompt,
    // and the app's screen is gone.
    assert!(
        screen.contains("The application panicked"),
        "no panic report:\n{screen}"
    );
    assert!(
        screen.contains(&format!("KINERJA_TEST_PANIC={point}")),
        "the panic message is missing:\n{screen}"
    );
    assert!(
        !screen.contains("Pegawai yang Anda nilai"),
        "the app's screen is still shown:\n{screen}"
    );
    screen
}

#[test]
fn a_panic_on_the_main_thread_restores_the_terminal_before_its_report() {
    let dir = tempfile::tempdir().expect("tempdir");
    let tmux = Tmux::personal("panic-draw", DESIREE);
    let screen = panic_in_a_shell(&tmux, dir.path(), "draw", &[]);
    assert!(
        screen.contains("exit=101"),
        "Rust's panic status:\n{screen}"
    );
}

#[test]
fn a_panic_on_the_input_thread_restores_the_terminal_and_ends_the_app() {
    let dir = tempfile::tempdir().expect("tempdir");
    let tmux = Tmux::personal("panic-key", DESIREE);
    let screen = panic_in_a_shell(&tmux, dir.path(), "key", &["Down"]);
    // The loop hears that its input is gone and ends with an error.
    assert!(screen.contains("exit=1\n"), "exit status:\n{screen}");
}

/// How a test ends the session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum End {
    /// `tmux kill-pane` with the app as the pane's process (`exec`): the
    /// pty hangs up, the app is the session leader and gets SIGHUP.
    KillPane,
    /// `tmux kill-session` with the app started by a small `sh` that, like
    /// a login shell, passes SIGHUP on, and then writes the app's exit
    /// status to a file. The app's stderr is the hung-up pty, so a panic
    /// on the way out (printing to it fails) shows in that status.
    KillSession,
    /// `kill -SIGNAL` to the app started from a shell, which then prints
    /// the app's exit status.
    Kill(&'static str, i32),
}

/// Scores two criteria of an untouched employee, types a note without
/// saving it, ends the session the given way and starts again: the app
/// has ended, the ratings and the note are saved, the journal verifies
/// and the new session lands on the same employee and criterion.
fn hang_up_and_resume(tag: &str, end: End) {
    let dir = tempfile::tempdir().expect("tempdir");
    let data = dir.path().join("data");
    load_demo(&data);
    let (appraiser, employee) = untouched_employee();
    let stderr = dir.path().join("stderr");
    let cmd = format!(
        "{BIN} --data-dir {} --as {appraiser} 2> {}",
        data.display(),
        stderr.display()
    );
    let status = dir.path().join("status");
    let tmux = Tmux::personal(tag, &appraiser);
    let pid = match end {
        End::KillPane => {
            tmux.start("a", &cmd, 100, 30);
            tmux.pid("a")
        }
        End::KillSession => {
            let wrapper = format!(
                "sh -c 'trap \"kill -HUP \\$app\" HUP; {BIN} --data-dir {} --as {appraiser} & \
                 app=$!; wait $app; wait $app; echo $? > {}'",
                data.display(),
                status.display()
            );
            tmux.start("a", &wrapper, 100, 30);
            wait_child(tmux.pid("a"))
        }
        End::Kill(..) => {
            tmux.start_shell("a", 100, 30);
            tmux.keys("a", &["-l", &format!("{cmd}; echo \"exit=$?\"")]);
            tmux.keys("a", &["Enter"]);
            wait_child(tmux.pid("a"))
        }
    };

    tmux.wait_for("a", "the roster", |s| s.contains("Pegawai yang Anda nilai"));
    tmux.keys("a", &["/"]);
    tmux.keys("a", &["-l", &employee]);
    tmux.keys("a", &["Enter"]);
    tmux.wait_for("a", "the scoring card", |s| {
        s.contains("Kriteria 1 dari") && s.contains(&employee)
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
    let note = "diketik saat sambungan putus";
    tmux.keys("a", &["n"]);
    tmux.wait_for("a", "the note editor", |s| s.contains("Catatan untuk"));
    tmux.keys("a", &["-l", note]);
    tmux.wait_for("a", "the typed note", |s| {
        s.contains(note) && s.contains("belum disimpan")
    });

    match end {
        End::KillPane => {
            tmux.run(&["kill-pane", "-t", "a"]);
        }
        End::KillSession => {
            tmux.run(&["kill-session", "-t", "a"]);
        }
        End::Kill(signal, _) => {
            let killed = std::process::Command::new("kill")
                .args([&format!("-{signal}"), &pid.to_string()])
                .status()
                .expect("kill");
            assert!(killed.success());
        }
    }
    assert!(
        wait_exit(pid, HANGUP_LIMIT),
        "the app is still running {HANGUP_LIMIT:?} after the hangup ({end:?})"
    );
    // Ended by the signal itself (a shell shows 128 + its number), not by
    // a panic (101) or an error (1).
    match end {
        End::KillPane => {}
        End::KillSession => assert_eq!(wait_file(&status), "129\n", "the app's exit status"),
        End::Kill(signal, number) => {
            let exit = format!("exit={}", 128 + number);
            tmux.wait_for("a", &format!("{exit} after SIG{signal}"), |s| {
                s.contains(&exit)
            });
        }
    }
    let errors = std::fs::read_to_string(&stderr).unwrap_or_default();
    assert!(
        !errors.contains("panicked"),
        "the app panicked on the way out:\n{errors}"
    );
    let verify = kinerja(&data, &["audit", "verify"]);
    assert!(
        verify.status.success(),
        "audit verify: {}",
        String::from_utf8_lossy(&verify.stderr)
    );

    tmux.start(
        "b",
        &format!("{BIN} --data-dir {} --as {appraiser}", data.display()),
        100,
        30,
    );
    let s = tmux.wait_for("b", "the same criterion after restart", |s| {
        s.contains("Kriteria 2 dari")
    });
    assert!(s.contains(&employee), "same employee expected:\n{s}");
    assert!(s.contains("▶3"), "the second rating:\n{s}");
    assert!(
        s.contains(&format!("Catatan (n): {note}")),
        "the typed note is saved:\n{s}"
    );
    tmux.keys("b", &["h"]);
    tmux.wait_for("b", "the first rating", |s| {
        s.contains("Kriteria 1 dari") && s.contains("▶2")
    });
    tmux.keys("b", &["q"]);
}

#[test]
fn kill_pane_saves_the_typed_note_and_the_next_start_resumes() {
    hang_up_and_resume("kill-pane", End::KillPane);
}

#[test]
fn kill_session_saves_the_typed_note_and_the_next_start_resumes() {
    hang_up_and_resume("kill-session", End::KillSession);
}

#[test]
fn sighup_saves_the_typed_note_and_the_next_start_resumes() {
    hang_up_and_resume("sighup", End::Kill("HUP", 1));
}

#[test]
fn sigterm_saves_the_typed_note_and_the_next_start_resumes() {
    hang_up_and_resume("sigterm", End::Kill("TERM", 15));
}

#[test]
fn a_reason_being_typed_at_a_hangup_is_offered_back_on_the_next_start() {
    let dir = tempfile::tempdir().expect("tempdir");
    load_demo(dir.path());
    let cmd = format!("{BIN} --data-dir {} --as {DESIREE}", dir.path().display());
    let tmux = Tmux::personal("draft", DESIREE);
    tmux.start("a", &cmd, 100, 30);
    tmux.wait_for("a", "the roster", |s| s.contains("Pegawai yang Anda nilai"));
    tmux.keys("a", &["Enter"]);
    tmux.wait_for("a", "the scoring card", |s| s.contains("Kriteria 1 dari"));
    tmux.keys("a", &["s"]);
    tmux.wait_for("a", "the summary", |s| s.contains("Ringkasan"));
    // Overriding asks for a reason; a hangup must not decide for the user.
    tmux.keys("a", &["3"]);
    tmux.wait_for("a", "the reason editor", |s| {
        s.contains("Alasan mengubah saran")
    });
    let reason = "alasan yang belum selesai";
    tmux.keys("a", &["-l", reason]);
    tmux.wait_for("a", "the typed reason", |s| s.contains(reason));
    let pid = tmux.pid("a");
    tmux.run(&["kill-pane", "-t", "a"]);
    assert!(
        wait_exit(pid, HANGUP_LIMIT),
        "still running after kill-pane"
    );

    tmux.start("b", &cmd, 100, 30);
    let s = tmux.wait_for("b", "the reason offered back", |s| {
        s.contains("terputus") && s.contains(reason)
    });
    assert!(
        s.contains("Alasan mengubah saran"),
        "the reason editor:\n{s}"
    );
    assert!(s.contains("Hasil Kerja: —"), "nothing was decided:\n{s}");
    tmux.keys("b", &["C-g"]);
    tmux.wait_for("b", "the editor closed", |s| !s.contains(reason));
    tmux.keys("b", &["q"]);
}
