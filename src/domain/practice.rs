//! Appraiser practice (pelatihan penilai): fictional cases with the
//! reference rating of every criterion and its reason. The appraiser
//! rates a case, then sees where they differ and why. Practice answers
//! live only in memory: they are never stored with real data.

use super::template::ScaledCriterion;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The rater bias a case is written to tempt.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Trap {
    Halo,
    CentralTendency,
    Leniency,
    Severity,
    Recency,
}

/// The reference rating of one criterion, with the evidence for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReferenceRating {
    pub criterion: String,
    pub rating: u8,
    pub reason: String,
}

/// A practice case, as shipped in `data/practice/`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Case {
    pub id: String,
    pub name: String,
    pub post: String,
    /// The Hasil Kerja template (BerAKHLAK is added, as for real staff).
    pub template: String,
    pub trap: Trap,
    /// What the person did over the period, with the evidence.
    pub story: String,
    pub reference: Vec<ReferenceRating>,
}

impl Case {
    pub fn reference_of(&self, criterion: &str) -> Option<&ReferenceRating> {
        self.reference.iter().find(|r| r.criterion == criterion)
    }
}

/// One criterion compared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub criterion: String,
    pub name: String,
    pub scale: u8,
    pub given: Option<u8>,
    pub reference: u8,
    pub reason: String,
    /// The descriptor of the reference level: what the evidence matches.
    pub descriptor: String,
}

impl Row {
    /// Given minus reference, in levels.
    pub fn offset(&self) -> Option<i16> {
        self.given.map(|g| i16::from(g) - i16::from(self.reference))
    }
}

/// How a practice run compares with the reference.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub rows: Vec<Row>,
    pub rated: usize,
    pub exact: usize,
    /// Within one level (exact included).
    pub within_one: usize,
    /// Mean of given minus reference: above 0 lenient, below severe.
    pub mean_offset: Option<f64>,
    /// Share of the given ratings at a scale's middle level.
    pub middle_share: f64,
}

