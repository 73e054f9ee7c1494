//! The PIN prompt: after a name is picked at the login (set a PIN on first
//! use, else enter it), and to unlock an idle-locked session. The daemon
//! checks the PIN; only then does it take this terminal's word for who is
//! working here. Also the idle lock and "switch user".

use super::{Effect, log_in};
use crate::domain::Nip;
use crate::domain::pin::{self, Check, State, WeakPin};
use crate::i18n::fill;
use crate::store::{Request, Response};
use crate::tui::action::{Action, Purpose};
use crate::tui::model::{Model, Picker, PinEntry, PinStage, Screen, Status};
use ratatui::crossterm::event::KeyCode;

/// Opens the prompt for a person picked at the login.
pub fn start(m: &mut Model, nip: Nip) -> Vec<Effect> {
    m.pin = Some(PinEntry::new(nip.clone(), false));
    m.screen = Screen::Pin;
    vec![Effect::Store(Purpose::Pin, Request::PinStatus { nip })]
}

/// Keys on the prompt: digits, backspace, submit, back.
pub fn key(m: &mut Model, action: Action) -> Vec<Effect> {
    let Some(entry) = m.pin.as_mut() else {
        return vec![];
    };
    match action {
        Action::Input(k) => {
            match k.code {
                KeyCode::Char(c) if c.is_ascii_digit() && entry.digits.len() < pin::LENGTH => {
                    entry.digits.push(c);
                }
                KeyCode::Backspace => {
                    entry.digits.pop();
                }
                _ => {}
            }
            vec![]
        }
        Action::Select => submit(m),
        Action::Back if !entry.unlock => {
            m.pin = None;
            m.screen = Screen::Login;
            vec![]
        }
        Action::SwitchUser => switch_user(m),
        _ => vec![],
    }
}

fn weak(m: &Model, w: WeakPin) -> String {
    let t = m.t();
    match w {
        WeakPin::Format => t.pin_weak_format,
        WeakPin::Repeated => t.pin_weak_repeated,
        WeakPin::Sequence => t.pin_weak_sequence,
    }
    .to_string()
}

fn submit(m: &mut Model) -> Vec<Effect> {
    let Some(entry) = m.pin.as_mut() else {
        return vec![];
    };
    let digits = std::mem::take(&mut entry.digits);
    let nip = entry.nip.clone();
    match entry.stage.clone() {
        PinStage::Asking => vec![],
        PinStage::Enter => vec![Effect::Store(
            Purpose::Pin,
            Request::CheckPin { nip, pin: digits },
        )],
        PinStage::New => {
            if let Err(w) = pin::validate(&digits) {
                let msg = weak(m, w);
                if let Some(e) = m.pin.as_mut() {
                    e.message = Some(msg);
                }
                return vec![];
            }
            entry.stage = PinStage::Confirm { first: digits };
            entry.message = None;
            vec![]
        }
        PinStage::Confirm { first } if first == digits => {
            // Set, then checked: the check is what logs this connection in.
            vec![
                Effect::Store(
                    Purpose::Pin,
                    Request::SetPin {
                        nip: nip.clone(),
                        pin: first.clone(),
                    },
                ),
                Effect::Store(Purpose::Pin, Request::CheckPin { nip, pin: first }),
            ]
        }
        PinStage::Confirm { .. } => {
            entry.stage = PinStage::New;
            entry.message = Some(m.lang.strings().pin_mismatch.into());
            vec![]
        }
    }
}

fn until(m: &Model, t: i64) -> String {
    fill(
        m.t().pin_locked,
        &[("time", &crate::tui::views::format_time(t))],
    )
}

/// The store's answers to the prompt's requests.
pub fn answer(m: &mut Model, response: Response) -> Vec<Effect> {
    let Some(entry) = m.pin.as_ref() else {
        return vec![];
    };
    let (nip, unlock) = (entry.nip.clone(), entry.unlock);
    let (stage, message) = match response {
        Response::Pin(State {
            locked_until: Some(t),
            ..
        })
        | Response::PinChecked(Check::Locked { until: t }) => (PinStage::Enter, Some(until(m, t))),
        Response::Pin(State { set: true, .. }) => (PinStage::Enter, None),
        Response::Pin(State { set: false, .. }) | Response::PinChecked(Check::NotSet) => {
            (PinStage::New, None)
        }
        Response::PinChecked(Check::Ok) => {
            m.pin = None;
            if unlock {
                m.locked = false;
                m.status = Status::Idle;
                return vec![];
            }
            return log_in(m, nip);
        }
        Response::PinChecked(Check::Wrong { remaining }) => (
            PinStage::Enter,
            Some(fill(m.t().pin_wrong, &[("n", &remaining.to_string())])),
        ),
        Response::Rejected(why) => (PinStage::New, Some(why)),
        // `Done` (a PIN set): the check that follows logs in.
        _ => return vec![],
    };
    if let Some(e) = m.pin.as_mut() {
        e.stage = stage;
        e.message = message;
        e.digits.clear();
    }
    vec![]
}

/// Idle for too long: hide everything until the PIN is given again.
pub fn lock(m: &mut Model) -> Vec<Effect> {
    let Some(me) = m.me.clone() else {
        return vec![];
    };
    if m.locked || m.fixed_user {
        return vec![];
    }
    m.locked = true;
    m.status = Status::Idle;
    m.help = false;
    m.history = None;
    m.trend = None;
    m.pin = Some(PinEntry::new(me, true));
    vec![]
}

/// Leaves the session for the login list; open text is saved first.
pub fn switch_user(m: &mut Model) -> Vec<Effect> {
    if m.fixed_user {
        return vec![];
    }
    // Typed text is saved as the person who typed it, even though they
    // are gone by the time the request runs.
    let mut fx: Vec<Effect> = match (m.editor.is_some(), m.me.clone()) {
        (true, Some(me)) => super::editing::text(m, Action::SaveText)
            .into_iter()
            .filter_map(|e| match e {
                Effect::Store(Purpose::Save, r) => {
                    Some(Effect::StoreAs(me.clone(), Purpose::Save, r))
                }
                _ => None,
            })
            .collect(),
        _ => vec![],
    };
    if let (Some(me), Some(req)) = (m.me.clone(), super::quick::leaving(m)) {
        fx.push(Effect::StoreAs(me, Purpose::Feedback, req));
    }
    m.feedback.clear();
    m.last_feedback = None;
    m.my_calibration = None;
    m.meeting = None;
    m.practice = None;
    m.me = None;
    m.locked = false;
    m.pin = None;
    m.help = false;
    m.history = None;
    m.trend = None;
    m.editor = None;
    m.staff.clear();
    m.assessments.clear();
    m.login = Picker::default();
    m.screen = Screen::Login;
    m.status = Status::Idle;
    // The daemon ends this terminal's login too.
    fx.push(Effect::Store(Purpose::Pin, Request::Logout));
    fx
}
