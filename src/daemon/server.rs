//! `kinerja serve`: owns the store and answers clients on a Unix socket,
//! one thread per connection, and pushes every committed change to every
//! client. Who a client is comes from the socket's peer credentials, never
//! from what it says.

use super::proto::{self, Changed, ClientMsg, FrameError, PROTOCOL, ServerMsg};
use super::session::{Accounts, Session, identify};
use crate::domain::Nip;
use crate::store::{Request, Response, Store};
use std::collections::HashSet;
use std::os::unix::fs::PermissionsExt;
use std::os::unix::net::{UnixListener, UnixStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, TrySendError, sync_channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How many messages may wait for a slow client before it is dropped.
const QUEUE: usize = 1024;
/// How long a new connection has to say hello.
const HELLO_WAIT: Duration = Duration::from_secs(5);

/// How the daemon runs.
#[derive(Debug, Clone)]
pub struct Options {
    pub socket: PathBuf,
    /// Exit after this long without clients (a daemon started on demand).
    pub idle_exit: Option<Duration>,
    /// Who may connect and as whom (config `[users]` and `shared`).
    pub accounts: Accounts,
}

/// Why the daemon could not start.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("a Kinerja daemon is already listening on {0}")]
    Running(PathBuf),
    #[error(
        "the socket path {0} is too long for a Unix socket (at most 107 bytes); \
         pass a shorter --socket"
    )]
    PathTooLong(PathBuf),
    #[error("cannot listen on {path}: {source}")]
    Bind {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// An encoded frame, shared by every client it is announced to.
type Frame = Arc<Vec<u8>>;

/// One connected client, as the hub sees it.
struct Peer {
    id: u64,
    out: SyncSender<Frame>,
    stream: UnixStream,
    /// Wants announcements (a TUI); a quiet one (a CLI command) does not.
    listening: bool,
    /// Only of these records (period, employees), once it said so.
    watch: Option<(String, HashSet<Nip>)>,
}

impl Peer {
    fn wants(&self, changed: &Changed) -> bool {
        let key = match changed {
            Changed::Assessment { key, .. }
            | Changed::SelfAssessment { key, .. }
            | Changed::Feedback { key } => key,
            Changed::Roster
            | Changed::ActivePeriod(_)
            | Changed::UnitResults(_)
            | Changed::Resync => return self.listening,
        };
        self.listening
            && self
                .watch
                .as_ref()
                .is_none_or(|(period, who)| period == &key.period && who.contains(&key.employee))
    }
}

/// The connected clients, to announce changes to.
#[derive(Default)]
struct Hub {
    peers: Mutex<Vec<Peer>>,
}

impl Hub {
    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Peer>> {
        self.peers
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// Pushes a change to every listening client, encoded once; one that
    /// has stopped reading is disconnected rather than allowed to hold
    /// anyone up.
    fn announce(&self, changed: &Changed) {
        let frame: Frame = match proto::frame(&ServerMsg::Changed(changed.clone())) {
            Ok(f) => Arc::new(f),
            Err(e) => return log(&format!("cannot encode an announcement: {e}")),
        };
        self.lock().retain(|p| {
            if !p.wants(changed) {
                return true;
            }
            match p.out.try_send(Arc::clone(&frame)) {
                Ok(()) => true,
                Err(TrySendError::Full(_)) => {
                    log(&format!("client #{} is not reading; disconnected", p.id));
                    let _ = p.stream.shutdown(std::net::Shutdown::Both);
                    false
                }
                Err(TrySendError::Disconnected(_)) => false,
            }
        });
    }

    /// The client wants no announcements.
    fn quiet(&self, id: u64) {
        for p in self.lock().iter_mut().filter(|p| p.id == id) {
            p.listening = false;
        }
    }

    /// The client wants only changes to what its screen shows.
    fn watch(&self, id: u64, period: &str, employees: &[Nip]) {
        for p in self.lock().iter_mut().filter(|p| p.id == id) {
            p.watch = Some((period.to_string(), employees.iter().cloned().collect()));
        }
    }

    fn remove(&self, id: u64) {
        self.lock().retain(|p| p.id != id);
    }
}

/// A line in the daemon's log (standard error).
fn log(msg: &str) {
    let now = time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default();
    eprintln!("{now} kinerja serve: {msg}");
}

/// The state every connection thread shares.
struct Shared {
    store: Store,
    hub: Hub,
    accounts: Accounts,
    owner: u32,
    clients: AtomicUsize,
    next_id: AtomicU64,
}

/// Binds the socket, refusing to take over one a live daemon answers on.
fn bind(path: &Path) -> Result<UnixListener, ServeError> {
    if path.as_os_str().len() > 107 {
        return Err(ServeError::PathTooLong(path.to_path_buf()));
    }
    if UnixStream::connect(path).is_ok() {
        return Err(ServeError::Running(path.to_path_buf()));
    }
    // A socket file left by a daemon that died: nobody answers on it.
    let _ = std::fs::remove_file(path);
    let bind_err = |source| ServeError::Bind {
        path: path.to_path_buf(),
        source,
    };
    let listener = UnixListener::bind(path).map_err(bind_err)?;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o660)).map_err(bind_err)?;
    Ok(listener)
}

