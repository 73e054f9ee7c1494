//! The `kinerja` binary: parses the command line and runs the TUI or a subcommand.

use clap::Parser;
use color_eyre::eyre::{Result, WrapErr, bail, eyre};
use kinerja::cli::{AuditCommand, Cli, Command};
use kinerja::config::{Config, Paths, no_color_requested, real_env};
use kinerja::daemon::Backend;
use kinerja::domain::Nip;
use kinerja::i18n::{Lang, fill};
use kinerja::store::{Exec, Request, Response, Store};
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
        Some(Command::Serve { check, on_demand }) => {
            serve(&paths, socket, &config, check, on_demand)
        }
        Some(Command::Purge { before, yes }) => purge(&paths, lang, &before, yes),
        Some(Command::Demo {
            employees,
            seed,
            force,
        }) => demo(&paths, &socket, lang, employees, seed, force),
        Some(Command::Export {
            format,
            output,
            period,
        }) => export(
            &paths,
            &socket,
            lang,
            format,
            output.as_deref(),
            period.as_deref(),
        ),
    }
}

/// Writes the export to a file (via a temp file renamed into place, so a
/// failed export never leaves half a file) or to standard output.
fn export(
    paths: &Paths,
    socket: &std::path::Path,
    lang: Lang,
    format: kinerja::io::export::Format,
    output: Option<&std::path::Path>,
    period: Option<&str>,
) -> Result<()> {
    let store = Backend::connect_or_open(&paths.data_dir, socket)?;
    let (records, n) = kinerja::io::export::from_store(&store, period).map_err(|e| eyre!(e))?;
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

/// Runs the daemon until SIGTERM/SIGINT (or, started on demand, until
/// its last client has gone).
fn serve(
    paths: &Paths,
    socket: std::path::PathBuf,
    config: &Config,
    check: bool,
    on_demand: bool,
) -> Result<()> {
    use kinerja::daemon::server;
    if check {
        println!(
            "config OK: {} Unix user(s) mapped to people; socket {}",
            config.users.len(),
            socket.display()
        );
        for (user, nip) in &config.users {
            let known = nix::unistd::User::from_name(user).ok().flatten().is_some();
            let note = if known {
                ""
            } else {
                "  (no such Unix user on this host)"
            };
            println!("  {user} → {nip}{note}");
        }
        return Ok(());
    }
    if on_demand {
        // Out of the terminal's session: closing that terminal (or a
        // dropped SSH link) must not take the daemon and its other clients
        // with it.
        let _ = nix::unistd::setsid();
    }
    let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    for sig in [signal_hook::consts::SIGTERM, signal_hook::consts::SIGINT] {
        signal_hook::flag::register(sig, std::sync::Arc::clone(&stop))?;
    }
    // A daemon that was just killed may hold the store's lock until the
    // kernel has finished tearing it down (a sync in progress): a daemon
    // started on demand to replace it waits for that.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
    let store = loop {
        match Store::open(&paths.data_dir) {
            Err(kinerja::store::StoreError::Locked { .. })
                if on_demand && std::time::Instant::now() < deadline =>
            {
                // Two clients may start a daemon at once: the one that
                // lost the race leaves quietly once the other answers.
                if std::os::unix::net::UnixStream::connect(&socket).is_ok() {
                    return Ok(());
                }
                std::thread::sleep(std::time::Duration::from_millis(100));
            }
            other => break other?,
        }
    };
    let opts = server::Options {
        socket,
        idle_exit: on_demand.then_some(std::time::Duration::from_secs(5)),
        accounts: kinerja::daemon::session::Accounts {
            users: config.users.clone(),
            shared: config.shared.clone(),
        },
    };
    server::serve(store, &opts, &stop)?;
    Ok(())
}

/// Shows what a purge would remove, or (with `yes`) removes it.
fn purge(paths: &Paths, lang: Lang, before: &str, yes: bool) -> Result<()> {
    use kinerja::store::purge;
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
            for e in &scan.entries {
                if let kinerja::store::journal::Change::Purge(p) = &e.change {
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

fn tui(
    cli: &Cli,
    paths: &Paths,
    socket: &std::path::Path,
    config: &Config,
    lang: Lang,
) -> Result<()> {
    let (tx, changes) = std::sync::mpsc::channel();
    let link = kinerja::daemon::client::Link::connect(&paths.data_dir, socket, Some(tx))?;
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
    ratatui::run(|terminal| {
        kinerja::tui::run(
            terminal,
            &mut model,
            &link,
            &theme,
            Some(&changes),
            idle_lock,
        )
    })?;
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
