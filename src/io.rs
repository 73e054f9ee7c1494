//! Files in and out: exports (imports and backups come in later issues).

pub mod export;
