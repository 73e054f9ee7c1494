//! Files in and out: exports and imports.

pub mod export;
pub mod import;
