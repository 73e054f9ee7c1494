//! The pure update function: `(model, action) → effects`. No IO here; the
//! event loop runs the effects and feeds the answers back as actions.

mod dashboard;
mod decision;
mod editing;
mod lists;
mod meeting;
mod pin;
mod practice;
mod quick;
mod remote;
mod review;
mod scoring;
mod stored;
mod summary;

use super::action::{Action, Purpose};
use super::keymap::Context;
use super::model::{Ending, Mode, Model, Picker, Screen, Section, Status};
use crate::domain::{Edit, Nip};
use crate::i18n::fill;
use crate::store::{Cursor, CursorScreen, Request};
pub use lists::log_in;
use lists::{feedback_request, load_assessments, login, roster, staff_records};

/// Work for the event loop.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    /// A request made as whoever is logged in once the action is handled.
    Store(Purpose, Request),
    /// A request made as this person (one leaving the terminal).
    StoreAs(Nip, Purpose, Request),
    /// Read the shipped demo organisation and seed the store with it.
    LoadDemo,
}

/// The requests that start the app.
pub fn init() -> Vec<Effect> {
    vec![Effect::Store(Purpose::Snapshot, Request::Snapshot)]
}

/// Applies one action. Any change of position is saved as the user's
/// cursor so a restart lands on the same employee and criterion, unless
/// the action saves the cursor itself (keeping or clearing a draft).
pub fn update(m: &mut Model, action: Action) -> Vec<Effect> {
    // A step asked to be pressed twice is forgotten at any other key.
    let from_user = !matches!(
        action,
        Action::Stored(..)
            | Action::Changed(_)
            | Action::Clock(_)
            | Action::Resize(..)
            | Action::DemoLoaded(_)
    );
    if from_user && m.confirming.as_ref() != Some(&action) {
        m.confirming = None;
    }
    let before = cursor(m);
    let mut fx = handle(m, action);
    let saving_cursor = fx
        .iter()
        .any(|e| matches!(e, Effect::Store(Purpose::Cursor, _)));
    if let (Some(me), Some(c)) = (m.me.clone(), cursor(m))
        && before.as_ref() != Some(&c)
        && !saving_cursor
    {
        fx.push(Effect::Store(
            Purpose::Cursor,
            Request::SetCursor {
                user: me,
                cursor: c,
            },
        ));
    }
    fx
}

/// Where the user is, as stored for resuming.
pub fn cursor(m: &Model) -> Option<Cursor> {
    m.me.as_ref()?;
    let screen = match m.screen {
        Screen::Roster => CursorScreen::Roster,
        Screen::Scoring => CursorScreen::Scoring,
        Screen::Summary => CursorScreen::Summary,
        _ => return None,
    };
    Some(Cursor {
        period: m.period.clone(),
        employee: m.current_person().map(|p| p.nip.clone()),
        criterion: m.criterion,
        screen,
        draft: None,
    })
}

fn handle(m: &mut Model, action: Action) -> Vec<Effect> {
    match action {
        Action::Quit => {
            m.ending = Some(Ending::Quit);
            vec![]
        }
        Action::Changed(c) => remote::changed(m, c),
        Action::Lock => pin::lock(m),
        Action::Clock(now) => {
            m.now = now;
            vec![]
        }
        Action::SwitchUser => pin::switch_user(m),
        Action::QuickFeedback => quick::open(m),
        Action::WithdrawFeedback => quick::withdraw(m),
        Action::Meeting if m.screen == Screen::Roster => meeting::open(m, None),
        Action::Dashboard if m.screen == Screen::Roster => dashboard::open(m),
        Action::Practice if m.screen == Screen::Roster => practice::open(m),
        Action::Input(_)
        | Action::SaveText
        | Action::Back
        | Action::Up
        | Action::Down
        | Action::NextCriterion
        | Action::PrevCriterion
            if m.quick.is_some() && !m.locked =>
        {
            quick::key(m, action)
        }
        Action::SwitchMode => review::switch_mode(m),
        Action::Input(_) | Action::Select | Action::Back if m.locked || m.screen == Screen::Pin => {
            pin::key(m, action)
        }
        Action::Resize(w, h) => {
            m.size = (w, h);
            vec![]
        }
        Action::Help => {
            m.help = true;
            vec![]
        }
        Action::Back if m.help => {
            m.help = false;
            vec![]
        }
        Action::Back if m.history.is_some() || m.trend.is_some() => {
            m.history = None;
            m.trend = None;
            vec![]
        }
        Action::Trend => match m.current_person() {
            Some(p) if matches!(m.screen, Screen::Scoring | Screen::Summary) => {
                let employee = p.nip.clone();
                vec![Effect::Store(Purpose::Trend, Request::Trend { employee })]
            }
            _ => vec![],
        },
        Action::History => match m.current_person() {
            Some(p) if matches!(m.screen, Screen::Scoring | Screen::Summary) => {
                let key = m.key_of(p);
                vec![Effect::Store(Purpose::History, Request::History { key })]
            }
            _ => vec![],
        },
        Action::Stored(purpose, result) => stored::stored(m, purpose, result),
        Action::DemoLoaded(Ok(req)) => {
            m.status = Status::Info(m.t().demo_loading.into());
            vec![Effect::Store(Purpose::Seed, *req)]
        }
        Action::DemoLoaded(Err(e)) => {
            m.status = Status::Error(e);
            vec![]
        }
        Action::LoadDemo if m.screen == Screen::FirstRun => {
            m.status = Status::Info(m.t().demo_loading.into());
            vec![Effect::LoadDemo]
        }
        Action::HangUp => editing::hang_up(m),
        Action::Input(_) | Action::SaveText | Action::CancelText => editing::text(m, action),
        Action::Filter => {
            if let Some(p) = picker(m) {
                p.filtering = true;
            }
            vec![]
        }
        other => match m.screen {
            Screen::Login => login(m, other),
            Screen::Roster => roster(m, other),
            Screen::Scoring => scoring::scoring(m, other),
            Screen::Summary if m.mode != Mode::Appraiser => review::review(m, other),
            Screen::Summary => summary::summary(m, other),
            Screen::Meeting => meeting::key(m, other),
            Screen::Dashboard => dashboard::key(m, other),
            Screen::Practice => practice::key(m, other),
            Screen::Loading | Screen::FirstRun | Screen::Pin => vec![],
        },
    }
}

