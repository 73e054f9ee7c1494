//! Parsing of user-editable TOML files (data, themes, keymaps, config) with
//! errors that name the file, the line and the field, as DESIGN.md asks.

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

/// The 1-based line of a byte offset.
pub fn line_at(src: &str, offset: usize) -> usize {
    src.get(..offset).unwrap_or(src).matches('\n').count() + 1
}

/// The first line that contains `needle`, for errors found after parsing
/// (duplicate ids, unknown references) where only the value is known.
pub fn line_of(src: &str, needle: &str) -> Option<usize> {
    src.lines().position(|l| l.contains(needle)).map(|i| i + 1)
}

/// Parses TOML into `T`; a failure names file, line and field.
pub fn parse_toml<T: DeserializeOwned>(file: &str, src: &str) -> Result<T, SourceError> {
    let de = toml::Deserializer::parse(src).map_err(|e| {
        SourceError::new(
            file,
            e.span().map(|s| line_at(src, s.start)),
            None,
            e.message(),
        )
    })?;
    serde_path_to_error::deserialize(de).map_err(|e| {
        let field = e.path().to_string();
        let inner = e.into_inner();
        SourceError {
            file: file.to_string(),
            line: inner.span().map(|s| line_at(src, s.start)),
            field: (field != ".").then_some(field),
            message: inner.message().to_string(),
        }
    })
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
    fn a_missing_field_is_named() {
        let err = parse_toml::<Doc>("z.toml", "[[items]]\nname = \"a\"\n").expect_err("must fail");
        assert!(err.message.contains("level"), "{err}");
    }
}
