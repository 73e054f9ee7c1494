//! Property tests over every loader of a user-editable file: take a valid
//! file, damage it (truncate, flip, insert or delete bytes, delete,
//! duplicate or swap lines) and load it. The loader never panics, and a
//! failure always starts with `<file>:<line>` — invalid UTF-8 included, at
//! the line of the first bad byte; only a file that cannot be read at all
//! has no line. A refused `import template` leaves the store as it was.

mod common;

use kinerja::config::Config;
use kinerja::data;
use kinerja::i18n::Lang;
use kinerja::io::import::template::{Outcome, run};
use kinerja::source::{SourceError, decode};
use kinerja::store::{Request, Response, Snapshot, Store};
use kinerja::theme::Theme;
use kinerja::tui::keymap::Keymap;
use proptest::sample::Index;
use proptest::test_runner::{Config as RunConfig, TestCaseError, TestRunner};
use proptest::{prelude::*, prop_oneof};
use std::path::Path;

/// One way to damage a file.
#[derive(Debug, Clone)]
enum Mutation {
    Truncate(Index),
    Flip(Index, u8),
    Insert(Index, u8),
    Delete(Index),
    DeleteLine(Index),
    DuplicateLine(Index),
    SwapLines(Index, Index),
}

/// Bytes that mean something to TOML, then any byte at all.
fn byte() -> impl Strategy<Value = u8> {
    prop_oneof![
        3 => proptest::sample::select(b"[]{}=\"'#,.\n\\ -_0a9Zz\t\r".to_vec()),
        1 => any::<u8>(),
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        any::<Index>().prop_map(Mutation::Truncate),
        (any::<Index>(), 0u8..8).prop_map(|(i, bit)| Mutation::Flip(i, bit)),
        (any::<Index>(), byte()).prop_map(|(i, b)| Mutation::Insert(i, b)),
        any::<Index>().prop_map(Mutation::Delete),
        any::<Index>().prop_map(Mutation::DeleteLine),
        any::<Index>().prop_map(Mutation::DuplicateLine),
        (any::<Index>(), any::<Index>()).prop_map(|(a, b)| Mutation::SwapLines(a, b)),
    ]
}

/// One to three mutations.
fn mutations() -> impl Strategy<Value = Vec<Mutation>> {
    proptest::collection::vec(mutation(), 1..=3)
}

fn apply(src: &[u8], ms: &[Mutation]) -> Vec<u8> {
    let mut b = src.to_vec();
    for m in ms {
        let n = b.len();
        let at = |i: &Index| if n == 0 { 0 } else { i.index(n) };
        match m {
            Mutation::Truncate(i) => b.truncate(at(i)),
            Mutation::Flip(i, bit) if n > 0 => b[at(i)] ^= 1 << bit,
            Mutation::Insert(i, byte) => b.insert(if n == 0 { 0 } else { i.index(n + 1) }, *byte),
            Mutation::Delete(i) if n > 0 => {
                b.remove(at(i));
            }
            Mutation::DeleteLine(i) | Mutation::DuplicateLine(i) | Mutation::SwapLines(i, _) => {
                let mut lines: Vec<Vec<u8>> =
                    b.split(|&c| c == b'\n').map(<[u8]>::to_vec).collect();
                let k = i.index(lines.len());
                match m {
                    Mutation::DeleteLine(_) => {
                        lines.remove(k);
                    }
                    Mutation::DuplicateLine(_) => lines.insert(k, lines[k].clone()),
                    Mutation::SwapLines(_, j) => {
                        let j = j.index(lines.len());
                        lines.swap(k, j);
                    }
                    _ => unreachable!(),
                }
                b = lines.join(&b'\n');
            }
            Mutation::Flip(..) | Mutation::Delete(_) => {}
        }
    }
    b
}

/// The error starts with `file:<digits>` followed by `:`.
fn located(err: &SourceError, file: &str) -> Result<(), TestCaseError> {
    let text = err.to_string();
    let rest = text
        .strip_prefix(file)
        .and_then(|r| r.strip_prefix(':'))
        .and_then(|r| r.split_once(':'));
    prop_assert!(
        rest.is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())),
        "not `{file}:<line>:` — {text}"
    );
    Ok(())
}

fn runner(cases: u32) -> TestRunner {
    TestRunner::new(RunConfig {
        cases,
        failure_persistence: None,
        ..RunConfig::default()
    })
}

/// Damages each of `files` and feeds it to `load`; an error must be located.
fn damage(
    cases: u32,
    files: &[(&str, &str)],
    load: impl Fn(&str, &[u8]) -> Result<(), SourceError>,
) {
    let strategy = (0..files.len(), mutations());
    runner(cases)
        .run(&strategy, |(i, ms)| {
            let (file, src) = files[i];
            let bytes = apply(src.as_bytes(), &ms);
            match load(file, &bytes) {
                Ok(()) => Ok(()),
                Err(e) => located(&e, file),
            }
        })
        .expect("property");
}

#[test]
fn damaged_schemes_fail_with_a_line() {
    damage(256, data::SCHEMES, |file, bytes| {
        data::parse_scheme(file, decode(file, bytes)?).map(drop)
    });
}

