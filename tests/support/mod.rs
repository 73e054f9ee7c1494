//! A real session without a terminal: the demo seeded into a real sled
//! store in a temp dir, driven through the same `settle` loop the TUI uses.
//! The `tmux` module is the other harness: the real binary in a real pty.

#![allow(dead_code)]

pub mod daemon;
pub mod tmux;

use kinerja::domain::assessment::Entry;
use kinerja::i18n::Lang;
use kinerja::store::{Request, Response, Store};
use kinerja::theme::Theme;
use kinerja::tui::action::Action;
use kinerja::tui::keymap::Keymap;
use kinerja::tui::model::Model;
use kinerja::tui::model::Screen;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The arrow key and how many presses take the login list's selection to
/// an appraiser: the preselected row if it is one, else the first.
pub fn keys_to_an_appraiser(m: &Model) -> (KeyCode, usize) {
    let rows = m.login_rows();
    let appraises = |i: usize| {
        let nip = &rows[i].nip;
        m.org
            .people
            .iter()
            .any(|q| q.appraiser.as_ref() == Some(nip))
    };
    let at = m.login.selected;
    let target = if appraises(at) {
        at
    } else {
        (0..rows.len())
            .find(|&i| appraises(i))
            .expect("an appraiser on the login list")
    };
    if target >= at {
        (KeyCode::Down, target - at)
    } else {
        (KeyCode::Up, at - target)
    }
}

/// The PIN every test appraiser uses.
pub const PIN: &str = "480715";

pub struct Session {
    pub dir: tempfile::TempDir,
    pub store: Option<Store>,
    pub model: Model,
}

/// Seeds the shipped demo into a fresh store.
pub fn seeded_dir() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = Store::open(dir.path()).expect("open store");
    let d = kinerja::data::demo().expect("demo data");
    store.execute(None, d.into()).expect("seed");
    dir
}

impl Session {
    /// A session on the demo organisation, at the login screen.
    pub fn demo(lang: Lang) -> Self {
        Self::open(seeded_dir(), lang)
    }

    /// A session on an existing data dir (a restart).
    pub fn open(dir: tempfile::TempDir, lang: Lang) -> Self {
        let store = Store::open(dir.path()).expect("open store");
        let model = Model::new(lang, Keymap::default_map());
        let mut s = Self {
            dir,
            store: Some(store),
            model,
        };
        let store = s.store.take().expect("store");
        kinerja::tui::start(&mut s.model, &store, |_| Ok(())).expect("start");
        s.store = Some(store);
        s
    }

    pub fn store(&self) -> &Store {
        self.store.as_ref().expect("store open")
    }

    /// Closes the store and opens a new session on the same dir.
    pub fn restart(mut self, lang: Lang) -> Self {
        self.store = None;
        Self::open(self.dir, lang)
    }

    pub fn act(&mut self, a: Action) {
        let store = self.store.take().expect("store");
        kinerja::tui::settle(&mut self.model, &store, a, |_| Ok(())).expect("settle");
        self.store = Some(store);
    }

    /// Presses a key through the real keymap.
    pub fn key(&mut self, code: KeyCode) {
        self.key_with(code, KeyModifiers::NONE);
    }

    pub fn key_with(&mut self, code: KeyCode, mods: KeyModifiers) {
        let ev = KeyEvent::new(code, mods);
        if let Some(a) = self.model.keymap.resolve(&ev, self.model.context()) {
            self.act(a);
        }
    }

    pub fn chars(&mut self, s: &str) {
        for c in s.chars() {
            self.key(KeyCode::Char(c));
        }
    }

