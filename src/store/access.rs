//! Who may ask what (the role matrix of DOMAIN.md), checked inside the
//! store for every request, so that no client can do what its screens do
//! not offer. `actor == None` is the system: the host's admin running the
//! CLI (or the daemon's own account), who could read the store's files
//! anyway.
//!
//! | role | may |
//! |---|---|
//! | appraiser | rate, note, submit or withdraw the assessments of their staff; read them |
//! | reviewer | read everything of the people they review and of their units; return, approve, decide objections, reopen |
//! | employee | read their own result once approved; acknowledge or object; fill in and send their self-assessment |
//!
//! Self-assessments are blind both ways: the employee reads the
//! appraiser's ratings only once approved (above), the appraiser reads
//! the self-assessment only once sent and after submitting their own.
//! | admin | roster, templates, periods (seed, active period), PIN resets, export (all reads); never rate |

use super::request::Request;
use super::sled_store::{Store, StoreError};
use super::trees;
use crate::domain::workflow::Party;
use crate::domain::{Assessment, Edit, Nip, Person, Role, SelfAssessment, Unit};

/// How an actor stands to one employee's assessment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[allow(clippy::struct_excessive_bools)] // independent relations, any may hold at once
pub struct Standing {
    pub appraiser: bool,
    pub reviewer: bool,
    pub employee: bool,
    pub admin: bool,
}

impl Standing {
    /// May read the assessment: its appraiser, reviewer or an admin; the
    /// employee once it is approved.
    pub fn may_read(self, a: Option<&Assessment>) -> bool {
        self.appraiser
            || self.reviewer
            || self.admin
            || (self.employee && a.is_some_and(|a| a.status.frozen()))
    }

    /// May read the employee's self-assessment `s`: the employee always;
    /// once sent, the reviewer and an admin, and the appraiser once they
    /// have submitted their own ratings (`a`), so as not to be swayed.
    pub fn may_read_self(self, s: &SelfAssessment, a: Option<&Assessment>) -> bool {
        let submitted = a.is_some_and(|a| {
            a.flow.submitted.is_some() || a.status != crate::domain::Status::Draft
        });
        self.employee
            || (s.sent.is_some()
                && if self.appraiser {
                    submitted
                } else {
                    self.reviewer || self.admin
                })
    }

    /// May read the feedback notes about the employee: whoever may give
    /// them, an admin, and the employee themself (feedback is for them).
    pub fn may_read_feedback(self) -> bool {
        self.appraiser || self.reviewer || self.admin || self.employee
    }

    fn is(self, party: Party) -> bool {
        match party {
            Party::Appraiser => self.appraiser,
            Party::Reviewer => self.reviewer,
            Party::Employee => self.employee,
        }
    }
}

/// The asker, with what their standing depends on.
pub(super) struct Viewer {
    actor: Nip,
    me: Option<Person>,
    units: Vec<Unit>,
}

impl Viewer {
    pub(super) fn role(&self, r: Role) -> bool {
        self.me.as_ref().is_some_and(|p| p.has_role(r))
    }

    /// `superior` is the employee's appraiser's own appraiser: the
    /// reviewer when the roster names none.
    pub(super) fn standing(
        &self,
        employee: &Person,
        superior: Option<&Nip>,
        a: Option<&Assessment>,
    ) -> Standing {
        let actor = &self.actor;
        let reviewer = employee.reviewer.as_ref().or(superior) == Some(actor)
            || (self.role(Role::Reviewer)
                && self
                    .me
                    .as_ref()
                    .is_some_and(|m| within(&self.units, &employee.unit, &m.unit)));
        Standing {
            appraiser: employee.appraiser.as_ref() == Some(actor)
                || a.is_some_and(|a| &a.appraiser == actor),
            reviewer,
            employee: &employee.nip == actor,
            admin: self.role(Role::Admin),
        }
    }
}

/// Whether `unit` is `top` or lies under it.
fn within(units: &[Unit], unit: &str, top: &str) -> bool {
    let mut at = Some(unit.to_string());
    for _ in 0..=units.len() {
        let Some(id) = at else { return false };
        if id == top {
            return true;
        }
        at = units
            .iter()
            .find(|u| u.id == id)
            .and_then(|u| u.parent.clone());
    }
    false
}

