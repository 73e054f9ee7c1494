//! Update-level tests: actions through the real keymap and `update`,
//! effects run against a real sled store seeded with the demo.

mod support;

use kinerja::domain::Status as AStatus;
use kinerja::domain::assessment::AspectValue;
use kinerja::domain::{Edit, Expectation};
use kinerja::i18n::Lang;
use kinerja::store::{Request, Response};
use kinerja::tui::action::Action;
use kinerja::tui::model::{Screen, Section, Status};
use ratatui::crossterm::event::KeyCode;
use support::Session;

/// Logs in as the first appraiser and opens the first employee with
/// nothing rated in the active period.
fn scoring_fresh(s: &mut Session) -> String {
    s.login_first();
    assert_eq!(s.model.screen, Screen::Roster);
    let i = (0..s.model.staff.len())
        .find(|&i| {
            let p = &s.model.org.people[s.model.staff[i].person];
            s.model.assessment(&p.nip).is_none()
        })
        .expect("an untouched employee");
    for _ in 0..i {
        s.key(KeyCode::Down);
    }
    s.key(KeyCode::Enter);
    assert_eq!(s.model.screen, Screen::Scoring);
    assert_eq!(s.model.criterion, 0);
    s.model.current_person().expect("person").nip.to_string()
}

fn stored_rating(s: &Session, nip: &str, criterion: usize) -> Option<u8> {
    let p = s
        .model
        .org
        .people
        .iter()
        .find(|p| p.nip.as_str() == nip)
        .expect("person");
    let id = s.model.criteria(p)[criterion].criterion.id.clone();
    let Response::Assessments { items, .. } = s
        .store()
        .execute(
            None,
            Request::Assessments {
                period: s.model.period.clone(),
                employees: Some(vec![p.nip.clone()]),
            },
        )
        .expect("read")
    else {
        panic!("unexpected response")
    };
    items.first().and_then(|a| a.rating(&id))
}

#[test]
fn login_lists_appraisers_and_opens_their_roster() {
    let mut s = Session::demo(Lang::Id);
    assert_eq!(s.model.screen, Screen::Login);
    assert!(s.model.login_rows().len() >= 6);
    s.login_first();
    assert_eq!(s.model.screen, Screen::Roster);
    assert!(!s.model.staff.is_empty());
    let me = s.model.me.clone().expect("logged in");
    assert!(
        s.model
            .staff
            .iter()
            .all(|r| s.model.org.people[r.person].appraiser.as_ref() == Some(&me))
    );
}

#[test]
fn a_digit_saves_the_rating_durably_and_shows_tersimpan() {
    let mut s = Session::demo(Lang::Id);
    let nip = scoring_fresh(&mut s);
    s.key(KeyCode::Char('2'));
    assert_eq!(s.model.status, Status::Saved);
    assert_eq!(stored_rating(&s, &nip, 0), Some(2));
    // Clearing is a change too.
    s.key(KeyCode::Char('0'));
    assert_eq!(stored_rating(&s, &nip, 0), None);
}

#[test]
fn a_rating_outside_the_scale_is_refused_with_a_hint() {
    let mut s = Session::demo(Lang::Id);
    let nip = scoring_fresh(&mut s);
    // Hasil Kerja criteria come first and are on the 3-level scale.
    s.key(KeyCode::Char('5'));
    assert!(matches!(s.model.status, Status::Warning(ref w) if w.contains("1–3")));
    assert_eq!(stored_rating(&s, &nip, 0), None);
}

#[test]
fn arrows_walk_criteria_and_the_last_one_leads_to_the_summary() {
    let mut s = Session::demo(Lang::Id);
    scoring_fresh(&mut s);
    let n = s.model.criteria(s.model.current_person().expect("p")).len();
    s.key(KeyCode::Left);
    assert_eq!(s.model.criterion, 0);
    for k in 1..n {
        s.key(KeyCode::Char('l'));
        assert_eq!(s.model.criterion, k);
    }
    s.key(KeyCode::Right);
    assert_eq!(s.model.screen, Screen::Summary);
}

#[test]
fn page_keys_move_between_employees() {
    let mut s = Session::demo(Lang::Id);
    scoring_fresh(&mut s);
    let first = s.model.current;
    s.key(KeyCode::PageDown);
    assert_eq!(s.model.current, (first + 1).min(s.model.staff.len() - 1));
    s.key(KeyCode::PageUp);
    assert_eq!(s.model.current, first);
}

