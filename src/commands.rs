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

/// The store's roster, reference data and active period.
pub fn snapshot(store: &dyn crate::store::Exec) -> color_eyre::Result<crate::store::Snapshot> {
    use crate::store::{Request, Response};
    match store
        .exec(None, Request::Snapshot)
        .map_err(|e| color_eyre::eyre::eyre!(e))?
    {
        Response::Snapshot(s) => Ok(*s),
        other => color_eyre::eyre::bail!("the store did not answer with a snapshot: {other:?}"),
    }
}
