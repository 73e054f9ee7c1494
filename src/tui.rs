//! The terminal UI in The Elm Architecture: `Action` → `update` →
//! `Effect`s run by the event loop → answers fed back as actions.

pub mod action;
pub mod keymap;
pub mod model;
pub mod update;
pub mod views;

use crate::domain::Nip;
use crate::store::{Changed, Exec};
use action::Action;
use model::Model;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event};
use std::collections::VecDeque;
use std::sync::mpsc::Receiver;
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
/// store flushes and "tersimpan" only after it has.
pub fn settle(
    m: &mut Model,
    store: &dyn Exec,
    first: Action,
    mut draw: impl FnMut(&Model) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let mut queue = VecDeque::from([first]);
    while let Some(action) = queue.pop_front() {
        let effects = update::update(m, action);
        if effects.is_empty() {
            continue;
        }
        draw(m)?;
        let actor = m.me.clone();
        for e in effects {
            queue.push_back(run_effect(store, actor.as_ref(), e));
        }
    }
    Ok(())
}

/// Runs the startup requests (the snapshot, then whatever it leads to).
pub fn start(
    m: &mut Model,
    store: &dyn Exec,
    mut draw: impl FnMut(&Model) -> std::io::Result<()>,
) -> std::io::Result<()> {
    for e in update::init() {
        let a = run_effect(store, None, e);
        settle(m, store, a, &mut draw)?;
    }
    Ok(())
}

/// How often the loop looks for announcements from other terminals
/// while no key is pressed.
const TICK: std::time::Duration = std::time::Duration::from_millis(100);

/// The event loop: the only code that touches the terminal. Keys, and
/// changes other terminals made (`changes`), are fed through `settle`.
pub fn run(
    terminal: &mut DefaultTerminal,
    m: &mut Model,
    store: &dyn Exec,
    theme: &crate::theme::Theme,
    changes: Option<&Receiver<Changed>>,
    idle_lock: Option<std::time::Duration>,
) -> std::io::Result<()> {
    let size = terminal.size()?;
    m.size = (size.width, size.height);
    let mut draw = |m: &Model| terminal.draw(|f| views::render(m, theme, f)).map(|_| ());
    start(m, store, &mut draw)?;
    draw(m)?;
    let mut last_key = std::time::Instant::now();
    while !m.quit {
        let mut actions = Vec::new();
        if event::poll(TICK)? {
            last_key = std::time::Instant::now();
            let action = match event::read()? {
                Event::Key(k) => m.keymap.resolve(&k, m.context()),
                Event::Resize(w, h) => Some(Action::Resize(w, h)),
                _ => None,
            };
            actions.extend(action);
        }
        if let Some(rx) = changes {
            actions.extend(rx.try_iter().map(Action::Changed));
        }
        if idle_lock.is_some_and(|d| last_key.elapsed() >= d) && m.me.is_some() && !m.locked {
            actions.push(Action::Lock);
        }
        if actions.is_empty() {
            store.heal();
            if let Some(rx) = changes {
                actions.extend(rx.try_iter().map(Action::Changed));
            }
        }
        if actions.is_empty() {
            continue;
        }
        for action in actions {
            settle(m, store, action, &mut draw)?;
        }
        draw(m)?;
    }
    Ok(())
}
