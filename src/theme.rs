//! Semantic colour roles (atuin style): views ask for `theme.muted`, never
//! for a colour. Themes live in `themes/*.toml`, are compiled in, and a file
//! of the same name in `<config_dir>/themes/` overrides only what it names.

mod spec;

use crate::config::{merge_tables, read_optional};
use crate::source::{SourceError, parse_toml};
use ratatui::style::Style;
use spec::ThemeFile;
use std::path::Path;

/// The theme every other falls back to.
pub const DEFAULT_THEME: &str = "default";

const BUILTINS: &[(&str, &str)] = &[
    ("default", include_str!("../themes/default.toml")),
    ("light", include_str!("../themes/light.toml")),
    (
        "high-contrast",
        include_str!("../themes/high-contrast.toml"),
    ),
    ("monochrome", include_str!("../themes/monochrome.toml")),
];

const BUILTIN_NAMES: &[&str] = &["default", "light", "high-contrast", "monochrome"];

macro_rules! roles {
    ($($(#[doc = $doc:literal])+ $role:ident,)+) => {
        /// One style per semantic role, ready for ratatui.
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct Theme {
            /// The name it was loaded under (built-in or user file stem).
            pub name: String,
            $($(#[doc = $doc])+ pub $role: Style,)+
        }

        /// Every role name, as written in theme files.
        pub const ROLES: &[&str] = &[$(stringify!($role)),+];

        impl Theme {
            /// Every role with its style, in file order, for previews and
            /// tests that must cover all roles.
            pub fn roles(&self) -> Vec<(&'static str, Style)> {
                vec![$((stringify!($role), self.$role)),+]
            }

            fn styles_mut(&mut self) -> Vec<&mut Style> {
                vec![$(&mut self.$role),+]
            }
        }

        mod role_specs {
            use super::spec::StyleSpec;

            /// The `[roles]` table; every role optional so that override
            /// files can name a few.
            #[derive(Debug, Default, serde::Deserialize)]
            #[serde(deny_unknown_fields, expecting = "a table of roles, e.g. [roles.title]")]
            pub(super) struct RoleSpecs {
                $(pub(super) $role: Option<StyleSpec>,)+
            }

            impl RoleSpecs {
                /// Builds the theme, or names the first role left unset.
                pub(super) fn build(self, name: &str) -> Result<super::Theme, &'static str> {
                    Ok(super::Theme {
                        name: name.to_string(),
                        $($role: self.$role.ok_or(stringify!($role))?.style(),)+
                    })
                }
            }
        }
    };
}

roles! {
    /// Ordinary text.
    text,
    /// Secondary text: hints, placeholders, counts.
    muted,
    /// Panel and screen titles.
    title,
    /// Borders of unfocused panels.
    border,
    /// The border of the panel that has the keyboard.
    border_focused,
    /// The selected row of a list; must stay visible without colour.
    selected,
    /// The top bar.
    header,
    /// The key hints bar.
    footer,
    /// A key name inside the hints.
    key,
    /// The "tersimpan" indicator, shown only after the store flushed.
    saved,
    /// Shown while a write is in flight.
    saving,
    /// Something the user should look at.
    warning,
    /// Something that failed.
    error,
    /// Rating "Di Bawah Ekspektasi".
    rating_below,
    /// Rating "Sesuai Ekspektasi".
    rating_meets,
    /// Rating "Di Atas Ekspektasi".
    rating_above,
    /// The filled part of a progress bar.
    progress_done,
    /// The empty part of a progress bar.
    progress_todo,
    /// The current rating's descriptor on the scoring card; must stay
    /// visible without colour.
    highlight,
    /// Text being edited.
    input,
}

impl Default for Theme {
    fn default() -> Self {
        Self::builtin(DEFAULT_THEME).expect("the default theme is built in")
    }
}

impl Theme {
    /// The built-in theme names, for `--theme` help and the config docs.
    pub fn names() -> &'static [&'static str] {
        BUILTIN_NAMES
    }

    /// A built-in theme, without user overrides.
    pub fn builtin(name: &str) -> Option<Self> {
        let src = builtin_src(name)?;
        let file = builtin_file(name);
        let theme = src_table(&file, src).and_then(|table| parse_complete(name, &file, table));
        Some(theme.expect("built-in themes are tested to parse"))
    }

    /// Loads the theme `name`.
    ///
    /// - A built-in name starts from the built-in; `<config_dir>/themes/<name>.toml`,
    ///   if present, changes only the roles and fields it names.
    /// - Any other name must be a user file; roles it leaves out are taken
    ///   whole from `default`, so adding a role later breaks no user theme.
    /// - `no_color` strips every colour and keeps the modifiers.
    pub fn load(
        name: &str,
        config_dir: Option<&Path>,
        no_color: bool,
    ) -> Result<Self, SourceError> {
        let user_path = config_dir.map(|d| d.join("themes").join(format!("{name}.toml")));
        let user_file = user_path.as_ref().map_or_else(
            || format!("themes/{name}.toml"),
            |p| p.display().to_string(),
        );
        if !is_valid_name(name) {
            return Err(SourceError::new(&user_file, None, None, BAD_NAME));
        }
        let user_src = match &user_path {
            Some(p) => read_optional(p)?,
            None => None,
        };

        let mut table = match builtin_src(name) {
            Some(src) => src_table(&builtin_file(name), src)?,
            None if user_src.is_some() => {
                let src = builtin_src(DEFAULT_THEME).expect("default is built in");
                src_table(&builtin_file(DEFAULT_THEME), src)?
            }
            None => {
                return Err(SourceError::new(&user_file, None, None, no_such_theme()));
            }
        };

        if let Some(src) = user_src {
            // Check the user file on its own first, so errors point at its lines.
            parse_toml::<ThemeFile>(&user_file, &src)?;
            let mut over: toml::Table = parse_toml(&user_file, &src)?;
            if builtin_src(name).is_none() {
                // A standalone theme replaces each role it names as a whole.
                if let (Some(toml::Value::Table(base)), Some(toml::Value::Table(roles))) =
                    (table.get_mut("roles"), over.remove("roles"))
                {
                    base.extend(roles);
                }
            }
            merge_tables(&mut table, over);
        }

        let mut theme = parse_complete(name, &user_file, table)?;
        if no_color {
            theme.strip_colors();
        }
        Ok(theme)
    }

    /// Why `name` cannot be loaded, if it cannot: not a plain name, or
    /// neither built in nor a file in `<config_dir>/themes/`. For the
    /// config file's check; [`Theme::load`] says the same.
    pub fn check_name(name: &str, config_dir: Option<&Path>) -> Result<(), String> {
        if !is_valid_name(name) {
            return Err(BAD_NAME.into());
        }
        let file = config_dir.map(|d| d.join("themes").join(format!("{name}.toml")));
        if builtin_src(name).is_some() || file.as_ref().is_some_and(|f| f.is_file()) {
            return Ok(());
        }
        let place = file.map_or_else(
            || format!("themes/{name}.toml"),
            |f| f.display().to_string(),
        );
        Err(format!("{} ({place})", no_such_theme()))
    }

    /// Removes every foreground and background colour, keeping modifiers:
    /// the NO_COLOR look, which is the monochrome theme's look.
    pub fn strip_colors(&mut self) {
        for style in self.styles_mut() {
            style.fg = None;
            style.bg = None;
        }
    }
}

const BAD_NAME: &str = "a theme name may hold only letters, digits, '-' and '_'";

fn no_such_theme() -> String {
    format!(
        "no such theme; use one of {} or create this file",
        BUILTIN_NAMES.join(", ")
    )
}

fn builtin_src(name: &str) -> Option<&'static str> {
    BUILTINS.iter().find(|(n, _)| *n == name).map(|(_, s)| *s)
}

fn builtin_file(name: &str) -> String {
    format!("themes/{name}.toml (built in)")
}

fn is_valid_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// Parses and validates a theme source into a table ready for merging.
fn src_table(file: &str, src: &str) -> Result<toml::Table, SourceError> {
    parse_toml::<ThemeFile>(file, src)?;
    parse_toml(file, src)
}

/// Turns a merged table into a theme; every role must be set by now.
fn parse_complete(name: &str, file: &str, table: toml::Table) -> Result<Theme, SourceError> {
    let parsed: ThemeFile = toml::Value::Table(table)
        .try_into()
        .map_err(|e: toml::de::Error| SourceError::new(file, None, None, e.message()))?;
    parsed.roles.build(name).map_err(|role| {
        SourceError::new(
            file,
            None,
            Some(&format!("roles.{role}")),
            "this role is not set",
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Modifier;

    #[test]
    fn names_and_builtins_agree() {
        let listed: Vec<&str> = BUILTINS.iter().map(|(n, _)| *n).collect();
        assert_eq!(listed, Theme::names());
    }

    #[test]
    fn an_unknown_name_without_a_file_is_an_error() {
        let dir = tempfile::tempdir().expect("tempdir");
        let err = Theme::load("nope", Some(dir.path()), false).expect_err("must fail");
        assert!(err.to_string().contains("no such theme"), "{err}");
        assert!(err.file.ends_with("nope.toml"), "{err}");
    }

    #[test]
    fn a_path_like_name_is_refused() {
        let err = Theme::load("../x", None, false).expect_err("must fail");
        assert!(err.message.contains("only letters"), "{err}");
    }

    #[test]
    fn no_config_dir_still_loads_builtins() {
        let t = Theme::load("light", None, false).expect("light");
        assert_eq!(Some(t), Theme::builtin("light"));
    }

    #[test]
    fn default_selection_is_reversed() {
        assert!(
            Theme::default()
                .selected
                .add_modifier
                .contains(Modifier::REVERSED)
        );
    }
}
