use super::*;
use crate::domain::assessment::{AssessmentKey, Entry, Status};
use crate::domain::template::expectation_of;
use crate::domain::{Aspect, Expectation};

fn nip(n: u32) -> Nip {
    Nip::parse(&format!("199003152019031{n:03}")).expect("nip")
}

fn person(n: u32, unit: &str) -> Person {
    Person {
        nip: nip(n),
        name: format!("P{n}"),
        unit: unit.into(),
        post: "Pengadministrasi Umum".into(),
        template: "pelaksana-administrasi".into(),
        appraiser: Some(nip(99)),
        reviewer: None,
        roles: Vec::new(),
    }
}

/// Every criterion rated at the level meaning `hasil` (Hasil Kerja) or
/// `perilaku` (behaviour), in the given status.
fn rated(
    r: &Reference,
    p: &Person,
    hasil: Expectation,
    perilaku: Expectation,
    status: Status,
) -> Assessment {
    let mut a = Assessment::new(
        AssessmentKey {
            period: "2026-S1".into(),
            employee: p.nip.clone(),
        },
        nip(99),
    );
    a.status = status;
    for c in r.criteria_of(p) {
        let want = match c.criterion.aspect {
            Aspect::HasilKerja => hasil,
            Aspect::PerilakuKerja => perilaku,
        };
        let level = (1..=c.scale)
            .find(|&l| expectation_of(l, c.scale) == want)
            .expect("a level");
        a.entries.insert(
            c.criterion.id.clone(),
            Entry {
                rating: Some(level),
                ..Entry::default()
            },
        );
    }
    a
}

#[test]
fn progress_distribution_results_and_training_per_unit() {
    use Expectation::{DiAtas, DiBawah, Sesuai};
    let r = crate::data::reference().expect("reference");
    let rules = crate::data::distribution_rules(&r).expect("rules");
    let scheme = r.scheme(crate::data::DEFAULT_SCHEME).expect("scheme");
    let people = [
        person(1, "u1"),
        person(2, "u1"),
        person(3, "u1"),
        person(4, "u2"),
        person(5, "u2"),
    ];
    let records = [
        rated(&r, &people[0], DiAtas, DiAtas, Status::Approved),
        rated(&r, &people[1], Sesuai, Sesuai, Status::Submitted),
        rated(&r, &people[2], DiBawah, Sesuai, Status::Acknowledged),
        // A draft counts in progress, not in the distribution.
        rated(&r, &people[3], DiAtas, DiAtas, Status::Draft),
    ];
    let results = [UnitResult {
        period: "2026-S1".into(),
        unit: "u1".into(),
        result: OrgResult::Baik,
        by: None,
        at: 0,
    }];
    let input = Input {
        period: "2026-S1",
        ended: true,
        people: people.iter().collect(),
        reference: &r,
        scheme,
        results: &results,
        rules: Some(&rules),
        selfs: &[],
    };
    let d = compute(&input, |n| records.iter().find(|a| &a.key.employee == n));
    let ids: Vec<&str> = d.grades.iter().map(|(id, _)| id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "sangat_baik",
            "baik",
            "butuh_perbaikan",
            "kurang_misconduct",
            "sangat_kurang"
        ]
    );
    let [u1, u2] = &d.units[..] else {
        panic!("two units: {:?}", d.units)
    };
    assert_eq!((u1.unit(), u2.unit()), ("u1", "u2"));
    assert_eq!(u1.predikat, [1, 1, 1, 0, 0]);
    assert_eq!(u1.judged(), 3);
    assert_eq!(u1.result, Some(OrgResult::Baik));
    // A Baik unit: at most 70% Baik (1 of 3 is fine) and some below Baik
    // (one Butuh Perbaikan): nothing broken, the two limits kept to draw.
    assert!(u1.breaches.is_empty(), "{:?}", u1.breaches);
    assert_eq!(u1.limits.len(), 2);
    assert!(u2.limits.is_empty(), "no result entered: no limits");
    assert_eq!(u2.predikat, [0; 5]);
    assert_eq!(u2.result, None);
    assert_eq!(u2.progress.counts.get(Stage::Draft), 1);
    assert_eq!(u2.progress.late, 2, "the period ended");
    // Only the one below expectation needs training; each programme once.
    assert!(!u1.training.is_empty());
    assert!(
        u1.training.iter().all(|n| n.people == 1),
        "{:?}",
        u1.training
    );
    assert_eq!(d.training, u1.training, "u2 has no judged result");
    // One appraiser rated four people (the draft counts): too few to say.
    let r = d.rater(&nip(99)).expect("the appraiser");
    assert_eq!((r.employees, r.figures.is_none()), (4, true));
}
