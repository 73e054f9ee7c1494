//! Deciding an objection (keberatan): the reviewer may change the aspect
//! results as part of the decision. New values are a proposal on the
//! screen (a level on the focused aspect, or a typed score) and the
//! predikat shown follows it, until the reason is written and the
//! decision is sent with them.

use super::Effect;
use crate::domain::assessment::{AspectDecision, AspectValue, Status as AStatus};
use crate::domain::workflow::Transition;
use crate::domain::{Aspect, Expectation};
use crate::i18n::fill;
use crate::tui::action::Action;
use crate::tui::keymap::Context;
use crate::tui::model::{Model, Proposal, Section, Status, TextTarget};

fn focused(m: &Model) -> Aspect {
    match m.section {
        Section::Perilaku => Aspect::PerilakuKerja,
        _ => Aspect::HasilKerja,
    }
}

fn numeric(m: &Model) -> bool {
    m.scheme().is_some_and(|s| s.numeric.is_some())
}

/// Whether the current record is an objection to decide; says so if not.
fn deciding(m: &mut Model) -> bool {
    let objected = m
        .current_person()
        .and_then(|p| m.assessment(&p.nip))
        .is_some_and(|a| a.status == AStatus::Objected);
    if !objected {
        m.status = Status::Info(m.t().decide_only_objected.into());
    }
    objected
}

/// Tab: between the two aspects.
pub fn next_aspect(m: &mut Model) -> Vec<Effect> {
    m.section = match m.section {
        Section::Hasil => Section::Perilaku,
        _ => Section::Hasil,
    };
    vec![]
}

/// A level key on the focused aspect (predikat schemes).
pub fn propose_level(m: &mut Model, r: u8) -> Vec<Effect> {
    if !deciding(m) {
        return vec![];
    }
    if numeric(m) {
        let key = m.keys(Context::Review, &Action::EditScore);
        m.status = Status::Info(fill(m.t().decide_type_score, &[("key", &key)]));
        return vec![];
    }
    if let Some(e) = r
        .checked_sub(1)
        .and_then(|i| Expectation::ALL.get(usize::from(i)))
    {
        propose(m, focused(m), AspectValue::Expectation(*e));
    }
    vec![]
}

/// The score editor for the focused aspect (the PP 46/2011 scheme).
pub fn score_editor(m: &mut Model) -> Vec<Effect> {
    if deciding(m) && numeric(m) {
        super::editing::open(m, TextTarget::OverrideScore(focused(m)), "");
    }
    vec![]
}

/// Records a proposed value for the current employee.
pub fn propose(m: &mut Model, aspect: Aspect, value: AspectValue) {
    let Some(nip) = m.current_person().map(|p| p.nip.clone()) else {
        return;
    };
    let mut p = m
        .proposal
        .take()
        .filter(|p| p.employee == nip)
        .unwrap_or(Proposal {
            employee: nip,
            hasil: None,
            perilaku: None,
        });
    match aspect {
        Aspect::HasilKerja => p.hasil = Some(value),
        Aspect::PerilakuKerja => p.perilaku = Some(value),
    }
    m.proposal = Some(p);
}

/// The decision, carrying the proposed results (with the decision's
/// reason as theirs); the proposal is spent.
pub fn decide(m: &mut Model, reason: String) -> Transition {
    let nip = m.current_person().map(|p| p.nip.clone());
    let p = m
        .proposal
        .take()
        .filter(|p| Some(&p.employee) == nip.as_ref());
    let with = |v: Option<AspectValue>| {
        v.map(|value| AspectDecision {
            value,
            reason: reason.clone(),
        })
    };
    let (hasil, perilaku) = p.map_or((None, None), |p| (with(p.hasil), with(p.perilaku)));
    Transition::Decide {
        reason,
        hasil,
        perilaku,
    }
}
