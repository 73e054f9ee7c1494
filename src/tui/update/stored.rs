//! Answers from the store: snapshots, loaded assessments, saves,
//! conflicts and the cursor to resume at.

use super::{Effect, init, load_assessments, log_in};
use crate::i18n::fill;
use crate::store::{Cursor, CursorScreen, Request, Response, Snapshot};
use crate::tui::action::Purpose;
use crate::tui::model::{Ending, Model, Screen, Status};
use std::collections::HashMap;

pub fn stored(m: &mut Model, purpose: Purpose, result: Result<Response, String>) -> Vec<Effect> {
    // Hanging up, text whose save did not go through (a conflict, a
    // refusal, a store error) is kept for the next start instead.
    if m.ending == Some(Ending::HangUp)
        && !matches!(result, Ok(Response::Saved(_) | Response::SelfSaved(_)))
        && let Some((target, text)) = m.pending_text.take()
    {
        return super::editing::keep(m, target, text);
    }
    let response = match result {
        Ok(r) => r,
        Err(e) => {
            m.status = Status::Error(fill(m.t().store_error, &[("why", &e)]));
            return vec![];
        }
    };
    match (purpose, response) {
        (Purpose::Pin, r) => super::pin::answer(m, r),
        // The answer to a note saved as someone who has since left the
        // terminal: nothing of theirs is shown to the next person.
        (Purpose::Save | Purpose::Feedback, _) if m.me.is_none() => {
            m.pending_text = None;
            vec![]
        }
        (Purpose::Reload, Response::Snapshot(s)) if m.me.is_some() => super::remote::reload(m, *s),
        (_, Response::Snapshot(s)) => snapshot(m, *s),
        (Purpose::Refresh, Response::Assessments { items, .. }) => {
            for a in items {
                let newer = m
                    .assessments
                    .get(&a.key.employee)
                    .is_none_or(|old| old.revision < a.revision);
                if newer && a.key.period == m.period {
                    m.assessments.insert(a.key.employee.clone(), a);
                }
            }
            vec![]
        }
        (_, Response::SelfAssessments { items, corrupt }) => {
            note_corrupt(m, corrupt);
            for s in items {
                let newer = m
                    .selfs
                    .get(&s.key.employee)
                    .is_none_or(|old| old.revision < s.revision);
                if newer && s.key.period == m.period {
                    m.selfs.insert(s.key.employee.clone(), s);
                }
            }
            vec![]
        }
        (Purpose::Feedback, Response::FeedbackSaved(f)) => super::quick::saved(m, *f),
        (Purpose::Withdraw, Response::Done) => super::quick::withdrawn(m),
        (Purpose::Dashboard, Response::Dashboard { dashboard, corrupt }) => {
            note_corrupt(m, corrupt);
            super::dashboard::loaded(m, *dashboard);
            vec![]
        }
        (Purpose::Calibration, Response::Calibration(figures)) => {
            m.my_calibration = figures;
            vec![]
        }
        (Purpose::Career, Response::Career { units, corrupt }) => {
            note_corrupt(m, corrupt);
            m.dash.career = Some(units);
            vec![]
        }
        (Purpose::Dashboard, Response::Done) => {
            m.status = Status::Saved;
            vec![super::dashboard::load(m)]
        }
        (Purpose::Meeting, Response::Feedback { items, corrupt }) => {
            note_corrupt(m, corrupt);
            super::meeting::loaded(m, items);
            vec![]
        }
        (_, Response::Feedback { items, corrupt }) => {
            note_corrupt(m, corrupt);
            let period = m.period.clone();
            m.feedback = items
                .into_iter()
                .filter(|f| f.key.period == period)
                .collect();
            vec![]
        }
        (Purpose::Seed, Response::Done) => {
            m.status = Status::Info(m.t().demo_loaded.into());
            init()
        }
        (_, Response::Assessments { items, corrupt }) => {
            note_corrupt(m, corrupt);
            m.assessments = items
                .into_iter()
                .map(|a| (a.key.employee.clone(), a))
                .collect::<HashMap<_, _>>();
            match m.pending_cursor.take() {
                Some(c) => apply_cursor(m, c),
                None => vec![],
            }
        }
        (_, Response::Saved(a)) => {
            // Submitting opens the employee's sent self-assessment to
            // the appraiser: ask for it.
            let fx = if a.status == crate::domain::Status::Draft
                || m.selfs.contains_key(&a.key.employee)
            {
                vec![]
            } else {
                vec![Effect::Store(
                    Purpose::Refresh,
                    Request::SelfAssessments {
                        period: a.key.period.clone(),
                        employees: Some(vec![a.key.employee.clone()]),
                    },
                )]
            };
            m.assessments.insert(a.key.employee.clone(), *a);
            m.status = Status::Saved;
            m.pending_text = None;
            fx
        }
        (_, Response::SelfSaved(s)) => {
            m.selfs.insert(s.key.employee.clone(), *s);
            m.status = Status::Saved;
            m.pending_text = None;
            vec![]
        }
        (_, Response::SelfConflict(s)) => {
            let when = crate::tui::views::format_time(s.updated_at);
            m.selfs.insert(s.key.employee.clone(), *s);
            if let Some((target, text)) = m.pending_text.take() {
                super::editing::open(m, target, &text);
            }
            let me = m
                .me_person()
                .map_or_else(|| "?".to_string(), |p| p.name.clone());
            m.status = Status::Warning(fill(m.t().conflict, &[("who", &me), ("when", &when)]));
            vec![]
        }
        (_, Response::Conflict(a)) => {
            let who = a
                .updated_by
                .as_ref()
                .and_then(|n| m.person(n))
                .map_or_else(|| "?".to_string(), |p| p.name.clone());
            let when = crate::tui::views::format_time(a.updated_at);
            m.assessments.insert(a.key.employee.clone(), *a);
            // Typed text is never lost: the editor comes back with it, to be
            // saved again now that the other person's change has been read.
            if let Some((target, text)) = m.pending_text.take() {
                super::editing::open(m, target, &text);
            }
            m.status = Status::Warning(fill(m.t().conflict, &[("who", &who), ("when", &when)]));
            vec![]
        }
        (_, Response::Rejected(why)) => {
            m.pending_text = None;
            m.status = Status::Error(fill(m.t().rejected, &[("why", &why)]));
            vec![]
        }
        (_, Response::Trend { points, corrupt }) => {
            note_corrupt(m, corrupt);
            m.trend = Some(points);
            vec![]
        }
        (_, Response::History(items)) => {
            m.history = Some(items);
            vec![]
        }
        (Purpose::RestoreCursor, Response::Cursor(Some(c))) => {
            if c.period != m.period && m.org.period(&c.period).is_some() {
                m.period.clone_from(&c.period);
                m.pending_cursor = Some(c);
                return load_assessments(m);
            }
            apply_cursor(m, c)
        }
        _ => vec![],
    }
}

