//! The workbook export: a summary sheet ("Ringkasan": per period and unit
//! the count of each workflow state and each predikat), then one sheet per
//! unit with a row per assessment. Headers and values are in Indonesian,
//! whatever the UI language: the workbook is an office document. Every
//! text is written as a string cell, never as a formula, so a note that
//! starts with `=` stays text; NIPs are text, so Excel never turns them
//! into 1.99E+17.

use super::sheet_name::SheetNames;
use super::{Record, join};
use crate::domain::Status;
use crate::i18n::ID;
use rust_xlsxwriter::{Format, IgnoreError, Url, Workbook, Worksheet, XlsxError};
use std::collections::BTreeMap;

/// The first sheet's name.
pub const SUMMARY_SHEET: &str = "Ringkasan";

/// The header of a unit sheet's columns and their widths (characters).
pub const COLUMNS: [(&str, f64); 20] = [
    ("NIP", 20.0),
    ("Nama", 28.0),
    ("Kode Unit", 14.0),
    ("Unit", 32.0),
    ("Periode", 10.0),
    ("NIP Pejabat Penilai", 20.0),
    ("Nama Pejabat Penilai", 28.0),
    ("Status", 16.0),
    ("Rating Hasil Kerja", 22.0),
    ("Rating Perilaku Kerja", 22.0),
    ("Kode SIASN Hasil Kerja", 12.0),
    ("Kode SIASN Perilaku Kerja", 12.0),
    ("Rating Ditetapkan", 10.0),
    ("Predikat", 18.0),
    ("Nilai", 8.0),
    ("Kekuatan", 40.0),
    ("Area Perbaikan", 40.0),
    ("Pelatihan", 50.0),
    ("Rating Kriteria", 60.0),
    ("Catatan Kriteria", 60.0),
];
/// The columns holding a NIP, and the score's column.
const NIP_COLUMNS: [u16; 2] = [0, 5];
const SCORE_COLUMN: u16 = 14;

/// The summary's columns before the workflow states.
pub const SUMMARY_LEAD: [(&str, f64); 5] = [
    ("Periode", 10.0),
    ("Kode Unit", 14.0),
    ("Unit", 40.0),
    ("Lembar", 32.0),
    ("Jumlah Penilaian", 10.0),
];
/// The summary's last column: assessments with no predikat yet.
pub const NO_PREDIKAT: &str = "Tanpa Predikat";
/// The unit column's text on a period's total row.
pub const TOTAL: &str = "Jumlah";

/// Excel's limit on the text of a cell, in UTF-16 code units.
const MAX_CELL: usize = 32_767;

/// One cell of a unit sheet's row.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    Empty,
}

fn text(s: &str) -> Cell {
    if s.is_empty() {
        Cell::Empty
    } else {
        Cell::Text(s.to_string())
    }
}

fn opt(s: Option<&str>) -> Cell {
    s.map_or(Cell::Empty, text)
}

fn number(n: Option<f64>) -> Cell {
    n.map_or(Cell::Empty, Cell::Number)
}

/// The row of a record, in the order of [`COLUMNS`].
pub fn row(r: &Record) -> [Cell; COLUMNS.len()] {
    let mut training: Vec<&str> = Vec::new();
    for t in r
        .strengths
        .iter()
        .chain(&r.improvements)
        .flat_map(|i| &i.training)
    {
        if !training.contains(&t.as_str()) {
            training.push(t);
        }
    }
    let ratings: Vec<String> = r
        .criteria
        .iter()
        .map(|c| match (c.rating, &c.label) {
            (Some(x), Some(l)) => format!("{}: {x}/{} ({l})", c.name, c.scale),
            (Some(x), None) => format!("{}: {x}/{}", c.name, c.scale),
            (None, _) => format!("{}: {}", c.name, ID.status_not_started),
        })
        .collect();
    let notes: Vec<String> = r
        .criteria
        .iter()
        .filter(|c| !c.note.is_empty())
        .map(|c| format!("{}: {}", c.name, c.note))
        .collect();
    [
        text(&r.nip),
        text(&r.name),
        text(&r.unit_id),
        text(&r.unit),
        text(&r.period),
        text(&r.appraiser_nip),
        text(&r.appraiser_name),
        text(ID.state(r.status)),
        opt(r.rating_hasil_kerja.as_deref()),
        opt(r.rating_perilaku_kerja.as_deref()),
        number(r.siasn_hasil_kerja.map(f64::from)),
        number(r.siasn_perilaku_kerja.map(f64::from)),
        text(if r.ratings_decided { "Ya" } else { "Tidak" }),
        opt(r.predikat.as_deref()),
        number(r.score),
        text(&join(&r.strengths)),
        text(&join(&r.improvements)),
        text(&training.join(" | ")),
        text(&ratings.join(" | ")),
        text(&notes.join(" | ")),
    ]
}

