//! Problems found after parsing (duplicate ids, unknown references, wrong
//! counts) and how they are pointed back at a line of the source file.

use crate::source::SourceError;

/// A rule broken by a parsed data value, located by its place in the file's
/// structure (`people[3].appraiser`) so the loader can find the line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The array of tables, e.g. `people` or `matrix.cells`; empty for top-level keys.
    pub section: &'static str,
    /// The element of the array, if the problem is inside one.
    pub index: Option<usize>,
    /// The key inside the element (or at top level), e.g. `appraiser`.
    pub key: &'static str,
    pub message: String,
}

impl Problem {
    pub fn at(section: &'static str, index: usize, key: &'static str, message: String) -> Self {
        Self {
            section,
            index: Some(index),
            key,
            message,
        }
    }

    pub fn top(key: &'static str, message: String) -> Self {
        Self {
            section: "",
            index: None,
            key,
            message,
        }
    }

    /// The dotted field path, in the style of the parser's own errors.
    pub fn field(&self) -> String {
        match (self.section, self.index) {
            ("", _) => self.key.to_string(),
            (s, Some(i)) if self.key.is_empty() => format!("{s}[{i}]"),
            (s, Some(i)) => format!("{s}[{i}].{}", self.key),
            (s, None) => format!("{s}.{}", self.key),
        }
    }

    /// Turns the problem into an error naming the file, line and field.
    pub fn locate(&self, file: &str, src: &str) -> SourceError {
        let line = match self.index {
            Some(i) if !self.section.is_empty() => element_line(src, self.section, i, self.key),
            // A top-level key, or else the first `[[key]]` table.
            _ => key_lines(src, 1, usize::MAX, self.key)
                .first()
                .copied()
                .or_else(|| element_line(src, self.key, 0, "")),
        };
        SourceError::new(file, line, Some(&self.field()), self.message.clone())
    }
}

/// The key of a `key = value` line, if it is one.
fn key_of(line: &str) -> Option<&str> {
    let t = line.trim_start();
    if t.starts_with('#') || t.starts_with('[') {
        return None;
    }
    let (k, _) = t.split_once('=')?;
    Some(k.trim().trim_matches('"'))
}

/// The header of a `[[name]]` line, if it is one (a trailing comment is
/// allowed, as TOML allows it).
fn array_header(line: &str) -> Option<&str> {
    let t = line.split_once('#').map_or(line, |(h, _)| h).trim();
    t.strip_prefix("[[")?.strip_suffix("]]").map(str::trim)
}

/// Lines (1-based) in `from..to` whose key is `key`.
fn key_lines(src: &str, from: usize, to: usize, key: &str) -> Vec<usize> {
    src.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l))
        .filter(|(n, l)| *n >= from && *n < to && key_of(l) == Some(key))
        .map(|(n, _)| n)
        .collect()
}

/// The line of `key` inside the `index`-th `[[section]]`, or the header line
/// if the key is not written there (a missing field, or an empty key).
fn element_line(src: &str, section: &str, index: usize, key: &str) -> Option<usize> {
    let headers: Vec<usize> = src
        .lines()
        .enumerate()
        .filter(|(_, l)| array_header(l) == Some(section))
        .map(|(i, _)| i + 1)
        .collect();
    let start = *headers.get(index)?;
    let end = headers.get(index + 1).copied().unwrap_or(usize::MAX);
    if key.is_empty() {
        return Some(start);
    }
    Some(
        key_lines(src, start, end, key)
            .first()
            .copied()
            .unwrap_or(start),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    const SRC: &str = "id = \"x\"\n\n[[people]]\nnip = \"1\"\n\n[[people]]\nnip = \"2\"\nappraiser = \"1\"\n[[units]]\nappraiser = \"z\"\n";

    #[test]
    fn finds_the_key_inside_the_right_element() {
        let p = Problem::at("people", 1, "appraiser", "nope".into());
        let e = p.locate("f.toml", SRC);
        assert_eq!(e.to_string(), "f.toml:8: people[1].appraiser: nope");
    }

    #[test]
    fn a_header_may_carry_a_comment() {
        let src = "[[people]] # kepala\nnip = \"1\"\n\n[[people]]   # staf\nnip = \"2\"\n";
        let p = Problem::at("people", 1, "nip", "dup".into());
        assert_eq!(p.locate("f", src).line, Some(5));
    }

    #[test]
    fn falls_back_to_the_header_and_to_top_level_keys() {
        let p = Problem::at("people", 0, "appraiser", "missing".into());
        assert_eq!(p.locate("f", SRC).line, Some(3));
        assert_eq!(
            Problem::top("id", "dup".into()).locate("f", SRC).line,
            Some(1)
        );
        assert_eq!(
            Problem::at("people", 5, "nip", "x".into())
                .locate("f", SRC)
                .line,
            None
        );
    }
}
