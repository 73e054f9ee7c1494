//! A CSV or XLSX file as rows of cells, each row with the line (CSV) or
//! spreadsheet row (XLSX) it came from. The format is taken from the bytes,
//! not the file name; blank rows are dropped here.

use super::located;
use crate::i18n::{Strings, fill};
use crate::source::SourceError;

/// One cell as the file holds it.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Cell {
    Empty,
    Text(String),
    /// A spreadsheet number, with the digits it stands for.
    Number(String),
    /// A spreadsheet formula error such as `#N/A`.
    Error(String),
}

impl Cell {
    fn is_blank(&self) -> bool {
        match self {
            Self::Empty => true,
            Self::Text(s) => s.trim().is_empty(),
            Self::Number(_) | Self::Error(_) => false,
        }
    }
}

/// A row that is not blank.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Row {
    /// 1-based line (CSV) or spreadsheet row number (XLSX).
    pub line: usize,
    pub cells: Vec<Cell>,
}

/// The rows of a file and, for CSV, the delimiter it uses.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Table {
    pub rows: Vec<Row>,
    pub delimiter: Option<char>,
}

const ZIP: &[u8] = b"PK\x03\x04";
const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0];
const BOM: &[u8] = &[0xEF, 0xBB, 0xBF];

/// Reads the file; a file that cannot be read as a table at all is one error.
pub(super) fn read(file: &str, bytes: &[u8], t: &Strings) -> Result<Table, SourceError> {
    let whole = |line, message: String| located(file, line, t.imp_f_file, message);
    if bytes.starts_with(ZIP) {
        return xlsx(bytes).map_err(|why| whole(1, fill(t.imp_bad_xlsx, &[("why", &why)])));
    }
    if bytes.starts_with(OLE) {
        return Err(whole(1, t.imp_old_xls.to_string()));
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return Err(located(file, 1, t.imp_f_encoding, t.imp_utf16.to_string()));
    }
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|e| {
        let at = e.valid_up_to();
        let line = bytes[..at].split(|&b| b == b'\n').count();
        let byte = format!("0x{:02X}", bytes[at]);
        located(
            file,
            line,
            t.imp_f_encoding,
            fill(t.imp_not_utf8, &[("byte", &byte)]),
        )
    })?;
    csv_rows(text).map_err(|(line, why)| whole(line, why))
}

/// Excel may write a first line `sep=;` naming the delimiter.
fn sep_line(text: &str) -> Option<(char, &str)> {
    let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
    let d = first.trim_end_matches('\r').strip_prefix("sep=")?;
    let mut chars = d.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_ascii() => Some((c, rest)),
        _ => None,
    }
}

/// The delimiter that splits a line of the first ones into the most
/// fields: `,`, `;` (what Excel writes in Indonesian) or a tab; `,` on a tie.
fn sniff(text: &str) -> char {
    let head: String = text.split_inclusive('\n').take(30).collect();
    let widest = |d: char| -> usize {
        csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(d as u8)
            .from_reader(head.as_bytes())
            .records()
            .map_while(Result::ok)
            .map(|r| r.len())
            .max()
            .unwrap_or(0)
    };
    [('\t', 0), (';', 1), (',', 2)]
        .into_iter()
        .max_by_key(|&(d, rank)| (widest(d), rank))
        .map_or(',', |(d, _)| d)
}

fn csv_rows(text: &str) -> Result<Table, (usize, String)> {
    let (delimiter, body, offset) = match sep_line(text) {
        Some((d, rest)) => (d, rest, 1),
        None => (sniff(text), text, 0),
    };
    let mut rows = parse(body, delimiter)?;
    for r in &mut rows {
        r.line += offset;
    }
    Ok(Table {
        rows,
        delimiter: Some(delimiter),
    })
}

fn parse(text: &str, delimiter: char) -> Result<Vec<Row>, (usize, String)> {
    let mut rdr = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter as u8)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    // csv's record position is where the previous record ended, before the
    // line breaks and blank lines it skips: count lines from the byte offset.
    let mut lines = Lines::new(text);
    for rec in rdr.records() {
        let rec = rec.map_err(|e| {
            let at = e.position().map_or(0, |p| p.byte() as usize);
            (lines.at(at), e.to_string())
        })?;
        let line = lines.at(rec.position().map_or(0, |p| p.byte() as usize));
        let cells: Vec<Cell> = rec.iter().map(|c| Cell::Text(c.to_string())).collect();
        if !cells.iter().all(Cell::is_blank) {
            rows.push(Row { line, cells });
        }
    }
    Ok(rows)
}

