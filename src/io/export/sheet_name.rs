//! Worksheet names from unit names. Excel allows at most 31 characters
//! (UTF-16 units), none of `[]:*?/\`, no apostrophe first or last, and no
//! two sheets whose names differ only in case; "History" is its own.

use std::collections::HashSet;

/// Excel's limit on a sheet name, in UTF-16 code units.
pub const MAX_LEN: usize = 31;
/// Characters Excel refuses in a sheet name.
const FORBIDDEN: [char; 7] = ['[', ']', ':', '*', '?', '/', '\\'];
/// What a unit whose name leaves nothing usable is called.
const FALLBACK: &str = "Unit";

/// Hands out distinct, valid sheet names: the same names in the same
/// order always give the same sheets.
#[derive(Debug, Clone)]
pub struct SheetNames {
    /// Lower-cased names already given (Excel compares without case).
    taken: HashSet<String>,
}

impl Default for SheetNames {
    fn default() -> Self {
        Self::new()
    }
}

impl SheetNames {
    /// Excel keeps "History" for itself.
    pub fn new() -> Self {
        Self {
            taken: HashSet::from(["history".to_string()]),
        }
    }

    /// A valid name for `wanted` that no earlier call returned: forbidden
    /// characters become `-`, the name is cut to 31 characters, and a taken
    /// name gets " (2)", " (3)", ... within the same limit.
    pub fn claim(&mut self, wanted: &str) -> String {
        let base = clean(wanted);
        let mut n = 1;
        loop {
            let suffix = if n == 1 {
                String::new()
            } else {
                format!(" ({n})")
            };
            let name = fit(&base, &suffix);
            if self.taken.insert(name.to_lowercase()) {
                return name;
            }
            n += 1;
        }
    }
}

/// Forbidden and control characters replaced, surrounding blanks and
/// apostrophes dropped.
fn clean(name: &str) -> String {
    let replaced: String = name
        .chars()
        .map(|c| {
            if FORBIDDEN.contains(&c) {
                '-'
            } else if c.is_control() {
                ' '
            } else {
                c
            }
        })
        .collect();
    let trimmed = trim_ends(&replaced);
    if trimmed.is_empty() {
        FALLBACK.to_string()
    } else {
        trimmed.to_string()
    }
}

fn trim_ends(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || c == '\'')
}

/// `base` cut so that it and `suffix` fit the limit, on a character
/// boundary, without a blank or apostrophe left at the cut.
fn fit(base: &str, suffix: &str) -> String {
    let room = MAX_LEN - suffix.encode_utf16().count();
    let mut used = 0;
    let cut: String = base
        .chars()
        .take_while(|c| {
            used += c.len_utf16();
            used <= room
        })
        .collect();
    let cut = trim_ends(&cut);
    let cut = if cut.is_empty() { FALLBACK } else { cut };
    format!("{cut}{suffix}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utf16(s: &str) -> usize {
        s.encode_utf16().count()
    }

    #[test]
    fn forbidden_characters_become_dashes() {
        let mut names = SheetNames::new();
        assert_eq!(
            names.claim("Sarana/Prasarana [A]: *?\\"),
            "Sarana-Prasarana -A-- ---"
        );
    }

    #[test]
    fn long_names_are_cut_to_31_without_a_trailing_blank() {
        let mut names = SheetNames::new();
        let name = names.claim("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia");
        assert_eq!(name, "Badan Kepegawaian dan Pengemban");
        assert_eq!(utf16(&name), 31);
        // A cut right after a word drops the blank.
        assert_eq!(
            names.claim("Dinas Informatika Komunikasi dan Persandian"),
            "Dinas Informatika Komunikasi da"
        );
        assert_eq!(
            names.claim("Bidang Pengelolaan Keuangan Ok Aset"),
            "Bidang Pengelolaan Keuangan Ok"
        );
    }

    #[test]
    fn the_limit_counts_utf16_units_and_never_splits_a_character() {
        let mut names = SheetNames::new();
        let name = names.claim(&"𝔸".repeat(20));
        assert_eq!(name, "𝔸".repeat(15));
        assert_eq!(utf16(&name), 30);
        let name = names.claim(&"é".repeat(40));
        assert_eq!(name.chars().count(), 31);
    }

    #[test]
    fn duplicates_are_numbered_ignoring_case_within_the_limit() {
        let mut names = SheetNames::new();
        assert_eq!(names.claim("Sekretariat"), "Sekretariat");
        assert_eq!(names.claim("Sekretariat"), "Sekretariat (2)");
        assert_eq!(names.claim("SEKRETARIAT"), "SEKRETARIAT (3)");
        let long = "Bidang Pembinaan dan Pengendalian Kepegawaian";
        let first = names.claim(long);
        let second = names.claim(long);
        assert_eq!(first, "Bidang Pembinaan dan Pengendali");
        assert_eq!(second, "Bidang Pembinaan dan Pengen (2)");
        assert_eq!(utf16(&second), 31);
    }

    #[test]
    fn apostrophes_blanks_and_reserved_names() {
        let mut names = SheetNames::new();
        assert_eq!(names.claim("'Ma'ruf'"), "Ma'ruf");
        assert_eq!(names.claim("  "), "Unit");
        assert_eq!(names.claim("[]"), "--");
        assert_eq!(names.claim("history"), "history (2)");
        assert_eq!(names.claim("Baris\nbaru"), "Baris baru");
        // A cut that would end on an apostrophe drops it.
        let name = names.claim(&format!("{}'x", "a".repeat(30)));
        assert_eq!(name, "a".repeat(30));
    }

    #[test]
    fn the_same_names_give_the_same_sheets() {
        let units = ["Sekretariat", "Ringkasan", "Sekretariat", "x/y", "x-y"];
        let run = || {
            let mut names = SheetNames::new();
            names.claim("Ringkasan");
            units.iter().map(|u| names.claim(u)).collect::<Vec<_>>()
        };
        assert_eq!(run(), run());
        assert_eq!(
            run(),
            [
                "Sekretariat",
                "Ringkasan (2)",
                "Sekretariat (2)",
                "x-y",
                "x-y (2)"
            ]
        );
    }
}
