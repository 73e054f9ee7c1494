//! Quick feedback: `f` from any screen, a few letters of the name, `+` or
//! `−`, the note, Enter. On the scoring card the employee and criterion
//! on screen are already chosen: `f`, `+`, the note, Enter.

use super::Effect;
use crate::domain::{AssessmentKey, Tone};
use crate::i18n::fill;
use crate::store::Request;
use crate::tui::action::{Action, Purpose};
use crate::tui::model::{Model, QuickNote, QuickStage, Screen, Status};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Opens the overlay, or says why it cannot open.
pub fn open(m: &mut Model) -> Vec<Effect> {
    if !matches!(
        m.screen,
        Screen::Roster
            | Screen::Scoring
            | Screen::Summary
            | Screen::Meeting
            | Screen::Dashboard
            | Screen::Practice
    ) {
        return vec![];
    }
    match m.quick_note() {
        Some(q) if !q.candidates.is_empty() => m.quick = Some(q),
        _ => m.status = Status::Warning(m.t().quick_nobody.into()),
    }
    vec![]
}

/// A key while the overlay is open.
pub fn key(m: &mut Model, action: Action) -> Vec<Effect> {
    let n_criteria = m
        .quick
        .as_ref()
        .and_then(|q| q.employee)
        .map_or(0, |i| m.criteria(&m.org.people[i]).len());
    let Some(q) = m.quick.as_mut() else {
        return vec![];
    };
    let down = action == Action::Down;
    let next = action == Action::NextCriterion;
    match (q.stage, action) {
        (QuickStage::Text, Action::Back) => {
            q.stage = QuickStage::Pick;
            vec![]
        }
        (QuickStage::Pick, Action::Back) => {
            m.quick = None;
            m.status = Status::Idle;
            vec![]
        }
        (QuickStage::Pick, Action::Up | Action::Down) => {
            let n = q.matches.len();
            super::move_sel(&mut q.selected, n, down);
            vec![]
        }
        (QuickStage::Pick, Action::SaveText) => {
            choose(m, None);
            vec![]
        }
        (QuickStage::Pick, Action::Input(key)) => {
            match sign(key) {
                Some(tone) => choose(m, Some(tone)),
                None => pick_input(m, key),
            }
            vec![]
        }
        (QuickStage::Text, Action::Input(key)) => {
            let empty = q.text.lines().concat().is_empty();
            match sign(key) {
                // A sign before any text sets the tone.
                Some(tone) if empty => q.tone = tone,
                _ => {
                    q.text.input(key);
                }
            }
            vec![]
        }
        (QuickStage::Text, Action::NextCriterion | Action::PrevCriterion) => {
            q.criterion = cycle(q.criterion, n_criteria, next);
            vec![]
        }
        (QuickStage::Text, Action::SaveText) => send(m),
        _ => vec![],
    }
}

/// `+` or `-` (or the real minus sign), unmodified.
fn sign(key: KeyEvent) -> Option<Tone> {
    if key
        .modifiers
        .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    {
        return None;
    }
    match key.code {
        KeyCode::Char('+') => Some(Tone::Positive),
        KeyCode::Char('-' | '−') => Some(Tone::Negative),
        _ => None,
    }
}

fn pick_input(m: &mut Model, key: KeyEvent) {
    let Some(q) = m.quick.as_mut() else { return };
    match key.code {
        KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => q.query.push(c),
        KeyCode::Backspace => {
            q.query.pop();
        }
        _ => return,
    }
    let first = q.matches.first().copied().filter(|_| q.query.is_empty());
    q.refilter(first);
}

/// Takes the highlighted employee and moves on to the note.
fn choose(m: &mut Model, tone: Option<Tone>) {
    let on_screen = m.staff.get(m.current).map(|r| r.person);
    let Some(q) = m.quick.as_mut() else { return };
    let Some(who) = q.highlighted() else { return };
    // A criterion preselected from the scoring card belongs to the
    // employee on it.
    if Some(who) != on_screen || q.employee.is_some_and(|e| e != who) {
        q.criterion = None;
    }
    q.employee = Some(who);
    if let Some(t) = tone {
        q.tone = t;
    }
    q.stage = QuickStage::Text;
}

