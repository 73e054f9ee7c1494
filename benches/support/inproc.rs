//! The app in-process, as `tui::run` drives it, but drawing to a
//! `TestBackend`: keys through the real keymap, the real `settle` loop and
//! a real sled store, so each keystroke's cost is update + store + frames.

use kinerja::domain::Nip;
use kinerja::i18n::Lang;
use kinerja::store::Store;
use kinerja::theme::Theme;
use kinerja::tui::keymap::Keymap;
use kinerja::tui::model::Model;
use kinerja::tui::views::render;
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::time::{Duration, Instant};

pub struct App {
    pub store: Store,
    pub model: Model,
    term: Terminal<TestBackend>,
    theme: Theme,
}

/// What one keystroke cost.
pub struct Press {
    /// Until the first frame reflecting the key (before any store write).
    pub first_frame: Duration,
    /// Until the loop is idle again: effects run and the last frame drawn.
    pub total: Duration,
}

impl App {
    /// Starts as `kinerja --as NIP` would: snapshot, auto-login, first frame.
    pub fn open(dir: &std::path::Path, nip: &Nip, w: u16, h: u16) -> Self {
        let store = Store::open(dir).expect("open store");
        let mut model = Model::new(Lang::Id, Keymap::default_map());
        model.preferred_user = Some(nip.clone());
        model.auto_login = true;
        // In-process, like a terminal the daemon knows the user of: no PIN.
        model.fixed_user = true;
        model.size = (w, h);
        let mut app = Self {
            store,
            model,
            term: Terminal::new(TestBackend::new(w, h)).expect("terminal"),
            theme: Theme::builtin("default").expect("theme"),
        };
        kinerja::tui::start(&mut app.model, &app.store, |_| Ok(())).expect("start");
        app
    }

    fn settle(&mut self, action: kinerja::tui::action::Action) -> Option<Duration> {
        let t0 = Instant::now();
        let mut first = None;
        let (term, theme) = (&mut self.term, &self.theme);
        kinerja::tui::settle(&mut self.model, &self.store, action, |m| {
            term.draw(|f| render(m, theme, f)).expect("draw");
            first.get_or_insert(t0.elapsed());
            Ok(())
        })
        .expect("settle");
        self.term
            .draw(|f| render(&self.model, &self.theme, f))
            .expect("draw");
        first
    }

    /// One key press, resolved by the keymap, settled and drawn.
    pub fn press(&mut self, code: KeyCode) -> Press {
        let t0 = Instant::now();
        let ev = KeyEvent::new(code, KeyModifiers::NONE);
        // Like `tui::run`: a key without a binding draws nothing.
        let action = self.model.keymap.resolve(&ev, self.model.context());
        let first = action.and_then(|a| self.settle(a));
        let total = t0.elapsed();
        Press {
            first_frame: first.unwrap_or(total),
            total,
        }
    }

    /// The current screen as text, for sanity checks.
    pub fn screen_text(&self) -> String {
        let buf = self.term.backend().buffer();
        buf.content()
            .iter()
            .map(ratatui::buffer::Cell::symbol)
            .collect()
    }

    /// How many criteria the current employee has.
    pub fn criteria_len(&self) -> usize {
        self.model
            .current_person()
            .map_or(0, |p| self.model.criteria(p).len())
    }

    /// The current employee's key, first criterion and revision.
    pub fn current(&self) -> (kinerja::domain::AssessmentKey, String, u64) {
        let p = self.model.current_person().expect("an employee");
        let key = self.model.key_of(p);
        let criterion = self.model.criteria(p)[0].criterion.id.clone();
        let revision = self.model.assessment(&p.nip).map_or(0, |a| a.revision);
        (key, criterion, revision)
    }
}
