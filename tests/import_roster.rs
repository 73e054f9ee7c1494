//! `kinerja import roster` through the real binary on a real store: a valid
//! CSV or workbook replaces units and people and keeps periods, reference
//! data and every assessment; `--dry-run` and a file with one bad row
//! change nothing, not even the journal; messages follow the UI language.

mod common;
#[path = "common/xlsx.rs"]
mod xlsx;

use common::{AINI, KEPALA, RUDY, all, open, rate, seeded};
use kinerja::store::{Request, Response, Snapshot};
use std::path::Path;
use std::process::{Command, Output};
use tempfile::TempDir;

const BIN: &str = env!("CARGO_BIN_EXE_kinerja");
const DEWI: &str = "200001012024011005";

/// Runs the binary with its own (empty) config dir unless `config` is given.
fn kinerja(root: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .arg("--data-dir")
        .arg(root.join("data"))
        .env("KINERJA_CONFIG_DIR", root.join("config"))
        .env_remove("KINERJA_DATA_DIR")
        .args(args)
        .output()
        .expect("run kinerja")
}

fn text(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

fn snapshot(dir: &Path) -> Snapshot {
    match open(dir)
        .execute(None, Request::Snapshot)
        .expect("snapshot")
    {
        Response::Snapshot(s) => *s,
        other => panic!("expected a snapshot, got {other:?}"),
    }
}

fn journal(dir: &Path) -> Vec<u8> {
    std::fs::read(dir.join(kinerja::store::journal::FILE)).expect("journal")
}

/// The tiny office with AINI and RUDY rated; the store is closed after.
fn office(root: &Path) -> Vec<kinerja::domain::Assessment> {
    let store = seeded(&root.join("data"));
    rate(&store, AINI, 0, "rhk1", 2);
    rate(&store, RUDY, 0, "rhk2", 3);
    all(&store)
}

/// The new roster: KEPALA becomes Kepala with the appraiser role, AINI
/// changes post, RUDY leaves, DEWI joins a new sub-unit.
fn rows() -> Vec<Vec<String>> {
    [
        "NIP|Nama|Unit|Nama Unit|Unit Induk|Jabatan|Template|NIP Pejabat Penilai|Peran",
        &format!("{KEPALA}|Johanis Pattiasina|bkpsdm|BKPSDM Kota Ambon||Kepala BKPSDM|analis-sdm||penilai"),
        &format!("{AINI}|Nurul 'Aini|bkpsdm|BKPSDM Kota Ambon||Analis SDM Aparatur Ahli Muda|analis-sdm|{KEPALA}|"),
        &format!("{DEWI}|Dewi Latuheru, S.Psi|bkpsdm-pkpk|Bidang Penilaian Kinerja|bkpsdm|Analis SDM Aparatur|analis-sdm|{KEPALA}|"),
    ]
    .iter()
    .map(|l| l.split('|').map(str::to_string).collect())
    .collect()
}

fn csv(rows: &[Vec<String>]) -> String {
    let quote = |c: &String| {
        if c.contains(',') {
            format!("\"{c}\"")
        } else {
            c.clone()
        }
    };
    rows.iter()
        .map(|r| r.iter().map(quote).collect::<Vec<_>>().join(",") + "\n")
        .collect()
}

fn imports_and_keeps_the_rest(file_name: &str, bytes: &[u8]) {
    let root = TempDir::new().expect("tempdir");
    let before = office(root.path());
    let dir = root.path().join("data");
    let (snap, entries) = (snapshot(&dir), journal(&dir));
    let file = root.path().join(file_name);
    std::fs::write(&file, bytes).expect("write");

    let out = kinerja(
        root.path(),
        &["import", "roster", file.to_str().expect("path")],
    );
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{stdout}\n{}", text(&out.stderr));
    assert!(
        stdout.contains("Pegawai: 1 baru, 1 dihapus, 2 berubah, 0 tetap"),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!("+ {DEWI} Dewi Latuheru, S.Psi")),
        "{stdout}"
    );
    assert!(stdout.contains(&format!("- {RUDY}")), "{stdout}");
    assert!(
        stdout.contains(&format!("~ {AINI} Nurul 'Aini: Jabatan")),
        "{stdout}"
    );
    assert!(stdout.contains("Daftar pegawai diimpor"), "{stdout}");

    let after = snapshot(&dir);
    let nips: Vec<&str> = after.org.people.iter().map(|p| p.nip.as_str()).collect();
    assert_eq!(nips, [KEPALA, AINI, DEWI]);
    let dewi = &after.org.people[2];
    assert_eq!(
        (
            dewi.unit.as_str(),
            dewi.appraiser.as_ref().map(kinerja::domain::Nip::as_str)
        ),
        ("bkpsdm-pkpk", Some(KEPALA))
    );
    let pkpk = after.org.unit("bkpsdm-pkpk").expect("new unit");
    assert_eq!(pkpk.parent.as_deref(), Some("bkpsdm"));
    assert_eq!(after.org.periods, snap.org.periods);
    assert_eq!(after.reference, snap.reference);
    assert_eq!(after.active_period, snap.active_period);
    // Every assessment stays, RUDY's too.
    assert_eq!(all(&open(&dir)), before);
    // One journal entry more, and the chain verifies.
    let scan =
        kinerja::store::journal::verify(&dir.join(kinerja::store::journal::FILE)).expect("verify");
    assert!(scan.broken.is_none());
    assert!(journal(&dir).starts_with(&entries));
    assert_eq!(scan.entries.len(), 4);
}