/// Serves until `stop` is set or, with `idle_exit`, until no client has
/// been connected for that long. The store is closed on return.
pub fn serve(store: Store, opts: &Options, stop: &AtomicBool) -> Result<(), ServeError> {
    let listener = bind(&opts.socket)?;
    listener
        .set_nonblocking(true)
        .map_err(|source| ServeError::Bind {
            path: opts.socket.clone(),
            source,
        })?;
    log(&format!("listening on {}", opts.socket.display()));
    let shared = Arc::new(Shared {
        store,
        hub: Hub::default(),
        accounts: opts.accounts.clone(),
        owner: nix::unistd::geteuid().as_raw(),
        clients: AtomicUsize::new(0),
        next_id: AtomicU64::new(1),
    });
    let mut idle_since = Instant::now();
    while !stop.load(Ordering::Relaxed) {
        match listener.accept() {
            Ok((stream, _)) => {
                let shared = Arc::clone(&shared);
                shared.clients.fetch_add(1, Ordering::SeqCst);
                std::thread::spawn(move || {
                    connection(&shared, stream);
                    shared.clients.fetch_sub(1, Ordering::SeqCst);
                });
            }
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                if shared.clients.load(Ordering::SeqCst) > 0 {
                    idle_since = Instant::now();
                } else if opts.idle_exit.is_some_and(|d| idle_since.elapsed() >= d) {
                    log("no clients left; exiting");
                    break;
                }
                std::thread::sleep(Duration::from_millis(20));
            }
            Err(e) => log(&format!("accept failed: {e}")),
        }
    }
    let _ = std::fs::remove_file(&opts.socket);
    // Connection threads hold the store until their clients leave; a
    // stop closes their sockets so the store can close with them.
    for p in shared.hub.lock().iter() {
        let _ = p.stream.shutdown(std::net::Shutdown::Both);
    }
    // Closing sled flushes it, which can wait forever if its files were
    // taken away (seen when a test's data dir is deleted under a daemon).
    // Every change is in the synced journal already, so the daemon does
    // not wait more than a moment: whatever sled missed is replayed.
    let (done, closed) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        drop(shared);
        let _ = done.send(());
    });
    if closed.recv_timeout(CLOSE_WAIT).is_err() {
        log("the store did not close in time; the journal has every change");
    }
    Ok(())
}

/// How long stopping waits for the store to close.
const CLOSE_WAIT: Duration = Duration::from_secs(5);

/// What a write will announce once it succeeds; taken before the
/// request is handed to the store.
enum Announce {
    Edit,
    Done(Changed),
}

