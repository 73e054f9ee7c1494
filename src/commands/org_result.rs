//! `kinerja org-result`: the Capaian Kinerja Organisasi of a period's
//! units, listed, or set for one unit.

use crate::config::Paths;
use crate::daemon::Backend;
use crate::domain::org_result::OrgResult;
use crate::i18n::{Lang, fill};
use crate::store::{Exec, Request, Response};
use color_eyre::eyre::{Result, bail, eyre};
use std::path::Path;

/// Lists the period's unit results, or with `set`, sets one unit's.
pub fn command(
    paths: &Paths,
    socket: &Path,
    lang: Lang,
    period: Option<&str>,
    set: Option<(&str, &str)>,
) -> Result<()> {
    let t = lang.strings();
    let store = Backend::connect_or_open(&paths.data_dir, socket)?;
    let snap = super::snapshot(&store)?;
    let Some(period) = period.map(str::to_string).or(snap.active_period.clone()) else {
        bail!("{}", t.cli_no_period);
    };
    if let Some((unit, value)) = set {
        let Some(result) = OrgResult::parse(value) else {
            let ids: Vec<&str> = OrgResult::ALL.iter().map(|r| r.id()).collect();
            bail!(
                "{}",
                fill(
                    t.cli_org_result_bad,
                    &[("value", value), ("ids", &ids.join(", "))]
                )
            );
        };
        let req = Request::SetUnitResult {
            period: period.clone(),
            unit: unit.to_string(),
            result,
        };
        match store.exec(None, req).map_err(|e| eyre!(e))? {
            Response::Done => {}
            Response::Rejected(why) => bail!("{why}"),
            other => bail!("unexpected answer: {other:?}"),
        }
    }
    let Response::UnitResults { items, .. } = store
        .exec(
            None,
            Request::UnitResults {
                period: period.clone(),
            },
        )
        .map_err(|e| eyre!(e))?
    else {
        bail!("the store did not answer with unit results");
    };
    println!("{}", fill(t.cli_org_result_head, &[("period", &period)]));
    for u in &snap.org.units {
        let r = items.iter().find(|r| r.unit == u.id);
        let value = r.map_or("—", |r| r.result.label());
        println!("  {:<16} {value:<22} {}", u.id, u.name);
    }
    Ok(())
}
