//! The terminal UI in The Elm Architecture: `Action` → `update` →
//! `Effect`s run by the event loop → answers fed back as actions.

pub mod action;
pub mod events;
pub mod keymap;
pub mod model;
pub mod terminal;
pub mod update;
pub mod views;

use crate::domain::Nip;
use crate::store::{Changed, Exec};
use action::Action;
use events::Input;
use model::Model;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::Event;
use std::collections::VecDeque;
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};
use update::Effect;

/// Runs one effect against the store or the shipped data; the answer
/// comes back as an action.
pub fn run_effect(store: &dyn Exec, actor: Option<&Nip>, effect: Effect) -> Action {
    match effect {
        Effect::Store(purpose, req) => Action::Stored(purpose, store.exec(actor, req)),
        Effect::StoreAs(who, purpose, req) => Action::Stored(purpose, store.exec(Some(&who), req)),
        Effect::LoadDemo => Action::DemoLoaded(
            crate::data::demo()
                .map(|d| Box::new(d.into()))
                .map_err(|e| e.to_string()),
        ),
    }
}

/// Feeds actions through `update` and runs the effects until none are left.
/// `draw` is called before effects run, so "menyimpan…" shows while the
/// store flushes and "tersimpan" only after it has. A failed draw (the
/// terminal is gone) does not stop the effects: a change already asked
/// for is still saved, and the error is returned once all have run.
pub fn settle(
    m: &mut Model,
    store: &dyn Exec,
    first: Action,
    mut draw: impl FnMut(&Model) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let mut drawn = Ok(());
    let mut queue = VecDeque::from([first]);
    while let Some(action) = queue.pop_front() {
        let effects = update::update(m, action);
        if effects.is_empty() {
            continue;
        }
        if drawn.is_ok() {
            drawn = draw(m);
        }
        let actor = m.me.clone();
        for e in effects {
            queue.push_back(run_effect(store, actor.as_ref(), e));
        }
    }
    drawn
}

/// Runs the startup requests (the snapshot, then whatever it leads to).
pub fn start(
    m: &mut Model,
    store: &dyn Exec,
    mut draw: impl FnMut(&Model) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let mut drawn = Ok(());
    for e in update::init() {
        let a = run_effect(store, None, e);
        let result = settle(m, store, a, &mut draw);
        drawn = drawn.and(result);
    }
    drawn
}

/// Ends the session without a terminal to draw on: the text of an open
/// editor is saved or kept for the next start (see `Action::HangUp`).
pub fn hang_up(m: &mut Model, store: &dyn Exec) {
    // Nothing is drawn, so nothing can fail.
    let _ = settle(m, store, Action::HangUp, |_| Ok(()));
}

/// How the event loop ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// The user quit.
    Quit,
    /// SIGHUP or SIGTERM; the caller ends the process by that signal
    /// once the terminal and the store are closed.
    Signal(i32),
}

/// How often the loop looks for announcements from other terminals, the
/// idle lock and a lost daemon while no key is pressed.
const TICK: Duration = Duration::from_millis(100);

/// The event loop: the only code that touches the terminal. Keys, and
/// changes other terminals made (`changes`), are fed through `settle`;
/// after `idle_lock` without a key the screen locks. When the terminal
/// goes away (a signal, a failed draw or read), what was typed is saved
/// before the loop returns, and nothing more is drawn.
pub fn run(
    terminal: &mut DefaultTerminal,
    m: &mut Model,
    store: &dyn Exec,
    theme: &crate::theme::Theme,
    changes: Option<&Receiver<Changed>>,
    idle_lock: Option<Duration>,
) -> std::io::Result<Exit> {
    let inputs = events::spawn()?;
    let size = terminal.size()?;
    m.size = (size.width, size.height);
    let mut draw = |m: &Model| terminal.draw(|f| views::render(m, theme, f)).map(|_| ());
    let mut drawn = start(m, store, &mut draw).and_then(|()| draw(m));
    terminal::test_panic("draw");
    let mut last_key = Instant::now();
    loop {
        if let Err(e) = drawn {
            hang_up(m, store);
            return Err(e);
        }
        if m.ending.is_some() {
            return Ok(Exit::Quit);
        }
        let mut actions = Vec::new();
        match inputs.recv_timeout(TICK) {
            Ok(Input::Terminal(Event::Key(k))) => {
                last_key = Instant::now();
                actions.extend(m.keymap.resolve(&k, m.context()));
            }
            Ok(Input::Terminal(Event::Resize(w, h))) => actions.push(Action::Resize(w, h)),
            Ok(Input::Terminal(_)) | Err(RecvTimeoutError::Timeout) => {}
            Ok(Input::Signal(signal)) => {
                hang_up(m, store);
                return Ok(Exit::Signal(signal));
            }
            Ok(Input::Closed(why)) => {
                hang_up(m, store);
                return Err(std::io::Error::other(why));
            }
            Err(e @ RecvTimeoutError::Disconnected) => {
                hang_up(m, store);
                return Err(std::io::Error::other(e));
            }
        }
        if actions.is_empty() {
            store.heal();
        }
        if let Some(rx) = changes {
            actions.extend(rx.try_iter().map(Action::Changed));
        }
        let now = crate::store::unix_now();
        if now / 60 != m.now / 60 {
            actions.push(Action::Clock(now));
        }
        if idle_lock.is_some_and(|d| last_key.elapsed() >= d) && m.me.is_some() && !m.locked {
            actions.push(Action::Lock);
        }
        if actions.is_empty() {
            continue;
        }
        let mut settled = Ok(());
        for action in actions {
            settled = settled.and(settle(m, store, action, &mut draw));
        }
        drawn = settled.and_then(|()| draw(m));
    }
}
