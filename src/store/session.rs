//! Login sessions of the daemon's connections: a person who gave the right
//! PIN gets a token, so that a client whose daemon restarted logs back in
//! without asking again. Only the token's SHA-256 is kept, with its
//! expiry; sessions are not journalled (losing them only means a new PIN).

use super::codec::{self, Kind, Record};
use super::sled_store::{Store, StoreError};
use super::trees;
use crate::domain::Nip;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// How long a session may be resumed after its PIN was given.
pub const LIFETIME: i64 = 12 * 60 * 60;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct SessionRecord {
    nip: Nip,
    expires: i64,
}

impl Record for SessionRecord {
    const KIND: Kind = Kind::Session;
    const VERSION: u16 = 1;
}

fn key(token: &str) -> [u8; 32] {
    Sha256::digest(token.as_bytes()).into()
}

impl Store {
    /// A new session for a person who just gave the right PIN.
    pub fn open_session(&self, nip: &Nip) -> Result<String, StoreError> {
        let mut raw = [0u8; 32];
        getrandom::fill(&mut raw).map_err(|e| StoreError::Sync(std::io::Error::other(e)))?;
        let token = codec::hex(&raw);
        let r = SessionRecord {
            nip: nip.clone(),
            expires: (self.clock)() + LIFETIME,
        };
        self.trees
            .sessions
            .insert(key(&token), codec::encode(&r)?)?;
        Ok(token)
    }

    /// The person a live session belongs to; expired ones are removed.
    pub fn resume_session(&self, token: &str) -> Result<Option<Nip>, StoreError> {
        let k = key(token);
        let Some(r) = trees::get::<SessionRecord>(&self.trees.sessions, trees::SESSIONS, &k)?
        else {
            return Ok(None);
        };
        if r.expires <= (self.clock)() {
            self.trees.sessions.remove(k)?;
            return Ok(None);
        }
        Ok(Some(r.nip))
    }

    /// Ends a session (its person switched user).
    pub fn close_session(&self, token: &str) -> Result<(), StoreError> {
        self.trees.sessions.remove(key(token))?;
        Ok(())
    }
}
