//! People, units and periods: who is appraised, by whom, and when.

use super::nip::Nip;
use serde::{Deserialize, Serialize};

/// An office (OPD) or a sub-unit such as a school or a puskesmas.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    pub id: String,
    pub name: String,
    /// The office this unit belongs to; `None` for a top-level OPD.
    pub parent: Option<String>,
}

/// What a person may do in Kinerja (see DOMAIN.md, "Who is who").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Employee,
    Appraiser,
    Reviewer,
    Admin,
}

/// A civil servant on the roster.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub nip: Nip,
    pub name: String,
    pub unit: String,
    /// The post (jabatan), shown on the scoring card.
    pub post: String,
    /// The Hasil Kerja template for this post.
    pub template: String,
    /// The Pejabat Penilai (direct superior) who appraises this person.
    pub appraiser: Option<Nip>,
    /// The Atasan Pejabat Penilai who reviews the appraisal.
    pub reviewer: Option<Nip>,
    /// Extra roles beyond being an employee; may be omitted in roster files.
    #[serde(default)]
    pub roles: Vec<Role>,
}

impl Person {
    pub fn has_role(&self, role: Role) -> bool {
        role == Role::Employee || self.roles.contains(&role)
    }
}

/// An appraisal period, e.g. Semester I 2026, with the scheme it is judged by.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Period {
    pub id: String,
    pub name: String,
    /// ISO dates, inclusive.
    pub start: String,
    pub end: String,
    /// The id of a scheme in `data/schemes/`.
    pub scheme: String,
}

/// The whole roster as one value: what an import or the demo loads.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Org {
    pub units: Vec<Unit>,
    pub people: Vec<Person>,
    pub periods: Vec<Period>,
}

impl Org {
    /// The people a given appraiser assesses, in roster order.
    pub fn staff_of<'a>(&'a self, appraiser: &'a Nip) -> impl Iterator<Item = &'a Person> + 'a {
        self.people
            .iter()
            .filter(move |p| p.appraiser.as_ref() == Some(appraiser))
    }

    /// Everyone who has at least one person to appraise, sorted by name.
    pub fn appraisers(&self) -> Vec<&Person> {
        let ids: std::collections::HashSet<&Nip> = self
            .people
            .iter()
            .filter_map(|p| p.appraiser.as_ref())
            .collect();
        let mut v: Vec<&Person> = self
            .people
            .iter()
            .filter(|p| ids.contains(&p.nip))
            .collect();
        v.sort_by(|a, b| a.name.cmp(&b.name));
        v
    }

    pub fn person(&self, nip: &Nip) -> Option<&Person> {
        self.people.iter().find(|p| &p.nip == nip)
    }

    /// The Atasan Pejabat Penilai of a person: as given on the roster, else
    /// the superior of their appraiser, else (at the top of the reporting
    /// line, whose superior is not on the roster) the appraiser.
    pub fn reviewer_of<'a>(&'a self, p: &'a Person) -> Option<&'a Nip> {
        p.reviewer.as_ref().or_else(|| {
            let appraiser = p.appraiser.as_ref()?;
            self.people
                .iter()
                .find(|q| &q.nip == appraiser)
                .and_then(|q| q.appraiser.as_ref())
                .or(Some(appraiser))
        })
    }

    pub fn unit(&self, id: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.id == id)
    }

    pub fn period(&self, id: &str) -> Option<&Period> {
        self.periods.iter().find(|p| p.id == id)
    }
}
