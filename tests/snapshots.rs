//! Whole-screen snapshots of every screen at 80×24 and 120×40, in both
//! languages for scoring and summary. Demo data is deterministic and no
//! clock, temp path or random id reaches these screens.

mod support;

use kinerja::i18n::Lang;
use ratatui::crossterm::event::KeyCode;
use support::Session;

const SIZES: [(u16, u16); 2] = [(80, 24), (120, 40)];

fn snap(s: &mut Session, name: &str) {
    for (w, h) in SIZES {
        let screen = s.screen(w, h);
        insta::assert_snapshot!(format!("{name}_{w}x{h}"), screen);
    }
}

fn lang_tag(lang: Lang) -> &'static str {
    match lang {
        Lang::Id => "id",
        Lang::En => "en",
    }
}

/// Logs in and opens the roster's first employee that already has a
/// draft, so the card shows a rating, a note and progress.
fn scoring_with_history(lang: Lang) -> Session {
    let mut s = Session::demo(lang);
    s.login_first();
    let i = (0..s.model.staff.len())
        .find(|&i| {
            let p = &s.model.org.people[s.model.staff[i].person];
            s.model
                .assessment(&p.nip)
                .is_some_and(|a| !a.entries.is_empty())
        })
        .unwrap_or(0);
    for _ in 0..i {
        s.key(KeyCode::Down);
    }
    s.key(KeyCode::Enter);
    s
}

#[test]
fn first_run() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut s = Session::open(dir, Lang::Id);
    snap(&mut s, "first_run_id");
}

#[test]
fn login() {
    let mut s = Session::demo(Lang::Id);
    snap(&mut s, "login_id");
}

#[test]
fn roster() {
    let mut s = Session::demo(Lang::Id);
    s.login_first();
    snap(&mut s, "roster_id");
    s.key(KeyCode::Char('/'));
    s.chars("a");
    snap(&mut s, "roster_filter_id");
}

#[test]
fn scoring_in_both_languages() {
    for lang in [Lang::Id, Lang::En] {
        let mut s = scoring_with_history(lang);
        // The first criterion: a rated Hasil Kerja item with its SKP fields.
        while s.model.criterion > 0 {
            s.key(KeyCode::Left);
        }
        snap(&mut s, &format!("scoring_hasil_{}", lang_tag(lang)));
        // The first behaviour value (5-level scale with guidance).
        let p = s.model.current_person().expect("p");
        let first_behaviour = s
            .model
            .criteria(p)
            .iter()
            .position(|c| c.criterion.hasil.is_none())
            .expect("behaviour criteria");
        for _ in 0..first_behaviour {
            s.key(KeyCode::Right);
        }
        snap(&mut s, &format!("scoring_perilaku_{}", lang_tag(lang)));
    }
}

#[test]
fn summary_in_both_languages() {
    for lang in [Lang::Id, Lang::En] {
        let mut s = scoring_with_history(lang);
        s.key(KeyCode::Char('s'));
        snap(&mut s, &format!("summary_{}", lang_tag(lang)));
    }
}

#[test]
fn a_completed_summary_from_history() {
    let mut s = Session::demo(Lang::Id);
    s.login_first();
    // The previous semester is fully assessed in the demo.
    s.key(KeyCode::Char('['));
    s.key(KeyCode::Char('s'));
    snap(&mut s, "summary_history_id");
    // 2025 was assessed under the legacy PP 46/2011 numeric scheme.
    s.key(KeyCode::Esc);
    s.key(KeyCode::Char('['));
    s.key(KeyCode::Char('s'));
    assert_eq!(s.model.period, "2025");
    snap(&mut s, "summary_pp46_id");
}

#[test]
fn note_editor_and_help_overlays() {
    let mut s = scoring_with_history(Lang::Id);
    s.key(KeyCode::Char('n'));
    s.chars("Nurul 'Aini membantu rekan — ");
    snap(&mut s, "note_editor_id");
    s.key(KeyCode::Esc);
    s.key(KeyCode::Char('?'));
    snap(&mut s, "help_scoring_id");
}

#[test]
fn too_small() {
    let mut s = Session::demo(Lang::En);
    let screen = s.screen(50, 12);
    insta::assert_snapshot!("too_small_en_50x12", screen);
}

/// Meeting mode with notes given on a fixed clock, and the quick
/// feedback overlay at both of its steps.
#[test]
fn meeting_and_quick_feedback() {
    let mut s = Session::demo(Lang::Id);
    // The same store, on a clock that stays put.
    s.store = None;
    let store = kinerja::store::Store::open(s.dir.path()).expect("store");
    s.store = Some(store.with_clock(|| 1_767_225_600));
    s.login_first();
    s.key(KeyCode::Char('f'));
    s.chars("eli");
    snap(&mut s, "quick_pick_id");
    s.key(KeyCode::Char('+'));
    s.key(KeyCode::Tab);
    s.chars("Menyiapkan modul ajar lebih awal");
    snap(&mut s, "quick_text_id");
    s.key(KeyCode::Enter);
    s.key(KeyCode::Down);
    s.key(KeyCode::Char('f'));
    s.key(KeyCode::Char('−'));
    s.chars("Dua kali terlambat mengisi jurnal kelas");
    s.key(KeyCode::Enter);
    s.key(KeyCode::Char('M'));
    snap(&mut s, "meeting_id");
}

/// The admin's dashboard (every unit) for the ended semester, each tab.
#[test]
fn dashboard_tabs() {
    let mut s = Session::demo(Lang::Id);
    s.login_first();
    let admin = s
        .model
        .org
        .people
        .iter()
        .find(|p| p.roles.contains(&kinerja::domain::Role::Admin))
        .expect("an admin")
        .nip
        .to_string();
    support::log_in_as(&mut s, &admin);
    s.key(KeyCode::Char('D'));
    // The semester that has ended, so the figures never change.
    s.key(KeyCode::Char('['));
    s.key(KeyCode::Down);
    // Its result is Baik: the distribution tab draws that rule's limits.
    s.key(KeyCode::Char('o'));
    s.key(KeyCode::Char('2'));
    snap(&mut s, "dashboard_progress_id");
    s.key(KeyCode::Tab);
    snap(&mut s, "dashboard_distribution_id");
    s.key(KeyCode::Tab);
    snap(&mut s, "dashboard_calibration_id");
    s.key(KeyCode::Tab);
    snap(&mut s, "dashboard_training_id");
    s.key(KeyCode::Tab);
    snap(&mut s, "dashboard_career_id");
}

/// Appraiser practice: the list, a case, its rating card, the result.
#[test]
fn practice_screens() {
    let mut s = Session::demo(Lang::Id);
    s.login_first();
    s.key(KeyCode::Char('L'));
    snap(&mut s, "practice_list_id");
    s.key(KeyCode::Down);
    s.key(KeyCode::Enter);
    snap(&mut s, "practice_story_id");
    s.key(KeyCode::Enter);
    s.key(KeyCode::Char('3'));
    snap(&mut s, "practice_rate_id");
    for _ in 0..12 {
        s.key(KeyCode::Char('2'));
    }
    snap(&mut s, "practice_result_id");
}
