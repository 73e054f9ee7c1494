//! The shipped data files (`data/`): schemes, templates, the training
//! catalogue and the fictional demo roster, compiled in with `include_str!`.
//! This is the only module that knows about `data/`; the `parse_*` loaders
//! take (file name, text) so imports and tests can feed other sources.

mod check;
mod history;
mod locate;
mod rules;
mod synthetic;

pub use check::ASPEK;
pub use check::org::{Issue as OrgIssue, Rule as OrgRule};
pub use locate::Problem;
pub use rules::{
    credit_rules, distribution_rules, parse_case, parse_credit_rules, parse_distribution,
    practice_cases,
};
pub use synthetic::synthetic;

use crate::domain::scheme::Scheme;
use crate::domain::template::Template;
use crate::domain::{Assessment, Catalogue, Org, Reference};
use crate::i18n::{Strings, fill};
use crate::source::{SourceError, parse_toml};
use std::collections::HashSet;

/// A data file as (path shown in messages, contents).
pub type DataFile = (&'static str, &'static str);

macro_rules! data_file {
    ($path:literal) => {
        ($path, include_str!(concat!("../", $path)))
    };
}

/// The shipped schemes; the first is the default.
pub const SCHEMES: &[DataFile] = &[
    data_file!("data/schemes/permenpanrb-6-2022.toml"),
    data_file!("data/schemes/pp-46-2011.toml"),
];

/// The shipped templates: BerAKHLAK and the Hasil Kerja templates per post.
pub const TEMPLATES: &[DataFile] = &[
    data_file!("data/templates/berakhlak.toml"),
    data_file!("data/templates/guru.toml"),
    data_file!("data/templates/nakes-puskesmas.toml"),
    data_file!("data/templates/pelaksana-administrasi.toml"),
    data_file!("data/templates/pranata-komputer.toml"),
    data_file!("data/templates/analis-sdm.toml"),
    data_file!("data/templates/pimpinan.toml"),
];

pub const TRAINING: DataFile = data_file!("data/training.toml");

/// The appraiser practice cases (fictional people only).
pub const PRACTICE: &[DataFile] = &[
    data_file!("data/practice/latihan-01.toml"),
    data_file!("data/practice/latihan-02.toml"),
    data_file!("data/practice/latihan-03.toml"),
    data_file!("data/practice/latihan-04.toml"),
];

/// The predikat distribution rules (SE MenPANRB 3/2023).
pub const DISTRIBUTION: DataFile = data_file!("data/distribution.toml");

/// The angka kredit rules (jenjang coefficients, predikat percentages).
pub const CREDIT_RULES: DataFile = data_file!("data/angka-kredit.toml");

/// The fictional Kota Ambon roster used by `kinerja demo`.
pub const DEMO_ORG: DataFile = data_file!("data/demo/org.toml");

/// The scheme used when a period names none (PermenPANRB 6/2022).
pub const DEFAULT_SCHEME: &str = "permenpanrb-6-2022";

/// The template every employee's behaviour is rated on.
pub const BEHAVIOUR_TEMPLATE: &str = "berakhlak";

/// The seed of the demo's generated history, fixed so every run is the same.
const DEMO_SEED: u64 = 0x4b49_4e45_524a_4121;

/// An organisation ready to explore: roster, reference data and a generated
/// history of assessments, as loaded by `kinerja demo`.
#[derive(Debug, Clone)]
pub struct Demo {
    pub org: Org,
    pub reference: Reference,
    pub assessments: Vec<Assessment>,
    /// The period appraisers are working in now.
    pub active_period: String,
}

impl From<Demo> for crate::store::Request {
    /// The store request that loads a demo or synthetic organisation.
    fn from(d: Demo) -> Self {
        Self::Seed {
            org: d.org,
            reference: d.reference,
            assessments: d.assessments,
            active_period: Some(d.active_period),
        }
    }
}

/// Parses and checks one scheme file.
pub fn parse_scheme(file: &str, src: &str) -> Result<Scheme, SourceError> {
    let s: Scheme = parse_toml(file, src)?;
    check::scheme(&s).map_err(|p| p.locate(file, src))?;
    Ok(s)
}

/// Parses and checks one template file on its own.
pub fn parse_template(file: &str, src: &str) -> Result<Template, SourceError> {
    let t: Template = parse_toml(file, src)?;
    check::template(&t).map_err(|p| p.locate(file, src))?;
    Ok(t)
}

/// Every problem of a template written by hand, worded in the UI language
/// of `s`: its own rules, and the rules between it and the other templates
/// and schemes of `reference` (a stored template with its id is the one it
/// replaces, so it is not an "other"). Empty when the template may join.
pub fn template_problems(t: &Template, reference: &Reference, s: &Strings) -> Vec<Problem> {
    let mut out = check::template_problems(t, s);
    let others = reference
        .templates
        .iter()
        .filter(|o| o.id != t.id)
        .map(|o| (o, fill(s.tpl_template_place, &[("id", &o.id)])));
    out.extend(check::template_joins(
        t,
        others,
        &reference.behaviour_template,
        s,
    ));
    if let Some(scheme) = check::scheme_without_points(&reference.schemes, t.scale) {
        let scales: Vec<String> = scheme
            .numeric
            .iter()
            .flat_map(|n| n.points.iter().map(|p| p.scale.to_string()))
            .collect();
        let scale = t.scale.to_string();
        let args = [
            ("scheme", scheme.id.as_str()),
            ("scale", &scale),
            ("scales", &scales.join(", ")),
        ];
        out.push(Problem::top("scale", fill(s.tpl_no_points, &args)));
    }
    out
}