#[test]
fn notes_are_multi_line_unicode_and_saved_on_close() {
    let mut s = Session::demo(Lang::Id);
    let nip = scoring_fresh(&mut s);
    s.key(KeyCode::Char('n'));
    assert!(s.model.editor.is_some());
    s.chars("Ma'ruf — sangat baik");
    s.key(KeyCode::Enter);
    s.chars("Désirée membantu");
    s.key(KeyCode::Left);
    s.key(KeyCode::Backspace);
    s.key(KeyCode::Esc);
    assert!(s.model.editor.is_none());
    assert_eq!(s.model.status, Status::Saved);
    let p = s
        .model
        .org
        .people
        .iter()
        .find(|p| p.nip.as_str() == nip)
        .expect("p")
        .clone();
    let id = s.model.criteria(&p)[0].criterion.id.clone();
    let a = s.model.assessment(&p.nip).expect("saved");
    assert_eq!(
        a.entry(&id).expect("entry").note,
        "Ma'ruf — sangat baik\nDésirée membanu"
    );
}

#[test]
fn cancel_closes_the_editor_without_saving() {
    let mut s = Session::demo(Lang::Id);
    let nip = scoring_fresh(&mut s);
    s.key(KeyCode::Char('n'));
    s.chars("draf");
    s.key_with(
        KeyCode::Char('g'),
        ratatui::crossterm::event::KeyModifiers::CONTROL,
    );
    assert!(s.model.editor.is_none());
    assert!(
        s.model
            .assessment(&kinerja::domain::Nip::parse(&nip).expect("nip"))
            .is_none()
    );
}

#[test]
fn the_filter_is_diacritic_and_case_insensitive() {
    let mut s = Session::demo(Lang::Id);
    // Find an appraiser whose name or staff has a non-ASCII letter.
    let target = s
        .model
        .login_rows()
        .iter()
        .find(|p| !p.name.is_ascii())
        .map(|p| p.name.clone());
    s.key(KeyCode::Char('/'));
    let Some(name) = target else {
        panic!("the demo must have an appraiser with a non-ASCII name");
    };
    let folded = deunicode::deunicode(&name).to_uppercase();
    s.chars(&folded[..folded.len().min(6)]);
    assert!(s.model.login_rows().iter().any(|p| p.name == name));
    s.key(KeyCode::Enter);
    assert_eq!(s.model.screen, Screen::Roster);
}

#[test]
fn switching_period_reloads_that_periods_assessments() {
    let mut s = Session::demo(Lang::Id);
    s.login_first();
    let active = s.model.period.clone();
    s.key(KeyCode::Char(']'));
    assert_ne!(s.model.period, active);
    assert!(
        s.model
            .assessments
            .values()
            .all(|a| a.key.period == s.model.period)
    );
    s.key(KeyCode::Char('['));
    assert_eq!(s.model.period, active);
}

#[test]
fn restart_lands_on_the_same_employee_and_criterion() {
    let mut s = Session::demo(Lang::Id);
    let nip = scoring_fresh(&mut s);
    s.key(KeyCode::Char('3'));
    s.key(KeyCode::Right);
    s.key(KeyCode::Right);
    let mut s = s.restart(Lang::Id);
    // The last user is preselected: one Enter resumes.
    s.key(KeyCode::Enter);
    assert_eq!(s.model.screen, Screen::Scoring);
    assert_eq!(s.model.current_person().expect("p").nip.as_str(), nip);
    assert_eq!(s.model.criterion, 2);
    assert_eq!(stored_rating(&s, &nip, 0), Some(3));
}

