//! The unit dashboard's figures for one period: progress, the predikat
//! distribution against the unit's own result, and training needs. Pure:
//! the store gathers the records the asker may see and calls [`compute`].

use super::SelfAssessment;
use super::calibration::{Given, Rated, RaterFigures, raters};
use super::career::{Need, training_needs};
use super::distribution::{Breach, Limit, Rules};
use super::org_result::{OrgResult, UnitResult};
use super::progress::{Stage, UnitProgress, progress};
use super::summary::summarize;
use super::training::Programme;
use super::{Assessment, Nip, Person, Reference, Scheme};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};

/// Everything the dashboard shows of a period.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dashboard {
    pub period: String,
    /// The period is over: what is not submitted is late.
    pub ended: bool,
    /// The grade ids of the period's scheme, best first, with labels.
    pub grades: Vec<(String, String)>,
    pub units: Vec<UnitFigures>,
    /// Training needs over every unit shown.
    pub training: Vec<Need>,
    /// Each appraiser's calibration figures over the staff shown.
    pub raters: Vec<RaterFigures>,
}

impl Dashboard {
    /// An appraiser's calibration figures.
    pub fn rater(&self, appraiser: &Nip) -> Option<&RaterFigures> {
        self.raters
            .iter()
            .find(|r| r.appraiser == appraiser.as_str())
    }
}

/// One unit's figures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnitFigures {
    pub progress: UnitProgress,
    /// Per grade id (in `Dashboard::grades` order), how many results of
    /// the unit have it, counting results submitted or further along.
    pub predikat: Vec<usize>,
    /// The unit's Capaian Kinerja Organisasi, if entered.
    pub result: Option<OrgResult>,
    /// The distribution limits that result sets, as far as broken.
    pub breaches: Vec<Breach>,
    /// The limits that result sets (to draw in), whether broken or not.
    pub limits: Vec<Limit>,
    pub training: Vec<Need>,
}

impl UnitFigures {
    pub fn unit(&self) -> &str {
        &self.progress.unit
    }

    /// Results counted in the distribution.
    pub fn judged(&self) -> usize {
        self.predikat.iter().sum()
    }
}

/// What the figures are computed from.
pub struct Input<'a> {
    pub period: &'a str,
    pub ended: bool,
    /// The people in the asker's view.
    pub people: Vec<&'a Person>,
    pub reference: &'a Reference,
    pub scheme: &'a Scheme,
    pub results: &'a [UnitResult],
    /// The distribution rules, when they are for the period's scheme.
    pub rules: Option<&'a Rules>,
    /// The employees' self-assessments the asker may read; the sent ones
    /// count, for the agreement with the appraisers' ratings.
    pub selfs: &'a [SelfAssessment],
}

/// Computes the dashboard; `assessment` finds a person's record.
pub fn compute<'a>(
    input: &Input<'a>,
    assessment: impl Fn(&Nip) -> Option<&'a Assessment> + Copy,
) -> Dashboard {
    let grades: Vec<(String, String)> = input
        .scheme
        .grades
        .iter()
        .map(|g| (g.id.clone(), g.label.clone()))
        .collect();
    let units = progress(input.people.iter().copied(), assessment, input.ended);
    let sent: HashMap<&Nip, &SelfAssessment> = input
        .selfs
        .iter()
        .filter(|s| s.sent.is_some())
        .map(|s| (&s.key.employee, s))
        .collect();
    let mut rated = Vec::new();
    let mut by_unit: BTreeMap<&str, (Vec<usize>, Vec<Vec<&Programme>>)> = BTreeMap::new();
    for p in &input.people {
        let Some(a) = assessment(&p.nip) else {
            continue;
        };
        let criteria = match a.frozen.as_deref() {
            Some(f) => f.scaled(),
            None => input.reference.criteria_of(p),
        };
        // Calibration counts every rating given, drafts too: it is most
        // useful before submitting.
        let given = |rating: &dyn Fn(&str) -> Option<u8>| -> Vec<Given> {
            criteria
                .iter()
                .filter_map(|c| {
                    rating(&c.criterion.id).map(|level| Given {
                        criterion: c.criterion.id.clone(),
                        level,
                        scale: c.scale,
                    })
                })
                .collect()
        };
        let ratings = given(&|id| a.rating(id));
        if !ratings.is_empty() {
            let own = sent
                .get(&p.nip)
                .map_or_else(Vec::new, |s| given(&|id| s.rating(id)));
            rated.push(Rated {
                appraiser: a.appraiser.to_string(),
                group: p.template.clone(),
                ratings,
                own,
            });
        }
        if Stage::of(Some(a)) < Stage::Submitted {
            continue;
        }
        let s = summarize(&criteria, a, input.scheme, &input.reference.catalogue);
        let entry = by_unit
            .entry(p.unit.as_str())
            .or_insert_with(|| (vec![0; grades.len()], Vec::new()));
        if let Some(i) = s
            .outcome
            .as_ref()
            .and_then(|o| grades.iter().position(|(id, _)| id == o.grade()))
        {
            entry.0[i] += 1;
        }
        entry.1.push(
            s.improvements
                .iter()
                .flat_map(|item| item.training.iter().copied())
                .collect(),
        );
    }
    let mut all_needs: Vec<Vec<&Programme>> = Vec::new();
    let units = units
        .into_iter()
        .map(|progress| {
            let (predikat, needs) = by_unit
                .remove(progress.unit.as_str())
                .unwrap_or_else(|| (vec![0; grades.len()], Vec::new()));
            all_needs.extend(needs.iter().cloned());
            let result = input
                .results
                .iter()
                .find(|r| r.period == input.period && r.unit == progress.unit)
                .map(|r| r.result);
            let rules = input.rules.filter(|r| r.scheme == input.scheme.id);
            let total = predikat.iter().sum();
            let count_of = |g: &str| {
                grades
                    .iter()
                    .position(|(id, _)| id == g)
                    .map_or(0, |i| predikat[i])
            };
            let breaches = match (rules, result) {
                (Some(r), Some(res)) => r.check(res, count_of, total),
                _ => Vec::new(),
            };
            let limits = match (rules, result) {
                (Some(r), Some(res)) => r
                    .rules
                    .iter()
                    .find(|x| x.organisation == res)
                    .map_or_else(Vec::new, |x| x.limits.clone()),
                _ => Vec::new(),
            };
            UnitFigures {
                progress,
                predikat,
                result,
                breaches,
                limits,
                training: training_needs(needs),
            }
        })
        .collect();
    Dashboard {
        period: input.period.to_string(),
        ended: input.ended,
        grades,
        units,
        training: training_needs(all_needs),
        raters: raters(&rated),
    }
}

#[cfg(test)]
mod tests;
