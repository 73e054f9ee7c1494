//! The wire protocol between `kinerja serve` and its clients: frames of a
//! u32 LE length and a codec record (the same bincode layout and headers
//! the store uses), carrying the same [`Request`]/[`Response`] the
//! in-process store answers. A connection starts with a handshake that
//! names the protocol version; anything that is not a well-formed frame
//! closes that connection and nothing else.

use crate::domain::Nip;
pub use crate::store::Changed;
use crate::store::codec::{self, CodecError, Kind, Record};
use crate::store::{Request, Response};
use serde::{Deserialize, Serialize};
use std::io::{Read, Write};

/// Bumped whenever a message changes incompatibly.
pub const PROTOCOL: u32 = 3;
/// Larger frames are refused before anything is allocated for them (a
/// seed of a whole province fits well within it).
pub const MAX_FRAME: usize = 128 << 20;

/// Who the daemon found at the other end of the socket.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Identity {
    pub uid: u32,
    pub unix_user: String,
    /// The person the config's `[users]` maps this Unix user to. `None`
    /// for an unmapped or shared account: the person is then chosen at
    /// the login screen.
    pub person: Option<Nip>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ClientMsg {
    Hello {
        protocol: u32,
        version: String,
    },
    /// `actor` is who the user chose at login; the daemon only takes it
    /// from an account that is not mapped to a person.
    Call {
        id: u64,
        actor: Option<Nip>,
        request: Request,
    },
    /// Logs this connection back in with the token of an earlier one
    /// (after the daemon restarted); answered with `Resumed`.
    Resume {
        token: String,
    },
    /// This connection wants no announcements (a CLI command, a script):
    /// the daemon stops sending it `Changed`.
    Quiet,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum ServerMsg {
    Welcome {
        protocol: u32,
        identity: Identity,
    },
    /// The connection is closed after this.
    Refused {
        reason: String,
    },
    Reply {
        id: u64,
        result: Result<Response, String>,
    },
    Changed(Changed),
    /// Sent before the reply to a right PIN: the token that logs a new
    /// connection of this client back in. Kept in memory, never shown.
    Session {
        token: String,
    },
    /// The answer to `Resume`: who is logged in now, if the token was live.
    Resumed {
        person: Option<Nip>,
    },
}

impl Record for ClientMsg {
    const KIND: Kind = Kind::ClientMsg;
    const VERSION: u16 = 1;
    const LARGE: bool = true;
}

impl Record for ServerMsg {
    const KIND: Kind = Kind::ServerMsg;
    const VERSION: u16 = 1;
    const LARGE: bool = true;
}

/// Why a frame could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum FrameError {
    #[error("the connection was closed")]
    Closed,
    #[error("a frame of {0} bytes is over the {MAX_FRAME} byte limit")]
    TooLarge(usize),
    #[error("the connection ended inside a frame ({got} of {want} bytes)")]
    Truncated { got: usize, want: usize },
    #[error("the frame is not a Kinerja message: {0}")]
    Garbage(#[from] CodecError),
    #[error("{0}")]
    Io(#[from] std::io::Error),
}

/// Writes one message as a frame.
pub fn write<T: Record>(w: &mut impl Write, msg: &T) -> Result<(), FrameError> {
    w.write_all(&frame(msg)?)?;
    w.flush()?;
    Ok(())
}

/// One message as a frame: its length, then its record.
pub fn frame<T: Record>(msg: &T) -> Result<Vec<u8>, FrameError> {
    let bytes = codec::encode(msg)?;
    if bytes.len() > MAX_FRAME {
        return Err(FrameError::TooLarge(bytes.len()));
    }
    let mut frame = Vec::with_capacity(4 + bytes.len());
    frame.extend_from_slice(&(bytes.len() as u32).to_le_bytes());
    frame.extend_from_slice(&bytes);
    Ok(frame)
}

/// Reads one message; a clean end of stream before a frame is `Closed`.
pub fn read<T: Record>(r: &mut impl Read) -> Result<T, FrameError> {
    let mut len = [0u8; 4];
    let got = read_full(r, &mut len)?;
    if got == 0 {
        return Err(FrameError::Closed);
    }
    if got < 4 {
        return Err(FrameError::Truncated { got, want: 4 });
    }
    let len = u32::from_le_bytes(len) as usize;
    if len > MAX_FRAME {
        return Err(FrameError::TooLarge(len));
    }
    // Grown as bytes arrive, so a lying length costs nothing up front.
    let mut bytes = Vec::new();
    let got = r.take(len as u64).read_to_end(&mut bytes)?;
    if got < len {
        return Err(FrameError::Truncated { got, want: len });
    }
    Ok(codec::decode(&bytes)?)
}

/// Reads until `buf` is full or the stream ends; returns how much was read.
fn read_full(r: &mut impl Read, buf: &mut [u8]) -> std::io::Result<usize> {
    let mut got = 0;
    while got < buf.len() {
        match r.read(&mut buf[got..]) {
            Ok(0) => break,
            Ok(n) => got += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(got)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_message_survives_a_round_trip() {
        let msg = ClientMsg::Call {
            id: 9,
            actor: None,
            request: Request::Snapshot,
        };
        let mut buf = Vec::new();
        write(&mut buf, &msg).expect("write");
        assert_eq!(read::<ClientMsg>(&mut buf.as_slice()).expect("read"), msg);
    }

    #[test]
    fn bad_frames_are_named() {
        let mut huge = (u32::MAX).to_le_bytes().to_vec();
        huge.extend_from_slice(b"KJ");
        assert!(matches!(
            read::<ClientMsg>(&mut huge.as_slice()),
            Err(FrameError::TooLarge(_))
        ));
        let short = [10u8, 0, 0, 0, b'K'];
        assert!(matches!(
            read::<ClientMsg>(&mut short.as_slice()),
            Err(FrameError::Truncated { got: 1, want: 10 })
        ));
        let garbage = [3u8, 0, 0, 0, 1, 2, 3];
        assert!(matches!(
            read::<ClientMsg>(&mut garbage.as_slice()),
            Err(FrameError::Garbage(_))
        ));
        assert!(matches!(
            read::<ClientMsg>(&mut [].as_slice()),
            Err(FrameError::Closed)
        ));
    }

    proptest! {
        /// Whatever a client sends, reading it never panics.
        #[test]
        fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..256)) {
            let _ = read::<ClientMsg>(&mut bytes.as_slice());
            let mut framed = (bytes.len() as u32).to_le_bytes().to_vec();
            framed.extend_from_slice(&bytes);
            let _ = read::<ClientMsg>(&mut framed.as_slice());
        }
    }
}
