//! The review workflow as its three people use it at one shared terminal:
//! the appraiser submits, switches user; the reviewer returns it with a
//! comment, then approves the resubmission; the employee accepts.

mod support;

use kinerja::domain::Status as AStatus;
use kinerja::i18n::Lang;
use kinerja::tui::model::{Mode, Screen};
use ratatui::crossterm::event::KeyCode;
use support::{Session, log_in_as, meets, rate_rest, scoring_fresh, select};

/// Switches to `mode` with the one key, and opens `employee`'s summary.
fn open_as(s: &mut Session, mode: Mode, employee: &str) {
    select(s, mode, employee);
    assert_eq!(s.model.screen, Screen::Summary);
    let shown = s.model.current_person().expect("p").nip.to_string();
    assert_eq!(shown, employee);
}

fn status(s: &Session, employee: &str) -> AStatus {
    s.model
        .assessments
        .values()
        .find(|a| a.key.employee.as_str() == employee)
        .expect("assessment")
        .status
}

/// The first appraiser rates a fresh employee, confirms both results and
/// submits; returns (employee, appraiser, reviewer).
fn submitted(s: &mut Session) -> (String, String, String) {
    let employee = scoring_fresh(s);
    let appraiser = s.model.me.clone().expect("me").to_string();
    let person = s.model.current_person().expect("p").clone();
    let reviewer = s.model.org.reviewer_of(&person).expect("reviewer");
    let reviewer = reviewer.to_string();
    rate_rest(s, |_, scale| meets(scale));
    s.key(KeyCode::Char('c'));
    s.key(KeyCode::Char('c'));
    s.key(KeyCode::Char('m'));
    assert_eq!(status(s, &employee), AStatus::Submitted);
    (employee, appraiser, reviewer)
}

#[test]
fn submit_return_resubmit_approve_accept_at_one_terminal() {
    let mut s = Session::demo(Lang::Id);
    let (employee, appraiser, reviewer) = submitted(&mut s);

    // The reviewer's list puts what waits for them on top, with since
    // when and its predikat.
    log_in_as(&mut s, &reviewer);
    while s.model.mode != Mode::Reviewer {
        s.key(KeyCode::Char('v'));
    }
    let top = s.model.roster_rows()[0];
    let first = &s.model.org.people[s.model.staff[top].person];
    assert_eq!(
        first.nip.as_str(),
        employee,
        "the submitted one heads the queue"
    );
    let screen = s.screen(140, 40);
    let line = screen
        .lines()
        .find(|l| l.contains(&employee))
        .expect("the row");
    assert!(
        line.contains("menunggu sejak") && line.contains("Baik"),
        "{line}"
    );
    // Once the event loop has told the time, the wait is in days.
    let since = s.model.waiting_since(top).expect("waiting");
    s.act(kinerja::tui::action::Action::Clock(since + 3 * 86_400 + 60));
    let screen = s.screen(140, 40);
    let line = screen
        .lines()
        .find(|l| l.contains(&employee))
        .expect("the row");
    assert!(line.contains("menunggu 3 hari"), "{line}");

    // The reviewer returns it with a comment; the screen says nothing of
    // rating (no scoring keys in the review footer).
    open_as(&mut s, Mode::Reviewer, &employee);
    let screen = s.screen(120, 40);
    assert!(
        screen.contains("setujui") && screen.contains("kembalikan"),
        "{screen}"
    );
    s.key(KeyCode::Char('x'));
    assert!(s.model.editor.is_some());
    s.chars("Lengkapi bukti dukung RHK 1");
    s.key(KeyCode::Esc);
    assert_eq!(status(&s, &employee), AStatus::Returned);

    // The appraiser sees it back with the comment and who wrote it,
    // changes nothing and resubmits.
    log_in_as(&mut s, &appraiser);
    open_as(&mut s, Mode::Appraiser, &employee);
    let screen = s.screen(120, 40);
    assert!(
        screen.contains("Dikembalikan oleh") && screen.contains("Lengkapi bukti dukung RHK 1"),
        "{screen}"
    );
    s.key(KeyCode::Char('m'));
    assert_eq!(status(&s, &employee), AStatus::Submitted);

    // The reviewer approves: frozen.
    log_in_as(&mut s, &reviewer);
    open_as(&mut s, Mode::Reviewer, &employee);
    s.key(KeyCode::Char('y'));
    assert_eq!(status(&s, &employee), AStatus::Approved);

    // The employee sees their result and accepts it.
    log_in_as(&mut s, &employee);
    assert_eq!(s.model.modes(), [Mode::Employee]);
    open_as(&mut s, Mode::Employee, &employee);
    let screen = s.screen(120, 40);
    assert!(
        screen.contains("terima") && screen.contains("keberatan"),
        "{screen}"
    );
    s.key(KeyCode::Char('t'));
    assert_eq!(status(&s, &employee), AStatus::Acknowledged);
    // The history shows each step, the comment included.
    s.key(KeyCode::Char('H'));
    let screen = s.screen(120, 40);
    assert!(screen.contains("Lengkapi bukti dukung RHK 1"), "{screen}");
}

