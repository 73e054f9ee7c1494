//! `kinerja doctor`: does sled hold what the journal says it should? And
//! `--rebuild`: a fresh store replayed from the journal, swapped in while
//! the old directory is kept beside it.

use super::journal::{self, Change};
use super::request::{Request, Response};
use super::sled_store::{Store, StoreError};
use super::trees::{FEEDBACK, SELF_ASSESSMENTS, UNIT_RESULTS};
use crate::domain::org_result::UnitResult;
use crate::domain::{Assessment, AssessmentKey, Feedback, SelfAssessment};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// What a check found.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Report {
    pub journal_entries: u64,
    pub assessments: usize,
    pub self_assessments: usize,
    pub feedback: usize,
    /// Records the journal has and the store lacks ("period/NIP", and
    /// "self period/NIP" for a self-assessment, "feedback period/NIP#id"
    /// for a feedback note).
    pub missing: Vec<String>,
    /// Assessments that differ from the journal's latest version.
    pub differing: Vec<String>,
}

impl Report {
    pub fn healthy(&self) -> bool {
        self.missing.is_empty() && self.differing.is_empty()
    }
}

/// How a record is named in a report.
trait Label {
    fn label(&self) -> String;
}

impl Label for AssessmentKey {
    fn label(&self) -> String {
        format!("{}/{}", self.period, self.employee)
    }
}

impl Label for (String, String) {
    fn label(&self) -> String {
        format!("{}/{}", self.0, self.1)
    }
}

impl Label for (AssessmentKey, u64) {
    fn label(&self) -> String {
        format!("{}#{}", self.0.label(), self.1)
    }
}

/// The latest version of every record according to the journal.
#[derive(Default)]
struct Latest {
    assessments: BTreeMap<AssessmentKey, Assessment>,
    selfs: BTreeMap<AssessmentKey, SelfAssessment>,
    feedback: BTreeMap<(AssessmentKey, u64), Feedback>,
    unit_results: BTreeMap<(String, String), UnitResult>,
}

fn expected(dir: &Path) -> Result<(u64, Latest), StoreError> {
    let scan = journal::verify(&dir.join(journal::FILE))?;
    if let Some(b) = scan.broken {
        return Err(journal::JournalError::Broken(b).into());
    }
    let mut latest = Latest::default();
    for e in &scan.entries {
        match &e.change {
            Change::Edit { key, after, .. } => {
                latest.assessments.insert(key.clone(), (**after).clone());
            }
            Change::SelfEdit { key, after, .. } => {
                latest.selfs.insert(key.clone(), (**after).clone());
            }
            Change::Seed { assessments, .. } => {
                for a in assessments {
                    latest.assessments.insert(a.key.clone(), a.clone());
                }
            }
            Change::Feedback(f) => {
                latest.feedback.insert((f.key.clone(), f.id), (**f).clone());
            }
            Change::FeedbackRetracted { key, id } => {
                latest.feedback.remove(&(key.clone(), *id));
            }
            Change::UnitResult(r) => {
                let k = (r.period.clone(), r.unit.clone());
                latest.unit_results.insert(k, (**r).clone());
            }
            Change::Purge(p) => {
                latest
                    .assessments
                    .retain(|k, _| !p.periods.contains(&k.period));
                latest.selfs.retain(|k, _| !p.periods.contains(&k.period));
                latest
                    .feedback
                    .retain(|(k, _), _| !p.periods.contains(&k.period));
                latest
                    .unit_results
                    .retain(|(period, _), _| !p.periods.contains(period));
            }
            Change::ActivePeriod(_) | Change::Pin { .. } | Change::Redacted => {}
        }
    }
    Ok((scan.entries.len() as u64, latest))
}