fn announce(req: &Request) -> Option<Announce> {
    match req {
        Request::Edit { .. } | Request::SelfEdit { .. } | Request::AddFeedback { .. } => {
            Some(Announce::Edit)
        }
        Request::Seed { .. } => Some(Announce::Done(Changed::Roster)),
        Request::SetActivePeriod { period } => {
            Some(Announce::Done(Changed::ActivePeriod(period.clone())))
        }
        Request::SetUnitResult { period, .. } => {
            Some(Announce::Done(Changed::UnitResults(period.clone())))
        }
        Request::RetractFeedback { key, .. } => {
            Some(Announce::Done(Changed::Feedback { key: key.clone() }))
        }
        _ => None,
    }
}

fn changed(announce: Option<Announce>, resp: &Response) -> Option<Changed> {
    match (announce?, resp) {
        (Announce::Edit, Response::Saved(a)) => Some(Changed::Assessment {
            key: a.key.clone(),
            revision: a.revision,
            by: a.updated_by.clone(),
        }),
        (Announce::Edit, Response::SelfSaved(s)) => Some(Changed::SelfAssessment {
            key: s.key.clone(),
            revision: s.revision,
        }),
        (Announce::Edit, Response::FeedbackSaved(f)) => {
            Some(Changed::Feedback { key: f.key.clone() })
        }
        (Announce::Done(c), Response::Done) => Some(c),
        _ => None,
    }
}

/// Writes queued announcements to one client until either side goes
/// away; what queued up meanwhile goes out in one write.
fn writer(out: Outbox, queue: Receiver<Frame>) {
    let mut batch = Vec::new();
    while let Ok(first) = queue.recv() {
        batch.clear();
        batch.extend_from_slice(&first);
        while let Ok(more) = queue.try_recv() {
            batch.extend_from_slice(&more);
        }
        if !out.send_bytes(&batch) {
            break;
        }
    }
}

/// The writing half of a connection: answers are written straight from
/// the connection's thread, announcements by its writer thread.
#[derive(Clone)]
struct Outbox(Arc<Mutex<UnixStream>>);

impl Outbox {
    /// Writes one message; false (and the socket shut) if it failed.
    fn send(&self, msg: &ServerMsg) -> bool {
        match proto::frame(msg) {
            Ok(frame) => self.send_bytes(&frame),
            Err(e) => {
                log(&format!("cannot encode an answer: {e}"));
                false
            }
        }
    }

    /// Writes whole frames; false (and the socket shut) if it failed.
    fn send_bytes(&self, frames: &[u8]) -> bool {
        use std::io::Write;
        let mut stream = self
            .0
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        if stream.write_all(frames).is_ok() {
            return true;
        }
        let _ = stream.shutdown(std::net::Shutdown::Both);
        false
    }
}

/// One client from hello to goodbye. Whatever it sends, only this
/// connection is affected.
fn connection(shared: &Shared, mut stream: UnixStream) {
    let conn = shared.next_id.fetch_add(1, Ordering::Relaxed);
    let id = match identify(&shared.accounts, &stream) {
        Ok(id) => id,
        Err(e) => {
            return log(&format!(
                "client #{conn}: no peer credentials ({e}); closed"
            ));
        }
    };
    let who = format!("client #{conn} ({}, uid {})", id.unix_user, id.uid);
    let _ = stream.set_read_timeout(Some(HELLO_WAIT));
    let hello = proto::read::<ClientMsg>(&mut stream);
    let refuse = |stream: &mut UnixStream, reason: String| {
        log(&format!("{who}: refused: {reason}"));
        let _ = proto::write(stream, &ServerMsg::Refused { reason });
    };
    match hello {
        Ok(ClientMsg::Hello { protocol, .. }) if protocol == PROTOCOL => {}
        Ok(ClientMsg::Hello { protocol, version }) => {
            return refuse(
                &mut stream,
                format!(
                    "this daemon speaks protocol {PROTOCOL}, the client (Kinerja {version}) \
                     speaks {protocol}; use the same Kinerja version for both"
                ),
            );
        }
        Ok(other) => return refuse(&mut stream, format!("expected a hello, got {other:?}")),
        Err(e) => return log(&format!("{who}: closed before the handshake: {e}")),
    }
    let mut session = match Session::admit(&shared.accounts, id.clone(), shared.owner) {
        Ok(s) => s,
        Err(reason) => return refuse(&mut stream, reason),
    };
    let _ = stream.set_read_timeout(None);
    let (queue_in, queue) = sync_channel(QUEUE);
    let (Ok(write_half), Ok(hub_half)) = (stream.try_clone(), stream.try_clone()) else {
        return log(&format!("{who}: cannot share the socket; closed"));
    };
    let out = Outbox(Arc::new(Mutex::new(write_half)));
    let events = out.clone();
    let writer = std::thread::spawn(move || writer(events, queue));
    let welcome = ServerMsg::Welcome {
        protocol: PROTOCOL,
        identity: id.clone(),
    };
    if out.send(&welcome) {
        shared.hub.lock().push(Peer {
            id: conn,
            out: queue_in.clone(),
            stream: hub_half,
            listening: true,
            watch: None,
        });
        log(&format!("{who}: connected"));
        // Buffered: calls that arrive together are read in few calls.
        let reason = match stream.try_clone() {
            Ok(s) => {
                let mut reader = std::io::BufReader::new(s);
                serve_calls(shared, conn, &mut session, &mut reader, &out)
            }
            Err(e) => format!("cannot read the socket: {e}"),
        };
        log(&format!("{who}: closed: {reason}"));
    }
    shared.hub.remove(conn);
    drop(queue_in);
    let _ = stream.shutdown(std::net::Shutdown::Both);
    let _ = writer.join();
}

