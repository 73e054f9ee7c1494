//! The ratings the scoring card shows and edits: the appraiser's in
//! their modes, the person's own self-assessment (penilaian diri) in
//! employee mode. And the self-assessment shown beside a result.

use super::{Mode, Model};
use crate::domain::assessment::Entry;
use crate::domain::{Nip, SelfAssessment, Status};
use std::collections::BTreeMap;

/// One employee's entries as the current mode fills them in.
#[derive(Debug, Clone, Copy)]
pub struct Sheet<'a> {
    pub entries: Option<&'a BTreeMap<String, Entry>>,
    /// Draf/Diajukan... of the appraiser's record; Draf/Diajukan (sent)
    /// of a self-assessment.
    pub status: Option<Status>,
    pub revision: u64,
    /// What closes it to edits: see [`Sheet::locked`].
    result_frozen: bool,
    own: bool,
}

impl<'a> Sheet<'a> {
    pub fn entry(&self, criterion: &str) -> Option<&'a Entry> {
        self.entries?.get(criterion)
    }

    pub fn rating(&self, criterion: &str) -> Option<u8> {
        self.entry(criterion).and_then(|e| e.rating)
    }

    pub fn rated_count<'c>(&self, criteria: impl IntoIterator<Item = &'c str>) -> usize {
        criteria
            .into_iter()
            .filter(|c| self.rating(c).is_some())
            .count()
    }

    /// The person's own self-assessment (employee mode).
    pub fn own(&self) -> bool {
        self.own
    }

    /// Closed to edits: an appraiser's record once submitted; a
    /// self-assessment once sent, or once the result is approved.
    pub fn locked(&self) -> bool {
        match (self.own, self.status) {
            (true, s) => s == Some(Status::Submitted) || self.result_frozen,
            (false, Some(s)) => !s.editable(),
            (false, None) => false,
        }
    }
}

impl Model {
    /// The entries the scoring card works on for `nip` in this mode.
    pub fn sheet(&self, nip: &Nip) -> Sheet<'_> {
        let a = self.assessment(nip);
        let result_frozen = a.is_some_and(|a| a.status.frozen());
        if self.mode == Mode::Employee {
            let s = self.selfs.get(nip);
            return Sheet {
                entries: s.map(|s| &s.entries),
                status: s.map(SelfAssessment::status),
                revision: s.map_or(0, |s| s.revision),
                result_frozen,
                own: true,
            };
        }
        Sheet {
            entries: a.map(|a| &a.entries),
            status: a.map(|a| a.status),
            revision: a.map_or(0, |a| a.revision),
            result_frozen,
            own: false,
        }
    }

    /// Whether the current employee's result is approved (frozen): the
    /// employee may read it, and their self-assessment is closed.
    pub fn result_approved(&self) -> bool {
        self.current_person()
            .and_then(|p| self.assessment(&p.nip))
            .is_some_and(|a| a.status.frozen())
    }

    /// The employee's self-assessment to show beside the appraiser's
    /// ratings, once both may be seen: the store sends an appraiser or a
    /// reviewer only a sent one at the right time; the employee sees
    /// theirs beside the result once the result is theirs to read.
    pub fn beside(&self, nip: &Nip) -> Option<&SelfAssessment> {
        let s = self.selfs.get(nip)?;
        let visible = match self.mode {
            Mode::Employee => self.assessment(nip).is_some_and(|a| a.status.frozen()),
            Mode::Appraiser | Mode::Reviewer => s.sent.is_some(),
        };
        visible.then_some(s)
    }
}
