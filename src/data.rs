//! Placeholder: shipped data files and their loader (data branch replaces this).

use crate::domain::{Assessment, Org, Reference};

/// The demo organisation with its history.
pub struct Demo {
    pub org: Org,
    pub reference: Reference,
    pub assessments: Vec<Assessment>,
    pub active_period: String,
}

pub fn demo() -> Result<Demo, crate::source::SourceError> {
    Err(crate::source::SourceError::new(
        "data", None, None, "not yet",
    ))
}
