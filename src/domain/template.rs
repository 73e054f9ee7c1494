//! Templates: the written criteria an employee is rated on.

use serde::{Deserialize, Serialize};

/// The two rated aspects of PermenPANRB 6/2022.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Aspect {
    /// Rating Hasil Kerja: results against the SKP.
    HasilKerja,
    /// Rating Perilaku Kerja: behaviour against BerAKHLAK.
    PerilakuKerja,
}

/// Di Bawah / Sesuai / Di Atas Ekspektasi (SIASN codes 3 / 2 / 1).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Expectation {
    DiBawah,
    Sesuai,
    DiAtas,
}

impl Expectation {
    pub const ALL: [Self; 3] = [Self::DiBawah, Self::Sesuai, Self::DiAtas];

    /// The official label, identical in both UI languages.
    pub fn label(self) -> &'static str {
        match self {
            Self::DiBawah => "Di Bawah Ekspektasi",
            Self::Sesuai => "Sesuai Ekspektasi",
            Self::DiAtas => "Di Atas Ekspektasi",
        }
    }

    /// The SIASN code: 1 = Di Atas, 2 = Sesuai, 3 = Di Bawah.
    pub fn siasn_code(self) -> u8 {
        match self {
            Self::DiAtas => 1,
            Self::Sesuai => 2,
            Self::DiBawah => 3,
        }
    }
}

/// Where an RHK stands in the SKP.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RhkKind {
    Utama,
    Tambahan,
}

/// The SKP fields of a Hasil Kerja criterion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HasilInfo {
    pub kind: RhkKind,
    /// Indikator Kinerja Individu.
    pub iki: String,
    /// Kuantitas, Kualitas, Waktu or Biaya.
    pub aspek: String,
    pub target: String,
}

/// One rated criterion with its written level descriptors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    pub id: String,
    pub aspect: Aspect,
    pub name: String,
    pub description: String,
    /// Behaviour guidance (panduan perilaku) or other bullet points.
    #[serde(default)]
    pub guidance: Vec<String>,
    /// One descriptor per scale level, lowest first.
    pub levels: Vec<String>,
    /// Present on Hasil Kerja criteria.
    #[serde(default)]
    pub hasil: Option<HasilInfo>,
}

/// A named set of criteria on one scale.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Template {
    pub id: String,
    pub name: String,
    /// Number of rating levels: 3 (Di Bawah/Sesuai/Di Atas) or 5.
    pub scale: u8,
    pub criteria: Vec<Criterion>,
}

/// Maps a rating on a `scale`-level scale to the three expectations.
///
/// On 3 levels it is the identity; on 5 levels 1–2 are below, 3 meets and
/// 4–5 are above (the usual office convention for 1–5 behaviour anchors).
pub fn expectation_of(rating: u8, scale: u8) -> Expectation {
    if scale <= 3 {
        match rating {
            0 | 1 => Expectation::DiBawah,
            2 => Expectation::Sesuai,
            _ => Expectation::DiAtas,
        }
    } else {
        let mid = scale.div_ceil(2);
        match rating.cmp(&mid) {
            std::cmp::Ordering::Less => Expectation::DiBawah,
            std::cmp::Ordering::Equal => Expectation::Sesuai,
            std::cmp::Ordering::Greater => Expectation::DiAtas,
        }
    }
}

/// A rated criterion as the employee sees it: the template's criterion
/// and the scale it is rated on (templates are merged per employee).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScaledCriterion<'a> {
    pub criterion: &'a Criterion,
    pub scale: u8,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn three_level_scale_maps_one_to_one() {
        assert_eq!(expectation_of(1, 3), Expectation::DiBawah);
        assert_eq!(expectation_of(2, 3), Expectation::Sesuai);
        assert_eq!(expectation_of(3, 3), Expectation::DiAtas);
    }

    #[test]
    fn five_level_scale_splits_around_three() {
        let got: Vec<_> = (1..=5).map(|r| expectation_of(r, 5)).collect();
        assert_eq!(
            got,
            [
                Expectation::DiBawah,
                Expectation::DiBawah,
                Expectation::Sesuai,
                Expectation::DiAtas,
                Expectation::DiAtas
            ]
        );
    }

    #[test]
    fn siasn_codes_follow_the_regulation() {
        assert_eq!(Expectation::DiAtas.siasn_code(), 1);
        assert_eq!(Expectation::Sesuai.siasn_code(), 2);
        assert_eq!(Expectation::DiBawah.siasn_code(), 3);
    }
}
