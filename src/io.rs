//! Files in and out: exports and imports (backups live with the store).

pub mod atomic;
pub mod export;
pub mod import;
pub mod report;
