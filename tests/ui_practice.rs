//! Appraiser practice in the real TUI model on a real store: a whole case
//! rated and compared with the reference, and nothing of it stored.

mod support;

use kinerja::i18n::Lang;
use kinerja::store::journal;
use kinerja::tui::model::{PracticeStage, Screen};
use ratatui::crossterm::event::KeyCode;
use support::Session;

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
}
