//! Capaian Kinerja Organisasi per unit and period: set by an admin (or
//! the host), read by anyone (it is the organisation's, not personal).

use super::codec;
use super::journal::{Appended, Change};
use super::request::Response;
use super::sled_store::{Store, StoreError};
use super::trees;
use crate::domain::org_result::{OrgResult, UnitResult};
use crate::domain::{Nip, Period, Unit};

/// A unit result's key: period, NUL, unit id.
fn key(period: &str, unit: &str) -> Vec<u8> {
    let mut k = trees::period_prefix(period);
    k.extend_from_slice(unit.as_bytes());
    k
}

impl Store {
    pub(super) fn set_unit_result(
        &self,
        actor: Option<&Nip>,
        period: &str,
        unit: &str,
        result: OrgResult,
    ) -> Result<Response, StoreError> {
        let t = &self.trees;
        if trees::get::<Period>(&t.periods, trees::PERIODS, period.as_bytes())?.is_none() {
            return Ok(Response::Rejected(format!(
                "period {period} does not exist; pick one of the roster's periods"
            )));
        }
        if trees::get::<Unit>(&t.units, trees::UNITS, unit.as_bytes())?.is_none() {
            return Ok(Response::Rejected(format!(
                "unit {unit} is not on the roster"
            )));
        }
        let mut journal = self.writer();
        let r = UnitResult {
            period: period.to_string(),
            unit: unit.to_string(),
            result,
            by: actor.cloned(),
            at: (self.clock)(),
        };
        let at = journal.append(actor, r.at, Change::UnitResult(Box::new(r.clone())))?;
        self.apply_unit_result(at, &r)?;
        Ok(Response::Done)
    }

    /// The results entered for a period's units.
    pub(super) fn unit_results(&self, period: &str) -> Result<Response, StoreError> {
        let mut corrupt = Vec::new();
        let items = trees::decode_all(
            self.trees
                .unit_results
                .scan_prefix(trees::period_prefix(period)),
            trees::UNIT_RESULTS,
            &mut corrupt,
        )?;
        Ok(Response::UnitResults { items, corrupt })
    }

    pub(super) fn apply_unit_result(&self, at: Appended, r: &UnitResult) -> Result<(), StoreError> {
        self.put_applied(
            &self.trees.unit_results,
            &key(&r.period, &r.unit),
            Some(&codec::encode(r)?),
            at,
        )
    }
}
