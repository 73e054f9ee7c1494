//! Summary screen actions: confirm or override the suggested aspect
//! results, curate strengths and improvements, mark complete.

use super::{Effect, edit, open_summary_fresh};
use crate::domain::assessment::{
    AspectDecision, AspectValue, Curation, ListKind, Status as AStatus, SummaryItem,
};
use crate::domain::summary::{Blocker, effective_lists, summarize};
use crate::domain::workflow::Transition;
use crate::domain::{Aspect, Edit, Expectation};
use crate::i18n::fill;
use crate::tui::action::Action;
use crate::tui::keymap::Context;
use crate::tui::model::{Model, Screen, Section, Status, TextTarget};

/// The lists as the appraiser last left them, or as derived.
pub fn curation(m: &Model) -> Curation {
    let Some(p) = m.current_person() else {
        return Curation::default();
    };
    effective_lists(&m.criteria(p), &m.assessment_or_blank(p))
}

pub fn list_mut(c: &mut Curation, kind: ListKind) -> &mut Vec<SummaryItem> {
    match kind {
        ListKind::Strengths => &mut c.strengths,
        ListKind::Improvements => &mut c.improvements,
    }
}

fn focused_list(m: &Model) -> Option<ListKind> {
    match m.section {
        Section::Strengths => Some(ListKind::Strengths),
        Section::Improvements => Some(ListKind::Improvements),
        _ => None,
    }
}

fn focused_aspect(m: &Model) -> Option<Aspect> {
    match m.section {
        Section::Hasil => Some(Aspect::HasilKerja),
        Section::Perilaku => Some(Aspect::PerilakuKerja),
        _ => None,
    }
}

/// The suggested value of an aspect for the current employee.
fn suggestion(m: &Model, aspect: Aspect) -> Option<AspectValue> {
    let p = m.current_person()?;
    let a = m.assessment(&p.nip)?;
    let criteria = m.criteria(p);
    let s = summarize(&criteria, a, m.scheme()?, &m.reference.catalogue);
    match aspect {
        Aspect::HasilKerja => s.hasil_suggested,
        Aspect::PerilakuKerja => s.perilaku_suggested,
    }
}

pub fn summary(m: &mut Model, action: Action) -> Vec<Effect> {
    let edits = matches!(
        action,
        Action::Rate(_)
            | Action::ConfirmSuggestions
            | Action::EditScore
            | Action::MoveItemUp
            | Action::MoveItemDown
            | Action::RemoveItem
            | Action::AddItem
            | Action::ResetItems
    );
    if edits && super::refuse_if_frozen(m) {
        return vec![];
    }
    match action {
        Action::NextSection => {
            m.section = m.section.next();
            m.item = 0;
            vec![]
        }
        Action::Up | Action::Down => {
            if let Some(kind) = focused_list(m) {
                let n = list_mut(&mut curation(m), kind).len();
                super::move_sel(&mut m.item, n, action == Action::Down);
            }
            vec![]
        }
        Action::ConfirmSuggestions => confirm(m),
        Action::Rate(r) => override_aspect(m, r),
        Action::EditScore => {
            if let Some(aspect) = focused_aspect(m).filter(|_| numeric(m)) {
                let current = decided_or_suggested(m, aspect);
                let text = match current {
                    Some(AspectValue::Score(s)) => format!("{s}"),
                    _ => String::new(),
                };
                super::editing::open(m, TextTarget::OverrideScore(aspect), &text);
            }
            vec![]
        }
        Action::MoveItemUp | Action::MoveItemDown | Action::RemoveItem => curate(m, &action),
        Action::AddItem => {
            if let Some(kind) = focused_list(m) {
                super::editing::open(m, TextTarget::NewItem(kind), "");
            }
            vec![]
        }
        Action::ResetItems => edit(m, Edit::SetCuration(None)),
        Action::ToggleComplete => toggle_complete(m),
        Action::Scoring => {
            m.screen = Screen::Scoring;
            vec![]
        }
        Action::NextEmployee | Action::PrevEmployee => {
            super::switch_employee(m, action == Action::NextEmployee);
            open_summary_fresh(m);
            vec![]
        }
        Action::Back => {
            super::back_to_roster(m);
            vec![]
        }
        _ => vec![],
    }
}

fn confirm(m: &mut Model) -> Vec<Effect> {
    let Some(aspect) = focused_aspect(m) else {
        return vec![];
    };
    let Some(value) = suggestion(m, aspect) else {
        return vec![];
    };
    m.section = m.section.next();
    edit(
        m,
        Edit::Decide {
            aspect,
            decision: Some(AspectDecision {
                value,
                reason: String::new(),
            }),
        },
    )
}

