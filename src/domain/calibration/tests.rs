use super::*;

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 5e-4
}

/// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability",
/// section C: 4 observers, 12 units, values 1–5 with missing data.
/// Published: nominal 0.743, ordinal 0.815, interval 0.849. Checked
/// independently with the PyPI package `krippendorff` 0.8:
///   data = [[1,2,3,3,2,1,4,1,2,nan,nan,nan], [1,2,3,3,2,2,4,1,2,5,nan,3],
///           [nan,3,3,3,2,3,4,2,2,5,1,nan], [1,2,3,3,2,4,4,1,2,5,1,nan]]
///   krippendorff.alpha(reliability_data=data, level_of_measurement=m)
///   → nominal 0.7434, ordinal 0.8154, interval 0.8491
#[test]
fn alpha_on_the_published_example() {
    let observers: [[Option<f64>; 12]; 4] = {
        let n = None;
        let s = |v: f64| Some(v);
        [
            [
                s(1.),
                s(2.),
                s(3.),
                s(3.),
                s(2.),
                s(1.),
                s(4.),
                s(1.),
                s(2.),
                n,
                n,
                n,
            ],
            [
                s(1.),
                s(2.),
                s(3.),
                s(3.),
                s(2.),
                s(2.),
                s(4.),
                s(1.),
                s(2.),
                s(5.),
                n,
                s(3.),
            ],
            [
                n,
                s(3.),
                s(3.),
                s(3.),
                s(2.),
                s(3.),
                s(4.),
                s(2.),
                s(2.),
                s(5.),
                s(1.),
                n,
            ],
            [
                s(1.),
                s(2.),
                s(3.),
                s(3.),
                s(2.),
                s(4.),
                s(4.),
                s(1.),
                s(2.),
                s(5.),
                s(1.),
                n,
            ],
        ]
    };
    // Units × raters.
    let units: Vec<Vec<Option<f64>>> = (0..12)
        .map(|u| observers.iter().map(|o| o[u]).collect())
        .collect();
    let a = |m| krippendorff_alpha(&units, m).expect("alpha");
    assert!(close(a(Metric::Nominal), 0.7434), "{}", a(Metric::Nominal));
    assert!(close(a(Metric::Ordinal), 0.8154), "{}", a(Metric::Ordinal));
    assert!(
        close(a(Metric::Interval), 0.8491),
        "{}",
        a(Metric::Interval)
    );
    // Perfect agreement is 1; nothing to compare, or no variation, is None.
    let same = vec![vec![Some(2.0), Some(2.0)], vec![Some(3.0), Some(3.0)]];
    assert_eq!(krippendorff_alpha(&same, Metric::Interval), Some(1.0));
    assert_eq!(
        krippendorff_alpha(&[vec![Some(1.0), None]], Metric::Nominal),
        None
    );
    assert_eq!(
        krippendorff_alpha(&[vec![Some(4.0), Some(4.0)]], Metric::Nominal),
        None
    );
}

#[test]
fn rwg_by_hand() {
    // 5 raters on a 5-point scale: 4 4 5 4 3. Mean 4, squared deviations
    // 0 0 1 0 1 = 2, s² = 2/4 = 0.5; the uniform null (25−1)/12 = 2;
    // rwg = 1 − 0.5/2 = 0.75.
    assert_eq!(rwg(&[4., 4., 5., 4., 3.], 5), Some(0.75));
    // Full agreement.
    assert_eq!(rwg(&[3., 3., 3.], 5), Some(1.0));
    // 1 5 1 5: s² = 16/3 > 2, clamped to 0.
    assert_eq!(rwg(&[1., 5., 1., 5.], 5), Some(0.0));
    // A 3-level scale: 2 2 3, mean 7/3, s² = (1/9+1/9+4/9)/2 = 1/3;
    // null (9−1)/12 = 2/3; rwg = 0.5.
    assert!(close(rwg(&[2., 2., 3.], 3).expect("rwg"), 0.5));
    assert_eq!(rwg(&[4.], 5), None);
}