/// Parses the training catalogue; every programme must name criteria of `templates`.
pub fn parse_catalogue(
    file: &str,
    src: &str,
    templates: &[Template],
) -> Result<Catalogue, SourceError> {
    let cat: Catalogue = parse_toml(file, src)?;
    let known: HashSet<&str> = templates
        .iter()
        .flat_map(|t| t.criteria.iter().map(|c| c.id.as_str()))
        .collect();
    check::catalogue(&cat, &known).map_err(|p| p.locate(file, src))?;
    Ok(cat)
}

/// Builds reference data from scheme, template and training files, checking
/// what spans files: unique scheme, template and criterion ids, the
/// BerAKHLAK behaviour template, and point tables for every template scale.
pub fn reference_from(
    schemes: &[(&str, &str)],
    templates: &[(&str, &str)],
    training: (&str, &str),
) -> Result<Reference, SourceError> {
    let mut out = Reference {
        behaviour_template: BEHAVIOUR_TEMPLATE.to_string(),
        ..Reference::default()
    };
    let mut scheme_files: Vec<(&str, &str)> = Vec::new();
    for &(file, src) in schemes {
        let s = parse_scheme(file, src)?;
        if let Some(i) = out.schemes.iter().position(|x| x.id == s.id) {
            return Err(Problem::top(
                "id",
                format!("scheme id {:?} is also used in {}", s.id, scheme_files[i].0),
            )
            .locate(file, src));
        }
        out.schemes.push(s);
        scheme_files.push((file, src));
    }
    let mut template_files: Vec<&str> = Vec::new();
    for &(file, src) in templates {
        let t = parse_template(file, src)?;
        if let Some(i) = out.templates.iter().position(|x| x.id == t.id) {
            return Err(Problem::top(
                "id",
                format!(
                    "template id {:?} is also used in {}",
                    t.id, template_files[i]
                ),
            )
            .locate(file, src));
        }
        let others = out
            .templates
            .iter()
            .zip(&template_files)
            .map(|(o, f)| (o, (*f).to_string()));
        if let Some(p) = check::template_joins(&t, others, BEHAVIOUR_TEMPLATE, &crate::i18n::EN)
            .into_iter()
            .next()
        {
            return Err(p.locate(file, src));
        }
        out.templates.push(t);
        template_files.push(file);
    }
    if out.template(BEHAVIOUR_TEMPLATE).is_none() {
        return Err(SourceError::new(
            templates.first().map_or("data/templates", |t| t.0),
            None,
            None,
            format!("the behaviour template {BEHAVIOUR_TEMPLATE:?} (BerAKHLAK) is missing"),
        ));
    }
    for t in &out.templates {
        if let Some(s) = check::scheme_without_points(&out.schemes, t.scale) {
            let i = out.schemes.iter().position(|x| x.id == s.id).unwrap_or(0);
            let (file, src) = scheme_files[i];
            return Err(Problem::top(
                "points",
                format!(
                    "no [[numeric.points]] table for scale {} used by template {:?}",
                    t.scale, t.id
                ),
            )
            .locate(file, src));
        }
    }
    out.catalogue = parse_catalogue(training.0, training.1, &out.templates)?;
    Ok(out)
}

/// The shipped reference data: both schemes, all templates, the catalogue.
pub fn reference() -> Result<Reference, SourceError> {
    let schemes: Vec<(&str, &str)> = SCHEMES.to_vec();
    let templates: Vec<(&str, &str)> = TEMPLATES.to_vec();
    reference_from(&schemes, &templates, TRAINING)
}

/// Parses a roster file and checks it against the reference data.
pub fn parse_org(file: &str, src: &str, reference: &Reference) -> Result<Org, SourceError> {
    let org: Org = parse_toml(file, src)?;
    check::org(&org, reference).map_err(|p| p.locate(file, src))?;
    Ok(org)
}

/// Checks an organisation built in memory (an import, the synthetic one).
pub fn check_org(org: &Org, reference: &Reference) -> Result<(), Problem> {
    check::org(org, reference)
}

/// Every broken roster rule, not just the first: what a roster import
/// reports, each located by section, index and field.
pub fn org_issues(org: &Org, reference: &Reference) -> Vec<OrgIssue> {
    check::org::issues(org, reference)
}

/// The `active_period` key of a roster file; the last period if absent.
fn parse_active(file: &str, src: &str, org: &Org) -> Result<String, SourceError> {
    #[derive(serde::Deserialize)]
    struct Active {
        active_period: Option<String>,
    }
    let a: Active = parse_toml(file, src)?;
    match a.active_period {
        Some(id) if org.period(&id).is_some() => Ok(id),
        Some(id) => Err(Problem::top(
            "active_period",
            format!("unknown period {id:?}; it must be one of [[periods]]"),
        )
        .locate(file, src)),
        None => org.periods.last().map(|p| p.id.clone()).ok_or_else(|| {
            SourceError::new(file, None, Some("periods"), "the roster defines no period")
        }),
    }
}

/// The shipped roster with its active period.
fn shipped_org(reference: &Reference) -> Result<(Org, String), SourceError> {
    let (file, src) = DEMO_ORG;
    let org = parse_org(file, src, reference)?;
    let active = parse_active(file, src, &org)?;
    Ok((org, active))
}

/// The fictional Kota Ambon organisation with a generated, deterministic
/// history: 2025 complete under PP 46/2011, 2026-S1 mostly complete, and the
/// active 2026-S2 just begun.
pub fn demo() -> Result<Demo, SourceError> {
    let reference = reference()?;
    let (org, active_period) = shipped_org(&reference)?;
    let assessments = history::generate(&org, &reference, &active_period, DEMO_SEED);
    Ok(Demo {
        org,
        reference,
        assessments,
        active_period,
    })
}