#[test]
fn summary_confirm_override_and_completion_rules() {
    let mut s = Session::demo(Lang::Id);
    scoring_fresh(&mut s);
    let n = s.model.criteria(s.model.current_person().expect("p")).len();
    // Rate everything "meets"; Hasil items are 3-level (2), behaviour 5-level (3).
    for _ in 0..n {
        let scale = s.model.criteria(s.model.current_person().expect("p"))[s.model.criterion].scale;
        let r = if scale == 3 { '2' } else { '3' };
        s.key(KeyCode::Char(r));
        s.key(KeyCode::Right);
    }
    assert_eq!(s.model.screen, Screen::Summary);
    // Not confirmed yet: completion is refused with the reason.
    s.key(KeyCode::Char('m'));
    assert!(matches!(s.model.status, Status::Warning(ref w) if w.contains("dikonfirmasi")));
    // Confirm the Hasil suggestion; focus moves to Perilaku.
    s.key(KeyCode::Char('c'));
    assert_eq!(s.model.section, Section::Perilaku);
    // Override Perilaku to Di Atas: a reason is required.
    s.key(KeyCode::Char('3'));
    assert!(s.model.editor.is_some());
    s.key(KeyCode::Enter);
    assert!(s.model.editor.is_some(), "an empty reason is refused");
    s.chars("Teladan dalam pelayanan");
    s.key(KeyCode::Enter);
    let a = s
        .model
        .assessment(&s.model.current_person().expect("p").nip)
        .expect("a")
        .clone();
    assert_eq!(
        a.hasil.as_ref().map(|d| &d.value),
        Some(&AspectValue::Expectation(Expectation::Sesuai))
    );
    let per = a.perilaku.as_ref().expect("decided");
    assert_eq!(per.value, AspectValue::Expectation(Expectation::DiAtas));
    assert_eq!(per.reason, "Teladan dalam pelayanan");
    s.key(KeyCode::Char('m'));
    let a = s
        .model
        .assessment(&s.model.current_person().expect("p").nip)
        .expect("a");
    assert_eq!(a.status, AStatus::Complete);
    // Frozen: a rating key on the summary card does nothing to ratings;
    // reopening is one key.
    s.key(KeyCode::Char('m'));
    let a = s
        .model
        .assessment(&s.model.current_person().expect("p").nip)
        .expect("a");
    assert_eq!(a.status, AStatus::Draft);
}

#[test]
fn an_extreme_rating_needs_a_note_before_completion() {
    let mut s = Session::demo(Lang::Id);
    scoring_fresh(&mut s);
    let n = s.model.criteria(s.model.current_person().expect("p")).len();
    s.key(KeyCode::Char('3')); // Di Atas on a 3-level criterion: an extreme
    s.key(KeyCode::Right);
    for _ in 1..n {
        let scale = s.model.criteria(s.model.current_person().expect("p"))[s.model.criterion].scale;
        s.key(KeyCode::Char(if scale == 3 { '2' } else { '3' }));
        s.key(KeyCode::Right);
    }
    s.key(KeyCode::Char('c'));
    s.key(KeyCode::Char('c'));
    s.key(KeyCode::Char('m'));
    assert!(
        matches!(s.model.status, Status::Warning(ref w) if w.contains("catatan")),
        "{:?}",
        s.model.status
    );
}

#[test]
fn strengths_can_be_reordered_removed_and_extended() {
    let mut s = Session::demo(Lang::Id);
    scoring_fresh(&mut s);
    let n = s.model.criteria(s.model.current_person().expect("p")).len();
    for i in 0..n {
        let scale = s.model.criteria(s.model.current_person().expect("p"))[s.model.criterion].scale;
        // Two strengths: the first two criteria at the top of their scale.
        let r = if i < 2 {
            scale
        } else if scale == 3 {
            2
        } else {
            3
        };
        s.act(Action::Rate(r));
        s.key(KeyCode::Right);
    }
    s.key(KeyCode::Tab);
    s.key(KeyCode::Tab);
    assert_eq!(s.model.section, Section::Strengths);
    let titles = |s: &Session| {
        let c = s
            .model
            .assessment(&s.model.current_person().expect("p").nip)
            .and_then(|a| a.curation.clone());
        c.map(|c| c.strengths)
    };
    s.key(KeyCode::Down);
    s.key_with(
        KeyCode::Char('K'),
        ratatui::crossterm::event::KeyModifiers::SHIFT,
    );
    let after_move = titles(&s).expect("curated");
    assert_eq!(after_move.len(), 2);
    s.key(KeyCode::Char('a'));
    s.chars("Menjadi mentor guru baru");
    s.key(KeyCode::Enter);
    let after_add = titles(&s).expect("curated");
    assert_eq!(after_add.len(), 3);
    assert_eq!(after_add[0], after_move[0]);
    s.key(KeyCode::Char('d'));
    assert_eq!(titles(&s).expect("curated").len(), 2);
    s.key_with(
        KeyCode::Char('R'),
        ratatui::crossterm::event::KeyModifiers::SHIFT,
    );
    assert_eq!(titles(&s), None);
}

