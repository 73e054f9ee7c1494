//! The appraiser's decisions on the aspect results: overrides, stale
//! confirmations, and what blocks completion.

use super::*;

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
