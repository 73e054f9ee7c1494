//! The roster's rules, shared by the shipped roster file (first problem, in
//! English) and the roster import (every problem, in the UI language): each
//! broken rule is an [`Issue`] with its place and the data to word it.

use crate::domain::org::Role;
use crate::domain::{Nip, Org, Reference};
use std::collections::{HashMap, HashSet};

/// One broken rule, located in the roster's structure (`people[3].appraiser`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    /// `units`, `people` or `periods`.
    pub section: &'static str,
    pub index: usize,
    /// The field at fault, e.g. `appraiser`.
    pub key: &'static str,
    pub rule: Rule,
}

/// What is wrong; indices point into the same section of the [`Org`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Rule {
    DuplicateUnit,
    UnknownParent(String),
    /// The units of the loop, starting and ending with this one.
    UnitCycle(Vec<usize>),
    DuplicateNip {
        first: usize,
    },
    EmptyName,
    UnknownUnit(String),
    /// The behaviour template given as a post's Hasil Kerja template.
    BehaviourTemplate(String),
    UnknownTemplate(String),
    /// The person is named as their own appraiser or reviewer (`key`).
    OwnBoss,
    NotOnRoster(Nip),
    /// The person at `boss` is named as appraiser/reviewer without the role.
    LacksRole {
        boss: usize,
        role: Role,
    },
    /// The Atasan Pejabat Penilai is the appraiser's superior (DOMAIN.md),
    /// so it cannot be the appraiser.
    ReviewerIsAppraiser(Nip),
    /// The people of the loop, starting and ending with this one.
    Cycle(Vec<usize>),
    DuplicatePeriod,
    UnknownScheme(String),
    BadDate(String),
    EndsBeforeStart,
}

impl Issue {
    fn new(section: &'static str, index: usize, key: &'static str, rule: Rule) -> Self {
        Self {
            section,
            index,
            key,
            rule,
        }
    }

    /// The message for data files (developers and admins editing TOML).
    pub fn english(&self, org: &Org) -> String {
        let name = |i: usize| org.people.get(i).map_or("", |p| p.name.as_str());
        let unit = |i: usize| org.units.get(i).map_or("", |u| u.id.as_str());
        let key = self.key;
        match &self.rule {
            Rule::DuplicateUnit => format!("unit id {:?} is used twice", unit(self.index)),
            Rule::UnknownParent(p) => format!("unknown parent unit {p:?}"),
            Rule::UnitCycle(_) => format!("unit {:?} is its own ancestor", unit(self.index)),
            Rule::DuplicateNip { first } => format!(
                "NIP {} appears twice on the roster",
                org.people[*first].nip.as_str()
            ),
            Rule::EmptyName => "a person needs a name".into(),
            Rule::UnknownUnit(u) => format!("unknown unit {u:?}; add it to [[units]]"),
            Rule::BehaviourTemplate(t) => format!(
                "{t:?} is the behaviour template everyone is rated on; give the post's Hasil Kerja template"
            ),
            Rule::UnknownTemplate(t) => format!("unknown template {t:?}"),
            Rule::OwnBoss => format!("{} cannot be their own {key}", name(self.index)),
            Rule::NotOnRoster(nip) => format!("{key} {nip} is not on the roster"),
            Rule::LacksRole { boss, role } => format!(
                "{} ({}) is named as {key} but lacks the role; add {:?} to their roles",
                name(*boss),
                org.people[*boss].nip,
                format!("{role:?}").to_lowercase()
            ),
            Rule::ReviewerIsAppraiser(nip) => {
                format!("the reviewer must be the appraiser's superior, not the appraiser ({nip})")
            }
            Rule::Cycle(chain) => {
                let names: Vec<&str> = chain.iter().map(|&i| name(i)).collect();
                format!("reporting cycle: {}", names.join(" → "))
            }
            Rule::DuplicatePeriod => format!(
                "period id {:?} is used twice",
                org.periods.get(self.index).map_or("", |p| p.id.as_str())
            ),
            Rule::UnknownScheme(s) => format!("unknown scheme {s:?}"),
            Rule::BadDate(d) => format!("{d:?} is not a date like 2026-07-01"),
            Rule::EndsBeforeStart => {
                let p = &org.periods[self.index];
                format!("the period ends ({}) before it starts ({})", p.end, p.start)
            }
        }
    }
}

