//! The unit dashboard in the real TUI model on a real store: a reviewer
//! sees the units they review, late appraisers named once the period has
//! ended, the distribution and the training needs; the admin enters a
//! unit's Capaian Kinerja Organisasi with two keys; others are refused.

mod support;

use kinerja::domain::Role;
use kinerja::i18n::Lang;
use kinerja::store::{Request, Response};
use kinerja::tui::model::Screen;
use ratatui::crossterm::event::KeyCode;
use support::{Session, log_in_as};

/// The demo's first person with the role.
fn with_role(s: &Session, role: Role) -> String {
    s.model
        .org
        .people
        .iter()
        .find(|p| p.roles.contains(&role))
        .expect("someone with the role")
        .nip
        .to_string()
}

#[test]
fn a_reviewer_reads_progress_distribution_and_training() {
    let mut s = Session::demo(Lang::Id);
    s.login_first();
    let reviewer = with_role(&s, Role::Reviewer);
    log_in_as(&mut s, &reviewer);
    s.key(KeyCode::Char('D'));
    assert_eq!(s.model.screen, Screen::Dashboard);
    let d = s.model.dash.data.clone().expect("figures");
    assert!(!d.units.is_empty());
    let screen = s.screen(120, 40);
    assert!(screen.contains("Dasbor · Semester II 2026"), "{screen}");
    assert!(
        screen.contains("periode berjalan sampai 2026-12-31"),
        "{screen}"
    );
    // Quick feedback opens from here too, and closes back to it.
    s.key(KeyCode::Char('f'));
    assert!(s.model.quick.is_some());
    s.key(KeyCode::Esc);
    assert!(s.model.quick.is_none() && s.model.screen == Screen::Dashboard);
    // The previous semester has ended: what was not submitted is late.
    s.key(KeyCode::Char('['));
    let d = s.model.dash.data.clone().expect("figures");
    assert!(d.ended && d.period == "2026-S1", "{}", d.period);
    let judged: usize = d
        .units
        .iter()
        .map(kinerja::domain::dashboard::UnitFigures::judged)
        .sum();
    assert!(judged > 0, "the demo's last semester has results");
    s.key(KeyCode::Tab);
    let screen = s.screen(120, 40);
    assert!(
        screen.contains("Sangat Baik") && screen.contains('%'),
        "{screen}"
    );
    s.key(KeyCode::Tab);
    let screen = s.screen(120, 40);
    assert!(screen.contains("Selisih = rata-rata nilai"), "{screen}");
    s.key(KeyCode::Tab);
    let screen = s.screen(80, 24);
    assert!(screen.contains("Semua unit:"), "{screen}");
    s.key(KeyCode::Esc);
    assert_eq!(s.model.screen, Screen::Roster);
}

#[test]
fn the_admin_enters_a_units_result_and_a_plain_employee_is_refused() {
    let mut s = Session::demo(Lang::En);
    s.login_first();
    // Someone who appraises and reviews nobody has no dashboard.
    let org = &s.model.org;
    let plain = org
        .people
        .iter()
        .find(|p| {
            p.roles.is_empty()
                && !org.people.iter().any(|q| {
                    q.appraiser.as_ref() == Some(&p.nip) || q.reviewer.as_ref() == Some(&p.nip)
                })
        })
        .expect("a plain employee")
        .nip
        .to_string();
    log_in_as(&mut s, &plain);
    s.key(KeyCode::Char('D'));
    assert!(s.model.dash.data.is_none());
    let shown = s.screen(120, 40);
    assert!(shown.contains("only a reviewer"), "{shown}");
    let admin = with_role(&s, Role::Admin);
    log_in_as(&mut s, &admin);
    s.key(KeyCode::Char('D'));
    let unit = s.model.dash.unit().expect("a unit").unit().to_string();
    s.key(KeyCode::Char('o'));
    assert!(
        s.screen(120, 40).contains("2 Baik"),
        "the choices are shown"
    );
    s.key(KeyCode::Char('2'));
    assert_eq!(
        s.model.dash.unit().and_then(|u| u.result),
        Some(kinerja::domain::org_result::OrgResult::Baik)
    );
    let req = Request::UnitResults {
        period: s.model.period.clone(),
    };
    let Response::UnitResults { items, .. } = s.store().execute(None, req).expect("read") else {
        panic!("results");
    };
    assert_eq!(items.len(), 1);
    assert_eq!(items[0].unit, unit);
    // The rule of a Baik unit, checked against its results in the ended
    // semester: at most 70% Baik, and some below Baik.
    s.key(KeyCode::Char('['));
    s.key(KeyCode::Char('o'));
    s.key(KeyCode::Char('2'));
    let u = s.model.dash.unit().expect("unit").clone();
    let count = |id: &str| {
        let d = s.model.dash.data.as_ref().expect("figures");
        let i = d.grades.iter().position(|(g, _)| g == id).expect("grade");
        u.predikat[i]
    };
    let total = u.judged();
    let baik = count("baik");
    // 70% of the total, rounded down, may be Baik.
    let over = baik.saturating_sub(total * 7 / 10);
    let below = count("butuh_perbaikan") + count("kurang_misconduct");
    let mut want = Vec::new();
    if over > 0 {
        want.push(over);
    }
    if below == 0 {
        want.push(1);
    }
    let got: Vec<usize> = u.breaches.iter().map(|b| b.by).collect();
    assert_eq!(got, want, "{u:?}");
    s.key(KeyCode::Tab);
    let screen = s.screen(120, 40);
    assert!(screen.contains("at most 70% Baik"), "{screen}");
    assert_eq!(
        Some(&items[0].by.clone().expect("by").to_string()),
        Some(&admin)
    );
}

