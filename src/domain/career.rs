//! What results feed: promotion eligibility (kenaikan pangkat reguler),
//! angka kredit for functional posts (Peraturan BKN 3/2023), and a unit's
//! training needs (PP 17/2020). The credit rules are data
//! (`data/angka-kredit.toml`); this module only applies them.

use super::org::Period;
use super::training::Programme;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A functional post level (jenjang) and its yearly credit coefficient.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Jenjang {
    /// How the level ends a post's name, e.g. "Ahli Muda".
    pub label: String,
    pub coefficient: f64,
}

/// The percentage of the coefficient a predikat earns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Share {
    /// A grade id of the scheme (`sangat_baik`, ...).
    pub grade: String,
    pub percent: f64,
}

/// The angka kredit rules.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CreditRules {
    pub jenjang: Vec<Jenjang>,
    pub shares: Vec<Share>,
}

impl CreditRules {
    /// The level a post's name ends with (case-insensitive; the longest
    /// label wins), or `None` for a post that is not functional.
    pub fn jenjang_of(&self, post: &str) -> Option<&Jenjang> {
        let post = post.trim().to_lowercase();
        self.jenjang
            .iter()
            .filter(|j| post.ends_with(&j.label.to_lowercase()))
            .max_by_key(|j| j.label.len())
    }

    /// The credit a post earns in a period with a predikat:
    /// months/12 × percentage × coefficient. `None` when the post is not
    /// functional or the grade earns no credit under these rules.
    pub fn credit(&self, post: &str, grade: &str, months: u32) -> Option<f64> {
        let j = self.jenjang_of(post)?;
        let share = self.shares.iter().find(|s| s.grade == grade)?;
        Some(f64::from(months.min(12)) / 12.0 * share.percent / 100.0 * j.coefficient)
    }
}

/// Whole months a period covers (inclusive ISO dates; a period from the
/// 1st to the last day of a month counts that month). `None` for a date
/// that is not `YYYY-MM-DD`.
pub fn months(period: &Period) -> Option<u32> {
    let ym = |s: &str| -> Option<(i32, i32)> {
        let mut it = s.split('-');
        let y = it.next()?.parse().ok()?;
        let m = it.next()?.parse().ok()?;
        it.next()?;
        Some((y, m))
    };
    let (y0, m0) = ym(&period.start)?;
    let (y1, m1) = ym(&period.end)?;
    u32::try_from((y1 - y0) * 12 + (m1 - m0) + 1).ok()
}

/// An annual period: 1 January to 31 December of one year.
pub fn is_annual(period: &Period) -> bool {
    period.start.get(..4) == period.end.get(..4)
        && period.start.ends_with("-01-01")
        && period.end.ends_with("-12-31")
}

/// Whether the last two annual results allow a regular promotion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Promotion {
    /// At least Baik in each of the last two annual results.
    Eligible,
    /// Not yet: the periods among the last two years without a final
    /// result of at least Baik, and how many of the two years have no
    /// period on record at all.
    NotYet {
        short: Vec<String>,
        missing_years: u8,
    },
}

/// `annual`: the employee's annual periods that ended, oldest first, each
/// with whether its final result counts as at least Baik (`None`: no
/// final result). Time in rank is not recorded here: this is only the
/// performance condition.
pub fn promotion(annual: &[(&Period, Option<bool>)]) -> Promotion {
    let last: Vec<_> = annual.iter().rev().take(2).collect();
    let short: Vec<String> = last
        .iter()
        .filter(|(_, baik)| *baik != Some(true))
        .map(|(p, _)| p.id.clone())
        .collect();
    let missing_years = 2 - last.len() as u8;
    if short.is_empty() && missing_years == 0 {
        Promotion::Eligible
    } else {
        Promotion::NotYet {
            short,
            missing_years,
        }
    }
}

/// One programme a unit needs, and for whom.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Need {
    pub programme: String,
    pub name: String,
    /// Lesson-hours per person.
    pub jp: u16,
    pub people: usize,
}

impl Need {
    pub fn total_jp(&self) -> usize {
        self.people * usize::from(self.jp)
    }
}

/// The unit's training needs from each employee's recommended programmes
/// (those paired with their areas needing improvement): a programme
/// counts once per person, most needed first.
pub fn training_needs<'a>(per_person: impl IntoIterator<Item = Vec<&'a Programme>>) -> Vec<Need> {
    let mut needs: BTreeMap<&str, Need> = BTreeMap::new();
    for programmes in per_person {
        let mut seen: Vec<&str> = Vec::new();
        for p in programmes {
            if seen.contains(&p.id.as_str()) {
                continue;
            }
            seen.push(&p.id);
            needs
                .entry(&p.id)
                .or_insert_with(|| Need {
                    programme: p.id.clone(),
                    name: p.name.clone(),
                    jp: p.jp,
                    people: 0,
                })
                .people += 1;
        }
    }
    let mut v: Vec<Need> = needs.into_values().collect();
    v.sort_by(|a, b| b.people.cmp(&a.people).then(a.programme.cmp(&b.programme)));
    v
}

/// The periods that stand for each year's result, oldest first: the
/// annual period of a year, else the period that ends on its 31 December;
/// only years whose period has ended by `today` (ISO date).
pub fn year_periods<'a>(periods: &'a [Period], today: &str) -> Vec<&'a Period> {
    let mut by_year: BTreeMap<&str, &Period> = BTreeMap::new();
    for p in periods {
        let (Some(year), true) = (p.end.get(..4), p.end.ends_with("-12-31")) else {
            continue;
        };
        if p.end.as_str() >= today {
            continue;
        }
        let better = by_year
            .get(year)
            .is_none_or(|q| is_annual(p) && !is_annual(q));
        if better {
            by_year.insert(year, p);
        }
    }
    by_year.into_values().collect()
}

/// One employee's career figures for a period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CareerRow {
    pub nip: super::Nip,
    /// The final predikat of the period (approved or further), as a label.
    pub grade: Option<String>,
    /// The functional level read from the post, if any.
    pub jenjang: Option<String>,
    /// Angka kredit earned in the period, for a functional post with a
    /// final result.
    pub credit: Option<f64>,
    pub promotion: Promotion,
}

/// A unit's career figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitCareer {
    pub unit: String,
    pub rows: Vec<CareerRow>,
}

impl UnitCareer {
    pub fn eligible(&self) -> usize {
        self.rows
            .iter()
            .filter(|r| r.promotion == Promotion::Eligible)
            .count()
    }

    pub fn credit(&self) -> f64 {
        // Folded from +0.0: an empty sum of f64 is -0.0.
        self.rows
            .iter()
            .filter_map(|r| r.credit)
            .fold(0.0, |a, c| a + c)
    }
}

#[cfg(test)]
mod tests;
