//! Appraiser practice in the real TUI model on a real store: a whole case
//! rated and compared with the reference, and nothing of it stored.

mod support;

use kinerja::domain::assessment::Assessment;
use kinerja::i18n::Lang;
use kinerja::store::{Request, Response, journal};
use kinerja::tui::model::{PracticeStage, Screen};
use ratatui::crossterm::event::KeyCode;
use support::Session;

/// Every assessment of every period, as the store has it.
fn all_assessments(s: &Session) -> Vec<Assessment> {
    match s
        .store()
        .execute(None, Request::AllAssessments)
        .expect("all assessments")
    {
        Response::Assessments { items, corrupt } => {
            assert!(corrupt.is_empty(), "{corrupt:?}");
            items
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_case_rated_in_full_is_compared_and_nothing_is_stored() {
    let mut s = Session::demo(Lang::Id);
    s.login_first();
    let journal_file = s.dir.path().join(journal::FILE);
    let before = journal::verify(&journal_file)
        .expect("journal")
        .entries
        .len();
    let cursor_before = std::fs::metadata(&journal_file).expect("journal").len();
    let assessments_before = all_assessments(&s);
    assert!(!assessments_before.is_empty(), "the demo has history");
    s.key(KeyCode::Char('L'));
    assert_eq!(s.model.screen, Screen::Practice);
    assert!(s.screen(80, 24).contains("Rini Latuputty (fiktif)"));
    // The first case: read it, then rate every criterion at the middle.
    s.key(KeyCode::Enter);
    assert!(
        s.screen(120, 40).contains("meja depan"),
        "the story is shown"
    );
    s.key(KeyCode::Enter);
    let n = s.model.practice_criteria().len();
    for _ in 0..n {
        let scale =
            s.model.practice_criteria()[s.model.practice.as_ref().expect("p").criterion].scale;
        let mid = char::from(b'0' + scale.div_ceil(2));
        s.key(KeyCode::Char(mid));
    }
    let p = s.model.practice.clone().expect("practice");
    assert_eq!(p.stage, PracticeStage::Result);
    assert_eq!(p.answers.len(), n);
    // Reference of latihan-01: 1 1 1 3 / 4 2 2 3 3 3 3; all at the middle
    // (2 of 3, 3 of 5) matches the four behaviours at 3: exact 4; within
    // one level: all but none (|2−1| = 1, |2−3| = 1, |3−4| = 1, |3−2| = 1),
    // so 11; mean offset (+1+1+1−1) + (−1+1+1+0+0+0+0) = 3 over 11.
    let screen = s.screen(120, 40);
    assert!(screen.contains("Sama persis 4 dari 11"), "{screen}");
    assert!(
        screen.contains("selisih paling banyak 1 tingkat: 11"),
        "{screen}"
    );
    assert!(screen.contains("rata-rata selisih +0.27"), "{screen}");
    assert!(screen.contains("tengah 100%"), "{screen}");
    assert!(
        screen.contains("Kurang dari 250 berkas"),
        "the reference level's descriptor"
    );
    // Back out to the roster: nothing was written anywhere.
    s.key(KeyCode::Esc);
    s.key(KeyCode::Esc);
    assert_eq!(s.model.screen, Screen::Roster);
    assert!(s.model.practice.is_none());
    let after = journal::verify(&journal_file)
        .expect("journal")
        .entries
        .len();
    assert_eq!(after, before, "no journal entry");
    assert_eq!(
        std::fs::metadata(&journal_file).expect("journal").len(),
        cursor_before
    );
    assert_eq!(all_assessments(&s), assessments_before, "no assessment");
}

#[test]
fn going_back_to_reread_the_case_keeps_the_answers() {
    let mut s = Session::demo(Lang::Id);
    s.login_first();
    s.key(KeyCode::Char('L'));
    s.key(KeyCode::Enter);
    s.key(KeyCode::Enter);
    // Three criteria rated (the Hasil Kerja scale is 1–3).
    s.chars("312");
    let answered = |s: &Session| {
        let p = s.model.practice.as_ref().expect("practice");
        (p.stage, p.criterion, p.answers.len())
    };
    assert_eq!(answered(&s), (PracticeStage::Rate, 3, 3));
    // On an 80-column terminal the case is not beside the card: Esc shows
    // it again, Enter goes back to the same criterion with the answers.
    s.key(KeyCode::Esc);
    assert_eq!(answered(&s), (PracticeStage::Story, 3, 3));
    s.key(KeyCode::Enter);
    assert_eq!(answered(&s), (PracticeStage::Rate, 3, 3));
    let card = s.screen(80, 24);
    assert!(card.contains("Kriteria 4 dari 11"), "{card}");
    // Choosing a case again from the list starts a new run.
    s.key(KeyCode::Esc);
    s.key(KeyCode::Esc);
    s.key(KeyCode::Enter);
    assert_eq!(answered(&s), (PracticeStage::Story, 0, 0));
}

#[test]
fn scrolling_stops_at_the_end_of_the_case() {
    let mut s = Session::demo(Lang::Id);
    s.login_first();
    s.key(KeyCode::Char('L'));
    s.key(KeyCode::Enter);
    let top = s.screen(80, 24);
    assert!(!top.contains("Enter: mulai menilai"), "{top}");
    for _ in 0..60 {
        s.key(KeyCode::Char('j'));
    }
    let end = s.model.practice.as_ref().expect("practice").scroll;
    assert!(
        end > 0 && end < 20,
        "stopped at the end, not after 60: {end}"
    );
    let bottom = s.screen(80, 24);
    assert!(bottom.contains("Enter: mulai menilai"), "{bottom}");
    // One key back is one row back, not a climb out of blank rows.
    s.key(KeyCode::Char('k'));
    assert_eq!(s.model.practice.as_ref().expect("practice").scroll, end - 1);
    let up_one = s.screen(80, 24);
    assert_ne!(up_one, bottom);
}
