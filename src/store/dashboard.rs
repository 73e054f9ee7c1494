//! The unit dashboard, computed where the records are: the store reads
//! the period's people, assessments and unit results the asker may see
//! (a reviewer: the people they review and their units; an admin or the
//! host: everyone) and sends back figures only.

use super::request::Response;
use super::sled_store::{Store, StoreError};
use super::trees;
use crate::domain::calibration::{Given, Rated, raters};
use crate::domain::dashboard::{Input, compute};
use crate::domain::org_result::UnitResult;
use crate::domain::{Assessment, Nip, Period, Person, Role, SelfAssessment};
use std::collections::HashMap;

impl Store {
    pub(super) fn dashboard(
        &self,
        actor: Option<&Nip>,
        period: &str,
    ) -> Result<Response, StoreError> {
        let t = &self.trees;
        let Some(period) = trees::get::<Period>(&t.periods, trees::PERIODS, period.as_bytes())?
        else {
            return Ok(Response::Rejected(format!(
                "period {period} does not exist; pick one of the roster's periods"
            )));
        };
        let reference = self.reference()?;
        let Some(scheme) = reference.scheme(&period.scheme) else {
            return Ok(Response::Rejected(format!(
                "period {} is judged by scheme {}, which the store does not have",
                period.id, period.scheme
            )));
        };
        let mut corrupt = Vec::new();
        let people: Vec<Person> = trees::decode_all(t.people.iter(), trees::PEOPLE, &mut corrupt)?;
        let people = self.in_dashboard(actor, &people)?;
        if people.is_empty() {
            return Ok(Response::Rejected(
                "only a reviewer (Atasan Pejabat Penilai) or an admin sees the dashboard".into(),
            ));
        }
        let items: Vec<Assessment> = trees::of_period(
            &t.assessments,
            trees::ASSESSMENTS,
            &period.id,
            None,
            &mut corrupt,
        )?;
        let by_nip: HashMap<&Nip, &Assessment> =
            items.iter().map(|a| (&a.key.employee, a)).collect();
        let results: Vec<UnitResult> = trees::decode_all(
            t.unit_results.scan_prefix(trees::period_prefix(&period.id)),
            trees::UNIT_RESULTS,
            &mut corrupt,
        )?;
        let rules = crate::data::distribution_rules(&reference).ok();
        // Sent self-assessments are the reviewer's and the admin's to read.
        let selfs: Vec<SelfAssessment> = trees::of_period(
            &t.self_assessments,
            trees::SELF_ASSESSMENTS,
            &period.id,
            None,
            &mut corrupt,
        )?
        .into_iter()
        .filter(|s: &SelfAssessment| s.sent.is_some())
        .collect();
        let input = Input {
            period: &period.id,
            ended: period.end < crate::wit::iso_date((self.clock)()),
            people,
            reference: &reference,
            scheme,
            results: &results,
            rules: rules.as_ref(),
            selfs: &selfs,
        };
        let dashboard = compute(&input, |n| by_nip.get(n).copied());
        Ok(Response::Dashboard {
            dashboard: Box::new(dashboard),
            corrupt,
        })
    }

    /// The people whose figures `actor` may see: everyone for an admin
    /// or the host; for anyone else, the people they review.
    pub(super) fn in_dashboard<'a>(
        &self,
        actor: Option<&Nip>,
        people: &'a [Person],
    ) -> Result<Vec<&'a Person>, StoreError> {
        let Some(actor) = actor else {
            return Ok(people.iter().collect());
        };
        let viewer = self.viewer(actor)?;
        if viewer.role(Role::Admin) {
            return Ok(people.iter().collect());
        }
        // The reviewer when the roster names none is the appraiser's own
        // appraiser (`Store::superior`), found here without a read each.
        let appraiser_of: HashMap<&Nip, Option<&Nip>> = people
            .iter()
            .map(|p| (&p.nip, p.appraiser.as_ref()))
            .collect();
        Ok(people
            .iter()
            .filter(|p| {
                let superior = match (&p.reviewer, &p.appraiser) {
                    (Some(_), _) | (None, None) => None,
                    (None, Some(a)) => Some(appraiser_of.get(a).copied().flatten().unwrap_or(a)),
                };
                &p.nip != actor && viewer.standing(p, superior, None).reviewer
            })
            .collect())
    }
}

impl Store {
    /// The asker's own calibration figures for a period, against every
    /// other appraiser's ratings of comparable staff (aggregates only:
    /// nobody else's figures leave the store).
    pub(super) fn own_calibration(
        &self,
        actor: Option<&Nip>,
        period: &str,
    ) -> Result<Response, StoreError> {
        let Some(me) = actor else {
            return Ok(Response::Calibration(None));
        };
        let t = &self.trees;
        let reference = self.reference()?;
        let mut corrupt = Vec::new();
        let people: Vec<Person> = trees::decode_all(t.people.iter(), trees::PEOPLE, &mut corrupt)?;
        let template: HashMap<&Nip, &str> = people
            .iter()
            .map(|p| (&p.nip, p.template.as_str()))
            .collect();
        let by_nip: HashMap<&Nip, &Person> = people.iter().map(|p| (&p.nip, p)).collect();
        let items: Vec<Assessment> = trees::of_period(
            &t.assessments,
            trees::ASSESSMENTS,
            period,
            None,
            &mut corrupt,
        )?;
        let rated: Vec<Rated> = items
            .iter()
            .filter_map(|a| {
                let p = by_nip.get(&a.key.employee)?;
                let criteria = match a.frozen.as_deref() {
                    Some(f) => f.scaled(),
                    None => reference.criteria_of(p),
                };
                let ratings: Vec<Given> = criteria
                    .iter()
                    .filter_map(|c| {
                        a.rating(&c.criterion.id).map(|level| Given {
                            criterion: c.criterion.id.clone(),
                            level,
                            scale: c.scale,
                        })
                    })
                    .collect();
                (!ratings.is_empty()).then(|| Rated {
                    appraiser: a.appraiser.to_string(),
                    group: template
                        .get(&a.key.employee)
                        .copied()
                        .unwrap_or("")
                        .to_string(),
                    ratings,
                    // Blind: the appraiser may not see their staff's own
                    // ratings before submitting.
                    own: Vec::new(),
                })
            })
            .collect();
        let mine = raters(&rated)
            .into_iter()
            .find(|r| r.appraiser == me.as_str());
        Ok(Response::Calibration(mine))
    }
}
