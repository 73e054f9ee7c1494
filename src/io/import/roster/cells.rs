//! One row's cells as clean values: trimmed text with single spaces, NIPs
//! checked (and spreadsheet damage recognised), roles from a comma list.

use super::super::normalize;
use super::super::table::{Cell, Row};
use super::Problems;
use super::columns::{Col, Header};
use crate::domain::nip::NipError;
use crate::domain::{Nip, Role};
use crate::i18n::{Strings, fill};

/// A cell seen through its kind.
pub(super) enum Value<'a> {
    Blank,
    Text(&'a str),
    Number(&'a str),
    Error(&'a str),
}

impl<'a> Value<'a> {
    pub fn of(cell: &'a Cell) -> Self {
        match cell {
            Cell::Empty => Self::Blank,
            Cell::Text(s) if s.trim().is_empty() => Self::Blank,
            Cell::Text(s) => Self::Text(s),
            Cell::Number(s) => Self::Number(s),
            Cell::Error(s) => Self::Error(s),
        }
    }

    pub fn is_blank(&self) -> bool {
        matches!(self, Self::Blank)
    }
}

/// The cells of one row, reporting into the problem list.
pub(super) struct RowCells<'r, 'p, 'f> {
    pub row: &'r Row,
    pub h: &'r Header,
    pub p: &'p mut Problems<'f>,
}

impl RowCells<'_, '_, '_> {
    fn raw(&self, col: Col) -> Value<'_> {
        self.h
            .at(col)
            .and_then(|i| self.row.cells.get(i))
            .map_or(Value::Blank, Value::of)
    }

    fn problem(&mut self, col: Col, message: String) {
        self.p.cell(self.row.line, self.h, col, message);
    }

    /// The cell as clean text: `Some("")` for an optional blank cell,
    /// `None` when there is a problem (reported).
    pub fn text(&mut self, col: Col, required: bool) -> Option<String> {
        let t = self.p.t;
        match self.raw(col) {
            Value::Blank if required => {
                self.problem(col, t.imp_empty_cell.into());
                None
            }
            Value::Blank => Some(String::new()),
            Value::Error(e) => {
                let msg = fill(t.imp_cell_error, &[("value", e)]);
                self.problem(col, msg);
                None
            }
            Value::Number(s) => Some(s.to_string()),
            Value::Text(s) => {
                let v = s.split_whitespace().collect::<Vec<_>>().join(" ");
                if let Some(c) = v.chars().find(|c| c.is_control()) {
                    let code = format!("U+{:04X}", u32::from(c));
                    self.problem(col, fill(t.imp_control_char, &[("code", &code)]));
                    return None;
                }
                Some(v)
            }
        }
    }

    /// A NIP cell: `None` when blank (a problem if required) or invalid.
    pub fn nip(&mut self, col: Col, required: bool) -> Option<Nip> {
        let t = self.p.t;
        let message = match self.raw(col) {
            Value::Blank if required => t.imp_empty_cell.to_string(),
            Value::Blank => return None,
            Value::Error(e) => fill(t.imp_cell_error, &[("value", e)]),
            Value::Number(s) => fill(t.imp_nip_number, &[("value", s)]),
            Value::Text(s) => match parse_nip(s, t) {
                Ok(nip) => return Some(nip),
                Err(msg) => msg,
            },
        };
        self.problem(col, message);
        None
    }

    /// The Peran column: `penilai, atasan, admin` or the English words.
    pub fn roles(&mut self) -> Vec<Role> {
        let t = self.p.t;
        let Some(text) = self.text(Col::Roles, false) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for part in text.split([',', ';', '/', '|', '+']) {
            let role = match normalize(part).as_str() {
                "" | "pegawai" | "employee" => continue,
                "penilai" | "pejabatpenilai" | "pejabatpenilaikinerja" | "appraiser" => {
                    Role::Appraiser
                }
                "atasan" | "atasanpejabatpenilai" | "reviewer" => Role::Reviewer,
                "admin" | "administrator" | "pengelolakinerja" => Role::Admin,
                _ => {
                    let msg = fill(t.imp_unknown_role, &[("value", part.trim())]);
                    self.problem(Col::Roles, msg);
                    continue;
                }
            };
            if !out.contains(&role) {
                out.push(role);
            }
        }
        out.sort();
        out
    }
}

/// What Excel leaves of a NIP it took for a number: `1.99003E+17`,
/// `199003152019032007.0`, `1,99E+17`.
fn mangled(s: &str) -> bool {
    s.chars().any(|c| c.is_ascii_digit())
        && s.chars()
            .all(|c| c.is_ascii_digit() || ".,eE+-".contains(c))
        && s.chars().any(|c| ".,eE".contains(c))
}

/// Checks a NIP as typed: spaces inside (`19900315 201903 2 007`, the
/// printed form) and a leading `'` (Excel's text marker) are dropped.
fn parse_nip(raw: &str, t: &Strings) -> Result<Nip, String> {
    let shown = raw.trim();
    let s: String = shown
        .trim_start_matches('\'')
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let excel = || fill(t.imp_nip_excel, &[("value", shown)]);
    if mangled(&s) {
        return Err(excel());
    }
    match Nip::parse(&s) {
        // Excel keeps 15 significant digits: a NIP typed as a number comes
        // back ending in 000, and no sequence number is 000.
        Ok(nip) if nip.as_str().ends_with("000") => Err(excel()),
        Ok(nip) => Ok(nip),
        Err(NipError::Length(n)) => Err(fill(
            t.imp_nip_length,
            &[("value", shown), ("n", &n.to_string())],
        )),
        Err(NipError::NotDigit(c)) => Err(fill(
            t.imp_nip_digit,
            &[("value", shown), ("c", &c.to_string())],
        )),
        Err(NipError::BirthDate(d)) => Err(fill(t.imp_nip_date, &[("value", shown), ("date", &d)])),
        Err(NipError::Sex(c)) => Err(fill(
            t.imp_nip_sex,
            &[("value", shown), ("c", &c.to_string())],
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::EN;

    #[test]
    fn printed_and_marked_nips_are_read_and_excel_damage_is_named() {
        let ok = |s| parse_nip(s, &EN).map(|n| n.to_string());
        assert_eq!(
            ok("19900315 201903 2 007").as_deref(),
            Ok("199003152019032007")
        );
        assert_eq!(
            ok("'199003152019032007").as_deref(),
            Ok("199003152019032007")
        );
        for bad in [
            "1.99003E+17",
            "199003152019032007.0",
            "1,99E+17",
            "199003152019032000",
        ] {
            let err = ok(bad).expect_err(bad);
            assert!(err.contains("Text"), "{bad}: {err}");
        }
        assert!(ok("1990031520190320").expect_err("short").contains("16"));
    }
}
