//! The summary screen through the real keymap and store: confirming and
//! overriding results, completion rules, curating the lists, PP 46/2011.

mod support;

use kinerja::domain::Status as AStatus;
use kinerja::domain::assessment::AspectValue;
use kinerja::domain::workflow::Transition;
use kinerja::domain::{Edit, Expectation};
use kinerja::i18n::Lang;
use kinerja::store::{Changed, Request, Response};
use kinerja::tui::action::Action;
use kinerja::tui::model::{Screen, Section, Status};
use ratatui::crossterm::event::KeyCode;
use support::{Session, meets, rate_rest, scoring_fresh, stored_rating};

#[test]
fn summary_confirm_override_and_completion_rules() {
    let mut s = Session::demo(Lang::Id);
    scoring_fresh(&mut s);
    // Rate everything "meets"; Hasil items are 3-level (2), behaviour 5-level (3).
    rate_rest(&mut s, |_, scale| meets(scale));
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
    assert_eq!(a.status, AStatus::Submitted);
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
    s.key(KeyCode::Char('3')); // Di Atas on a 3-level criterion: an extreme
    s.key(KeyCode::Right);
    rate_rest(&mut s, |_, scale| meets(scale));
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
    // Two strengths: the first two criteria at the top of their scale.
    rate_rest(&mut s, |i, scale| if i < 2 { scale } else { meets(scale) });
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
    // Approved and frozen: the appraiser cannot reopen it...
    s.key(KeyCode::Char('m'));
    assert!(
        matches!(s.model.status, Status::Warning(ref w) if w.contains("disetujui")),
        "{:?}",
        s.model.status
    );
    // ...the reviewer can; then a new SKP score is typed with a reason.
    reviewer_reopens(&mut s);
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

#[test]
fn a_confirmation_made_before_ratings_changed_must_be_renewed() {
    let mut s = Session::demo(Lang::Id);
    scoring_fresh(&mut s);
    rate_rest(&mut s, |_, scale| meets(scale));
    s.key(KeyCode::Char('c'));
    s.key(KeyCode::Char('c'));
    // Back on the cards, every Hasil Kerja result goes to Di Atas (with notes).
    s.key(KeyCode::Char('e'));
    while s.model.criterion > 0 {
        s.key(KeyCode::Left);
    }
    loop {
        let c = s.model.criteria(s.model.current_person().expect("p"))[s.model.criterion].clone();
        if c.criterion.hasil.is_none() {
            break;
        }
        s.key(KeyCode::Char('3'));
        s.key(KeyCode::Char('n'));
        s.chars("Melampaui target");
        s.key(KeyCode::Esc);
        s.key(KeyCode::Right);
    }
    s.key(KeyCode::Char('s'));
    let screen = s.screen(100, 30);
    assert!(screen.contains("saran berubah"), "{screen}");
    s.key(KeyCode::Char('m'));
    assert!(
        matches!(s.model.status, Status::Warning(ref w) if w.contains("Hasil Kerja belum dikonfirmasi")),
        "{:?}",
        s.model.status
    );
    s.key(KeyCode::Char('c'));
    s.key(KeyCode::Char('m'));
    let a = s
        .model
        .assessment(&s.model.current_person().expect("p").nip)
        .expect("a");
    assert_eq!(a.status, AStatus::Submitted);
    assert_eq!(
        a.hasil.as_ref().map(|d| &d.value),
        Some(&AspectValue::Expectation(Expectation::DiAtas))
    );
}

/// The current employee's reviewer reopens their assessment through the
/// store (as from another terminal); the appraiser's screen reloads it.
fn reviewer_reopens(s: &mut Session) {
    let p = s.model.current_person().expect("p").clone();
    let reviewer = s.model.org.reviewer_of(&p).expect("a reviewer").clone();
    let a = s.model.assessment(&p.nip).expect("assessment").clone();
    let req = Request::Edit {
        key: a.key.clone(),
        expected_revision: a.revision,
        edit: Edit::Step(Transition::Reopen {
            reason: "salah ketik nilai SKP".into(),
        }),
    };
    let resp = s.store().execute(Some(&reviewer), req).expect("reopen");
    assert!(matches!(resp, Response::Saved(_)), "{resp:?}");
    s.act(Action::Changed(Changed::Assessment {
        key: a.key,
        revision: a.revision + 1,
        by: Some(reviewer),
    }));
    assert!(!s.model.current_is_frozen());
}

#[test]
fn an_approved_assessment_refuses_edits_until_the_reviewer_reopens_it() {
    let mut s = Session::demo(Lang::Id);
    s.login_first();
    // The earlier semester is complete in the demo.
    s.key(KeyCode::Char('['));
    s.key(KeyCode::Enter);
    assert_eq!(s.model.screen, Screen::Scoring);
    let nip = s.model.current_person().expect("p").nip.to_string();
    let before = stored_rating(&s, &nip, s.model.criterion);
    let other = if before == Some(1) { '2' } else { '1' };
    s.key(KeyCode::Char(other));
    assert!(
        matches!(s.model.status, Status::Warning(ref w) if w.contains("disetujui")),
        "{:?}",
        s.model.status
    );
    s.key(KeyCode::Char('n'));
    assert!(s.model.editor.is_none(), "no editor on a frozen assessment");
    assert_eq!(stored_rating(&s, &nip, s.model.criterion), before);
    // The reviewer reopens it, then the edit goes through.
    reviewer_reopens(&mut s);
    s.key(KeyCode::Char(other));
    assert_eq!(s.model.status, Status::Saved);
    assert_eq!(
        stored_rating(&s, &nip, s.model.criterion),
        Some(other as u8 - b'0')
    );
}
