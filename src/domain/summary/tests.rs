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

/// An aspect result the appraiser chose, with their reason.
fn decided(e: Expectation, reason: &str) -> AspectDecision {
    AspectDecision {
        value: AspectValue::Expectation(e),
        reason: reason.into(),
    }
}

#[test]
fn a_decision_overrides_the_suggestion_in_the_outcome() {
    let f = fixture();
    let mut a = rated(&[
        ("h1", 3),
        ("h2", 3),
        ("p1", 3),
        ("p2", 3),
        ("p3", 3),
        ("p4", 3),
    ]);
    a.hasil = Some(decided(DiBawah, "target utama tidak tercapai"));
    let s = summarize(&criteria(&f), &a, &matrix_scheme(), &f.catalogue);
    assert_eq!(s.hasil_suggested, Some(AspectValue::Expectation(DiAtas)));
    assert_eq!(s.outcome.as_ref().map(Outcome::grade), Some("bp"));
}

#[test]
fn notes_on_extremes_allow_completion() {
    let f = fixture();
    let mut a = rated(&[
        ("h1", 2),
        ("h2", 2),
        ("p1", 1),
        ("p2", 3),
        ("p3", 3),
        ("p4", 3),
    ]);
    let scale = |id: &str| Some(if id.starts_with('h') { 3 } else { 5 });
    let by = a.appraiser.clone();
    a.apply(
        &Edit::SetNote {
            criterion: "p1".into(),
            note: "Sering terlambat melayani".into(),
        },
        &by,
        0,
        scale,
    )
    .expect("note");
    let s = summarize(&criteria(&f), &a, &matrix_scheme(), &f.catalogue);
    assert!(s.missing_notes.is_empty());
    // Still open: both aspect results must be confirmed.
    assert_eq!(
        s.blockers(),
        [
            Blocker::Unconfirmed(Aspect::HasilKerja),
            Blocker::Unconfirmed(Aspect::PerilakuKerja)
        ]
    );
    confirm_both(&mut a, &s);
    let s = summarize(&criteria(&f), &a, &matrix_scheme(), &f.catalogue);
    assert!(s.can_complete(), "{:?}", s.blockers());
}

fn confirm_both(a: &mut Assessment, s: &Summary<'_>) {
    use crate::domain::assessment::AspectDecision;
    a.hasil = s.hasil_suggested.clone().map(|value| AspectDecision {
        value,
        reason: String::new(),
    });
    a.perilaku = s.perilaku_suggested.clone().map(|value| AspectDecision {
        value,
        reason: String::new(),
    });
}

#[test]
fn blockers_count_unrated_criteria_and_notes() {
    let f = fixture();
    let a = rated(&[("h1", 3), ("p1", 1)]);
    let s = summarize(&criteria(&f), &a, &matrix_scheme(), &f.catalogue);
    let b = s.blockers();
    assert!(b.contains(&Blocker::Unrated(4)), "{b:?}");
    assert!(b.contains(&Blocker::MissingNotes(2)), "{b:?}");
}

#[test]
fn a_confirmation_goes_stale_when_the_ratings_change() {
    let f = fixture();
    let scale = |id: &str| Some(if id.starts_with('h') { 3 } else { 5 });
    let mut a = rated(&[
        ("h1", 2),
        ("h2", 2),
        ("p1", 3),
        ("p2", 3),
        ("p3", 3),
        ("p4", 3),
    ]);
    let s = summarize(&criteria(&f), &a, &matrix_scheme(), &f.catalogue);
    confirm_both(&mut a, &s);
    let s = summarize(&criteria(&f), &a, &matrix_scheme(), &f.catalogue);
    assert_eq!(s.hasil_state, DecisionState::Confirmed);
    // Both results rise to Di Atas: the old "Sesuai" confirmation is stale,
    // the new suggestion is shown and completion waits for a confirmation.
    for c in ["h1", "h2"] {
        let e = Edit::SetRating {
            criterion: c.into(),
            rating: Some(3),
        };
        a.apply(&e, &a.appraiser.clone(), 0, scale).expect("rate");
        let e = Edit::SetNote {
            criterion: c.into(),
            note: "Melampaui target".into(),
        };
        a.apply(&e, &a.appraiser.clone(), 0, scale).expect("note");
    }
    let s = summarize(&criteria(&f), &a, &matrix_scheme(), &f.catalogue);
    assert_eq!(s.hasil_state, DecisionState::Stale);
    assert_eq!(s.hasil, Some(AspectValue::Expectation(DiAtas)));
    assert_eq!(s.blockers(), [Blocker::Unconfirmed(Aspect::HasilKerja)]);
}

#[test]
fn an_override_with_a_reason_stands_when_ratings_change() {
    let f = fixture();
    let mut a = rated(&[
        ("h1", 2),
        ("h2", 2),
        ("p1", 3),
        ("p2", 3),
        ("p3", 3),
        ("p4", 3),
    ]);
    a.hasil = Some(decided(DiBawah, "bukti dukung tidak sah"));
    let s = summarize(&criteria(&f), &a, &matrix_scheme(), &f.catalogue);
    assert_eq!(s.hasil_state, DecisionState::Overridden);
    assert_eq!(s.hasil, Some(AspectValue::Expectation(DiBawah)));
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
