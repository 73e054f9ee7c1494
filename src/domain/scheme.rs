//! Schemes turn the two aspect results into the final result: the
//! PermenPANRB 6/2022 predikat matrix or the PP 46/2011 numeric bands.
//! Both are data (`data/schemes/*.toml`); this module only interprets them.

use super::template::Expectation;
use serde::{Deserialize, Serialize};

/// A predikat or band with its labels.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Grade {
    pub id: String,
    pub label: String,
    /// Whether this result counts as at least Baik for promotion.
    #[serde(default)]
    pub counts_as_baik: bool,
}

/// One cell of the predikat matrix.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MatrixCell {
    pub hasil: Expectation,
    pub perilaku: Expectation,
    pub predikat: String,
}

/// PermenPANRB 6/2022: rows Hasil Kerja, columns Perilaku Kerja.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Matrix {
    pub cells: Vec<MatrixCell>,
}

/// Points given to each level of one scale (office convention, stated in the scheme file).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LevelPoints {
    pub scale: u8,
    pub points: Vec<f64>,
}

/// A numeric band: scores at or above `min` (and below the next band) get `grade`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub min: f64,
    pub grade: String,
}

/// PP 46/2011: Nilai Prestasi Kerja = w·SKP + (1−w)·Perilaku, then bands.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Numeric {
    pub skp_weight: f64,
    pub perilaku_weight: f64,
    pub points: Vec<LevelPoints>,
    pub bands: Vec<Band>,
}

/// A scheme as loaded from `data/schemes/`: exactly one of `matrix` and `numeric`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scheme {
    pub id: String,
    pub name: String,
    pub description: String,
    pub grades: Vec<Grade>,
    pub matrix: Option<Matrix>,
    pub numeric: Option<Numeric>,
}

/// The final result of an assessment under its scheme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Outcome {
    Predikat {
        hasil: Expectation,
        perilaku: Expectation,
        grade: String,
    },
    Score {
        skp: f64,
        perilaku: f64,
        total: f64,
        grade: String,
    },
}

impl Outcome {
    pub fn grade(&self) -> &str {
        match self {
            Self::Predikat { grade, .. } | Self::Score { grade, .. } => grade,
        }
    }
}

impl Scheme {
    pub fn grade(&self, id: &str) -> Option<&Grade> {
        self.grades.iter().find(|g| g.id == id)
    }

    /// The human label of a grade id, or the id itself if unknown.
    pub fn grade_label<'a>(&'a self, id: &'a str) -> &'a str {
        self.grade(id).map_or(id, |g| g.label.as_str())
    }

    /// The matrix cell for a pair of aspect results.
    pub fn predikat(&self, hasil: Expectation, perilaku: Expectation) -> Option<&str> {
        self.matrix.as_ref()?.cells.iter().find_map(|c| {
            (c.hasil == hasil && c.perilaku == perilaku).then_some(c.predikat.as_str())
        })
    }

    /// Points for one rating on a scale, under the numeric scheme.
    pub fn points(&self, rating: u8, scale: u8) -> Option<f64> {
        let numeric = self.numeric.as_ref()?;
        let table = numeric.points.iter().find(|p| p.scale == scale)?;
        table
            .points
            .get(usize::from(rating).checked_sub(1)?)
            .copied()
    }

    /// The band a numeric total falls in.
    pub fn band(&self, total: f64) -> Option<&str> {
        let numeric = self.numeric.as_ref()?;
        numeric
            .bands
            .iter()
            .filter(|b| total >= b.min)
            .max_by(|a, b| a.min.total_cmp(&b.min))
            .map(|b| b.grade.as_str())
    }

    /// Checks what serde cannot: one kind, a full matrix, known grades,
    /// weights summing to 1, point tables matching their scale.
    /// Errors name the field so the loader can point at the line.
    pub fn validate(&self) -> Result<(), (String, String)> {
        let known = |g: &str| self.grades.iter().any(|x| x.id == g);
        match (&self.matrix, &self.numeric) {
            (Some(_), Some(_)) | (None, None) => {
                return Err((
                    "matrix".into(),
                    "a scheme needs exactly one of [matrix] and [numeric]".into(),
                ));
            }
            (Some(m), None) => {
                for h in Expectation::ALL {
                    for p in Expectation::ALL {
                        let n = m
                            .cells
                            .iter()
                            .filter(|c| c.hasil == h && c.perilaku == p)
                            .count();
                        if n != 1 {
                            return Err((
                                "matrix.cells".into(),
                                format!(
                                    "cell hasil={h:?} perilaku={p:?} appears {n} times, needs 1"
                                ),
                            ));
                        }
                    }
                }
                if let Some(c) = m.cells.iter().find(|c| !known(&c.predikat)) {
                    return Err((
                        "matrix.cells.predikat".into(),
                        format!("unknown grade {:?}", c.predikat),
                    ));
                }
            }
            (None, Some(n)) => {
                if ((n.skp_weight + n.perilaku_weight) - 1.0).abs() > 1e-9 {
                    return Err((
                        "numeric.skp_weight".into(),
                        "skp_weight + perilaku_weight must be 1".into(),
                    ));
                }
                if let Some(p) = n
                    .points
                    .iter()
                    .find(|p| p.points.len() != usize::from(p.scale))
                {
                    return Err((
                        "numeric.points".into(),
                        format!(
                            "scale {} needs {} points, found {}",
                            p.scale,
                            p.scale,
                            p.points.len()
                        ),
                    ));
                }
                if let Some(b) = n.bands.iter().find(|b| !known(&b.grade)) {
                    return Err((
                        "numeric.bands.grade".into(),
                        format!("unknown grade {:?}", b.grade),
                    ));
                }
                if !n.bands.iter().any(|b| b.min <= 0.0) {
                    return Err(("numeric.bands".into(), "one band must start at 0".into()));
                }
            }
        }
        Ok(())
    }
}
