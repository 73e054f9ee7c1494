//! The subcommands that administer a store, shared by the binary.

pub mod import;
pub mod journal;
pub mod serve;

/// The time now, in Unix seconds.
pub fn unix_now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
}

/// Borrows owned (name, value) pairs for `fill`.
pub fn pairs<'a>(args: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    args.iter().map(|(k, v)| (*k, v.as_str())).collect()
}
