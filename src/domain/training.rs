//! The training catalogue: programmes mapped to the criteria they develop.

use serde::{Deserialize, Serialize};

/// Whether a programme closes a gap or builds on a strength.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TrainingLevel {
    /// For an area needing improvement.
    Dasar,
    /// For a strength worth growing (mentoring, advanced courses).
    Lanjutan,
}

/// A development programme (PP 17/2020: at least 20 JP per year).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Programme {
    pub id: String,
    pub name: String,
    /// Lesson-hours (jam pelajaran).
    pub jp: u16,
    pub level: TrainingLevel,
    /// Criterion ids this programme develops.
    pub criteria: Vec<String>,
}

/// All programmes, in catalogue order.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    pub programmes: Vec<Programme>,
}

impl Catalogue {
    /// Programmes of a level that develop a criterion, in catalogue order.
    pub fn for_criterion(&self, criterion: &str, level: TrainingLevel) -> Vec<&Programme> {
        self.programmes
            .iter()
            .filter(|p| p.level == level && p.criteria.iter().any(|c| c == criterion))
            .collect()
    }
}
