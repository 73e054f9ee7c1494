use super::*;
use crate::domain::AssessmentKey;
use crate::domain::assessment::AspectValue;
use crate::domain::template::Expectation;

const DAY: i64 = 24 * 60 * 60;

fn nip(s: &str) -> Nip {
    Nip::parse(s).expect("nip")
}

fn at(status: Status) -> Assessment {
    let mut a = Assessment::new(
        AssessmentKey {
            period: "2026-S1".into(),
            employee: nip("199003152019032007"),
        },
        nip("197805122005011003"),
    );
    a.status = status;
    a
}

fn all() -> Vec<Transition> {
    vec![
        Transition::Submit,
        Transition::Withdraw,
        Transition::Return {
            comment: "lengkapi bukti".into(),
        },
        Transition::Approve,
        Transition::Acknowledge,
        Transition::Object {
            reasons: "nilai tidak sesuai bukti".into(),
        },
        Transition::Decide {
            reason: "bukti diperiksa".into(),
            hasil: None,
            perilaku: None,
        },
        Transition::Reopen {
            reason: "salah input".into(),
        },
    ]
}

/// Every state × every step: where it leads, or that it is refused.
#[test]
fn every_step_from_every_state() {
    use Status as S;
    let states = [
        S::Draft,
        S::Submitted,
        S::Returned,
        S::Approved,
        S::Acknowledged,
        S::Objected,
        S::Decided,
    ];
    let expected = |from: S, t: &Transition| -> Option<S> {
        match (t, from) {
            (Transition::Submit, S::Draft | S::Returned) => Some(S::Submitted),
            (Transition::Return { .. }, S::Submitted) => Some(S::Returned),
            (Transition::Approve, S::Submitted) => Some(S::Approved),
            (Transition::Acknowledge | Transition::Object { .. }, S::Approved) => Some(match t {
                Transition::Acknowledge => S::Acknowledged,
                _ => S::Objected,
            }),
            (Transition::Decide { .. }, S::Objected) => Some(S::Decided),
            (Transition::Withdraw, S::Submitted)
            | (
                Transition::Reopen { .. },
                S::Submitted | S::Approved | S::Acknowledged | S::Objected | S::Decided,
            ) => Some(S::Draft),
            _ => None,
        }
    };
    let by = nip("197805122005011003");
    let mut checked = 0;
    for from in states {
        for t in all() {
            let mut a = at(from);
            let got = step(&mut a, &t, &by, 1000);
            if let Some(to) = expected(from, &t) {
                assert_eq!(got, Ok(()), "{from:?} --{t:?}");
                assert_eq!(a.status, to, "{from:?} --{t:?}");
            } else {
                assert_eq!(got, Err(FlowError::WrongState(from)), "{from:?} --{t:?}");
                assert_eq!(a.status, from, "a refused step changes nothing");
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 7 * 8);
}

#[test]
fn each_step_has_its_party() {
    use Party::{Appraiser as A, Employee as E, Reviewer as R};
    let parties: Vec<Party> = all().iter().map(Transition::party).collect();
    assert_eq!(parties, [A, A, R, R, E, E, R, R]);
}

#[test]
fn comments_and_reasons_are_required_and_kept() {
    let by = nip("197805122005011003");
    let mut a = at(Status::Submitted);
    let blank = Transition::Return {
        comment: "  ".into(),
    };
    assert_eq!(step(&mut a, &blank, &by, 5), Err(FlowError::TextRequired));
    let ret = Transition::Return {
        comment: "lengkapi bukti dukung RHK 2".into(),
    };
    step(&mut a, &ret, &by, 5).expect("return");
    let r = a.flow.returned.expect("remark");
    assert_eq!(
        (r.by, r.at, r.text.as_str()),
        (by, 5, "lengkapi bukti dukung RHK 2")
    );
}

#[test]
fn an_objection_is_possible_for_14_days_after_approval() {
    let (reviewer, employee) = (nip("197805122005011003"), nip("199003152019032007"));
    let object = Transition::Object {
        reasons: "nilai perilaku tidak sesuai".into(),
    };
    let approved_at = 1_767_225_600;
    let approved = || {
        let mut a = at(Status::Submitted);
        step(&mut a, &Transition::Approve, &reviewer, approved_at).expect("approve");
        a
    };
    let mut a = approved();
    assert_eq!(
        step(&mut a, &object, &employee, approved_at + 14 * DAY),
        Ok(())
    );
    assert_eq!(a.status, Status::Objected);
    let mut a = approved();
    assert_eq!(
        step(&mut a, &object, &employee, approved_at + 14 * DAY + 1),
        Err(FlowError::WindowClosed)
    );
    assert_eq!(a.status, Status::Approved);
    // Acknowledging has no window.
    assert_eq!(
        step(
            &mut a,
            &Transition::Acknowledge,
            &employee,
            approved_at + 90 * DAY
        ),
        Ok(())
    );
}

#[test]
fn a_decision_may_change_the_results_and_a_reopen_unfreezes() {
    let reviewer = nip("197805122005011003");
    let mut a = at(Status::Objected);
    a.frozen = Some(Box::new(Frozen {
        person: crate::domain::Person {
            nip: nip("199003152019032007"),
            name: "Nurul 'Aini".into(),
            unit: "bkpsdm".into(),
            post: "Analis".into(),
            template: "t".into(),
            appraiser: None,
            reviewer: None,
            roles: Vec::new(),
        },
        criteria: Vec::new(),
    }));
    let decision = AspectDecision {
        value: AspectValue::Expectation(Expectation::Sesuai),
        reason: "bukti cukup".into(),
    };
    let decide = Transition::Decide {
        reason: "keberatan diterima sebagian".into(),
        hasil: None,
        perilaku: Some(decision.clone()),
    };
    step(&mut a, &decide, &reviewer, 9).expect("decide");
    assert_eq!(
        (a.status, a.perilaku.as_ref()),
        (Status::Decided, Some(&decision))
    );
    assert!(a.frozen.is_some(), "a decision keeps the record frozen");
    let reopen = Transition::Reopen {
        reason: "data roster salah".into(),
    };
    step(&mut a, &reopen, &reviewer, 10).expect("reopen");
    assert_eq!(a.status, Status::Draft);
    assert!(a.frozen.is_none());
}
