//! The rules serde cannot check: counts, unique ids and references between
//! files. Each returns the first [`Problem`], located by its place in the file
//! (the roster's rules, in `org`, can also list every problem for imports).

use super::locate::Problem;
use crate::domain::scheme::Scheme;
use crate::domain::template::{Aspect, RhkKind, Template};
use crate::domain::{Catalogue, Org, Reference};
use crate::i18n::{Strings, fill};
use std::collections::{HashMap, HashSet};

pub mod org;

/// The SKP aspects of an IKI (PermenPANRB 6/2022).
pub const ASPEK: [&str; 4] = ["Kuantitas", "Kualitas", "Waktu", "Biaya"];

/// Wraps [`Scheme::validate`] and adds unique grade ids, pointing at the cell,
/// band or table at fault.
pub fn scheme(s: &Scheme) -> Result<(), Problem> {
    let mut seen = HashSet::new();
    for (i, g) in s.grades.iter().enumerate() {
        if !seen.insert(g.id.as_str()) {
            return Err(Problem::at(
                "grades",
                i,
                "id",
                format!("grade {:?} is defined twice", g.id),
            ));
        }
    }
    let Err((field, message)) = s.validate() else {
        return Ok(());
    };
    let known = |g: &str| s.grade(g).is_some();
    let problem = match field.as_str() {
        "matrix.cells.predikat" => {
            let cells = s.matrix.as_ref().map_or(&[][..], |m| m.cells.as_slice());
            let i = cells.iter().position(|c| !known(&c.predikat)).unwrap_or(0);
            Problem::at("matrix.cells", i, "predikat", message)
        }
        "numeric.bands.grade" => {
            let bands = s.numeric.as_ref().map_or(&[][..], |n| n.bands.as_slice());
            let i = bands.iter().position(|b| !known(&b.grade)).unwrap_or(0);
            Problem::at("numeric.bands", i, "grade", message)
        }
        "numeric.points" => {
            let tables = s.numeric.as_ref().map_or(&[][..], |n| n.points.as_slice());
            let i = tables
                .iter()
                .position(|p| p.points.len() != usize::from(p.scale))
                .unwrap_or(0);
            Problem::at("numeric.points", i, "points", message)
        }
        "matrix.cells" => Problem::at("matrix.cells", 0, "", message),
        "numeric.bands" => Problem::at("numeric.bands", 0, "", message),
        "numeric.skp_weight" => Problem::top("skp_weight", message),
        _ => Problem::top("id", message),
    };
    Err(problem)
}

/// Levels match the scale, ids are unique, Hasil Kerja criteria carry their
/// SKP fields (and only they do), and an SKP has at least one RHK Utama.
/// The first problem, in English (shipped data).
pub fn template(t: &Template) -> Result<(), Problem> {
    template_problems(t, &crate::i18n::EN)
        .into_iter()
        .next()
        .map_or(Ok(()), Err)
}

/// Every problem of [`template`], worded from the catalogue `s`, so an
/// import can list them all in the UI language.
pub fn template_problems(t: &Template, s: &Strings) -> Vec<Problem> {
    let mut out = Vec::new();
    if t.id.trim().is_empty() {
        out.push(Problem::top("id", s.tpl_no_id.into()));
    }
    if !(2..=10).contains(&t.scale) {
        let n = t.scale.to_string();
        out.push(Problem::top("scale", fill(s.tpl_scale, &[("n", &n)])));
    }
    if t.criteria.is_empty() {
        out.push(Problem::top("criteria", s.tpl_no_criteria.into()));
    }
    let mut seen = HashSet::new();
    for (i, c) in t.criteria.iter().enumerate() {
        let mut at = |key, message| out.push(Problem::at("criteria", i, key, message));
        if c.id.trim().is_empty() {
            at("id", s.tpl_criterion_no_id.into());
        } else if !seen.insert(c.id.as_str()) {
            at("id", fill(s.tpl_criterion_twice, &[("id", &c.id)]));
        }
        if c.levels.len() != usize::from(t.scale) {
            let (scale, n) = (t.scale.to_string(), c.levels.len().to_string());
            at(
                "levels",
                fill(s.tpl_levels_count, &[("scale", &scale), ("n", &n)]),
            );
        }
        if let Some(n) = c.levels.iter().position(|l| l.trim().is_empty()) {
            at(
                "levels",
                fill(s.tpl_level_empty, &[("n", &(n + 1).to_string())]),
            );
        }
        match (c.aspect, &c.hasil) {
            (Aspect::HasilKerja, None) => at("hasil", s.tpl_needs_hasil.into()),
            (Aspect::PerilakuKerja, Some(_)) => at("hasil", s.tpl_only_hasil.into()),
            (_, Some(h)) => {
                if !ASPEK.contains(&h.aspek.as_str()) {
                    let list = ASPEK.join(", ");
                    at(
                        "aspek",
                        fill(s.tpl_aspek, &[("list", &list), ("found", &h.aspek)]),
                    );
                }
                if h.iki.trim().is_empty() || h.target.trim().is_empty() {
                    at("iki", s.tpl_iki_target.into());
                }
            }
            (Aspect::PerilakuKerja, None) => {}
        }
    }
    let hasil: Vec<_> = t.criteria.iter().filter_map(|c| c.hasil.as_ref()).collect();
    if !hasil.is_empty() && !hasil.iter().any(|h| h.kind == RhkKind::Utama) {
        out.push(Problem::top("criteria", s.tpl_no_utama.into()));
    }
    out
}

