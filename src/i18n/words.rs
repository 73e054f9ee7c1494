//! Strings put together from the catalogue: numbers, workflow states and
//! the names of actions (for the footer and the help screen).

use super::{Strings, fill};
use crate::tui::action::Action;

impl Strings {
    /// A score with two decimals in the language's notation (71,94 / 71.94).
    pub fn number(&self, x: f64) -> String {
        format!("{x:.2}").replace('.', self.decimal_sep)
    }

    /// The name of a workflow state (Draf, Diajukan, ...).
    pub fn state(&self, s: crate::domain::Status) -> &'static str {
        use crate::domain::Status as S;
        match s {
            S::Draft => self.state_draft,
            S::Submitted => self.state_submitted,
            S::Returned => self.state_returned,
            S::Approved => self.state_approved,
            S::Acknowledged => self.state_acknowledged,
            S::Objected => self.state_objected,
            S::Decided => self.state_decided,
        }
    }

    /// The description of an action, for the footer and the help screen.
    pub fn action(&self, a: &Action) -> String {
        let s = match a {
            Action::Quit => self.act_quit,
            Action::Help => self.act_help,
            Action::Back => self.act_back,
            Action::Up => self.act_up,
            Action::Down => self.act_down,
            Action::Select => self.act_select,
            Action::LoadDemo => self.act_load_demo,
            Action::Filter => self.act_filter,
            Action::NextPeriod => self.act_next_period,
            Action::PrevPeriod => self.act_prev_period,
            Action::PrevCriterion => self.act_prev_criterion,
            Action::NextCriterion => self.act_next_criterion,
            Action::PrevEmployee => self.act_prev_employee,
            Action::NextEmployee => self.act_next_employee,
            Action::Rate(n) => return fill(self.act_rate, &[("n", &n.to_string())]),
            Action::ClearRating => self.act_clear_rating,
            Action::EditNote => self.act_edit_note,
            Action::EditRealisasi => self.act_edit_realisasi,
            Action::Summary => self.act_summary,
            Action::Scoring => self.act_scoring,
            Action::NextSection => self.act_next_section,
            Action::ConfirmSuggestions => self.act_confirm,
            Action::MoveItemUp => self.act_move_up,
            Action::MoveItemDown => self.act_move_down,
            Action::RemoveItem => self.act_remove,
            Action::AddItem => self.act_add,
            Action::ResetItems => self.act_reset,
            Action::EditScore => self.act_edit_score,
            Action::History => self.act_history,
            Action::ToggleComplete => self.act_toggle_complete,
            Action::SaveText => self.act_save_text,
            Action::CancelText => self.act_cancel_text,
            Action::SwitchUser => self.act_switch_user,
            Action::Approve => self.act_approve,
            Action::ReturnToAppraiser => self.act_return,
            Action::Reopen => self.act_reopen,
            Action::DecideObjection => self.act_decide,
            Action::SendSelf => self.act_send_self,
            Action::QuickFeedback => self.act_quick_feedback,
            Action::Meeting => self.act_meeting,
            Action::Dashboard => self.act_dashboard,
            Action::Practice => self.act_practice,
            Action::Trend => self.act_trend,
            Action::SetUnitResult => self.act_set_unit_result,
            Action::WithdrawFeedback => self.act_withdraw_feedback,
            Action::NextUnit => self.act_next_unit,
            Action::PrevUnit => self.act_prev_unit,
            Action::Acknowledge => self.act_acknowledge,
            Action::Object => self.act_object,
            Action::SwitchMode => self.act_switch_mode,
            Action::Lock
            | Action::Clock(_)
            | Action::Unbound
            | Action::Input(_)
            | Action::Resize(..)
            | Action::HangUp
            | Action::Stored(..)
            | Action::Changed(_)
            | Action::DemoLoaded(_) => "",
        };
        s.to_string()
    }
}