/// Every broken rule of the roster: units, then people, then reporting
/// cycles, then periods; within a section in roster order.
pub fn issues(org: &Org, reference: &Reference) -> Vec<Issue> {
    let mut out = units(org);
    let mut by_nip: HashMap<&Nip, usize> = HashMap::with_capacity(org.people.len());
    for (i, p) in org.people.iter().enumerate() {
        if let Some(&first) = by_nip.get(&p.nip) {
            out.push(Issue::new("people", i, "nip", Rule::DuplicateNip { first }));
        } else {
            by_nip.insert(&p.nip, i);
        }
    }
    let units: HashSet<&str> = org.units.iter().map(|u| u.id.as_str()).collect();
    for (i, p) in org.people.iter().enumerate() {
        let mut at = |key, rule| out.push(Issue::new("people", i, key, rule));
        if p.name.trim().is_empty() {
            at("name", Rule::EmptyName);
        }
        if !units.contains(p.unit.as_str()) {
            at("unit", Rule::UnknownUnit(p.unit.clone()));
        }
        if p.template == reference.behaviour_template {
            at("template", Rule::BehaviourTemplate(p.template.clone()));
        } else if reference.template(&p.template).is_none() {
            at("template", Rule::UnknownTemplate(p.template.clone()));
        }
        for (key, boss, role) in [
            ("appraiser", &p.appraiser, Role::Appraiser),
            ("reviewer", &p.reviewer, Role::Reviewer),
        ] {
            let Some(nip) = boss else { continue };
            if nip == &p.nip {
                at(key, Rule::OwnBoss);
            } else if let Some(&j) = by_nip.get(nip) {
                if !org.people[j].has_role(role) {
                    at(key, Rule::LacksRole { boss: j, role });
                }
            } else {
                at(key, Rule::NotOnRoster(nip.clone()));
            }
        }
        if let (Some(a), Some(r)) = (&p.appraiser, &p.reviewer)
            && a == r
            && a != &p.nip
        {
            at("reviewer", Rule::ReviewerIsAppraiser(r.clone()));
        }
    }
    out.extend(cycles(org, &by_nip));
    out.extend(periods(org, reference));
    out
}

fn units(org: &Org) -> Vec<Issue> {
    let mut out = Vec::new();
    let mut ids: HashMap<&str, usize> = HashMap::new();
    for (i, u) in org.units.iter().enumerate() {
        if ids.contains_key(u.id.as_str()) {
            out.push(Issue::new("units", i, "id", Rule::DuplicateUnit));
        } else {
            ids.insert(u.id.as_str(), i);
        }
    }
    for (i, u) in org.units.iter().enumerate() {
        if let Some(p) = u.parent.as_deref().filter(|p| !ids.contains_key(p)) {
            out.push(Issue::new(
                "units",
                i,
                "parent",
                Rule::UnknownParent(p.to_string()),
            ));
        }
    }
    // A loop is reported once, at its first unit.
    for i in 0..org.units.len() {
        let mut chain = vec![i];
        let mut cur = org.units[i].parent.as_deref();
        while let Some(&j) = cur.and_then(|p| ids.get(p)) {
            chain.push(j);
            if j == i {
                if chain.iter().all(|&c| c >= i) {
                    out.push(Issue::new("units", i, "parent", Rule::UnitCycle(chain)));
                }
                break;
            }
            if chain.len() > org.units.len() {
                break;
            }
            cur = org.units[j].parent.as_deref();
        }
    }
    out
}

