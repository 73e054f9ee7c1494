//! Reading a sealed entry's parts back into the change they make up.

use super::parts::{EditPart, FeedbackRetractPart, PinPart, SeedPart, SelfEditPart};
use super::{Change, ChangeKind, Frame, Part, malformed};
use crate::store::codec::{self, CodecError};

impl Frame {
    /// The change its parts make up.
    pub fn change(&self) -> Result<Change, CodecError> {
        let first = self.parts.first().ok_or_else(|| malformed("no parts"))?;
        let single = |what| {
            if self.parts.len() == 1 {
                Ok(())
            } else {
                Err(malformed(what))
            }
        };
        let open = |p: &Part| match p {
            Part::Open(b) => Ok(b.clone()),
            Part::Redacted(_) => Err(malformed("a required part was redacted")),
        };
        Ok(match self.kind {
            ChangeKind::Edit => {
                single("an edit has one part")?;
                match first {
                    Part::Redacted(_) => Change::Redacted,
                    Part::Open(b) => {
                        let p: EditPart = codec::decode(b)?;
                        Change::Edit {
                            key: p.key,
                            edit: p.edit,
                            before: p.before,
                            after: p.after,
                        }
                    }
                }
            }
            ChangeKind::SelfEdit => {
                single("a self-assessment edit has one part")?;
                match first {
                    Part::Redacted(_) => Change::Redacted,
                    Part::Open(b) => {
                        let p: SelfEditPart = codec::decode(b)?;
                        Change::SelfEdit {
                            key: p.key,
                            edit: p.edit,
                            before: p.before,
                            after: p.after,
                        }
                    }
                }
            }
            ChangeKind::Feedback => {
                single("a feedback note has one part")?;
                match first {
                    Part::Redacted(_) => Change::Redacted,
                    Part::Open(b) => Change::Feedback(Box::new(codec::decode(b)?)),
                }
            }
            ChangeKind::FeedbackRetracted => {
                single("a feedback withdrawal has one part")?;
                match first {
                    Part::Redacted(_) => Change::Redacted,
                    Part::Open(b) => {
                        let p: FeedbackRetractPart = codec::decode(b)?;
                        Change::FeedbackRetracted {
                            key: p.key,
                            id: p.id,
                        }
                    }
                }
            }
            ChangeKind::UnitResult => {
                single("a unit result has one part")?;
                Change::UnitResult(Box::new(codec::decode(&open(first)?)?))
            }
            ChangeKind::Seed => {
                let head: SeedPart = codec::decode(&open(first)?)?;
                let mut assessments = Vec::with_capacity(self.parts.len() - 1);
                for p in &self.parts[1..] {
                    if let Part::Open(b) = p {
                        assessments.push(codec::decode(b)?);
                    }
                }
                Change::Seed {
                    org: head.org,
                    reference: head.reference,
                    assessments,
                    active_period: head.active_period,
                }
            }
            ChangeKind::ActivePeriod => {
                single("an active period has one part")?;
                Change::ActivePeriod(codec::decode(&open(first)?)?)
            }
            ChangeKind::Purge => {
                single("a purge has one part")?;
                Change::Purge(codec::decode(&open(first)?)?)
            }
            ChangeKind::Pin => {
                single("a PIN change has one part")?;
                let p: PinPart = codec::decode(&open(first)?)?;
                Change::Pin {
                    nip: p.nip,
                    hash: p.hash,
                }
            }
        })
    }
}
