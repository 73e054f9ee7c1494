//! Who a connection is and what it may ask, decided by the daemon: the
//! Unix user from the socket's peer credentials, the person that user is
//! mapped to, or the person who proved it with their PIN on this
//! connection. What a client claims about itself is never trusted.

use super::proto::Identity;
use crate::domain::Nip;
use crate::domain::pin::Check;
use crate::store::{Request, Response};
use std::collections::BTreeMap;
use std::os::unix::net::UnixStream;

/// How the daemon treats Unix users (config `[users]` and `shared`).
#[derive(Debug, Clone, Default)]
pub struct Accounts {
    /// Unix user name → the person it is.
    pub users: BTreeMap<String, Nip>,
    /// Accounts that several people use at a shared terminal: each person
    /// logs in with their PIN.
    pub shared: Vec<String>,
}

/// Who is at the other end, from the kernel's peer credentials.
pub fn identify(accounts: &Accounts, stream: &UnixStream) -> std::io::Result<Identity> {
    let cred = nix::sys::socket::getsockopt(stream, nix::sys::socket::sockopt::PeerCredentials)
        .map_err(std::io::Error::from)?;
    let uid = cred.uid();
    let unix_user = nix::unistd::User::from_uid(nix::unistd::Uid::from_raw(uid))
        .ok()
        .flatten()
        .map_or_else(|| format!("uid {uid}"), |u| u.name);
    let person = accounts.users.get(&unix_user).cloned();
    Ok(Identity {
        uid,
        unix_user,
        person,
    })
}

/// One connection's standing.
pub struct Session {
    id: Identity,
    /// The store's own user (or root): may also act as the system (the
    /// CLI on the host), as it could read the store's files anyway.
    trusted: bool,
    /// The person who gave the right PIN on this connection.
    logged_in: Option<Nip>,
    /// The token that lets a later connection resume this login.
    pub token: Option<String>,
}

impl Session {
    /// Admits a connection, or says why not.
    pub fn admit(accounts: &Accounts, id: Identity, owner: u32) -> Result<Self, String> {
        let trusted = id.uid == owner || id.uid == 0;
        if id.person.is_some() || trusted || accounts.shared.contains(&id.unix_user) {
            Ok(Self {
                id,
                trusted,
                logged_in: None,
                token: None,
            })
        } else {
            Err(format!(
                "the Unix user {} is not in the Kinerja config (neither in [users] nor in \
                 shared); ask the admin to add it",
                id.unix_user
            ))
        }
    }

    /// Who a request acts as, or why it may not be made.
    pub fn authorize(&self, claim: Option<Nip>, req: &Request) -> Result<Option<Nip>, String> {
        let who = &self.id.unix_user;
        // What anyone admitted may ask before logging in: the names to
        // pick from, and the PIN steps.
        match req {
            Request::Snapshot
            | Request::PinStatus { .. }
            | Request::CheckPin { .. }
            | Request::Logout => {
                return Ok(None);
            }
            Request::SetPin { nip, .. } => return Ok(Some(nip.clone())),
            _ => {}
        }
        let actor = match (&self.id.person, claim) {
            (Some(p), None) => Some(p.clone()),
            (Some(p), Some(c)) if *p == c => Some(c),
            (Some(p), Some(c)) => {
                return Err(format!(
                    "this terminal belongs to {who} (NIP {p}); it cannot act as {c}"
                ));
            }
            (None, Some(c)) if self.logged_in.as_ref() == Some(&c) => Some(c),
            (None, Some(c)) => {
                return Err(format!(
                    "{c} has not logged in with their PIN here; log in first"
                ));
            }
            (None, None) if self.trusted => None,
            (None, None) => return Err("log in with your PIN first".into()),
        };
        match (req, &actor) {
            (Request::ResetPin { .. }, Some(_)) => {
                Err("only the admin on the Kinerja host may reset a PIN".into())
            }
            (Request::SetCursor { user, .. } | Request::GetCursor { user }, Some(a))
                if user != a =>
            {
                Err("a person's place in the app is theirs alone".into())
            }
            _ => Ok(actor),
        }
    }

    /// Notes the login a request made: a right PIN logs its person in
    /// here (returned, to give the connection a token), a logout ends it.
    pub fn observe(&mut self, req: &Request, resp: &Response) -> Option<Nip> {
        match (req, resp) {
            (Request::CheckPin { nip, .. }, Response::PinChecked(Check::Ok)) => {
                self.logged_in = Some(nip.clone());
                Some(nip.clone())
            }
            (Request::Logout, _) => {
                self.logged_in = None;
                None
            }
            _ => None,
        }
    }

    /// Logs in the person of a resumed session.
    pub fn resume(&mut self, person: Nip, token: String) {
        self.logged_in = Some(person);
        self.token = Some(token);
    }
}
