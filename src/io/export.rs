//! `kinerja export`: every assessment as JSON or CSV, with the derived
//! aspect ratings, predikat or score, strengths and improvements.

use crate::domain::assessment::{AspectValue, Status};
use crate::domain::summary::{ResolvedItem, summarize};
use crate::domain::template::expectation_of;
use crate::domain::{Aspect, Assessment, Outcome, Reference};
use crate::domain::{Org, Person};
use serde::Serialize;
use std::collections::HashMap;
use std::io::Write;

/// Output formats of `kinerja export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Json,
    Csv,
}

/// One criterion of an exported assessment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CriterionRow {
    pub id: String,
    pub name: String,
    pub aspect: Aspect,
    pub rating: Option<u8>,
    pub scale: u8,
    /// Di Bawah / Sesuai / Di Atas Ekspektasi.
    pub label: Option<String>,
    pub note: String,
    pub realisasi: String,
}

/// A strength or improvement with the training paired with it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ItemRow {
    pub title: String,
    pub note: String,
    pub training: Vec<String>,
}

/// One exported assessment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Record {
    pub nip: String,
    pub name: String,
    pub unit: String,
    pub period: String,
    pub period_name: String,
    pub scheme: String,
    pub appraiser_nip: String,
    pub appraiser_name: String,
    pub status: Status,
    pub criteria: Vec<CriterionRow>,
    pub rating_hasil_kerja: Option<String>,
    pub rating_perilaku_kerja: Option<String>,
    /// SIASN codes of the two ratings (1 Di Atas, 2 Sesuai, 3 Di Bawah).
    pub siasn_hasil_kerja: Option<u8>,
    pub siasn_perilaku_kerja: Option<u8>,
    /// Whether both aspect ratings are the appraiser's confirmed decision;
    /// if not, they and the predikat are only the current suggestion.
    pub ratings_decided: bool,
    pub predikat: Option<String>,
    pub score: Option<f64>,
    pub strengths: Vec<ItemRow>,
    pub improvements: Vec<ItemRow>,
}

fn value_label(v: Option<&AspectValue>) -> Option<String> {
    v.map(|v| match v {
        AspectValue::Expectation(e) => e.label().to_string(),
        AspectValue::Score(s) => format!("{s:.2}"),
    })
}

fn siasn(v: Option<&AspectValue>) -> Option<u8> {
    match v? {
        AspectValue::Expectation(e) => Some(e.siasn_code()),
        AspectValue::Score(_) => None,
    }
}

