//! The reviewer's proposal while deciding an objection.

use crate::domain::Nip;

/// The aspect results a reviewer means to set while deciding an
/// objection: shown (with the predikat they give) until the decision is
/// sent with them.
#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    pub employee: Nip,
    pub hasil: Option<crate::domain::assessment::AspectValue>,
    pub perilaku: Option<crate::domain::assessment::AspectValue>,
}

impl Proposal {
    pub fn get(
        &self,
        aspect: crate::domain::Aspect,
    ) -> Option<&crate::domain::assessment::AspectValue> {
        match aspect {
            crate::domain::Aspect::HasilKerja => self.hasil.as_ref(),
            crate::domain::Aspect::PerilakuKerja => self.perilaku.as_ref(),
        }
    }
}
