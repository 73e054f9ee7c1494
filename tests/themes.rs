//! Shipped themes, broken theme fixtures, user overrides and NO_COLOR.

use kinerja::theme::{ROLES, Theme};
use ratatui::style::{Color, Modifier};
use std::path::{Path, PathBuf};

fn manifest_path(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// A temp config dir holding `themes/<name>.toml` with `src`.
fn config_with(name: &str, src: impl AsRef<[u8]>) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join("themes")).expect("mkdir");
    std::fs::write(dir.path().join("themes").join(format!("{name}.toml")), src).expect("write");
    dir
}

fn builtin(name: &str) -> Theme {
    Theme::builtin(name).unwrap_or_else(|| panic!("{name} is built in"))
}

#[test]
fn every_file_in_themes_dir_is_built_in_and_parses() {
    let mut on_disk: Vec<String> = std::fs::read_dir(manifest_path("themes"))
        .expect("themes dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .map(|p| p.file_stem().expect("stem").to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let mut names: Vec<&str> = Theme::names().to_vec();
    names.sort_unstable();
    assert_eq!(on_disk, names);
    for name in Theme::names() {
        let theme = builtin(name);
        assert_eq!(theme.name, *name);
        assert_eq!(theme.roles().len(), ROLES.len());
        let loaded = Theme::load(name, None, false).expect("loads without a config dir");
        assert_eq!(loaded, theme, "{name}");
    }
}

#[test]
fn selected_and_highlight_stay_visible_without_colour() {
    for name in Theme::names() {
        let theme = Theme::load(name, None, true).expect("loads");
        assert!(
            theme.selected.add_modifier.contains(Modifier::REVERSED),
            "{name}: selected must be reversed"
        );
        assert!(
            theme.highlight.add_modifier.contains(Modifier::BOLD),
            "{name}: highlight must be bold"
        );
        assert_ne!(theme.selected, theme.text, "{name}");
        assert_ne!(theme.highlight, theme.text, "{name}");
    }
}

#[test]
fn monochrome_has_no_colours() {
    for (role, style) in builtin("monochrome").roles() {
        assert_eq!((style.fg, style.bg), (None, None), "monochrome.{role}");
    }
}

#[test]
fn no_color_strips_colours_and_keeps_modifiers() {
    for name in Theme::names() {
        let coloured = builtin(name);
        let plain = Theme::load(name, None, true).expect("loads");
        for ((role, c), (_, p)) in coloured.roles().into_iter().zip(plain.roles()) {
            assert_eq!((p.fg, p.bg), (None, None), "{name}.{role}");
            assert_eq!(p.add_modifier, c.add_modifier, "{name}.{role}");
        }
    }
}

#[test]
fn no_color_also_applies_to_user_overrides() {
    let dir = config_with("default", "[roles.title]\nfg = \"#ff8800\"\n");
    let theme = Theme::load("default", Some(dir.path()), true).expect("loads");
    assert_eq!(theme.title.fg, None);
    assert!(theme.title.add_modifier.contains(Modifier::BOLD));
}

#[test]
fn an_override_changes_only_what_it_names() {
    let dir = config_with("default", "[roles.selected]\nfg = \"red\"\n");
    let base = builtin("default");
    let theme = Theme::load("default", Some(dir.path()), false).expect("loads");
    assert_eq!(theme.selected.fg, Some(Color::Red));
    // Fields it does not name keep the built-in values.
    assert_eq!(theme.selected.bg, base.selected.bg);
    assert_eq!(theme.selected.add_modifier, base.selected.add_modifier);
    for ((role, got), (_, want)) in theme.roles().into_iter().zip(base.roles()) {
        if role != "selected" {
            assert_eq!(got, want, "role {role} must be untouched");
        }
    }
}

#[test]
fn an_override_replaces_the_modifier_list_whole() {
    let dir = config_with("light", "[roles.highlight]\nmodifiers = [\"bold\"]\n");
    let theme = Theme::load("light", Some(dir.path()), false).expect("loads");
    assert_eq!(theme.highlight.add_modifier, Modifier::BOLD);
    assert_eq!(theme.highlight.fg, builtin("light").highlight.fg);
}

#[test]
fn an_empty_override_changes_nothing() {
    let dir = config_with("high-contrast", "# nothing yet\n");
    let theme = Theme::load("high-contrast", Some(dir.path()), false).expect("loads");
    assert_eq!(theme, builtin("high-contrast"));
}

#[test]
fn a_user_theme_replaces_named_roles_whole_and_falls_back_to_default() {
    let dir = config_with("senja", "[roles.title]\nfg = \"#ff8800\"\n");
    let theme = Theme::load("senja", Some(dir.path()), false).expect("loads");
    let base = builtin("default");
    assert_eq!(theme.name, "senja");
    assert_eq!(theme.title.fg, Some(Color::Rgb(0xff, 0x88, 0x00)));
    // The role is taken as written: default's bold is not inherited.
    assert_eq!(theme.title.add_modifier, Modifier::empty());
    for ((role, got), (_, want)) in theme.roles().into_iter().zip(base.roles()) {
        if role != "title" {
            assert_eq!(got, want, "role {role} must come from default");
        }
    }
}

#[test]
fn an_unknown_theme_name_is_an_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let err = Theme::load("senja", Some(dir.path()), false).expect_err("must fail");
    assert!(err.to_string().contains("no such theme"), "{err}");
}

