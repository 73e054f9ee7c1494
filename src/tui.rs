//! The terminal UI in The Elm Architecture: `Action` → `update` →
//! `Effect`s run by the event loop → answers fed back as actions.

pub mod action;
pub mod keymap;
pub mod model;
pub mod terminal;
pub mod update;
pub mod views;

use crate::domain::Nip;
use crate::store::Store;
use action::Action;
use model::Model;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{self, Event};
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
/// store flushes and "tersimpan" only after it has.
pub fn settle(
    m: &mut Model,
    store: &Store,
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
    store: &Store,
    mut draw: impl FnMut(&Model) -> std::io::Result<()>,
) -> std::io::Result<()> {
    for e in update::init() {
        let a = run_effect(store, None, e);
        settle(m, store, a, &mut draw)?;
    }
    Ok(())
}

/// The event loop: the only code that touches the terminal.
pub fn run(
    terminal: &mut DefaultTerminal,
    m: &mut Model,
    store: &Store,
    theme: &crate::theme::Theme,
) -> std::io::Result<()> {
    let size = terminal.size()?;
    m.size = (size.width, size.height);
    let mut draw = |m: &Model| terminal.draw(|f| views::render(m, theme, f)).map(|_| ());
    start(m, store, &mut draw)?;
    draw(m)?;
    terminal::test_panic("draw");
    while !m.quit {
        let action = match event::read()? {
            Event::Key(k) => m.keymap.resolve(&k, m.context()),
            Event::Resize(w, h) => Some(Action::Resize(w, h)),
            _ => None,
        };
        let Some(action) = action else { continue };
        settle(m, store, action, &mut draw)?;
        draw(m)?;
    }
    Ok(())
}