/// Follows each appraiser chain; a chain that comes back is a cycle,
/// reported once, where it closes.
fn cycles(org: &Org, by_nip: &HashMap<&Nip, usize>) -> Vec<Issue> {
    let mut out = Vec::new();
    // 0 = unvisited, 1 = on the current chain, 2 = known to end.
    let mut state = vec![0u8; org.people.len()];
    for start in 0..org.people.len() {
        let mut chain = Vec::new();
        let mut cur = Some(start);
        while let Some(i) = cur {
            match state[i] {
                2 => break,
                1 => {
                    let from = chain.iter().position(|&c| c == i).unwrap_or(0);
                    let mut cycle = chain[from..].to_vec();
                    cycle.push(i);
                    out.push(Issue::new("people", i, "appraiser", Rule::Cycle(cycle)));
                    break;
                }
                _ => {}
            }
            state[i] = 1;
            chain.push(i);
            cur = org.people[i]
                .appraiser
                .as_ref()
                .filter(|n| *n != &org.people[i].nip)
                .and_then(|n| by_nip.get(n).copied());
        }
        for i in chain {
            state[i] = 2;
        }
    }
    out
}

fn valid_date(s: &str) -> bool {
    let f = time::macros::format_description!("[year]-[month]-[day]");
    time::Date::parse(s, &f).is_ok()
}

fn periods(org: &Org, reference: &Reference) -> Vec<Issue> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    for (i, p) in org.periods.iter().enumerate() {
        let mut at = |key, rule| out.push(Issue::new("periods", i, key, rule));
        if !seen.insert(p.id.as_str()) {
            at("id", Rule::DuplicatePeriod);
        }
        if reference.scheme(&p.scheme).is_none() {
            at("scheme", Rule::UnknownScheme(p.scheme.clone()));
        }
        let mut dates_ok = true;
        for (key, d) in [("start", &p.start), ("end", &p.end)] {
            if !valid_date(d) {
                at(key, Rule::BadDate(d.clone()));
                dates_ok = false;
            }
        }
        if dates_ok && p.start > p.end {
            at("end", Rule::EndsBeforeStart);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Person, Unit};

    fn person(nip: &str, appraiser: Option<&str>) -> Person {
        Person {
            nip: Nip::parse(nip).expect("nip"),
            name: nip[14..].to_string(),
            unit: "u".into(),
            post: "p".into(),
            template: "t".into(),
            appraiser: appraiser.map(|a| Nip::parse(a).expect("nip")),
            reviewer: None,
            roles: vec![Role::Appraiser],
        }
    }

    #[test]
    fn every_problem_is_listed_and_each_cycle_once() {
        let (a, b, c, d) = (
            "197501012000031001",
            "197501022000031002",
            "197501032000031003",
            "197501042000031004",
        );
        let org = Org {
            units: vec![
                Unit {
                    id: "u".into(),
                    name: "U".into(),
                    parent: Some("v".into()),
                },
                Unit {
                    id: "v".into(),
                    name: "V".into(),
                    parent: Some("u".into()),
                },
            ],
            people: vec![
                person(a, Some(b)),
                person(b, Some(a)),
                person(c, Some(d)),
                person(d, Some(c)),
                person(a, None),
            ],
            periods: Vec::new(),
        };
        let reference = Reference {
            templates: vec![crate::domain::Template {
                id: "t".into(),
                name: "T".into(),
                scale: 3,
                criteria: Vec::new(),
            }],
            ..Reference::default()
        };
        let rules: Vec<(usize, Rule)> = issues(&org, &reference)
            .into_iter()
            .map(|i| (i.index, i.rule))
            .collect();
        assert_eq!(
            rules,
            vec![
                (0, Rule::UnitCycle(vec![0, 1, 0])),
                (4, Rule::DuplicateNip { first: 0 }),
                (0, Rule::Cycle(vec![0, 1, 0])),
                (2, Rule::Cycle(vec![2, 3, 2])),
            ]
        );
    }
}
