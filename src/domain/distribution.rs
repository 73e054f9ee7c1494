//! The distribution of predikat a unit's result allows (SE MenPANRB
//! 3/2023): the rules are data (`data/distribution.toml`); this module
//! checks a unit's counts against them and says which limit is broken by
//! how many people. Warnings, never blocks.

use super::org_result::OrgResult;
use serde::{Deserialize, Serialize};

/// One limit on the share (or number) of results with some grades.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Limit {
    /// Grade ids of the scheme; the limit counts them together.
    pub grades: Vec<String>,
    #[serde(default)]
    pub min_percent: Option<f64>,
    #[serde(default)]
    pub max_percent: Option<f64>,
    /// At least this many people ("there must be some").
    #[serde(default)]
    pub min_people: Option<usize>,
}

/// The limits for one organisation result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    pub organisation: OrgResult,
    pub limits: Vec<Limit>,
}

/// The rules for one scheme.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rules {
    pub scheme: String,
    pub rules: Vec<Rule>,
}

/// Which side of a limit was crossed.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum Bound {
    AtMostPercent(f64),
    AtLeastPercent(f64),
    AtLeastPeople(usize),
}

/// A broken limit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Breach {
    pub grades: Vec<String>,
    pub bound: Bound,
    /// How many results have the grades, of how many.
    pub count: usize,
    pub total: usize,
    /// The fewest people whose predikat would have to differ for the
    /// limit to hold.
    pub by: usize,
}

/// `a × b / 100` rounded down and up, for whole counts and a percentage
/// with at most a few decimals (exact enough: counts are small).
fn share(total: usize, percent: f64) -> (usize, usize) {
    let exact = total as f64 * percent / 100.0;
    // Guard against 0.7 × 10 = 6.999…: round to 1e-9 first.
    let exact = (exact * 1e9).round() / 1e9;
    (exact.floor() as usize, exact.ceil() as usize)
}

impl Rules {
    /// The limits broken by a unit with this result and these counts per
    /// grade id. An empty unit breaks nothing.
    pub fn check(
        &self,
        result: OrgResult,
        count_of: impl Fn(&str) -> usize,
        total: usize,
    ) -> Vec<Breach> {
        let Some(rule) = self.rules.iter().find(|r| r.organisation == result) else {
            return Vec::new();
        };
        if total == 0 {
            return Vec::new();
        }
        let mut out = Vec::new();
        for l in &rule.limits {
            let count: usize = l.grades.iter().map(|g| count_of(g)).sum();
            let mut breach = |bound: Bound, by: usize| {
                if by > 0 {
                    out.push(Breach {
                        grades: l.grades.clone(),
                        bound,
                        count,
                        total,
                        by,
                    });
                }
            };
            if let Some(p) = l.max_percent {
                let (allowed, _) = share(total, p);
                breach(Bound::AtMostPercent(p), count.saturating_sub(allowed));
            }
            if let Some(p) = l.min_percent {
                let (_, needed) = share(total, p);
                breach(Bound::AtLeastPercent(p), needed.saturating_sub(count));
            }
            if let Some(n) = l.min_people {
                breach(Bound::AtLeastPeople(n), n.saturating_sub(count));
            }
        }
        out
    }
}

#[cfg(test)]
mod tests;
