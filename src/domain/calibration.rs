//! Rater calibration (the biases BKN training names): leniency or
//! severity, central tendency and halo per appraiser, and agreement
//! statistics (rwg, Krippendorff's α) where several ratings of the same
//! person exist. Pure: the store feeds the period's ratings.

use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// Figures are shown only from this many rated employees on.
pub const MIN_EMPLOYEES: usize = 5;
/// A mean offset from other appraisers of comparable staff of at least
/// this many levels reads as lenient (or, negative, severe).
pub const LENIENCY_LEVELS: f64 = 0.5;
/// At least this share of middle ratings reads as central tendency.
pub const CENTRAL_SHARE: f64 = 0.8;
/// A mean spread of one employee's ratings across criteria below this
/// (on ratings scaled to 0..1) reads as halo: every criterion alike.
pub const HALO_SPREAD: f64 = 0.1;

/// One rating given: the criterion, the level and the scale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Given {
    pub criterion: String,
    pub level: u8,
    pub scale: u8,
}

impl Given {
    /// The level on 0..1.
    fn unit(&self) -> f64 {
        if self.scale <= 1 {
            return 0.5;
        }
        f64::from(self.level - 1) / f64::from(self.scale - 1)
    }

    fn middle(&self) -> bool {
        self.scale % 2 == 1 && self.level == self.scale.div_ceil(2)
    }
}

/// One employee's ratings by their appraiser; `group` says who is
/// comparable (the same post template).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rated {
    pub appraiser: String,
    pub group: String,
    pub ratings: Vec<Given>,
    /// The employee's own ratings (a sent self-assessment), if any: a
    /// second rating of the same person.
    pub own: Vec<Given>,
}

/// How a measure reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Verdict {
    Ok,
    Lenient,
    Severe,
    CentralTendency,
    Halo,
}

/// One appraiser's figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RaterFigures {
    pub appraiser: String,
    pub employees: usize,
    /// `None` below [`MIN_EMPLOYEES`]: too few to say anything.
    pub figures: Option<Figures>,
    /// Agreement with the employees' own ratings; `None` with fewer
    /// than [`MIN_EMPLOYEES`] self-assessments.
    pub self_agreement: Option<Agreement>,
}

/// How far two ratings of the same people agree.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Agreement {
    /// Krippendorff's α (ordinal) over every criterion both rated.
    pub alpha: f64,
    /// The mean of rwg over those criteria (each a target rated twice).
    pub rwg: f64,
    /// How many criteria both rated.
    pub pairs: usize,
}

/// The measures, from enough employees.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figures {
    /// Mean of (own rating − mean of other appraisers' ratings of the
    /// same criterion for staff of the same group), in levels; `None`
    /// with nothing to compare with.
    pub offset: Option<f64>,
    pub comparisons: usize,
    /// Share of ratings at the middle level.
    pub middle_share: f64,
    /// Standard deviation of all their ratings, on 0..1.
    pub spread: f64,
    /// Mean within-employee standard deviation across criteria, on 0..1.
    pub halo_spread: f64,
    pub verdicts: Vec<Verdict>,
}

fn mean(v: &[f64]) -> Option<f64> {
    (!v.is_empty()).then(|| v.iter().sum::<f64>() / v.len() as f64)
}

/// Population standard deviation.
fn sd(v: &[f64]) -> f64 {
    mean(v).map_or(0.0, |m| {
        (v.iter().map(|x| (x - m).powi(2)).sum::<f64>() / v.len() as f64).sqrt()
    })
}

/// Each appraiser's figures, by appraiser id.
pub fn raters(all: &[Rated]) -> Vec<RaterFigures> {
    // Sum and count of ratings per (appraiser, group, criterion), and
    // per (group, criterion) over everyone: "the others" are the
    // difference, found without scanning.
    let mut cells = Cells::default();
    for r in all {
        for g in &r.ratings {
            let own = cells
                .own
                .entry((&r.appraiser, &r.group, &g.criterion))
                .or_default();
            own.0 += f64::from(g.level);
            own.1 += 1;
            let everyone = cells.all.entry((&r.group, &g.criterion)).or_default();
            everyone.0 += f64::from(g.level);
            everyone.1 += 1;
        }
    }
    let mut by_appraiser: BTreeMap<&str, Vec<&Rated>> = BTreeMap::new();
    for r in all {
        by_appraiser.entry(&r.appraiser).or_default().push(r);
    }
    by_appraiser
        .into_iter()
        .map(|(appraiser, staff)| {
            let employees = staff.len();
            let figures = (employees >= MIN_EMPLOYEES).then(|| figures(appraiser, &staff, &cells));
            RaterFigures {
                appraiser: appraiser.to_string(),
                employees,
                figures,
                self_agreement: self_agreement(&staff),
            }
        })
        .collect()
}

/// Rating sums and counts, per appraiser and over everyone.
#[derive(Default)]
struct Cells<'a> {
    own: HashMap<(&'a str, &'a str, &'a str), (f64, usize)>,
    all: HashMap<(&'a str, &'a str), (f64, usize)>,
}

impl Cells<'_> {
    /// Sum and count of the other appraisers' ratings of a criterion in a
    /// group.
    fn others(&self, appraiser: &str, group: &str, criterion: &str) -> (f64, usize) {
        let (s, n) = self
            .all
            .get(&(group, criterion))
            .copied()
            .unwrap_or_default();
        let (os, on) = self
            .own
            .get(&(appraiser, group, criterion))
            .copied()
            .unwrap_or_default();
        (s - os, n - on)
    }
}