    /// Renders the screen at a size and returns it as text.
    pub fn screen(&mut self, w: u16, h: u16) -> String {
        self.act(Action::Resize(w, h));
        let theme = Theme::builtin("default").expect("theme");
        let mut t = Terminal::new(TestBackend::new(w, h)).expect("terminal");
        t.draw(|f| kinerja::tui::views::render(&self.model, &theme, f))
            .expect("draw");
        let buf = t.backend().buffer();
        (0..h)
            .map(|y| {
                let line: String = (0..w).map(|x| buf[(x, y)].symbol().to_string()).collect();
                line.trim_end().to_string()
            })
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// Logs in as the appraiser preselected on the login list (the last
    /// user), else the first appraiser on it.
    pub fn login_first(&mut self) {
        let (key, n) = keys_to_an_appraiser(&self.model);
        for _ in 0..n {
            self.key(key);
        }
        self.act(Action::Select);
        self.give_pin();
    }

    /// Answers the PIN prompt with the test PIN: set and confirmed on
    /// first use, entered after that.
    pub fn give_pin(&mut self) {
        for _ in 0..3 {
            if self.model.pin.is_none() {
                return;
            }
            self.chars(PIN);
            self.key(KeyCode::Enter);
        }
        assert!(self.model.pin.is_none(), "the PIN prompt is still open");
    }
}

/// Logs in as the first appraiser and opens the first employee with
/// nothing rated in the active period.
pub fn scoring_fresh(s: &mut Session) -> String {
    s.login_first();
    assert_eq!(s.model.screen, Screen::Roster);
    let i = (0..s.model.staff.len())
        .find(|&i| {
            let p = &s.model.org.people[s.model.staff[i].person];
            s.model.assessment(&p.nip).is_none()
        })
        .expect("an untouched employee");
    for _ in 0..i {
        s.key(KeyCode::Down);
    }
    s.key(KeyCode::Enter);
    assert_eq!(s.model.screen, Screen::Scoring);
    assert_eq!(s.model.criterion, 0);
    s.model.current_person().expect("person").nip.to_string()
}

pub fn stored_rating(s: &Session, nip: &str, criterion: usize) -> Option<u8> {
    stored_entry(s, nip, criterion).and_then(|e| e.rating)
}

/// A criterion's entry as the store has it (not the model's copy).
pub fn stored_entry(s: &Session, nip: &str, criterion: usize) -> Option<Entry> {
    let p = s
        .model
        .org
        .people
        .iter()
        .find(|p| p.nip.as_str() == nip)
        .expect("person");
    let id = s.model.criteria(p)[criterion].criterion.id.clone();
    let Response::Assessments { items, .. } = s
        .store()
        .execute(
            None,
            Request::Assessments {
                period: s.model.period.clone(),
                employees: Some(vec![p.nip.clone()]),
            },
        )
        .expect("read")
    else {
        panic!("unexpected response")
    };
    items.first().and_then(|a| a.entry(&id)).cloned()
}

/// The middle ("meets expectation") level of a scale: 2 of 3, 3 of 5.
pub fn meets(scale: u8) -> u8 {
    scale.div_ceil(2)
}

/// Walks the current employee's criteria from the one shown to the last,
/// typing the digit `pick(index, scale)` on each and moving on with →.
pub fn rate_rest(s: &mut Session, pick: impl Fn(usize, u8) -> u8) {
    let n = s.model.criteria(s.model.current_person().expect("p")).len();
    for i in s.model.criterion..n {
        let scale = s.model.criteria(s.model.current_person().expect("p"))[i].scale;
        let digit = char::from(b'0' + pick(i, scale));
        s.key(KeyCode::Char(digit));
        s.key(KeyCode::Right);
    }
}

/// Logs in as `nip` from the login list (filtering by NIP) with the PIN.
pub fn log_in_as(s: &mut Session, nip: &str) {
    s.key(KeyCode::F(2));
    assert_eq!(s.model.screen, Screen::Login);
    s.key(KeyCode::Char('/'));
    s.chars(nip);
    s.key(KeyCode::Enter);
    s.give_pin();
    assert_eq!(
        s.model.me.as_ref().map(kinerja::domain::Nip::as_str),
        Some(nip)
    );
}

/// Switches to `mode` with the one key, filters the list to `employee`
/// and presses Enter on it.
pub fn select(s: &mut Session, mode: kinerja::tui::model::Mode, employee: &str) {
    for _ in 0..3 {
        if s.model.mode == mode {
            break;
        }
        s.key(KeyCode::Char('v'));
    }
    assert_eq!(s.model.mode, mode);
    s.key(KeyCode::Char('/'));
    s.chars(employee);
    s.key(KeyCode::Enter);
}