impl Store {
    pub(super) fn person(&self, nip: &Nip) -> Result<Option<Person>, StoreError> {
        trees::get(&self.trees.people, trees::PEOPLE, trees::nip_key(nip))
    }

    fn units(&self) -> Result<Vec<Unit>, StoreError> {
        let mut corrupt = Vec::new();
        trees::decode_all(self.trees.units.iter(), trees::UNITS, &mut corrupt)
    }

    /// Whether the actor is on the roster with this role.
    pub(super) fn has_role(&self, actor: Option<&Nip>, role: Role) -> Result<bool, StoreError> {
        Ok(match actor {
            None => true,
            Some(nip) => self.person(nip)?.is_some_and(|p| p.has_role(role)),
        })
    }

    /// Who is asking, read once for many checks.
    pub(super) fn viewer(&self, actor: &Nip) -> Result<Viewer, StoreError> {
        let me: Option<Person> = self.person(actor)?;
        // The unit tree matters only to someone with the reviewer role:
        // read it for them alone (it is every unit of the organisation).
        let units = if me.as_ref().is_some_and(|p| p.has_role(Role::Reviewer)) {
            self.units()?
        } else {
            Vec::new()
        };
        Ok(Viewer {
            actor: actor.clone(),
            me,
            units,
        })
    }

    /// How `actor` stands to `employee`'s assessment `a` (if it exists).
    pub(super) fn standing(
        &self,
        actor: &Nip,
        employee: &Person,
        a: Option<&Assessment>,
    ) -> Result<Standing, StoreError> {
        let superior = self.superior(employee)?;
        Ok(self.viewer(actor)?.standing(employee, superior.as_ref(), a))
    }

    /// The reviewer when the roster names none: the appraiser's own
    /// appraiser, or the appraiser at the top of the line (as
    /// `Org::reviewer_of`).
    pub(super) fn superior(&self, employee: &Person) -> Result<Option<Nip>, StoreError> {
        if employee.reviewer.is_some() {
            return Ok(None);
        }
        let Some(appraiser) = &employee.appraiser else {
            return Ok(None);
        };
        Ok(Some(
            self.person(appraiser)?
                .and_then(|p| p.appraiser)
                .unwrap_or_else(|| appraiser.clone()),
        ))
    }

    /// Why `actor` may not make this edit, if they may not.
    pub(super) fn edit_refusal(
        &self,
        actor: Option<&Nip>,
        employee: &Person,
        a: Option<&Assessment>,
        edit: &Edit,
    ) -> Result<Option<String>, StoreError> {
        let party = Assessment::step_of(edit).map_or(Party::Appraiser, |t| t.party());
        let Some(actor) = actor else {
            return Ok(Self::step_of_system(edit));
        };
        let s = self.standing(actor, employee, a)?;
        if s.is(party) {
            return Ok(None);
        }
        let who = match party {
            Party::Appraiser => "the employee's appraiser (Pejabat Penilai)",
            Party::Reviewer => "the appraiser's superior (Atasan Pejabat Penilai)",
            Party::Employee => "the employee themself",
        };
        Ok(Some(format!("only {who} may do this")))
    }

    /// The system (host admin) edits content for imports and repairs, but
    /// takes no workflow step: each needs a named person.
    fn step_of_system(edit: &Edit) -> Option<String> {
        Assessment::step_of(edit)
            .map(|_| "a workflow step must be taken by a person, not the system".to_string())
    }

