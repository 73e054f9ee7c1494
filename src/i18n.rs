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
    changed_elsewhere,
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
    removed_criterion,
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
    state_draft,
    state_submitted,
    state_returned,
    state_approved,
    state_acknowledged,
    state_objected,
    state_decided,
    approved_frozen,
    not_numeric,
    stale,
    help_title,
    too_small,
    tpl_no_id,
    tpl_scale,
    tpl_no_criteria,
    tpl_criterion_no_id,
    tpl_criterion_twice,
    tpl_levels_count,
    tpl_level_empty,
    tpl_needs_hasil,
    tpl_only_hasil,
    tpl_aspek,
    tpl_iki_target,
    tpl_no_utama,
    tpl_id_case,
    tpl_criterion_taken,
    tpl_behaviour_only,
    tpl_template_place,
    tpl_no_points,
    tpl_scale_shrinks,
    src_unknown_field,
    src_no_fields,
    src_missing_field,
    src_unknown_variant,
    src_invalid_type,
    src_invalid_value,
    src_duplicate_key,
    src_utf8,
    src_syntax,
    src_or,
    src_t_list,
    src_t_table,
    src_t_text,
    src_t_integer,
    src_t_small,
    src_t_bool,
    src_t_decimal,
    src_unreadable,
    imp_refused,
    imp_empty_store,
    imp_corrupt,
    imp_new,
    imp_replace,
    imp_scale_changed,
    imp_added,
    imp_removed,
    imp_changed,
    imp_template_changed,
    imp_kept_ratings,
    imp_orphan_training,
    imp_unchanged,
    imp_dry_run,
    imp_done,
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
    cli_audit_purge,
    cli_purge_plan,
    cli_purge_none,
    cli_purge_done,
    cli_purge_bad_date,
    cli_purge_active,
    pin_title,
    pin_enter,
    pin_new,
    pin_confirm,
    pin_checking,
    pin_weak_format,
    pin_weak_repeated,
    pin_weak_sequence,
    pin_mismatch,
    pin_wrong,
    pin_locked,
    lock_title,
    lock_hint,
    act_switch_user,
    act_approve,
    act_return,
    act_reopen,
    act_acknowledge,
    act_object,
    act_switch_mode,
    return_title,
    reopen_title,
    object_title,
    roster_title_review,
    roster_title_own,
    own_nothing_yet,
    mode_changed,
    col_nip,
    col_name,
    col_unit,
    col_unit_name,
    col_parent,
    col_post,
    col_template,
    col_appraiser,
    col_reviewer,
    col_roles,
    role_appraiser,
    role_reviewer,
    role_admin,
    imp_f_encoding,
    imp_f_header,
    imp_f_file,
    imp_f_row,
    imp_f_column,
    imp_cannot_read,
    imp_not_utf8,
    imp_utf16,
    imp_old_xls,
    imp_bad_xlsx,
    imp_empty_file,
    imp_header_only,
    imp_missing_column,
    imp_unknown_column,
    imp_did_you_mean,
    imp_duplicate_column,
    imp_too_many_cells,
    imp_no_header,
    imp_empty_cell,
    imp_control_char,
    imp_cell_error,
    imp_nip_length,
    imp_nip_digit,
    imp_nip_date,
    imp_nip_sex,
    imp_nip_excel,
    imp_nip_number,
    imp_duplicate_nip,
    imp_unit_name_conflict,
    imp_unit_parent_conflict,
    imp_unit_no_name,
    imp_unknown_parent,
    imp_unit_cycle,
    imp_unknown_template,
    imp_behaviour_template,
    imp_unknown_role,
    imp_own_appraiser,
    imp_own_reviewer,
    imp_boss_missing,
    imp_lacks_appraiser_role,
    imp_lacks_reviewer_role,
    imp_reviewer_is_appraiser,
    imp_cycle,
    imp_person_at,
    imp_problems,
    imp_read,
    imp_units_line,
    imp_people_line,
    imp_fields_line,
    imp_more,
    imp_no_change,
    roster_dry_run,
    roster_done,
    imp_kept_assessments,
    imp_no_periods,
    imp_checking,
    imp_saving,
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
            Action::Acknowledge => self.act_acknowledge,
            Action::Object => self.act_object,
            Action::SwitchMode => self.act_switch_mode,
            Action::Lock
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

mod en;
mod id;

pub use en::EN;
pub use id::ID;

#[cfg(test)]
mod tests;
