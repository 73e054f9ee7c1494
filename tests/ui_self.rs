//! The self-assessment (penilaian diri) as its people use it at one shared
//! terminal, blind both ways: the employee rates themself without seeing
//! the appraiser's ratings and sends it; the appraiser sees it only after
//! submitting, side by side with the gaps marked; the reviewer too; the
//! employee sees both once the result is approved.

mod support;

use kinerja::domain::Status as AStatus;
use kinerja::i18n::Lang;
use kinerja::tui::model::{Mode, Screen, Status};
use ratatui::crossterm::event::KeyCode;
use support::{Session, log_in_as, meets, rate_rest, scoring_fresh, select};

fn sent(s: &Session, employee: &str) -> bool {
    s.model
        .selfs
        .values()
        .any(|x| x.key.employee.as_str() == employee && x.sent.is_some())
}

#[test]
fn blind_both_ways_then_side_by_side() {
    let mut s = Session::demo(Lang::Id);
    // The appraiser rates a fresh employee (meets expectations on
    // everything) and leaves it as a draft.
    let employee = scoring_fresh(&mut s);
    let appraiser = s.model.me.clone().expect("me").to_string();
    let person = s.model.current_person().expect("p").clone();
    let reviewer = s
        .model
        .org
        .reviewer_of(&person)
        .expect("reviewer")
        .to_string();
    rate_rest(&mut s, |_, scale| meets(scale));
    let n = s.model.criteria(&person).len();

    // The employee: their own row offers the self-assessment; the
    // appraiser's draft never reaches their terminal.
    log_in_as(&mut s, &employee);
    assert_eq!(s.model.mode, Mode::Employee);
    assert!(
        s.model.assessments.is_empty(),
        "the appraiser's draft is hidden"
    );
    let screen = s.screen(100, 30);
    assert!(screen.contains("diri 0/"), "{screen}");
    assert!(screen.contains("isi penilaian diri"), "{screen}");
    s.key(KeyCode::Enter);
    assert_eq!(s.model.screen, Screen::Scoring);
    let screen = s.screen(120, 40);
    assert!(screen.contains("Penilaian diri ·"), "{screen}");
    // They rate themself one level above the middle everywhere.
    rate_rest(&mut s, |_, scale| meets(scale) + 1);
    assert_eq!(s.model.screen, Screen::Summary);
    let screen = s.screen(100, 30);
    assert!(screen.contains(&format!("{n} dari {n}")), "{screen}");
    // Sending is final: the key asks to be pressed again.
    s.key(KeyCode::Char('m'));
    assert!(matches!(s.model.status, Status::Warning(_)));
    assert!(!sent(&s, &employee));
    s.key(KeyCode::Char('m'));
    assert!(sent(&s, &employee), "{:?}", s.model.status);
    let screen = s.screen(100, 30);
    assert!(screen.contains("dikirim"), "{screen}");
    // Sent means fixed.
    s.key(KeyCode::Char('e'));
    assert_eq!(s.model.screen, Screen::Summary);
    assert!(matches!(s.model.status, Status::Warning(_)));

    // The appraiser has not submitted: the self-assessment stays hidden.
    log_in_as(&mut s, &appraiser);
    select(&mut s, Mode::Appraiser, &employee);
    s.key(KeyCode::Char('s'));
    assert_eq!(s.model.screen, Screen::Summary);
    assert!(
        s.model.selfs.is_empty(),
        "hidden until the appraiser submits"
    );
    let screen = s.screen(120, 40);
    assert!(
        screen.contains("tampil setelah Anda mengajukan"),
        "{screen}"
    );
    // Confirming both results and submitting opens it, side by side.
    s.key(KeyCode::Char('c'));
    s.key(KeyCode::Char('c'));
    s.key(KeyCode::Char('m'));
    assert_eq!(s.model.assessments[&person.nip].status, AStatus::Submitted);
    assert!(sent(&s, &employee), "shown once submitted");
    let screen = s.screen(120, 40);
    let gaps = format!("berbeda pada {n} dari {n} kriteria");
    assert!(screen.contains(&gaps), "{screen}");
    assert!(screen.contains("Diri") && screen.contains("▼1"), "{screen}");

    // The reviewer sees both as well, and approves.
    log_in_as(&mut s, &reviewer);
    select(&mut s, Mode::Reviewer, &employee);
    let screen = s.screen(120, 40);
    assert!(screen.contains(&gaps) && screen.contains("▼1"), "{screen}");
    s.key(KeyCode::Char('y'));
    assert_eq!(s.model.assessments[&person.nip].status, AStatus::Approved);

    // The employee now reads the result beside their own view of it.
    log_in_as(&mut s, &employee);
    s.key(KeyCode::Enter);
    assert_eq!(s.model.screen, Screen::Summary);
    let screen = s.screen(120, 40);
    assert!(screen.contains(&gaps) && screen.contains("▼1"), "{screen}");
    assert!(screen.contains("terima"), "{screen}");
}

#[test]
fn the_appraiser_sees_the_employees_view_on_the_card_after_submitting() {
    let mut s = Session::demo(Lang::En);
    let employee = scoring_fresh(&mut s);
    let appraiser = s.model.me.clone().expect("me").to_string();
    rate_rest(&mut s, |_, scale| meets(scale));
    // The employee rates and notes one criterion differently and sends.
    log_in_as(&mut s, &employee);
    s.key(KeyCode::Enter);
    s.key(KeyCode::Char('1'));
    s.key(KeyCode::Char('n'));
    s.chars("Saya belum menyelesaikan laporan");
    s.key(KeyCode::Esc);
    s.key(KeyCode::Right);
    rate_rest(&mut s, |_, scale| meets(scale));
    s.key(KeyCode::Char('m'));
    s.key(KeyCode::Char('m'));
    assert!(sent(&s, &employee));

    // Submitted, the appraiser's card marks the employee's level and
    // shows their note beside the appraiser's own.
    log_in_as(&mut s, &appraiser);
    select(&mut s, Mode::Appraiser, &employee);
    s.key(KeyCode::Char('s'));
    s.key(KeyCode::Char('c'));
    s.key(KeyCode::Char('c'));
    s.key(KeyCode::Char('m'));
    s.key(KeyCode::Char('e'));
    assert_eq!(s.model.screen, Screen::Scoring);
    for _ in 0..s.model.criterion {
        s.key(KeyCode::Left);
    }
    let screen = s.screen(140, 45);
    assert!(screen.contains("◆ Self"), "{screen}");
    assert!(
        screen.contains("Employee's note: Saya belum menyelesaikan laporan"),
        "{screen}"
    );
    // And the summary's table marks the one gap.
    s.key(KeyCode::Char('s'));
    let screen = s.screen(140, 45);
    assert!(screen.contains("differs on 1 of"), "{screen}");
    assert!(screen.contains("▲1"), "{screen}");
}
