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
            Action::ToggleComplete => self.act_toggle_complete,
            Action::SaveText => self.act_save_text,
            Action::CancelText => self.act_cancel_text,
            Action::Unbound
            | Action::Input(_)
            | Action::Resize(..)
            | Action::Stored(..)
            | Action::DemoLoaded(_) => "",
        };
        s.to_string()
    }
}

/// Bahasa Indonesia, the default.
pub const ID: Strings = Strings {
    app_name: "Kinerja",
    decimal_sep: ",",
    period: "Periode",
    saving: "menyimpan…",
    saved: "tersimpan",
    unsaved: "belum disimpan",
    conflict: "{who} mengubah data ini pada {when}; nilai terbaru ditampilkan — ulangi perubahan Anda",
    rejected: "Ditolak: {why}",
    store_error: "Gagal menyimpan: {why}",
    demo_loading: "Memuat organisasi demo…",
    demo_loaded: "Organisasi demo (fiktif) dimuat",
    corrupt_records: "{n} catatan rusak dilewati (lihat `kinerja doctor`)",
    first_run_title: "Selamat datang di Kinerja",
    first_run_body: "Belum ada data di penyimpanan ini. Kinerja membantu Pejabat Penilai menilai setiap pegawai kriteria demi kriteria, dengan setiap perubahan langsung tersimpan.",
    first_run_demo: "Tekan {key} untuk memuat organisasi demo Kota Ambon (orang-orang fiktif) dan mencoba aplikasi.",
    first_run_import: "Dari baris perintah, `kinerja demo` memuat demo yang sama. Impor daftar pegawai sungguhan (CSV/XLSX, `kinerja import`) hadir di rilis berikutnya.",
    login_title: "Siapa Anda?",
    login_hint: "Pilih nama Anda sebagai Pejabat Penilai, lalu Enter",
    login_empty: "Belum ada Pejabat Penilai di penyimpanan",
    filter_prompt: "Cari",
    no_match: "Tidak ada yang cocok",
    roster_title: "Pegawai yang Anda nilai",
    roster_empty: "Tidak ada pegawai yang Anda nilai pada periode ini",
    status_not_started: "belum dinilai",
    status_draft: "draf",
    status_done: "selesai",
    staff_count: "{done} dari {n} selesai",
    hasil_kerja: "Hasil Kerja",
    perilaku_kerja: "Perilaku Kerja",
    criterion_of: "Kriteria {k} dari {n}",
    employee_of: "Pegawai {i} dari {m}",
    post: "Jabatan",
    iki: "IKI",
    aspek: "Aspek",
    target: "Target",
    realisasi: "Realisasi",
    note: "Catatan",
    rating: "Nilai",
    not_rated: "belum dinilai",
    needs_note: "nilai ekstrem — perlu catatan",
    guidance: "Panduan perilaku",
    rhk_utama: "RHK Utama",
    rhk_tambahan: "RHK Tambahan",
    scale_hint: "Tekan 1–{n} untuk menilai",
    edit_note_title: "Catatan untuk {c}",
    edit_realisasi_title: "Realisasi berdasarkan bukti dukung: {c}",
    text_help: "{save} simpan · {cancel} batal · enter baris baru",
    text_help_single: "enter/{save} simpan · {cancel} batal",
    summary_title: "Ringkasan",
    suggested: "saran",
    rated_of: "baru {k} dari {n} dinilai",
    decided: "ditetapkan",
    reason: "Alasan",
    predikat: "Predikat Kinerja",
    score: "Nilai Prestasi Kerja",
    score_line: "SKP {skp} × {ws} + Perilaku {per} × {wp} = {total}",
    strengths: "Kekuatan",
    improvements: "Area yang perlu ditingkatkan",
    training: "Pelatihan",
    free_text: "teks bebas",
    no_items: "—",
    cannot_complete: "Belum bisa ditandai selesai: {why}",
    unrated_n: "{n} kriteria belum dinilai",
    missing_notes_n: "{n} nilai ekstrem belum diberi catatan",
    add_item_title: "Tambah butir",
    override_reason_title: "Alasan mengubah saran",
    reason_required: "Alasan wajib diisi untuk mengubah saran",
    unconfirmed: "Rating {aspect} belum dikonfirmasi (tekan {key})",
    no_result: "skema tidak memberi predikat untuk nilai ini",
    frozen: "Penilaian ini sudah selesai; buka kembali dengan {key} di ringkasan untuk mengubahnya",
    status_label: "Status",
    complete_label: "Selesai",
    draft_label: "Draf",
    not_numeric: "Skema numerik: tekan {confirm} untuk mengonfirmasi nilai, {edit} untuk mengubahnya",
    stale: "saran berubah — konfirmasi ulang",
    help_title: "Bantuan tombol",
    too_small: "Perbesar terminal ke minimal {w}×{h} (sekarang {cw}×{ch})",
    cli_has_data: "Penyimpanan di {dir} sudah berisi data; tambahkan --force untuk menggantinya",
    cli_demo_done: "Dimuat: {n} pegawai dan {a} penilaian ke {dir}. Jalankan `kinerja` untuk mulai.",
    cli_exported: "{n} penilaian diekspor ke {file}",
    act_quit: "keluar",
    act_help: "bantuan",
    act_back: "kembali",
    act_up: "naik",
    act_down: "turun",
    act_select: "pilih",
    act_load_demo: "muat demo",
    act_filter: "cari",
    act_next_period: "periode berikut",
    act_prev_period: "periode sebelum",
    act_prev_criterion: "kriteria sebelum",
    act_next_criterion: "kriteria berikut",
    act_prev_employee: "pegawai sebelum",
    act_next_employee: "pegawai berikut",
    act_rate: "nilai {n}",
    act_clear_rating: "hapus nilai",
    act_edit_note: "catatan",
    act_edit_realisasi: "realisasi",
    act_summary: "ringkasan",
    act_scoring: "ke penilaian",
    act_next_section: "bagian berikut",
    act_confirm: "konfirmasi saran",
    act_move_up: "pindah ke atas",
    act_move_down: "pindah ke bawah",
    act_remove: "hapus butir",
    act_add: "tambah butir",
    act_reset: "kembalikan daftar",
    act_edit_score: "ubah nilai angka",
    score_title: "Nilai baru {aspect} (0–100)",
    score_invalid: "Masukkan angka 0–100, misalnya 82,5",
    act_toggle_complete: "tandai selesai/buka",
    act_save_text: "simpan",
    act_cancel_text: "batal",
};

