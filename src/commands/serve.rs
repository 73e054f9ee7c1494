//! `kinerja serve`: the daemon's command line.

use crate::config::{Config, Paths};
use crate::store::Store;
use color_eyre::eyre::Result;

/// Runs the daemon until SIGTERM/SIGINT (or, started on demand, until
/// its last client has gone).
pub fn serve(
    paths: &Paths,
    socket: std::path::PathBuf,
    config: &Config,
    check: bool,
    on_demand: bool,
) -> Result<()> {
    use crate::daemon::server;
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
            Err(crate::store::StoreError::Locked { .. })
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
        accounts: crate::daemon::session::Accounts {
            users: config.users.clone(),
            shared: config.shared.clone(),
        },
    };
    server::serve(store, &opts, &stop)?;
    Ok(())
}
