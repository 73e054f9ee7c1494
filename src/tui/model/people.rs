//! Who is on which list: the login list, and the staff of the signed-in
//! person in the current mode (their staff, the people they review, or
//! themself), in roster order or as the review queue.

use super::{Mode, Model, StaffRow};
use crate::domain::{Nip, Org, Person, Reference};

impl Model {
    /// Replaces roster and reference data and the indexes built on them,
    /// so no key press has to scan the whole organisation.
    pub fn set_org(&mut self, org: Org, reference: Reference) {
        self.people_index = org
            .people
            .iter()
            .enumerate()
            .map(|(i, p)| (p.nip.clone(), i))
            .collect();
        let mut logins: Vec<StaffRow> = org
            .people
            .iter()
            .enumerate()
            .map(|(i, p)| StaffRow {
                person: i,
                search: search_key(p),
            })
            .collect();
        logins.sort_by_key(|r| fold(&org.people[r.person].name));
        self.logins = logins;
        self.org = org;
        self.reference = reference;
    }

    /// Appraisers matching the login filter, by name.
    pub fn login_rows(&self) -> Vec<&Person> {
        let q = fold(&self.login.filter);
        self.logins
            .iter()
            .filter(|r| q.is_empty() || r.search.contains(&q))
            .map(|r| &self.org.people[r.person])
            .collect()
    }

    /// Indexes into `staff` that match the roster filter.
    pub fn roster_rows(&self) -> Vec<usize> {
        let q = fold(&self.roster.filter);
        let mut rows: Vec<usize> = (0..self.staff.len())
            .filter(|&i| q.is_empty() || self.staff[i].search.contains(&q))
            .collect();
        if self.mode == Mode::Reviewer {
            // The review queue: what waits for the reviewer first, the
            // longest waiting at the top; the rest in roster order.
            rows.sort_by_key(|&i| self.waiting_since(i).unwrap_or(i64::MAX));
        }
        rows
    }

    /// Since when a row's assessment waits for its reviewer (submitted,
    /// or objected to), in Unix seconds.
    pub fn waiting_since(&self, row: usize) -> Option<i64> {
        let p = &self.org.people[self.staff.get(row)?.person];
        let a = self.assessment(&p.nip)?;
        let f = &a.flow;
        match a.status {
            crate::domain::Status::Submitted => f.submitted.as_ref().map(|r| r.at),
            crate::domain::Status::Objected => f.objection.as_ref().map(|r| r.at),
            _ => None,
        }
    }

    /// Rebuilds the roster after login or a period switch.
    /// Whether a person is on the list in the current mode.
    fn in_view(&self, p: &Person, me: &Nip) -> bool {
        match self.mode {
            Mode::Appraiser => p.appraiser.as_ref() == Some(me),
            Mode::Reviewer => self.reviewer_of(p) == Some(me) && &p.nip != me,
            Mode::Employee => &p.nip == me,
        }
    }

    /// The modes the signed-in person has: appraiser if they appraise
    /// anyone, reviewer if they review anyone; everyone is an employee.
    pub fn modes(&self) -> Vec<Mode> {
        let Some(me) = self.me.as_ref() else {
            return Vec::new();
        };
        let mut v = Vec::new();
        if self
            .org
            .people
            .iter()
            .any(|p| p.appraiser.as_ref() == Some(me))
        {
            v.push(Mode::Appraiser);
        }
        if self
            .org
            .people
            .iter()
            .any(|p| self.reviewer_of(p) == Some(me) && &p.nip != me)
        {
            v.push(Mode::Reviewer);
        }
        v.push(Mode::Employee);
        v
    }

    pub fn rebuild_staff(&mut self) {
        let Some(me) = self.me.clone() else {
            self.staff.clear();
            return;
        };
        let mut rows: Vec<(String, String, StaffRow)> = self
            .org
            .people
            .iter()
            .enumerate()
            .filter(|(_, p)| self.in_view(p, &me))
            .map(|(i, p)| {
                let unit = self
                    .org
                    .unit(&p.unit)
                    .map_or(p.unit.clone(), |u| u.name.clone());
                (
                    unit,
                    fold(&p.name),
                    StaffRow {
                        person: i,
                        search: search_key(p),
                    },
                )
            })
            .collect();
        rows.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
        self.staff = rows.into_iter().map(|(_, _, r)| r).collect();
        self.current = self.current.min(self.staff.len().saturating_sub(1));
    }
}

/// Folds text for search: no diacritics, lower case ("Désirée" → "desiree").
pub fn fold(s: &str) -> String {
    deunicode::deunicode(s).to_lowercase()
}

pub(super) fn search_key(p: &Person) -> String {
    format!("{} {}", fold(&p.name), p.nip)
}
