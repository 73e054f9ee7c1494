//! The employee's self-assessment (penilaian diri): their own record,
//! written by them alone while their result is not yet approved, and
//! read by the others only as the blind rules allow (see `access`).

use super::edit::Context;
use super::journal::Change;
use super::request::Response;
use super::sled_store::{Store, StoreError};
use super::trees;
use crate::domain::{Assessment, AssessmentKey, Edit, Nip, SelfAssessment};

impl Store {
    pub(super) fn self_edit(
        &self,
        actor: Option<&Nip>,
        key: &AssessmentKey,
        expected_revision: u64,
        edit: &Edit,
    ) -> Result<Response, StoreError> {
        if actor != Some(&key.employee) {
            return Ok(Response::Rejected(
                "only the employee themself fills in their self-assessment".into(),
            ));
        }
        let Context {
            person, reference, ..
        } = match self.context(key)? {
            Ok(c) => c,
            Err(refusal) => return Ok(refusal),
        };
        let t = &self.trees;
        let k = trees::assessment_key(key);
        // One writer at a time: the revision read here stays current.
        let mut journal = self.writer();
        let result: Option<Assessment> = trees::get(&t.assessments, trees::ASSESSMENTS, &k)?;
        if result.is_some_and(|a| a.status.frozen()) {
            return Ok(Response::Rejected(
                "the result is approved: the self-assessment is closed".into(),
            ));
        }
        let before: Option<SelfAssessment> =
            trees::get(&t.self_assessments, trees::SELF_ASSESSMENTS, &k)?;
        let mut next = before
            .clone()
            .unwrap_or_else(|| SelfAssessment::new(key.clone()));
        if next.revision != expected_revision {
            return Ok(Response::SelfConflict(Box::new(next)));
        }
        let now = (self.clock)();
        let criteria = reference.criteria_of(&person);
        let scales = criteria.iter().map(|c| (c.criterion.id.as_str(), c.scale));
        if let Err(e) = next.apply(edit, now, scales) {
            return Ok(Response::Rejected(e.to_string()));
        }
        next.revision += 1;
        next.updated_at = now;
        let change = Change::SelfEdit {
            key: key.clone(),
            edit: edit.clone(),
            before: before.map(Box::new),
            after: Box::new(next.clone()),
        };
        let at = journal.append(actor, now, change)?;
        self.apply_self_edit(at, &next)?;
        Ok(Response::SelfSaved(Box::new(next)))
    }

    /// The self-assessments of a period (or of some of its employees).
    pub(super) fn self_assessments(
        &self,
        actor: Option<&Nip>,
        period: &str,
        employees: Option<&[Nip]>,
    ) -> Result<Response, StoreError> {
        let mut corrupt = Vec::new();
        let items = trees::of_period(
            &self.trees.self_assessments,
            trees::SELF_ASSESSMENTS,
            period,
            employees,
            &mut corrupt,
        )?;
        let items = self.self_readable(actor, items)?;
        Ok(Response::SelfAssessments { items, corrupt })
    }
}