/// A unit's sheet: its records, in the order given.
struct UnitSheet<'a> {
    id: &'a str,
    name: &'a str,
    sheet: String,
    records: Vec<&'a Record>,
}

/// The records by unit, units ordered by name then id, each with its
/// sheet name (claimed in that order, after the summary's).
fn units(records: &[Record]) -> Vec<UnitSheet<'_>> {
    let mut by_unit: BTreeMap<(&str, &str), Vec<&Record>> = BTreeMap::new();
    for r in records {
        by_unit.entry((&r.unit, &r.unit_id)).or_default().push(r);
    }
    let mut names = SheetNames::new();
    names.claim(SUMMARY_SHEET);
    by_unit
        .into_iter()
        .map(|((name, id), records)| UnitSheet {
            id,
            name,
            sheet: names.claim(name),
            records,
        })
        .collect()
}

/// The summary's predikat columns: `grades` first, then any other predikat
/// the records hold, as they first appear.
fn grade_columns(records: &[Record], grades: &[String]) -> Vec<String> {
    let mut out = grades.to_vec();
    for p in records.iter().filter_map(|r| r.predikat.as_ref()) {
        if !out.contains(p) {
            out.push(p.clone());
        }
    }
    out
}

/// Counts of one summary row: total, per state, per predikat column, none.
fn counts<'a>(records: impl Iterator<Item = &'a Record>, grades: &[String]) -> Vec<usize> {
    let states = Status::ALL.len();
    let mut c = vec![0; 1 + states + grades.len() + 1];
    for r in records {
        c[0] += 1;
        if let Some(i) = Status::ALL.iter().position(|s| *s == r.status) {
            c[1 + i] += 1;
        }
        let g = r
            .predikat
            .as_ref()
            .and_then(|p| grades.iter().position(|g| g == p))
            .map_or(1 + states + grades.len(), |i| 1 + states + i);
        c[g] += 1;
    }
    c
}

/// The workbook of the records, as the bytes of an .xlsx file. `grades`
/// orders the summary's predikat columns; `progress` hears how many
/// records are written.
pub fn workbook(
    records: &[Record],
    grades: &[String],
    progress: &mut dyn FnMut(usize),
) -> Result<Vec<u8>, XlsxError> {
    let bold = Format::new().set_bold();
    let units = units(records);
    let mut wb = Workbook::new();
    summary_sheet(wb.add_worksheet(), records, grades, &units, &bold)?;
    let mut done = 0;
    for u in &units {
        let ws = wb.add_worksheet();
        ws.set_name(&u.sheet)?;
        unit_sheet(ws, &u.records, &bold, &mut || {
            done += 1;
            progress(done);
        })?;
    }
    wb.save_to_buffer()
}

fn header(ws: &mut Worksheet, columns: &[(&str, f64)], bold: &Format) -> Result<(), XlsxError> {
    for (c, (title, width)) in columns.iter().enumerate() {
        let c = c as u16;
        ws.write_string_with_format(0, c, *title, bold)?;
        ws.set_column_width(c, *width)?;
    }
    Ok(())
}

/// Text within Excel's limit for a cell, cut with "…" if longer.
fn fit(s: &str) -> std::borrow::Cow<'_, str> {
    if s.len() <= MAX_CELL || s.encode_utf16().count() <= MAX_CELL {
        return s.into();
    }
    let mut used = 0;
    let mut cut: String = s
        .chars()
        .take_while(|c| {
            used += c.len_utf16();
            used < MAX_CELL
        })
        .collect();
    cut.push('…');
    cut.into()
}