    /// Why `actor` may not make a request other than an edit (edits are
    /// checked against the assessment by [`Store::edit_refusal`]; reads
    /// are filtered by [`Store::readable`]).
    pub(super) fn refusal(
        &self,
        actor: Option<&Nip>,
        req: &Request,
    ) -> Result<Option<String>, StoreError> {
        let admin_only = |what: &str| -> Result<Option<String>, StoreError> {
            Ok((!self.has_role(actor, Role::Admin)?)
                .then(|| format!("only an admin (pengelola kinerja) may {what}")))
        };
        match req {
            Request::Seed { .. } => admin_only("replace the roster and templates"),
            Request::SetActivePeriod { .. } => admin_only("change the active period"),
            Request::ResetPin { .. } => admin_only("reset a PIN"),
            Request::SetUnitResult { .. } => {
                admin_only("enter a unit's Capaian Kinerja Organisasi")
            }
            Request::SetCursor { user, .. } | Request::GetCursor { user } => Ok(actor
                .is_some_and(|a| a != user)
                .then(|| "a person's place in the app is theirs alone".to_string())),
            Request::SetPin { nip, .. } => Ok(actor
                .is_some_and(|a| a != nip)
                .then(|| "only its owner sets a PIN".to_string())),
            Request::History { key } => {
                let Some(actor) = actor else { return Ok(None) };
                let Some(p) = self.person(&key.employee)? else {
                    return Ok(Some(format!("{} is not on the roster", key.employee)));
                };
                let a: Option<Assessment> = trees::get(
                    &self.trees.assessments,
                    trees::ASSESSMENTS,
                    &trees::assessment_key(key),
                )?;
                let s = self.standing(actor, &p, a.as_ref())?;
                Ok((!s.may_read(a.as_ref()))
                    .then(|| "this assessment's history is not yours to read".to_string()))
            }
            Request::Snapshot
            | Request::Assessments { .. }
            | Request::AllAssessments
            | Request::Edit { .. }
            | Request::SelfAssessments { .. }
            | Request::SelfEdit { .. }
            | Request::Feedback { .. }
            | Request::AddFeedback { .. }
            | Request::RetractFeedback { .. }
            | Request::UnitResults { .. }
            | Request::Dashboard { .. }
            | Request::Trend { .. }
            | Request::Career { .. }
            | Request::OwnCalibration { .. }
            | Request::PinStatus { .. }
            | Request::CheckPin { .. }
            | Request::Logout
            | Request::Watch { .. } => Ok(None),
        }
    }

    /// Keeps the assessments `actor` may read.
    pub(super) fn readable(
        &self,
        actor: Option<&Nip>,
        items: Vec<Assessment>,
    ) -> Result<Vec<Assessment>, StoreError> {
        let Some(actor) = actor else { return Ok(items) };
        let viewer = self.viewer(actor)?;
        if viewer.role(Role::Admin) {
            return Ok(items);
        }
        let mut out = Vec::with_capacity(items.len());
        for a in items {
            let Some(p) = self.person(&a.key.employee)? else {
                continue;
            };
            let superior = self.superior(&p)?;
            if viewer
                .standing(&p, superior.as_ref(), Some(&a))
                .may_read(Some(&a))
            {
                out.push(a);
            }
        }
        Ok(out)
    }
}

impl Store {
    /// Keeps the self-assessments `actor` may read.
    pub(super) fn self_readable(
        &self,
        actor: Option<&Nip>,
        items: Vec<SelfAssessment>,
    ) -> Result<Vec<SelfAssessment>, StoreError> {
        let Some(actor) = actor else { return Ok(items) };
        let viewer = self.viewer(actor)?;
        let mut out = Vec::with_capacity(items.len());
        for s in items {
            let Some(p) = self.person(&s.key.employee)? else {
                continue;
            };
            let a: Option<Assessment> = trees::get(
                &self.trees.assessments,
                trees::ASSESSMENTS,
                &trees::assessment_key(&s.key),
            )?;
            let superior = self.superior(&p)?;
            if viewer
                .standing(&p, superior.as_ref(), a.as_ref())
                .may_read_self(&s, a.as_ref())
            {
                out.push(s);
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::within;
    use crate::domain::Unit;

    #[test]
    fn a_unit_lies_within_itself_and_its_ancestors_only() {
        let u = |id: &str, parent: Option<&str>| Unit {
            id: id.into(),
            name: id.into(),
            parent: parent.map(Into::into),
        };
        let units = [u("dinkes", None), u("pkm", Some("dinkes")), u("bkd", None)];
        assert!(within(&units, "pkm", "dinkes"));
        assert!(within(&units, "dinkes", "dinkes"));
        assert!(!within(&units, "dinkes", "pkm"));
        assert!(!within(&units, "bkd", "dinkes"));
        // A cycle in bad data ends instead of looping.
        let cyclic = [u("a", Some("b")), u("b", Some("a"))];
        assert!(!within(&cyclic, "a", "c"));
    }
}
