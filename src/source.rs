//! Parsing of user-editable TOML files (data, themes, keymaps, config) with
//! errors that name the file, the line and the field, as DESIGN.md asks.

use crate::i18n::{Strings, fill};
use serde::de::DeserializeOwned;
use std::fmt;

/// A problem in a source file, located as precisely as the parser allows.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub struct SourceError {
    pub file: String,
    /// 1-based line, if known.
    pub line: Option<usize>,
    /// Dotted path of the field, e.g. `criteria[2].levels`, if known.
    pub field: Option<String>,
    pub message: String,
}

impl fmt::Display for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if let Some(field) = &self.field {
            write!(f, ": {field}")?;
        }
        write!(f, ": {}", self.message)
    }
}

impl SourceError {
    pub fn new(
        file: &str,
        line: Option<usize>,
        field: Option<&str>,
        message: impl Into<String>,
    ) -> Self {
        Self {
            file: file.to_string(),
            line,
            field: field.map(str::to_string),
            message: message.into(),
        }
    }
}

/// A file's bytes as text. Invalid UTF-8 is reported at the line of the
/// first bad byte, so every problem in a source file has a line.
pub fn decode<'a>(file: &str, bytes: &'a [u8]) -> Result<&'a str, SourceError> {
    std::str::from_utf8(bytes).map_err(|e| {
        let good = e.valid_up_to();
        // The valid prefix is text, so the line count is exact.
        let line = std::str::from_utf8(&bytes[..good]).map_or(1, |ok| line_at(ok, good));
        SourceError::new(
            file,
            Some(line),
            None,
            format!("not valid UTF-8 (byte {good}); save the file as UTF-8"),
        )
    })
}

/// The 1-based line of a byte offset.
pub fn line_at(src: &str, offset: usize) -> usize {
    src.get(..offset).unwrap_or(src).matches('\n').count() + 1
}

/// The first line that contains `needle`, for errors found after parsing
/// (duplicate ids, unknown references) where only the value is known.
pub fn line_of(src: &str, needle: &str) -> Option<usize> {
    src.lines().position(|l| l.contains(needle)).map(|i| i + 1)
}

/// Parses TOML into `T`; a failure names file, line and field. Messages
/// are the parser's own (English), for shipped files and developers.
pub fn parse_toml<T: DeserializeOwned>(file: &str, src: &str) -> Result<T, SourceError> {
    parse(file, src, None)
}

/// [`parse_toml`] with the message in the UI language of `s`, for files an
/// admin writes (imports).
pub fn parse_toml_in<T: DeserializeOwned>(
    file: &str,
    src: &str,
    s: &Strings,
) -> Result<T, SourceError> {
    parse(file, src, Some(s))
}

fn parse<T: DeserializeOwned>(
    file: &str,
    src: &str,
    lang: Option<&Strings>,
) -> Result<T, SourceError> {
    let de = toml::Deserializer::parse(src).map_err(|e| {
        let message = match lang {
            Some(s) if e.message().starts_with("duplicate key") => s.src_duplicate_key.to_string(),
            Some(s) => fill(s.src_syntax, &[("message", e.message())]),
            None => e.message().to_string(),
        };
        SourceError::new(file, e.span().map(|s| line_at(src, s.start)), None, message)
    })?;
    serde_path_to_error::deserialize(de).map_err(|e| {
        let field = e.path().to_string();
        let inner = e.into_inner();
        SourceError {
            file: file.to_string(),
            line: inner.span().map(|s| line_at(src, s.start)),
            field: (field != ".").then_some(field),
            message: lang.map_or_else(
                || inner.message().to_string(),
                |s| localise(inner.message(), s),
            ),
        }
    })
}

/// Rewords serde's common messages from the catalogue; anything else (a
/// custom message) is kept as it is.
pub fn localise(message: &str, s: &Strings) -> String {
    let quoted = |rest: &str| -> Option<(String, String)> {
        let rest = rest.strip_prefix('`')?;
        let (name, tail) = rest.split_once('`')?;
        Some((name.to_string(), tail.to_string()))
    };
    let expected = |tail: &str| -> Option<String> {
        let t = tail.strip_prefix(", ")?;
        t.strip_prefix("expected one of ")
            .or_else(|| t.strip_prefix("expected "))
            .map(str::to_string)
    };
    if let Some((field, tail)) = message.strip_prefix("unknown field ").and_then(quoted) {
        return match expected(&tail) {
            Some(known) => fill(
                s.src_unknown_field,
                &[("field", &field), ("known", &or_word(&known, s))],
            ),
            None => fill(s.src_no_fields, &[("field", &field)]),
        };
    }
    if let Some((field, _)) = message.strip_prefix("missing field ").and_then(quoted) {
        return fill(s.src_missing_field, &[("field", &field)]);
    }
    if let Some((value, tail)) = message.strip_prefix("unknown variant ").and_then(quoted) {
        let known = or_word(&expected(&tail).unwrap_or_default(), s);
        return fill(
            s.src_unknown_variant,
            &[("value", &value), ("known", &known)],
        );
    }
    for (prefix, template) in [
        ("invalid type: ", s.src_invalid_type),
        ("invalid value: ", s.src_invalid_value),
    ] {
        if let Some((found, want)) = message
            .strip_prefix(prefix)
            .and_then(|r| r.rsplit_once(", expected "))
        {
            let found = type_word(found, s);
            let want = type_word(want, s);
            return fill(template, &[("found", &found), ("expected", &want)]);
        }
    }
    if message.starts_with("duplicate key") {
        return s.src_duplicate_key.to_string();
    }
    message.to_string()
}

