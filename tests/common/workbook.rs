//! Reading an exported workbook back for tests, and the row a JSON
//! export's record should have on its unit's sheet (computed here from the
//! JSON, not with the exporter's own code).

#![allow(dead_code)]

use calamine::{Data, Reader, Xlsx};
use kinerja::domain::Status;
use kinerja::i18n::ID;
use serde_json::Value;
use std::path::Path;

/// Every sheet of a workbook, in order, as rows of cells.
pub fn sheets(path: &Path) -> Vec<(String, Vec<Vec<Data>>)> {
    let mut wb: Xlsx<_> = calamine::open_workbook(path).expect("open workbook");
    let names = wb.sheet_names();
    names
        .into_iter()
        .map(|name| {
            let range = wb.worksheet_range(&name).expect("sheet");
            assert_eq!(range.start(), Some((0, 0)), "{name} starts at A1");
            let formulas = wb.worksheet_formula(&name).expect("formulas");
            assert!(
                formulas.used_cells().all(|(_, _, f)| f.is_empty()),
                "{name} holds a formula"
            );
            let rows = range.rows().map(<[Data]>::to_vec).collect();
            (name, rows)
        })
        .collect()
}

pub fn text(s: &str) -> Data {
    if s.is_empty() {
        Data::Empty
    } else {
        Data::String(s.to_string())
    }
}

pub fn opt_text(v: &Value) -> Data {
    v.as_str().map_or(Data::Empty, text)
}

pub fn opt_number(v: &Value) -> Data {
    v.as_f64().map_or(Data::Empty, Data::Float)
}

pub fn titles(list: &Value) -> String {
    let list = list.as_array().expect("list");
    let t: Vec<&str> = list
        .iter()
        .map(|i| i["title"].as_str().expect("title"))
        .collect();
    t.join(" | ")
}

pub fn status(r: &Value) -> Status {
    serde_json::from_value(r["status"].clone()).expect("status")
}

/// The row a JSON record should have on its unit's sheet.
pub fn expected_row(r: &Value) -> Vec<Data> {
    let s = |k: &str| text(r[k].as_str().expect(k));
    let mut training: Vec<&str> = Vec::new();
    for item in r["strengths"]
        .as_array()
        .into_iter()
        .chain(r["improvements"].as_array())
        .flatten()
    {
        for t in item["training"].as_array().expect("training") {
            let t = t.as_str().expect("training text");
            if !training.contains(&t) {
                training.push(t);
            }
        }
    }
    let criteria = r["criteria"].as_array().expect("criteria");
    let ratings: Vec<String> = criteria
        .iter()
        .map(|c| {
            let name = c["name"].as_str().expect("name");
            match (c["rating"].as_u64(), c["label"].as_str()) {
                (Some(x), Some(l)) => format!("{name}: {x}/{} ({l})", c["scale"]),
                (Some(x), None) => format!("{name}: {x}/{}", c["scale"]),
                (None, _) => format!("{name}: belum dinilai"),
            }
        })
        .collect();
    let notes: Vec<String> = criteria
        .iter()
        .filter(|c| c["note"] != "")
        .map(|c| {
            format!(
                "{}: {}",
                c["name"].as_str().expect("name"),
                c["note"].as_str().expect("note")
            )
        })
        .collect();
    vec![
        s("nip"),
        s("name"),
        s("unit_id"),
        s("unit"),
        s("period"),
        s("appraiser_nip"),
        s("appraiser_name"),
        text(ID.state(status(r))),
        opt_text(&r["rating_hasil_kerja"]),
        opt_text(&r["rating_perilaku_kerja"]),
        opt_number(&r["siasn_hasil_kerja"]),
        opt_number(&r["siasn_perilaku_kerja"]),
        text(if r["ratings_decided"] == true {
            "Ya"
        } else {
            "Tidak"
        }),
        opt_text(&r["predikat"]),
        opt_number(&r["score"]),
        text(&titles(&r["strengths"])),
        text(&titles(&r["improvements"])),
        text(&training.join(" | ")),
        text(&ratings.join(" | ")),
        text(&notes.join(" | ")),
    ]
}

pub const HEADER: [&str; 20] = [
    "NIP",
    "Nama",
    "Kode Unit",
    "Unit",
    "Periode",
    "NIP Pejabat Penilai",
    "Nama Pejabat Penilai",
    "Status",
    "Rating Hasil Kerja",
    "Rating Perilaku Kerja",
    "Kode SIASN Hasil Kerja",
    "Kode SIASN Perilaku Kerja",
    "Rating Ditetapkan",
    "Predikat",
    "Nilai",
    "Kekuatan",
    "Area Perbaikan",
    "Pelatihan",
    "Rating Kriteria",
    "Catatan Kriteria",
];

pub fn cell_text(d: &Data) -> String {
    match d {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => panic!("expected text, got {other:?}"),
    }
}

pub fn count(d: &Data) -> usize {
    match d {
        Data::Float(f) => *f as usize,
        Data::Int(n) => *n as usize,
        other => panic!("expected a count, got {other:?}"),
    }
}
