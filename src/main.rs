//! The `kinerja` binary: parses the command line and runs the TUI or a subcommand.

use clap::Parser;
use color_eyre::eyre::{Result, WrapErr, bail, eyre};
use kinerja::cli::{AuditCommand, Cli, Command, ImportCommand};
use kinerja::commands::{journal, org_result, serve};
use kinerja::config::{Config, Paths, no_color_requested, real_env};
use kinerja::daemon::Backend;
use kinerja::domain::Nip;
use kinerja::i18n::{Lang, fill};
use kinerja::store::{Exec, Request, Response};
use kinerja::theme::Theme;
use kinerja::tui::keymap::Keymap;
use kinerja::tui::model::{Model, Opening};

fn main() -> Result<()> {
    // Errors here are for people (admins at a terminal): the message, not
    // source locations or backtrace hints.
    color_eyre::config::HookBuilder::default()
        .display_location_section(false)
        .display_env_section(false)
        .install()?;
    let cli = Cli::parse();
    let paths = Paths::resolve(cli.data_dir.clone());
    let socket = kinerja::daemon::socket_path(&paths.data_dir, cli.socket.as_deref());
    let config = Config::load(paths.config_dir.as_deref())?;
    let lang = cli
        .lang
        .as_deref()
        .or(config.lang.as_deref())
        .map_or(Some(Lang::Id), Lang::parse)
        .ok_or_else(|| eyre!("--lang: use id or en"))?;
    match cli.command {
        None => tui(&cli, &paths, &socket, &config, lang),
        Some(Command::OrgResult {
            ref period,
            ref unit,
            ref result,
        }) => {
            let set = unit.as_deref().zip(result.as_deref());
            org_result::command(&paths, &socket, lang, period.as_deref(), set)
        }
        Some(Command::Report {
            ref employee,
            ref unit,
            ref period,
            ref output,
        }) => {
            use kinerja::commands::report::{Target, command};
            let target = match (employee, unit) {
                (Some(nip), _) => Target::Employee(nip),
                (None, Some(unit)) => Target::Unit(unit),
                (None, None) => unreachable!("clap requires one of them"),
            };
            command(&paths, &socket, lang, &target, period.as_deref(), output)
        }
        Some(Command::Practice) => {
            tui_with(&cli, &paths, &socket, &config, lang, Opening::Practice)
        }
        Some(Command::Meeting { ref unit }) => {
            let opening = Opening::Meeting { unit: unit.clone() };
            tui_with(&cli, &paths, &socket, &config, lang, opening)
        }
        Some(Command::Audit(AuditCommand::Verify)) => journal::audit_verify(&paths, lang),
        Some(Command::Doctor { rebuild }) => journal::doctor(&paths, lang, rebuild),
        Some(Command::Backup { file }) => journal::backup(&paths, lang, &file),
        Some(Command::Restore { file, force }) => journal::restore(&paths, lang, &file, force),
        Some(Command::Serve { check, on_demand }) => {
            serve::serve(&paths, socket, &config, check, on_demand)
        }
        Some(Command::Purge { before, yes }) => journal::purge(&paths, lang, &before, yes),
        Some(Command::Demo {
            employees,
            seed,
            force,
        }) => demo(&paths, &socket, lang, employees, seed, force),
        Some(Command::Export {
            format,
            output,
            period,
        }) => kinerja::commands::export::run(
            &paths,
            &socket,
            lang,
            format,
            output.as_deref(),
            period.as_deref(),
        ),
        Some(Command::Import(ImportCommand::Template { file, dry_run })) => {
            let ok = kinerja::io::import::template::command(
                &paths.data_dir,
                &socket,
                &file,
                dry_run,
                lang,
            )?;
            if !ok {
                std::process::exit(1);
            }
            Ok(())
        }
        Some(Command::Import(ImportCommand::Roster { file, dry_run })) => {
            kinerja::commands::import::roster(&paths, &socket, lang, &file, dry_run)
        }
    }
}

fn tui(
    cli: &Cli,
    paths: &Paths,
    socket: &std::path::Path,
    config: &Config,
    lang: Lang,
) -> Result<()> {
    tui_with(cli, paths, socket, config, lang, Opening::Resume)
}

/// The TUI, opening where `opening` says once someone logs in.
fn tui_with(
    cli: &Cli,
    paths: &Paths,
    socket: &std::path::Path,
    config: &Config,
    lang: Lang,
    opening: Opening,
) -> Result<()> {
    let (tx, changes) = std::sync::mpsc::channel();
    let link = kinerja::daemon::client::Link::connect(&paths.data_dir, socket, Some(tx))?;
    let keymap = Keymap::load(paths.config_dir.as_deref())?;
    // A meeting is for a projector: high contrast unless a theme is named.
    let fallback = if matches!(opening, Opening::Meeting { .. }) {
        "high-contrast"
    } else {
        "default"
    };
    let theme_name = cli
        .theme
        .as_deref()
        .or(config.theme.as_deref())
        .unwrap_or(fallback);
    let theme = Theme::load(
        theme_name,
        paths.config_dir.as_deref(),
        no_color_requested(real_env),
    )?;
    let mut model = Model::new(lang, keymap);
    model.opening = opening;
    if let Some(nip) = &cli.as_user {
        model.preferred_user = Some(Nip::parse(nip).wrap_err("--as")?);
        model.auto_login = true;
    }
    // An account the config maps to a person is that person.
    if let Some(nip) = link.identity().person {
        model.preferred_user = Some(nip);
        model.auto_login = true;
        model.fixed_user = true;
    }
    let idle_lock = match config.lock_after_minutes.unwrap_or(5) {
        0 => None,
        n => Some(std::time::Duration::from_secs(n * 60)),
    };
    let exit = kinerja::tui::terminal::run(|t| {
        kinerja::tui::run(t, &mut model, &link, &theme, Some(&changes), idle_lock)
    })??;
    // The terminal is restored; close the connection, then end the way the
    // signal would have ended us, so a parent (a shell, systemd) sees it.
    drop(link);
    if let kinerja::tui::Exit::Signal(signal) = exit {
        signal_hook::low_level::emulate_default_handler(signal)?;
    }
    Ok(())
}

fn demo(
    paths: &Paths,
    socket: &std::path::Path,
    lang: Lang,
    employees: Option<usize>,
    seed: u64,
    force: bool,
) -> Result<()> {
    let t = lang.strings();
    let store = Backend::connect_or_open(&paths.data_dir, socket)?;
    if let Response::Snapshot(s) = store.exec(None, Request::Snapshot).map_err(|e| eyre!(e))?
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
    store.exec(None, d.into()).map_err(|e| eyre!(e))?;
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
