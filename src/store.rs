//! The only code that touches sled. See DESIGN.md, "What saved means".

pub mod codec;
mod request;
mod sled_store;

pub use request::{CorruptRecord, Cursor, CursorScreen, Request, Response, Snapshot};
pub use sled_store::{Store, StoreError};
