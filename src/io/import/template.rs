//! `kinerja import template FILE.toml [--dry-run]`: adds a template, or
//! replaces the stored one with the same id, in one journalled seed.
//!
//! [`plan`] is pure: it reads the file with the shipped template rules and
//! checks it against the store's reference data, and returns either what
//! would change or every problem it found. Existing assessments are never
//! altered: ratings stay keyed by criterion id, so the ratings of a removed
//! criterion stay stored but are no longer shown, counted or exported (the
//! scoring card, the summary and the export walk the template's criteria).

use crate::data::{self, Problem};
use crate::domain::{Assessment, Reference, Template};
use crate::i18n::{Lang, Strings, fill};
use crate::source::{self, SourceError};
use crate::store::{Exec, Request, Response, Snapshot, StoreError};
use std::path::Path;

mod diff;

pub use diff::Diff;

/// What an import would do, ready to apply.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// The template as read from the file.
    pub template: Template,
    pub change: Change,
    /// The store's reference data with the template added or replaced.
    pub reference: Reference,
}

/// How the template relates to the stored ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// No template has this id yet.
    New,
    /// The stored template is identical: nothing to write.
    Same,
    /// Replaces the stored template with this id.
    Replace(Diff),
}

/// Reads and checks a template file against the store's data. `file` is
/// the name used in messages. Pure: the caller reads the store.
pub fn plan(
    file: &str,
    bytes: &[u8],
    snapshot: &Snapshot,
    assessments: &[Assessment],
    lang: Lang,
) -> Result<Plan, Vec<SourceError>> {
    let s = lang.strings();
    let src = source::decode(file, bytes).map_err(|e| vec![e.in_lang(s)])?;
    let template: Template = source::parse_toml_in(file, src, s).map_err(|e| vec![e])?;
    let reference = &snapshot.reference;
    let mut problems = data::template_problems(&template, reference, s);
    problems.extend(scale_problem(&template, assessments, s));
    if !problems.is_empty() {
        let mut errors: Vec<SourceError> = problems.iter().map(|p| p.locate(file, src)).collect();
        errors.sort_by_key(|e| e.line);
        return Err(errors);
    }
    let change = match reference.template(&template.id) {
        None => Change::New,
        Some(old) if *old == template => Change::Same,
        Some(old) => Change::Replace(diff::diff(old, &template, snapshot, assessments)),
    };
    let mut reference = reference.clone();
    match reference.templates.iter_mut().find(|t| t.id == template.id) {
        Some(slot) => slot.clone_from(&template),
        None => reference.templates.push(template.clone()),
    }
    Ok(Plan {
        template,
        change,
        reference,
    })
}

/// Stored ratings above the template's scale on its criteria would no
/// longer fit (a scale shrinking from 5 to 3, or a criterion id brought back).
fn scale_problem(t: &Template, assessments: &[Assessment], s: &Strings) -> Option<Problem> {
    let mut n = 0usize;
    let mut max = 0u8;
    let mut example = None;
    for a in assessments {
        for c in &t.criteria {
            let Some(r) = a.rating(&c.id).filter(|&r| r > t.scale) else {
                continue;
            };
            n += 1;
            max = max.max(r);
            example.get_or_insert_with(|| {
                format!("{} {}: {} = {r}", a.key.employee, a.key.period, c.id)
            });
        }
    }
    let args = [
        ("n", n.to_string()),
        ("scale", t.scale.to_string()),
        ("example", example?),
        ("max", max.to_string()),
    ];
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    Some(Problem::top("scale", fill(s.tpl_scale_shrinks, &args)))
}

/// The plan in words, one line each, in the UI language.
pub fn describe(plan: &Plan, lang: Lang) -> Vec<String> {
    let s = lang.strings();
    let t = &plan.template;
    let d = match &plan.change {
        Change::New => {
            let (n, scale) = (t.criteria.len().to_string(), t.scale.to_string());
            let args = [("id", t.id.as_str()), ("name", &t.name), ("n", &n)];
            return vec![fill(
                s.imp_new,
                &[args.as_slice(), &[("scale", &scale)]].concat(),
            )];
        }
        Change::Same => return vec![fill(s.imp_unchanged, &[("id", &t.id)])],
        Change::Replace(d) => d,
    };
    let people = d.people.to_string();
    let mut out = vec![fill(
        s.imp_replace,
        &[("id", &t.id), ("name", &d.old_name), ("people", &people)],
    )];
    if !d.fields.is_empty() {
        out.push(fill(
            s.imp_template_changed,
            &[("fields", &d.fields.join(", "))],
        ));
    }
    if d.old_scale != t.scale {
        let (old, new) = (d.old_scale.to_string(), t.scale.to_string());
        out.push(fill(s.imp_scale_changed, &[("old", &old), ("new", &new)]));
    }
    for (list, template) in [(&d.added, s.imp_added), (&d.removed, s.imp_removed)] {
        if !list.is_empty() {
            out.push(fill(template, &[("list", &list.join(", "))]));
        }
    }
    for (id, fields) in &d.changed {
        out.push(fill(
            s.imp_changed,
            &[("id", id), ("fields", &fields.join(", "))],
        ));
    }
    for (programme, criterion) in &d.orphaned_training {
        out.push(fill(
            s.imp_orphan_training,
            &[("programme", programme), ("criterion", criterion)],
        ));
    }
    if !d.removed.is_empty() {
        let n = d.kept_entries.to_string();
        out.push(fill(s.imp_kept_ratings, &[("n", &n)]));
    }
    out
}

