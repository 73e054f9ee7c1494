//! The terminal going away (SIGHUP, SIGTERM, a dead tty) at the update
//! level: `Action::HangUp` through the real `settle` loop and store. The
//! end-to-end side is in `e2e_terminal.rs`.

mod support;

use kinerja::i18n::Lang;
use kinerja::tui::action::Action;
use kinerja::tui::model::{Screen, Status};
use ratatui::crossterm::event::KeyCode;
use support::{Session, scoring_fresh, stored_entry, stored_rating};

#[test]
fn a_hangup_saves_the_open_note_as_its_save_key_would() {
    let mut s = Session::demo(Lang::Id);
    let nip = scoring_fresh(&mut s);
    s.key(KeyCode::Char('2'));
    s.key(KeyCode::Char('n'));
    s.chars("diketik, belum disimpan");
    s.act(Action::HangUp);
    assert!(s.model.quit);
    assert!(s.model.editor.is_none());
    assert_eq!(s.model.status, Status::Saved);
    let entry = stored_entry(&s, &nip, 0).expect("entry");
    assert_eq!(entry.note, "diketik, belum disimpan");
    assert_eq!(entry.rating, Some(2));
}

#[test]
fn a_hangup_without_an_open_editor_only_ends_the_session() {
    let mut s = Session::demo(Lang::Id);
    let nip = scoring_fresh(&mut s);
    s.key(KeyCode::Char('3'));
    s.key(KeyCode::Right);
    s.act(Action::HangUp);
    assert!(s.model.quit);
    let mut s = s.restart(Lang::Id);
    s.key(KeyCode::Enter);
    assert_eq!(s.model.screen, Screen::Scoring);
    assert_eq!(s.model.current_person().expect("p").nip.as_str(), nip);
    assert_eq!(s.model.criterion, 1);
    assert_eq!(stored_rating(&s, &nip, 0), Some(3));
}

#[test]
fn a_failed_draw_does_not_stop_a_save_already_asked_for() {
    let mut s = Session::demo(Lang::Id);
    let nip = scoring_fresh(&mut s);
    let store = s.store.take().expect("store");
    let gone = |_: &_| Err(std::io::Error::other("the terminal is gone"));
    let drawn = kinerja::tui::settle(&mut s.model, &store, Action::Rate(2), gone);
    s.store = Some(store);
    assert!(drawn.is_err());
    assert_eq!(s.model.status, Status::Saved);
    assert_eq!(stored_rating(&s, &nip, 0), Some(2));
}
