//! Career figures for the dashboard's career tab, computed on demand
//! (they read the periods that stand for the last two years as well):
//! per person in the asker's view, the period's final predikat, angka
//! kredit for a functional post, and whether the last two years' results
//! allow a regular promotion.

use super::request::Response;
use super::sled_store::{Store, StoreError};
use super::trees;
use crate::domain::career::{CareerRow, UnitCareer, promotion, year_periods};
use crate::domain::summary::summarize;
use crate::domain::{Assessment, Nip, Period, Person, Reference, Status};
use std::collections::{BTreeMap, HashMap};

/// A person's final result in a period: the grade id and label, and
/// whether it counts as at least Baik.
struct Final {
    label: String,
    grade: String,
    baik: bool,
}

impl Store {
    pub(super) fn career(&self, actor: Option<&Nip>, period: &str) -> Result<Response, StoreError> {
        let t = &self.trees;
        let mut corrupt = Vec::new();
        let periods: Vec<Period> =
            trees::decode_all(t.periods.iter(), trees::PERIODS, &mut corrupt)?;
        let Some(current) = periods.iter().find(|p| p.id == period) else {
            return Ok(Response::Rejected(format!(
                "period {period} does not exist; pick one of the roster's periods"
            )));
        };
        let people: Vec<Person> = trees::decode_all(t.people.iter(), trees::PEOPLE, &mut corrupt)?;
        let people = self.in_dashboard(actor, &people)?;
        if people.is_empty() {
            return Ok(Response::Rejected(
                "only a reviewer (Atasan Pejabat Penilai) or an admin sees the dashboard".into(),
            ));
        }
        let reference = self.reference()?;
        let rules = crate::data::credit_rules(&reference).map_err(|e| StoreError::Corrupt {
            tree: "reference".into(),
            key: "angka kredit".into(),
            reason: e.to_string(),
        })?;
        let today = crate::wit::iso_date((self.clock)());
        let years = year_periods(&periods, &today);
        let last_two = &years[years.len().saturating_sub(2)..];
        let by_nip: HashMap<&Nip, &Person> = people.iter().map(|p| (&p.nip, *p)).collect();
        let finals_now = self.finals(current, &reference, &by_nip, &mut corrupt)?;
        let mut finals_years = Vec::new();
        for p in last_two {
            finals_years.push((*p, self.finals(p, &reference, &by_nip, &mut corrupt)?));
        }
        let months = crate::domain::career::months(current).unwrap_or(12);
        let mut units: BTreeMap<&str, Vec<CareerRow>> = BTreeMap::new();
        for p in &people {
            let now = finals_now.get(&p.nip);
            let annual: Vec<(&Period, Option<bool>)> = finals_years
                .iter()
                .map(|(period, finals)| (*period, finals.get(&p.nip).map(|f| f.baik)))
                .collect();
            units.entry(p.unit.as_str()).or_default().push(CareerRow {
                nip: p.nip.clone(),
                grade: now.map(|f| f.label.clone()),
                jenjang: rules.jenjang_of(&p.post).map(|j| j.label.clone()),
                credit: now.and_then(|f| rules.credit(&p.post, &f.grade, months)),
                promotion: promotion(&annual),
            });
        }
        let units = units
            .into_iter()
            .map(|(unit, rows)| UnitCareer {
                unit: unit.to_string(),
                rows,
            })
            .collect();
        Ok(Response::Career { units, corrupt })
    }

    /// The final results (approved or further) of the people in view.
    fn finals(
        &self,
        period: &Period,
        reference: &Reference,
        people: &HashMap<&Nip, &Person>,
        corrupt: &mut Vec<super::request::CorruptRecord>,
    ) -> Result<HashMap<Nip, Final>, StoreError> {
        let Some(scheme) = reference.scheme(&period.scheme) else {
            return Ok(HashMap::new());
        };
        let items: Vec<Assessment> = trees::of_period(
            &self.trees.assessments,
            trees::ASSESSMENTS,
            &period.id,
            None,
            corrupt,
        )?;
        let mut out = HashMap::new();
        for a in items {
            let Some(person) = people.get(&a.key.employee) else {
                continue;
            };
            if matches!(
                a.status,
                Status::Draft | Status::Submitted | Status::Returned
            ) {
                continue;
            }
            let criteria = match a.frozen.as_deref() {
                Some(f) => f.scaled(),
                None => reference.criteria_of(person),
            };
            let s = summarize(&criteria, &a, scheme, &reference.catalogue);
            if let Some(grade) = s.outcome.as_ref().and_then(|o| scheme.grade(o.grade())) {
                out.insert(
                    a.key.employee.clone(),
                    Final {
                        label: grade.label.clone(),
                        grade: grade.id.clone(),
                        baik: grade.counts_as_baik,
                    },
                );
            }
        }
        Ok(out)
    }
}
