//! Imports written by an admin: all or nothing, and every problem reported
//! as `file:line: field: what is wrong` in the UI language.

pub mod template;
