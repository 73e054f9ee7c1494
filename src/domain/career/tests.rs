use super::*;
use crate::domain::training::TrainingLevel;

fn rules() -> CreditRules {
    let src = include_str!("../../../data/angka-kredit.toml");
    toml::from_str(src).expect("the shipped rules parse")
}

fn period(id: &str, start: &str, end: &str) -> Period {
    Period {
        id: id.into(),
        name: id.into(),
        start: start.into(),
        end: end.into(),
        scheme: "permenpanrb-6-2022".into(),
    }
}

#[test]
fn the_jenjang_is_read_from_the_end_of_the_post() {
    let r = rules();
    let label = |post: &str| r.jenjang_of(post).map(|j| j.label.as_str());
    assert_eq!(label("Guru Kelas Ahli Madya"), Some("Ahli Madya"));
    assert_eq!(label("Pranata Komputer Terampil"), Some("Terampil"));
    assert_eq!(label("perawat ahli pertama "), Some("Ahli Pertama"));
    assert_eq!(label("Kepala Sekolah"), None, "a structural post");
    assert_eq!(label("Analis SDM Aparatur Ahli Muda"), Some("Ahli Muda"));
}

#[test]
fn credit_is_months_times_share_times_coefficient() {
    let r = rules();
    // A year as Ahli Muda (25) with Baik (100%): 25.
    assert_eq!(r.credit("Guru Ahli Muda", "baik", 12), Some(25.0));
    // Sangat Baik (150%) for a semester as Ahli Madya (37.5): 6/12 × 1.5 × 37.5.
    assert_eq!(
        r.credit("Guru Kelas Ahli Madya", "sangat_baik", 6),
        Some(28.125)
    );
    // Butuh Perbaikan (75%) for a quarter as Terampil (5): 3/12 × 0.75 × 5.
    assert_eq!(
        r.credit("Pranata Komputer Terampil", "butuh_perbaikan", 3),
        Some(0.9375)
    );
    assert_eq!(r.credit("Kepala Sekolah", "baik", 12), None);
    assert_eq!(
        r.credit("Guru Ahli Muda", "cukup", 12),
        None,
        "a PP 46/2011 band"
    );
}

#[test]
fn periods_know_their_months_and_whether_they_are_annual() {
    let year = period("2025", "2025-01-01", "2025-12-31");
    let s2 = period("2026-S2", "2026-07-01", "2026-12-31");
    let tw = period("2026-TW1", "2026-01-01", "2026-03-31");
    assert_eq!(months(&year), Some(12));
    assert_eq!(months(&s2), Some(6));
    assert_eq!(months(&tw), Some(3));
    assert!(is_annual(&year));
    assert!(!is_annual(&s2));
    assert_eq!(months(&period("x", "2026", "2026-12-31")), None);
}

#[test]
fn promotion_needs_baik_in_each_of_the_last_two_years() {
    let (y23, y24, y25) = (
        period("2023", "2023-01-01", "2023-12-31"),
        period("2024", "2024-01-01", "2024-12-31"),
        period("2025", "2025-01-01", "2025-12-31"),
    );
    // An old shortfall does not count; the last two do.
    assert_eq!(
        promotion(&[(&y23, Some(false)), (&y24, Some(true)), (&y25, Some(true))]),
        Promotion::Eligible
    );
    assert_eq!(
        promotion(&[(&y24, Some(true)), (&y25, Some(false))]),
        Promotion::NotYet {
            short: vec!["2025".into()],
            missing_years: 0
        }
    );
    // No final result yet, or only one year on record: not yet.
    assert_eq!(
        promotion(&[(&y24, Some(true)), (&y25, None)]),
        Promotion::NotYet {
            short: vec!["2025".into()],
            missing_years: 0
        }
    );
    assert_eq!(
        promotion(&[(&y25, Some(true))]),
        Promotion::NotYet {
            short: vec![],
            missing_years: 1
        }
    );
}

#[test]
fn training_needs_count_people_once_per_programme() {
    let p = |id: &str, jp: u16| Programme {
        id: id.into(),
        name: id.to_uppercase(),
        jp,
        level: TrainingLevel::Dasar,
        criteria: Vec::new(),
    };
    let (a, b, c) = (p("pelayanan", 16), p("etika", 12), p("arsip", 8));
    let needs = training_needs([vec![&a, &b, &a], vec![&a], vec![&c, &b], vec![]]);
    let got: Vec<(&str, usize, usize)> = needs
        .iter()
        .map(|n| (n.programme.as_str(), n.people, n.total_jp()))
        .collect();
    assert_eq!(
        got,
        [("etika", 2, 24), ("pelayanan", 2, 32), ("arsip", 1, 8)]
    );
}

#[test]
fn a_years_result_is_its_annual_period_else_the_one_ending_in_december() {
    let periods = [
        period("2024-S2", "2024-07-01", "2024-12-31"),
        period("2025", "2025-01-01", "2025-12-31"),
        period("2025-S2", "2025-07-01", "2025-12-31"),
        period("2026-S1", "2026-01-01", "2026-06-30"),
        period("2026-S2", "2026-07-01", "2026-12-31"),
    ];
    let ids = |today: &str| -> Vec<String> {
        year_periods(&periods, today)
            .iter()
            .map(|p| p.id.clone())
            .collect()
    };
    // 2026 has not ended; 2025's annual period wins over its semester.
    assert_eq!(ids("2026-11-28"), ["2024-S2", "2025"]);
    assert_eq!(ids("2027-01-02"), ["2024-S2", "2025", "2026-S2"]);
    assert_eq!(
        ids("2024-12-31"),
        Vec::<String>::new(),
        "the last day is not over"
    );
}
