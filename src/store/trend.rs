//! An employee's trend across periods: each period's result the asker
//! may read (the employee: approved ones only), oldest first.

use super::request::Response;
use super::sled_store::{Store, StoreError};
use super::trees;
use crate::domain::trend::point;
use crate::domain::{Assessment, AssessmentKey, Nip, Period, Person};

impl Store {
    pub(super) fn trend(
        &self,
        actor: Option<&Nip>,
        employee: &Nip,
    ) -> Result<Response, StoreError> {
        let t = &self.trees;
        let Some(person) = self.person(employee)? else {
            return Ok(Response::Rejected(format!(
                "employee {employee} is not on the roster"
            )));
        };
        let reference = self.reference()?;
        let mut corrupt = Vec::new();
        let mut periods: Vec<Period> =
            trees::decode_all(t.periods.iter(), trees::PERIODS, &mut corrupt)?;
        periods.sort_by(|a, b| (&a.start, &a.end).cmp(&(&b.start, &b.end)));
        let viewer = match actor {
            Some(a) => Some((self.viewer(a)?, self.superior(&person)?)),
            None => None,
        };
        let mut points = Vec::new();
        for period in &periods {
            let key = AssessmentKey {
                period: period.id.clone(),
                employee: employee.clone(),
            };
            let a: Option<Assessment> = trees::get_or_report(
                &t.assessments,
                trees::ASSESSMENTS,
                &trees::assessment_key(&key),
                &mut corrupt,
            )?;
            let Some(a) = a else { continue };
            let readable = viewer.as_ref().is_none_or(|(v, superior)| {
                v.standing(&person, superior.as_ref(), Some(&a))
                    .may_read(Some(&a))
            });
            let Some(scheme) = reference.scheme(&period.scheme) else {
                continue;
            };
            if readable {
                points.push(point(
                    period,
                    &criteria(&reference, &person, &a),
                    &a,
                    scheme,
                    &reference.catalogue,
                ));
            }
        }
        Ok(Response::Trend { points, corrupt })
    }
}

/// The criteria a record is judged by: its frozen copy, else the
/// person's templates.
fn criteria<'a>(
    reference: &'a crate::domain::Reference,
    person: &'a Person,
    a: &'a Assessment,
) -> Vec<crate::domain::template::ScaledCriterion<'a>> {
    match a.frozen.as_deref() {
        Some(f) => f.scaled(),
        None => reference.criteria_of(person),
    }
}
