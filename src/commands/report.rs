//! `kinerja report`: an employee's printable evaluation document, or one
//! per employee of a unit plus the unit's recap (`index.html`).

use crate::config::Paths;
use crate::daemon::Backend;
use crate::domain::{Assessment, Nip};
use crate::i18n::{Lang, fill};
use crate::io::report::{Page, RecapRow, document, page, recap};
use crate::store::{Exec, Request, Response, Snapshot};
use color_eyre::eyre::{Result, bail, eyre};
use std::path::Path;

/// Who the report is for.
pub enum Target<'a> {
    Employee(&'a str),
    Unit(&'a str),
}

/// A bar on a terminal's standard error for more than a few pages.
fn bar(n: usize) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if n <= 20 || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    let style = indicatif::ProgressStyle::with_template("{msg} [{bar:40}] {pos}/{len}")
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
    indicatif::ProgressBar::new(n as u64).with_style(style)
}

fn write_file(path: &Path, html: &str, lang: Lang) -> Result<()> {
    crate::io::atomic::write(path, |w| w.write_all(html.as_bytes())).map_err(|e| {
        eyre!(
            "{}",
            fill(
                lang.strings().cli_report_write,
                &[
                    ("file", &path.display().to_string()),
                    ("why", &e.to_string())
                ]
            )
        )
    })
}

pub fn command(
    paths: &Paths,
    socket: &Path,
    lang: Lang,
    target: &Target<'_>,
    period: Option<&str>,
    output: &Path,
) -> Result<()> {
    let t = lang.strings();
    let store = Backend::connect_or_open(&paths.data_dir, socket)?;
    let Snapshot {
        org,
        reference,
        active_period,
        ..
    } = super::snapshot(&store)?;
    let Some(period_id) = period.map(str::to_string).or(active_period) else {
        bail!("{}", t.cli_no_period);
    };
    let Some(period) = org.period(&period_id).cloned() else {
        bail!(
            "{}",
            fill(t.cli_report_no_period, &[("period", &period_id)])
        );
    };
    let results = match store
        .exec(
            None,
            Request::UnitResults {
                period: period.id.clone(),
            },
        )
        .map_err(|e| eyre!(e))?
    {
        Response::UnitResults { items, .. } => items,
        _ => Vec::new(),
    };
    let people: Vec<&crate::domain::Person> = match target {
        Target::Employee(nip) => {
            let nip = Nip::parse(nip).map_err(|e| eyre!("--employee {nip}: {e}"))?;
            let Some(p) = org.people.iter().find(|p| p.nip == nip) else {
                bail!(
                    "{}",
                    fill(t.cli_report_no_employee, &[("nip", nip.as_str())])
                );
            };
            vec![p]
        }
        Target::Unit(unit) => {
            if org.unit(unit).is_none() {
                bail!("{}", fill(t.cli_report_no_unit, &[("unit", unit)]));
            }
            let mut v: Vec<_> = org.people.iter().filter(|p| p.unit == *unit).collect();
            v.sort_by(|a, b| a.name.cmp(&b.name));
            v
        }
    };
    let req = Request::Assessments {
        period: period.id.clone(),
        employees: Some(people.iter().map(|p| p.nip.clone()).collect()),
    };
    let Response::Assessments { items, .. } = store.exec(None, req).map_err(|e| eyre!(e))? else {
        bail!("the store did not answer with assessments");
    };
    let of = |n: &Nip| items.iter().find(|a| &a.key.employee == n);
    let render = |a: &Assessment| {
        let unit = a.frozen.as_ref().map_or_else(
            || {
                people
                    .iter()
                    .find(|p| p.nip == a.key.employee)
                    .map(|p| p.unit.clone())
            },
            |f| Some(f.person.unit.clone()),
        );
        let result = results
            .iter()
            .find(|r| Some(&r.unit) == unit.as_ref())
            .map(|r| r.result);
        page(&Page {
            org: &org,
            reference: &reference,
            period: &period,
            assessment: a,
            unit_result: result,
        })
    };
    match target {
        Target::Employee(_) => {
            let p = people[0];
            let Some(a) = of(&p.nip) else {
                bail!(
                    "{}",
                    fill(
                        t.cli_report_no_assessment,
                        &[("nip", p.nip.as_str()), ("period", &period.id)]
                    )
                );
            };
            let title = format!("Evaluasi Kinerja {} {}", p.name, period.name);
            write_file(output, &document(&title, &[render(a)]), lang)?;
            eprintln!(
                "{}",
                fill(
                    t.cli_report_done,
                    &[("n", "1"), ("where", &output.display().to_string())]
                )
            );
        }
        Target::Unit(unit) => {
            std::fs::create_dir_all(output).map_err(|e| {
                eyre!(
                    "{}",
                    fill(
                        t.cli_report_write,
                        &[
                            ("file", &output.display().to_string()),
                            ("why", &e.to_string())
                        ]
                    )
                )
            })?;
            let progress = bar(people.len());
            let mut rows = Vec::new();
            let mut written = 0;
            for p in &people {
                progress.inc(1);
                let a = of(&p.nip);
                let (hasil, perilaku, predikat) = a.map_or_else(
                    || ("—".to_string(), "—".to_string(), "—".to_string()),
                    |a| crate::io::report::results(&org, &reference, &period, a),
                );
                rows.push(RecapRow {
                    name: p.name.clone(),
                    nip: p.nip.to_string(),
                    status: a.map_or_else(
                        || t.not_rated.to_string(),
                        |a| t.state(a.status).to_string(),
                    ),
                    hasil,
                    perilaku,
                    predikat,
                });
                if let Some(a) = a {
                    let title = format!("Evaluasi Kinerja {} {}", p.name, period.name);
                    write_file(
                        &output.join(format!("{}.html", p.nip)),
                        &document(&title, &[render(a)]),
                        lang,
                    )?;
                    written += 1;
                }
            }
            progress.finish_and_clear();
            let name = org.unit(unit).map_or(*unit, |u| u.name.as_str());
            let title = format!("Rekapitulasi {name} {}", period.name);
            write_file(
                &output.join("index.html"),
                &document(&title, &[recap(name, &period.name, &rows)]),
                lang,
            )?;
            eprintln!(
                "{}",
                fill(
                    t.cli_report_done,
                    &[
                        ("n", &(written + 1).to_string()),
                        ("where", &output.display().to_string())
                    ]
                )
            );
        }
    }
    Ok(())
}