/// The rules between a template and the others it joins, for the shipped
/// files and for `import template` alike: criterion ids unique across
/// templates, template ids not told apart only by case or spaces, and the
/// behaviour template holding only behaviour criteria. `others` are the
/// other templates with where each lives, for the message.
pub fn template_joins<'a>(
    t: &Template,
    others: impl IntoIterator<Item = (&'a Template, String)>,
    behaviour: &str,
    s: &Strings,
) -> Vec<Problem> {
    let mut out = Vec::new();
    let fold = |id: &str| id.trim().to_lowercase();
    let mut owner: HashMap<&str, String> = HashMap::new();
    for (o, place) in others {
        if o.id != t.id && fold(&o.id) == fold(&t.id) {
            out.push(Problem::top(
                "id",
                fill(s.tpl_id_case, &[("id", &t.id), ("other", &o.id)]),
            ));
        }
        for c in &o.criteria {
            owner.entry(c.id.as_str()).or_insert_with(|| place.clone());
        }
    }
    for (i, c) in t.criteria.iter().enumerate() {
        if let Some(other) = owner.get(c.id.as_str()) {
            out.push(Problem::at(
                "criteria",
                i,
                "id",
                fill(s.tpl_criterion_taken, &[("id", &c.id), ("other", other)]),
            ));
        }
        if t.id == behaviour && c.aspect != Aspect::PerilakuKerja {
            out.push(Problem::at(
                "criteria",
                i,
                "aspect",
                s.tpl_behaviour_only.into(),
            ));
        }
    }
    out
}

/// The numeric scheme that has no points for a scale, if any: templates on
/// that scale could not be scored under it.
pub fn scheme_without_points(schemes: &[Scheme], scale: u8) -> Option<&Scheme> {
    schemes.iter().find(|s| {
        s.numeric
            .as_ref()
            .is_some_and(|n| !n.points.iter().any(|p| p.scale == scale))
    })
}

/// Unique programme ids, positive JP, and only known criteria.
pub fn catalogue(cat: &Catalogue, known: &HashSet<&str>) -> Result<(), Problem> {
    let mut seen = HashSet::new();
    for (i, p) in cat.programmes.iter().enumerate() {
        let at = |key, message| Err(Problem::at("programmes", i, key, message));
        if !seen.insert(p.id.as_str()) {
            return at("id", format!("programme id {:?} is used twice", p.id));
        }
        if p.jp == 0 {
            return at("jp", "jp (jam pelajaran) must be at least 1".into());
        }
        if p.criteria.is_empty() {
            return at(
                "criteria",
                "list the criterion ids this programme develops".into(),
            );
        }
        if let Some(c) = p.criteria.iter().find(|c| !known.contains(c.as_str())) {
            return at(
                "criteria",
                format!("unknown criterion {c:?}; use an id from data/templates/*.toml"),
            );
        }
    }
    Ok(())
}

/// Units, people and periods refer to things that exist, ids are unique,
/// appraisers and reviewers carry their roles, and no one reports (through
/// appraisers) to themselves: the first of [`org::issues`] in English.
pub fn org(org: &Org, reference: &Reference) -> Result<(), Problem> {
    match org::issues(org, reference).into_iter().next() {
        None => Ok(()),
        Some(i) => Err(Problem::at(i.section, i.index, i.key, i.english(org))),
    }
}
