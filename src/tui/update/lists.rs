//! The login list and the roster: who signs in, and the records of the
//! people on their list that are loaded for the period shown.

use super::{Effect, first_unrated, move_sel, open_summary, pin};
use crate::domain::Nip;
use crate::store::Request;
use crate::tui::action::{Action, Purpose};
use crate::tui::model::{Mode, Model, Opening, Picker, Screen, Section, Status};

pub(super) fn login(m: &mut Model, action: Action) -> Vec<Effect> {
    let n = m.login_rows().len();
    match action {
        Action::Up | Action::Down => {
            move_sel(&mut m.login.selected, n, action == Action::Down);
            vec![]
        }
        Action::Select => {
            let Some(nip) = m.login_rows().get(m.login.selected).map(|p| p.nip.clone()) else {
                return vec![];
            };
            pin::start(m, nip)
        }
        _ => vec![],
    }
}

/// Logs a user in: their roster, its assessments, and where they were.
pub fn log_in(m: &mut Model, nip: Nip) -> Vec<Effect> {
    m.me = Some(nip.clone());
    m.login = Picker::default();
    m.screen = Screen::Roster;
    m.roster = Picker::default();
    m.current = 0;
    m.criterion = 0;
    m.section = Section::default();
    m.item = 0;
    m.status = Status::Idle;
    m.proposal = None;
    // A user without a saved cursor starts in the active period, not in
    // whatever period the previous user left open.
    m.period.clone_from(&m.active_period);
    m.mode = m.modes().first().copied().unwrap_or_default();
    m.rebuild_staff();
    let mut fx = load_assessments(m);
    // `kinerja meeting`: straight to the meeting screen.
    match std::mem::take(&mut m.opening) {
        Opening::Meeting { unit } => {
            fx.extend(super::meeting::open(m, unit.as_deref()));
            return fx;
        }
        Opening::Practice => {
            fx.extend(super::practice::open(m));
            return fx;
        }
        Opening::Resume => {}
    }
    fx.push(Effect::Store(
        Purpose::RestoreCursor,
        Request::GetCursor { user: nip },
    ));
    fx
}

pub(super) fn load_assessments(m: &mut Model) -> Vec<Effect> {
    m.assessments.clear();
    m.selfs.clear();
    m.feedback.clear();
    let [watch, a, s, f] = staff_records(m);
    // The self-assessments and feedback first: the assessments' answer
    // may resume a cursor onto a card that shows them.
    vec![
        Effect::Store(Purpose::Watch, watch),
        Effect::Store(Purpose::Assessments, s),
        Effect::Store(Purpose::Feedback, f),
        Effect::Store(Purpose::Assessments, a),
    ]
}

/// The requests for what the list shows in the period: to hear of its
/// changes, its assessments, self-assessments and feedback notes.
pub(super) fn staff_records(m: &Model) -> [Request; 4] {
    let employees: Vec<Nip> = m
        .staff
        .iter()
        .map(|r| m.org.people[r.person].nip.clone())
        .collect();
    [
        Request::Watch {
            period: m.period.clone(),
            employees: employees.clone(),
        },
        Request::Assessments {
            period: m.period.clone(),
            employees: Some(employees.clone()),
        },
        Request::SelfAssessments {
            period: m.period.clone(),
            employees: Some(employees.clone()),
        },
        feedback_request(m, employees),
    ]
}

/// The feedback notes about `employees` in the period shown.
pub(super) fn feedback_request(m: &Model, employees: Vec<Nip>) -> Request {
    Request::Feedback {
        period: m.period.clone(),
        employees: Some(employees),
    }
}

pub(super) fn roster(m: &mut Model, action: Action) -> Vec<Effect> {
    let rows = m.roster_rows();
    match action {
        Action::Up | Action::Down => {
            move_sel(&mut m.roster.selected, rows.len(), action == Action::Down);
            if let Some(&i) = rows.get(m.roster.selected) {
                m.current = i;
            }
            vec![]
        }
        Action::Select | Action::Summary => {
            let Some(&i) = rows.get(m.roster.selected) else {
                return vec![];
            };
            m.current = i;
            // Reviewers read the summary; appraisers rate their staff, and
            // employees themselves until their result is approved.
            let rates = match m.mode {
                Mode::Appraiser => true,
                Mode::Reviewer => false,
                Mode::Employee => !m.current_is_frozen(),
            };
            if action == Action::Summary || !rates {
                open_summary(m)
            } else {
                m.criterion = first_unrated(m);
                m.screen = Screen::Scoring;
                vec![]
            }
        }
        Action::NextPeriod | Action::PrevPeriod => {
            let n = m.org.periods.len();
            let Some(i) = m.org.periods.iter().position(|p| p.id == m.period) else {
                return vec![];
            };
            let j = if action == Action::NextPeriod {
                (i + 1) % n
            } else {
                (i + n - 1) % n
            };
            m.period = m.org.periods[j].id.clone();
            load_assessments(m)
        }
        // Esc first clears a filter, then switches user.
        Action::Back if !m.roster.filter.is_empty() => {
            m.roster = Picker {
                selected: m.current,
                ..Picker::default()
            };
            vec![]
        }
        Action::Back => {
            // Back at the list, the person who left is still highlighted.
            let left = m.me.take();
            m.login.selected = m
                .login_rows()
                .iter()
                .position(|p| Some(&p.nip) == left.as_ref())
                .unwrap_or(0);
            m.staff.clear();
            m.assessments.clear();
            m.status = Status::Idle;
            m.screen = Screen::Login;
            vec![]
        }
        _ => vec![],
    }
}