fn numeric(m: &Model) -> bool {
    m.scheme().is_some_and(|s| s.numeric.is_some())
}

fn decided_or_suggested(m: &Model, aspect: Aspect) -> Option<AspectValue> {
    let a = m.current_person().and_then(|p| m.assessment(&p.nip));
    let decided = a.and_then(|a| match aspect {
        Aspect::HasilKerja => a.hasil.as_ref(),
        Aspect::PerilakuKerja => a.perilaku.as_ref(),
    });
    decided
        .map(|d| d.value.clone())
        .or_else(|| suggestion(m, aspect))
}

/// Decides an aspect: the suggestion is confirmed at once, anything else
/// asks for the reason first.
pub fn decide(m: &mut Model, aspect: Aspect, value: AspectValue) -> Vec<Effect> {
    if suggestion(m, aspect).as_ref() == Some(&value) {
        return confirm(m);
    }
    super::editing::open(m, TextTarget::OverrideReason { aspect, value }, "");
    vec![]
}

fn override_aspect(m: &mut Model, r: u8) -> Vec<Effect> {
    let Some(aspect) = focused_aspect(m) else {
        return vec![];
    };
    if numeric(m) {
        let keys = [
            (
                "confirm",
                m.keys(Context::Summary, &Action::ConfirmSuggestions),
            ),
            ("edit", m.keys(Context::Summary, &Action::EditScore)),
        ];
        let keys: Vec<(&str, &str)> = keys.iter().map(|(k, v)| (*k, v.as_str())).collect();
        m.status = Status::Info(fill(m.t().not_numeric, &keys));
        return vec![];
    }
    match r
        .checked_sub(1)
        .and_then(|i| Expectation::ALL.get(usize::from(i)))
    {
        Some(e) => decide(m, aspect, AspectValue::Expectation(*e)),
        None => vec![],
    }
}

fn curate(m: &mut Model, action: &Action) -> Vec<Effect> {
    let Some(kind) = focused_list(m) else {
        return vec![];
    };
    let mut c = curation(m);
    let list = list_mut(&mut c, kind);
    let i = m.item;
    if i >= list.len() {
        return vec![];
    }
    match action {
        Action::MoveItemUp if i > 0 => {
            list.swap(i, i - 1);
            m.item = i - 1;
        }
        Action::MoveItemDown if i + 1 < list.len() => {
            list.swap(i, i + 1);
            m.item = i + 1;
        }
        Action::RemoveItem => {
            list.remove(i);
            m.item = i.min(list.len().saturating_sub(1));
        }
        _ => return vec![],
    }
    edit(m, Edit::SetCuration(Some(c)))
}

fn toggle_complete(m: &mut Model) -> Vec<Effect> {
    let (Some(p), Some(scheme)) = (m.current_person(), m.scheme()) else {
        return vec![];
    };
    match m.assessment(&p.nip).map(|a| a.status) {
        Some(AStatus::Submitted) => return super::step(m, Transition::Withdraw),
        Some(s) if !s.editable() => {
            m.status = Status::Warning(m.t().approved_frozen.into());
            return vec![];
        }
        _ => {}
    }
    let t = m.t();
    let a = m.assessment_or_blank(p);
    let criteria = m.criteria(p);
    let blockers = summarize(&criteria, &a, scheme, &m.reference.catalogue).blockers();
    if blockers.is_empty() {
        return super::step(m, Transition::Submit);
    }
    let why: Vec<String> = blockers
        .iter()
        .map(|b| match b {
            Blocker::Unrated(n) => fill(t.unrated_n, &[("n", &n.to_string())]),
            Blocker::MissingNotes(n) => fill(t.missing_notes_n, &[("n", &n.to_string())]),
            Blocker::Unconfirmed(aspect) => {
                let name = match aspect {
                    Aspect::HasilKerja => t.hasil_kerja,
                    Aspect::PerilakuKerja => t.perilaku_kerja,
                };
                let key = m.keys(Context::Summary, &Action::ConfirmSuggestions);
                fill(t.unconfirmed, &[("aspect", name), ("key", &key)])
            }
            Blocker::NoResult => t.no_result.to_string(),
        })
        .collect();
    m.status = Status::Warning(fill(t.cannot_complete, &[("why", &why.join("; "))]));
    vec![]
}