/// None, then each criterion in turn, then None again.
fn cycle(at: Option<usize>, n: usize, next: bool) -> Option<usize> {
    if n == 0 {
        return None;
    }
    match (at, next) {
        (None, true) => Some(0),
        (None, false) => Some(n - 1),
        (Some(i), true) => (i + 1 < n).then_some(i + 1),
        (Some(i), false) => i.checked_sub(1),
    }
}

/// The request that records the overlay's note, if it is complete.
pub fn request(m: &Model, q: &QuickNote) -> Option<Request> {
    let person = &m.org.people[q.employee?];
    let text = q.text.lines().join(" ");
    if text.trim().is_empty() {
        return None;
    }
    let criterion = q
        .criterion
        .and_then(|i| m.criteria(person).get(i).map(|c| c.criterion.id.clone()));
    // Feedback belongs to the running period, whatever period is browsed.
    Some(Request::AddFeedback {
        key: AssessmentKey {
            period: m.active_period.clone(),
            employee: person.nip.clone(),
        },
        tone: q.tone,
        criterion,
        text,
    })
}

fn send(m: &mut Model) -> Vec<Effect> {
    let Some(req) = m.quick.as_ref().and_then(|q| request(m, q)) else {
        return vec![];
    };
    m.status = Status::Saving;
    // The overlay stays open until the store has the note.
    vec![Effect::Store(Purpose::Feedback, req)]
}

/// The store has the note: close the overlay and show it.
pub fn saved(m: &mut Model, f: crate::domain::Feedback) -> Vec<Effect> {
    m.quick = None;
    let who = name(m, &f.key.employee);
    let key = m.keys(m.context(), &Action::WithdrawFeedback);
    m.status = Status::Info(fill(
        m.t().feedback_saved_undo,
        &[("who", &who), ("key", &key)],
    ));
    m.last_feedback = Some(f.clone());
    // In-process there is no announcement: show it where it belongs.
    let fx = super::meeting::changed(m, &f.key).into_iter().collect();
    if f.key.period == m.period && !m.feedback.iter().any(|g| g.id == f.id) {
        m.feedback.push(f);
    }
    fx
}

/// Withdraws the last note given here, once confirmed by a second press.
pub fn withdraw(m: &mut Model) -> Vec<Effect> {
    let Some(f) = m.last_feedback.clone() else {
        return vec![];
    };
    let who = name(m, &f.key.employee);
    if m.confirming.take() != Some(Action::WithdrawFeedback) {
        let key = m.keys(m.context(), &Action::WithdrawFeedback);
        m.status = Status::Warning(fill(
            m.t().feedback_withdraw_confirm,
            &[("who", &who), ("text", &f.text), ("key", &key)],
        ));
        m.confirming = Some(Action::WithdrawFeedback);
        return vec![];
    }
    m.status = Status::Saving;
    vec![Effect::Store(
        Purpose::Withdraw,
        Request::RetractFeedback {
            key: f.key.clone(),
            id: f.id,
        },
    )]
}

/// The store withdrew the last note: it leaves every list.
pub fn withdrawn(m: &mut Model) -> Vec<Effect> {
    let Some(f) = m.last_feedback.take() else {
        return vec![];
    };
    m.feedback.retain(|g| g.id != f.id);
    if let Some(meeting) = m.meeting.as_mut() {
        meeting.notes.retain(|g| g.id != f.id);
    }
    let who = name(m, &f.key.employee);
    m.status = Status::Info(fill(m.t().feedback_withdrawn, &[("who", &who)]));
    vec![]
}

fn name(m: &Model, nip: &crate::domain::Nip) -> String {
    m.person(nip)
        .map_or_else(|| nip.to_string(), |p| p.name.clone())
}

/// The note being typed when the person leaves or the terminal goes
/// away: saved as them, like an open note.
pub fn leaving(m: &mut Model) -> Option<Request> {
    let q = m.quick.take()?;
    request(m, &q)
}

#[cfg(test)]
mod tests {
    use super::cycle;

    #[test]
    fn criteria_cycle_through_none() {
        assert_eq!(cycle(None, 3, true), Some(0));
        assert_eq!(cycle(Some(2), 3, true), None);
        assert_eq!(cycle(None, 3, false), Some(2));
        assert_eq!(cycle(Some(0), 3, false), None);
        assert_eq!(cycle(None, 0, true), None);
    }
}
