//! Update-level tests: actions through the real keymap and `update`,
//! effects run against a real sled store seeded with the demo.

mod support;

use kinerja::domain::Edit;
use kinerja::i18n::Lang;
use kinerja::store::{Request, Response};
use kinerja::tui::model::{Ending, Screen, Status};
use ratatui::crossterm::event::KeyCode;
use support::{Session, scoring_fresh, stored_rating};

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
    assert!(first + 1 < s.model.staff.len(), "needs a next employee");
    s.key(KeyCode::PageDown);
    assert_eq!(s.model.current, first + 1);
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
    s.give_pin();
    assert_eq!(s.model.screen, Screen::Roster);
}

#[test]
fn switching_period_reloads_that_periods_assessments() {
    let mut s = Session::demo(Lang::Id);
    s.login_first();
    let active = s.model.period.clone();
    // The demo's earlier semester is fully assessed: the reload must bring it.
    s.key(KeyCode::Char('['));
    assert_ne!(s.model.period, active);
    assert!(!s.model.assessments.is_empty());
    s.key(KeyCode::Char(']'));
    assert_eq!(s.model.period, active);
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
    // The last user is preselected: Enter and their PIN resume.
    s.key(KeyCode::Enter);
    s.give_pin();
    assert_eq!(s.model.screen, Screen::Scoring);
    assert_eq!(s.model.current_person().expect("p").nip.as_str(), nip);
    assert_eq!(s.model.criterion, 2);
    assert_eq!(stored_rating(&s, &nip, 0), Some(3));
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
    assert!(screen.contains("rate 1–5"));
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
    assert_eq!(s.model.ending, Some(Ending::Quit));
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
fn the_roster_filter_folds_diacritics_and_picks_the_highlighted_employee() {
    let mut s = Session::demo(Lang::Id);
    // An appraiser with someone whose name has a non-ASCII letter.
    let (appraiser, name) = s
        .model
        .login_rows()
        .iter()
        .find_map(|ap| {
            s.model
                .org
                .staff_of(&ap.nip)
                .find(|p| !p.name.is_ascii())
                .map(|p| (ap.nip.clone(), p.name.clone()))
        })
        .expect("the demo has staff with non-ASCII names");
    while s.model.login_rows()[s.model.login.selected].nip != appraiser {
        s.key(KeyCode::Down);
    }
    s.key(KeyCode::Enter);
    s.give_pin();
    // Type the folded, upper-case form of the word with the accent.
    let word = name
        .split(' ')
        .find(|w| !w.is_ascii())
        .expect("accented word");
    s.key(KeyCode::Char('/'));
    s.chars(&deunicode::deunicode(word).to_uppercase());
    let rows = s.model.roster_rows();
    assert!(!rows.is_empty());
    assert!(
        rows.iter()
            .any(|&i| s.model.org.people[s.model.staff[i].person].name == name)
    );
    let target = rows
        .iter()
        .position(|&i| s.model.org.people[s.model.staff[i].person].name == name)
        .expect("row");
    for _ in 0..target {
        s.key(KeyCode::Down);
    }
    s.key(KeyCode::Enter);
    assert_eq!(s.model.screen, Screen::Scoring);
    assert_eq!(s.model.current_person().expect("p").name, name);
}

#[test]
fn escape_clears_a_roster_filter_before_switching_user() {
    let mut s = Session::demo(Lang::Id);
    s.login_first();
    s.key(KeyCode::Down);
    let current = s.model.current;
    s.key(KeyCode::Char('/'));
    s.chars("zzzz");
    assert!(s.model.roster_rows().is_empty());
    // Esc while typing cancels the filter and keeps the highlighted employee.
    s.key(KeyCode::Esc);
    assert_eq!(s.model.roster.filter, "");
    assert_eq!(s.model.current, current);
    assert_eq!(s.model.roster.selected, current);
    // A filter left in place by Enter is cleared by the first Esc.
    s.key(KeyCode::Char('/'));
    s.chars("zzzz");
    s.key(KeyCode::Enter);
    assert_eq!(s.model.screen, Screen::Roster);
    s.key(KeyCode::Esc);
    assert_eq!(s.model.screen, Screen::Roster);
    assert_eq!(s.model.roster.filter, "");
    s.key(KeyCode::Esc);
    assert_eq!(s.model.screen, Screen::Login);
}

#[test]
fn a_new_login_starts_fresh_in_the_active_period() {
    let mut s = Session::demo(Lang::Id);
    s.login_first();
    let active = s.model.period.clone();
    s.key(KeyCode::Char('['));
    s.key(KeyCode::Esc);
    // The next appraiser has no saved cursor: they start in the active period.
    s.key(KeyCode::Down);
    s.key(KeyCode::Enter);
    s.give_pin();
    assert_eq!(s.model.screen, Screen::Roster);
    assert_eq!(s.model.period, active);
    assert_eq!(s.model.status, Status::Idle);
}

#[test]
fn a_note_that_meets_a_conflict_comes_back_in_the_editor() {
    let mut s = Session::demo(Lang::Id);
    let nip = scoring_fresh(&mut s);
    s.key(KeyCode::Char('2'));
    let a = s
        .model
        .assessment(&kinerja::domain::Nip::parse(&nip).expect("nip"))
        .expect("a")
        .clone();
    s.key(KeyCode::Char('n'));
    s.chars("Catatan panjang yang diketik dengan hati-hati");
    // Meanwhile another terminal changes the same record.
    let id = s.model.criteria(s.model.current_person().expect("p"))[1]
        .criterion
        .id
        .clone();
    let other = s.model.me.clone();
    let edit = Request::Edit {
        key: a.key.clone(),
        expected_revision: a.revision,
        edit: Edit::SetRating {
            criterion: id,
            rating: Some(3),
        },
    };
    assert!(matches!(
        s.store().execute(other.as_ref(), edit).expect("write"),
        Response::Saved(_)
    ));
    s.key(KeyCode::Esc);
    assert!(
        matches!(s.model.status, Status::Warning(_)),
        "{:?}",
        s.model.status
    );
    let ed = s.model.editor.as_ref().expect("the editor is back");
    assert_eq!(
        ed.area.lines().join("\n"),
        "Catatan panjang yang diketik dengan hati-hati"
    );
    // Saving again lands on top of the other change; both survive.
    s.key(KeyCode::Esc);
    assert_eq!(s.model.status, Status::Saved);
    assert_eq!(stored_rating(&s, &nip, 1), Some(3));
    let p = s.model.current_person().expect("p").clone();
    let first = s.model.criteria(&p)[0].criterion.id.clone();
    let note = s
        .model
        .assessment(&p.nip)
        .and_then(|a| a.entry(&first))
        .map(|e| e.note.clone());
    assert_eq!(
        note.as_deref(),
        Some("Catatan panjang yang diketik dengan hati-hati")
    );
}

#[test]
fn the_history_overlay_shows_who_changed_what() {
    let mut s = Session::demo(Lang::Id);
    scoring_fresh(&mut s);
    s.key(KeyCode::Char('2'));
    s.key(KeyCode::Char('3'));
    s.key_with(
        KeyCode::Char('H'),
        ratatui::crossterm::event::KeyModifiers::SHIFT,
    );
    let items = s.model.history.clone().expect("history open");
    assert_eq!(items.len(), 2);
    let screen = s.screen(100, 30);
    assert!(screen.contains("Riwayat perubahan"), "{screen}");
    assert!(screen.contains("nilai 2 → 3"), "{screen}");
    let me = s.model.me_person().expect("me").name.clone();
    assert!(screen.contains(&me), "{screen}");
    s.key(KeyCode::Esc);
    assert!(s.model.history.is_none());
    assert_eq!(s.model.screen, Screen::Scoring);
}