/// Answers calls until the client leaves or sends something malformed;
/// returns why the connection ends.
fn serve_calls(
    shared: &Shared,
    conn: u64,
    session: &mut Session,
    stream: &mut impl std::io::Read,
    out: &Outbox,
) -> String {
    loop {
        let (call, actor_claim, request) = match proto::read::<ClientMsg>(stream) {
            Ok(ClientMsg::Call { id, actor, request }) => (id, actor, request),
            Ok(ClientMsg::Resume { token }) => {
                let person = shared.store.resume_session(&token).ok().flatten();
                if let Some(p) = &person {
                    session.resume(p.clone(), token);
                }
                if !out.send(&ServerMsg::Resumed { person }) {
                    return "the client stopped reading".into();
                }
                continue;
            }
            Ok(ClientMsg::Quiet) => {
                shared.hub.quiet(conn);
                continue;
            }
            Ok(ClientMsg::Hello { .. }) => return "a second hello".into(),
            Err(FrameError::Closed) => return "the client left".into(),
            Err(e) => return e.to_string(),
        };
        // What the connection wants to hear of is its own business: no
        // person needed, nothing stored.
        if let Request::Watch { period, employees } = &request {
            shared.hub.watch(conn, period, employees);
            if !out.send(&ServerMsg::Reply {
                id: call,
                result: Ok(Response::Done),
            }) {
                return "the client stopped reading".into();
            }
            continue;
        }
        let result = session.authorize(actor_claim, &request).and_then(|actor| {
            let announce = announce(&request);
            let login = matches!(request, Request::CheckPin { .. } | Request::Logout)
                .then(|| request.clone());
            let resp = shared
                .store
                .execute(actor.as_ref(), request)
                .map_err(|e| e.to_string())?;
            if let Some(req) = login {
                let person = session.observe(&req, &resp);
                // A new login or a logout ends the connection's old one.
                if (person.is_some() || matches!(req, Request::Logout))
                    && let Some(old) = session.token.take()
                {
                    let _ = shared.store.close_session(&old);
                }
                if let Some(person) = person {
                    let token = shared
                        .store
                        .open_session(&person)
                        .map_err(|e| e.to_string())?;
                    session.token = Some(token.clone());
                    out.send(&ServerMsg::Session { token });
                }
            }
            if let Some(c) = changed(announce, &resp) {
                shared.hub.announce(&c);
            }
            Ok(resp)
        });
        if !out.send(&ServerMsg::Reply { id: call, result }) {
            return "the client stopped reading".into();
        }
    }
}
