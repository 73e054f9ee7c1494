//! How far a period's appraisals have come: per unit and per appraiser,
//! how many are not started, in draft, submitted, approved, accepted,
//! objected to or decided, and who is late.

use super::assessment::{Assessment, Status};
use super::nip::Nip;
use super::org::Person;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Where one employee's appraisal stands, as the dashboard counts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Stage {
    /// No rating recorded yet.
    NotStarted,
    /// Being rated, or returned to the appraiser.
    Draft,
    Submitted,
    Approved,
    /// Accepted by the employee (diterima).
    Acknowledged,
    /// An objection waits for the reviewer's decision.
    Objected,
    /// The objection was decided; final.
    Decided,
}

impl Stage {
    pub const ALL: [Self; 7] = [
        Self::NotStarted,
        Self::Draft,
        Self::Submitted,
        Self::Approved,
        Self::Acknowledged,
        Self::Objected,
        Self::Decided,
    ];

    pub fn of(a: Option<&Assessment>) -> Self {
        let Some(a) = a else {
            return Self::NotStarted;
        };
        match a.status {
            Status::Draft | Status::Returned if a.entries.values().all(|e| e.rating.is_none()) => {
                Self::NotStarted
            }
            Status::Draft | Status::Returned => Self::Draft,
            Status::Submitted => Self::Submitted,
            Status::Approved => Self::Approved,
            Status::Acknowledged => Self::Acknowledged,
            Status::Objected => Self::Objected,
            Status::Decided => Self::Decided,
        }
    }

    /// Still in the appraiser's hands.
    pub fn open(self) -> bool {
        matches!(self, Self::NotStarted | Self::Draft)
    }
}

/// How many employees are at each stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Counts(pub [usize; 7]);

impl Counts {
    pub fn get(&self, s: Stage) -> usize {
        self.0[s as usize]
    }

    pub fn add(&mut self, s: Stage) {
        self.0[s as usize] += 1;
    }

    pub fn total(&self) -> usize {
        self.0.iter().sum()
    }

    /// Submitted or further along.
    pub fn done(&self) -> usize {
        self.total() - self.get(Stage::NotStarted) - self.get(Stage::Draft)
    }
}

/// One appraiser's staff in one unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppraiserProgress {
    /// `None`: employees with no appraiser on the roster.
    pub appraiser: Option<Nip>,
    pub counts: Counts,
    /// Their staff not yet submitted after the period ended.
    pub late: Vec<Nip>,
}

/// One unit: its totals and its appraisers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitProgress {
    pub unit: String,
    pub counts: Counts,
    pub late: usize,
    pub appraisers: Vec<AppraiserProgress>,
}

/// The progress of `people` in a period, by unit (by id) and appraiser;
/// `assessment` finds a person's record. `ended`: the period is over, so
/// what is not submitted is late.
pub fn progress<'a>(
    people: impl IntoIterator<Item = &'a Person>,
    assessment: impl Fn(&Nip) -> Option<&'a Assessment>,
    ended: bool,
) -> Vec<UnitProgress> {
    let mut by_unit: BTreeMap<&str, BTreeMap<Option<&Nip>, AppraiserProgress>> = BTreeMap::new();
    for p in people {
        let a = assessment(&p.nip);
        let stage = Stage::of(a);
        // The appraiser on the record is who holds it; else the roster's.
        let appraiser = a.map(|a| &a.appraiser).or(p.appraiser.as_ref());
        let row = by_unit
            .entry(p.unit.as_str())
            .or_default()
            .entry(appraiser)
            .or_insert_with(|| AppraiserProgress {
                appraiser: appraiser.cloned(),
                counts: Counts::default(),
                late: Vec::new(),
            });
        row.counts.add(stage);
        if ended && stage.open() {
            row.late.push(p.nip.clone());
        }
    }
    by_unit
        .into_iter()
        .map(|(unit, rows)| {
            let appraisers: Vec<AppraiserProgress> = rows.into_values().collect();
            let mut counts = Counts::default();
            for r in &appraisers {
                for (i, n) in r.counts.0.iter().enumerate() {
                    counts.0[i] += n;
                }
            }
            UnitProgress {
                unit: unit.to_string(),
                counts,
                late: appraisers.iter().map(|r| r.late.len()).sum(),
                appraisers,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::assessment::{AssessmentKey, Entry};
    use std::collections::HashMap;

    fn nip(s: &str) -> Nip {
        Nip::parse(s).expect("nip")
    }

    fn person(n: &str, unit: &str, appraiser: &str) -> Person {
        Person {
            nip: nip(n),
            name: n.into(),
            unit: unit.into(),
            post: String::new(),
            template: String::new(),
            appraiser: Some(nip(appraiser)),
            reviewer: None,
            roles: Vec::new(),
        }
    }

    fn assessment(p: &Person, status: Status, rated: bool) -> Assessment {
        let mut a = Assessment::new(
            AssessmentKey {
                period: "2026-S1".into(),
                employee: p.nip.clone(),
            },
            p.appraiser.clone().expect("appraiser"),
        );
        a.status = status;
        if rated {
            a.entries.insert(
                "rhk1".into(),
                Entry {
                    rating: Some(2),
                    ..Entry::default()
                },
            );
        }
        a
    }

    const KEPALA: &str = "197805122005011003";
    const WAKIL: &str = "198001012005011002";

    #[test]
    fn stages_per_unit_and_appraiser_with_the_late_ones() {
        let people = [
            person("199003152019032007", "sd12", KEPALA),
            person("198511202010012001", "sd12", KEPALA),
            person("199201282023031037", "sd12", WAKIL),
            person("199407022020012024", "sd12", WAKIL),
            person("199305202017032001", "smp4", KEPALA),
        ];
        let records = [
            // An empty draft has not started; a returned one is a draft.
            assessment(&people[0], Status::Draft, false),
            assessment(&people[1], Status::Returned, true),
            assessment(&people[2], Status::Approved, true),
            assessment(&people[4], Status::Objected, true),
        ];
        let map: HashMap<&Nip, &Assessment> =
            records.iter().map(|a| (&a.key.employee, a)).collect();
        let find = |n: &Nip| map.get(n).copied();
        let before_end = progress(&people, find, false);
        assert_eq!(before_end.len(), 2);
        let sd = &before_end[0];
        assert_eq!(sd.unit, "sd12");
        assert_eq!(sd.counts.get(Stage::NotStarted), 2, "empty draft + none");
        assert_eq!(sd.counts.get(Stage::Draft), 1);
        assert_eq!(sd.counts.get(Stage::Approved), 1);
        assert_eq!((sd.counts.total(), sd.counts.done()), (4, 1));
        assert_eq!(sd.late, 0, "nobody is late before the period ends");
        assert_eq!(before_end[1].counts.get(Stage::Objected), 1);

        let after_end = progress(&people, find, true);
        let sd = &after_end[0];
        assert_eq!(sd.late, 3);
        let kepala = sd
            .appraisers
            .iter()
            .find(|r| r.appraiser.as_ref().map(Nip::as_str) == Some(KEPALA))
            .expect("kepala");
        assert_eq!(
            kepala.late,
            [nip("199003152019032007"), nip("198511202010012001")]
        );
        let wakil = sd
            .appraisers
            .iter()
            .find(|r| r.appraiser.as_ref().map(Nip::as_str) == Some(WAKIL))
            .expect("wakil");
        assert_eq!(wakil.late, [nip("199407022020012024")], "never started");
    }
}
