//! The theme file format: what a user may write, checked strictly so that a
//! typo is reported with file, line and field instead of silently ignored.

use super::role_specs::RoleSpecs;
use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;
use serde::de::{self, Deserializer, Visitor};
use std::fmt;

/// A whole theme file; every part optional so override files may be short.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ThemeFile {
    #[serde(default)]
    pub(super) roles: RoleSpecs,
}

/// One role: `fg`, `bg` and `modifiers`, all optional.
#[derive(Debug, Default, Deserialize)]
#[serde(
    deny_unknown_fields,
    expecting = "a table with `fg`, `bg` and `modifiers`"
)]
pub(super) struct StyleSpec {
    fg: Option<ColorSpec>,
    bg: Option<ColorSpec>,
    #[serde(default)]
    modifiers: Vec<ModifierSpec>,
}

impl StyleSpec {
    pub(super) fn style(&self) -> Style {
        let mut style = Style::new();
        style.fg = self.fg.map(|c| c.0);
        style.bg = self.bg.map(|c| c.0);
        style.add_modifier = self
            .modifiers
            .iter()
            .fold(Modifier::empty(), |acc, m| acc | m.modifier());
        style
    }
}

/// Written as a modifier name in theme files.
#[derive(Debug, Clone, Copy)]
enum ModifierSpec {
    Bold,
    Dim,
    Italic,
    Underlined,
    SlowBlink,
    RapidBlink,
    Reversed,
    Hidden,
    CrossedOut,
}

const MODIFIERS: &[(&str, ModifierSpec)] = &[
    ("bold", ModifierSpec::Bold),
    ("dim", ModifierSpec::Dim),
    ("italic", ModifierSpec::Italic),
    ("underlined", ModifierSpec::Underlined),
    ("slow_blink", ModifierSpec::SlowBlink),
    ("rapid_blink", ModifierSpec::RapidBlink),
    ("reversed", ModifierSpec::Reversed),
    ("hidden", ModifierSpec::Hidden),
    ("crossed_out", ModifierSpec::CrossedOut),
];

fn modifier_names() -> String {
    MODIFIERS
        .iter()
        .map(|(n, _)| *n)
        .collect::<Vec<_>>()
        .join(", ")
}

/// By hand rather than derived: the TOML parser words an enum's wrong
/// type as "wanted string or table", which names neither the field nor
/// the choices.
impl<'de> Deserialize<'de> for ModifierSpec {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = ModifierSpec;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                write!(f, "a modifier name: {}", modifier_names())
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<ModifierSpec, E> {
                MODIFIERS
                    .iter()
                    .find(|(n, _)| *n == s)
                    .map(|(_, m)| *m)
                    .ok_or_else(|| {
                        E::custom(format!(
                            "unknown modifier `{s}`; use one of {}",
                            modifier_names()
                        ))
                    })
            }
        }
        d.deserialize_str(V)
    }
}

impl ModifierSpec {
    fn modifier(self) -> Modifier {
        match self {
            Self::Bold => Modifier::BOLD,
            Self::Dim => Modifier::DIM,
            Self::Italic => Modifier::ITALIC,
            Self::Underlined => Modifier::UNDERLINED,
            Self::SlowBlink => Modifier::SLOW_BLINK,
            Self::RapidBlink => Modifier::RAPID_BLINK,
            Self::Reversed => Modifier::REVERSED,
            Self::Hidden => Modifier::HIDDEN,
            Self::CrossedOut => Modifier::CROSSED_OUT,
        }
    }
}

/// A colour as written: a name, `#rrggbb`, or an index 0–255 (as a number
/// or a string).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct ColorSpec(Color);

