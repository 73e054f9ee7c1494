//! `kinerja import roster`: a roster file replaces units and people.

use super::pairs;
use crate::config::Paths;
use crate::daemon::Backend;
use crate::i18n::{Lang, fill};
use crate::store::{Exec, Request, Response};
use color_eyre::eyre::{Result, bail, eyre};
use std::io::Write;
use std::path::Path;

/// Files with more rows than this get a progress bar (on a terminal).
const PROGRESS_ROWS: usize = 2000;
/// How many entries of each list the import summary shows.
const DIFF_LIMIT: usize = 20;

/// Checks a roster file and, unless `dry_run`, replaces the store's units
/// and people with it in one journalled seed; periods, reference data and
/// assessments stay as they are. Any problem: all are listed, exit code 1.
pub fn roster(paths: &Paths, socket: &Path, lang: Lang, file: &Path, dry_run: bool) -> Result<()> {
    use crate::io::import::{diff::RosterDiff, roster};
    use indicatif::{ProgressBar, ProgressStyle};
    use std::io::IsTerminal;
    let t = lang.strings();
    let name = file.display().to_string();
    let bytes = std::fs::read(file).unwrap_or_else(|e| {
        let why = e.to_string();
        eprintln!("{name}: {}", fill(t.imp_cannot_read, &[("why", &why)]));
        std::process::exit(1);
    });
    let store = Backend::connect_or_open(&paths.data_dir, socket)?;
    let Response::Snapshot(snap) = store.exec(None, Request::Snapshot).map_err(|e| eyre!(e))?
    else {
        bail!("the store did not answer with a snapshot");
    };
    // A new store has no reference data yet: use the shipped templates.
    let reference = if snap.reference.templates.is_empty() {
        crate::data::reference()?
    } else {
        snap.reference.clone()
    };
    let large = |n: usize| n > PROGRESS_ROWS && std::io::stderr().is_terminal();
    let mut bar: Option<ProgressBar> = None;
    let parsed = roster::parse_with_progress(&name, &bytes, &reference, lang, &mut |done, n| {
        if large(n) {
            let style = ProgressStyle::with_template("{msg} [{bar:40}] {pos}/{len}")
                .unwrap_or_else(|_| ProgressStyle::default_bar());
            bar.get_or_insert_with(|| {
                ProgressBar::new(n as u64)
                    .with_style(style)
                    .with_message(t.imp_checking)
            })
            .set_position(done as u64);
        }
    });
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    let roster = parsed.unwrap_or_else(|problems| {
        for p in &problems {
            eprintln!("{p}");
        }
        let n = problems.len().to_string();
        eprintln!("{}", fill(t.imp_problems, &[("n", &n), ("file", &name)]));
        std::process::exit(1);
    });
    let (n, u) = (roster.people.len(), roster.units.len());
    let args = [("file", name), ("n", n.to_string()), ("u", u.to_string())];
    let mut report = vec![fill(t.imp_read, &pairs(&args))];
    let diff = RosterDiff::new(&snap.org, &roster);
    report.extend(diff.lines(t, DIFF_LIMIT));
    if dry_run || diff.is_empty() {
        report.push(
            if dry_run {
                t.roster_dry_run
            } else {
                t.imp_no_change
            }
            .into(),
        );
        return print_lines(&report);
    }
    let org = crate::domain::Org {
        units: roster.units,
        people: roster.people,
        periods: snap.org.periods.clone(),
    };
    let seed = Request::Seed {
        org,
        reference,
        assessments: Vec::new(),
        active_period: snap.active_period.clone(),
    };
    let spinner = large(n).then(|| {
        let s = ProgressBar::new_spinner().with_message(t.imp_saving);
        s.enable_steady_tick(std::time::Duration::from_millis(100));
        s
    });
    let answer = store.exec(None, seed).map_err(|e| eyre!(e))?;
    if let Some(s) = spinner {
        s.finish_and_clear();
    }
    match answer {
        Response::Done => {}
        Response::Rejected(why) => bail!("{}", fill(t.rejected, &[("why", &why)])),
        other => bail!("the store answered {other:?}"),
    }
    let args = [
        ("dir", paths.data_dir.display().to_string()),
        ("n", n.to_string()),
        ("u", u.to_string()),
    ];
    report.push(fill(t.roster_done, &pairs(&args)));
    if !diff.people_removed.is_empty() {
        report.push(t.imp_kept_assessments.into());
    }
    if snap.org.periods.is_empty() {
        report.push(t.imp_no_periods.into());
    }
    print_lines(&report)
}

/// Prints to standard output; a closed pipe (`| head`) is not an error.
fn print_lines(lines: &[String]) -> Result<()> {
    let mut out = std::io::stdout().lock();
    let written = lines
        .iter()
        .try_for_each(|l| writeln!(out, "{l}"))
        .and_then(|()| out.flush());
    match written {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}
