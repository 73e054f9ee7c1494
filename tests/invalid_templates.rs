//! Broken templates for `kinerja import template`: every fixture in
//! `tests/invalid_templates/` is refused with `file:line: field` and a
//! message in each UI language, every problem is listed in line order, and
//! every fixture is in the table; valid files plan as new or identical.

use kinerja::i18n::Lang;
use kinerja::io::import::template::{Change, plan};
use kinerja::store::Snapshot;
use std::collections::HashSet;
use std::sync::OnceLock;

const INVALID_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/invalid_templates");
const VALID: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/valid_templates/arsiparis.toml"
);

/// The demo's roster, reference data and assessments, as a store holds them.
fn demo() -> &'static (Snapshot, Vec<kinerja::domain::Assessment>) {
    static DEMO: OnceLock<(Snapshot, Vec<kinerja::domain::Assessment>)> = OnceLock::new();
    DEMO.get_or_init(|| {
        let d = kinerja::data::demo().expect("demo");
        let snapshot = Snapshot {
            org: d.org,
            reference: d.reference,
            active_period: Some(d.active_period),
            last_user: None,
            corrupt: Vec::new(),
        };
        (snapshot, d.assessments)
    })
}

/// (fixture, where the first problem is: `:line: field:`, a fragment of
/// its English message, a fragment of its Indonesian message).
const INVALID: &[(&str, &str, &str, &str)] = &[
    (
        "duplicate_criterion_id",
        ":23: criteria[1].id: ",
        "\"arsip-penataan\" is used twice",
        "dipakai dua kali",
    ),
    (
        "empty_descriptor",
        ":27: criteria[1].levels: ",
        "level 2 has no descriptor",
        "tingkat 2 tidak punya deskriptor",
    ),
    (
        "too_few_levels",
        ":11: criteria[0].levels: ",
        "scale 3 needs 3 level descriptors",
        "perlu 3 deskriptor",
    ),
    (
        "levels_for_other_scale",
        ":11: criteria[0].levels: ",
        "scale 5 needs 5 level descriptors (lowest first), found 3",
        "tertulis 3",
    ),
    (
        "scale_out_of_range",
        ":4: scale: ",
        "between 2 and 10 levels, found 1",
        "skala harus 2 sampai 10",
    ),
    (
        "unknown_aspect",
        ":24: criteria[1].aspect: ",
        "unknown value `hasil`; choose `hasil_kerja` or `perilaku_kerja`",
        "pilihan: `hasil_kerja` atau `perilaku_kerja`",
    ),
    (
        "bad_aspek",
        ":19: criteria[0].aspek: ",
        "one of Kuantitas, Kualitas, Waktu, Biaya, found \"Kecepatan\"",
        "tertulis \"Kecepatan\"",
    ),
    (
        "scale_as_string",
        ":4: scale: ",
        "invalid type: text \"3\", expected a whole number 0–255",
        "jenis nilai salah: teks \"3\"",
    ),
    (
        "levels_not_a_list",
        ":11: criteria[0].levels: ",
        "expected a list",
        "seharusnya daftar",
    ),
    (
        "unknown_top_field",
        ":3: nama: ",
        "unknown field `nama`; known fields: `id`, `name`",
        "kolom `nama` tidak dikenal",
    ),
    (
        "unknown_criterion_field",
        ":26: criteria[1].deskripsi: ",
        "unknown field `deskripsi`",
        "yang dikenal: `id`, `aspect`",
    ),
    (
        "unknown_hasil_field",
        ":21: criteria[0].hasil.satuan: ",
        "known fields: `kind`, `iki`, `aspek`, `target`",
        "kolom `satuan` tidak dikenal",
    ),
    (
        "bad_rhk_kind",
        ":33: criteria[1].hasil.kind: ",
        "unknown value `pokok`; choose `utama` or `tambahan`",
        "nilai `pokok` tidak dikenal",
    ),
    (
        "missing_hasil",
        ":22: criteria[1].hasil: ",
        "needs [criteria.hasil]",
        "perlu [criteria.hasil]",
    ),
    (
        "hasil_on_perilaku",
        ":22: criteria[1].hasil: ",
        "only hasil_kerja criteria have [criteria.hasil]",
        "hapus bagian itu atau ubah aspect",
    ),
    (
        "no_utama",
        ":6: criteria: ",
        "at least one RHK Utama",
        "sedikitnya satu RHK Utama",
    ),
    (
        "empty_target",
        ":18: criteria[0].iki: ",
        "iki and target must not be empty",
        "tidak boleh kosong",
    ),
    (
        "missing_name",
        ":22: criteria[1]: ",
        "missing field `name`",
        "kolom `name` wajib diisi",
    ),
    (
        // The parser notices the runaway string on the next line.
        "syntax_unclosed_string",
        ":14: ",
        "missing comma between array elements",
        "TOML tidak valid: ",
    ),
    (
        "syntax_missing_equals",
        ":26: ",
        "key with no value, expected `=`",
        "TOML tidak valid: ",
    ),
    (
        "syntax_unclosed_header",
        ":22: ",
        "unclosed array table",
        "TOML tidak valid: ",
    ),
    ("duplicate_key", ":10: ", "duplicate key", "kunci ganda"),
    (
        "criteria_as_table",
        ":6: criteria: ",
        "invalid type: a table, expected a list",
        "jenis nilai salah: tabel, seharusnya daftar",
    ),
    (
        "no_criteria",
        ":5: criteria: ",
        "at least one [[criteria]]",
        "sedikitnya satu [[criteria]]",
    ),
    ("empty_id", ":2: id: ", "a template needs an id", "perlu id"),
    (
        "empty",
        ":1: ",
        "missing field `id`",
        "kolom `id` wajib diisi",
    ),
    (
        "invalid_utf8",
        ":13: ",
        "not valid UTF-8 (byte 375)",
        "simpan berkas sebagai UTF-8",
    ),
    (
        "id_case_clash",
        ":2: id: ",
        "differs from the existing template \"guru\" only in letter case",
        "tulis \"guru\" persis",
    ),
    (
        "criterion_taken",
        ":23: criteria[1].id: ",
        "\"guru-komunikasi-masyarakat\" is also used in template \"guru\"",
        "harus unik di semua template",
    ),
    (
        "behaviour_with_hasil",
        ":8: criteria[0].aspect: ",
        "the behaviour template may only hold perilaku_kerja criteria",
        "hanya boleh berisi kriteria perilaku_kerja",
    ),
    (
        "scale_without_points",
        ":4: scale: ",
        "scheme \"pp-46-2011\" has no points table for scale 4; use scale 3, 5",
        "tidak punya tabel poin untuk skala 4",
    ),
    (
        "scale_shrinks",
        ":8: scale: ",
        "stored ratings are above scale 3",
        "pakai skala sedikitnya 5",
    ),
    (
        "several_problems",
        ":19: criteria[0].aspek: ",
        "found \"Kecepatan\"",
        "tertulis \"Kecepatan\"",
    ),
];

