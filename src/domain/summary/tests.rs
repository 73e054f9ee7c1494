use super::*;
use crate::domain::assessment::{Assessment, AssessmentKey, Edit, SummaryItem};
use crate::domain::template::{Criterion, HasilInfo, Template};
use crate::domain::training::{Catalogue, Programme};
use crate::domain::{Nip, Scheme};
use Expectation::{DiAtas, DiBawah, Sesuai};

fn e(x: Expectation) -> (Expectation, bool) {
    (x, false)
}

#[test]
fn nothing_rated_suggests_nothing() {
    assert_eq!(suggest_expectation(&[]), None);
}

#[test]
fn most_above_and_no_key_item_below_is_di_atas() {
    assert_eq!(
        suggest_expectation(&[e(DiAtas), e(DiAtas), e(Sesuai)]),
        Some(DiAtas)
    );
    assert_eq!(
        suggest_expectation(&[e(DiAtas), e(DiAtas), e(DiAtas)]),
        Some(DiAtas)
    );
    // A non-key (Tambahan) result below does not block Di Atas.
    assert_eq!(
        suggest_expectation(&[e(DiAtas), e(DiAtas), e(DiBawah)]),
        Some(DiAtas)
    );
}

#[test]
fn a_key_item_below_blocks_di_atas() {
    let items = [e(DiAtas), e(DiAtas), (DiBawah, true)];
    assert_eq!(suggest_expectation(&items), Some(Sesuai));
}

#[test]
fn exactly_half_is_not_most() {
    assert_eq!(suggest_expectation(&[e(DiAtas), e(Sesuai)]), Some(Sesuai));
    assert_eq!(suggest_expectation(&[e(DiBawah), e(Sesuai)]), Some(Sesuai));
}

#[test]
fn most_below_is_di_bawah() {
    assert_eq!(
        suggest_expectation(&[e(DiBawah), e(DiBawah), e(DiAtas)]),
        Some(DiBawah)
    );
    assert_eq!(suggest_expectation(&[(DiBawah, true)]), Some(DiBawah));
}

#[test]
fn mixed_results_are_sesuai() {
    assert_eq!(
        suggest_expectation(&[e(DiBawah), e(Sesuai), e(DiAtas)]),
        Some(Sesuai)
    );
}

fn crit(id: &str, aspect: Aspect, kind: Option<RhkKind>, scale: usize) -> Criterion {
    Criterion {
        id: id.into(),
        aspect,
        name: format!("Kriteria {id}"),
        description: String::new(),
        guidance: vec![],
        levels: vec!["x".into(); scale],
        hasil: kind.map(|kind| HasilInfo {
            kind,
            iki: "iki".into(),
            aspek: "Kuantitas".into(),
            target: "100%".into(),
        }),
    }
}

struct Fixture {
    hasil: Template,
    perilaku: Template,
    catalogue: Catalogue,
}

fn fixture() -> Fixture {
    Fixture {
        hasil: Template {
            id: "h".into(),
            name: "h".into(),
            scale: 3,
            criteria: vec![
                crit("h1", Aspect::HasilKerja, Some(RhkKind::Utama), 3),
                crit("h2", Aspect::HasilKerja, Some(RhkKind::Tambahan), 3),
            ],
        },
        perilaku: Template {
            id: "p".into(),
            name: "p".into(),
            scale: 5,
            criteria: (1..=4)
                .map(|i| crit(&format!("p{i}"), Aspect::PerilakuKerja, None, 5))
                .collect(),
        },
        catalogue: Catalogue {
            programmes: vec![
                Programme {
                    id: "dasar-p1".into(),
                    name: "Pelayanan Prima".into(),
                    jp: 20,
                    level: TrainingLevel::Dasar,
                    criteria: vec!["p1".into(), "p2".into()],
                },
                Programme {
                    id: "lanjut-p3".into(),
                    name: "Coaching".into(),
                    jp: 16,
                    level: TrainingLevel::Lanjutan,
                    criteria: vec!["p3".into()],
                },
            ],
        },
    }
}

fn criteria(f: &Fixture) -> Vec<ScaledCriterion<'_>> {
    f.hasil
        .criteria
        .iter()
        .map(|c| ScaledCriterion {
            criterion: c,
            scale: 3,
        })
        .chain(f.perilaku.criteria.iter().map(|c| ScaledCriterion {
            criterion: c,
            scale: 5,
        }))
        .collect()
}

