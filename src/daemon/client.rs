//! A client of `kinerja serve`: the same `execute` as the in-process store,
//! over the socket, plus the daemon's change announcements. A daemon that
//! is not running is started on demand, the way tmux starts its server.

use super::proto::{self, Changed, ClientMsg, FrameError, Identity, PROTOCOL, ServerMsg};
use crate::domain::Nip;
use crate::store::{Request, Response};
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Mutex, atomic::AtomicU64, atomic::Ordering};
use std::time::{Duration, Instant};

/// How long a daemon started on demand may take to answer (it replays
/// any journal entries its store has not applied before it listens).
const START_WAIT: Duration = Duration::from_secs(60);

/// Why a call could not be made.
#[derive(Debug, thiserror::Error)]
pub enum ClientError {
    #[error("no Kinerja daemon is listening on {0}")]
    NoDaemon(PathBuf),
    #[error("the daemon refused the connection: {0}")]
    Refused(String),
    #[error(
        "the connection to the Kinerja daemon was lost; the last change may not \
         be saved — reconnect and check it"
    )]
    Lost,
    #[error("the daemon could not be started: {0}")]
    Start(String),
    /// The daemon answered the call with an error (the store's message).
    #[error("{0}")]
    Failed(String),
    #[error("talking to the daemon failed: {0}")]
    Frame(#[from] FrameError),
}

/// A connection to the daemon.
pub struct Client {
    stream: Mutex<UnixStream>,
    replies: Mutex<Receiver<ServerMsg>>,
    next: AtomicU64,
    pub identity: Identity,
    pub socket: PathBuf,
}

impl Client {
    /// Connects and shakes hands; announcements go to `events`.
    pub fn connect(socket: &Path, events: Option<Sender<Changed>>) -> Result<Self, ClientError> {
        let mut stream = UnixStream::connect(socket).map_err(|e| match e.kind() {
            std::io::ErrorKind::PermissionDenied => ClientError::Refused(format!(
                "your Unix user may not use the socket {}; ask the admin to add it to \
                 the socket's group",
                socket.display()
            )),
            _ => ClientError::NoDaemon(socket.into()),
        })?;
        let hello = ClientMsg::Hello {
            protocol: PROTOCOL,
            version: env!("CARGO_PKG_VERSION").into(),
        };
        proto::write(&mut stream, &hello)?;
        let identity = match proto::read::<ServerMsg>(&mut stream)? {
            ServerMsg::Welcome { identity, .. } => identity,
            ServerMsg::Refused { reason } => return Err(ClientError::Refused(reason)),
            other => {
                return Err(ClientError::Refused(format!(
                    "unexpected answer to hello: {other:?}"
                )));
            }
        };
        let (tx, replies) = channel();
        let mut reader = stream.try_clone().map_err(FrameError::Io)?;
        std::thread::spawn(move || {
            // Ends when the daemon goes away; dropping `tx` then tells a
            // waiting call that the connection is lost.
            while let Ok(msg) = proto::read::<ServerMsg>(&mut reader) {
                match msg {
                    ServerMsg::Changed(c) => {
                        if let Some(events) = &events {
                            let _ = events.send(c);
                        }
                    }
                    other => {
                        if tx.send(other).is_err() {
                            break;
                        }
                    }
                }
            }
        });
        Ok(Self {
            stream: Mutex::new(stream),
            replies: Mutex::new(replies),
            next: AtomicU64::new(1),
            identity,
            socket: socket.into(),
        })
    }

    /// Connects, starting a daemon for `data_dir` first if none answers.
    pub fn connect_or_start(
        data_dir: &Path,
        socket: &Path,
        events: Option<Sender<Changed>>,
    ) -> Result<Self, ClientError> {
        match Self::connect(socket, events.clone()) {
            Err(ClientError::NoDaemon(_)) => {}
            other => return other,
        }
        let log = data_dir.join("serve.log");
        std::fs::create_dir_all(data_dir).map_err(|e| ClientError::Start(e.to_string()))?;
        let stderr = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&log)
            .map_err(|e| ClientError::Start(format!("{}: {e}", log.display())))?;
        let exe = std::env::current_exe().map_err(|e| ClientError::Start(e.to_string()))?;
        let mut child = std::process::Command::new(exe)
            .arg("--data-dir")
            .arg(data_dir)
            .arg("serve")
            .arg("--socket")
            .arg(socket)
            .arg("--on-demand")
            .stdin(std::process::Stdio::null())
            .stdout(std::process::Stdio::null())
            .stderr(stderr)
            .spawn()
            .map_err(|e| ClientError::Start(e.to_string()))?;
        let deadline = Instant::now() + START_WAIT;
        loop {
            match Self::connect(socket, events.clone()) {
                Err(ClientError::NoDaemon(_)) if Instant::now() < deadline => {}
                other => return other,
            }
            if let Ok(Some(status)) = child.try_wait() {
                // Another client's daemon may have won the race: try again,
                // then give the log's last line as the reason.
                if let Ok(c) = Self::connect(socket, events.clone()) {
                    return Ok(c);
                }
                let text = std::fs::read_to_string(&log).unwrap_or_default();
                let last = text.lines().last().unwrap_or("").to_string();
                return Err(ClientError::Start(format!("{status}: {last}")));
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Sends one request and waits for its answer.
    pub fn call(&self, actor: Option<&Nip>, request: Request) -> Result<Response, ClientError> {
        let id = self.next.fetch_add(1, Ordering::Relaxed);
        let replies = self
            .replies
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        {
            let mut stream = self
                .stream
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner);
            let msg = ClientMsg::Call {
                id,
                actor: actor.cloned(),
                request,
            };
            proto::write(&mut *stream, &msg).map_err(|_| ClientError::Lost)?;
        }
        loop {
            match replies.recv().map_err(|_| ClientError::Lost)? {
                ServerMsg::Reply { id: got, result } if got == id => {
                    return result.map_err(ClientError::Failed);
                }
                // An answer to a call given up on earlier.
                ServerMsg::Reply { .. } => {}
                ServerMsg::Refused { reason } => return Err(ClientError::Refused(reason)),
                _ => return Err(ClientError::Lost),
            }
        }
    }
}

/// A connection that survives a daemon restart: a call that finds the
/// connection lost reconnects (starting a daemon on demand) and is sent
/// once more, and the screen is told to reload. Sending a write twice is
/// safe: an edit names the revision it read, so one that had already been
/// committed comes back as a conflict showing it, never applied twice.
pub struct Link {
    data_dir: PathBuf,
    socket: PathBuf,
    events: Option<Sender<Changed>>,
    client: Mutex<Client>,
}

impl Link {
    pub fn connect(
        data_dir: &Path,
        socket: &Path,
        events: Option<Sender<Changed>>,
    ) -> Result<Self, ClientError> {
        let client = Client::connect_or_start(data_dir, socket, events.clone())?;
        Ok(Self {
            data_dir: data_dir.into(),
            socket: socket.into(),
            events,
            client: Mutex::new(client),
        })
    }

    /// Who the daemon says this connection is.
    pub fn identity(&self) -> Identity {
        self.lock().identity.clone()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Client> {
        self.client
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    pub fn call(&self, actor: Option<&Nip>, request: Request) -> Result<Response, ClientError> {
        let mut client = self.lock();
        match client.call(actor, request.clone()) {
            Err(ClientError::Lost) => {}
            other => return other,
        }
        *client = Client::connect_or_start(&self.data_dir, &self.socket, self.events.clone())?;
        if let Some(events) = &self.events {
            let _ = events.send(Changed::Resync);
        }
        client.call(actor, request)
    }
}
