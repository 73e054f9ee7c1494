//! What a replacement changes: criteria added, removed and changed, who is
//! rated on the template, and what stays stored but is no longer shown.

use crate::domain::{Assessment, Criterion, Template};
use crate::store::Snapshot;

/// How a replacement differs from the stored template.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diff {
    pub old_name: String,
    pub old_scale: u8,
    /// People rated on the template (everyone, for the behaviour template).
    pub people: usize,
    /// Template-level differences: `name`, `scale`, `order` (of kept criteria).
    pub fields: Vec<&'static str>,
    pub added: Vec<String>,
    pub removed: Vec<String>,
    /// Criteria kept by id whose written fields differ, with those fields.
    pub changed: Vec<(String, Vec<&'static str>)>,
    /// Assessments holding a rating, note or realisasi of a removed criterion.
    pub kept_entries: usize,
    /// (programme id, removed criterion id) pairs of the training catalogue.
    pub orphaned_training: Vec<(String, String)>,
}

fn criterion_fields(a: &Criterion, b: &Criterion) -> Vec<&'static str> {
    [
        ("aspect", a.aspect != b.aspect),
        ("name", a.name != b.name),
        ("description", a.description != b.description),
        ("guidance", a.guidance != b.guidance),
        ("levels", a.levels != b.levels),
        ("hasil", a.hasil != b.hasil),
    ]
    .into_iter()
    .filter_map(|(f, differs)| differs.then_some(f))
    .collect()
}

pub(super) fn diff(
    old: &Template,
    new: &Template,
    snapshot: &Snapshot,
    assessments: &[Assessment],
) -> Diff {
    let find = |t: &'_ Template, id: &str| t.criteria.iter().position(|c| c.id == id);
    let added: Vec<String> = new
        .criteria
        .iter()
        .filter(|c| find(old, &c.id).is_none())
        .map(|c| c.id.clone())
        .collect();
    let removed: Vec<String> = old
        .criteria
        .iter()
        .filter(|c| find(new, &c.id).is_none())
        .map(|c| c.id.clone())
        .collect();
    let changed = new
        .criteria
        .iter()
        .filter_map(|c| {
            let o = &old.criteria[find(old, &c.id)?];
            let fields = criterion_fields(o, c);
            (!fields.is_empty()).then(|| (c.id.clone(), fields))
        })
        .collect();
    let kept_in = |t: &Template| -> Vec<String> {
        t.criteria
            .iter()
            .filter(|c| !added.contains(&c.id) && !removed.contains(&c.id))
            .map(|c| c.id.clone())
            .collect()
    };
    let fields = [
        ("name", old.name != new.name),
        ("scale", old.scale != new.scale),
        ("order", kept_in(old) != kept_in(new)),
    ]
    .into_iter()
    .filter_map(|(f, differs)| differs.then_some(f))
    .collect();
    let people = if new.id == snapshot.reference.behaviour_template {
        snapshot.org.people.len()
    } else {
        snapshot
            .org
            .people
            .iter()
            .filter(|p| p.template == new.id)
            .count()
    };
    let kept_entries = assessments
        .iter()
        .filter(|a| removed.iter().any(|r| a.entries.contains_key(r)))
        .count();
    let orphaned_training = snapshot
        .reference
        .catalogue
        .programmes
        .iter()
        .flat_map(|p| {
            p.criteria
                .iter()
                .filter(|c| removed.contains(c))
                .map(|c| (p.id.clone(), c.clone()))
        })
        .collect();
    Diff {
        old_name: old.name.clone(),
        old_scale: old.scale,
        people,
        fields,
        added,
        removed,
        changed,
        kept_entries,
        orphaned_training,
    }
}
