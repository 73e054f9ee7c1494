//! Where Kinerja keeps its data and reads its settings, and the user's
//! `config.toml`. Environment lookups are passed in so tests never depend on
//! the real environment or home directory.

use crate::data::Problem;
use crate::source::{SourceError, parse_toml};
use serde::Deserialize;
use std::path::{Path, PathBuf};

/// Overrides the data directory when no `--data-dir` flag is given.
pub const ENV_DATA_DIR: &str = "KINERJA_DATA_DIR";
/// Overrides the platform config directory.
pub const ENV_CONFIG_DIR: &str = "KINERJA_CONFIG_DIR";
/// Asks for output without colour (<https://no-color.org>).
pub const ENV_NO_COLOR: &str = "NO_COLOR";

/// Used when the platform has no home directory to put data under.
const FALLBACK_DATA_DIR: &str = "kinerja-data";

/// The directories Kinerja uses, resolved once at start-up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    /// Holds the store; always known.
    pub data_dir: PathBuf,
    /// Holds `config.toml`, `themes/` and keymaps; `None` when the platform
    /// has no home directory and `KINERJA_CONFIG_DIR` is unset, in which case
    /// only built-in settings are used.
    pub config_dir: Option<PathBuf>,
}

/// The platform's per-user directories for Kinerja, separated from
/// `directories::ProjectDirs` so tests can supply their own.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PlatformDirs {
    pub data_dir: PathBuf,
    pub config_dir: PathBuf,
}

impl PlatformDirs {
    /// The platform directories (on Linux `~/.local/share/kinerja` and
    /// `~/.config/kinerja`), or `None` without a home directory.
    pub fn detect() -> Option<Self> {
        directories::ProjectDirs::from("id", "Kota Ambon", "Kinerja").map(|p| Self {
            data_dir: p.data_dir().to_path_buf(),
            config_dir: p.config_dir().to_path_buf(),
        })
    }
}

impl Paths {
    /// Resolves the directories from the `--data-dir` flag, the real
    /// environment and the platform.
    pub fn resolve(cli_data_dir: Option<PathBuf>) -> Self {
        Self::resolve_with(cli_data_dir, real_env, PlatformDirs::detect())
    }

    /// Precedence: data dir = flag, then `KINERJA_DATA_DIR`, then the platform
    /// data dir, then `./kinerja-data`; config dir = `KINERJA_CONFIG_DIR`, then
    /// the platform config dir. An empty variable counts as unset.
    pub fn resolve_with(
        cli_data_dir: Option<PathBuf>,
        env: impl Fn(&str) -> Option<String>,
        platform: Option<PlatformDirs>,
    ) -> Self {
        let env_path = |name: &str| env(name).filter(|v| !v.is_empty()).map(PathBuf::from);
        let data_dir = cli_data_dir
            .or_else(|| env_path(ENV_DATA_DIR))
            .or_else(|| platform.as_ref().map(|p| p.data_dir.clone()))
            .unwrap_or_else(|| PathBuf::from(FALLBACK_DATA_DIR));
        let config_dir = env_path(ENV_CONFIG_DIR).or_else(|| platform.map(|p| p.config_dir));
        Self {
            data_dir,
            config_dir,
        }
    }
}

/// Reads a variable from the process environment; the default `env` for
/// [`Paths::resolve_with`] and [`no_color_requested`].
pub fn real_env(name: &str) -> Option<String> {
    std::env::var(name).ok()
}

/// True when `NO_COLOR` is set and non-empty, as no-color.org specifies.
pub fn no_color_requested(env: impl Fn(&str) -> Option<String>) -> bool {
    env(ENV_NO_COLOR).is_some_and(|v| !v.is_empty())
}

/// The user's `config.toml`. Every field is optional; a missing file means
/// every default.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// UI language, e.g. `"id"` or `"en"`.
    pub lang: Option<String>,
    /// Theme name: a built-in or a file in `<config_dir>/themes/`.
    pub theme: Option<String>,
    /// For `kinerja serve`: Unix user name → the NIP of the person it is.
    /// A mapped account always acts as that person.
    #[serde(default)]
    pub users: std::collections::BTreeMap<String, crate::domain::Nip>,
    /// For `kinerja serve`: Unix accounts used by several people at a
    /// shared terminal; each person logs in with their PIN.
    #[serde(default)]
    pub shared: Vec<String>,
    /// Lock the screen after this many minutes without a key (default 5;
    /// 0 never locks).
    pub lock_after_minutes: Option<u64>,
}

impl Config {
    /// Loads `<config_dir>/config.toml`; a missing directory or file gives
    /// the defaults, a malformed file an error naming file, line and field.
    pub fn load(config_dir: Option<&Path>) -> Result<Self, SourceError> {
        let Some(dir) = config_dir else {
            return Ok(Self::default());
        };
        let path = dir.join("config.toml");
        match read_optional(&path)? {
            Some(src) => Self::parse(&path.display().to_string(), &src, Some(dir)),
            None => Ok(Self::default()),
        }
    }

    /// Parses config text and checks its values: `lang` must be a UI
    /// language and `theme` a built-in or a file in `<config_dir>/themes/`,
    /// so a typo is reported at its line instead of at start-up elsewhere.
    pub fn parse(file: &str, src: &str, config_dir: Option<&Path>) -> Result<Self, SourceError> {
        let c: Self = parse_toml(file, src)?;
        if let Some(lang) = &c.lang
            && crate::i18n::Lang::parse(lang).is_none()
        {
            let message =
                format!("unknown language {lang:?}; use id (Bahasa Indonesia) or en (English)");
            return Err(Problem::top("lang", message).locate(file, src));
        }
        if let Some(theme) = &c.theme
            && let Err(message) = crate::theme::Theme::check_name(theme, config_dir)
        {
            return Err(Problem::top("theme", message).locate(file, src));
        }
        Ok(c)
    }
}

