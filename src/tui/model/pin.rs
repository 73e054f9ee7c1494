//! The PIN prompt: logging in at a shared terminal, and unlocking it.

use crate::domain::Nip;

/// What the PIN prompt is asking for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PinStage {
    /// Waiting for the store to say whether the person has a PIN.
    Asking,
    /// The person's PIN.
    Enter,
    /// A new PIN (the person has none yet).
    New,
    /// The new PIN again.
    Confirm { first: String },
}

/// The open PIN prompt. Digits are kept only until they are sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PinEntry {
    pub nip: Nip,
    pub stage: PinStage,
    pub digits: String,
    /// The last problem (wrong PIN, locked, too weak), for the prompt.
    pub message: Option<String>,
    /// Unlocking an idle-locked session rather than logging in.
    pub unlock: bool,
}

impl PinEntry {
    pub fn new(nip: Nip, unlock: bool) -> Self {
        Self {
            nip,
            stage: if unlock {
                PinStage::Enter
            } else {
                PinStage::Asking
            },
            digits: String::new(),
            message: None,
            unlock,
        }
    }
}
