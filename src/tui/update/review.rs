//! The summary as a reviewer or an employee sees it: read-only, with the
//! workflow steps that are theirs. The store checks each step again.

use super::{Effect, edit, editing};
use crate::domain::Edit;
use crate::domain::workflow::Transition;
use crate::tui::action::Action;
use crate::tui::model::{Mode, Model, StepText, TextTarget};

pub fn review(m: &mut Model, action: Action) -> Vec<Effect> {
    let text = |m: &mut Model, kind| {
        editing::open(m, TextTarget::Step(kind), "");
        vec![]
    };
    match (m.mode, action) {
        (Mode::Reviewer, Action::Approve) => edit(m, Edit::Step(Transition::Approve)),
        (Mode::Reviewer, Action::ReturnToAppraiser) => text(m, StepText::Return),
        (Mode::Reviewer, Action::Reopen) => text(m, StepText::Reopen),
        (Mode::Reviewer, Action::DecideObjection) => text(m, StepText::Decide),
        (Mode::Employee, Action::Acknowledge) => edit(m, Edit::Step(Transition::Acknowledge)),
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