/// Compares the store with the journal; the store must be closed.
pub fn check(dir: &Path) -> Result<Report, StoreError> {
    let (journal_entries, latest) = expected(dir)?;
    let store = Store::open(dir)?;
    let Response::Assessments { items, corrupt } = store.execute(None, Request::AllAssessments)?
    else {
        return Ok(Report::default());
    };
    let stored: BTreeMap<AssessmentKey, Assessment> =
        items.into_iter().map(|a| (a.key.clone(), a)).collect();
    let mut report = Report {
        journal_entries,
        assessments: latest.assessments.len(),
        self_assessments: latest.selfs.len(),
        feedback: latest.feedback.len(),
        ..Report::default()
    };
    compare(&latest.assessments, &stored, "", &mut report);
    report.differing.extend(corrupt.into_iter().map(|c| c.key));
    let t = &store.trees;
    let key = |s: &SelfAssessment| s.key.clone();
    check_tree(
        t.self_assessments.iter(),
        SELF_ASSESSMENTS,
        key,
        &latest.selfs,
        "self ",
        &mut report,
    )?;
    let key = |f: &Feedback| (f.key.clone(), f.id);
    check_tree(
        t.feedback.iter(),
        FEEDBACK,
        key,
        &latest.feedback,
        "feedback ",
        &mut report,
    )?;
    let key = |r: &UnitResult| (r.period.clone(), r.unit.clone());
    let tag = "unit result ";
    check_tree(
        t.unit_results.iter(),
        UNIT_RESULTS,
        key,
        &latest.unit_results,
        tag,
        &mut report,
    )?;
    Ok(report)
}

/// Reads one tree and compares it with the journal's latest records;
/// undecodable records count as differing.
fn check_tree<K: Ord + Label, T: super::codec::Record + PartialEq>(
    scan: impl Iterator<Item = sled::Result<(sled::IVec, sled::IVec)>>,
    name: &str,
    key: impl Fn(&T) -> K,
    journal: &BTreeMap<K, T>,
    tag: &str,
    report: &mut Report,
) -> Result<(), StoreError> {
    let mut corrupt = Vec::new();
    let items: Vec<T> = super::trees::decode_all(scan, name, &mut corrupt)?;
    let stored = items.into_iter().map(|v| (key(&v), v)).collect();
    compare(journal, &stored, tag, report);
    report.differing.extend(corrupt.into_iter().map(|c| c.key));
    Ok(())
}

/// Notes what the store lacks or holds differently from the journal.
fn compare<K: Ord + Label, T: PartialEq>(
    journal: &BTreeMap<K, T>,
    stored: &BTreeMap<K, T>,
    tag: &str,
    report: &mut Report,
) {
    for (k, a) in journal {
        match stored.get(k) {
            None => report.missing.push(format!("{tag}{}", k.label())),
            Some(s) if s != a => report.differing.push(format!("{tag}{}", k.label())),
            Some(_) => {}
        }
    }
}

/// Rebuilds the store from the journal in a fresh directory, then swaps
/// it in; the old directory is kept as `<dir>.old-<unix time>` and
/// returned. The journal is checked first: a broken one changes nothing.
pub fn rebuild(dir: &Path, now: i64) -> Result<PathBuf, StoreError> {
    expected(dir)?;
    // Holding the store for the copy keeps other writers out.
    let store = Store::open(dir)?;
    let name = dir
        .file_name()
        .map_or_else(|| "kinerja".into(), |n| n.to_string_lossy().into_owned());
    let sibling = |tag: &str| dir.with_file_name(format!("{name}.{tag}-{now}"));
    let (fresh, old) = (sibling("rebuild"), sibling("old"));
    let io = |e: std::io::Error| StoreError::Sync(e);
    std::fs::create_dir_all(&fresh).map_err(io)?;
    std::fs::copy(dir.join(journal::FILE), fresh.join(journal::FILE)).map_err(io)?;
    drop(store);
    // Opening the fresh store replays every journal entry into it.
    drop(Store::open(&fresh)?);
    std::fs::rename(dir, &old).map_err(io)?;
    std::fs::rename(&fresh, dir).map_err(io)?;
    if let Some(parent) = dir.parent() {
        std::fs::File::open(parent)
            .and_then(|d| d.sync_all())
            .map_err(io)?;
    }
    Ok(old)
}