fn unit_sheet(
    ws: &mut Worksheet,
    records: &[&Record],
    bold: &Format,
    tick: &mut dyn FnMut(),
) -> Result<(), XlsxError> {
    let nip = Format::new().set_num_format("@");
    let score = Format::new().set_num_format("0.00");
    header(ws, &COLUMNS, bold)?;
    for c in NIP_COLUMNS {
        ws.set_column_format(c, &nip)?;
    }
    for (i, r) in records.iter().enumerate() {
        let at = i as u32 + 1;
        for (c, cell) in row(r).iter().enumerate() {
            let c = c as u16;
            match cell {
                Cell::Text(s) if NIP_COLUMNS.contains(&c) => {
                    ws.write_string_with_format(at, c, fit(s), &nip)?;
                }
                Cell::Text(s) => {
                    ws.write_string(at, c, fit(s))?;
                }
                Cell::Number(n) if c == SCORE_COLUMN => {
                    ws.write_number_with_format(at, c, *n, &score)?;
                }
                Cell::Number(n) => {
                    ws.write_number(at, c, *n)?;
                }
                Cell::Empty => {}
            }
        }
        tick();
    }
    let last = records.len() as u32;
    let last_col = COLUMNS.len() as u16 - 1;
    ws.set_freeze_panes(1, 2)?;
    ws.autofilter(0, 0, last, last_col)?;
    for c in NIP_COLUMNS {
        ws.ignore_error_range(1, c, last.max(1), c, IgnoreError::NumberStoredAsText)?;
    }
    Ok(())
}

fn summary_sheet(
    ws: &mut Worksheet,
    records: &[Record],
    grades: &[String],
    units: &[UnitSheet<'_>],
    bold: &Format,
) -> Result<(), XlsxError> {
    ws.set_name(SUMMARY_SHEET)?;
    let grades = grade_columns(records, grades);
    let mut columns: Vec<(&str, f64)> = SUMMARY_LEAD.to_vec();
    columns.extend(Status::ALL.iter().map(|s| (ID.state(*s), 12.0)));
    columns.extend(grades.iter().map(|g| (g.as_str(), 12.0)));
    columns.push((NO_PREDIKAT, 12.0));
    header(ws, &columns, bold)?;
    let mut periods: Vec<&str> = records.iter().map(|r| r.period.as_str()).collect();
    periods.sort_unstable();
    periods.dedup();
    // The counts start with the total, the lead's last column.
    let lead = SUMMARY_LEAD.len() as u16 - 1;
    let mut at = 0;
    for p in &periods {
        for u in units {
            let mut of_period = u
                .records
                .iter()
                .copied()
                .filter(|r| r.period == *p)
                .peekable();
            if of_period.peek().is_none() {
                continue;
            }
            at += 1;
            ws.write_string(at, 0, *p)?;
            ws.write_string(at, 1, u.id)?;
            ws.write_string(at, 2, u.name)?;
            let link = format!("internal:'{}'!A1", u.sheet.replace('\'', "''"));
            ws.write_url(at, 3, Url::new(link).set_text(&u.sheet))?;
            for (i, n) in counts(of_period, &grades).into_iter().enumerate() {
                ws.write_number(at, lead + i as u16, n as f64)?;
            }
        }
    }
    let last_col = columns.len() as u16 - 1;
    ws.set_freeze_panes(1, 4)?;
    ws.autofilter(0, 0, at, last_col)?;
    // The totals, below the filtered table so that sorting leaves them be.
    at += 1;
    for p in &periods {
        at += 1;
        ws.write_string_with_format(at, 0, *p, bold)?;
        ws.write_string_with_format(at, 2, TOTAL, bold)?;
        let of_period = records.iter().filter(|r| r.period == *p);
        for (i, n) in counts(of_period, &grades).into_iter().enumerate() {
            ws.write_number_with_format(at, lead + i as u16, n as f64, bold)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_text_is_cut_to_excels_limit() {
        let long = "é".repeat(MAX_CELL + 10);
        let cut = fit(&long);
        assert_eq!(cut.encode_utf16().count(), MAX_CELL);
        assert!(cut.ends_with('…'));
        assert_eq!(fit("pendek"), "pendek");
    }
}
