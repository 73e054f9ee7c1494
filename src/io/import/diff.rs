//! What an import changes in the store's roster, for `--dry-run` and the
//! summary after an import: units and people added, removed and changed,
//! field by field, with long lists cut short.

use super::roster::Roster;
use crate::domain::{Nip, Org, Person, Role, Unit};
use crate::i18n::{Strings, fill};
use std::collections::{HashMap, HashSet};

/// A person's fields an import can change, in the order they are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Name,
    Unit,
    Post,
    Template,
    Appraiser,
    Reviewer,
    Roles,
}

impl Field {
    const ALL: [Self; 7] = [
        Self::Name,
        Self::Unit,
        Self::Post,
        Self::Template,
        Self::Appraiser,
        Self::Reviewer,
        Self::Roles,
    ];

    fn label(self, t: &Strings) -> &'static str {
        match self {
            Self::Name => t.col_name,
            Self::Unit => t.col_unit,
            Self::Post => t.col_post,
            Self::Template => t.col_template,
            Self::Appraiser => t.col_appraiser,
            Self::Reviewer => t.col_reviewer,
            Self::Roles => t.col_roles,
        }
    }

    fn differs(self, a: &Person, b: &Person) -> bool {
        let roles = |p: &Person| {
            let mut r: Vec<Role> = p
                .roles
                .iter()
                .copied()
                .filter(|r| *r != Role::Employee)
                .collect();
            r.sort();
            r.dedup();
            r
        };
        match self {
            Self::Name => a.name != b.name,
            Self::Unit => a.unit != b.unit,
            Self::Post => a.post != b.post,
            Self::Template => a.template != b.template,
            Self::Appraiser => a.appraiser != b.appraiser,
            Self::Reviewer => a.reviewer != b.reviewer,
            Self::Roles => roles(a) != roles(b),
        }
    }

    fn value(self, p: &Person, t: &Strings) -> String {
        let nip = |n: &Option<Nip>| n.as_ref().map_or(String::new(), Nip::to_string);
        match self {
            Self::Name => p.name.clone(),
            Self::Unit => p.unit.clone(),
            Self::Post => p.post.clone(),
            Self::Template => p.template.clone(),
            Self::Appraiser => nip(&p.appraiser),
            Self::Reviewer => nip(&p.reviewer),
            Self::Roles => {
                let mut roles = p.roles.clone();
                roles.sort();
                roles.dedup();
                let words: Vec<&str> = roles
                    .iter()
                    .filter_map(|r| match r {
                        Role::Appraiser => Some(t.role_appraiser),
                        Role::Reviewer => Some(t.role_reviewer),
                        Role::Admin => Some(t.role_admin),
                        Role::Employee => None,
                    })
                    .collect();
                words.join(", ")
            }
        }
    }
}

/// The difference between the store's roster and an imported one.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RosterDiff {
    pub units_added: Vec<Unit>,
    pub units_removed: Vec<Unit>,
    /// (before, after)
    pub units_changed: Vec<(Unit, Unit)>,
    pub people_added: Vec<Person>,
    pub people_removed: Vec<Person>,
    /// (before, after, the fields that differ)
    pub people_changed: Vec<(Person, Person, Vec<Field>)>,
    pub people_same: usize,
}

impl RosterDiff {
    /// Compares by unit id and NIP; new entries in file order, removed
    /// ones in the store's order.
    pub fn new(old: &Org, new: &Roster) -> Self {
        let mut d = Self::default();
        let old_units: HashMap<&str, &Unit> =
            old.units.iter().map(|u| (u.id.as_str(), u)).collect();
        for u in &new.units {
            match old_units.get(u.id.as_str()) {
                None => d.units_added.push(u.clone()),
                Some(o) if *o != u => d.units_changed.push(((*o).clone(), u.clone())),
                Some(_) => {}
            }
        }
        let kept: HashSet<&str> = new.units.iter().map(|u| u.id.as_str()).collect();
        d.units_removed = old
            .units
            .iter()
            .filter(|u| !kept.contains(u.id.as_str()))
            .cloned()
            .collect();
        let old_people: HashMap<&Nip, &Person> = old.people.iter().map(|p| (&p.nip, p)).collect();
        for p in &new.people {
            let Some(o) = old_people.get(&p.nip) else {
                d.people_added.push(p.clone());
                continue;
            };
            let fields: Vec<Field> = Field::ALL.into_iter().filter(|f| f.differs(o, p)).collect();
            if fields.is_empty() {
                d.people_same += 1;
            } else {
                d.people_changed.push(((*o).clone(), p.clone(), fields));
            }
        }
        let kept: HashSet<&Nip> = new.people.iter().map(|p| &p.nip).collect();
        d.people_removed = old
            .people
            .iter()
            .filter(|p| !kept.contains(&p.nip))
            .cloned()
            .collect();
        d
    }

