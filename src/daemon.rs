//! Many terminals, one store: `kinerja serve` owns the sled store and
//! answers [`Request`]s on a Unix socket; the TUI and the CLI are its
//! clients. See DESIGN.md and the README's "Several terminals".

pub mod client;
pub mod proto;
pub mod server;
pub mod session;

use crate::domain::Nip;
use crate::store::{Exec, Request, Response, Store};
use client::Client;
use std::path::{Path, PathBuf};

/// The socket's file name beside the store.
pub const SOCKET: &str = "kinerja.sock";

/// The socket to use: `--socket`, else the one in the data dir.
pub fn socket_path(data_dir: &Path, flag: Option<&Path>) -> PathBuf {
    flag.map_or_else(|| data_dir.join(SOCKET), Path::to_path_buf)
}

impl Exec for Client {
    fn exec(&self, actor: Option<&Nip>, req: Request) -> Result<Response, String> {
        self.call(actor, req).map_err(|e| e.to_string())
    }
}

impl Exec for client::Link {
    fn exec(&self, actor: Option<&Nip>, req: Request) -> Result<Response, String> {
        self.call(actor, req).map_err(|e| e.to_string())
    }

    fn heal(&self) {
        client::Link::heal(self);
    }
}

/// The store in this process, or the daemon's over its socket.
pub enum Backend {
    Local(Store),
    Remote(Client),
}

impl Backend {
    /// The running daemon's store if one answers, else the store opened
    /// here (for short CLI commands: nothing is started for them).
    pub fn connect_or_open(data_dir: &Path, socket: &Path) -> color_eyre::Result<Self> {
        match Client::connect(socket, None) {
            Ok(c) => Ok(Self::Remote(c)),
            Err(client::ClientError::NoDaemon(_)) => Ok(Self::Local(Store::open(data_dir)?)),
            Err(e) => Err(e.into()),
        }
    }
}

impl Exec for Backend {
    fn exec(&self, actor: Option<&Nip>, req: Request) -> Result<Response, String> {
        match self {
            Self::Local(s) => s.exec(actor, req),
            Self::Remote(c) => c.exec(actor, req),
        }
    }
}
