//! PINs for a shared terminal: what a PIN may be, and how many wrong tries
//! lock a person out for how long. Hashing and storage are the store's.

use serde::{Deserialize, Serialize};

/// Digits in a PIN (as for Indonesian m-banking PINs).
pub const LENGTH: usize = 6;
/// Wrong PINs in a row that lock the person out.
pub const MAX_FAILURES: u32 = 5;
/// How long the lock lasts, in seconds.
pub const LOCK_SECONDS: i64 = 5 * 60;

/// Why a new PIN is not accepted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum WeakPin {
    #[error("a PIN is exactly 6 digits")]
    Format,
    #[error("a PIN of one repeated digit is too easy to guess")]
    Repeated,
    #[error("a PIN of consecutive digits (123456, 987654) is too easy to guess")]
    Sequence,
}

/// Checks a new PIN.
pub fn validate(pin: &str) -> Result<(), WeakPin> {
    let d: Vec<i16> = pin
        .chars()
        .map(|c| c.to_digit(10).map(|v| v as i16))
        .collect::<Option<_>>()
        .ok_or(WeakPin::Format)?;
    if d.len() != LENGTH {
        return Err(WeakPin::Format);
    }
    if d.windows(2).all(|w| w[0] == w[1]) {
        return Err(WeakPin::Repeated);
    }
    let steps: Vec<i16> = d.windows(2).map(|w| w[1] - w[0]).collect();
    if steps.iter().all(|&s| s == 1) || steps.iter().all(|&s| s == -1) {
        return Err(WeakPin::Sequence);
    }
    Ok(())
}

/// The answer to a PIN check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Check {
    Ok,
    /// Wrong; this many tries are left before the lock.
    Wrong {
        remaining: u32,
    },
    /// Too many wrong tries: locked until this Unix time.
    Locked {
        until: i64,
    },
    /// No PIN has been set for this person yet.
    NotSet,
}

/// Whether a person has a PIN and is locked out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    pub set: bool,
    pub locked_until: Option<i64>,
}

/// Failures so far and the lock they lead to, after one more wrong PIN.
pub fn after_failure(failures: u32, now: i64) -> (u32, Option<i64>) {
    let failures = failures + 1;
    if failures >= MAX_FAILURES {
        (0, Some(now + LOCK_SECONDS))
    } else {
        (failures, None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pins_are_six_digits_and_not_trivial() {
        assert_eq!(validate("480715"), Ok(()));
        assert_eq!(validate("012345"), Err(WeakPin::Sequence));
        assert_eq!(validate("987654"), Err(WeakPin::Sequence));
        assert_eq!(validate("111111"), Err(WeakPin::Repeated));
        for bad in ["", "12345", "1234567", "12a456", "١٢٣٤٥٦", " 48071"] {
            assert_eq!(validate(bad), Err(WeakPin::Format), "{bad:?}");
        }
    }

    #[test]
    fn the_fifth_wrong_pin_locks_for_five_minutes() {
        let mut failures = 0;
        for _ in 1..MAX_FAILURES {
            let (f, lock) = after_failure(failures, 1000);
            assert_eq!(lock, None);
            failures = f;
        }
        assert_eq!(after_failure(failures, 1000), (0, Some(1000 + 300)));
    }
}