fn items(list: &[ResolvedItem<'_>]) -> Vec<ItemRow> {
    list.iter()
        .map(|i| ItemRow {
            title: i.title.clone(),
            note: i.note.clone(),
            training: i
                .training
                .iter()
                .map(|p| format!("{} ({} JP)", p.name, p.jp))
                .collect(),
        })
        .collect()
}

/// Builds export records; assessments of unknown people or periods are skipped.
pub fn records(org: &Org, reference: &Reference, assessments: &[Assessment]) -> Vec<Record> {
    let people: HashMap<&str, &Person> = org.people.iter().map(|p| (p.nip.as_str(), p)).collect();
    let mut out = Vec::with_capacity(assessments.len());
    for a in assessments {
        let Some(period) = org.period(&a.key.period) else {
            continue;
        };
        // An approved record is exported as it was approved.
        let p = match (&a.frozen, people.get(a.key.employee.as_str())) {
            (Some(f), _) => &f.person,
            (None, Some(p)) => *p,
            (None, None) => continue,
        };
        let Some(scheme) = reference.scheme(&period.scheme) else {
            continue;
        };
        let criteria = match &a.frozen {
            Some(f) => f.scaled(),
            None => reference.criteria_of(p),
        };
        let s = summarize(&criteria, a, scheme, &reference.catalogue);
        let appraiser = people.get(a.appraiser.as_str());
        let (predikat, score) = match &s.outcome {
            Some(Outcome::Predikat { grade, .. }) => {
                (Some(scheme.grade_label(grade).to_string()), None)
            }
            Some(Outcome::Score { total, grade, .. }) => {
                (Some(scheme.grade_label(grade).to_string()), Some(*total))
            }
            None => (None, None),
        };
        out.push(Record {
            nip: p.nip.to_string(),
            name: p.name.clone(),
            unit: org
                .unit(&p.unit)
                .map_or_else(|| p.unit.clone(), |u| u.name.clone()),
            period: period.id.clone(),
            period_name: period.name.clone(),
            scheme: scheme.name.clone(),
            appraiser_nip: a.appraiser.to_string(),
            appraiser_name: appraiser.map(|p| p.name.clone()).unwrap_or_default(),
            status: a.status,
            criteria: criteria
                .iter()
                .map(|c| {
                    let e = a.entry(&c.criterion.id);
                    let rating = e.and_then(|e| e.rating);
                    CriterionRow {
                        id: c.criterion.id.clone(),
                        name: c.criterion.name.clone(),
                        aspect: c.criterion.aspect,
                        rating,
                        scale: c.scale,
                        label: rating.map(|r| expectation_of(r, c.scale).label().to_string()),
                        note: e.map(|e| e.note.clone()).unwrap_or_default(),
                        realisasi: e.map(|e| e.realisasi.clone()).unwrap_or_default(),
                    }
                })
                .collect(),
            rating_hasil_kerja: value_label(s.hasil.as_ref()),
            rating_perilaku_kerja: value_label(s.perilaku.as_ref()),
            siasn_hasil_kerja: siasn(s.hasil.as_ref()),
            siasn_perilaku_kerja: siasn(s.perilaku.as_ref()),
            ratings_decided: s.hasil_state.decided() && s.perilaku_state.decided(),
            predikat,
            score,
            strengths: items(&s.strengths),
            improvements: items(&s.improvements),
        });
    }
    out
}

/// Reads the store and builds the records of one period or all periods.
/// Returns the records and their count.
pub fn from_store(
    store: &dyn crate::store::Exec,
    period: Option<&str>,
) -> Result<(Vec<Record>, usize), String> {
    use crate::store::{Request, Response};
    let Response::Snapshot(snap) = store.exec(None, Request::Snapshot)? else {
        return Ok((Vec::new(), 0));
    };
    let req = match period {
        Some(p) => Request::Assessments {
            period: p.to_string(),
            employees: None,
        },
        None => Request::AllAssessments,
    };
    let Response::Assessments { items, .. } = store.exec(None, req)? else {
        return Ok((Vec::new(), 0));
    };
    let recs = records(&snap.org, &snap.reference, &items);
    let n = recs.len();
    Ok((recs, n))
}

/// The CSV columns: one row per assessment and criterion.
pub const CSV_HEADER: [&str; 24] = [
    "nip",
    "name",
    "unit",
    "period",
    "appraiser_nip",
    "appraiser_name",
    "status",
    "aspect",
    "criterion_id",
    "criterion",
    "rating",
    "scale",
    "label",
    "note",
    "realisasi",
    "rating_hasil_kerja",
    "rating_perilaku_kerja",
    "siasn_hasil_kerja",
    "siasn_perilaku_kerja",
    "ratings_decided",
    "predikat",
    "score",
    "strengths",
    "improvements",
];

/// Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab,
/// carriage return first) is prefixed with `'`, so a note such as
/// "=HYPERLINK(…)" stays text when an admin opens the CSV.
fn spreadsheet_safe(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

fn join(items: &[ItemRow]) -> String {
    items
        .iter()
        .map(|i| i.title.as_str())
        .collect::<Vec<_>>()
        .join(" | ")
}

/// Writes records in a format.
pub fn write(records: &[Record], format: Format, out: &mut dyn Write) -> std::io::Result<()> {
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, records)?;
            writeln!(out)
        }
        Format::Csv => {
            let mut w = csv::Writer::from_writer(out);
            w.write_record(CSV_HEADER)?;
            for r in records {
                let status = r.status.code();
                for c in &r.criteria {
                    let aspect = match c.aspect {
                        Aspect::HasilKerja => "hasil_kerja",
                        Aspect::PerilakuKerja => "perilaku_kerja",
                    };
                    let row = [
                        r.nip.as_str(),
                        &r.name,
                        &r.unit,
                        &r.period,
                        &r.appraiser_nip,
                        &r.appraiser_name,
                        status,
                        aspect,
                        &c.id,
                        &c.name,
                        &c.rating.map(|x| x.to_string()).unwrap_or_default(),
                        &c.scale.to_string(),
                        c.label.as_deref().unwrap_or(""),
                        &c.note,
                        &c.realisasi,
                        r.rating_hasil_kerja.as_deref().unwrap_or(""),
                        r.rating_perilaku_kerja.as_deref().unwrap_or(""),
                        &r.siasn_hasil_kerja
                            .map(|c| c.to_string())
                            .unwrap_or_default(),
                        &r.siasn_perilaku_kerja
                            .map(|c| c.to_string())
                            .unwrap_or_default(),
                        if r.ratings_decided { "yes" } else { "no" },
                        r.predikat.as_deref().unwrap_or(""),
                        &r.score.map(|s| format!("{s:.2}")).unwrap_or_default(),
                        &join(&r.strengths),
                        &join(&r.improvements),
                    ];
                    w.write_record(row.iter().map(|c| spreadsheet_safe(c).into_owned()))?;
                }
            }
            w.flush()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::spreadsheet_safe;

    #[test]
    fn formula_like_text_is_kept_as_text() {
        assert_eq!(spreadsheet_safe("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(spreadsheet_safe("+62 812"), "'+62 812");
        assert_eq!(spreadsheet_safe("@rekan"), "'@rekan");
        assert_eq!(spreadsheet_safe("Ma'ruf"), "Ma'ruf");
        assert_eq!(spreadsheet_safe("199003152019032007"), "199003152019032007");
    }
}