#[test]
fn the_trend_shows_each_period_and_each_value() {
    let mut s = Session::demo(Lang::Id);
    s.login_first();
    s.key(KeyCode::Char('s'));
    s.key(KeyCode::Char('T'));
    let points = s.model.trend.clone().expect("the trend is open");
    let periods: Vec<&str> = points.iter().map(|p| p.period.as_str()).collect();
    assert_eq!(periods.first(), Some(&"2025"), "oldest first: {periods:?}");
    assert!(periods.contains(&"2026-S1"), "{periods:?}");
    let screen = s.screen(120, 40);
    assert!(screen.contains("Tren · "), "{screen}");
    assert!(screen.contains("Semester I 2026"), "{screen}");
    assert!(screen.contains("Berorientasi Pelayanan"), "{screen}");
    s.key(KeyCode::Esc);
    assert!(s.model.trend.is_none());
    // The employee sees only their approved results, never a draft.
    let me = s.model.current_person().expect("employee").nip.to_string();
    log_in_as(&mut s, &me);
    s.key(KeyCode::Char('v'));
    while s.model.mode != kinerja::tui::model::Mode::Employee {
        s.key(KeyCode::Char('v'));
    }
    s.key(KeyCode::Char('s'));
    s.key(KeyCode::Char('T'));
    let own = s.model.trend.clone().expect("the trend is open");
    let unapproved = |p: &kinerja::domain::trend::Point| {
        matches!(
            p.status,
            kinerja::domain::Status::Draft
                | kinerja::domain::Status::Submitted
                | kinerja::domain::Status::Returned
        )
    };
    assert!(!own.iter().any(unapproved), "{own:?}");
    let hidden = points.iter().filter(|p| unapproved(p)).count();
    assert_eq!(
        own.len(),
        points.len() - hidden,
        "every approved one is there"
    );
}

#[test]
fn the_career_tab_has_angka_kredit_and_promotion() {
    use kinerja::domain::career::Promotion;
    let mut s = Session::demo(Lang::Id);
    s.login_first();
    let admin = with_role(&s, Role::Admin);
    log_in_as(&mut s, &admin);
    s.key(KeyCode::Char('D'));
    s.key(KeyCode::Char('['));
    while s.model.dash.tab != kinerja::tui::model::DashTab::Career {
        s.key(KeyCode::Tab);
    }
    let units = s.model.dash.career.clone().expect("career figures");
    let rows: Vec<_> = units.iter().flat_map(|u| u.rows.iter()).collect();
    assert!(!rows.is_empty());
    // Semester I 2026 is six months: credit = 6/12 × share × coefficient,
    // with the shares and coefficients of Peraturan BKN 3/2023 written out
    // here again.
    let share = |g: &str| match g {
        "Sangat Baik" => 1.5,
        "Baik" => 1.0,
        "Butuh Perbaikan" => 0.75,
        "Kurang/Misconduct" => 0.5,
        "Sangat Kurang" => 0.25,
        other => panic!("{other}"),
    };
    let coefficient = |j: &str| match j {
        "Ahli Pertama" | "Mahir" => 12.5,
        "Ahli Muda" | "Penyelia" => 25.0,
        "Ahli Madya" => 37.5,
        "Ahli Utama" => 50.0,
        "Terampil" => 5.0,
        "Pemula" => 3.75,
        other => panic!("{other}"),
    };
    let functional: Vec<_> = rows
        .iter()
        .filter(|r| r.jenjang.is_some() && r.grade.is_some())
        .collect();
    assert!(!functional.is_empty(), "the demo has functional posts");
    for r in &functional {
        let want = 6.0 / 12.0
            * share(r.grade.as_deref().expect("grade"))
            * coefficient(r.jenjang.as_deref().expect("jenjang"));
        assert_eq!(r.credit, Some(want), "{r:?}");
    }
    assert!(
        rows.iter()
            .all(|r| r.jenjang.is_some() || r.credit.is_none())
    );
    // Only 2025 has ended as a year: nobody has two years' results yet.
    for r in &rows {
        assert!(
            matches!(
                r.promotion,
                Promotion::NotYet {
                    missing_years: 1,
                    ..
                }
            ),
            "{r:?}"
        );
    }
    let screen = s.screen(120, 40);
    assert!(screen.contains("Kenaikan pangkat"), "{screen}");
    assert!(screen.contains("belum: "), "{screen}");
}

