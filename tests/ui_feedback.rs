//! Quick feedback in the real TUI model on a real store: from the
//! scoring card in three keys plus the text, from the roster by a few
//! letters of a name, shown beside the criterion and on the summary,
//! never lost when the person leaves the terminal half-way.

mod support;

use kinerja::domain::{Feedback, Tone};
use kinerja::i18n::Lang;
use kinerja::store::{Request, Response};
use kinerja::tui::model::Screen;
use ratatui::crossterm::event::KeyCode;
use support::{Session, scoring_fresh};

/// Every note about `nip` in the period shown, as the system reads them.
fn notes(s: &Session, nip: &str) -> Vec<Feedback> {
    let req = Request::Feedback {
        period: s.model.active_period.clone(),
        employees: None,
    };
    match s.store().execute(None, req).expect("read") {
        Response::Feedback { items, .. } => items
            .into_iter()
            .filter(|f| f.key.employee.as_str() == nip)
            .collect(),
        other => panic!("{other:?}"),
    }
}

#[test]
fn three_keys_and_the_text_from_the_scoring_card() {
    let mut s = Session::demo(Lang::Id);
    let nip = scoring_fresh(&mut s);
    s.key(KeyCode::Right);
    let criterion = {
        let p = s.model.current_person().expect("person");
        s.model.criteria(p)[1].criterion.clone()
    };
    // f, +, the note, Enter.
    s.key(KeyCode::Char('f'));
    s.key(KeyCode::Char('+'));
    s.chars("Memandu rapat koordinasi dengan baik");
    s.key(KeyCode::Enter);
    assert!(s.model.quick.is_none(), "saved and closed");
    let got = notes(&s, &nip);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].text, "Memandu rapat koordinasi dengan baik");
    assert_eq!(got[0].tone, Tone::Positive);
    assert_eq!(got[0].criterion.as_deref(), Some(criterion.id.as_str()));
    assert_eq!(Some(&got[0].author), s.model.me.as_ref());
    // It stands beside the criterion as evidence, and on the summary.
    let screen = s.screen(120, 40);
    assert!(screen.contains("Umpan balik (f):"), "{screen}");
    assert!(screen.contains("Anda: Memandu"), "{screen}");
    assert!(screen.contains("Umpan balik untuk"), "{screen}");
    s.key(KeyCode::Char('s'));
    let screen = s.screen(120, 40);
    assert!(
        screen.contains("1 apresiasi, 0 perlu perbaikan"),
        "{screen}"
    );
    let first_word = criterion.name.split(' ').next().expect("a name");
    assert!(screen.contains(&format!("[{first_word}")), "{screen}");
}

#[test]
fn a_few_letters_of_a_name_from_the_roster() {
    let mut s = Session::demo(Lang::En);
    s.login_first();
    assert_eq!(s.model.screen, Screen::Roster);
    // Someone further down the list than the highlighted row.
    let target = s.model.org.people[s.model.staff.last().expect("staff").person].clone();
    let first_word = target.name.split_whitespace().next().expect("a name");
    s.key(KeyCode::Char('f'));
    assert!(s.model.quick.is_some());
    s.chars(&first_word.to_lowercase());
    let q = s.model.quick.as_ref().expect("open");
    let top = q.highlighted().expect("a match");
    assert_eq!(s.model.org.people[top].nip, target.nip, "best match first");
    // `-` picks the person and the tone; Tab a criterion; Esc goes back
    // a step, keeping the text.
    s.key(KeyCode::Char('-'));
    s.chars("Late for the morning assembly");
    s.key(KeyCode::Esc);
    assert!(s.model.quick.is_some(), "back to the picker, not closed");
    s.key(KeyCode::Enter);
    s.key(KeyCode::Tab);
    let screen = s.screen(80, 24);
    assert!(screen.contains("− to improve"), "{screen}");
    s.key(KeyCode::Enter);
    let got = notes(&s, target.nip.as_str());
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].tone, Tone::Negative);
    assert_eq!(got[0].text, "Late for the morning assembly");
    assert!(got[0].criterion.is_some(), "Tab chose the first criterion");
    // A slip is withdrawn with U, pressed twice (once only warns).
    assert!(s.screen(80, 24).contains("U withdraws it"));
    s.key(KeyCode::Char('U'));
    assert_eq!(notes(&s, target.nip.as_str()).len(), 1, "asked first");
    s.key(KeyCode::Down);
    s.key(KeyCode::Char('U'));
    assert_eq!(
        notes(&s, target.nip.as_str()).len(),
        1,
        "another key forgot it"
    );
    let screen = s.screen(80, 24);
    assert!(
        screen.contains("Late for the morning"),
        "it says which: {screen}"
    );
    s.key(KeyCode::Char('U'));
    assert!(notes(&s, target.nip.as_str()).is_empty(), "withdrawn");
    assert!(s.screen(80, 24).contains("withdrawn"));
    // Nothing typed yet: Esc twice closes without a note.
    s.key(KeyCode::Char('f'));
    s.key(KeyCode::Esc);
    assert!(s.model.quick.is_none());
    assert!(notes(&s, target.nip.as_str()).is_empty());
}

#[test]
fn a_note_half_typed_is_saved_when_the_person_switches_user() {
    let mut s = Session::demo(Lang::Id);
    let nip = scoring_fresh(&mut s);
    s.key(KeyCode::Char('f'));
    s.key(KeyCode::Char('+'));
    s.chars("Sigap membantu warga");
    s.key(KeyCode::F(2));
    assert_eq!(s.model.screen, Screen::Login);
    assert!(s.model.quick.is_none());
    let got = notes(&s, &nip);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].text, "Sigap membantu warga");
    let screen = s.screen(80, 24);
    assert!(!screen.contains("Sigap"), "nothing of it left on screen");
}
