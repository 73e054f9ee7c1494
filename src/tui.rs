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
use crate::store::Store;
use action::Action;
use events::Input;
use model::Model;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::Event;
use std::collections::VecDeque;
use update::Effect;

/// Runs one effect against the store or the shipped data; the answer
/// comes back as an action.
pub fn run_effect(store: &Store, actor: Option<&Nip>, effect: Effect) -> Action {
    match effect {
        Effect::Store(purpose, req) => Action::Stored(
            purpose,
            store.execute(actor, req).map_err(|e| e.to_string()),
        ),
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
    store: &Store,
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
    store: &Store,
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
pub fn hang_up(m: &mut Model, store: &Store) {
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

/// The event loop: the only code that touches the terminal. When the
/// terminal goes away (a signal, a failed draw or read), what was typed
/// is saved before the loop returns, and nothing more is drawn.
pub fn run(
    terminal: &mut DefaultTerminal,
    m: &mut Model,
    store: &Store,
    theme: &crate::theme::Theme,
) -> std::io::Result<Exit> {
    let inputs = events::spawn()?;
    let size = terminal.size()?;
    m.size = (size.width, size.height);
    let mut draw = |m: &Model| terminal.draw(|f| views::render(m, theme, f)).map(|_| ());
    let mut drawn = start(m, store, &mut draw).and_then(|()| draw(m));
    terminal::test_panic("draw");
    loop {
        if let Err(e) = drawn {
            hang_up(m, store);
            return Err(e);
        }
        if m.ending.is_some() {
            return Ok(Exit::Quit);
        }
        let action = match inputs.recv() {
            Ok(Input::Terminal(Event::Key(k))) => m.keymap.resolve(&k, m.context()),
            Ok(Input::Terminal(Event::Resize(w, h))) => Some(Action::Resize(w, h)),
            Ok(Input::Terminal(_)) => None,
            Ok(Input::Signal(signal)) => {
                hang_up(m, store);
                return Ok(Exit::Signal(signal));
            }
            Ok(Input::Closed(why)) => {
                hang_up(m, store);
                return Err(std::io::Error::other(why));
            }
            Err(e) => {
                hang_up(m, store);
                return Err(std::io::Error::other(e));
            }
        };
        let Some(action) = action else { continue };
        drawn = settle(m, store, action, &mut draw).and_then(|()| draw(m));
    }
}
