//! What the event loop waits on: terminal events, read on their own
//! thread, and the signals that end a session, merged into one channel.
//!
//! SIGHUP comes when the terminal goes away (a dropped SSH connection, a
//! closed window, `tmux kill-pane`), SIGTERM from `kill`, systemd or a
//! shutdown. Both are caught so the loop can save an open editor's text
//! before the process ends. The terminal is read off the main thread
//! because crossterm, once the tty is hung up, retries the failing read
//! without ever returning (at full CPU): the main thread has to stay free
//! to hear the signal. SIGINT is left alone: in raw mode Ctrl+C is a key.

use ratatui::crossterm::event::{self, Event};
use signal_hook::consts::{SIGHUP, SIGTERM};
use signal_hook::iterator::Signals;
use std::sync::mpsc::{Receiver, Sender, channel};

/// One thing for the event loop to handle.
#[derive(Debug)]
pub enum Input {
    Terminal(Event),
    /// SIGHUP or SIGTERM: keep what was typed and end the session.
    Signal(i32),
    /// The terminal reader stopped (a read error, or a panic on its
    /// thread); why, in English, for the error report.
    Closed(String),
}

/// Starts the signal and terminal threads. They live until the process
/// ends; sends after the loop has stopped listening are dropped.
pub fn spawn() -> std::io::Result<Receiver<Input>> {
    let (tx, rx) = channel();
    let mut signals = Signals::new([SIGHUP, SIGTERM])?;
    let to_loop = tx.clone();
    std::thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            for signal in signals.forever() {
                if to_loop.send(Input::Signal(signal)).is_err() {
                    break;
                }
            }
        })?;
    std::thread::Builder::new()
        .name("terminal input".into())
        .spawn(move || read_terminal(tx))?;
    Ok(rx)
}

/// Tells the loop that the reader has stopped, also when it panics (the
/// drop runs while the panic unwinds): the signal thread keeps the channel
/// open, so the loop would otherwise wait for input forever.
struct Closing {
    tx: Sender<Input>,
    why: String,
}

impl Drop for Closing {
    fn drop(&mut self) {
        let _ = self.tx.send(Input::Closed(std::mem::take(&mut self.why)));
    }
}

fn read_terminal(tx: Sender<Input>) {
    let mut closing = Closing {
        tx: tx.clone(),
        why: "the terminal input thread panicked".into(),
    };
    loop {
        match event::read() {
            Ok(e) => {
                if matches!(e, Event::Key(_)) {
                    super::terminal::test_panic("key");
                }
                if tx.send(Input::Terminal(e)).is_err() {
                    return;
                }
            }
            Err(e) => {
                closing.why = format!("reading the terminal failed: {e}");
                return;
            }
        }
    }
}
