//! One edit to one assessment: optimistic concurrency on the revision
//! (a stale write gets the current record back as a `Conflict`), under
//! the single writer lock, then journal, then sled.

use super::apply::Done;
use super::codec;
use super::journal::Change;
use super::request::Response;
use super::sled_store::{Store, StoreError};
use super::trees;
use crate::domain::summary::summarize;
use crate::domain::workflow::{Frozen, Transition};
use crate::domain::{Assessment, AssessmentKey, Edit, Nip, Period, Person, Reference};
use std::collections::HashMap;
use std::sync::Arc;

/// What an edit of one employee's record is checked against.
pub(super) struct Context {
    pub person: Person,
    pub period: Period,
    pub reference: Arc<Reference>,
}

impl Store {
    /// The reference data, decoded once per seed.
    pub(super) fn reference(&self) -> Result<Arc<Reference>, StoreError> {
        let mut cache = self
            .reference
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if let Some(r) = cache.as_ref() {
            return Ok(Arc::clone(r));
        }
        let t = &self.trees;
        let r = Arc::new(
            trees::get::<Reference>(&t.reference, trees::REFERENCE, trees::REFERENCE_KEY)?
                .unwrap_or_default(),
        );
        *cache = Some(Arc::clone(&r));
        Ok(r)
    }

    /// The employee, the period and the reference data an edit needs;
    /// `Err` is the refusal to send when one is missing.
    pub(super) fn context(
        &self,
        key: &AssessmentKey,
    ) -> Result<Result<Context, Response>, StoreError> {
        let t = &self.trees;
        let Some(person) =
            trees::get::<Person>(&t.people, trees::PEOPLE, trees::nip_key(&key.employee))?
        else {
            return Ok(Err(Response::Rejected(format!(
                "employee {} is not on the roster; reload the roster",
                key.employee
            ))));
        };
        let Some(period) = trees::get::<Period>(&t.periods, trees::PERIODS, key.period.as_bytes())?
        else {
            return Ok(Err(Response::Rejected(format!(
                "period {} does not exist; pick one of the roster's periods",
                key.period
            ))));
        };
        let reference = self.reference()?;
        Ok(Ok(Context {
            person,
            period,
            reference,
        }))
    }

    pub(super) fn edit(
        &self,
        actor: Option<&Nip>,
        key: &AssessmentKey,
        expected_revision: u64,
        edit: &Edit,
    ) -> Result<Response, StoreError> {
        let t = &self.trees;
        let Context {
            person,
            period,
            reference,
        } = match self.context(key)? {
            Ok(c) => c,
            Err(refusal) => return Ok(refusal),
        };

        // One writer at a time: the revision read here is still current
        // when the change is journalled and applied below.
        let mut journal = self.writer();
        let k = trees::assessment_key(key);
        let before = match t.assessments.get(&k)? {
            Some(bytes) => Some(
                codec::decode::<Assessment>(&bytes)
                    .map_err(|e| trees::corrupt_error(trees::ASSESSMENTS, &k, &e))?,
            ),
            None => None,
        };
        let current = if let Some(a) = &before {
            a.clone()
        } else {
            let Some(appraiser) = person.appraiser.as_ref().or(actor) else {
                return Ok(Response::Rejected(format!(
                    "employee {} has no appraiser on the roster; sign in as \
                     the appraiser or fix the roster",
                    key.employee
                )));
            };
            Assessment::new(key.clone(), appraiser.clone())
        };
        if current.revision != expected_revision {
            return Ok(Response::Conflict(Box::new(current)));
        }
        if let Some(why) = self.edit_refusal(actor, &person, before.as_ref(), edit)? {
            return Ok(Response::Rejected(why));
        }
        let step = Assessment::step_of(edit);
        if step == Some(Transition::Submit)
            && let Some(why) = completion_refusal(&reference, &person, &period, &current)
        {
            return Ok(Response::Rejected(format!("cannot submit yet: {why}")));
        }
        // An approved record is judged by what it was approved with.
        let criteria = match &current.frozen {
            Some(f) => f.scaled(),
            None => reference.criteria_of(&person),
        };
        let scales: HashMap<&str, u8> = criteria
            .iter()
            .map(|c| (c.criterion.id.as_str(), c.scale))
            .collect();
        let now = (self.clock)();
        let by = actor.unwrap_or(&current.appraiser).clone();
        let mut next = current.clone();
        if let Err(e) = next.apply(edit, &by, now, |c| scales.get(c).copied()) {
            return Ok(Response::Rejected(e.to_string()));
        }
        if step == Some(Transition::Approve) {
            let live = reference.criteria_of(&person);
            next.frozen = Some(Box::new(Frozen::capture(&person, &live)));
        }
        next.revision += 1;
        next.updated_by = actor.cloned();
        next.updated_at = now;
        // Journalled and synced first: from here on the change is saved.
        let before_copy = before.clone();
        let change = Change::Edit {
            key: key.clone(),
            edit: edit.clone(),
            before: before.map(Box::new),
            after: Box::new(next.clone()),
        };
        let at = journal.append(actor, next.updated_at, change)?;
        let done = Done {
            at,
            actor,
            time: next.updated_at,
        };
        self.apply_edit(&done, edit, before_copy.as_ref(), &next)?;
        Ok(Response::Saved(Box::new(next)))
    }
}

/// The domain's completion rule, checked here too so that no client can
/// complete an assessment the rules would not let the UI complete.
fn completion_refusal(
    reference: &Reference,
    person: &Person,
    period: &Period,
    a: &Assessment,
) -> Option<String> {
    let Some(scheme) = reference.scheme(&period.scheme) else {
        return Some(format!(
            "the period's scheme {} is not in the reference data",
            period.scheme
        ));
    };
    let criteria = reference.criteria_of(person);
    let blockers = summarize(&criteria, a, scheme, &reference.catalogue).blockers();
    (!blockers.is_empty()).then(|| {
        blockers
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("; ")
    })
}
