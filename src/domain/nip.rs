//! The NIP (Nomor Induk Pegawai): the employee's key everywhere in Kinerja.

use serde::{Deserialize, Serialize};
use std::fmt;

/// An 18-digit employee number, kept as text so leading zeros survive.
///
/// Layout: birth date (8) + TMT CPNS year-month (6) + sex (1) + sequence (3).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Nip(String);

/// Why a string is not a NIP; the message is shown to admins importing rosters.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum NipError {
    #[error("NIP must have 18 digits, found {0}")]
    Length(usize),
    #[error("NIP may contain digits only, found {0:?}")]
    NotDigit(char),
    #[error("NIP birth date {0} is not a valid date")]
    BirthDate(String),
    #[error("NIP sex digit must be 1 or 2, found {0}")]
    Sex(char),
}

impl Nip {
    /// Validates length, digits, the birth date and the sex digit.
    pub fn parse(s: &str) -> Result<Self, NipError> {
        let s = s.trim();
        if let Some(c) = s.chars().find(|c| !c.is_ascii_digit()) {
            return Err(NipError::NotDigit(c));
        }
        if s.len() != 18 {
            return Err(NipError::Length(s.len()));
        }
        let num = |r: std::ops::Range<usize>| s[r].parse::<u32>().unwrap_or(0);
        let (year, month, day) = (num(0..4), num(4..6), num(6..8));
        if !(1940..=2015).contains(&year) || !(1..=12).contains(&month) || !(1..=31).contains(&day)
        {
            return Err(NipError::BirthDate(s[0..8].to_string()));
        }
        let sex = s.as_bytes()[14] as char;
        if sex != '1' && sex != '2' {
            return Err(NipError::Sex(sex));
        }
        Ok(Self(s.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Nip {
    type Error = NipError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Self::parse(&s)
    }
}

impl From<Nip> for String {
    fn from(n: Nip) -> Self {
        n.0
    }
}

impl fmt::Display for Nip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_the_domain_example_and_keeps_leading_zeros() {
        let nip = Nip::parse("199003152019032007").expect("valid");
        assert_eq!(nip.as_str(), "199003152019032007");
        assert!(Nip::parse(" 199003152019032007 ").is_ok());
    }

    #[test]
    fn rejects_wrong_length_letters_dates_and_sex() {
        assert_eq!(Nip::parse("19900315201903200"), Err(NipError::Length(17)));
        assert_eq!(
            Nip::parse("19900315201903200x"),
            Err(NipError::NotDigit('x'))
        );
        assert!(matches!(
            Nip::parse("199013152019032007"),
            Err(NipError::BirthDate(_))
        ));
        assert_eq!(Nip::parse("199003152019033007"), Err(NipError::Sex('3')));
    }
}