fn rated(ratings: &[(&str, u8)]) -> Assessment {
    let nip = Nip::parse("199003152019032007").expect("nip");
    let mut a = Assessment::new(
        AssessmentKey {
            period: "p".into(),
            employee: nip.clone(),
        },
        nip,
    );
    for (c, r) in ratings {
        let edit = Edit::SetRating {
            criterion: (*c).into(),
            rating: Some(*r),
        };
        a.apply(&edit, &a.appraiser.clone(), 0, |id| {
            Some(if id.starts_with('h') { 3 } else { 5 })
        })
        .expect("apply");
    }
    a
}

fn ids(items: &[SummaryItem]) -> Vec<&str> {
    items
        .iter()
        .map(|i| match i {
            SummaryItem::Criterion(id) | SummaryItem::Free(id) => id.as_str(),
        })
        .collect()
}

#[test]
fn strengths_are_highest_first_with_ties_in_template_order() {
    let f = fixture();
    let a = rated(&[("p1", 4), ("p2", 5), ("p3", 4), ("p4", 3), ("h1", 3)]);
    let got = derived_list(ListKind::Strengths, &criteria(&f), &a);
    // h1 is 3/3 (top of its scale) and ranks with p2 (5/5) ahead of the 4/5s.
    assert_eq!(ids(&got), ["h1", "p2", "p1"]);
}

#[test]
fn improvements_are_lowest_first_and_exclude_sesuai() {
    let f = fixture();
    let a = rated(&[("p1", 2), ("p2", 1), ("p3", 3), ("h2", 1), ("h1", 2)]);
    let got = derived_list(ListKind::Improvements, &criteria(&f), &a);
    assert_eq!(ids(&got), ["h2", "p2", "p1"]);
}

#[test]
fn lists_keep_at_most_three_items() {
    let f = fixture();
    let a = rated(&[("p1", 5), ("p2", 5), ("p3", 5), ("p4", 5), ("h1", 3)]);
    assert_eq!(
        derived_list(ListKind::Strengths, &criteria(&f), &a).len(),
        LIST_LEN
    );
}

fn matrix_scheme() -> Scheme {
    use crate::domain::scheme::{Grade, Matrix, MatrixCell};
    let g = |id: &str| Grade {
        id: id.into(),
        label: id.to_uppercase(),
        counts_as_baik: false,
    };
    let cell = |h, p, g: &str| MatrixCell {
        hasil: h,
        perilaku: p,
        predikat: g.into(),
    };
    Scheme {
        id: "m".into(),
        name: "m".into(),
        description: String::new(),
        grades: vec![g("sb"), g("b"), g("bp"), g("k"), g("sk")],
        matrix: Some(Matrix {
            cells: vec![
                cell(DiAtas, DiBawah, "k"),
                cell(DiAtas, Sesuai, "b"),
                cell(DiAtas, DiAtas, "sb"),
                cell(Sesuai, DiBawah, "k"),
                cell(Sesuai, Sesuai, "b"),
                cell(Sesuai, DiAtas, "b"),
                cell(DiBawah, DiBawah, "sk"),
                cell(DiBawah, Sesuai, "bp"),
                cell(DiBawah, DiAtas, "bp"),
            ],
        }),
        numeric: None,
    }
}

#[test]
fn summary_pairs_improvements_with_basic_training_and_strengths_with_advanced() {
    let f = fixture();
    let a = rated(&[
        ("h1", 2),
        ("h2", 2),
        ("p1", 1),
        ("p2", 3),
        ("p3", 5),
        ("p4", 3),
    ]);
    let s = summarize(&criteria(&f), &a, &matrix_scheme(), &f.catalogue);
    assert_eq!(s.improvements.len(), 1);
    assert_eq!(s.improvements[0].training[0].name, "Pelayanan Prima");
    assert_eq!(s.strengths[0].training[0].name, "Coaching");
    // p1 and p3 are extremes without notes.
    assert_eq!(s.missing_notes, ["p1", "p3"]);
    assert!(s.unrated.is_empty());
    assert!(!s.can_complete());
    assert_eq!(s.hasil, Some(AspectValue::Expectation(Sesuai)));
    assert_eq!(s.perilaku, Some(AspectValue::Expectation(Sesuai)));
    assert_eq!(s.outcome.as_ref().map(Outcome::grade), Some("b"));
}

#[test]
fn one_behaviour_value_below_does_not_block_di_atas() {
    // DOMAIN.md names only Utama results as blocking Di Atas.
    let f = fixture();
    let a = rated(&[("p1", 5), ("p2", 5), ("p3", 4), ("p4", 2)]);
    assert_eq!(
        suggest(Aspect::PerilakuKerja, &criteria(&f), &a, &matrix_scheme()),
        Some(AspectValue::Expectation(DiAtas))
    );
}

mod decisions;
