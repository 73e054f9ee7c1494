//! Placeholder: the sled store is being written.

use super::request::{Request, Response};
use crate::domain::Nip;

/// The store: owner of the sled database.
pub struct Store;

/// Why the store could not answer.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("store not implemented yet")]
    Unimplemented,
}

impl Store {
    pub fn open(_dir: &std::path::Path) -> Result<Self, StoreError> {
        Err(StoreError::Unimplemented)
    }

    pub fn execute(&self, _actor: Option<&Nip>, _req: Request) -> Result<Response, StoreError> {
        Err(StoreError::Unimplemented)
    }
}
