//! The rule files beside the reference data: angka kredit (Peraturan BKN
//! 3/2023), the predikat distribution (SE MenPANRB 3/2023) and the
//! appraiser practice cases, each checked against the reference data.

use super::{CREDIT_RULES, DEFAULT_SCHEME, DISTRIBUTION, PRACTICE, Problem};
use crate::domain::Reference;
use crate::domain::scheme::Scheme;
use crate::source::{SourceError, parse_toml};

/// Parses angka kredit rules; every grade must be one of `scheme`'s.
pub fn parse_credit_rules(
    file: &str,
    src: &str,
    scheme: &Scheme,
) -> Result<crate::domain::career::CreditRules, SourceError> {
    let rules: crate::domain::career::CreditRules = parse_toml(file, src)?;
    for (i, share) in rules.shares.iter().enumerate() {
        if scheme.grade(&share.grade).is_none() {
            let ids: Vec<&str> = scheme.grades.iter().map(|g| g.id.as_str()).collect();
            let msg = format!(
                "unknown grade {:?}; the scheme {} has {}",
                share.grade,
                scheme.id,
                ids.join(", ")
            );
            return Err(Problem::at("shares", i, "grade", msg).locate(file, src));
        }
    }
    Ok(rules)
}

/// The shipped angka kredit rules, checked against the default scheme.
pub fn credit_rules(
    reference: &Reference,
) -> Result<crate::domain::career::CreditRules, SourceError> {
    let (file, src) = CREDIT_RULES;
    let scheme = reference
        .scheme(DEFAULT_SCHEME)
        .ok_or_else(|| SourceError::new(file, None, None, "the default scheme is missing"))?;
    parse_credit_rules(file, src, scheme)
}

/// Parses distribution rules; their scheme must exist and every grade
/// must be one of its grades.
pub fn parse_distribution(
    file: &str,
    src: &str,
    reference: &Reference,
) -> Result<crate::domain::distribution::Rules, SourceError> {
    let rules: crate::domain::distribution::Rules = parse_toml(file, src)?;
    let Some(scheme) = reference.scheme(&rules.scheme) else {
        let msg = format!("unknown scheme {:?}", rules.scheme);
        return Err(Problem::top("scheme", msg).locate(file, src));
    };
    for (i, rule) in rules.rules.iter().enumerate() {
        for limit in &rule.limits {
            if let Some(bad) = limit.grades.iter().find(|g| scheme.grade(g).is_none()) {
                let ids: Vec<&str> = scheme.grades.iter().map(|g| g.id.as_str()).collect();
                let msg = format!(
                    "unknown grade {bad:?}; the scheme {} has {}",
                    scheme.id,
                    ids.join(", ")
                );
                return Err(Problem::at("rules", i, "limits", msg).locate(file, src));
            }
        }
    }
    Ok(rules)
}

/// The shipped distribution rules.
pub fn distribution_rules(
    reference: &Reference,
) -> Result<crate::domain::distribution::Rules, SourceError> {
    let (file, src) = DISTRIBUTION;
    parse_distribution(file, src, reference)
}

/// Parses a practice case: its template must exist, and every criterion
/// it is rated on (the template's and BerAKHLAK's) must have exactly one
/// reference rating within its scale, and no other criterion one.
pub fn parse_case(
    file: &str,
    src: &str,
    reference: &Reference,
) -> Result<crate::domain::practice::Case, SourceError> {
    let case: crate::domain::practice::Case = parse_toml(file, src)?;
    if reference.template(&case.template).is_none() {
        let msg = format!("unknown template {:?}", case.template);
        return Err(Problem::top("template", msg).locate(file, src));
    }
    if case.template == reference.behaviour_template {
        let msg = format!(
            "{:?} is added to every case; name the post's Hasil Kerja template",
            case.template
        );
        return Err(Problem::top("template", msg).locate(file, src));
    }
    let criteria = reference.criteria_of_template(&case.template);
    let scale_of = |id: &str| {
        criteria
            .iter()
            .find(|c| c.criterion.id == id)
            .map(|c| c.scale)
    };
    for (i, r) in case.reference.iter().enumerate() {
        let Some(scale) = scale_of(&r.criterion) else {
            let msg = format!(
                "criterion {:?} is not rated in template {}",
                r.criterion, case.template
            );
            return Err(Problem::at("reference", i, "criterion", msg).locate(file, src));
        };
        if r.rating == 0 || r.rating > scale {
            let msg = format!("rating {} is outside the scale 1–{scale}", r.rating);
            return Err(Problem::at("reference", i, "rating", msg).locate(file, src));
        }
        if case.reference[..i]
            .iter()
            .any(|x| x.criterion == r.criterion)
        {
            let msg = format!("criterion {:?} has a reference rating already", r.criterion);
            return Err(Problem::at("reference", i, "criterion", msg).locate(file, src));
        }
    }
    for c in &criteria {
        if case.reference_of(&c.criterion.id).is_none() {
            let msg = format!("criterion {:?} has no reference rating", c.criterion.id);
            return Err(Problem::top("reference", msg).locate(file, src));
        }
    }
    Ok(case)
}

/// The shipped practice cases.
pub fn practice_cases(
    reference: &Reference,
) -> Result<Vec<crate::domain::practice::Case>, SourceError> {
    PRACTICE
        .iter()
        .map(|(file, src)| parse_case(file, src, reference))
        .collect()
}