#[test]
fn an_appraiser_who_rates_everyone_top_is_warned_before_submitting() {
    use kinerja::domain::{AssessmentKey, Edit};
    let mut s = Session::demo(Lang::Id);
    s.login_first();
    let me = s.model.me.clone().expect("logged in");
    let untouched: Vec<_> = s
        .model
        .staff
        .iter()
        .map(|r| s.model.org.people[r.person].clone())
        .filter(|p| s.model.assessment(&p.nip).is_none())
        .collect();
    assert!(untouched.len() >= 5, "{}", untouched.len());
    let drafts = s
        .model
        .assessments
        .values()
        .filter(|a| a.entries.values().any(|e| e.rating.is_some()))
        .count();
    // Everything at the top level for five of them, through the store.
    for p in untouched.iter().take(5) {
        let mut rev = 0;
        for c in s.model.reference.criteria_of(p) {
            let req = Request::Edit {
                key: AssessmentKey {
                    period: s.model.period.clone(),
                    employee: p.nip.clone(),
                },
                expected_revision: rev,
                edit: Edit::SetRating {
                    criterion: c.criterion.id.clone(),
                    rating: Some(c.scale),
                },
            };
            match s.store().execute(Some(&me), req).expect("rate") {
                Response::Saved(a) => rev = a.revision,
                other => panic!("{other:?}"),
            }
        }
    }
    // One of them's summary: every criterion at the same level for
    // everyone is halo (nobody else has rated comparable staff yet this
    // semester, so there is no offset to speak of).
    support::select(
        &mut s,
        kinerja::tui::model::Mode::Appraiser,
        untouched[0].nip.as_str(),
    );
    s.key(KeyCode::Char('s'));
    let mine = s.model.my_calibration.clone().expect("figures");
    assert_eq!(mine.employees, 5 + drafts, "her drafts count too");
    let f = mine.figures.expect("five rated");
    assert_eq!(f.offset, None);
    assert!(
        f.verdicts
            .contains(&kinerja::domain::calibration::Verdict::Halo),
        "{f:?}"
    );
    let screen = s.screen(120, 40);
    assert!(
        screen.contains("Kalibrasi Anda periode ini: semua kriteria serupa (halo)"),
        "{screen}"
    );
}

#[test]
fn the_dashboard_counts_agreement_with_sent_self_assessments() {
    use kinerja::domain::workflow::Transition;
    use kinerja::domain::{AssessmentKey, Edit};
    let mut s = Session::demo(Lang::Id);
    s.login_first();
    let me = s.model.me.clone().expect("logged in");
    let period = s.model.period.clone();
    let staff: Vec<_> = s
        .model
        .staff
        .iter()
        .map(|r| s.model.org.people[r.person].clone())
        .filter(|p| s.model.assessment(&p.nip).is_none())
        .take(5)
        .collect();
    let mut pairs = 0;
    for (i, p) in staff.iter().enumerate() {
        let key = AssessmentKey {
            period: period.clone(),
            employee: p.nip.clone(),
        };
        let criteria = s.model.reference.criteria_of(p);
        let (mut rev, mut own) = (0, 0);
        for (j, c) in criteria.iter().enumerate() {
            // The appraiser at the middle; the employee one level up on
            // every other criterion.
            let mid = c.scale.div_ceil(2);
            let up = if (i + j) % 2 == 0 { mid } else { mid + 1 };
            let rate = |r: u8| Edit::SetRating {
                criterion: c.criterion.id.clone(),
                rating: Some(r),
            };
            let req = Request::Edit {
                key: key.clone(),
                expected_revision: rev,
                edit: rate(mid),
            };
            match s.store().execute(Some(&me), req).expect("rate") {
                Response::Saved(a) => rev = a.revision,
                other => panic!("{other:?}"),
            }
            let req = Request::SelfEdit {
                key: key.clone(),
                expected_revision: own,
                edit: rate(up),
            };
            match s.store().execute(Some(&p.nip), req).expect("self") {
                Response::SelfSaved(x) => own = x.revision,
                other => panic!("{other:?}"),
            }
            pairs += 1;
        }
        let send = Request::SelfEdit {
            key,
            expected_revision: own,
            edit: Edit::Step(Transition::Submit),
        };
        let r = s.store().execute(Some(&p.nip), send).expect("send");
        assert!(matches!(r, Response::SelfSaved(_)), "{r:?}");
    }
    let Response::Dashboard { dashboard, .. } = s
        .store()
        .execute(None, Request::Dashboard { period })
        .expect("dashboard")
    else {
        panic!("dashboard");
    };
    let r = dashboard.rater(&me).expect("the appraiser");
    let a = r.self_agreement.clone().expect("five sent");
    assert_eq!(a.pairs, pairs);
    assert!(
        a.alpha < 1.0,
        "they disagree on half the criteria: {}",
        a.alpha
    );
    assert!(a.rwg < 1.0 && a.rwg > 0.0, "{}", a.rwg);
    // The appraiser's own figures never hold the self-ratings (blind).
    let req = Request::OwnCalibration {
        period: s.model.period.clone(),
    };
    let Response::Calibration(Some(mine)) = s.store().execute(Some(&me), req).expect("own") else {
        panic!("own figures");
    };
    assert_eq!(mine.self_agreement, None);
}
