//! A client of `kinerja serve`: the same `execute` as the in-process store,
//! over the socket, plus the daemon's change announcements. A daemon that
//! is not running is started on demand, the way tmux starts its server.

use super::proto::{self, Changed, ClientMsg, FrameError, Identity, PROTOCOL, ServerMsg};
use crate::domain::Nip;
use crate::store::{Request, Response};
use std::os::unix::net::UnixStream;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex, MutexGuard};
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

fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// A connection to the daemon.
pub struct Client {
    stream: Mutex<UnixStream>,
    replies: Mutex<Receiver<ServerMsg>>,
    next: AtomicU64,
    pub identity: Identity,
    pub socket: PathBuf,
    /// The login token the daemon gave after a right PIN.
    token: Arc<Mutex<Option<String>>>,
    /// False once the daemon has gone away.
    alive: Arc<AtomicBool>,
}

/// Leaving closes the connection for both halves: the reader thread
/// (which holds a clone of the socket) ends, and the daemon sees the
/// client go instead of keeping its connection open.
impl Drop for Client {
    fn drop(&mut self) {
        let _ = lock(&self.stream).shutdown(std::net::Shutdown::Both);
    }
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
        if events.is_none() {
            proto::write(&mut stream, &ClientMsg::Quiet)?;
        }
        let (tx, replies) = channel();
        // Buffered: a burst of announcements is read in few calls.
        let mut reader = std::io::BufReader::new(stream.try_clone().map_err(FrameError::Io)?);
        let token = Arc::new(Mutex::new(None));
        let alive = Arc::new(AtomicBool::new(true));
        let (token_slot, alive_flag) = (Arc::clone(&token), Arc::clone(&alive));
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
                    ServerMsg::Session { token } => *lock(&token_slot) = Some(token),
                    other => {
                        if tx.send(other).is_err() {
                            break;
                        }
                    }
                }
            }
            alive_flag.store(false, Ordering::SeqCst);
        });
        Ok(Self {
            stream: Mutex::new(stream),
            replies: Mutex::new(replies),
            next: AtomicU64::new(1),
            identity,
            socket: socket.into(),
            token,
            alive,
        })
    }

    /// Whether the daemon is still there.
    pub fn is_alive(&self) -> bool {
        self.alive.load(Ordering::SeqCst)
    }

    /// The login token of this connection, if a PIN was given on it.
    fn token(&self) -> Option<String> {
        lock(&self.token).clone()
    }

    /// Logs this connection in with an earlier connection's token.
    fn resume(&self, token: String) -> Result<Option<Nip>, ClientError> {
        let replies = lock(&self.replies);
        proto::write(
            &mut *lock(&self.stream),
            &ClientMsg::Resume {
                token: token.clone(),
            },
        )
        .map_err(|_| ClientError::Lost)?;
        loop {
            match replies.recv().map_err(|_| ClientError::Lost)? {
                ServerMsg::Resumed { person } => {
                    if person.is_some() {
                        *lock(&self.token) = Some(token);
                    }
                    return Ok(person);
                }
                ServerMsg::Reply { .. } => {}
                _ => return Err(ClientError::Lost),
            }
        }
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
                other => {
                    // The daemon is our child until it exits: reap it then,
                    // so it does not linger as a zombie.
                    std::thread::spawn(move || child.wait());
                    return other;
                }
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
        let replies = lock(&self.replies);
        let msg = ClientMsg::Call {
            id,
            actor: actor.cloned(),
            request,
        };
        proto::write(&mut *lock(&self.stream), &msg).map_err(|_| ClientError::Lost)?;
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

/// A connection that survives a daemon restart: when the daemon goes away
/// it reconnects (starting a daemon on demand), logs back in with its
/// session token, and tells the screen to reload; a call that found the
/// connection lost is sent once more. Sending a write twice is safe: an
/// edit names the revision it read, so one that had already been committed
/// comes back as a conflict showing it, never applied twice.
pub struct Link {
    data_dir: PathBuf,
    socket: PathBuf,
    events: Option<Sender<Changed>>,
    client: Mutex<Client>,
    /// The last `Watch` sent, sent again on a new connection.
    watching: Mutex<Option<Request>>,
    /// No reconnect attempt before this (after a failed one).
    retry_at: Mutex<Instant>,
}

/// How long a failed reconnect waits before the next try.
const RETRY: Duration = Duration::from_secs(2);

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
            watching: Mutex::new(None),
            retry_at: Mutex::new(Instant::now()),
        })
    }

    /// Who the daemon says this connection is.
    pub fn identity(&self) -> Identity {
        lock(&self.client).identity.clone()
    }

    /// Replaces a lost connection, logged back in; the screen reloads.
    fn reconnect(&self, client: &mut Client) -> Result<(), ClientError> {
        let token = client.token();
        let fresh = Client::connect_or_start(&self.data_dir, &self.socket, self.events.clone())?;
        if let Some(token) = token {
            fresh.resume(token)?;
        }
        if let Some(watch) = lock(&self.watching).clone() {
            fresh.call(None, watch)?;
        }
        *client = fresh;
        if let Some(events) = &self.events {
            let _ = events.send(Changed::Resync);
        }
        Ok(())
    }

    pub fn call(&self, actor: Option<&Nip>, request: Request) -> Result<Response, ClientError> {
        if matches!(request, Request::Watch { .. }) {
            *lock(&self.watching) = Some(request.clone());
        }
        let mut client = lock(&self.client);
        match client.call(actor, request.clone()) {
            Err(ClientError::Lost) => {}
            other => return other,
        }
        self.reconnect(&mut client)?;
        client.call(actor, request)
    }

    /// Reconnects if the daemon went away while nobody was calling, so an
    /// idle screen keeps hearing of changes. Tries at most every 2 s.
    pub fn heal(&self) {
        let mut client = lock(&self.client);
        let mut retry_at = lock(&self.retry_at);
        if client.is_alive() || Instant::now() < *retry_at {
            return;
        }
        if self.reconnect(&mut client).is_err() {
            *retry_at = Instant::now() + RETRY;
        }
    }
}
