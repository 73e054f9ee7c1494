//! Capaian Kinerja Organisasi: a unit's own result for a period, which
//! sets the limits on its staff's predikat distribution (SE MenPANRB
//! 3/2023). Entered by the admin per unit and period.

use super::nip::Nip;
use serde::{Deserialize, Serialize};

/// The organisation's result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrgResult {
    Istimewa,
    Baik,
    /// Butuh Perbaikan / Cukup.
    ButuhPerbaikan,
    Kurang,
    SangatKurang,
}

impl OrgResult {
    pub const ALL: [Self; 5] = [
        Self::Istimewa,
        Self::Baik,
        Self::ButuhPerbaikan,
        Self::Kurang,
        Self::SangatKurang,
    ];

    /// The official label (the same in both UI languages).
    pub fn label(self) -> &'static str {
        match self {
            Self::Istimewa => "Istimewa",
            Self::Baik => "Baik",
            Self::ButuhPerbaikan => "Butuh Perbaikan/Cukup",
            Self::Kurang => "Kurang",
            Self::SangatKurang => "Sangat Kurang",
        }
    }

    /// The id used on the command line and in data files.
    pub fn id(self) -> &'static str {
        match self {
            Self::Istimewa => "istimewa",
            Self::Baik => "baik",
            Self::ButuhPerbaikan => "butuh_perbaikan",
            Self::Kurang => "kurang",
            Self::SangatKurang => "sangat_kurang",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        let s = s.trim().to_lowercase().replace(['-', ' ', '/'], "_");
        Self::ALL
            .into_iter()
            .find(|r| r.id() == s || (s == "cukup" && *r == Self::ButuhPerbaikan))
    }
}

/// A unit's result for a period, as the store keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitResult {
    pub period: String,
    pub unit: String,
    pub result: OrgResult,
    /// Who entered it (`None`: the host at the command line).
    pub by: Option<Nip>,
    /// Unix seconds.
    pub at: i64,
}

#[cfg(test)]
mod tests {
    use super::OrgResult;

    #[test]
    fn results_parse_from_ids_and_labels() {
        for r in OrgResult::ALL {
            assert_eq!(OrgResult::parse(r.id()), Some(r));
        }
        assert_eq!(
            OrgResult::parse("Butuh Perbaikan"),
            Some(OrgResult::ButuhPerbaikan)
        );
        assert_eq!(OrgResult::parse("cukup"), Some(OrgResult::ButuhPerbaikan));
        assert_eq!(
            OrgResult::parse("Sangat-Kurang"),
            Some(OrgResult::SangatKurang)
        );
        assert_eq!(OrgResult::parse("bagus"), None);
    }
}
