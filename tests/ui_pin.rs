//! The PIN prompt, the idle lock and "switch user", through the real
//! keymap and update on a real store seeded with the demo.

mod support;

use kinerja::i18n::Lang;
use kinerja::tui::action::Action;
use kinerja::tui::model::{PinStage, Screen};
use ratatui::crossterm::event::KeyCode;
use support::{PIN, Session, scoring_fresh};

fn stage(s: &Session) -> PinStage {
    s.model.pin.as_ref().expect("the PIN prompt").stage.clone()
}

fn message(s: &Session) -> String {
    s.model
        .pin
        .as_ref()
        .and_then(|p| p.message.clone())
        .unwrap_or_default()
}

fn type_pin(s: &mut Session, pin: &str) {
    s.chars(pin);
    s.key(KeyCode::Enter);
}

#[test]
fn first_use_sets_a_pin_twice_then_it_is_asked_for() {
    let mut s = Session::demo(Lang::En);
    s.key(KeyCode::Enter);
    assert_eq!(s.model.screen, Screen::Pin);
    assert_eq!(stage(&s), PinStage::New);
    type_pin(&mut s, "123456");
    assert!(message(&s).contains("consecutive"), "{}", message(&s));
    type_pin(&mut s, PIN);
    assert!(matches!(stage(&s), PinStage::Confirm { .. }));
    type_pin(&mut s, "209384");
    assert_eq!(stage(&s), PinStage::New);
    assert!(message(&s).contains("differ"), "{}", message(&s));
    type_pin(&mut s, PIN);
    type_pin(&mut s, PIN);
    assert_eq!(s.model.screen, Screen::Roster);
    let me = s.model.me.clone().expect("logged in");

    // Next time: the PIN is asked for; a wrong one says how many tries
    // are left; Esc goes back to the list.
    s.key(KeyCode::Esc);
    assert_eq!(s.model.screen, Screen::Login);
    s.key(KeyCode::Enter);
    assert_eq!(stage(&s), PinStage::Enter);
    type_pin(&mut s, "209384");
    assert!(message(&s).contains("4 tries left"), "{}", message(&s));
    assert_eq!(s.model.me, None);
    type_pin(&mut s, PIN);
    assert_eq!(s.model.me, Some(me));
    // Only digits are typed, six at most, and backspace takes one back.
    s.key(KeyCode::Esc);
    s.key(KeyCode::Enter);
    s.chars("4x8y0715999");
    assert_eq!(s.model.pin.as_ref().expect("prompt").digits, PIN);
    s.key(KeyCode::Backspace);
    assert_eq!(s.model.pin.as_ref().expect("prompt").digits.len(), 5);
}

#[test]
fn an_idle_lock_hides_everything_until_the_same_pin_is_given() {
    let mut s = Session::demo(Lang::Id);
    let nip = scoring_fresh(&mut s);
    let name = s.model.current_person().expect("p").name.clone();
    let me = s.model.me_person().expect("me").name.clone();
    s.key(KeyCode::Char('2'));
    s.act(Action::Lock);
    let screen = s.screen(100, 30);
    for secret in [&nip, &name, &me] {
        assert!(
            !screen.contains(secret.as_str()),
            "{secret} shows:\n{screen}"
        );
    }
    assert!(screen.contains("Layar terkunci"), "{screen}");
    // Keys do nothing but type the PIN; Esc does not unlock.
    s.key(KeyCode::Esc);
    s.key(KeyCode::Char('s'));
    assert!(s.model.locked);
    type_pin(&mut s, "209384");
    assert!(s.model.locked);
    type_pin(&mut s, PIN);
    assert!(!s.model.locked);
    assert_eq!(s.model.screen, Screen::Scoring);
    assert_eq!(s.model.current_person().expect("p").nip.as_str(), nip);
}

#[test]
fn switch_user_is_one_key_and_saves_the_open_note_as_its_author() {
    let mut s = Session::demo(Lang::Id);
    let nip = scoring_fresh(&mut s);
    let me = s.model.me.clone().expect("me");
    s.key(KeyCode::Char('n'));
    s.chars("catatan sebelum berganti");
    s.key(KeyCode::F(2));
    assert_eq!(s.model.screen, Screen::Login);
    assert_eq!(s.model.me, None);
    assert!(s.model.staff.is_empty() && s.model.assessments.is_empty());
    // Nothing of the session stays on screen: the login list only.
    let screen = s.screen(100, 30);
    assert!(screen.contains("Siapa Anda?"), "{screen}");
    assert!(
        !screen.contains("catatan sebelum") && !screen.contains("Kriteria"),
        "{screen}"
    );
    // The note was saved, by the person who typed it.
    let history = s
        .store()
        .execute(
            None,
            kinerja::store::Request::History {
                key: kinerja::domain::AssessmentKey {
                    period: s.model.active_period.clone(),
                    employee: kinerja::domain::Nip::parse(&nip).expect("nip"),
                },
            },
        )
        .expect("history");
    let text = format!("{history:?}");
    assert!(text.contains("catatan sebelum berganti"), "{text}");
    let kinerja::store::Response::History(items) = history else {
        panic!("history");
    };
    assert_eq!(items.last().and_then(|i| i.actor.clone()), Some(me));
}