fn figures(appraiser: &str, staff: &[&Rated], cells: &Cells<'_>) -> Figures {
    let mut offsets = Vec::new();
    let mut all = Vec::new();
    let mut middle = 0;
    let mut halo = Vec::new();
    for r in staff {
        for g in &r.ratings {
            all.push(g.unit());
            middle += usize::from(g.middle());
            // Other appraisers' ratings of this criterion in this group.
            let (sum, n) = cells.others(appraiser, &r.group, &g.criterion);
            if n > 0 {
                offsets.push(f64::from(g.level) - sum / n as f64);
            }
        }
        let units: Vec<f64> = r.ratings.iter().map(Given::unit).collect();
        if units.len() > 1 {
            halo.push(sd(&units));
        }
    }
    let offset = mean(&offsets);
    let middle_share = if all.is_empty() {
        0.0
    } else {
        middle as f64 / all.len() as f64
    };
    let halo_spread = mean(&halo).unwrap_or(0.0);
    let mut verdicts = Vec::new();
    match offset {
        Some(o) if o >= LENIENCY_LEVELS => verdicts.push(Verdict::Lenient),
        Some(o) if o <= -LENIENCY_LEVELS => verdicts.push(Verdict::Severe),
        _ => {}
    }
    if middle_share >= CENTRAL_SHARE {
        verdicts.push(Verdict::CentralTendency);
    }
    if !halo.is_empty() && halo_spread < HALO_SPREAD {
        verdicts.push(Verdict::Halo);
    }
    if verdicts.is_empty() {
        verdicts.push(Verdict::Ok);
    }
    Figures {
        offset,
        comparisons: offsets.len(),
        middle_share,
        spread: sd(&all),
        halo_spread,
        verdicts,
    }
}

/// α and rwg between the appraiser's and the employees' own ratings,
/// each (employee, criterion) a unit rated twice.
fn self_agreement(staff: &[&Rated]) -> Option<Agreement> {
    let with_own = staff.iter().filter(|r| !r.own.is_empty()).count();
    if with_own < MIN_EMPLOYEES {
        return None;
    }
    let pairs: Vec<(f64, f64, u8)> = staff
        .iter()
        .flat_map(|r| {
            r.ratings.iter().filter_map(|g| {
                let own = r.own.iter().find(|o| o.criterion == g.criterion)?;
                Some((f64::from(g.level), f64::from(own.level), g.scale))
            })
        })
        .collect();
    let units: Vec<Vec<Option<f64>>> = pairs
        .iter()
        .map(|(a, b, _)| vec![Some(*a), Some(*b)])
        .collect();
    let alpha = krippendorff_alpha(&units, Metric::Ordinal)?;
    let rwgs: Vec<f64> = pairs
        .iter()
        .filter_map(|(a, b, scale)| rwg(&[*a, *b], *scale))
        .collect();
    Some(Agreement {
        alpha,
        rwg: mean(&rwgs)?,
        pairs: pairs.len(),
    })
}

/// Within-group agreement of several ratings of one target on an
/// `points`-level scale: rwg = 1 − s² / ((A² − 1) / 12), with the sample
/// variance s² (n − 1), clamped at 0 as is customary (a variance above
/// the uniform null's means no agreement). `None` below two ratings.
pub fn rwg(ratings: &[f64], points: u8) -> Option<f64> {
    if ratings.len() < 2 || points < 2 {
        return None;
    }
    let m = mean(ratings)?;
    let s2 = ratings.iter().map(|x| (x - m).powi(2)).sum::<f64>() / (ratings.len() - 1) as f64;
    let null = (f64::from(points).powi(2) - 1.0) / 12.0;
    Some((1.0 - s2 / null).max(0.0))
}

/// How far apart two values are, for Krippendorff's α.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metric {
    Nominal,
    Ordinal,
    Interval,
}

/// Krippendorff's α over `units` (each a list of the values raters gave
/// it, `None` where a rater gave none), through the coincidence matrix;
/// units with fewer than two values are left out. `None` when no pair is
/// left or the values do not vary.
pub fn krippendorff_alpha(units: &[Vec<Option<f64>>], metric: Metric) -> Option<f64> {
    let mut values: Vec<f64> = units.iter().flatten().flatten().copied().collect();
    values.sort_by(f64::total_cmp);
    values.dedup();
    let index = |v: f64| values.binary_search_by(|x| x.total_cmp(&v)).unwrap_or(0);
    let k = values.len();
    let mut o = vec![vec![0.0; k]; k];
    for unit in units {
        let present: Vec<f64> = unit.iter().flatten().copied().collect();
        let m = present.len();
        if m < 2 {
            continue;
        }
        for (i, a) in present.iter().enumerate() {
            for (j, b) in present.iter().enumerate() {
                if i != j {
                    o[index(*a)][index(*b)] += 1.0 / (m - 1) as f64;
                }
            }
        }
    }
    let n_c: Vec<f64> = o.iter().map(|row| row.iter().sum()).collect();
    let n: f64 = n_c.iter().sum();
    if n < 2.0 {
        return None;
    }
    let delta = |c: usize, d: usize| -> f64 {
        match metric {
            Metric::Nominal => f64::from(u8::from(c != d)),
            Metric::Interval => (values[c] - values[d]).powi(2),
            Metric::Ordinal => {
                let (lo, hi) = (c.min(d), c.max(d));
                let between: f64 = n_c[lo..=hi].iter().sum();
                (between - f64::midpoint(n_c[c], n_c[d])).powi(2)
            }
        }
    };
    let (mut observed, mut expected) = (0.0, 0.0);
    for c in 0..k {
        for d in 0..k {
            observed += o[c][d] * delta(c, d);
            expected += n_c[c] * n_c[d] * delta(c, d);
        }
    }
    if expected == 0.0 {
        return None;
    }
    Some(1.0 - (n - 1.0) * observed / expected)
}

#[cfg(test)]
mod tests;
