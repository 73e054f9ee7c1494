//! The only code that touches sled. See DESIGN.md, "What saved means".

mod access;
mod apply;
pub mod backup;
mod career;
pub mod codec;
mod dashboard;
pub mod doctor;
mod edit;
mod feedback;
pub mod journal;
mod pin;
pub mod purge;
mod request;
mod seed;
mod self_edit;
mod session;
mod sled_store;
mod trees;
mod trend;
mod unit_result;

pub use request::{
    Changed, CorruptRecord, Cursor, CursorScreen, Draft, Request, Response, Snapshot, StepText,
    TextTarget,
};
pub use sled_store::{Store, StoreError, unix_now};

/// Anything that answers store requests: the store itself, or a client of
/// the daemon that owns it. Errors are the store's messages.
pub trait Exec {
    fn exec(&self, actor: Option<&crate::domain::Nip>, req: Request) -> Result<Response, String>;

    /// Called while the screen is idle: a connection to a daemon that went
    /// away is made again here. Nothing to do for the store itself.
    fn heal(&self) {}
}

impl Exec for Store {
    fn exec(&self, actor: Option<&crate::domain::Nip>, req: Request) -> Result<Response, String> {
        self.execute(actor, req).map_err(|e| e.to_string())
    }
}
