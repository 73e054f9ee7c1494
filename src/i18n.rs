//! The UI catalogue: Bahasa Indonesia first, English second. Both
//! catalogues are values of one struct, so a missing string in either
//! is a compile error; a test checks that none is left empty.

use crate::tui::action::Action;

/// The UI language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Id,
    En,
}

impl Lang {
    /// Parses `id`/`en` (and `in`, `indonesia`, `english`).
    pub fn parse(s: &str) -> Option<Self> {
        match s.trim().to_ascii_lowercase().as_str() {
            "id" | "in" | "indonesia" | "bahasa" => Some(Self::Id),
            "en" | "english" => Some(Self::En),
            _ => None,
        }
    }

    pub fn strings(self) -> &'static Strings {
        match self {
            Self::Id => &ID,
            Self::En => &EN,
        }
    }
}

/// Replaces `{name}` placeholders in a catalogue string.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    args.iter().fold(template.to_string(), |s, (k, v)| {
        s.replace(&format!("{{{k}}}"), v)
    })
}

macro_rules! catalogue {
    ($($field:ident),* $(,)?) => {
        /// Every user-facing string. Fields are named for where they appear.
        #[derive(Debug)]
        pub struct Strings { $(pub $field: &'static str,)* }

        impl Strings {
            /// Every (field name, text) pair, for completeness tests.
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($field), self.$field),)*]
            }
        }
    };
}

catalogue!(
    app_name,
    decimal_sep,
    period,
    saving,
    saved,
    unsaved,
    draft_recovered,
    conflict,
    rejected,
    store_error,
    demo_loading,
    demo_loaded,
    corrupt_records,
    first_run_title,
    first_run_body,
    first_run_demo,
    first_run_import,
    login_title,
    login_hint,
    login_empty,
    filter_prompt,
    no_match,
    roster_title,
    roster_empty,
    status_not_started,
    status_draft,
    status_done,
    staff_count,
    hasil_kerja,
    perilaku_kerja,
    criterion_of,
    employee_of,
    post,
    iki,
    aspek,
    target,
    realisasi,
    note,
    rating,
    not_rated,
    needs_note,
    guidance,
    rhk_utama,
    rhk_tambahan,
    scale_hint,
    edit_note_title,
    edit_realisasi_title,
    text_help,
    text_help_single,
    summary_title,
    suggested,
    rated_of,
    decided,
    reason,
    predikat,
    score,
    score_line,
    strengths,
    improvements,
    training,
    free_text,
    no_items,
    cannot_complete,
    unrated_n,
    missing_notes_n,
    add_item_title,
    override_reason_title,
    reason_required,
    unconfirmed,
    no_result,
    frozen,
    status_label,
    complete_label,
    draft_label,
    not_numeric,
    stale,
    help_title,
    too_small,
    cli_has_data,
    cli_demo_done,
    cli_exported,
    cli_backup_done,
    cli_restore_done,
    cli_restore_kept,
    cli_doctor_ok,
    cli_doctor_bad,
    cli_doctor_rebuilt,
    cli_audit_ok,
    cli_audit_broken,
    act_quit,
    act_help,
    act_back,
    act_up,
    act_down,
    act_select,
    act_load_demo,
    act_filter,
    act_next_period,
    act_prev_period,
    act_prev_criterion,
    act_next_criterion,
    act_prev_employee,
    act_next_employee,
    act_rate,
    act_clear_rating,
    act_edit_note,
    act_edit_realisasi,
    act_summary,
    act_scoring,
    act_next_section,
    act_confirm,
    act_move_up,
    act_move_down,
    act_remove,
    act_add,
    act_reset,
    act_edit_score,
    act_history,
    history_title,
    history_empty,
    h_rating,
    h_note,
    h_realisasi,
    h_decision,
    h_decision_reason,
    h_cleared,
    h_lists,
    h_status,
    score_title,
    score_invalid,
    act_toggle_complete,
    act_save_text,
    act_cancel_text,
);

impl Strings {
    /// A score with two decimals in the language's notation (71,94 / 71.94).
    pub fn number(&self, x: f64) -> String {
        format!("{x:.2}").replace('.', self.decimal_sep)
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
            Action::Unbound
            | Action::Input(_)
            | Action::Resize(..)
            | Action::HangUp
            | Action::Stored(..)
            | Action::DemoLoaded(_) => "",
        };
        s.to_string()
    }
}

mod en;
mod id;

pub use en::EN;
pub use id::ID;

#[cfg(test)]
mod tests;
