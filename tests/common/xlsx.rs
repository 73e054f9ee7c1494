//! Excel workbooks for tests, written with rust_xlsxwriter from a text spec
//! (`tests/invalid_roster/*.xlsx.csv`): each line is a spreadsheet row of
//! comma-separated cells; `#sheet NAME` starts a worksheet; a cell `#n 123`
//! is a number and `#f =FORMULA RESULT` a formula with its cached result;
//! empty cells are not written, as in a real workbook.

#![allow(dead_code)]

use rust_xlsxwriter::{Formula, Workbook};

/// The workbook a spec describes, as the bytes of an .xlsx file.
pub fn from_spec(spec: &str) -> Vec<u8> {
    let mut sheets: Vec<(Option<&str>, Vec<&str>)> = Vec::new();
    for line in spec.lines() {
        match line.strip_prefix("#sheet ") {
            Some(name) => sheets.push((Some(name), Vec::new())),
            None if sheets.is_empty() => sheets.push((None, vec![line])),
            None => sheets.last_mut().expect("a sheet").1.push(line),
        }
    }
    let mut wb = Workbook::new();
    for (name, lines) in sheets {
        let ws = wb.add_worksheet();
        if let Some(name) = name {
            ws.set_name(name).expect("sheet name");
        }
        for (r, line) in lines.iter().enumerate() {
            let mut rdr = csv::ReaderBuilder::new()
                .has_headers(false)
                .from_reader(line.as_bytes());
            let Some(rec) = rdr.records().next() else {
                continue;
            };
            for (c, cell) in rec.expect("spec row").iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                if let Some(n) = cell.strip_prefix("#n ") {
                    ws.write_number(r, c, n.parse::<f64>().expect("number"))
                        .expect("write");
                } else if let Some(f) = cell.strip_prefix("#f ") {
                    let (formula, result) = f.rsplit_once(' ').expect("formula and result");
                    ws.write_formula(r, c, Formula::new(formula).set_result(result))
                        .expect("write");
                } else if !cell.is_empty() {
                    ws.write_string(r, c, cell).expect("write");
                }
            }
        }
    }
    wb.save_to_buffer().expect("xlsx")
}

/// A one-sheet workbook of text cells.
pub fn text_rows(rows: &[Vec<String>]) -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (r, row) in rows.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            if !cell.is_empty() {
                ws.write_string(r as u32, c as u16, cell).expect("write");
            }
        }
    }
    wb.save_to_buffer().expect("xlsx")
}
