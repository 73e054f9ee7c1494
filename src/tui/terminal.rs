//! Puts the terminal into the TUI's modes and back: raw mode, the
//! alternate screen and a hidden cursor (ratatui hides it on every draw).
//! A panic puts all three back before its report is printed, so the
//! report lands on the normal screen of a shell that echoes again.
//!
//! This is `ratatui::run` with three differences: the restore shows the
//! cursor (ratatui leaves that to `Terminal`'s drop, which comes after a
//! panic's report, or never when another thread panics); it runs once;
//! and a terminal that is gone is not written to again from a drop,
//! where the failure would panic.

use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::{DefaultTerminal, Terminal, backend::CrosstermBackend};
use std::io::stdout;
use std::sync::atomic::{AtomicBool, Ordering};

/// Runs `f` on a terminal in the TUI's modes and restores them afterwards,
/// on a panic too. Call it after the error reporter (color-eyre) has
/// installed its panic hook: the restore runs first, then that report.
pub fn run<R>(f: impl FnOnce(&mut DefaultTerminal) -> R) -> std::io::Result<R> {
    let mut terminal = init()?;
    let result = f(&mut terminal);
    restore();
    if terminal.show_cursor().is_err() {
        // The terminal is gone (a hangup). `Terminal`'s drop would try
        // again and report the failure with `eprintln!`, which panics
        // when stderr is that same dead terminal; there is nothing to
        // free that the process exit does not.
        std::mem::forget(terminal);
    }
    Ok(result)
}

/// Whether the terminal is in the TUI's modes. Leaving twice would be
/// visible: leaving the alternate screen also moves the cursor back to
/// where it was on entering, over a panic report printed since.
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Enters raw mode and the alternate screen, after installing the panic
/// hook that leaves them.
pub fn init() -> std::io::Result<DefaultTerminal> {
    install_panic_hook();
    ACTIVE.store(true, Ordering::SeqCst);
    let entered = enable_raw_mode()
        .and_then(|()| execute!(stdout(), EnterAlternateScreen))
        .and_then(|()| Terminal::new(CrosstermBackend::new(stdout())));
    if entered.is_err() {
        restore();
    }
    entered
}

/// Leaves raw mode and the alternate screen and shows the cursor, once
/// (a panic on another thread may have done it already). Every step is
/// tried even if one fails, and failures are ignored: there is nothing
/// left to do about a terminal that is gone (a hangup).
pub fn restore() {
    if !ACTIVE.swap(false, Ordering::SeqCst) {
        return;
    }
    let _ = disable_raw_mode();
    let _ = execute!(stdout(), LeaveAlternateScreen, Show);
}

fn install_panic_hook() {
    let report = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        report(info);
    }));
}

/// A test-only way to panic at a named point, so the end-to-end tests can
/// check that a panic restores the terminal: `KINERJA_TEST_PANIC=draw`
/// panics on the main thread once the first frame is drawn, `key` on the
/// terminal input thread when the first key arrives. Compiled only with
/// debug assertions (the test profile), never into a release build.
#[cfg(debug_assertions)]
#[track_caller]
pub(crate) fn test_panic(point: &str) {
    let asked = std::env::var("KINERJA_TEST_PANIC").is_ok_and(|p| p == point);
    assert!(
        !asked,
        "KINERJA_TEST_PANIC={point}: a panic asked for by a test"
    );
}

#[cfg(not(debug_assertions))]
pub(crate) fn test_panic(_point: &str) {}
