//! The summary as a reviewer or an employee sees it: read-only, with the
//! workflow steps that are theirs. The store checks each step again.

use super::{Effect, decision, edit, editing, step};
use crate::domain::Edit;
use crate::domain::workflow::Transition;
use crate::i18n::fill;
use crate::tui::action::Action;
use crate::tui::keymap::Context;
use crate::tui::model::{Mode, Model, Screen, Status, StepText, TextTarget};

pub fn review(m: &mut Model, action: Action) -> Vec<Effect> {
    let text = |m: &mut Model, kind| {
        editing::open(m, TextTarget::Step(kind), "");
        vec![]
    };
    let confirmed = m.confirming.take() == Some(action.clone());
    match (m.mode, action) {
        (Mode::Employee, Action::SendSelf) => send_self(m, confirmed),
        (Mode::Employee, Action::Scoring) => {
            if !super::refuse_if_frozen(m) {
                m.criterion = super::first_unrated(m);
                m.screen = Screen::Scoring;
            }
            vec![]
        }
        (Mode::Reviewer, Action::Approve) => step(m, Transition::Approve),
        (Mode::Reviewer, Action::ReturnToAppraiser) => text(m, StepText::Return),
        (Mode::Reviewer, Action::Reopen) => text(m, StepText::Reopen),
        (Mode::Reviewer, Action::DecideObjection) => text(m, StepText::Decide),
        (Mode::Reviewer, Action::NextSection) => decision::next_aspect(m),
        (Mode::Reviewer, Action::Rate(r)) => decision::propose_level(m, r),
        (Mode::Reviewer, Action::EditScore) => decision::score_editor(m),
        (Mode::Employee, Action::Acknowledge) => step(m, Transition::Acknowledge),
        (Mode::Employee, Action::Object) => text(m, StepText::Object),
        (_, Action::NextEmployee) => {
            super::switch_employee(m, true);
            vec![]
        }
        (_, Action::PrevEmployee) => {
            super::switch_employee(m, false);
            vec![]
        }
        (_, Action::Back) => {
            super::back_to_roster(m);
            vec![]
        }
        _ => vec![],
    }
}

/// Sends the employee's self-assessment to their appraiser: it cannot be
/// changed afterwards, so the key is asked for twice.
fn send_self(m: &mut Model, confirmed: bool) -> Vec<Effect> {
    if super::refuse_if_frozen(m) {
        return vec![];
    }
    if !confirmed {
        let key = m.keys(Context::OwnSelf, &Action::SendSelf);
        m.status = Status::Warning(fill(m.t().self_send_confirm, &[("key", &key)]));
        m.confirming = Some(Action::SendSelf);
        return vec![];
    }
    edit(m, Edit::Step(Transition::Submit))
}

/// The next of the person's modes (rating staff, reviewing, own result),
/// with that mode's list loaded.
pub fn switch_mode(m: &mut Model) -> Vec<Effect> {
    let modes = m.modes();
    if modes.len() < 2 {
        return vec![];
    }
    let at = modes.iter().position(|&x| x == m.mode).unwrap_or(0);
    m.mode = modes[(at + 1) % modes.len()];
    m.roster = crate::tui::model::Picker::default();
    m.current = 0;
    m.criterion = 0;
    m.screen = crate::tui::model::Screen::Roster;
    m.rebuild_staff();
    super::load_assessments(m)
}
