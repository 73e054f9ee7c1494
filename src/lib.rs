//! Kinerja: on-site performance appraisal of civil servants (ASN).

pub mod cli;
pub mod commands;
pub mod config;
pub mod daemon;
pub mod data;
pub mod domain;
pub mod i18n;
pub mod io;
pub mod source;
pub mod store;
pub mod theme;
pub mod tui;
pub mod wit;