/// Reads a file that may legitimately be absent; other IO failures are
/// reported against the file, invalid UTF-8 at its line.
pub(crate) fn read_optional(path: &Path) -> Result<Option<String>, SourceError> {
    match std::fs::read(path) {
        Ok(bytes) => crate::source::decode(&path.display().to_string(), &bytes)
            .map(|src| Some(src.to_string())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(SourceError::new(
            &path.display().to_string(),
            None,
            None,
            format!("cannot read: {e}"),
        )),
    }
}

/// Deep-merges `over` into `base`: tables merge key by key, any other value
/// (arrays included) replaces the base value. This is how user theme and
/// keymap files change only what they name.
pub fn merge_tables(base: &mut toml::Table, over: toml::Table) {
    for (key, value) in over {
        match (base.get_mut(&key), value) {
            (Some(toml::Value::Table(b)), toml::Value::Table(o)) => merge_tables(b, o),
            (_, value) => {
                base.insert(key, value);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn env_of(pairs: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> + use<> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| ((*k).to_string(), (*v).to_string()))
            .collect();
        move |k| map.get(k).cloned()
    }

    fn platform() -> PlatformDirs {
        PlatformDirs {
            data_dir: "/home/u/.local/share/kinerja".into(),
            config_dir: "/home/u/.config/kinerja".into(),
        }
    }

    #[test]
    fn the_flag_beats_env_and_platform() {
        let env = env_of(&[(ENV_DATA_DIR, "/env/data")]);
        let p = Paths::resolve_with(Some("/flag/data".into()), env, Some(platform()));
        assert_eq!(p.data_dir, PathBuf::from("/flag/data"));
    }

    #[test]
    fn env_beats_platform() {
        let env = env_of(&[(ENV_DATA_DIR, "/env/data"), (ENV_CONFIG_DIR, "/env/config")]);
        let p = Paths::resolve_with(None, env, Some(platform()));
        assert_eq!(p.data_dir, PathBuf::from("/env/data"));
        assert_eq!(p.config_dir, Some(PathBuf::from("/env/config")));
    }

    #[test]
    fn platform_is_used_when_nothing_else_is_given() {
        let p = Paths::resolve_with(None, env_of(&[]), Some(platform()));
        assert_eq!(p.data_dir, PathBuf::from("/home/u/.local/share/kinerja"));
        assert_eq!(p.config_dir, Some(PathBuf::from("/home/u/.config/kinerja")));
    }

    #[test]
    fn empty_env_values_count_as_unset() {
        let env = env_of(&[(ENV_DATA_DIR, ""), (ENV_CONFIG_DIR, "")]);
        let p = Paths::resolve_with(None, env, Some(platform()));
        assert_eq!(p.data_dir, PathBuf::from("/home/u/.local/share/kinerja"));
        assert_eq!(p.config_dir, Some(PathBuf::from("/home/u/.config/kinerja")));
    }

    #[test]
    fn without_a_home_data_falls_back_to_the_working_dir() {
        let p = Paths::resolve_with(None, env_of(&[]), None);
        assert_eq!(p.data_dir, PathBuf::from("kinerja-data"));
        assert_eq!(p.config_dir, None);
    }

    #[test]
    fn no_color_needs_a_non_empty_value() {
        assert!(no_color_requested(env_of(&[(ENV_NO_COLOR, "1")])));
        assert!(!no_color_requested(env_of(&[(ENV_NO_COLOR, "")])));
        assert!(!no_color_requested(env_of(&[])));
    }

    #[test]
    fn merge_replaces_leaves_and_keeps_siblings() {
        let mut base: toml::Table = toml::from_str(
            "[roles.a]\nfg = \"red\"\nmodifiers = [\"bold\", \"dim\"]\n[roles.b]\nfg = \"blue\"\n",
        )
        .expect("base");
        let over: toml::Table =
            toml::from_str("[roles.a]\nmodifiers = [\"italic\"]\n[roles.c]\nbg = \"1\"\n")
                .expect("over");
        merge_tables(&mut base, over);
        let expected: toml::Table = toml::from_str(
            "[roles.a]\nfg = \"red\"\nmodifiers = [\"italic\"]\n[roles.b]\nfg = \"blue\"\n[roles.c]\nbg = \"1\"\n",
        )
        .expect("expected");
        assert_eq!(base, expected);
    }

    #[test]
    fn a_missing_config_file_gives_defaults() {
        let dir = tempfile::tempdir().expect("tempdir");
        assert_eq!(Config::load(Some(dir.path())), Ok(Config::default()));
        assert_eq!(Config::load(None), Ok(Config::default()));
    }

    #[test]
    fn a_config_file_is_read() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(
            dir.path().join("config.toml"),
            "lang = \"en\"\ntheme = \"light\"\n",
        )
        .expect("write");
        let c = Config::load(Some(dir.path())).expect("config");
        assert_eq!(c.lang.as_deref(), Some("en"));
        assert_eq!(c.theme.as_deref(), Some("light"));
    }

    #[test]
    fn a_malformed_config_names_line_and_field() {
        let dir = tempfile::tempdir().expect("tempdir");
        std::fs::write(dir.path().join("config.toml"), "lang = \"en\"\ntheme = 3\n")
            .expect("write");
        let err = Config::load(Some(dir.path())).expect_err("must fail");
        assert_eq!(err.line, Some(2));
        assert_eq!(err.field.as_deref(), Some("theme"));
        assert!(err.file.ends_with("config.toml"), "{err}");
    }
}