    /// Nothing would change.
    pub fn is_empty(&self) -> bool {
        self.units_added.is_empty()
            && self.units_removed.is_empty()
            && self.units_changed.is_empty()
            && self.people_added.is_empty()
            && self.people_removed.is_empty()
            && self.people_changed.is_empty()
    }

    /// The summary: counts, then each list with at most `limit` entries.
    pub fn lines(&self, t: &Strings, limit: usize) -> Vec<String> {
        let n = |v: usize| v.to_string();
        let mut out = vec![fill(
            t.imp_units_line,
            &[
                ("added", &n(self.units_added.len())),
                ("removed", &n(self.units_removed.len())),
                ("changed", &n(self.units_changed.len())),
            ],
        )];
        let shown = |v: &str| {
            if v.is_empty() {
                t.no_items.to_string()
            } else {
                format!("{v:?}")
            }
        };
        let unit = |u: &Unit| match &u.parent {
            Some(p) => format!("{} {:?} ({} {p})", u.id, u.name, t.col_parent),
            None => format!("{} {:?}", u.id, u.name),
        };
        list(&mut out, t, limit, &self.units_added, |u| {
            format!("+ {}", unit(u))
        });
        list(&mut out, t, limit, &self.units_removed, |u| {
            format!("- {}", unit(u))
        });
        list(&mut out, t, limit, &self.units_changed, |(a, b)| {
            let mut parts = Vec::new();
            if a.name != b.name {
                parts.push(format!(
                    "{} {} → {}",
                    t.col_unit_name,
                    shown(&a.name),
                    shown(&b.name)
                ));
            }
            if a.parent != b.parent {
                let (x, y) = (a.parent.as_deref(), b.parent.as_deref());
                parts.push(format!(
                    "{} {} → {}",
                    t.col_parent,
                    shown(x.unwrap_or_default()),
                    shown(y.unwrap_or_default())
                ));
            }
            format!("~ {}: {}", b.id, parts.join("; "))
        });
        out.push(fill(
            t.imp_people_line,
            &[
                ("added", &n(self.people_added.len())),
                ("removed", &n(self.people_removed.len())),
                ("changed", &n(self.people_changed.len())),
                ("same", &n(self.people_same)),
            ],
        ));
        let counts: Vec<String> = Field::ALL
            .into_iter()
            .filter_map(|f| {
                let k = self
                    .people_changed
                    .iter()
                    .filter(|c| c.2.contains(&f))
                    .count();
                (k > 0).then(|| format!("{} {k}", f.label(t)))
            })
            .collect();
        if !counts.is_empty() {
            out.push(fill(t.imp_fields_line, &[("list", &counts.join(", "))]));
        }
        let person = |p: &Person| format!("{} {} ({}, {})", p.nip, p.name, p.unit, p.post);
        list(&mut out, t, limit, &self.people_added, |p| {
            format!("+ {}", person(p))
        });
        list(&mut out, t, limit, &self.people_removed, |p| {
            format!("- {}", person(p))
        });
        list(
            &mut out,
            t,
            limit,
            &self.people_changed,
            |(a, b, fields)| {
                let parts: Vec<String> = fields
                    .iter()
                    .map(|f| {
                        let (x, y) = (f.value(a, t), f.value(b, t));
                        format!("{} {} → {}", f.label(t), shown(&x), shown(&y))
                    })
                    .collect();
                format!("~ {} {}: {}", b.nip, b.name, parts.join("; "))
            },
        );
        out
    }
}

/// Adds up to `limit` indented items, then how many more there are.
fn list<T>(
    out: &mut Vec<String>,
    t: &Strings,
    limit: usize,
    items: &[T],
    f: impl Fn(&T) -> String,
) {
    out.extend(items.iter().take(limit).map(|i| format!("  {}", f(i))));
    if items.len() > limit {
        let more = (items.len() - limit).to_string();
        out.push(format!("  {}", fill(t.imp_more, &[("n", &more)])));
    }
}