/// Compares `answers` (criterion → level) with the case's reference.
pub fn compare(
    case: &Case,
    criteria: &[ScaledCriterion<'_>],
    answers: &BTreeMap<String, u8>,
) -> Comparison {
    let rows: Vec<Row> = criteria
        .iter()
        .filter_map(|c| {
            let r = case.reference_of(&c.criterion.id)?;
            Some(Row {
                criterion: c.criterion.id.clone(),
                name: c.criterion.name.clone(),
                scale: c.scale,
                given: answers.get(&c.criterion.id).copied(),
                reference: r.rating,
                reason: r.reason.clone(),
                descriptor: c
                    .criterion
                    .levels
                    .get(usize::from(r.rating.saturating_sub(1)))
                    .cloned()
                    .unwrap_or_default(),
            })
        })
        .collect();
    let offsets: Vec<i16> = rows.iter().filter_map(Row::offset).collect();
    let rated = offsets.len();
    let middle = rows
        .iter()
        .filter(|r| r.scale % 2 == 1 && r.given == Some(r.scale.div_ceil(2)))
        .count();
    Comparison {
        rated,
        exact: offsets.iter().filter(|o| **o == 0).count(),
        within_one: offsets.iter().filter(|o| o.abs() <= 1).count(),
        mean_offset: (rated > 0)
            .then(|| offsets.iter().map(|o| f64::from(*o)).sum::<f64>() / rated as f64),
        middle_share: if rated == 0 {
            0.0
        } else {
            middle as f64 / rated as f64
        },
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::template::{Aspect, Criterion};

    /// A criterion whose level descriptors are `{prefix}1`, `{prefix}2`, ….
    fn criterion(id: &str, aspect: Aspect, prefix: &str, scale: u8) -> Criterion {
        Criterion {
            id: id.into(),
            aspect,
            name: format!("Kriteria {id}"),
            description: String::new(),
            guidance: vec![],
            levels: (1..=scale).map(|l| format!("{prefix}{l}")).collect(),
            hasil: None,
        }
    }

    /// Two 3-level Hasil Kerja criteria, two 5-level behaviours, and one
    /// criterion the case has no reference rating for.
    fn fixture() -> (Case, Vec<Criterion>) {
        let criteria = vec![
            criterion("h1", Aspect::HasilKerja, "H", 3),
            criterion("h2", Aspect::HasilKerja, "H", 3),
            criterion("b1", Aspect::PerilakuKerja, "B", 5),
            criterion("b2", Aspect::PerilakuKerja, "B", 5),
            criterion("extra", Aspect::PerilakuKerja, "X", 5),
        ];
        let reference = [("h1", 1), ("h2", 3), ("b1", 2), ("b2", 5)]
            .into_iter()
            .map(|(c, rating)| ReferenceRating {
                criterion: c.into(),
                rating,
                reason: format!("bukti {c}"),
            })
            .collect();
        let case = Case {
            id: "uji".into(),
            name: "Uji (fiktif)".into(),
            post: "Pengadministrasi".into(),
            template: "t".into(),
            trap: Trap::Severity,
            story: String::new(),
            reference,
        };
        (case, criteria)
    }

    fn run(answers: &[(&str, u8)]) -> Comparison {
        let (case, criteria) = fixture();
        let scaled: Vec<ScaledCriterion<'_>> = criteria
            .iter()
            .map(|c| ScaledCriterion {
                criterion: c,
                scale: u8::try_from(c.levels.len()).expect("scale"),
            })
            .collect();
        let answers = answers.iter().map(|(c, r)| ((*c).into(), *r)).collect();
        compare(&case, &scaled, &answers)
    }

    #[test]
    fn a_severe_partial_run() {
        // h1 exact, h2 and b1 one level low, b2 not answered.
        let cmp = run(&[("h1", 1), ("h2", 2), ("b1", 1)]);
        let ids: Vec<&str> = cmp.rows.iter().map(|r| r.criterion.as_str()).collect();
        assert_eq!(ids, ["h1", "h2", "b1", "b2"], "no reference, no row");
        let offsets: Vec<Option<i16>> = cmp.rows.iter().map(Row::offset).collect();
        assert_eq!(offsets, [Some(0), Some(-1), Some(-1), None]);
        assert_eq!((cmp.rated, cmp.exact, cmp.within_one), (3, 1, 3));
        let mean = cmp.mean_offset.expect("rated");
        assert!((mean + 2.0 / 3.0).abs() < 1e-9, "severe: {mean}");
        // h2 at 2 of 3 is the only middle rating of three given.
        assert!((cmp.middle_share - 1.0 / 3.0).abs() < 1e-9);
        // Each row explains itself with the reference level's descriptor.
        let why: Vec<(&str, &str)> = cmp
            .rows
            .iter()
            .map(|r| (r.descriptor.as_str(), r.reason.as_str()))
            .collect();
        assert_eq!(
            why,
            [
                ("H1", "bukti h1"),
                ("H3", "bukti h2"),
                ("B2", "bukti b1"),
                ("B5", "bukti b2")
            ]
        );
    }

    #[test]
    fn every_rating_in_the_middle() {
        let cmp = run(&[("h1", 2), ("h2", 2), ("b1", 3), ("b2", 3)]);
        assert_eq!((cmp.rated, cmp.exact), (4, 0));
        // b2 is two levels under its reference 5; the others one off.
        assert_eq!(cmp.within_one, 3);
        let mean = cmp.mean_offset.expect("rated");
        assert!(
            (mean - (1.0 - 1.0 + 1.0 - 2.0) / 4.0).abs() < 1e-9,
            "{mean}"
        );
        assert!((cmp.middle_share - 1.0).abs() < 1e-9);
    }

    #[test]
    fn a_lenient_run_and_a_rating_off_the_middle() {
        let cmp = run(&[("h1", 3), ("h2", 3), ("b1", 4), ("b2", 5)]);
        assert_eq!((cmp.exact, cmp.within_one), (2, 2));
        let mean = cmp.mean_offset.expect("rated");
        assert!((mean - 4.0 / 4.0).abs() < 1e-9, "lenient: {mean}");
        assert!(cmp.middle_share.abs() < 1e-9, "no middle rating");
    }

    #[test]
    fn a_run_is_compared_criterion_by_criterion() {
        let r = crate::data::reference().expect("reference");
        let case = crate::data::practice_cases(&r)
            .expect("cases")
            .into_iter()
            .find(|c| c.id == "latihan-01")
            .expect("latihan-01");
        let criteria = r.criteria_of_template(&case.template);
        // Halo: everything rated like her charming service (3 of 3, 4 of
        // 5) — reference 1 1 1 3 / 4 2 2 3 3 3 3.
        let mut answers = BTreeMap::new();
        for c in &criteria {
            answers.insert(c.criterion.id.clone(), if c.scale == 3 { 3 } else { 4 });
        }
        let cmp = compare(&case, &criteria, &answers);
        assert_eq!(cmp.rows.len(), 11);
        assert_eq!(cmp.rated, 11);
        // Exact: adm-pelayanan-informasi (3) and berorientasi-pelayanan (4).
        assert_eq!(cmp.exact, 2);
        // Within one: those two and the four behaviours at 3 (4 vs 3).
        assert_eq!(cmp.within_one, 6);
        // Offsets: +2 +2 +2 0 / 0 +2 +2 +1 +1 +1 +1 = 14 over 11.
        let mean = cmp.mean_offset.expect("rated");
        assert!((mean - 14.0 / 11.0).abs() < 1e-9, "{mean}");
        assert!(
            (cmp.middle_share - 0.0).abs() < 1e-9,
            "4 of 5 and 3 of 3 are not middle"
        );
        let arsip = cmp
            .rows
            .iter()
            .find(|r| r.criterion == "adm-penataan-arsip")
            .expect("row");
        assert_eq!(
            (arsip.given, arsip.reference, arsip.offset()),
            (Some(3), 1, Some(2))
        );
        assert!(
            arsip.descriptor.starts_with("Kurang dari 250 berkas"),
            "{}",
            arsip.descriptor
        );
        // Nothing answered: nothing rated.
        let none = compare(&case, &criteria, &BTreeMap::new());
        assert_eq!((none.rated, none.mean_offset), (0, None));
    }
}
