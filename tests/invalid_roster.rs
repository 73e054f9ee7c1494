//! Broken roster files: every fixture in `tests/invalid_roster/` is refused
//! with exactly the expected problems, each `file:line: field: message`, in
//! English with `--lang en` and in Indonesian by default. `*.xlsx.csv`
//! fixtures describe workbooks that are written with rust_xlsxwriter here.

#[path = "common/xlsx.rs"]
mod xlsx;

use kinerja::domain::Reference;
use kinerja::i18n::Lang;
use kinerja::io::import::roster;
use proptest::prelude::*;
use std::collections::HashSet;
use std::path::Path;
use std::sync::OnceLock;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/invalid_roster");

fn reference() -> &'static Reference {
    static R: OnceLock<Reference> = OnceLock::new();
    R.get_or_init(|| kinerja::data::reference().expect("shipped reference data"))
}

/// (fixture, every problem expected: start of the line, fragment of it).
/// The start is after the file name: `:3: NIP: ` means `FILE:3: NIP: `.
#[rustfmt::skip]
const INVALID: &[(&str, &[(&str, &str)])] = &[
    // NIPs
    ("bad_nip_length.csv", &[(":3: NIP: ", "18 digits, 19900315201903200 has 17")]),
    ("bad_nip_letters.csv", &[(":3: NIP: ", "digits only, 19900315201903200O contains O")]),
    ("bad_nip_birth_date.csv", &[(":3: NIP: ", "birth date (YYYYMMDD), not 19901315")]),
    ("bad_nip_sex.csv", &[(":3: NIP: ", "(sex) must be 1 or 2, not 3")]),
    ("nip_scientific.csv", &[(":3: NIP: ", "1.99003E+17 looks like a NIP that Excel turned into a number")]),
    ("nip_trailing_zero.csv", &[(":3: NIP: ", "199003152019032007.0 looks like a NIP that Excel")]),
    ("nip_rounded.csv", &[(":3: NIP: ", "199003152019032000 looks like a NIP that Excel")]),
    ("appraiser_nip_scientific.csv", &[(":3: NIP Pejabat Penilai: ", "1,97205E+17 looks like")]),
    ("duplicate_nip.csv", &[(":5: NIP: ", "NIP 199003152019032007 is also on line 3")]),
    // Units
    ("unknown_parent.csv", &[(":3: Unit Induk: ", "parent unit disdik is not in the file")]),
    ("unit_name_conflict.csv", &[(":3: Nama Unit: ", "unit bkpsdm is named \"BKPSDM\" here but \"BKPSDM Kota Ambon\" on line 2")]),
    ("unit_parent_conflict.csv", &[(":4: Unit Induk: ", "has the parent \"setda\" here but \"bkpsdm\" on line 3")]),
    ("unit_without_name.csv", &[(":3: Nama Unit: ", "unit sdn-12 has no name on any row")]),
    ("unit_cycle.csv", &[(":3: Unit Induk: ", "unit a is its own parent: a → b → a")]),
    ("empty_unit.csv", &[(":3: Unit: ", "must not be empty")]),
    // Templates and roles
    ("unknown_template.csv", &[(":3: Template: ", "unknown template analis; use one of: guru, nakes-puskesmas")]),
    ("behaviour_template.csv", &[(":3: Template: ", "berakhlak is the behaviour template")]),
    ("unknown_role.csv", &[(":3: Peran: ", "unknown role bos")]),
    // The reporting line
    ("appraiser_not_in_file.csv", &[(":3: NIP Pejabat Penilai: ", "NIP 196501011990031001 is not in this file")]),
    ("reviewer_not_in_file.csv", &[(":3: NIP Atasan Pejabat Penilai: ", "NIP 196501011990031001 is not in this file")]),
    ("appraiser_without_role.csv", &[(":3: NIP Pejabat Penilai: ", "Yohanis Pattiasina (line 2) is named as appraiser but their Roles lack appraiser")]),
    ("reviewer_without_role.csv", &[(":4: NIP Atasan Pejabat Penilai: ", "Maria Tuhumury (line 3) is named as reviewer but their Roles lack reviewer")]),
    ("self_appraisal.csv", &[(":3: NIP Pejabat Penilai: ", "Nurul 'Aini cannot be their own appraiser")]),
    ("self_review.csv", &[(":3: NIP Atasan Pejabat Penilai: ", "Nurul 'Aini cannot be their own reviewer")]),
    ("reviewer_is_appraiser.csv", &[(":3: NIP Atasan Pejabat Penilai: ", "must be the appraiser's superior, not the appraiser (197205141998031003)")]),
    ("reporting_cycle.csv", &[(":2: NIP Pejabat Penilai: ", "reporting cycle: Yohanis Pattiasina (line 2) → Maria Tuhumury (line 3) → Yohanis Pattiasina (line 2)")]),
    // Empty and odd cells
    ("empty_name.csv", &[(":3: Nama: ", "must not be empty")]),
    ("empty_post_and_template.csv", &[
        (":3: Jabatan: ", "must not be empty"),
        (":3: Template: ", "must not be empty"),
    ]),
    ("whitespace_cells.csv", &[(":3: Nama: ", "must not be empty")]),
    ("control_character.csv", &[(":3: Nama: ", "control character U+0007")]),
    ("unquoted_comma.csv", &[(":3: row: ", "this row has 11 values but the header names 10 columns; a value that contains , must be in double quotes")]),
    // The file and its header
    ("empty_file.csv", &[(":1: header: ", "the file is empty; its first row must name the columns: NIP, Name")]),
    ("blank_lines_only.csv", &[(":1: header: ", "the file is empty")]),
    ("header_only.csv", &[(":1: header: ", "header row but no employees")]),
    ("missing_column.csv", &[(":1: Template: ", "required column is missing; add a column headed Template")]),
    ("unknown_column.csv", &[
        (":1: Jabtan: ", "unknown column (did you mean Post?); use one of: NIP, Name"),
        (":1: Post: ", "required column is missing"),
    ]),
    ("duplicate_header.csv", &[(":1: NIP: ", "appears twice (columns A and K)")]),
    ("title_rows.csv", &[(":5: Template: ", "must not be empty")]),
    ("sep_directive.csv", &[(":4: Jabatan: ", "must not be empty")]),
    ("bom_semicolons.csv", &[(":3: Template: ", "unknown template guruu")]),
    ("mixed_line_endings.csv", &[(":5: NIP Atasan Pejabat Penilai: ", "a NIP has 18 digits, 123 has 3")]),
    ("windows_1252.csv", &[(":3: encoding: ", "not UTF-8 text (byte 0xE9 on this line")]),
    ("utf16.csv", &[(":1: encoding: ", "UTF-16")]),
    ("old_excel.xls", &[(":1: file: ", "old Excel workbook (.xls)")]),
    ("not_a_workbook.xlsx", &[(":1: file: ", "the workbook cannot be read")]),
    ("multiple_errors.csv", &[
        (":3: NIP: ", "a NIP has 18 digits, 1990031520190320 has 16"),
        (":4: Nama: ", "must not be empty"),
        (":5: Template: ", "unknown template analis"),
        (":5: NIP Pejabat Penilai: ", "NIP 196501011990031001 is not in this file"),
        (":6: NIP Pejabat Penilai: ", "cannot be their own appraiser"),
        (":7: NIP: ", "NIP 199511302020121004 is also on line 4"),
    ]),
    // Workbooks (line = spreadsheet row)
    ("xlsx_numeric_nip.xlsx.csv", &[(":3: NIP: ", "the cell holds the number 199003152019032000, and a number cannot keep a NIP's 18 digits")]),
    ("xlsx_numeric_appraiser.xlsx.csv", &[(":3: NIP Pejabat Penilai: ", "the cell holds the number")]),
    ("xlsx_pegawai_sheet.xlsx.csv", &[(":3: Template: ", "unknown template analis")]),
    ("xlsx_title_rows.xlsx.csv", &[(":6: NIP: ", "is also on line 5")]),
    ("xlsx_value_without_header.xlsx.csv", &[(":3: column M: ", "a value in a column without a header")]),
    ("xlsx_missing_column.xlsx.csv", &[(":1: Unit Name: ", "add a column headed Unit Name")]),
    ("xlsx_header_only.xlsx.csv", &[(":1: header: ", "no employees")]),
    ("xlsx_formula_error.xlsx.csv", &[(":3: Nama: ", "the cell shows the formula error #N/A")]),
    // A mangled cell reference overflows calamine 0.38's column arithmetic
    // (a panic in debug builds): reported as a damaged workbook.
    ("xlsx_cell_reference_overflow.xlsx", &[(":1: file: ", "the workbook is damaged")]),
];

