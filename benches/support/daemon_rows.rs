//! The daemon bench's table: one row per measurement, in-process beside
//! the daemon.

use super::load::Outcome;
use super::report::{Cell, Row, ms, pct};
use super::{CLIENTS, CONTENDED, Pair, RATE, ROUNDS, Trips, WATCHED};
use std::time::Duration;

pub fn rows(
    trips: &Trips,
    spread: &Pair,
    contended: &Pair,
    listening: (&Outcome, u64),
) -> Vec<Row> {
    let row = |name: &str, runs: String, cells: [Cell; 2], aim: &str, note: String| Row {
        name: name.into(),
        samples: runs,
        cells: cells.into(),
        aim: aim.into(),
        note,
    };
    let time = |v: &[Duration]| Cell::time(v, true);
    let added = |a: &[Duration], b: &[Duration]| {
        let d = pct(b, 0.5).as_secs_f64() - pct(a, 0.5).as_secs_f64();
        format!(
            "daemon − in-process: {:+} µs (p50)",
            (d * 1e6).round() as i64
        )
    };
    let (t, n) = (trips, ROUNDS.to_string());
    let mut rows = vec![
        row(
            "read: one employee's assessment",
            n.clone(),
            [time(&t.read_local), time(&t.read_daemon)],
            "p99 ≤ 1 ms",
            added(&t.read_local, &t.read_daemon),
        ),
        row(
            "durable rating save",
            n,
            [time(&t.save_local), time(&t.save_daemon)],
            "p99 ≤ 1 ms",
            added(&t.save_local, &t.save_daemon) + "; journal fdatasync",
        ),
    ];
    let spread_label = format!("{CLIENTS} clients");
    let listen_label = format!("{CLIENTS} listening");
    let contended_label = format!("{CONTENDED} on one");
    let heard = Pair {
        local: spread.local.clone(),
        daemon: listening.0.clone(),
    };
    for (p, who, clients, aim, told) in [
        (spread, &spread_label, CLIENTS, "p99 ≤ 10 ms", None),
        (
            &heard,
            &listen_label,
            CLIENTS,
            "p99 ≤ 10 ms",
            Some(listening.1),
        ),
        (contended, &contended_label, CONTENDED, "", None),
    ] {
        let label = |what: &str| format!("{who}: {what}");
        let both = |f: &dyn Fn(&Outcome) -> Cell| [f(&p.local), f(&p.daemon)];
        if let Some(told) = told {
            let per_s = told as f64 / p.daemon.elapsed.as_secs_f64();
            rows.push(row(
                &label("announcements heard"),
                told.to_string(),
                [
                    Cell::text("—".into(), 0.0),
                    Cell::text(format!("{per_s:.0}/s"), per_s),
                ],
                "",
                format!("each save told to the {WATCHED} clients watching it (in-process: the quiet run)"),
            ));
        }
        let runs = p.daemon.offered.to_string();
        let max = |o: &Outcome| {
            let m = o.service.iter().max().copied().unwrap_or_default();
            Cell::text(ms(m), m.as_secs_f64())
        };
        let count = |n: usize| Cell::text(n.to_string(), 0.0);
        rows.extend([
            row(
                &label("save, send → answer"),
                runs.clone(),
                both(&|o| time(&o.service)),
                aim,
                "every answered save".into(),
            ),
            row(
                &label("save, deadline → answer"),
                runs.clone(),
                both(&|o| time(&o.scheduled)),
                "",
                "includes waiting behind a late save".into(),
            ),
            row(
                &label("slowest save"),
                runs.clone(),
                both(&max),
                "",
                "send → answer".into(),
            ),
            row(
                &label("saves acknowledged per second"),
                runs.clone(),
                both(&|o| Cell::text(format!("{:.0}/s", o.per_second()), o.per_second())),
                "",
                format!("offered {}/s", clients * RATE as usize),
            ),
            row(
                &label("conflicts / rejected / errors"),
                runs.clone(),
                both(&|o| {
                    Cell::text(
                        format!("{} / {} / {}", o.conflicts, o.rejected, o.errors),
                        0.0,
                    )
                }),
                "",
                p.daemon
                    .first_problem
                    .clone()
                    .or_else(|| p.local.first_problem.clone())
                    .map_or_else(String::new, |s| s.chars().take(60).collect()),
            ),
            row(
                &label("lost acknowledged saves"),
                runs,
                both(&|o| count(o.lost)),
                "0",
                format!(
                    "{} / {} acked; unacked commits {} / {}",
                    p.local.acked, p.daemon.acked, p.local.unacked, p.daemon.unacked
                ),
            ),
        ]);
    }
    rows
}