fn read_fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{INVALID_DIR}/{name}.toml")).expect(name)
}

/// True when `text` starts with `file:<digits>:`.
fn starts_with_file_line(text: &str, file: &str) -> bool {
    text.strip_prefix(file)
        .and_then(|r| r.strip_prefix(':'))
        .and_then(|r| r.split_once(':'))
        .is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

#[test]
fn every_invalid_template_is_refused_with_file_line_and_field() {
    let (snapshot, assessments) = demo();
    let mut wrong = Vec::new();
    for (fixture, located, en, id) in INVALID {
        let file = format!("{fixture}.toml");
        let bytes = read_fixture(fixture);
        for (lang, fragment) in [(Lang::En, en), (Lang::Id, id)] {
            let problems = match plan(&file, &bytes, snapshot, assessments, lang) {
                Ok(p) => {
                    wrong.push(format!("{fixture}: accepted as {:?}", p.change));
                    continue;
                }
                Err(p) => p,
            };
            let first = problems[0].to_string();
            let prefix = format!("{file}{located}");
            if !first.starts_with(&prefix) || !first.contains(fragment) {
                wrong.push(format!(
                    "{fixture} ({lang:?}): want `{prefix}…{fragment}…`, got `{first}`"
                ));
            }
            for p in &problems {
                if !starts_with_file_line(&p.to_string(), &file) {
                    wrong.push(format!("{fixture}: no line in `{p}`"));
                }
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn every_fixture_in_the_folder_is_in_the_table() {
    let listed: HashSet<&str> = INVALID.iter().map(|(f, ..)| *f).collect();
    assert_eq!(listed.len(), INVALID.len(), "a fixture is listed twice");
    let mut on_disk = Vec::new();
    for entry in std::fs::read_dir(INVALID_DIR).expect("dir") {
        let path = entry.expect("entry").path();
        let stem = path
            .file_stem()
            .expect("stem")
            .to_string_lossy()
            .into_owned();
        assert!(listed.contains(stem.as_str()), "{stem} is not in the table");
        on_disk.push(stem);
    }
    assert_eq!(on_disk.len(), INVALID.len(), "a listed fixture is missing");
}

#[test]
fn every_problem_is_listed_in_line_order() {
    let (snapshot, assessments) = demo();
    let bytes = read_fixture("several_problems");
    let problems = plan("s.toml", &bytes, snapshot, assessments, Lang::En).expect_err("refused");
    let at: Vec<String> = problems
        .iter()
        .map(|p| {
            format!(
                "{}: {}",
                p.line.unwrap_or(0),
                p.field.as_deref().unwrap_or("")
            )
        })
        .collect();
    assert_eq!(
        at,
        [
            "19: criteria[0].aspek",
            "23: criteria[1].id",
            "27: criteria[1].levels"
        ]
    );
}

#[test]
fn a_new_template_and_an_identical_one_are_planned_as_such() {
    let (snapshot, assessments) = demo();
    let bytes = std::fs::read(VALID).expect("valid");
    let p = plan("arsiparis.toml", &bytes, snapshot, assessments, Lang::Id).expect("valid");
    assert_eq!(p.change, Change::New);
    assert_eq!(
        p.reference.templates.len(),
        snapshot.reference.templates.len() + 1
    );
    for (file, src) in kinerja::data::TEMPLATES {
        let p = plan(file, src.as_bytes(), snapshot, assessments, Lang::Id).expect(file);
        assert_eq!(p.change, Change::Same, "{file}");
        assert_eq!(p.reference, snapshot.reference, "{file}");
    }
}
