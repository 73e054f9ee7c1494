//! `kinerja export`: every assessment as JSON, CSV or an Excel workbook,
//! with the derived aspect ratings, predikat or score, strengths and
//! improvements. All three are written from the same [`Record`].

use crate::domain::assessment::{AspectValue, Status};
use crate::domain::summary::{ResolvedItem, summarize};
use crate::domain::template::expectation_of;
use crate::domain::{Aspect, Assessment, Outcome, Reference};
use crate::domain::{Org, Person};
use serde::Serialize;
use std::collections::HashMap;
use std::io::Write;

mod csv;
pub mod sheet_name;
pub mod xlsx;

pub use self::csv::CSV_HEADER;

/// Output formats of `kinerja export`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Json,
    Csv,
    /// An Excel workbook: a summary sheet, then one sheet per unit.
    Xlsx,
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
    /// The unit's name, for people; several units may share one
    /// (every office has a "Sekretariat").
    pub unit: String,
    /// The unit's id: what tells units with the same name apart.
    pub unit_id: String,
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
            unit_id: p.unit.clone(),
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

/// What an export writes: the records and, for the workbook's summary, the
/// predikat of the schemes they were judged under.
#[derive(Debug, Clone, PartialEq)]
pub struct Export {
    pub records: Vec<Record>,
    /// See [`grade_order`].
    pub grades: Vec<String>,
}

/// Reads the store and builds the records of one period or all periods.
/// Returns the records and their count.
pub fn from_store(
    store: &dyn crate::store::Exec,
    period: Option<&str>,
) -> Result<(Vec<Record>, usize), String> {
    let e = export_from_store(store, period)?;
    let n = e.records.len();
    Ok((e.records, n))
}

/// Reads the store and builds what an export of one period or all periods
/// writes.
pub fn export_from_store(
    store: &dyn crate::store::Exec,
    period: Option<&str>,
) -> Result<Export, String> {
    use crate::store::{Request, Response};
    let empty = || Export {
        records: Vec::new(),
        grades: Vec::new(),
    };
    let Response::Snapshot(snap) = store.exec(None, Request::Snapshot)? else {
        return Ok(empty());
    };
    let req = match period {
        Some(p) => Request::Assessments {
            period: p.to_string(),
            employees: None,
        },
        None => Request::AllAssessments,
    };
    let Response::Assessments { items, .. } = store.exec(None, req)? else {
        return Ok(empty());
    };
    let records = records(&snap.org, &snap.reference, &items);
    let grades = grade_order(&snap.reference, &records);
    Ok(Export { records, grades })
}

/// The predikat labels of the schemes the records were judged under, each
/// scheme's in its own order (best first), each label once: the columns of
/// the workbook's summary, which lists a predikat even when nobody has it.
pub fn grade_order(reference: &Reference, records: &[Record]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for scheme in &reference.schemes {
        if !records.iter().any(|r| r.scheme == scheme.name) {
            continue;
        }
        for g in &scheme.grades {
            if !out.contains(&g.label) {
                out.push(g.label.clone());
            }
        }
    }
    out
}

/// The titles of a strength or improvement list, as one cell.
pub fn join(items: &[ItemRow]) -> String {
    items
        .iter()
        .map(|i| i.title.as_str())
        .collect::<Vec<_>>()
        .join(" | ")
}

/// Writes records in a format. The workbook's summary then lists the
/// predikat in the order they first appear; [`write_with_progress`] takes
/// the schemes' order.
pub fn write(records: &[Record], format: Format, out: &mut dyn Write) -> std::io::Result<()> {
    write_with_progress(records, &[], format, out, &mut |_| {})
}

/// Writes records in a format, telling `progress` how many are written so
/// far. `grades` orders the workbook summary's predikat columns
/// ([`grade_order`]); JSON and CSV ignore it.
pub fn write_with_progress(
    records: &[Record],
    grades: &[String],
    format: Format,
    out: &mut dyn Write,
    progress: &mut dyn FnMut(usize),
) -> std::io::Result<()> {
    match format {
        Format::Json => {
            let ticking = Ticking {
                records,
                progress: std::cell::RefCell::new(progress),
            };
            serde_json::to_writer_pretty(&mut *out, &ticking)?;
            writeln!(out)
        }
        Format::Csv => self::csv::write(records, out, progress),
        Format::Xlsx => {
            let bytes = xlsx::workbook(records, grades, progress).map_err(std::io::Error::other)?;
            out.write_all(&bytes)
        }
    }
}

/// The records as a JSON array, the same bytes as serialising the slice,
/// counting the records as they are written.
struct Ticking<'a, 'p> {
    records: &'a [Record],
    progress: std::cell::RefCell<&'p mut dyn FnMut(usize)>,
}

impl Serialize for Ticking<'_, '_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        let mut seq = s.serialize_seq(Some(self.records.len()))?;
        for (i, r) in self.records.iter().enumerate() {
            seq.serialize_element(r)?;
            (self.progress.borrow_mut())(i + 1);
        }
        seq.end()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(nip: &str) -> Record {
        Record {
            nip: nip.into(),
            name: "Nurul 'Aini".into(),
            unit: "Sekretariat".into(),
            unit_id: "bkpsdm-sekretariat".into(),
            period: "2026-S1".into(),
            period_name: "Semester I 2026".into(),
            scheme: "PermenPANRB 6/2022".into(),
            appraiser_nip: "197805122005011003".into(),
            appraiser_name: "Johanis Pattiasina".into(),
            status: Status::Draft,
            criteria: vec![CriterionRow {
                id: "rhk1".into(),
                name: "Laporan".into(),
                aspect: Aspect::HasilKerja,
                rating: Some(2),
                scale: 3,
                label: Some("Sesuai Ekspektasi".into()),
                note: "=1+1".into(),
                realisasi: String::new(),
            }],
            rating_hasil_kerja: Some("Sesuai Ekspektasi".into()),
            rating_perilaku_kerja: None,
            siasn_hasil_kerja: Some(2),
            siasn_perilaku_kerja: None,
            ratings_decided: false,
            predikat: None,
            score: None,
            strengths: Vec::new(),
            improvements: Vec::new(),
        }
    }

    #[test]
    fn every_format_counts_the_records_it_writes() {
        let records = [record("199003152019032007"), record("198511202010012001")];
        for format in [Format::Json, Format::Csv, Format::Xlsx] {
            let mut seen = Vec::new();
            let mut out = Vec::new();
            write_with_progress(&records, &[], format, &mut out, &mut |n| seen.push(n))
                .expect("write");
            assert_eq!(seen, [1, 2], "{format:?}");
            assert!(!out.is_empty());
        }
    }

    #[test]
    fn json_with_progress_is_the_plain_json_of_the_records() {
        let records = [record("199003152019032007"), record("198511202010012001")];
        let mut out = Vec::new();
        write(&records, Format::Json, &mut out).expect("write");
        let mut plain = serde_json::to_vec_pretty(&records[..]).expect("json");
        plain.push(b'\n');
        assert_eq!(out, plain);
    }
}
