//! Layouts of earlier versions, kept to read what older Kinerjas wrote.
//! Field order is the layout: never change these, only add a version.

use crate::domain::assessment::{AspectDecision, Curation, Entry};
use crate::domain::workflow::Flow;
use crate::domain::{Assessment, AssessmentKey, Nip, Status};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The first prototype's assessment.
#[derive(Serialize, Deserialize)]
pub struct AssessmentV1 {
    pub(in crate::store) key: AssessmentKey,
    pub(in crate::store) appraiser: Nip,
    pub(in crate::store) status: Status,
    pub(in crate::store) entries: BTreeMap<String, Entry>,
    pub(in crate::store) hasil: Option<AspectDecision>,
    pub(in crate::store) perilaku: Option<AspectDecision>,
    pub(in crate::store) revision: u64,
}

impl From<AssessmentV1> for Assessment {
    fn from(v1: AssessmentV1) -> Self {
        Self {
            key: v1.key,
            appraiser: v1.appraiser,
            status: v1.status,
            entries: v1.entries,
            hasil: v1.hasil,
            perilaku: v1.perilaku,
            curation: None,
            revision: v1.revision,
            updated_by: None,
            updated_at: 0,
            flow: Flow::default(),
            frozen: None,
        }
    }
}

/// The assessment before the review workflow. Its status `Complete` is the
/// workflow's `Submitted` (the same place in the layout). Journal entries
/// and parts written then carry it inline.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AssessmentV2 {
    pub(in crate::store) key: AssessmentKey,
    pub(in crate::store) appraiser: Nip,
    pub(in crate::store) status: Status,
    pub(in crate::store) entries: BTreeMap<String, Entry>,
    pub(in crate::store) hasil: Option<AspectDecision>,
    pub(in crate::store) perilaku: Option<AspectDecision>,
    pub(in crate::store) curation: Option<Curation>,
    pub(in crate::store) revision: u64,
    pub(in crate::store) updated_by: Option<Nip>,
    pub(in crate::store) updated_at: i64,
}

impl From<AssessmentV2> for Assessment {
    fn from(v2: AssessmentV2) -> Self {
        Self {
            key: v2.key,
            appraiser: v2.appraiser,
            status: v2.status,
            entries: v2.entries,
            hasil: v2.hasil,
            perilaku: v2.perilaku,
            curation: v2.curation,
            revision: v2.revision,
            updated_by: v2.updated_by,
            updated_at: v2.updated_at,
            flow: Flow::default(),
            frozen: None,
        }
    }
}

#[cfg(test)]
impl From<&Assessment> for AssessmentV2 {
    fn from(a: &Assessment) -> Self {
        Self {
            key: a.key.clone(),
            appraiser: a.appraiser.clone(),
            status: a.status,
            entries: a.entries.clone(),
            hasil: a.hasil.clone(),
            perilaku: a.perilaku.clone(),
            curation: a.curation.clone(),
            revision: a.revision,
            updated_by: a.updated_by.clone(),
            updated_at: a.updated_at,
        }
    }
}