fn snapshot(m: &mut Model, s: Snapshot) -> Vec<Effect> {
    m.set_org(s.org, s.reference);
    m.corrupt = s.corrupt;
    if !m.corrupt.is_empty() {
        m.status = Status::Warning(fill(
            m.t().corrupt_records,
            &[("n", &m.corrupt.len().to_string())],
        ));
    }
    m.active_period = s
        .active_period
        .filter(|p| m.org.period(p).is_some())
        .or_else(|| m.org.periods.last().map(|p| p.id.clone()))
        .unwrap_or_default();
    m.period.clone_from(&m.active_period);
    if m.org.people.is_empty() {
        m.screen = Screen::FirstRun;
        return vec![];
    }
    if m.preferred_user.is_none() {
        m.preferred_user = s.last_user;
    }
    m.screen = Screen::Login;
    let preferred = m.preferred_user.clone();
    if let Some(nip) = preferred {
        if m.auto_login && m.person(&nip).is_some() {
            m.auto_login = false;
            // A terminal the daemon knows the user of needs no PIN.
            if m.fixed_user {
                return log_in(m, nip);
            }
            return super::pin::start(m, nip);
        }
        if let Some(i) = m.login_rows().iter().position(|p| p.nip == nip) {
            m.login.selected = i;
        }
    } else {
        // Nobody has logged in yet: start on the first appraiser, whose
        // work the app is mostly for.
        let appraises = |p: &&crate::domain::Person| {
            m.org
                .people
                .iter()
                .any(|q| q.appraiser.as_ref() == Some(&p.nip))
        };
        m.login.selected = m.login_rows().iter().position(appraises).unwrap_or(0);
    }
    vec![]
}

/// Puts the user back where the cursor says, and reopens the editor a
/// hangup left unsaved text in; that text then leaves the stored cursor.
fn apply_cursor(m: &mut Model, c: Cursor) -> Vec<Effect> {
    let Some(i) = c.employee.as_ref().and_then(|nip| {
        m.staff
            .iter()
            .position(|r| &m.org.people[r.person].nip == nip)
    }) else {
        return vec![];
    };
    m.current = i;
    m.roster.selected = i;
    let n = m.current_person().map_or(0, |p| m.criteria(p).len());
    m.criterion = c.criterion.min(n.saturating_sub(1));
    m.screen = match c.screen {
        CursorScreen::Roster => Screen::Roster,
        CursorScreen::Scoring => Screen::Scoring,
        CursorScreen::Summary => Screen::Summary,
    };
    let (Some(draft), Some(user), Some(cursor)) = (c.draft, m.me.clone(), super::cursor(m)) else {
        return vec![];
    };
    super::editing::recover(m, draft);
    vec![Effect::Store(
        Purpose::Cursor,
        Request::SetCursor { user, cursor },
    )]
}

/// Adds records the store could not read to those already reported.
fn note_corrupt(m: &mut Model, corrupt: Vec<crate::store::CorruptRecord>) {
    for c in corrupt {
        if !m.corrupt.contains(&c) {
            m.corrupt.push(c);
        }
    }
}
