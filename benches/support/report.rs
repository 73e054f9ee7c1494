//! Percentiles and the one table the bench prints.

use std::fmt::Write as _;
use std::time::Duration;

/// Nearest-rank percentile of unsorted samples (`q` in 0..=1).
pub fn pct<T: Copy + Ord>(samples: &[T], q: f64) -> T {
    let mut v = samples.to_vec();
    v.sort_unstable();
    let rank = ((q * v.len() as f64).ceil() as usize).clamp(1, v.len());
    v[rank - 1]
}

pub fn ms(d: Duration) -> String {
    let ms = d.as_secs_f64() * 1e3;
    if ms >= 100.0 {
        format!("{ms:.0} ms")
    } else if ms >= 1.0 {
        format!("{ms:.2} ms")
    } else {
        format!("{:.0} µs", ms * 1e3)
    }
}

pub fn kib(k: u64) -> String {
    format!("{:.1} MiB", k as f64 / 1024.0)
}

/// One measured value at each size: (p50, p99) already formatted.
#[derive(Default, Clone)]
pub struct Cell {
    pub p50: String,
    pub p99: String,
    /// For the ratio column.
    pub raw: f64,
}

impl Cell {
    pub fn time(samples: &[Duration], with_p99: bool) -> Self {
        let p50 = pct(samples, 0.5);
        Self {
            p50: ms(p50),
            p99: if with_p99 {
                ms(pct(samples, 0.99))
            } else {
                String::new()
            },
            raw: p50.as_secs_f64(),
        }
    }

    pub fn text(p50: String, raw: f64) -> Self {
        Self {
            p50,
            p99: String::new(),
            raw,
        }
    }
}

/// A table row: a name, one cell per size, the aim and a note.
pub struct Row {
    pub name: String,
    pub samples: String,
    pub cells: Vec<Cell>,
    pub aim: String,
    pub note: String,
}

/// Renders the rows with the sizes as column groups and a last/first ratio.
pub fn table(sizes: &[usize], rows: &[Row]) -> String {
    let groups: Vec<String> = sizes.iter().map(ToString::to_string).collect();
    grouped(&groups, rows)
}

/// As [`table`], with named column groups (e.g. in-process and daemon).
pub fn grouped(groups: &[String], rows: &[Row]) -> String {
    let mut head = vec!["measurement".to_string(), "runs".into()];
    for g in groups {
        head.push(format!("{g} p50"));
        head.push(format!("{g} p99"));
    }
    head.extend(["ratio".to_string(), "aim".into(), "note".into()]);
    let body: Vec<Vec<String>> = rows
        .iter()
        .map(|r| {
            let mut line = vec![r.name.clone(), r.samples.clone()];
            for c in &r.cells {
                line.push(c.p50.clone());
                line.push(c.p99.clone());
            }
            let ratio = match (r.cells.first(), r.cells.last()) {
                (Some(a), Some(b)) if r.cells.len() > 1 && a.raw > 0.0 && b.raw > 0.0 => {
                    format!("{:.2}×", b.raw / a.raw)
                }
                _ => String::new(),
            };
            line.extend([ratio, r.aim.clone(), r.note.clone()]);
            line
        })
        .collect();
    let widths: Vec<usize> = (0..head.len())
        .map(|i| {
            std::iter::once(&head)
                .chain(&body)
                .map(|l| l.get(i).map_or(0, |s| s.chars().count()))
                .max()
                .unwrap_or(0)
        })
        .collect();
    let mut out = String::new();
    let mut line = |cols: &[String]| {
        let mut s = String::new();
        for (i, c) in cols.iter().enumerate() {
            let pad = widths[i].saturating_sub(c.chars().count());
            if (2..head.len() - 2).contains(&i) {
                let _ = write!(s, "{}{c}  ", " ".repeat(pad));
            } else {
                let _ = write!(s, "{c}{}  ", " ".repeat(pad));
            }
        }
        out.push_str(s.trim_end());
        out.push('\n');
    };
    line(&head);
    line(&widths.iter().map(|w| "-".repeat(*w)).collect::<Vec<_>>());
    for b in &body {
        line(b);
    }
    out
}
