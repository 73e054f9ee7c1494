//! Broken user settings: every fixture in `tests/invalid_config/` (as
//! `config.toml`) and `tests/invalid_keymaps/` (as `keymap.toml`) fails
//! with `<path>:line: field: message`, and every fixture is in its table.

use kinerja::config::Config;
use kinerja::source::SourceError;
use kinerja::tui::keymap::Keymap;
use std::collections::HashSet;
use std::path::{Path, PathBuf};

fn fixtures(dir: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests")
        .join(dir)
}

/// (fixture, `:line: field:` after the path, a fragment of the message).
const CONFIG: &[(&str, &str, &str)] = &[
    (
        "unknown_key",
        ":2: bahasa: ",
        "unknown field `bahasa`, expected one of `lang`, `theme`",
    ),
    ("key_in_a_section", ":1: ui: ", "unknown field `ui`"),
    (
        "users_bad_nip",
        ":4: users.fransina: ",
        "NIP must have 18 digits, found 17",
    ),
    ("shared_not_a_list", ":1: shared: ", "expected a sequence"),
    ("lock_negative", ":1: lock_after_minutes: ", "expected u64"),
    (
        "lang_wrong_type",
        ":2: lang: ",
        "invalid type: integer `1`, expected a string",
    ),
    (
        "lang_unknown",
        ":2: lang: ",
        "unknown language \"fr\"; use id (Bahasa Indonesia) or en (English)",
    ),
    ("lang_empty", ":1: lang: ", "unknown language \"\""),
    (
        "lang_as_table",
        ":1: lang: ",
        "invalid type: map, expected a string",
    ),
    (
        "theme_wrong_type",
        ":2: theme: ",
        "invalid type: sequence, expected a string",
    ),
    (
        "theme_unknown",
        ":3: theme: ",
        "no such theme; use one of default, light, high-contrast, monochrome",
    ),
    (
        "theme_path",
        ":1: theme: ",
        "may hold only letters, digits, '-' and '_'",
    ),
    ("syntax_unclosed_string", ":1: ", "invalid basic string"),
    (
        "syntax_missing_value",
        ":2: ",
        "string values must be quoted",
    ),
    ("syntax_bare_word", ":1: ", "string values must be quoted"),
    ("duplicate_key", ":3: ", "duplicate key"),
    ("invalid_utf8", ":2: ", "not valid UTF-8 (byte 28)"),
];

const KEYMAPS: &[(&str, &str, &str)] = &[
    (
        "unknown_action",
        ":3: scoring[0].action: ",
        "unknown variant `fly`, expected one of `quit`",
    ),
    (
        "unknown_context",
        ":2: scorring: ",
        "unknown field `scorring`, expected one of `global`",
    ),
    (
        "unparsable_key",
        ":2: roster[0].keys: ",
        "unknown key \"hyper-q\"; write one character",
    ),
    (
        "capital_modifier",
        ":6: summary[1].keys: ",
        "unknown key \"Ctrl-S\"",
    ),
    (
        "modifier_without_key",
        ":2: global[0].keys: ",
        "unknown key \"ctrl-\"",
    ),
    (
        "bound_twice",
        ":6: scoring[1].keys: ",
        "key \"x\" is already bound in scoring[0]",
    ),
    ("empty_keys", ":2: login[0].keys: ", "list at least one key"),
    (
        "keys_not_a_list",
        ":2: login[0].keys: ",
        "expected a sequence",
    ),
    (
        "missing_action",
        ":1: roster[0]: ",
        "missing field `action`",
    ),
    (
        "unknown_binding_field",
        ":4: roster[0].hnit: ",
        "unknown field `hnit`, expected one of `keys`, `action`, `hint`",
    ),
    (
        "rate_out_of_range",
        ":3: scoring[0].action: ",
        "rate 0 is outside 1–10",
    ),
    (
        "rate_not_a_number",
        ":3: scoring[0].action.rate: ",
        "invalid type: string \"tiga\"",
    ),
    (
        "hint_not_a_bool",
        ":4: scoring[0].hint: ",
        "expected a boolean",
    ),
    (
        "section_not_a_list",
        ":1: scoring: ",
        "invalid type: map, expected a sequence",
    ),
    (
        "syntax_error",
        ":3: ",
        "missing comma between array elements",
    ),
    ("invalid_utf8", ":1: ", "not valid UTF-8 (byte 21)"),
];

/// Loads each fixture as `target` in a fresh config dir and checks the
/// error against the table; then that the table covers the folder.
fn check(
    dir: &str,
    target: &str,
    table: &[(&str, &str, &str)],
    load: impl Fn(&Path) -> Result<(), SourceError>,
) {
    let mut wrong = Vec::new();
    for (fixture, located, fragment) in table {
        let config = tempfile::tempdir().expect("tempdir");
        std::fs::copy(
            fixtures(dir).join(format!("{fixture}.toml")),
            config.path().join(target),
        )
        .expect(fixture);
        let text = match load(config.path()) {
            Ok(()) => {
                wrong.push(format!("{fixture}: accepted"));
                continue;
            }
            Err(e) => e.to_string(),
        };
        let prefix = format!("{}{located}", config.path().join(target).display());
        if !text.starts_with(&prefix) || !text.contains(fragment) {
            wrong.push(format!(
                "{fixture}: want `{prefix}…{fragment}…`, got `{text}`"
            ));
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    let listed: HashSet<&str> = table.iter().map(|(f, ..)| *f).collect();
    assert_eq!(listed.len(), table.len(), "a fixture is listed twice");
    let on_disk: HashSet<String> = std::fs::read_dir(fixtures(dir))
        .expect("dir")
        .map(|e| {
            let p = e.expect("entry").path();
            p.file_stem().expect("stem").to_string_lossy().into_owned()
        })
        .collect();
    let listed: HashSet<String> = listed.into_iter().map(str::to_string).collect();
    assert_eq!(on_disk, listed, "the folder and the table differ");
}

#[test]
fn every_invalid_config_names_file_line_and_field() {
    check("invalid_config", "config.toml", CONFIG, |dir| {
        Config::load(Some(dir)).map(drop)
    });
}

#[test]
fn every_invalid_keymap_names_file_line_and_field() {
    check("invalid_keymaps", "keymap.toml", KEYMAPS, |dir| {
        Keymap::load(Some(dir)).map(drop)
    });
}

#[test]
fn a_user_theme_named_in_the_config_is_accepted() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("config.toml"), "theme = \"senja\"\n").expect("write");
    assert!(
        Config::load(Some(dir.path())).is_err(),
        "no themes/senja.toml yet"
    );
    std::fs::create_dir(dir.path().join("themes")).expect("mkdir");
    std::fs::write(dir.path().join("themes/senja.toml"), "").expect("write");
    let c = Config::load(Some(dir.path())).expect("senja exists now");
    assert_eq!(c.theme.as_deref(), Some("senja"));
}