#[test]
fn a_csv_roster_replaces_units_and_people_and_keeps_assessments() {
    imports_and_keeps_the_rest("pegawai.csv", csv(&rows()).as_bytes());
}

#[test]
fn a_workbook_roster_does_the_same() {
    imports_and_keeps_the_rest("pegawai.xlsx", &xlsx::text_rows(&rows()));
}

#[test]
fn a_new_store_takes_the_example_with_the_shipped_templates() {
    let root = TempDir::new().expect("tempdir");
    let example = concat!(env!("CARGO_MANIFEST_DIR"), "/data/examples/roster.csv");
    let out = kinerja(root.path(), &["--lang", "en", "import", "roster", example]);
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(stdout.contains("Employees: 12 added"), "{stdout}");
    assert!(stdout.contains("no appraisal periods yet"), "{stdout}");
    let snap = snapshot(&root.path().join("data"));
    assert_eq!(snap.org.people.len(), 12);
    assert_eq!(snap.reference, kinerja::data::reference().expect("shipped"));
    // The same file again changes nothing and writes nothing.
    let entries = journal(&root.path().join("data"));
    let out = kinerja(root.path(), &["--lang", "en", "import", "roster", example]);
    assert!(text(&out.stdout).contains("nothing was changed"));
    assert_eq!(journal(&root.path().join("data")), entries);
}

#[test]
fn a_dry_run_shows_the_changes_and_writes_nothing() {
    let root = TempDir::new().expect("tempdir");
    office(root.path());
    let dir = root.path().join("data");
    let (snap, entries) = (snapshot(&dir), journal(&dir));
    let file = root.path().join("pegawai.csv");
    std::fs::write(&file, csv(&rows())).expect("write");
    let out = kinerja(
        root.path(),
        &[
            "--lang",
            "en",
            "import",
            "roster",
            file.to_str().expect("path"),
            "--dry-run",
        ],
    );
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{}", text(&out.stderr));
    for line in [
        "Units: 1 added, 0 removed, 0 changed",
        "Employees: 1 added, 1 removed, 2 changed, 0 unchanged",
        "Changes by column: Post 2, Roles 1",
        "~ 199003152019032007 Nurul 'Aini: Post \"Analis SDM Aparatur\" → \"Analis SDM Aparatur Ahli Muda\"",
        "Dry run (--dry-run): nothing was written.",
    ] {
        assert!(stdout.contains(line), "{line} missing in:\n{stdout}");
    }
    assert_eq!(snapshot(&dir), snap);
    assert_eq!(journal(&dir), entries);
}

