//! The `kinerja` binary: parses the command line and runs the TUI or a subcommand.

use clap::Parser;
use color_eyre::eyre::{Result, WrapErr, bail, eyre};
use kinerja::cli::{AuditCommand, Cli, Command, ImportCommand};
use kinerja::config::{Config, Paths, no_color_requested, real_env};
use kinerja::domain::Nip;
use kinerja::i18n::{Lang, fill};
use kinerja::store::{Request, Response, Store};
use kinerja::theme::Theme;
use kinerja::tui::keymap::Keymap;
use kinerja::tui::model::Model;
use std::io::Write;

fn main() -> Result<()> {
    // Errors here are for people (admins at a terminal): the message, not
    // source locations or backtrace hints.
    color_eyre::config::HookBuilder::default()
        .display_location_section(false)
        .display_env_section(false)
        .install()?;
    let cli = Cli::parse();
    let paths = Paths::resolve(cli.data_dir.clone());
    let config = Config::load(paths.config_dir.as_deref())?;
    let lang = cli
        .lang
        .as_deref()
        .or(config.lang.as_deref())
        .map_or(Some(Lang::Id), Lang::parse)
        .ok_or_else(|| eyre!("--lang: use id or en"))?;
    match cli.command {
        None => tui(&cli, &paths, &config, lang),
        Some(Command::Audit(AuditCommand::Verify)) => audit_verify(&paths, lang),
        Some(Command::Doctor { rebuild }) => doctor(&paths, lang, rebuild),
        Some(Command::Backup { file }) => {
            let s = kinerja::store::backup::backup(&paths.data_dir, &file)?;
            let args = [
                ("file", file.display().to_string()),
                ("n", s.entries.to_string()),
                ("bytes", s.bytes.to_string()),
            ];
            println!("{}", fill(lang.strings().cli_backup_done, &pairs(&args)));
            Ok(())
        }
        Some(Command::Restore { file, force }) => {
            let (s, old) =
                kinerja::store::backup::restore(&file, &paths.data_dir, force, unix_now())?;
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
        Some(Command::Demo {
            employees,
            seed,
            force,
        }) => demo(&paths, lang, employees, seed, force),
        Some(Command::Export {
            format,
            output,
            period,
        }) => export(&paths, lang, format, output.as_deref(), period.as_deref()),
        Some(Command::Import(ImportCommand::Roster { file, dry_run })) => {
            import_roster(&paths, lang, &file, dry_run)
        }
    }
}

/// Files with more rows than this get a progress bar (on a terminal).
const PROGRESS_ROWS: usize = 2000;
/// How many entries of each list the import summary shows.
const DIFF_LIMIT: usize = 20;

/// Checks a roster file and, unless `dry_run`, replaces the store's units
/// and people with it in one journalled seed; periods, reference data and
/// assessments stay as they are. Any problem: all are listed, exit code 1.
fn import_roster(paths: &Paths, lang: Lang, file: &std::path::Path, dry_run: bool) -> Result<()> {
    use indicatif::{ProgressBar, ProgressStyle};
    use kinerja::io::import::{diff::RosterDiff, roster};
    use std::io::IsTerminal;
    let t = lang.strings();
    let name = file.display().to_string();
    let bytes = std::fs::read(file).unwrap_or_else(|e| {
        let why = e.to_string();
        eprintln!("{name}: {}", fill(t.imp_cannot_read, &[("why", &why)]));
        std::process::exit(1);
    });
    let store = Store::open(&paths.data_dir)?;
    let Response::Snapshot(snap) = store.execute(None, Request::Snapshot)? else {
        bail!("the store did not answer with a snapshot");
    };
    // A new store has no reference data yet: use the shipped templates.
    let reference = if snap.reference.templates.is_empty() {
        kinerja::data::reference()?
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
                t.imp_dry_run
            } else {
                t.imp_no_change
            }
            .into(),
        );
        return print_lines(&report);
    }
    let org = kinerja::domain::Org {
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
    let answer = store.execute(None, seed)?;
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
    report.push(fill(t.imp_done, &pairs(&args)));
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

/// Writes the export to a file (via a temp file renamed into place, so a
/// failed export never leaves half a file) or to standard output.
fn export(
    paths: &Paths,
    lang: Lang,
    format: kinerja::io::export::Format,
    output: Option<&std::path::Path>,
    period: Option<&str>,
) -> Result<()> {
    let store = Store::open(&paths.data_dir)?;
    let (records, n) = kinerja::io::export::from_store(&store, period)?;
    let Some(path) = output else {
        let mut out = std::io::stdout().lock();
        kinerja::io::export::write(&records, format, &mut out)?;
        return Ok(out.flush()?);
    };
    let tmp = path.with_extension("tmp");
    let mut f = std::io::BufWriter::new(
        std::fs::File::create(&tmp).wrap_err_with(|| tmp.display().to_string())?,
    );
    kinerja::io::export::write(&records, format, &mut f)?;
    f.into_inner()?.sync_all()?;
    std::fs::rename(&tmp, path).wrap_err_with(|| path.display().to_string())?;
    let file = path.display().to_string();
    eprintln!(
        "{}",
        fill(
            lang.strings().cli_exported,
            &[("n", &n.to_string()), ("file", &file)]
        )
    );
    Ok(())
}

fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// Borrows owned (name, value) pairs for `fill`.
fn pairs<'a>(args: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    args.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

/// Compares the store with the journal, or rebuilds it from the journal.
fn doctor(paths: &Paths, lang: Lang, rebuild: bool) -> Result<()> {
    use kinerja::store::doctor;
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

/// Checks the journal without opening the store, so it works while the
/// app or the daemon is running.
fn audit_verify(paths: &Paths, lang: Lang) -> Result<()> {
    let t = lang.strings();
    let path = paths.data_dir.join(kinerja::store::journal::FILE);
    let scan = kinerja::store::journal::verify(&path)?;
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

fn tui(cli: &Cli, paths: &Paths, config: &Config, lang: Lang) -> Result<()> {
    let store = Store::open(&paths.data_dir)?;
    let keymap = Keymap::load(paths.config_dir.as_deref())?;
    let theme_name = cli
        .theme
        .as_deref()
        .or(config.theme.as_deref())
        .unwrap_or("default");
    let theme = Theme::load(
        theme_name,
        paths.config_dir.as_deref(),
        no_color_requested(real_env),
    )?;
    let mut model = Model::new(lang, keymap);
    if let Some(nip) = &cli.as_user {
        model.preferred_user = Some(Nip::parse(nip).wrap_err("--as")?);
        model.auto_login = true;
    }
    ratatui::run(|terminal| kinerja::tui::run(terminal, &mut model, &store, &theme))?;
    Ok(())
}

fn demo(paths: &Paths, lang: Lang, employees: Option<usize>, seed: u64, force: bool) -> Result<()> {
    let t = lang.strings();
    let store = Store::open(&paths.data_dir)?;
    if let Response::Snapshot(s) = store.execute(None, Request::Snapshot)?
        && !s.org.people.is_empty()
        && !force
    {
        bail!(
            "{}",
            fill(
                t.cli_has_data,
                &[("dir", &paths.data_dir.display().to_string())]
            )
        );
    }
    let d = match employees {
        Some(n) => kinerja::data::synthetic(n, seed),
        None => kinerja::data::demo()?,
    };
    let (people, assessments) = (d.org.people.len(), d.assessments.len());
    store.execute(None, d.into())?;
    println!(
        "{}",
        fill(
            t.cli_demo_done,
            &[
                ("n", &people.to_string()),
                ("a", &assessments.to_string()),
                ("dir", &paths.data_dir.display().to_string()),
            ]
        )
    );
    Ok(())
}
