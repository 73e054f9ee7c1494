//! The terminal going away (SIGHUP, SIGTERM, a dead tty) at the update
//! level: `Action::HangUp` through the real `settle` loop and store. The
//! end-to-end side is in `e2e_terminal.rs`.

mod support;

use kinerja::domain::assessment::AspectValue;
use kinerja::domain::{Aspect, Edit, Expectation, Nip};
use kinerja::i18n::Lang;
use kinerja::store::{Cursor, Request, Response, TextTarget};
use kinerja::tui::action::Action;
use kinerja::tui::model::{Ending, Screen, Status};
use ratatui::crossterm::event::KeyCode;
use support::{Session, meets, rate_rest, scoring_fresh, stored_entry, stored_rating};

#[test]
fn a_hangup_saves_the_open_note_as_its_save_key_would() {
    let mut s = Session::demo(Lang::Id);
    let nip = scoring_fresh(&mut s);
    s.key(KeyCode::Char('2'));
    s.key(KeyCode::Char('n'));
    s.chars("diketik, belum disimpan");
    s.act(Action::HangUp);
    assert_eq!(s.model.ending, Some(Ending::HangUp));
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
    assert_eq!(s.model.ending, Some(Ending::HangUp));
    let mut s = s.restart(Lang::Id);
    s.key(KeyCode::Enter);
    s.give_pin();
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

/// The cursor the store holds for the logged-in user.
fn stored_cursor(s: &Session) -> Cursor {
    let user = s.model.me.clone().expect("logged in");
    match s.store().execute(None, Request::GetCursor { user }) {
        Ok(Response::Cursor(Some(c))) => c,
        other => panic!("no cursor: {other:?}"),
    }
}

#[test]
fn a_hangup_in_an_override_reason_decides_nothing_and_the_next_start_offers_it_back() {
    let mut s = Session::demo(Lang::Id);
    let nip = scoring_fresh(&mut s);
    rate_rest(&mut s, |_, scale| meets(scale));
    assert_eq!(s.model.screen, Screen::Summary);
    s.key(KeyCode::Char('3'));
    s.chars("Melampaui target");
    s.act(Action::HangUp);
    let reason = TextTarget::OverrideReason {
        aspect: Aspect::HasilKerja,
        value: AspectValue::Expectation(Expectation::DiAtas),
    };
    let draft = stored_cursor(&s).draft.expect("the reason is kept");
    assert_eq!(draft.target, reason);
    assert_eq!(draft.text, "Melampaui target");
    let who = Nip::parse(&nip).expect("nip");
    assert!(s.model.assessment(&who).expect("a").hasil.is_none());

    // Twice: a draft offered back and left alone is kept again.
    for _ in 0..2 {
        s = s.restart(Lang::Id);
        s.key(KeyCode::Enter);
        s.give_pin();
        assert_eq!(s.model.screen, Screen::Summary);
        assert_eq!(s.model.current_person().expect("p").nip, who);
        let ed = s.model.editor.as_ref().expect("the reason editor is back");
        assert_eq!(ed.target, reason);
        assert_eq!(ed.area.lines().join("\n"), "Melampaui target");
        assert!(
            matches!(s.model.status, Status::Warning(ref w) if w.contains("terputus")),
            "{:?}",
            s.model.status
        );
        // Offered once: the stored cursor no longer carries it.
        assert_eq!(stored_cursor(&s).draft, None);
        s.act(Action::HangUp);
    }

    s = s.restart(Lang::Id);
    s.key(KeyCode::Enter);
    s.give_pin();
    s.key(KeyCode::Enter);
    assert_eq!(s.model.status, Status::Saved);
    let hasil = s.model.assessment(&who).expect("a").hasil.clone();
    let hasil = hasil.expect("decided once Enter is pressed");
    assert_eq!(hasil.value, AspectValue::Expectation(Expectation::DiAtas));
    assert_eq!(hasil.reason, "Melampaui target");
}

#[test]
fn a_note_refused_while_hanging_up_is_kept_and_offered_back() {
    let mut s = Session::demo(Lang::Id);
    let nip = scoring_fresh(&mut s);
    s.key(KeyCode::Char('2'));
    let who = Nip::parse(&nip).expect("nip");
    let a = s.model.assessment(&who).expect("a").clone();
    s.key(KeyCode::Char('n'));
    s.chars("Catatan yang tidak boleh hilang");
    // Another terminal changes the record, so the save meets a conflict.
    let id = s.model.criteria(s.model.current_person().expect("p"))[1]
        .criterion
        .id
        .clone();
    let edit = Request::Edit {
        key: a.key.clone(),
        expected_revision: a.revision,
        edit: Edit::SetRating {
            criterion: id,
            rating: Some(3),
        },
    };
    let other = s.model.me.clone();
    assert!(matches!(
        s.store().execute(other.as_ref(), edit).expect("write"),
        Response::Saved(_)
    ));
    s.act(Action::HangUp);
    assert_eq!(stored_entry(&s, &nip, 0).expect("entry").note, "");
    let draft = stored_cursor(&s).draft.expect("the note is kept");
    assert_eq!(draft.text, "Catatan yang tidak boleh hilang");

    let mut s = s.restart(Lang::Id);
    s.key(KeyCode::Enter);
    s.give_pin();
    assert_eq!(s.model.screen, Screen::Scoring);
    assert_eq!(s.model.criterion, 0);
    let ed = s.model.editor.as_ref().expect("the note editor is back");
    assert_eq!(
        ed.area.lines().join("\n"),
        "Catatan yang tidak boleh hilang"
    );
    s.key(KeyCode::Esc);
    assert_eq!(s.model.status, Status::Saved);
    let entry = stored_entry(&s, &nip, 0).expect("entry");
    assert_eq!(entry.note, "Catatan yang tidak boleh hilang");
    assert_eq!(
        stored_rating(&s, &nip, 1),
        Some(3),
        "the other change stays"
    );
}

#[test]
fn a_one_line_input_with_nothing_typed_leaves_nothing_to_offer() {
    let mut s = Session::demo(Lang::Id);
    scoring_fresh(&mut s);
    rate_rest(&mut s, |_, scale| meets(scale));
    s.key(KeyCode::Char('3'));
    assert!(s.model.editor.is_some());
    s.act(Action::HangUp);
    assert_eq!(stored_cursor(&s).draft, None);
    let mut s = s.restart(Lang::Id);
    s.key(KeyCode::Enter);
    s.give_pin();
    assert_eq!(s.model.screen, Screen::Summary);
    assert!(s.model.editor.is_none());
}