#[test]
fn one_bad_row_among_many_rejects_the_file_and_changes_nothing() {
    let root = TempDir::new().expect("tempdir");
    let before = office(root.path());
    let dir = root.path().join("data");
    let (snap, entries) = (snapshot(&dir), journal(&dir));
    let mut rows = rows();
    for i in 0..400 {
        let nip = format!(
            "1985{:02}{:02}2010011{:03}",
            i % 12 + 1,
            i % 28 + 1,
            i / 84 + 1
        );
        let nip = if i == 250 { format!("{nip}9") } else { nip };
        rows.push(
            [
                &nip,
                &format!("Pegawai {i}"),
                "bkpsdm",
                "BKPSDM Kota Ambon",
                "",
                "Pengadministrasi",
                "analis-sdm",
                KEPALA,
                "",
            ]
            .map(str::to_string)
            .to_vec(),
        );
    }
    let file = root.path().join("besar.csv");
    std::fs::write(&file, csv(&rows)).expect("write");
    let out = kinerja(
        root.path(),
        &["import", "roster", file.to_str().expect("path")],
    );
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    let problems: Vec<&str> = stderr.lines().collect();
    assert_eq!(problems.len(), 2, "{stderr}");
    assert!(
        problems[0].starts_with(&format!("{}:255: NIP: NIP harus 18 digit", file.display())),
        "{stderr}"
    );
    assert!(
        problems[1].contains("1 masalah") && problems[1].contains("tidak ada yang diimpor"),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());
    assert_eq!(snapshot(&dir), snap);
    assert_eq!(journal(&dir), entries);
    assert_eq!(all(&open(&dir)), before);
}

#[test]
fn problems_are_worded_in_the_ui_language() {
    let root = TempDir::new().expect("tempdir");
    let file = root.path().join("pegawai.csv");
    let mut rows = rows();
    rows[2][1] = String::new();
    std::fs::write(&file, csv(&rows)).expect("write");
    let path = file.to_str().expect("path");
    let expect = |out: Output, fragment: &str| {
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(1), "{stderr}");
        let first = format!("{path}:3: Nama: {fragment}");
        assert!(stderr.starts_with(&first), "{stderr}");
    };
    expect(
        kinerja(root.path(), &["import", "roster", path]),
        "wajib diisi",
    );
    expect(
        kinerja(root.path(), &["--lang", "en", "import", "roster", path]),
        "must not be empty",
    );
    std::fs::create_dir_all(root.path().join("config")).expect("config dir");
    std::fs::write(root.path().join("config/config.toml"), "lang = \"en\"\n").expect("config");
    expect(
        kinerja(root.path(), &["import", "roster", path]),
        "must not be empty",
    );

    let out = kinerja(
        root.path(),
        &["--lang", "id", "import", "roster", "tidak-ada.csv"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(
        text(&out.stderr).starts_with("tidak-ada.csv: berkas tidak dapat dibaca"),
        "{}",
        text(&out.stderr)
    );
}

#[test]
fn help_names_the_command_and_its_columns() {
    let help = |args: &[&str]| text(&Command::new(BIN).args(args).output().expect("help").stdout);
    assert!(help(&["--help"]).contains("import"));
    assert!(help(&["import", "--help"]).contains("roster"));
    let roster = help(&["import", "roster", "--help"]);
    for word in [
        "--dry-run",
        "NIP Pejabat Penilai",
        "Unit Induk",
        "All or nothing",
    ] {
        assert!(roster.contains(word), "{word} missing in:\n{roster}");
    }
}
