//! Meeting mode: the running feedback list of one unit, live, for a
//! projector. It holds feedback notes only: no rating, no predikat.

use super::Model;
use crate::domain::{Feedback, Nip};

/// The open meeting screen.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Meeting {
    /// The unit shown (an id of `org.units`).
    pub unit: String,
    /// The units the signed-in person may hold a meeting on, by name.
    pub units: Vec<String>,
    /// The notes about the unit's people in the active period, newest first.
    pub notes: Vec<Feedback>,
    /// Notes scrolled past at the top.
    pub scroll: usize,
}

impl Model {
    /// The units of the people the signed-in person may give feedback
    /// to (their staff and the people they review), by name.
    pub fn meeting_units(&self) -> Vec<String> {
        let Some(q) = self.quick_note() else {
            return Vec::new();
        };
        let mut units: Vec<String> = q
            .candidates
            .iter()
            .map(|(i, _)| self.org.people[*i].unit.clone())
            .collect();
        units.sort_by_key(|u| {
            self.org
                .unit(u)
                .map_or_else(|| u.clone(), |x| x.name.clone())
        });
        units.dedup();
        units
    }

    /// The people of a unit the signed-in person may give feedback to.
    pub fn meeting_members(&self, unit: &str) -> Vec<Nip> {
        self.quick_note().map_or_else(Vec::new, |q| {
            q.candidates
                .iter()
                .map(|(i, _)| &self.org.people[*i])
                .filter(|p| p.unit == unit)
                .map(|p| p.nip.clone())
                .collect()
        })
    }
}
