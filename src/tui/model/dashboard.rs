//! The dashboard screen's state: the figures the store computed, which
//! tab and unit are in view, and whether a unit result is being chosen.

use crate::domain::dashboard::Dashboard;

/// The dashboard's tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum DashTab {
    /// Who has appraised whom, and who is late.
    #[default]
    Progress,
    /// The predikat distribution against the unit's result.
    Distribution,
    /// Each appraiser's leniency, central tendency and halo.
    Calibration,
    /// The training the areas needing improvement call for.
    Training,
    /// Promotion eligibility and angka kredit.
    Career,
}

impl DashTab {
    pub const ALL: [Self; 5] = [
        Self::Progress,
        Self::Distribution,
        Self::Calibration,
        Self::Training,
        Self::Career,
    ];

    pub fn next(self) -> Self {
        let i = Self::ALL.iter().position(|&t| t == self).unwrap_or(0);
        Self::ALL[(i + 1) % Self::ALL.len()]
    }
}

/// The open dashboard.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DashState {
    /// `None` until the store has answered.
    pub data: Option<Dashboard>,
    /// The career tab's figures, asked for when the tab is first shown.
    pub career: Option<Vec<crate::domain::career::UnitCareer>>,
    pub tab: DashTab,
    /// Index into the units.
    pub selected: usize,
    /// The admin pressed the key to enter the selected unit's result: the
    /// next digit (1–5) chooses it.
    pub choosing_result: bool,
}

impl DashState {
    /// The career figures of the selected unit.
    pub fn unit_career(&self) -> Option<&crate::domain::career::UnitCareer> {
        let unit = self.unit()?.unit();
        self.career.as_ref()?.iter().find(|c| c.unit == unit)
    }

    pub fn unit(&self) -> Option<&crate::domain::dashboard::UnitFigures> {
        self.data.as_ref()?.units.get(self.selected)
    }
}