const NAMED: &[(&str, Color)] = &[
    ("reset", Color::Reset),
    ("black", Color::Black),
    ("red", Color::Red),
    ("green", Color::Green),
    ("yellow", Color::Yellow),
    ("blue", Color::Blue),
    ("magenta", Color::Magenta),
    ("cyan", Color::Cyan),
    ("gray", Color::Gray),
    ("dark_gray", Color::DarkGray),
    ("light_red", Color::LightRed),
    ("light_green", Color::LightGreen),
    ("light_yellow", Color::LightYellow),
    ("light_blue", Color::LightBlue),
    ("light_magenta", Color::LightMagenta),
    ("light_cyan", Color::LightCyan),
    ("white", Color::White),
];

const EXPECTED: &str = "a colour name (e.g. \"red\", \"light_blue\", \"dark_gray\", \"reset\"), \"#rrggbb\" or an index 0-255";

fn parse_color(s: &str) -> Result<Color, String> {
    let key = s.trim().to_ascii_lowercase().replace(['-', ' '], "_");
    let key = key.replace("grey", "gray");
    if let Some((_, c)) = NAMED.iter().find(|(n, _)| *n == key) {
        return Ok(*c);
    }
    if let Some(hex) = key.strip_prefix('#') {
        if hex.len() == 6 && hex.chars().all(|c| c.is_ascii_hexdigit()) {
            let v = u32::from_str_radix(hex, 16).map_err(|e| e.to_string())?;
            return Ok(Color::Rgb((v >> 16) as u8, (v >> 8) as u8, v as u8));
        }
        return Err(format!("bad hex colour `{s}`; expected \"#rrggbb\""));
    }
    if let Ok(i) = key.parse::<u8>() {
        return Ok(Color::Indexed(i));
    }
    Err(format!("unknown colour `{s}`; expected {EXPECTED}"))
}

impl<'de> Deserialize<'de> for ColorSpec {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = ColorSpec;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(EXPECTED)
            }
            fn visit_str<E: de::Error>(self, s: &str) -> Result<ColorSpec, E> {
                parse_color(s).map(ColorSpec).map_err(E::custom)
            }
            fn visit_i64<E: de::Error>(self, i: i64) -> Result<ColorSpec, E> {
                u8::try_from(i)
                    .map(|i| ColorSpec(Color::Indexed(i)))
                    .map_err(|_| E::custom(format!("colour index {i} is outside 0-255")))
            }
            fn visit_u64<E: de::Error>(self, i: u64) -> Result<ColorSpec, E> {
                self.visit_i64(i64::try_from(i).unwrap_or(i64::MAX))
            }
        }
        d.deserialize_any(V)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_parse_in_every_written_form() {
        assert_eq!(parse_color("light_blue"), Ok(Color::LightBlue));
        assert_eq!(parse_color("Light-Blue"), Ok(Color::LightBlue));
        assert_eq!(parse_color("dark grey"), Ok(Color::DarkGray));
        assert_eq!(parse_color("reset"), Ok(Color::Reset));
        assert_eq!(parse_color("#1e90FF"), Ok(Color::Rgb(0x1e, 0x90, 0xff)));
        assert_eq!(parse_color("208"), Ok(Color::Indexed(208)));
    }

    #[test]
    fn bad_colours_say_what_is_expected() {
        assert!(parse_color("#12345").is_err_and(|e| e.contains("#rrggbb")));
        assert!(parse_color("#12345g").is_err_and(|e| e.contains("#rrggbb")));
        assert!(parse_color("purpel").is_err_and(|e| e.contains("unknown colour `purpel`")));
        assert!(parse_color("256").is_err());
    }

    #[test]
    fn an_integer_index_is_a_colour() {
        let s: StyleSpec =
            toml::from_str("fg = 42\nbg = \"#000000\"\nmodifiers = [\"bold\", \"reversed\"]")
                .expect("spec");
        let style = s.style();
        assert_eq!(style.fg, Some(Color::Indexed(42)));
        assert_eq!(style.bg, Some(Color::Rgb(0, 0, 0)));
        assert_eq!(style.add_modifier, Modifier::BOLD | Modifier::REVERSED);
    }
}
