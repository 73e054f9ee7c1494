//! Imports from the spreadsheets admins already keep (`kinerja import`).
//! Parsing is pure — bytes, file name, reference data and language in;
//! the data or every problem, as `file:line: field: message`, out — so
//! the rules are tested without the CLI or a store.

pub mod diff;
pub mod roster;
mod table;
pub mod template;

use crate::source::SourceError;

/// A problem at a line of an imported file; the field is a column header as
/// written in the file, or a word such as "encoding" for the whole line.
fn located(file: &str, line: usize, field: &str, message: String) -> SourceError {
    SourceError::new(file, Some(line), Some(field), message)
}

/// A header or code reduced to lowercase letters and digits, so `NIP
/// Pejabat Penilai`, `nip_pejabat_penilai` and `NIP. Pejabat-Penilai` match.
pub fn normalize(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A spreadsheet column letter: 0 → A, 26 → AA.
fn column_letter(mut i: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (i % 26) as u8);
        if i < 26 {
            break;
        }
        i = i / 26 - 1;
    }
    s.reverse();
    String::from_utf8_lossy(&s).into_owned()
}

#[cfg(test)]
mod tests {
    #[test]
    fn headers_match_whatever_the_case_spaces_and_punctuation() {
        assert_eq!(
            super::normalize(" NIP. Pejabat-Penilai "),
            "nippejabatpenilai"
        );
        assert_eq!(super::normalize("nip_pejabat_penilai"), "nippejabatpenilai");
    }

    #[test]
    fn column_letters_run_like_a_spreadsheet() {
        let l: Vec<String> = [0, 25, 26, 27, 701, 702]
            .into_iter()
            .map(super::column_letter)
            .collect();
        assert_eq!(l, ["A", "Z", "AA", "AB", "ZZ", "AAA"]);
    }
}