#[test]
fn an_objection_goes_to_the_reviewer_who_decides_it() {
    let mut s = Session::demo(Lang::Id);
    let (employee, _, reviewer) = submitted(&mut s);
    log_in_as(&mut s, &reviewer);
    open_as(&mut s, Mode::Reviewer, &employee);
    s.key(KeyCode::Char('y'));
    assert_eq!(status(&s, &employee), AStatus::Approved);

    // The employee objects; an empty reason is not accepted.
    log_in_as(&mut s, &employee);
    open_as(&mut s, Mode::Employee, &employee);
    s.key(KeyCode::Char('k'));
    s.key(KeyCode::Esc);
    assert!(s.model.editor.is_some(), "an objection needs reasons");
    s.chars("Bukti pelatihan belum dihitung");
    s.key(KeyCode::Esc);
    assert_eq!(status(&s, &employee), AStatus::Objected);

    // The reviewer decides it, with a reason: final.
    log_in_as(&mut s, &reviewer);
    open_as(&mut s, Mode::Reviewer, &employee);
    s.key(KeyCode::Char('p'));
    s.chars("Bukti diperiksa; nilai tetap");
    s.key(KeyCode::Esc);
    assert_eq!(status(&s, &employee), AStatus::Decided);
    // A second approval is refused by the store and says so.
    s.key(KeyCode::Char('y'));
    assert_eq!(status(&s, &employee), AStatus::Decided);
    assert!(
        matches!(s.model.status, kinerja::tui::model::Status::Error(_)),
        "{:?}",
        s.model.status
    );
}

#[test]
fn a_decision_may_change_the_results_and_says_why() {
    use kinerja::domain::Expectation;
    use kinerja::domain::assessment::AspectValue;
    let mut s = Session::demo(Lang::Id);
    let (employee, _, reviewer) = submitted(&mut s);
    log_in_as(&mut s, &reviewer);
    open_as(&mut s, Mode::Reviewer, &employee);
    // Outside an objection the results are not the reviewer's to change.
    s.key(KeyCode::Char('3'));
    assert!(s.model.proposal.is_none());
    s.key(KeyCode::Char('y'));
    log_in_as(&mut s, &employee);
    open_as(&mut s, Mode::Employee, &employee);
    s.key(KeyCode::Char('k'));
    s.chars("Inovasi modul ajar tidak dinilai");
    s.key(KeyCode::Esc);
    assert_eq!(status(&s, &employee), AStatus::Objected);

    // The reviewer reads the objection on the summary and raises the
    // behaviour result: the predikat shown follows the proposal.
    log_in_as(&mut s, &reviewer);
    open_as(&mut s, Mode::Reviewer, &employee);
    let screen = s.screen(120, 40);
    assert!(
        screen.contains("Keberatan dari") && screen.contains("Inovasi modul ajar tidak dinilai"),
        "{screen}"
    );
    s.key(KeyCode::Tab);
    s.key(KeyCode::Char('3'));
    let screen = s.screen(120, 40);
    assert!(
        screen.contains("→ Di Atas Ekspektasi") && screen.contains("(keputusan baru)"),
        "{screen}"
    );
    assert!(
        screen.contains("Predikat setelah keputusan: BAIK"),
        "{screen}"
    );
    s.key(KeyCode::Tab);
    s.key(KeyCode::Char('3'));
    let screen = s.screen(120, 40);
    assert!(
        screen.contains("Predikat setelah keputusan: SANGAT BAIK"),
        "{screen}"
    );
    // Deciding sends the new results with the decision's reason.
    s.key(KeyCode::Char('p'));
    s.chars("Modul inovatif terbukti dipakai sekolah lain");
    s.key(KeyCode::Esc);
    assert_eq!(status(&s, &employee), AStatus::Decided);
    assert!(s.model.proposal.is_none());
    let a = s
        .model
        .assessments
        .values()
        .find(|a| a.key.employee.as_str() == employee)
        .expect("assessment");
    for d in [&a.hasil, &a.perilaku] {
        let d = d.as_ref().expect("decided");
        assert_eq!(d.value, AspectValue::Expectation(Expectation::DiAtas));
        assert_eq!(d.reason, "Modul inovatif terbukti dipakai sekolah lain");
    }

    // The employee sees the decision, and why.
    log_in_as(&mut s, &employee);
    open_as(&mut s, Mode::Employee, &employee);
    let screen = s.screen(120, 40);
    assert!(
        screen.contains("Keputusan") && screen.contains("Modul inovatif terbukti"),
        "{screen}"
    );
    assert!(screen.contains("SANGAT BAIK"), "{screen}");
}
