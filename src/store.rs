//! The only code that touches sled. See DESIGN.md, "What saved means".

pub mod codec;
mod edit;
mod request;
mod seed;
mod sled_store;
mod trees;

pub use request::{CorruptRecord, Cursor, CursorScreen, Request, Response, Snapshot};
pub use sled_store::{Store, StoreError};
