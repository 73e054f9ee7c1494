//! Two terminals on one daemon: what one saves shows up on the other's
//! open screen in place, and text being typed there is left alone.

mod support;

use kinerja::daemon::client::Client;
use kinerja::i18n::Lang;
use kinerja::store::{Changed, Exec};
use kinerja::tui::action::Action;
use kinerja::tui::keymap::Keymap;
use kinerja::tui::model::{Model, Screen};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::sync::mpsc::{Receiver, channel};
use std::time::Duration;
use support::daemon::Daemon;

/// One terminal: a model, its connection and its announcements.
struct Term {
    model: Model,
    client: Client,
    events: Receiver<Changed>,
}

impl Term {
    fn open(d: &Daemon) -> Self {
        let (tx, events) = channel();
        let client = d.listener(tx);
        let mut model = Model::new(Lang::Id, Keymap::default_map());
        kinerja::tui::start(&mut model, &client as &dyn Exec, |_| Ok(())).expect("start");
        Self {
            model,
            client,
            events,
        }
    }

    fn act(&mut self, a: Action) {
        kinerja::tui::settle(&mut self.model, &self.client, a, |_| Ok(())).expect("settle");
    }

    fn key(&mut self, code: KeyCode) {
        let ev = KeyEvent::new(code, KeyModifiers::NONE);
        if let Some(a) = self.model.keymap.resolve(&ev, self.model.context()) {
            self.act(a);
        }
    }

    /// Sets (first time) or enters the test PIN at the prompt.
    fn give_pin(&mut self) {
        for _ in 0..3 {
            if self.model.pin.is_none() {
                return;
            }
            for c in support::PIN.chars() {
                self.key(KeyCode::Char(c));
            }
            self.key(KeyCode::Enter);
        }
    }

    /// Waits for the next announcement and lets the model handle it, as
    /// the event loop does.
    fn hear(&mut self) {
        let c = self
            .events
            .recv_timeout(Duration::from_secs(10))
            .expect("an announcement");
        self.act(Action::Changed(c));
    }

    fn shown_rating(&self, criterion: usize) -> Option<u8> {
        let p = self.model.current_person().expect("person");
        let id = &self.model.criteria(p)[criterion].criterion.id;
        self.model.assessment(&p.nip).and_then(|a| a.rating(id))
    }
}

#[test]
fn a_rating_saved_on_one_terminal_appears_on_the_other() {
    let dir = support::seeded_dir();
    let store = kinerja::store::Store::open(dir.path()).expect("open");
    let d = Daemon::start(dir.path(), store, &[]);
    let mut a = Term::open(&d);
    let mut b = Term::open(&d);
    for t in [&mut a, &mut b] {
        let (key, n) = support::keys_to_an_appraiser(&t.model);
        for _ in 0..n {
            t.key(key);
        }
        t.act(Action::Select);
        t.give_pin();
        t.key(KeyCode::Enter);
        assert_eq!(t.model.screen, Screen::Scoring);
    }
    let before = b.shown_rating(0);
    let pick = if before == Some(1) { '2' } else { '1' };
    // B starts typing a note on the same employee.
    b.key(KeyCode::Char('n'));
    assert!(b.model.editor.is_some(), "the note editor is open");
    for c in "sedang menulis".chars() {
        b.key(KeyCode::Char(c));
    }
    a.key(KeyCode::Char(pick));
    b.hear();
    let want = pick.to_digit(10).and_then(|d| u8::try_from(d).ok());
    assert_eq!(b.shown_rating(0), want, "B sees A's rating");
    assert_eq!(b.model.screen, Screen::Scoring, "B stays where it was");
    let typed = b
        .model
        .editor
        .as_ref()
        .expect("still editing")
        .area
        .lines()
        .join("\n");
    assert!(
        typed.contains("sedang menulis"),
        "B's typing is kept: {typed:?}"
    );
    a.hear(); // A's own save: nothing to fetch, nothing changes.
    assert_eq!(a.shown_rating(0), want);
}
