//! A daemon serving a store from a temp dir in a thread of the test
//! process: the socket and the clients are real.

use kinerja::daemon::client::Client;
use kinerja::daemon::server::{self, Options};
use kinerja::domain::Nip;
use kinerja::store::{Changed, Store};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Sender;
use std::thread::JoinHandle;
use std::time::Duration;

pub struct Daemon {
    pub socket: PathBuf,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl Daemon {
    /// Serves `store` (opened on `data`) with the given `[users]`.
    pub fn start(data: &Path, store: Store, users: &[(&str, Nip)]) -> Self {
        let socket = data.join("kinerja.sock");
        let opts = Options {
            socket: socket.clone(),
            idle_exit: None,
            accounts: kinerja::daemon::session::Accounts {
                users: users
                    .iter()
                    .map(|(u, n)| ((*u).to_string(), n.clone()))
                    .collect(),
                shared: Vec::new(),
            },
        };
        let stop = Arc::new(AtomicBool::new(false));
        let flag = Arc::clone(&stop);
        let thread = std::thread::spawn(move || {
            server::serve(store, &opts, &flag).expect("serve");
        });
        for _ in 0..500 {
            if Client::connect(&socket, None).is_ok() {
                break;
            }
            std::thread::sleep(Duration::from_millis(10));
        }
        Self {
            socket,
            stop,
            thread: Some(thread),
        }
    }

    pub fn client(&self) -> Client {
        Client::connect(&self.socket, None).expect("connect")
    }

    /// A client whose announcements arrive on `events`.
    pub fn listener(&self, events: Sender<Changed>) -> Client {
        Client::connect(&self.socket, Some(events)).expect("connect")
    }
}

impl Drop for Daemon {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}