/// Each broken fixture, the `file:line: field` it must be reported at, and a
/// fragment of the message.
const INVALID: &[(&str, &str, &str)] = &[
    (
        "unknown_role",
        ":5: roles.selcted:",
        "unknown field `selcted`",
    ),
    (
        "bad_colour_name",
        ":5: roles.muted.fg:",
        "unknown colour `purpel`",
    ),
    ("bad_hex", ":2: roles.title.fg:", "bad hex colour `#12345`"),
    (
        "modifiers_not_a_list",
        ":5: roles.selected.modifiers:",
        "expected a sequence",
    ),
    (
        "unknown_modifier",
        ":3: roles.highlight.modifiers[1]:",
        "unknown modifier `blinking`; use one of bold, dim",
    ),
    (
        "modifier_not_a_string",
        ":2: roles.selected.modifiers[1]:",
        "expected a modifier name: bold",
    ),
    ("invalid_utf8", ":3:", "not valid UTF-8 (byte 35)"),
    ("duplicate_role", ":4:", "duplicate key"),
    (
        "colour_wrong_type",
        ":2: roles.title.fg:",
        "invalid type: boolean `true`, expected a colour name",
    ),
    (
        "negative_index",
        ":3: roles.muted.bg:",
        "-1 is outside 0-255",
    ),
    (
        "roles_not_a_table",
        ":1: roles:",
        "expected a table of roles, e.g. [roles.title]",
    ),
    ("syntax_error", ":4:", "unclosed table"),
    ("index_out_of_range", ":2: roles.error.fg:", "outside 0-255"),
    (
        "unknown_style_field",
        ":2: roles.saved.foreground:",
        "unknown field `foreground`",
    ),
    (
        "unknown_top_level",
        ":1: colours:",
        "unknown field `colours`",
    ),
    (
        "role_not_a_table",
        ":2: roles.warning:",
        "a table with `fg`, `bg` and `modifiers`",
    ),
];

#[test]
fn every_invalid_fixture_has_an_expectation() {
    let mut on_disk: Vec<String> = std::fs::read_dir(manifest_path("tests/invalid_themes"))
        .expect("fixtures dir")
        .map(|e| e.expect("entry").path())
        .map(|p| p.file_stem().expect("stem").to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let mut listed: Vec<&str> = INVALID.iter().map(|(f, _, _)| *f).collect();
    listed.sort_unstable();
    assert_eq!(on_disk, listed);
}

#[test]
fn invalid_fixtures_fail_with_file_line_and_field() {
    for (fixture, located, message) in INVALID {
        // Bytes: one fixture is not valid UTF-8.
        let src = std::fs::read(manifest_path(&format!(
            "tests/invalid_themes/{fixture}.toml"
        )))
        .expect("fixture");
        // As an override of a built-in and as a standalone user theme.
        for name in ["default", "eigen"] {
            let dir = config_with(name, &src);
            let err = Theme::load(name, Some(dir.path()), false).expect_err(fixture);
            let text = err.to_string();
            let expected = format!("{name}.toml{located}");
            assert!(
                text.contains(&expected),
                "{fixture}: want `{expected}` in `{text}`"
            );
            assert!(
                text.contains(message),
                "{fixture}: want `{message}` in `{text}`"
            );
        }
    }
}
