//! Announcements from the daemon: another terminal changed something, and
//! the open screen refreshes in place (text being typed is left alone).

use super::{Effect, init};
use crate::i18n::fill;
use crate::store::{Changed, Request, Snapshot};
use crate::tui::action::Purpose;
use crate::tui::model::{Model, Screen, Status};

pub fn changed(m: &mut Model, c: Changed) -> Vec<Effect> {
    // An open dashboard counts again when a record of its period changes.
    let recount = m.screen == Screen::Dashboard
        && matches!(&c, Changed::Assessment { key, .. } if key.period == m.period);
    let mut fx = records(m, c);
    if recount {
        fx.push(super::dashboard::load(m));
    }
    fx
}

fn records(m: &mut Model, c: Changed) -> Vec<Effect> {
    match c {
        Changed::Assessment { key, revision, by } => {
            let mine = m
                .staff
                .iter()
                .any(|r| m.org.people[r.person].nip == key.employee);
            let known = m.assessments.get(&key.employee).map_or(0, |a| a.revision);
            if key.period != m.period || !mine || known >= revision {
                return vec![];
            }
            let open = m.current_person().is_some_and(|p| p.nip == key.employee);
            if open && by.is_some() && by != m.me {
                let who = by
                    .as_ref()
                    .and_then(|n| m.person(n))
                    .map_or_else(|| "?".to_string(), |p| p.name.clone());
                m.status = Status::Info(fill(m.t().changed_elsewhere, &[("who", &who)]));
            }
            vec![Effect::Store(
                Purpose::Refresh,
                Request::Assessments {
                    period: key.period,
                    employees: Some(vec![key.employee]),
                },
            )]
        }
        Changed::SelfAssessment { key, revision } => {
            let known = m.selfs.get(&key.employee).map_or(0, |s| s.revision);
            let mine = m
                .staff
                .iter()
                .any(|r| m.org.people[r.person].nip == key.employee);
            if key.period != m.period || !mine || known >= revision {
                return vec![];
            }
            vec![Effect::Store(
                Purpose::Refresh,
                Request::SelfAssessments {
                    period: key.period,
                    employees: Some(vec![key.employee]),
                },
            )]
        }
        // A note was added or withdrawn: the staff's notes are read again
        // (a withdrawal leaves nothing to merge).
        Changed::Feedback { key } if m.meeting.is_some() => {
            super::meeting::changed(m, &key).into_iter().collect()
        }
        Changed::Feedback { key } => {
            let staff: Vec<_> = m
                .staff
                .iter()
                .map(|r| m.org.people[r.person].nip.clone())
                .collect();
            if key.period != m.period || !staff.contains(&key.employee) {
                return vec![];
            }
            vec![Effect::Store(
                Purpose::Feedback,
                super::feedback_request(m, staff),
            )]
        }
        Changed::UnitResults(p) if p == m.period && m.screen == Screen::Dashboard => {
            vec![super::dashboard::load(m)]
        }
        Changed::UnitResults(_) => vec![],
        Changed::Roster | Changed::Resync => {
            vec![Effect::Store(Purpose::Reload, Request::Snapshot)]
        }
        Changed::ActivePeriod(p) => {
            if m.org.period(&p).is_some() {
                m.active_period = p;
            }
            vec![]
        }
    }
}

/// A new roster while someone works: keep them where they are if they
/// are still on it, else start over at the login.
pub fn reload(m: &mut Model, s: Snapshot) -> Vec<Effect> {
    let still_here = m.me.as_ref().is_some_and(|me| {
        s.org.people.iter().any(|p| &p.nip == me) && s.org.period(&m.period).is_some()
    });
    if !still_here {
        m.me = None;
        return init();
    }
    let current = m.current_person().map(|p| p.nip.clone());
    m.set_org(s.org, s.reference);
    m.rebuild_staff();
    if let Some(i) = current.and_then(|nip| {
        m.staff
            .iter()
            .position(|r| m.org.people[r.person].nip == nip)
    }) {
        m.current = i;
        m.roster.selected = i;
    } else {
        m.current = 0;
        m.roster.selected = 0;
    }
    let n = m.current_person().map_or(0, |p| m.criteria(p).len());
    m.criterion = m.criterion.min(n.saturating_sub(1));
    let [watch, a, s, f] = super::staff_records(m);
    vec![
        Effect::Store(Purpose::Watch, watch),
        Effect::Store(Purpose::Refresh, a),
        Effect::Store(Purpose::Refresh, s),
        Effect::Store(Purpose::Feedback, f),
    ]
}
