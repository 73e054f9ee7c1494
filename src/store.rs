//! The only code that touches sled. See DESIGN.md, "What saved means".

mod apply;
pub mod backup;
pub mod codec;
pub mod doctor;
mod edit;
pub mod journal;
mod request;
mod seed;
mod sled_store;
mod trees;

pub use request::{
    CorruptRecord, Cursor, CursorScreen, Draft, Request, Response, Snapshot, TextTarget,
};
pub use sled_store::{Store, StoreError};