fn staff(appraiser: &str, group: &str, n: usize, levels: &[(&str, u8)]) -> Vec<Rated> {
    (0..n)
        .map(|_| Rated {
            appraiser: appraiser.into(),
            group: group.into(),
            ratings: levels
                .iter()
                .map(|(c, l)| Given {
                    criterion: (*c).into(),
                    level: *l,
                    scale: 5,
                })
                .collect(),
            own: Vec::new(),
        })
        .collect()
}

#[test]
fn leniency_severity_central_tendency_and_halo() {
    let mut all = Vec::new();
    // L gives 5s and N gives 3s to comparable staff on the same criterion.
    all.extend(staff("L", "guru", 5, &[("pelayanan", 5)]));
    all.extend(staff("N", "guru", 5, &[("pelayanan", 3)]));
    // H rates two criteria alike for everyone: halo.
    all.extend(staff(
        "H",
        "analis",
        5,
        &[("pelayanan", 4), ("akuntabel", 4)],
    ));
    // S has four staff: too few.
    all.extend(staff("S", "guru", 4, &[("pelayanan", 4)]));
    let got = raters(&all);
    let of = |a: &str| got.iter().find(|r| r.appraiser == a).expect(a);
    // L: 5 − mean of the others' ratings in the group (N's five 3s and
    // S's four 4s: 31/9) = 14/9 ≈ 1.56 levels above.
    let l = of("L").figures.as_ref().expect("enough staff");
    assert!(close(l.offset.expect("offset"), 14.0 / 9.0), "{l:?}");
    assert_eq!(l.comparisons, 5);
    assert_eq!(l.verdicts, [Verdict::Lenient]);
    // N: 3 − (five 5s and four 4s: 41/9) = −14/9, all in the middle.
    let n = of("N").figures.as_ref().expect("enough staff");
    assert!(close(n.offset.expect("offset"), -14.0 / 9.0), "{n:?}");
    assert!(close(n.middle_share, 1.0));
    assert!(close(n.spread, 0.0));
    assert_eq!(n.verdicts, [Verdict::Severe, Verdict::CentralTendency]);
    // H: nobody else rates analis staff; every employee rated alike.
    let h = of("H").figures.as_ref().expect("enough staff");
    assert_eq!(h.offset, None);
    assert!(close(h.halo_spread, 0.0));
    assert_eq!(h.verdicts, [Verdict::Halo]);
    assert_eq!(of("S").employees, 4);
    assert_eq!(of("S").figures, None, "below {MIN_EMPLOYEES} employees");
}

#[test]
fn agreement_with_the_employees_own_ratings() {
    let given = |c: &str, level: u8| Given {
        criterion: c.into(),
        level,
        scale: 5,
    };
    // Five employees, two criteria each; the employee agrees on the first
    // criterion and rates themself one level higher on the second.
    let staff: Vec<Rated> = (0..5u8)
        .map(|i| Rated {
            appraiser: "A".into(),
            group: "g".into(),
            ratings: vec![given("x", 1 + i % 3), given("y", 2 + i % 3)],
            own: vec![given("x", 1 + i % 3), given("y", 3 + i % 3)],
        })
        .collect();
    let units: Vec<Vec<Option<f64>>> = staff
        .iter()
        .flat_map(|r| {
            r.ratings
                .iter()
                .zip(&r.own)
                .map(|(a, o)| vec![Some(f64::from(a.level)), Some(f64::from(o.level))])
        })
        .collect();
    let a = raters(&staff)[0].self_agreement.clone().expect("five sent");
    assert_eq!(a.pairs, 10);
    assert_eq!(Some(a.alpha), krippendorff_alpha(&units, Metric::Ordinal));
    assert!(a.alpha < 1.0 && a.alpha > 0.0, "{}", a.alpha);
    // rwg of a pair on 5 levels: equal 1; one apart s² = 0.5, so
    // 1 − 0.5/2 = 0.75. Five of each: mean 0.875.
    assert!(close(a.rwg, 0.875), "{}", a.rwg);
    // Four self-assessments are too few.
    let mut fewer = staff.clone();
    fewer[0].own.clear();
    assert_eq!(raters(&fewer)[0].self_agreement, None);
}
