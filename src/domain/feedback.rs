//! Umpan balik berkelanjutan: short notes about an employee, captured all
//! period long (in meetings, on the spot), positive or to improve,
//! optionally about one criterion. They are evidence for the appraisal,
//! shown beside the matching criterion while scoring and in the summary.
//! They carry no rating and no predikat, so a meeting screen may show them.

use super::assessment::AssessmentKey;
use super::nip::Nip;
use serde::{Deserialize, Serialize};

/// Whether a note praises or asks for improvement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Tone {
    /// `+`: something done well.
    Positive,
    /// `−`: something to improve.
    Negative,
}

impl Tone {
    /// The sign shown before the note.
    pub fn sign(self) -> char {
        match self {
            Self::Positive => '+',
            Self::Negative => '−',
        }
    }
}

/// The longest note, in characters: one line said in a meeting.
pub const MAX_CHARS: usize = 280;

/// One note, as the store keeps it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Feedback {
    /// The journal sequence number that recorded it: unique and in order.
    pub id: u64,
    /// The period and the employee it is about.
    pub key: AssessmentKey,
    pub author: Nip,
    pub tone: Tone,
    /// The criterion it is evidence for, if any.
    pub criterion: Option<String>,
    pub text: String,
    /// Unix seconds.
    pub at: i64,
}

/// Why a note cannot be recorded.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FeedbackError {
    #[error("the note is empty")]
    Empty,
    #[error("the note is one line of at most {MAX_CHARS} characters ({0} given)")]
    TooLong(usize),
    #[error("the employee is not rated on criterion {0}")]
    UnknownCriterion(String),
}

/// Checks and tidies a note before it is stored: the text is trimmed and
/// its line breaks and tabs become spaces; the criterion must be one of
/// the employee's.
pub fn check<'a>(
    text: &str,
    criterion: Option<&str>,
    mut criteria: impl Iterator<Item = &'a str>,
) -> Result<String, FeedbackError> {
    let text: String = text
        .trim()
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if text.is_empty() {
        return Err(FeedbackError::Empty);
    }
    let n = text.chars().count();
    if n > MAX_CHARS {
        return Err(FeedbackError::TooLong(n));
    }
    if let Some(c) = criterion
        && !criteria.any(|id| id == c)
    {
        return Err(FeedbackError::UnknownCriterion(c.to_string()));
    }
    Ok(text)
}

/// Counts of positive and negative notes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Tally {
    pub positive: usize,
    pub negative: usize,
}

/// How many notes of each tone there are among `notes`.
pub fn tally<'a>(notes: impl IntoIterator<Item = &'a Feedback>) -> Tally {
    notes.into_iter().fold(Tally::default(), |mut t, f| {
        match f.tone {
            Tone::Positive => t.positive += 1,
            Tone::Negative => t.negative += 1,
        }
        t
    })
}

/// The notes about one criterion (or, with `None`, about none in
/// particular), newest first: the timeline beside a scoring card.
pub fn timeline<'a>(notes: &'a [Feedback], criterion: Option<&str>) -> Vec<&'a Feedback> {
    let mut v: Vec<&Feedback> = notes
        .iter()
        .filter(|f| f.criterion.as_deref() == criterion)
        .collect();
    v.sort_by_key(|f| std::cmp::Reverse(f.id));
    v
}

#[cfg(test)]
mod tests {
    use super::*;

    fn note(id: u64, tone: Tone, criterion: Option<&str>) -> Feedback {
        Feedback {
            id,
            key: AssessmentKey {
                period: "2026-S2".into(),
                employee: crate::domain::Nip::parse("199003152019032007").expect("nip"),
            },
            author: crate::domain::Nip::parse("198507122010011003").expect("nip"),
            tone,
            criterion: criterion.map(Into::into),
            text: format!("note {id}"),
            at: 0,
        }
    }

    #[test]
    fn a_note_is_trimmed_to_one_line() {
        let ids = ["ber", "akh"];
        assert_eq!(
            check("  tepat waktu\nsaat rapat\t ", None, ids.into_iter()),
            Ok("tepat waktu saat rapat".into())
        );
        assert_eq!(
            check(" \n ", None, ids.into_iter()),
            Err(FeedbackError::Empty)
        );
        let long = "a".repeat(MAX_CHARS + 1);
        assert_eq!(
            check(&long, None, ids.into_iter()),
            Err(FeedbackError::TooLong(MAX_CHARS + 1))
        );
        assert!(check(&"é".repeat(MAX_CHARS), None, ids.into_iter()).is_ok());
    }

    #[test]
    fn a_criterion_must_be_the_employees() {
        let ids = ["ber", "akh"];
        assert!(check("x", Some("akh"), ids.into_iter()).is_ok());
        assert_eq!(
            check("x", Some("kol"), ids.into_iter()),
            Err(FeedbackError::UnknownCriterion("kol".into()))
        );
    }

    #[test]
    fn timelines_are_per_criterion_newest_first() {
        let notes = [
            note(3, Tone::Positive, Some("ber")),
            note(9, Tone::Negative, Some("ber")),
            note(5, Tone::Positive, None),
            note(7, Tone::Positive, Some("akh")),
        ];
        let ids = |v: Vec<&Feedback>| v.iter().map(|f| f.id).collect::<Vec<_>>();
        assert_eq!(ids(timeline(&notes, Some("ber"))), [9, 3]);
        assert_eq!(ids(timeline(&notes, None)), [5]);
        assert_eq!(
            tally(&notes),
            Tally {
                positive: 3,
                negative: 1
            }
        );
    }
}
