//! The rules serde cannot check: counts, unique ids and references between
//! files. Each returns the first [`Problem`], located by its place in the file
//! (the roster's rules, in `org`, can also list every problem for imports).

use super::locate::Problem;
use crate::domain::scheme::Scheme;
use crate::domain::template::{Aspect, RhkKind, Template};
use crate::domain::{Catalogue, Org, Reference};
use std::collections::HashSet;

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
pub fn template(t: &Template) -> Result<(), Problem> {
    if t.id.trim().is_empty() {
        return Err(Problem::top("id", "a template needs an id".into()));
    }
    if !(2..=10).contains(&t.scale) {
        return Err(Problem::top(
            "scale",
            format!("scale must be between 2 and 10 levels, found {}", t.scale),
        ));
    }
    if t.criteria.is_empty() {
        return Err(Problem::top(
            "criteria",
            "a template needs at least one [[criteria]]".into(),
        ));
    }
    let mut seen = HashSet::new();
    for (i, c) in t.criteria.iter().enumerate() {
        let at = |key, message| Err(Problem::at("criteria", i, key, message));
        if c.id.trim().is_empty() {
            return at("id", "a criterion needs an id".into());
        }
        if !seen.insert(c.id.as_str()) {
            return at("id", format!("criterion id {:?} is used twice", c.id));
        }
        if c.levels.len() != usize::from(t.scale) {
            return at(
                "levels",
                format!(
                    "scale {} needs {} level descriptors (lowest first), found {}",
                    t.scale,
                    t.scale,
                    c.levels.len()
                ),
            );
        }
        if let Some(n) = c.levels.iter().position(|l| l.trim().is_empty()) {
            return at("levels", format!("level {} has no descriptor", n + 1));
        }
        match (c.aspect, &c.hasil) {
            (Aspect::HasilKerja, None) => {
                return at(
                    "hasil",
                    "a hasil_kerja criterion needs [criteria.hasil] with kind, iki, aspek and target"
                        .into(),
                );
            }
            (Aspect::PerilakuKerja, Some(_)) => {
                return at(
                    "hasil",
                    "only hasil_kerja criteria have [criteria.hasil]; remove it or change aspect"
                        .into(),
                );
            }
            (_, Some(h)) if !ASPEK.contains(&h.aspek.as_str()) => {
                return at(
                    "aspek",
                    format!(
                        "aspek must be one of {}, found {:?}",
                        ASPEK.join(", "),
                        h.aspek
                    ),
                );
            }
            (_, Some(h)) if h.iki.trim().is_empty() || h.target.trim().is_empty() => {
                return at("iki", "iki and target must not be empty".into());
            }
            _ => {}
        }
    }
    let hasil: Vec<_> = t.criteria.iter().filter_map(|c| c.hasil.as_ref()).collect();
    if !hasil.is_empty() && !hasil.iter().any(|h| h.kind == RhkKind::Utama) {
        return Err(Problem::top(
            "criteria",
            "an SKP needs at least one RHK Utama (kind = \"utama\")".into(),
        ));
    }
    Ok(())
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
