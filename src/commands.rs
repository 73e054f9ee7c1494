//! The subcommands that administer a store, shared by the binary.

pub mod export;
pub mod import;
pub mod journal;
pub mod org_result;
pub mod report;
pub mod serve;

/// Borrows owned (name, value) pairs for `fill`.
pub fn pairs<'a>(args: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    args.iter().map(|(k, v)| (*k, v.as_str())).collect()
}