/// Why an import could not run at all (as opposed to a file's problems).
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The store (or the daemon) could not answer.
    #[error("{0}")]
    Failed(String),
    /// Worded in the UI language.
    #[error("{0}")]
    Refused(String),
}

/// What [`run`] did.
#[derive(Debug, Clone, PartialEq)]
pub enum Outcome {
    /// The file has problems; nothing was written.
    Problems(Vec<SourceError>),
    /// `--dry-run`: what would change; nothing was written.
    DryRun(Plan),
    /// The template is already stored as it is; nothing was written.
    Unchanged(Plan),
    /// Written (journalled and applied).
    Imported(Plan),
}

/// Reads `file`, checks it against the store and, unless `dry_run`, writes
/// the new reference data with one `Seed` (roster, active period and
/// assessments unchanged): all or nothing.
pub fn run(
    store: &dyn Exec,
    file: &Path,
    dry_run: bool,
    lang: Lang,
) -> Result<Outcome, ImportError> {
    let s = lang.strings();
    let name = file.display().to_string();
    let bytes = match std::fs::read(file) {
        Ok(b) => b,
        Err(e) => {
            let why = fill(s.src_unreadable, &[("why", &e.to_string())]);
            return Ok(Outcome::Problems(vec![SourceError::new(
                &name, None, None, why,
            )]));
        }
    };
    let snapshot = match store
        .exec(None, Request::Snapshot)
        .map_err(ImportError::Failed)?
    {
        Response::Snapshot(snapshot) => snapshot,
        other => return Err(unexpected(&other)),
    };
    if snapshot.reference.templates.is_empty() {
        return Err(ImportError::Refused(s.imp_empty_store.to_string()));
    }
    if !snapshot.corrupt.is_empty() {
        // A seed rewrites the roster trees from the snapshot, which lacks
        // the records it could not read: they would be lost.
        let examples: Vec<String> = snapshot
            .corrupt
            .iter()
            .take(3)
            .map(|c| format!("{}/{}", c.tree, c.key))
            .collect();
        let n = snapshot.corrupt.len().to_string();
        let args = [("n", n.as_str()), ("examples", &examples.join(", "))];
        return Err(ImportError::Refused(fill(s.imp_corrupt, &args)));
    }
    let assessments = match store
        .exec(None, Request::AllAssessments)
        .map_err(ImportError::Failed)?
    {
        Response::Assessments { items, .. } => items,
        other => return Err(unexpected(&other)),
    };
    let plan = match plan(&name, &bytes, &snapshot, &assessments, lang) {
        Ok(plan) => plan,
        Err(problems) => return Ok(Outcome::Problems(problems)),
    };
    if dry_run {
        return Ok(Outcome::DryRun(plan));
    }
    if plan.change == Change::Same {
        return Ok(Outcome::Unchanged(plan));
    }
    let seed = Request::Seed {
        org: snapshot.org.clone(),
        reference: plan.reference.clone(),
        assessments: Vec::new(),
        active_period: snapshot.active_period.clone(),
    };
    match store.exec(None, seed).map_err(ImportError::Failed)? {
        Response::Done => Ok(Outcome::Imported(plan)),
        Response::Rejected(why) => Err(ImportError::Refused(fill(s.rejected, &[("why", &why)]))),
        other => Err(unexpected(&other)),
    }
}

fn unexpected(r: &Response) -> ImportError {
    ImportError::Refused(format!("unexpected answer from the store: {r:?}"))
}

/// The outcome in words for the terminal, and whether it succeeded.
pub fn report(outcome: &Outcome, lang: Lang, data_dir: &Path) -> (Vec<String>, bool) {
    let s = lang.strings();
    match outcome {
        Outcome::Problems(problems) => {
            let n = problems.len().to_string();
            let mut out = vec![fill(s.imp_refused, &[("n", &n)])];
            out.extend(problems.iter().map(ToString::to_string));
            (out, false)
        }
        Outcome::DryRun(plan) => {
            let mut out = describe(plan, lang);
            out.push(s.imp_dry_run.to_string());
            (out, true)
        }
        Outcome::Unchanged(plan) => (describe(plan, lang), true),
        Outcome::Imported(plan) => {
            let mut out = describe(plan, lang);
            let dir = data_dir.display().to_string();
            out.push(fill(
                s.imp_done,
                &[("id", &plan.template.id), ("dir", &dir)],
            ));
            (out, true)
        }
    }
}

/// The command: uses the running daemon (or opens the store), runs the
/// import and prints the report (problems to standard error). False when
/// the file was refused.
pub fn command(
    data_dir: &Path,
    socket: &Path,
    file: &Path,
    dry_run: bool,
    lang: Lang,
) -> Result<bool, ImportError> {
    let store = crate::daemon::Backend::connect_or_open(data_dir, socket)
        .map_err(|e| ImportError::Failed(e.to_string()))?;
    let (lines, ok) = report(&run(&store, file, dry_run, lang)?, lang, data_dir);
    for line in lines {
        if ok {
            println!("{line}");
        } else {
            eprintln!("{line}");
        }
    }
    Ok(ok)
}
