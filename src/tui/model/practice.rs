//! The practice screen's state: the shipped fictional cases and the
//! answers of the run in progress (memory only, never stored).

use super::Model;
use crate::domain::practice::Case;
use crate::domain::template::ScaledCriterion;
use std::collections::BTreeMap;

/// Where the practice run is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PracticeStage {
    /// Choosing a case.
    List,
    /// Reading what the person did.
    Story,
    /// Rating its criteria one by one.
    Rate,
    /// The answers beside the reference.
    Result,
}

/// The open practice screen.
#[derive(Debug, Clone, PartialEq)]
pub struct PracticeState {
    pub cases: Vec<Case>,
    pub selected: usize,
    pub stage: PracticeStage,
    /// Index into the case's criteria while rating.
    pub criterion: usize,
    pub answers: BTreeMap<String, u8>,
    /// Lines scrolled in the story or the result.
    pub scroll: u16,
}

impl PracticeState {
    pub fn case(&self) -> Option<&Case> {
        self.cases.get(self.selected)
    }
}

impl Model {
    /// The criteria the selected case is rated on: its template's, then
    /// BerAKHLAK's, as for real staff.
    pub fn practice_criteria(&self) -> Vec<ScaledCriterion<'_>> {
        self.practice
            .as_ref()
            .and_then(PracticeState::case)
            .map(|case| self.reference.criteria_of_template(&case.template))
            .unwrap_or_default()
    }
}
