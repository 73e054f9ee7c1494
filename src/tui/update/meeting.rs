//! Meeting mode: open it on a unit, switch units, scroll, leave; its
//! notes are read again whenever someone adds or withdraws one.

use super::Effect;
use crate::domain::Feedback;
use crate::store::Request;
use crate::tui::action::{Action, Purpose};
use crate::tui::model::{Meeting, Model, Screen, Status};

/// Opens the meeting screen on `unit`, or on the unit of the person on
/// screen, or the first one.
pub fn open(m: &mut Model, unit: Option<&str>) -> Vec<Effect> {
    let units = m.meeting_units();
    let on_screen = m.current_person().map(|p| p.unit.clone());
    let Some(unit) = unit
        .map(str::to_string)
        .filter(|u| units.contains(u))
        .or_else(|| on_screen.filter(|u| units.contains(u)))
        .or_else(|| units.first().cloned())
    else {
        m.status = Status::Warning(m.t().meeting_no_units.into());
        return vec![];
    };
    m.meeting = Some(Meeting {
        unit,
        units,
        notes: Vec::new(),
        scroll: 0,
    });
    m.screen = Screen::Meeting;
    m.status = Status::Idle;
    load(m)
}

/// Hears of, and reads, the notes about the unit's people.
fn load(m: &Model) -> Vec<Effect> {
    let Some(meeting) = &m.meeting else {
        return vec![];
    };
    let members = m.meeting_members(&meeting.unit);
    vec![
        Effect::Store(
            Purpose::Watch,
            Request::Watch {
                period: m.active_period.clone(),
                employees: members.clone(),
            },
        ),
        reload(m, members),
    ]
}

fn reload(m: &Model, members: Vec<crate::domain::Nip>) -> Effect {
    Effect::Store(
        Purpose::Meeting,
        Request::Feedback {
            period: m.active_period.clone(),
            employees: Some(members),
        },
    )
}

pub fn key(m: &mut Model, action: Action) -> Vec<Effect> {
    let Some(meeting) = m.meeting.as_mut() else {
        return vec![];
    };
    match action {
        Action::NextUnit | Action::PrevUnit => {
            let n = meeting.units.len();
            let at = meeting
                .units
                .iter()
                .position(|u| u == &meeting.unit)
                .unwrap_or(0);
            let to = if action == Action::NextUnit {
                (at + 1) % n
            } else {
                (at + n - 1) % n
            };
            meeting.unit = meeting.units[to].clone();
            meeting.notes.clear();
            meeting.scroll = 0;
            load(m)
        }
        Action::Down => {
            meeting.scroll = (meeting.scroll + 1).min(meeting.notes.len().saturating_sub(1));
            vec![]
        }
        Action::Up => {
            meeting.scroll = meeting.scroll.saturating_sub(1);
            vec![]
        }
        Action::Back => {
            m.meeting = None;
            super::back_to_roster(m);
            // Back to the list's own records and announcements.
            super::load_assessments(m)
        }
        _ => vec![],
    }
}

/// The unit's notes arrived.
pub fn loaded(m: &mut Model, mut items: Vec<Feedback>) {
    let Some(meeting) = m.meeting.as_mut() else {
        return;
    };
    items.sort_by_key(|f| std::cmp::Reverse(f.id));
    meeting.notes = items;
    meeting.scroll = meeting.scroll.min(meeting.notes.len().saturating_sub(1));
}

/// A note about someone was added or withdrawn: read the unit's again
/// if they are in it.
pub fn changed(m: &Model, key: &crate::domain::AssessmentKey) -> Option<Effect> {
    let meeting = m.meeting.as_ref()?;
    let members = m.meeting_members(&meeting.unit);
    (key.period == m.active_period && members.contains(&key.employee)).then(|| reload(m, members))
}
