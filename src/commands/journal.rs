//! The commands that look after the store: `audit verify`, `doctor`,
//! `backup`, `restore` and `purge`.

use super::pairs;
use crate::config::Paths;
use crate::i18n::{Lang, fill};
use crate::store::unix_now;
use color_eyre::eyre::{Result, eyre};
use std::path::Path;

/// Writes a backup of the journal (works while the app runs).
pub fn backup(paths: &Paths, lang: Lang, file: &Path) -> Result<()> {
    let s = crate::store::backup::backup(&paths.data_dir, file)?;
    let args = [
        ("file", file.display().to_string()),
        ("n", s.entries.to_string()),
        ("bytes", s.bytes.to_string()),
    ];
    println!("{}", fill(lang.strings().cli_backup_done, &pairs(&args)));
    Ok(())
}

/// Checks a backup, then rebuilds the store from it.
pub fn restore(paths: &Paths, lang: Lang, file: &Path, force: bool) -> Result<()> {
    let (s, old) = crate::store::backup::restore(file, &paths.data_dir, force, unix_now())?;
    let args = [
        ("file", file.display().to_string()),
        ("n", s.entries.to_string()),
        ("dir", paths.data_dir.display().to_string()),
    ];
    println!("{}", fill(lang.strings().cli_restore_done, &pairs(&args)));
    if let Some(old) = old {
        let args = [("old", old.display().to_string())];
        println!("{}", fill(lang.strings().cli_restore_kept, &pairs(&args)));
    }
    Ok(())
}

/// Compares the store with the journal, or rebuilds it from the journal.
pub fn doctor(paths: &Paths, lang: Lang, rebuild: bool) -> Result<()> {
    use crate::store::doctor;
    let t = lang.strings();
    if rebuild {
        let old = doctor::rebuild(&paths.data_dir, unix_now())?;
        println!(
            "{}",
            fill(t.cli_doctor_rebuilt, &[("old", &old.display().to_string())])
        );
        return Ok(());
    }
    let r = doctor::check(&paths.data_dir)?;
    if r.healthy() {
        println!(
            "{}",
            fill(
                t.cli_doctor_ok,
                &[
                    ("n", &r.assessments.to_string()),
                    ("s", &r.self_assessments.to_string()),
                    ("f", &r.feedback.to_string()),
                    ("e", &r.journal_entries.to_string())
                ]
            )
        );
        return Ok(());
    }
    let examples: Vec<&str> = r
        .missing
        .iter()
        .chain(&r.differing)
        .take(5)
        .map(String::as_str)
        .collect();
    eprintln!(
        "{}",
        fill(
            t.cli_doctor_bad,
            &[
                ("missing", &r.missing.len().to_string()),
                ("differing", &r.differing.len().to_string()),
                ("examples", &examples.join(", ")),
            ]
        )
    );
    std::process::exit(1);
}

/// Shows what a purge would remove, or (with `yes`) removes it.
pub fn purge(paths: &Paths, lang: Lang, before: &str, yes: bool) -> Result<()> {
    use crate::store::purge;
    let t = lang.strings();
    let ids = |plan: &purge::Plan| {
        let ids: Vec<&str> = plan.periods.iter().map(|p| p.id.as_str()).collect();
        ids.join(", ")
    };
    let explain = |e: purge::PurgeError| match e {
        purge::PurgeError::BadDate(d) => eyre!("{}", fill(t.cli_purge_bad_date, &[("date", &d)])),
        purge::PurgeError::Active(p) => eyre!("{}", fill(t.cli_purge_active, &[("period", &p)])),
        other => other.into(),
    };
    if !yes {
        let plan = purge::plan(&paths.data_dir, before).map_err(explain)?;
        let msg = if plan.periods.is_empty() {
            fill(t.cli_purge_none, &[("before", before)])
        } else {
            let n = plan.assessments.to_string();
            let args = [("periods", ids(&plan)), ("before", before.into()), ("n", n)];
            fill(t.cli_purge_plan, &pairs(&args))
        };
        println!("{msg}");
        return Ok(());
    }
    let Some(done) = purge::purge(&paths.data_dir, before, unix_now()).map_err(explain)? else {
        println!("{}", fill(t.cli_purge_none, &[("before", before)]));
        return Ok(());
    };
    let args = [
        ("periods", ids(&done.plan)),
        ("n", done.plan.assessments.to_string()),
        ("parts", done.redacted.to_string()),
        ("seq", done.seq.to_string()),
    ];
    println!("{}", fill(t.cli_purge_done, &pairs(&args)));
    Ok(())
}

/// Checks the journal without opening the store, so it works while the
/// app or the daemon is running.
pub fn audit_verify(paths: &Paths, lang: Lang) -> Result<()> {
    let t = lang.strings();
    let path = paths.data_dir.join(crate::store::journal::FILE);
    let scan = crate::store::journal::verify(&path)?;
    let file = path.display().to_string();
    match scan.broken {
        None => {
            let last = scan.entries.last().map_or(0, |e| e.seq);
            println!(
                "{}",
                fill(
                    t.cli_audit_ok,
                    &[
                        ("file", &file),
                        ("n", &scan.entries.len().to_string()),
                        ("seq", &last.to_string())
                    ]
                )
            );
            for e in &scan.entries {
                if let crate::store::journal::Change::Purge(p) = &e.change {
                    let date = time::OffsetDateTime::from_unix_timestamp(e.time)
                        .map(|d| d.date().to_string())
                        .unwrap_or_default();
                    let args = [
                        ("seq", e.seq.to_string()),
                        ("date", date),
                        ("periods", p.periods.join(", ")),
                        ("before", p.before.clone()),
                        ("parts", p.redacted.to_string()),
                    ];
                    println!("{}", fill(t.cli_audit_purge, &pairs(&args)));
                }
            }
            Ok(())
        }
        Some(b) => {
            eprintln!(
                "{}",
                fill(
                    t.cli_audit_broken,
                    &[
                        ("file", &file),
                        ("seq", &b.seq.to_string()),
                        ("offset", &b.offset.to_string()),
                        ("why", &b.reason)
                    ]
                )
            );
            std::process::exit(1);
        }
    }
}
