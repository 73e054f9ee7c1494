//! The `kinerja` binary: parses the command line and runs the TUI or a subcommand.

use clap::Parser;
use color_eyre::eyre::{Result, WrapErr, bail, eyre};
use kinerja::cli::{AuditCommand, Cli, Command};
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
    let exit = kinerja::tui::terminal::run(|t| kinerja::tui::run(t, &mut model, &store, &theme))??;
    // The terminal is restored; close the store, then end the way the
    // signal would have ended us, so a parent (a shell, systemd) sees it.
    drop(store);
    if let kinerja::tui::Exit::Signal(signal) = exit {
        signal_hook::low_level::emulate_default_handler(signal)?;
    }
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