/// English.
pub const EN: Strings = Strings {
    app_name: "Kinerja",
    decimal_sep: ".",
    period: "Period",
    saving: "saving…",
    saved: "saved",
    unsaved: "not saved yet",
    conflict: "{who} changed this at {when}; the latest values are shown — apply your change again",
    rejected: "Refused: {why}",
    store_error: "Could not save: {why}",
    demo_loading: "Loading the demo organisation…",
    demo_loaded: "Demo organisation (fictional) loaded",
    corrupt_records: "{n} corrupt records skipped (see `kinerja doctor`)",
    first_run_title: "Welcome to Kinerja",
    first_run_body: "This store has no data yet. Kinerja helps appraisers rate each employee criterion by criterion, saving every change at once.",
    first_run_demo: "Press {key} to load the Kota Ambon demo organisation (fictional people) and try the app.",
    first_run_import: "From the command line, `kinerja demo` loads the same demo. Importing a real roster (CSV/XLSX, `kinerja import`) comes in the next release.",
    login_title: "Who are you?",
    login_hint: "Pick your name as appraiser (Pejabat Penilai), then Enter",
    login_empty: "No appraisers in the store yet",
    filter_prompt: "Search",
    no_match: "Nothing matches",
    roster_title: "Employees you appraise",
    roster_empty: "You appraise no one in this period",
    status_not_started: "not started",
    status_draft: "draft",
    status_done: "done",
    staff_count: "{done} of {n} done",
    hasil_kerja: "Hasil Kerja (results)",
    perilaku_kerja: "Perilaku Kerja (behaviour)",
    criterion_of: "Criterion {k} of {n}",
    employee_of: "Employee {i} of {m}",
    post: "Post",
    iki: "IKI (indicator)",
    aspek: "Aspect",
    target: "Target",
    realisasi: "Realisation",
    note: "Note",
    rating: "Rating",
    not_rated: "not rated",
    needs_note: "extreme rating — needs a note",
    guidance: "Behaviour guidance",
    rhk_utama: "Main result (RHK Utama)",
    rhk_tambahan: "Additional result (RHK Tambahan)",
    scale_hint: "Press 1–{n} to rate",
    edit_note_title: "Note for {c}",
    edit_realisasi_title: "Realisation from evidence: {c}",
    text_help: "{save} save · {cancel} cancel · enter new line",
    text_help_single: "enter/{save} save · {cancel} cancel",
    summary_title: "Summary",
    suggested: "suggested",
    rated_of: "only {k} of {n} rated",
    decided: "decided",
    reason: "Reason",
    predikat: "Predikat (final rating)",
    score: "Performance score",
    score_line: "SKP {skp} × {ws} + Behaviour {per} × {wp} = {total}",
    strengths: "Strengths",
    improvements: "Areas needing improvement",
    training: "Training",
    free_text: "free text",
    no_items: "—",
    cannot_complete: "Cannot mark complete yet: {why}",
    unrated_n: "{n} criteria not rated",
    missing_notes_n: "{n} extreme ratings without a note",
    add_item_title: "Add an item",
    override_reason_title: "Reason for changing the suggestion",
    reason_required: "A reason is required to change the suggestion",
    unconfirmed: "Rating {aspect} not confirmed yet (press {key})",
    no_result: "the scheme gives no predikat for these values",
    frozen: "This assessment is complete; reopen it with {key} on the summary to change it",
    status_label: "Status",
    complete_label: "Complete",
    draft_label: "Draft",
    not_numeric: "Numeric scheme: press {confirm} to confirm the score, {edit} to change it",
    stale: "suggestion changed — confirm again",
    help_title: "Key help",
    too_small: "Please enlarge the terminal to at least {w}×{h} (now {cw}×{ch})",
    cli_has_data: "The store in {dir} already has data; add --force to replace it",
    cli_demo_done: "Loaded {n} employees and {a} assessments into {dir}. Run `kinerja` to start.",
    cli_exported: "{n} assessments exported to {file}",
    act_quit: "quit",
    act_help: "help",
    act_back: "back",
    act_up: "up",
    act_down: "down",
    act_select: "select",
    act_load_demo: "load demo",
    act_filter: "search",
    act_next_period: "next period",
    act_prev_period: "previous period",
    act_prev_criterion: "previous criterion",
    act_next_criterion: "next criterion",
    act_prev_employee: "previous employee",
    act_next_employee: "next employee",
    act_rate: "rate {n}",
    act_clear_rating: "clear rating",
    act_edit_note: "note",
    act_edit_realisasi: "realisation",
    act_summary: "summary",
    act_scoring: "to scoring",
    act_next_section: "next section",
    act_confirm: "confirm suggestions",
    act_move_up: "move up",
    act_move_down: "move down",
    act_remove: "remove item",
    act_add: "add item",
    act_reset: "reset list",
    act_edit_score: "change score",
    score_title: "New {aspect} score (0–100)",
    score_invalid: "Enter a number from 0 to 100, e.g. 82.5",
    act_toggle_complete: "mark complete/reopen",
    act_save_text: "save",
    act_cancel_text: "cancel",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_catalogues_fill_every_string() {
        for (lang, s) in [("id", &ID), ("en", &EN)] {
            for (k, v) in s.entries() {
                assert!(!v.trim().is_empty(), "{lang}.{k} is empty");
            }
        }
    }

    #[test]
    fn placeholders_match_between_languages() {
        let holes = |s: &str| {
            let mut v: Vec<String> = s
                .split('{')
                .skip(1)
                .filter_map(|p| p.split_once('}').map(|(h, _)| h.to_string()))
                .collect();
            v.sort();
            v
        };
        for ((k, id), (_, en)) in ID.entries().into_iter().zip(EN.entries()) {
            assert_eq!(holes(id), holes(en), "placeholders differ in {k}");
        }
    }

    #[test]
    fn every_keymap_action_has_a_description() {
        let km = crate::tui::keymap::Keymap::default_map();
        for ctx in [
            crate::tui::keymap::Context::Global,
            crate::tui::keymap::Context::Scoring,
            crate::tui::keymap::Context::Summary,
            crate::tui::keymap::Context::Roster,
            crate::tui::keymap::Context::Login,
            crate::tui::keymap::Context::FirstRun,
            crate::tui::keymap::Context::Text,
            crate::tui::keymap::Context::Filter,
            crate::tui::keymap::Context::Help,
        ] {
            for b in km.bindings(ctx) {
                assert!(!ID.action(&b.action).is_empty(), "{:?}", b.action);
                assert!(!EN.action(&b.action).is_empty(), "{:?}", b.action);
            }
        }
    }

    #[test]
    fn lang_parses_common_spellings() {
        assert_eq!(Lang::parse("EN"), Some(Lang::En));
        assert_eq!(Lang::parse("id"), Some(Lang::Id));
        assert_eq!(Lang::parse("fr"), None);
    }
}