#[test]
fn a_stale_write_from_another_terminal_is_reported_not_lost() {
    let mut s = Session::demo(Lang::Id);
    let nip = scoring_fresh(&mut s);
    s.key(KeyCode::Char('2'));
    // Someone else writes the same record behind this session's back.
    let a = s
        .model
        .assessment(&kinerja::domain::Nip::parse(&nip).expect("nip"))
        .expect("a")
        .clone();
    let other = s.model.me.clone();
    let id = s.model.criteria(s.model.current_person().expect("p"))[1]
        .criterion
        .id
        .clone();
    let r = s
        .store()
        .execute(
            other.as_ref(),
            Request::Edit {
                key: a.key.clone(),
                expected_revision: a.revision,
                edit: Edit::SetRating {
                    criterion: id,
                    rating: Some(1),
                },
            },
        )
        .expect("write");
    assert!(matches!(r, Response::Saved(_)));
    s.key(KeyCode::Char('3'));
    assert!(
        matches!(s.model.status, Status::Warning(_)),
        "{:?}",
        s.model.status
    );
    // The other change is shown, and this one was not written over it.
    assert_eq!(stored_rating(&s, &nip, 0), Some(2));
    assert_eq!(stored_rating(&s, &nip, 1), Some(1));
    // Re-applying works.
    s.key(KeyCode::Char('3'));
    assert_eq!(s.model.status, Status::Saved);
    assert_eq!(stored_rating(&s, &nip, 0), Some(3));
}

#[test]
fn help_lists_the_bindings_of_the_current_screen() {
    let mut s = Session::demo(Lang::En);
    scoring_fresh(&mut s);
    s.key(KeyCode::Char('?'));
    assert!(s.model.help);
    let screen = s.screen(100, 40);
    assert!(screen.contains("Key help"));
    assert!(screen.contains("rate 3"));
    assert!(screen.contains("next employee"));
    s.key(KeyCode::Esc);
    assert!(!s.model.help);
}

#[test]
fn escape_goes_back_and_quit_quits() {
    let mut s = Session::demo(Lang::Id);
    scoring_fresh(&mut s);
    s.key(KeyCode::Esc);
    assert_eq!(s.model.screen, Screen::Roster);
    s.key(KeyCode::Esc);
    assert_eq!(s.model.screen, Screen::Login);
    s.key(KeyCode::Char('q'));
    assert!(s.model.quit);
}

#[test]
fn an_empty_store_offers_the_demo_and_d_loads_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut s = Session::open(dir, Lang::Id);
    assert_eq!(s.model.screen, Screen::FirstRun);
    s.key(KeyCode::Char('d'));
    assert_eq!(s.model.screen, Screen::Login);
    assert!(s.model.org.people.len() >= 60);
}

#[test]
fn the_legacy_numeric_scheme_scores_and_takes_a_typed_override() {
    let mut s = Session::demo(Lang::Id);
    s.login_first();
    // 2025 is assessed under PP 46/2011 in the demo.
    while s.model.period != "2025" {
        s.key(KeyCode::Char('['));
    }
    s.key(KeyCode::Char('s'));
    assert_eq!(s.model.screen, Screen::Summary);
    let screen = s.screen(100, 40);
    assert!(screen.contains("Nilai Prestasi Kerja"), "{screen}");
    assert!(screen.contains("× 60%"), "{screen}");
    // Completed: reopen first, then type a new SKP score with a reason.
    s.key(KeyCode::Char('m'));
    s.key(KeyCode::Char('o'));
    assert!(s.model.editor.is_some());
    for _ in 0..10 {
        s.key(KeyCode::Backspace);
    }
    s.chars("seratus");
    s.key(KeyCode::Enter);
    assert!(
        matches!(s.model.status, Status::Warning(_)),
        "a non-number is refused"
    );
    for _ in 0..10 {
        s.key(KeyCode::Backspace);
    }
    s.chars("85,5");
    s.key(KeyCode::Enter);
    s.chars("Capaian SKP diverifikasi ulang");
    s.key(KeyCode::Enter);
    let a = s
        .model
        .assessment(&s.model.current_person().expect("p").nip)
        .expect("a");
    let d = a.hasil.as_ref().expect("decided");
    assert_eq!(d.value, AspectValue::Score(85.5));
    assert_eq!(d.reason, "Capaian SKP diverifikasi ulang");
}