/// The file name the parser sees and its bytes (a workbook for a spec).
fn load(fixture: &str) -> (String, Vec<u8>) {
    let bytes = std::fs::read(format!("{DIR}/{fixture}")).expect(fixture);
    let spec = fixture
        .strip_suffix(".csv")
        .filter(|f| Path::new(f).extension().is_some_and(|e| e == "xlsx"));
    match spec {
        Some(xlsx) => {
            let spec = String::from_utf8(bytes).expect("utf-8 spec");
            (xlsx.to_string(), xlsx::from_spec(&spec))
        }
        None => (fixture.to_string(), bytes),
    }
}

fn problems(fixture: &str, lang: Lang) -> (String, Vec<String>) {
    let (file, bytes) = load(fixture);
    let errs = roster::parse(&file, &bytes, reference(), lang).expect_err(fixture);
    (file, errs.iter().map(ToString::to_string).collect())
}

#[test]
fn every_fixture_is_refused_with_exactly_the_expected_problems() {
    let mut wrong = Vec::new();
    for (fixture, expected) in INVALID {
        let (file, got) = problems(fixture, Lang::En);
        let ok = got.len() == expected.len()
            && got.iter().zip(*expected).all(|(line, (start, fragment))| {
                line.starts_with(&format!("{file}{start}")) && line.contains(fragment)
            });
        if !ok {
            wrong.push(format!(
                "{fixture}:\n  got {got:#?}\n  expected {expected:?}"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert!(INVALID.len() >= 35);
}

#[test]
fn every_fixture_in_the_folder_is_in_the_table() {
    let known: HashSet<&str> = INVALID.iter().map(|(f, _)| *f).collect();
    assert_eq!(known.len(), INVALID.len(), "a fixture is listed twice");
    for entry in std::fs::read_dir(DIR).expect("dir") {
        let name = entry.expect("entry").file_name();
        let name = name.to_string_lossy();
        assert!(known.contains(name.as_ref()), "{name} is not in the table");
    }
}

#[test]
fn indonesian_is_the_default_wording_at_the_same_places() {
    for (fixture, _) in INVALID {
        let (file, en) = problems(fixture, Lang::En);
        let (_, id) = problems(fixture, Lang::Id);
        assert_eq!(en.len(), id.len(), "{fixture}");
        for (e, i) in en.iter().zip(&id) {
            let place = |s: &str| s[file.len()..].split(": ").next().map(str::to_string);
            assert_eq!(place(e), place(i), "{fixture}: {e} / {i}");
            assert_ne!(e, i, "{fixture}: not translated");
        }
    }
    let (_, id) = problems("multiple_errors.csv", Lang::Id);
    assert!(id[1].ends_with("Nama: wajib diisi"), "{}", id[1]);
    assert!(id[5].contains("juga ada di baris 4"), "{}", id[5]);
}

#[test]
fn the_shipped_example_imports_cleanly_and_keeps_nips_as_text() {
    let file = "data/examples/roster.csv";
    let bytes = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/data/examples/roster.csv"
    ))
    .expect("example");
    let r = roster::parse(file, &bytes, reference(), Lang::Id).expect("imports");
    assert_eq!((r.people.len(), r.units.len()), (12, 5));
    let text = String::from_utf8(bytes).expect("utf-8");
    for p in &r.people {
        assert!(text.contains(&format!("\n{},", p.nip)), "{} changed", p.nip);
    }
    let school = r
        .units
        .iter()
        .find(|u| u.id == "sdn-12-ambon")
        .expect("unit");
    assert_eq!(school.parent.as_deref(), Some("disdik"));
}

#[test]
fn progress_is_reported_up_to_the_last_row() {
    let mut csv = String::from("NIP,Nama,Unit,Nama Unit,Jabatan,Template\n");
    for i in 1..=2500 {
        let nip = format!(
            "1980{:02}{:02}2005011{:03}",
            i % 12 + 1,
            i % 28 + 1,
            i / 84 + 1
        );
        csv.push_str(&format!("{nip},Pegawai {i},u{},Unit,Staf,guru\n", i % 7));
    }
    let mut calls = Vec::new();
    let r = roster::parse_with_progress(
        "big.csv",
        csv.as_bytes(),
        reference(),
        Lang::En,
        &mut |d, n| {
            calls.push((d, n));
        },
    );
    if let Err(e) = &r {
        panic!("{:?}", &e[..e.len().min(3)]);
    }
    assert_eq!(calls.first(), Some(&(0, 2500)));
    assert_eq!(calls.last(), Some(&(2500, 2500)));
}

/// Every problem of any input starts `file:line: `.
fn all_located(file: &str, bytes: &[u8]) -> Result<(), TestCaseError> {
    if let Err(errs) = roster::parse(file, bytes, reference(), Lang::En) {
        prop_assert!(!errs.is_empty());
        for e in errs {
            let e = e.to_string();
            let rest = e.strip_prefix(&format!("{file}:")).unwrap_or("");
            let digits = rest.chars().take_while(char::is_ascii_digit).count();
            prop_assert!(digits > 0 && rest[digits..].starts_with(": "), "{}", e);
        }
    }
    Ok(())
}

fn example() -> &'static [u8] {
    include_bytes!("../data/examples/roster.csv")
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
        all_located("x.csv", &bytes)?;
    }

    #[test]
    fn a_mutated_example_never_panics(
        edits in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0..3u8), 1..8)
    ) {
        let mut bytes = example().to_vec();
        for (at, b, op) in edits {
            let i = at.index(bytes.len() + 1);
            match op {
                0 => bytes.insert(i, b),
                1 if i < bytes.len() => { bytes.remove(i); }
                _ if i < bytes.len() => bytes[i] = b,
                _ => {}
            }
        }
        all_located("roster.csv", &bytes)?;
    }

    #[test]
    fn a_damaged_workbook_never_panics(
        flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..6)
    ) {
        static BOOK: OnceLock<Vec<u8>> = OnceLock::new();
        let book = BOOK.get_or_init(|| {
            let spec = std::fs::read_to_string(format!("{DIR}/xlsx_title_rows.xlsx.csv")).expect("spec");
            xlsx::from_spec(&spec)
        });
        let mut bytes = book.clone();
        for (at, b) in flips {
            let i = at.index(bytes.len());
            bytes[i] = b;
        }
        all_located("roster.xlsx", &bytes)?;
    }
}