#[test]
fn damaged_templates_fail_with_a_line() {
    damage(256, data::TEMPLATES, |file, bytes| {
        data::parse_template(file, decode(file, bytes)?).map(drop)
    });
}

#[test]
fn a_damaged_catalogue_fails_with_a_line() {
    let templates = data::reference().expect("reference").templates;
    damage(256, &[data::TRAINING], |file, bytes| {
        data::parse_catalogue(file, decode(file, bytes)?, &templates).map(drop)
    });
}

#[test]
fn a_damaged_roster_fails_with_a_line() {
    let reference = data::reference().expect("reference");
    damage(256, &[data::DEMO_ORG], |file, bytes| {
        data::parse_org(file, decode(file, bytes)?, &reference).map(drop)
    });
}

/// Writes the damaged bytes to `<config dir>/<rel>` and loads from there,
/// through the same file reading the app uses.
fn damage_in_config_dir(
    cases: u32,
    rel: &str,
    files: &[(&str, &str)],
    load: impl Fn(&Path) -> Result<(), SourceError>,
) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(rel);
    std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
    let shown = path.display().to_string();
    let strategy = (0..files.len(), mutations());
    runner(cases)
        .run(&strategy, |(i, ms)| {
            std::fs::write(&path, apply(files[i].1.as_bytes(), &ms)).expect("write");
            match load(dir.path()) {
                Ok(()) => Ok(()),
                Err(e) => located(&e, &shown),
            }
        })
        .expect("property");
}

#[test]
fn a_damaged_config_fails_with_a_line() {
    let valid = [
        (
            "config",
            "# Pengaturan Kinerja\nlang = \"en\"\ntheme = \"high-contrast\"\n",
        ),
        ("config", "lang = \"id\"\n\n[unused]\n"),
    ];
    damage_in_config_dir(256, "config.toml", &valid, |dir| {
        Config::load(Some(dir)).map(drop)
    });
}

#[test]
fn a_damaged_keymap_fails_with_a_line() {
    let shipped = include_str!("../src/tui/keymap.toml");
    damage_in_config_dir(256, "keymap.toml", &[("keymap", shipped)], |dir| {
        Keymap::load(Some(dir)).map(drop)
    });
}

#[test]
fn a_damaged_theme_fails_with_a_line_as_override_and_as_its_own_theme() {
    let themes = [
        ("default", include_str!("../themes/default.toml")),
        ("light", include_str!("../themes/light.toml")),
        ("monochrome", include_str!("../themes/monochrome.toml")),
    ];
    for name in ["default", "senja"] {
        damage_in_config_dir(128, &format!("themes/{name}.toml"), &themes, |dir| {
            Theme::load(name, Some(dir), false).map(drop)
        });
    }
}

fn snapshot(store: &Store) -> Snapshot {
    match store.execute(None, Request::Snapshot).expect("snapshot") {
        Response::Snapshot(s) => *s,
        other => panic!("unexpected {other:?}"),
    }
}

#[test]
fn a_refused_import_leaves_the_store_as_it_was() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = common::seeded(dir.path());
    common::rate(&store, common::AINI, 0, "rhk2", 3);
    let stored = common::reference()
        .template("analis-sdm")
        .map(|t| toml::to_string(t).expect("toml"))
        .expect("analis-sdm");
    let new = include_str!("valid_templates/arsiparis.toml");
    let files = [
        ("analis-sdm.toml", stored.as_str()),
        ("arsiparis.toml", new),
    ];
    let journal = dir.path().join(kinerja::store::journal::FILE);
    let work = tempfile::tempdir().expect("tempdir");
    // (refused, imported) cases.
    let counts = std::cell::Cell::new((0u32, 0u32));
    let strategy = (0..files.len(), mutations());
    runner(128)
        .run(&strategy, |(i, ms)| {
            let (name, src) = files[i];
            let path = work.path().join(name);
            std::fs::write(&path, apply(src.as_bytes(), &ms)).expect("write");
            let before = snapshot(&store);
            let assessments = common::all(&store);
            let len = std::fs::metadata(&journal).expect("journal").len();
            match run(&store, &path, false, Lang::Id).expect("the store works") {
                Outcome::Problems(problems) => {
                    let (r, i) = counts.get();
                    counts.set((r + 1, i));
                    for p in &problems {
                        located(p, &path.display().to_string())?;
                    }
                    prop_assert_eq!(snapshot(&store), before);
                    prop_assert_eq!(std::fs::metadata(&journal).expect("j").len(), len);
                }
                Outcome::Imported(_) | Outcome::Unchanged(_) => {
                    let (r, i) = counts.get();
                    counts.set((r, i + 1));
                }
                Outcome::DryRun(_) => unreachable!("not a dry run"),
            }
            // Assessments are never touched, imported or not.
            prop_assert_eq!(common::all(&store), assessments);
            Ok(())
        })
        .expect("property");
    let (refused, imported) = counts.get();
    assert!(refused > 0, "{refused} refused, {imported} imported");
}
