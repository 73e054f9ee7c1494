//! The unit dashboard: open it, move between tabs, units and periods,
//! and (as the admin) enter a unit's Capaian Kinerja Organisasi.

use super::Effect;
use crate::domain::Role;
use crate::domain::org_result::OrgResult;
use crate::i18n::fill;
use crate::store::Request;
use crate::tui::action::{Action, Purpose};
use crate::tui::model::{DashState, DashTab, Model, Screen, Status};

pub fn open(m: &mut Model) -> Vec<Effect> {
    if m.me.is_none() {
        return vec![];
    }
    m.dash = DashState::default();
    m.screen = Screen::Dashboard;
    m.status = Status::Idle;
    vec![load(m)]
}

/// Asks for the career figures of the period shown.
pub fn career(m: &Model) -> Effect {
    Effect::Store(
        Purpose::Career,
        Request::Career {
            period: m.period.clone(),
        },
    )
}

/// Asks for the figures of the period shown.
pub fn load(m: &Model) -> Effect {
    Effect::Store(
        Purpose::Dashboard,
        Request::Dashboard {
            period: m.period.clone(),
        },
    )
}

pub fn key(m: &mut Model, action: Action) -> Vec<Effect> {
    let n = m.dash.data.as_ref().map_or(0, |d| d.units.len());
    match action {
        Action::Back if m.dash.choosing_result => {
            m.dash.choosing_result = false;
            m.status = Status::Idle;
            vec![]
        }
        Action::Back => {
            super::back_to_roster(m);
            vec![]
        }
        Action::NextSection => {
            m.dash.tab = m.dash.tab.next();
            // Career figures read more periods: only when first shown.
            if m.dash.tab == DashTab::Career && m.dash.career.is_none() {
                return vec![career(m)];
            }
            vec![]
        }
        Action::Up | Action::Down => {
            super::move_sel(&mut m.dash.selected, n, action == Action::Down);
            vec![]
        }
        Action::NextPeriod | Action::PrevPeriod => {
            let mut fx = super::lists::roster(m, action);
            m.screen = Screen::Dashboard;
            m.dash.career = None;
            fx.push(load(m));
            if m.dash.tab == DashTab::Career {
                fx.push(career(m));
            }
            fx
        }
        Action::SetUnitResult => {
            let admin = m.me_person().is_some_and(|p| p.has_role(Role::Admin));
            if !admin {
                m.status = Status::Warning(m.t().dash_admin_only.into());
                return vec![];
            }
            let Some(unit) = m.dash.unit().map(|u| u.unit().to_string()) else {
                return vec![];
            };
            let name = m.org.unit(&unit).map_or(unit.clone(), |u| u.name.clone());
            let choices: Vec<String> = OrgResult::ALL
                .iter()
                .enumerate()
                .map(|(i, r)| format!("{} {}", i + 1, r.label()))
                .collect();
            m.status = Status::Info(fill(
                m.t().dash_choose_result,
                &[("unit", &name), ("choices", &choices.join(" · "))],
            ));
            m.dash.choosing_result = true;
            vec![]
        }
        Action::Rate(r) if m.dash.choosing_result => {
            m.dash.choosing_result = false;
            let (Some(result), Some(unit)) = (
                OrgResult::ALL.get(usize::from(r).wrapping_sub(1)).copied(),
                m.dash.unit().map(|u| u.unit().to_string()),
            ) else {
                return vec![];
            };
            m.status = Status::Saving;
            vec![Effect::Store(
                Purpose::Dashboard,
                Request::SetUnitResult {
                    period: m.period.clone(),
                    unit,
                    result,
                },
            )]
        }
        _ => vec![],
    }
}

/// The figures arrived.
pub fn loaded(m: &mut Model, d: crate::domain::dashboard::Dashboard) {
    if d.period != m.period {
        return;
    }
    m.dash.selected = m.dash.selected.min(d.units.len().saturating_sub(1));
    m.dash.data = Some(d);
}
