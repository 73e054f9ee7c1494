//! Kinerja: on-site performance appraisal of civil servants (ASN).

pub mod config;
pub mod data;
pub mod domain;
pub mod source;
pub mod store;
pub mod theme;