/// The picker of the current screen, if it has one.
fn picker(m: &mut Model) -> Option<&mut Picker> {
    match m.screen {
        Screen::Login => Some(&mut m.login),
        Screen::Roster => Some(&mut m.roster),
        _ => None,
    }
}

fn move_sel(sel: &mut usize, len: usize, down: bool) {
    if down {
        *sel = (*sel + 1).min(len.saturating_sub(1));
    } else {
        *sel = sel.saturating_sub(1);
    }
}

/// The first criterion without a rating, or the first one.
fn first_unrated(m: &Model) -> usize {
    let Some(p) = m.current_person() else {
        return 0;
    };
    let sheet = m.sheet(&p.nip);
    m.criteria(p)
        .iter()
        .position(|c| sheet.rating(&c.criterion.id).is_none())
        .unwrap_or(0)
}

/// Opens the summary; an appraiser's own calibration figures are read
/// again, for the warning shown before submitting.
fn open_summary(m: &mut Model) -> Vec<Effect> {
    m.screen = Screen::Summary;
    open_summary_fresh(m);
    if m.mode != Mode::Appraiser {
        return vec![];
    }
    vec![Effect::Store(
        Purpose::Calibration,
        Request::OwnCalibration {
            period: m.period.clone(),
        },
    )]
}

/// Resets the summary focus for a newly shown employee.
fn open_summary_fresh(m: &mut Model) {
    m.section = Section::Hasil;
    m.item = 0;
}

fn switch_employee(m: &mut Model, next: bool) {
    m.proposal = None;
    let before = m.current;
    move_sel(&mut m.current, m.staff.len(), next);
    if m.current != before {
        m.criterion = first_unrated(m);
    }
}

/// Refuses to change a completed assessment, saying how to reopen it.
fn refuse_if_frozen(m: &mut Model) -> bool {
    let Some(sheet) = m.current_person().map(|p| m.sheet(&p.nip)) else {
        return false;
    };
    if !sheet.locked() {
        return false;
    }
    let submitted = sheet.status == Some(crate::domain::Status::Submitted);
    let msg = if sheet.own() && submitted {
        m.t().self_sent.to_string()
    } else if submitted {
        let key = m.keys(Context::Summary, &Action::ToggleComplete);
        fill(m.t().frozen, &[("key", &key)])
    } else {
        m.t().approved_frozen.to_string()
    };
    m.status = Status::Warning(msg);
    true
}

fn back_to_roster(m: &mut Model) {
    m.proposal = None;
    m.screen = Screen::Roster;
    m.roster.filter.clear();
    m.roster.selected = m.current;
}

/// Sends one edit of the scoring card's record to the store: the
/// assessment, or in employee mode the person's own self-assessment.
pub fn edit(m: &mut Model, edit: Edit) -> Vec<Effect> {
    let own = m.current_person().is_some_and(|p| m.sheet(&p.nip).own());
    send(m, edit, own)
}

/// Takes a workflow step on the current employee's assessment (not the
/// self-assessment, even in employee mode: accepting, objecting).
pub fn step(m: &mut Model, t: crate::domain::workflow::Transition) -> Vec<Effect> {
    send(m, Edit::Step(t), false)
}

fn send(m: &mut Model, edit: Edit, own: bool) -> Vec<Effect> {
    let Some(p) = m.current_person() else {
        return vec![];
    };
    let key = m.key_of(p);
    let expected_revision = if own {
        m.selfs.get(&p.nip).map_or(0, |s| s.revision)
    } else {
        m.assessment(&p.nip).map_or(0, |a| a.revision)
    };
    let req = if own {
        Request::SelfEdit {
            key,
            expected_revision,
            edit,
        }
    } else {
        Request::Edit {
            key,
            expected_revision,
            edit,
        }
    };
    m.status = Status::Saving;
    m.pending_text = None;
    vec![Effect::Store(Purpose::Save, req)]
}

/// The entry of the employee being scored for a criterion, as this mode
/// fills it in.
pub fn current_entry(m: &Model, criterion: &str) -> Option<crate::domain::assessment::Entry> {
    let p = m.current_person()?;
    m.sheet(&p.nip).entry(criterion).cloned()
}
