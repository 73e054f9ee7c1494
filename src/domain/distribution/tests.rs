//! Each of the five organisation results, with a case on both sides of
//! every limit; "by" counted by hand in the comments.

use super::*;
use std::collections::HashMap;

fn rules() -> Rules {
    toml::from_str(include_str!("../../../data/distribution.toml")).expect("the shipped rules")
}

/// Checks a unit whose results are `counts` (grade id, how many).
fn check(result: OrgResult, counts: &[(&str, usize)]) -> Vec<(Vec<String>, Bound, usize)> {
    let map: HashMap<&str, usize> = counts.iter().copied().collect();
    let total = counts.iter().map(|(_, n)| n).sum();
    rules()
        .check(result, |g| map.get(g).copied().unwrap_or(0), total)
        .into_iter()
        .map(|b| (b.grades, b.bound, b.by))
        .collect()
}

fn g(ids: &[&str]) -> Vec<String> {
    ids.iter().map(|s| (*s).to_string()).collect()
}

#[test]
fn istimewa_at_most_70_percent_sangat_baik() {
    use OrgResult::Istimewa;
    // 7 of 10 is exactly 70%: allowed.
    assert!(check(Istimewa, &[("sangat_baik", 7), ("baik", 3)]).is_empty());
    // 8 of 10: one too many.
    assert_eq!(
        check(Istimewa, &[("sangat_baik", 8), ("baik", 2)]),
        [(g(&["sangat_baik"]), Bound::AtMostPercent(70.0), 1)]
    );
    // A unit of 3: 70% is 2.1 people, so 2 may be Sangat Baik, not 3.
    assert!(check(Istimewa, &[("sangat_baik", 2), ("baik", 1)]).is_empty());
    assert_eq!(
        check(Istimewa, &[("sangat_baik", 3)]),
        [(g(&["sangat_baik"]), Bound::AtMostPercent(70.0), 1)]
    );
    assert!(
        check(Istimewa, &[]).is_empty(),
        "an empty unit breaks nothing"
    );
}

#[test]
fn baik_at_most_70_percent_baik_and_some_below() {
    use OrgResult::Baik;
    assert!(
        check(
            Baik,
            &[("baik", 7), ("butuh_perbaikan", 1), ("sangat_baik", 2)]
        )
        .is_empty()
    );
    assert!(
        check(
            Baik,
            &[("baik", 7), ("kurang_misconduct", 1), ("sangat_baik", 2)]
        )
        .is_empty()
    );
    // 8 of 10 Baik: one too many.
    assert_eq!(
        check(Baik, &[("baik", 8), ("butuh_perbaikan", 2)]),
        [(g(&["baik"]), Bound::AtMostPercent(70.0), 1)]
    );
    // Nobody below Sangat Baik/Baik: one person would have to be.
    assert_eq!(
        check(Baik, &[("baik", 7), ("sangat_baik", 3)]),
        [(
            g(&["butuh_perbaikan", "kurang_misconduct"]),
            Bound::AtLeastPeople(1),
            1
        )]
    );
}

#[test]
fn butuh_perbaikan_at_least_60_and_at_most_10_sangat_baik() {
    use OrgResult::ButuhPerbaikan;
    assert!(
        check(
            ButuhPerbaikan,
            &[("butuh_perbaikan", 6), ("baik", 3), ("sangat_baik", 1)]
        )
        .is_empty()
    );
    // 5 of 10: 6 are needed, one more.
    assert_eq!(
        check(ButuhPerbaikan, &[("butuh_perbaikan", 5), ("baik", 5)]),
        [(g(&["butuh_perbaikan"]), Bound::AtLeastPercent(60.0), 1)]
    );
    // 2 of 10 Sangat Baik: 1 allowed.
    assert_eq!(
        check(
            ButuhPerbaikan,
            &[("butuh_perbaikan", 6), ("baik", 2), ("sangat_baik", 2)]
        ),
        [(g(&["sangat_baik"]), Bound::AtMostPercent(10.0), 1)]
    );
    // A unit of 7: 60% is 4.2 people, so 5 are needed.
    assert!(check(ButuhPerbaikan, &[("butuh_perbaikan", 5), ("baik", 2)]).is_empty());
    assert_eq!(
        check(ButuhPerbaikan, &[("butuh_perbaikan", 4), ("baik", 3)]),
        [(g(&["butuh_perbaikan"]), Bound::AtLeastPercent(60.0), 1)]
    );
}

#[test]
fn kurang_at_least_60_kurang_10_butuh_perbaikan_at_most_10_sangat_baik() {
    use OrgResult::Kurang;
    let ok = [
        ("kurang_misconduct", 6),
        ("butuh_perbaikan", 1),
        ("sangat_baik", 1),
        ("baik", 2),
    ];
    assert!(check(Kurang, &ok).is_empty());
    assert_eq!(
        check(
            Kurang,
            &[
                ("kurang_misconduct", 5),
                ("butuh_perbaikan", 1),
                ("baik", 4)
            ]
        ),
        [(g(&["kurang_misconduct"]), Bound::AtLeastPercent(60.0), 1)]
    );
    assert_eq!(
        check(Kurang, &[("kurang_misconduct", 6), ("baik", 4)]),
        [(g(&["butuh_perbaikan"]), Bound::AtLeastPercent(10.0), 1)]
    );
    assert_eq!(
        check(
            Kurang,
            &[
                ("kurang_misconduct", 6),
                ("butuh_perbaikan", 2),
                ("sangat_baik", 2)
            ]
        ),
        [(g(&["sangat_baik"]), Bound::AtMostPercent(10.0), 1)]
    );
}

#[test]
fn sangat_kurang_at_least_60_some_below_and_no_sangat_baik() {
    use OrgResult::SangatKurang;
    assert!(
        check(
            SangatKurang,
            &[("sangat_kurang", 6), ("kurang_misconduct", 1), ("baik", 3)]
        )
        .is_empty()
    );
    assert!(
        check(
            SangatKurang,
            &[("sangat_kurang", 6), ("butuh_perbaikan", 1), ("baik", 3)]
        )
        .is_empty()
    );
    assert_eq!(
        check(
            SangatKurang,
            &[("sangat_kurang", 5), ("kurang_misconduct", 1), ("baik", 4)]
        ),
        [(g(&["sangat_kurang"]), Bound::AtLeastPercent(60.0), 1)]
    );
    assert_eq!(
        check(SangatKurang, &[("sangat_kurang", 7), ("baik", 3)]),
        [(
            g(&["kurang_misconduct", "butuh_perbaikan"]),
            Bound::AtLeastPercent(10.0),
            1
        )]
    );
    // No Sangat Baik at all: each one breaks it.
    assert_eq!(
        check(
            SangatKurang,
            &[
                ("sangat_kurang", 6),
                ("butuh_perbaikan", 1),
                ("sangat_baik", 2),
                ("baik", 1)
            ]
        ),
        [(g(&["sangat_baik"]), Bound::AtMostPercent(0.0), 2)]
    );
}
