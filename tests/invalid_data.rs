//! Broken data files: every fixture in `tests/invalid_data/` fails with a
//! message that starts with `file:line: field` and says what is wrong.

use kinerja::data;
use kinerja::domain::Reference;
use std::collections::HashSet;
use std::sync::OnceLock;

fn reference() -> &'static Reference {
    static R: OnceLock<Reference> = OnceLock::new();
    R.get_or_init(|| data::reference().expect("shipped reference data"))
}

/// Which loader a fixture is fed to.
enum Kind {
    Scheme,
    Template,
    Catalogue,
    Org,
    Practice,
}

/// (fixture, loader, expected start of the message, expected fragment).
const INVALID: &[(&str, Kind, &str, &str)] = &[
    (
        "syntax_error.toml",
        Kind::Template,
        "syntax_error.toml:5: ",
        "",
    ),
    (
        "missing_field.toml",
        Kind::Template,
        "missing_field.toml:",
        "levels",
    ),
    (
        "misspelled_field.toml",
        Kind::Template,
        "misspelled_field.toml:10: criteria[0].guidence: ",
        "unknown field `guidence`",
    ),
    (
        "wrong_type.toml",
        Kind::Template,
        "wrong_type.toml:3: scale: ",
        "expected u8",
    ),
    (
        "levels_count.toml",
        Kind::Template,
        "levels_count.toml:16: criteria[1].levels: ",
        "needs 3",
    ),
    (
        "missing_hasil.toml",
        Kind::Template,
        "missing_hasil.toml:5: criteria[0].hasil: ",
        "[criteria.hasil]",
    ),
    (
        "bad_aspek.toml",
        Kind::Template,
        "bad_aspek.toml:14: criteria[0].aspek: ",
        "Kuantitas",
    ),
    (
        "no_utama.toml",
        Kind::Template,
        "no_utama.toml:",
        "RHK Utama",
    ),
    (
        "duplicate_criterion.toml",
        Kind::Template,
        "duplicate_criterion.toml:17: criteria[1].id: ",
        "used twice",
    ),
    (
        "unknown_grade.toml",
        Kind::Scheme,
        "unknown_grade.toml:17: matrix.cells[1].predikat: ",
        "unknown grade \"luar_biasa\"",
    ),
    (
        "missing_cell.toml",
        Kind::Scheme,
        "missing_cell.toml:",
        "appears 0 times",
    ),
    (
        "bad_points.toml",
        Kind::Scheme,
        "bad_points.toml:16: numeric.points[0].points: ",
        "needs 3 points",
    ),
    (
        "bad_expectation.toml",
        Kind::Scheme,
        "bad_expectation.toml:11: matrix.cells[0].hasil: ",
        "di_atas",
    ),
    (
        "unknown_criterion.toml",
        Kind::Catalogue,
        "unknown_criterion.toml:14: programmes[1].criteria: ",
        "unknown criterion \"menyanyi\"",
    ),
    (
        "bad_level.toml",
        Kind::Catalogue,
        "bad_level.toml:6: programmes[0].level: ",
        "dasar",
    ),
    (
        "bad_nip.toml",
        Kind::Org,
        "bad_nip.toml:22: people[1].nip: ",
        "18 digits",
    ),
    (
        "bad_nip_sex.toml",
        Kind::Org,
        "bad_nip_sex.toml:14: people[0].nip: ",
        "sex digit",
    ),
    (
        "duplicate_nip.toml",
        Kind::Org,
        "duplicate_nip.toml:22: people[1].nip: ",
        "appears twice",
    ),
    (
        "unknown_unit.toml",
        Kind::Org,
        "unknown_unit.toml:24: people[1].unit: ",
        "unknown unit \"dinas-hujan\"",
    ),
    (
        "unknown_appraiser.toml",
        Kind::Org,
        "unknown_appraiser.toml:27: people[1].appraiser: ",
        "not on the roster",
    ),
    (
        "appraiser_role.toml",
        Kind::Org,
        "appraiser_role.toml:27: people[1].appraiser: ",
        "lacks the role",
    ),
    (
        "reviewer_is_appraiser.toml",
        Kind::Org,
        "reviewer_is_appraiser.toml:28: people[1].reviewer: ",
        "superior, not the appraiser (197501012000031001)",
    ),
    (
        "reporting_cycle.toml",
        Kind::Org,
        "reporting_cycle.toml:",
        "reporting cycle",
    ),
    (
        "unknown_template.toml",
        Kind::Org,
        "unknown_template.toml:26: people[1].template: ",
        "unknown template",
    ),
    (
        "unknown_scheme.toml",
        Kind::Org,
        "unknown_scheme.toml:7: periods[0].scheme: ",
        "unknown scheme",
    ),
    (
        "bad_date.toml",
        Kind::Org,
        "bad_date.toml:6: periods[0].end: ",
        "not a date",
    ),
    (
        "practice_unknown_template.toml",
        Kind::Practice,
        "practice_unknown_template.toml:5: template: ",
        "unknown template \"pelaksana-kantor\"",
    ),
    (
        "practice_behaviour_template.toml",
        Kind::Practice,
        "practice_behaviour_template.toml:5: template: ",
        "Hasil Kerja template",
    ),
    (
        "practice_unknown_trap.toml",
        Kind::Practice,
        "practice_unknown_trap.toml:6: trap: ",
        "unknown variant `pilih_kasih`",
    ),
    (
        "practice_unknown_criterion.toml",
        Kind::Practice,
        "practice_unknown_criterion.toml:15: reference[1].criterion: ",
        "\"adm-surat-menyurat\" is not rated in template guru",
    ),
    (
        "practice_rating_scale.toml",
        Kind::Practice,
        "practice_rating_scale.toml:16: reference[1].rating: ",
        "outside the scale 1–3",
    ),
    (
        "practice_twice.toml",
        Kind::Practice,
        "practice_twice.toml:15: reference[1].criterion: ",
        "\"akuntabel\" has a reference rating already",
    ),
    (
        "practice_missing_reference.toml",
        Kind::Practice,
        "practice_missing_reference.toml:9: reference: ",
        "\"loyal\" has no reference rating",
    ),
];