/// Line numbers of byte offsets, asked in increasing order.
struct Lines<'a> {
    text: &'a [u8],
    byte: usize,
    line: usize,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Self {
        Self {
            text: text.as_bytes(),
            byte: 0,
            line: 1,
        }
    }

    /// The line of the first character at or after `at` that is not a line break.
    fn at(&mut self, at: usize) -> usize {
        let mut end = at.min(self.text.len());
        while end < self.text.len() && matches!(self.text[end], b'\r' | b'\n') {
            end += 1;
        }
        if end >= self.byte {
            self.line += self.text[self.byte..end].split(|&b| b == b'\n').count() - 1;
            self.byte = end;
        }
        self.line
    }
}

/// The digits a spreadsheet number shows: whole numbers without `.0`.
fn number_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e19 {
        format!("{f:.0}")
    } else {
        f.to_string()
    }
}

/// The sheet named "Pegawai" or "Roster" if there is one, else the first.
/// calamine can panic on a damaged file (an arithmetic overflow on a
/// mangled cell reference, in 0.38): that is reported as damage, quietly.
fn xlsx(bytes: &[u8]) -> Result<Table, String> {
    let quiet = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    let read = std::panic::catch_unwind(|| read_xlsx(bytes));
    std::panic::set_hook(quiet);
    read.unwrap_or_else(|_| Err("the workbook is damaged: its cells cannot be read".into()))
}

fn read_xlsx(bytes: &[u8]) -> Result<Table, String> {
    use calamine::{Data, Reader, Xlsx};
    let mut wb: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).map_err(|e| e.to_string())?;
    let names = wb.sheet_names();
    let name = names
        .iter()
        .find(|n| matches!(super::normalize(n).as_str(), "pegawai" | "roster"))
        .or(names.first())
        .ok_or_else(|| "no worksheet".to_string())?
        .clone();
    let range = wb.worksheet_range(&name).map_err(|e| e.to_string())?;
    let (top, left) = range.start().unwrap_or((0, 0));
    let mut rows = Vec::new();
    for (i, r) in range.rows().enumerate() {
        let mut cells = vec![Cell::Empty; left as usize];
        cells.extend(r.iter().map(|d| match d {
            Data::Empty => Cell::Empty,
            Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.clone()),
            Data::Float(f) => Cell::Number(number_text(*f)),
            Data::Int(n) => Cell::Number(n.to_string()),
            Data::Bool(b) => Cell::Text(if *b { "TRUE" } else { "FALSE" }.into()),
            Data::DateTime(d) => Cell::Number(number_text(d.as_f64())),
            Data::Error(e) => Cell::Error(e.to_string()),
        }));
        if !cells.iter().all(Cell::is_blank) {
            rows.push(Row {
                line: top as usize + i + 1,
                cells,
            });
        }
    }
    Ok(Table {
        rows,
        delimiter: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::EN;

    fn texts(t: &Table) -> Vec<(usize, Vec<String>)> {
        t.rows
            .iter()
            .map(|r| {
                let cells = r
                    .cells
                    .iter()
                    .map(|c| match c {
                        Cell::Text(s) | Cell::Number(s) | Cell::Error(s) => s.clone(),
                        Cell::Empty => String::new(),
                    })
                    .collect();
                (r.line, cells)
            })
            .collect()
    }

    #[test]
    fn semicolons_bom_blank_lines_and_quoted_newlines() {
        let src = "\u{feff}NIP;Nama\r\n\r\n1;\"Aini,\nS.Pd\"\n;;\n2;Rudy\n";
        let t = read("r.csv", src.as_bytes(), &EN).expect("table");
        assert_eq!(t.delimiter, Some(';'));
        assert_eq!(
            texts(&t),
            vec![
                (1, vec!["NIP".into(), "Nama".into()]),
                (3, vec!["1".into(), "Aini,\nS.Pd".into()]),
                (6, vec!["2".into(), "Rudy".into()]),
            ]
        );
    }

    #[test]
    fn a_sep_line_names_the_delimiter_and_counts_as_a_line() {
        let t = read("r.csv", b"sep=,\nNIP,Nama;x\n1,A;b\n", &EN).expect("table");
        assert_eq!(t.delimiter, Some(','));
        assert_eq!(t.rows[1].line, 3);
    }

    #[test]
    fn bytes_that_are_not_utf8_name_their_line() {
        let err = read("r.csv", b"NIP,Nama\n1,Ren\xe9\n", &EN).expect_err("latin-1");
        assert!(err.to_string().starts_with("r.csv:2: encoding: "), "{err}");
        assert!(err.message.contains("CSV UTF-8"), "{err}");
    }
}
