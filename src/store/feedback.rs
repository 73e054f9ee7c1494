//! Feedback notes (umpan balik berkelanjutan): added by the employee's
//! appraiser or reviewer at any time of the period, withdrawn only by
//! their author, read by whoever may read the employee's record, by the
//! employee themself, and by their author.

use super::codec;
use super::edit::Context;
use super::journal::{Appended, Change};
use super::request::Response;
use super::sled_store::{Store, StoreError};
use super::trees;
use crate::domain::feedback::{self, Feedback, Tone};
use crate::domain::{AssessmentKey, Nip};

/// A note to add, as asked.
pub struct NewNote<'a> {
    pub key: &'a AssessmentKey,
    pub tone: Tone,
    pub criterion: Option<&'a str>,
    pub text: &'a str,
}

impl Store {
    pub(super) fn add_feedback(
        &self,
        actor: Option<&Nip>,
        note: &NewNote<'_>,
    ) -> Result<Response, StoreError> {
        let Some(author) = actor else {
            return Ok(Response::Rejected(
                "only a named person may write a feedback note; log in as one".into(),
            ));
        };
        let Context {
            person, reference, ..
        } = match self.context(note.key)? {
            Ok(c) => c,
            Err(refusal) => return Ok(refusal),
        };
        let a = trees::get(
            &self.trees.assessments,
            trees::ASSESSMENTS,
            &trees::assessment_key(note.key),
        )?;
        let s = self.standing(author, &person, a.as_ref())?;
        if !(s.appraiser || s.reviewer) {
            return Ok(Response::Rejected(
                "only the employee's appraiser or reviewer may give them feedback".into(),
            ));
        }
        let criteria = reference.criteria_of(&person);
        let text = match feedback::check(
            note.text,
            note.criterion,
            criteria.iter().map(|c| c.criterion.id.as_str()),
        ) {
            Ok(t) => t,
            Err(e) => return Ok(Response::Rejected(e.to_string())),
        };
        let mut journal = self.writer();
        let f = Feedback {
            id: journal.next_seq(),
            key: note.key.clone(),
            author: author.clone(),
            tone: note.tone,
            criterion: note.criterion.map(str::to_string),
            text,
            at: (self.clock)(),
        };
        let at = journal.append(actor, f.at, Change::Feedback(Box::new(f.clone())))?;
        self.apply_feedback(at, &f)?;
        Ok(Response::FeedbackSaved(Box::new(f)))
    }

    pub(super) fn retract_feedback(
        &self,
        actor: Option<&Nip>,
        key: &AssessmentKey,
        id: u64,
    ) -> Result<Response, StoreError> {
        let k = trees::history_key(key, id);
        let mut journal = self.writer();
        let Some(f) = trees::get::<Feedback>(&self.trees.feedback, trees::FEEDBACK, &k)? else {
            return Ok(Response::Rejected(
                "that feedback note does not exist (any more)".into(),
            ));
        };
        if actor != Some(&f.author) {
            return Ok(Response::Rejected(
                "only its author may withdraw a feedback note".into(),
            ));
        }
        let change = Change::FeedbackRetracted {
            key: key.clone(),
            id,
        };
        let at = journal.append(actor, (self.clock)(), change)?;
        self.apply_feedback_retract(at, key, id)?;
        Ok(Response::Done)
    }

    /// The notes of a period (or about some of its employees) the asker
    /// may read, oldest first per employee.
    pub(super) fn feedback(
        &self,
        actor: Option<&Nip>,
        period: &str,
        employees: Option<&[Nip]>,
    ) -> Result<Response, StoreError> {
        let mut corrupt = Vec::new();
        let items: Vec<Feedback> = trees::of_period(
            &self.trees.feedback,
            trees::FEEDBACK,
            period,
            employees,
            &mut corrupt,
        )?;
        let items = self.feedback_readable(actor, items)?;
        Ok(Response::Feedback { items, corrupt })
    }

    /// Writes a note and the applied sequence number together.
    pub(super) fn apply_feedback(&self, at: Appended, f: &Feedback) -> Result<(), StoreError> {
        self.put_applied(
            &self.trees.feedback,
            &trees::history_key(&f.key, f.id),
            Some(&codec::encode(f)?),
            at,
        )
    }

    pub(super) fn apply_feedback_retract(
        &self,
        at: Appended,
        key: &AssessmentKey,
        id: u64,
    ) -> Result<(), StoreError> {
        self.put_applied(&self.trees.feedback, &trees::history_key(key, id), None, at)
    }
}

impl Store {
    /// Keeps the feedback notes `actor` may read: see
    /// [`Standing::may_read_feedback`]; an author always reads their own.
    pub(super) fn feedback_readable(
        &self,
        actor: Option<&Nip>,
        items: Vec<Feedback>,
    ) -> Result<Vec<Feedback>, StoreError> {
        let Some(actor) = actor else { return Ok(items) };
        let viewer = self.viewer(actor)?;
        let mut out = Vec::with_capacity(items.len());
        let mut last: Option<(Nip, bool)> = None;
        for f in items {
            if &f.author == actor {
                out.push(f);
                continue;
            }
            // Notes come grouped by employee: decide once per employee.
            let allowed = match &last {
                Some((nip, allowed)) if nip == &f.key.employee => *allowed,
                _ => {
                    let allowed = match self.person(&f.key.employee)? {
                        None => false,
                        Some(p) => {
                            let superior = self.superior(&p)?;
                            viewer
                                .standing(&p, superior.as_ref(), None)
                                .may_read_feedback()
                        }
                    };
                    last = Some((f.key.employee.clone(), allowed));
                    allowed
                }
            };
            if allowed {
                out.push(f);
            }
        }
        Ok(out)
    }
}