#[test]
fn every_invalid_fixture_fails_with_a_located_message() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/invalid_data");
    let templates = &reference().templates;
    let mut seen = HashSet::new();
    let mut wrong = Vec::new();
    for (file, kind, prefix, fragment) in INVALID {
        let src = std::fs::read_to_string(format!("{dir}/{file}")).expect(file);
        let err = match kind {
            Kind::Scheme => data::parse_scheme(file, &src).map(drop),
            Kind::Template => data::parse_template(file, &src).map(drop),
            Kind::Catalogue => data::parse_catalogue(file, &src, templates).map(drop),
            Kind::Org => data::parse_org(file, &src, reference()).map(drop),
            Kind::Practice => data::parse_case(file, &src, reference()).map(drop),
        }
        .expect_err(file)
        .to_string();
        if !err.starts_with(prefix) || !err.contains(fragment) {
            wrong.push(format!("{file}: got {err:?}"));
        }
        seen.insert(*file);
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    // Every fixture in the folder is in the table.
    for entry in std::fs::read_dir(dir).expect("dir") {
        let name = entry.expect("entry").file_name();
        let name = name.to_string_lossy();
        if name.ends_with(".toml") && !name.starts_with("cross_") {
            assert!(seen.contains(name.as_ref()), "{name} is not in the table");
        }
    }
}

#[test]
fn cross_file_problems_name_the_second_file() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/invalid_data");
    let read = |f: &str| std::fs::read_to_string(format!("{dir}/{f}")).expect(f);
    let dup = read("cross_duplicate_criterion.toml");
    let schemes: Vec<(&str, &str)> = data::SCHEMES.to_vec();
    let mut templates: Vec<(&str, &str)> = data::TEMPLATES.to_vec();
    templates.push(("cross_duplicate_criterion.toml", &dup));
    let err = data::reference_from(&schemes, &templates, data::TRAINING)
        .expect_err("duplicate across templates")
        .to_string();
    assert!(
        err.starts_with("cross_duplicate_criterion.toml:10: criteria[0].id: "),
        "{err}"
    );
    assert!(err.contains("data/templates/guru.toml"), "{err}");

    let scale4 = read("cross_scale_without_points.toml");
    let mut templates: Vec<(&str, &str)> = data::TEMPLATES.to_vec();
    templates.push(("cross_scale_without_points.toml", &scale4));
    let err = data::reference_from(&schemes, &templates, data::TRAINING)
        .expect_err("no points for scale 4")
        .to_string();
    assert!(err.starts_with("data/schemes/pp-46-2011.toml:"), "{err}");
    assert!(err.contains("scale 4"), "{err}");

    let err = data::reference_from(&schemes, &data::TEMPLATES[1..], data::TRAINING)
        .expect_err("no berakhlak")
        .to_string();
    assert!(err.contains("berakhlak"), "{err}");
}