/// "`a` or `b`" in the catalogue's language.
fn or_word(list: &str, s: &Strings) -> String {
    list.replace("` or `", &format!("` {} `", s.src_or))
}

/// serde's names of value types ("a sequence", "string \"3\"") in the
/// catalogue's words; the written value after the type is kept.
fn type_word(text: &str, s: &Strings) -> String {
    let (head, value) = match text.find([' ']) {
        Some(i) if text[i + 1..].starts_with(['"', '`']) => text.split_at(i),
        _ => (text, ""),
    };
    let word = match head {
        "a sequence" | "sequence" => s.src_t_list,
        "map" | "a map" => s.src_t_table,
        "string" | "a string" => s.src_t_text,
        "integer" | "an integer" | "i64" => s.src_t_integer,
        "u8" => s.src_t_small,
        "boolean" | "a boolean" => s.src_t_bool,
        "floating point" => s.src_t_decimal,
        _ => return text.to_string(),
    };
    format!("{word}{value}")
}

impl SourceError {
    /// The same error with the messages made here (invalid UTF-8, an
    /// unreadable file) in the UI language of `s`.
    pub fn in_lang(mut self, s: &Strings) -> Self {
        if let Some(byte) = self
            .message
            .strip_prefix("not valid UTF-8 (byte ")
            .and_then(|r| r.split_once(')'))
            .map(|(b, _)| b.to_string())
        {
            self.message = fill(s.src_utf8, &[("byte", &byte)]);
        } else if let Some(why) = self.message.strip_prefix("cannot read: ") {
            self.message = fill(s.src_unreadable, &[("why", why)]);
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Item {
        name: String,
        level: u8,
    }

    #[derive(Debug, serde::Deserialize)]
    #[allow(dead_code)]
    struct Doc {
        items: Vec<Item>,
    }

    #[test]
    fn a_wrong_type_names_line_and_field() {
        let src =
            "[[items]]\nname = \"a\"\nlevel = 1\n\n[[items]]\nname = \"b\"\nlevel = \"tinggi\"\n";
        let err = parse_toml::<Doc>("x.toml", src).expect_err("must fail");
        assert_eq!(err.line, Some(7));
        assert_eq!(err.field.as_deref(), Some("items[1].level"));
        assert!(
            err.to_string().starts_with("x.toml:7: items[1].level: "),
            "{err}"
        );
    }

    #[test]
    fn a_syntax_error_names_the_line() {
        let err = parse_toml::<Doc>("y.toml", "[[items]]\nname = \"a\nlevel = 1\n")
            .expect_err("must fail");
        assert_eq!(err.file, "y.toml");
        assert_eq!(err.line, Some(2));
    }

    #[test]
    fn invalid_utf8_is_reported_at_its_line() {
        let err = decode("u.toml", b"a = 1\nb = \"caf\xe9\"\n").expect_err("latin-1");
        assert_eq!(
            err.to_string(),
            "u.toml:2: not valid UTF-8 (byte 14); save the file as UTF-8"
        );
        let id = err.in_lang(&crate::i18n::ID).to_string();
        assert!(id.starts_with("u.toml:2: bukan UTF-8"), "{id}");
        assert_eq!(decode("u.toml", "é".as_bytes()), Ok("é"));
    }

    #[test]
    fn parser_messages_are_worded_in_the_ui_language() {
        let id = &crate::i18n::ID;
        let missing = parse_toml_in::<Doc>("d.toml", "", id).expect_err("missing");
        assert_eq!(missing.to_string(), "d.toml:1: kolom `items` wajib diisi");
        assert_eq!(
            localise("unknown field `itemz`, expected `items`", id),
            "kolom `itemz` tidak dikenal; yang dikenal: `items`"
        );
        let wrong = parse_toml_in::<Doc>("d.toml", "[[items]]\nname = 1\nlevel = 2\n", id)
            .expect_err("type");
        assert!(
            wrong
                .message
                .starts_with("jenis nilai salah: bilangan bulat `1`, seharusnya teks"),
            "{wrong}"
        );
        let syntax = parse_toml_in::<Doc>("d.toml", "items = [\n", id).expect_err("syntax");
        assert!(syntax.message.starts_with("TOML tidak valid: "), "{syntax}");
        // A custom message is kept as it is.
        assert_eq!(localise("NIP needs 18 digits", id), "NIP needs 18 digits");
    }

    #[test]
    fn a_missing_field_is_named() {
        let err = parse_toml::<Doc>("z.toml", "[[items]]\nname = \"a\"\n").expect_err("must fail");
        assert!(err.message.contains("level"), "{err}");
    }
}
