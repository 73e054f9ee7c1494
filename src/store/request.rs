//! The one request/response type that drives the store, in-process today
//! and over the daemon's socket later (the daemon is a transport, not a rewrite).

use crate::domain::assessment::{AspectValue, ListKind};
use crate::domain::{
    Aspect, Assessment, AssessmentKey, Edit, Feedback, Nip, Org, Reference, SelfAssessment, Tone,
};
use serde::{Deserialize, Serialize};

/// Which screen a user was on, so a restart lands them there again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CursorScreen {
    Roster,
    Scoring,
    Summary,
}

/// Where a user was: period, employee, criterion and screen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Cursor {
    pub period: String,
    pub employee: Option<Nip>,
    /// Index into the employee's criteria list.
    pub criterion: usize,
    pub screen: CursorScreen,
    /// Text an open editor held when the session ended (a hangup) that
    /// was not saved; the next start opens that editor with it again.
    pub draft: Option<Draft>,
}

/// Typed text and the editor it belongs to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Draft {
    pub target: TextTarget,
    pub text: String,
}

/// What a text editor writes to when it is saved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum TextTarget {
    Note {
        criterion: String,
    },
    Realisasi {
        criterion: String,
    },
    /// A free-text item for the strengths or improvements list.
    NewItem(ListKind),
    /// A new numeric score for an aspect (PP 46/2011 scheme).
    OverrideScore(Aspect),
    /// The reason for overriding a suggested aspect result.
    OverrideReason {
        aspect: Aspect,
        value: AspectValue,
    },
    /// The comment or reason a workflow step carries.
    Step(StepText),
}

/// Which workflow step a text is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum StepText {
    /// The reviewer returns the assessment to the appraiser.
    Return,
    /// The reviewer reopens an approved assessment.
    Reopen,
    /// The employee objects (keberatan).
    Object,
    /// The reviewer decides an objection.
    Decide,
}

impl TextTarget {
    /// One-line inputs (Enter saves) confirm a decision or add an item;
    /// the others are free text (a note, a comment, a reason).
    pub fn single_line(&self) -> bool {
        !matches!(
            self,
            Self::Note { .. } | Self::Realisasi { .. } | Self::Step(_)
        )
    }
}

/// Everything a client needs to start: roster, reference data, settings.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    pub org: Org,
    pub reference: Reference,
    /// The period new sessions open on.
    pub active_period: Option<String>,
    /// Who saved a cursor last, to preselect them at login.
    pub last_user: Option<Nip>,
    /// Records that could not be decoded and were skipped.
    pub corrupt: Vec<CorruptRecord>,
}

/// A stored record that failed to decode: reported, never panicked on.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CorruptRecord {
    pub tree: String,
    pub key: String,
    pub reason: String,
}

/// A request to the store. Every write is flushed before its response.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Request {
    /// Roster, reference data and the active period.
    Snapshot,
    /// Replaces roster and reference data and adds the given assessments
    /// (the demo, a synthetic organisation, later an import). All or nothing.
    Seed {
        org: Org,
        reference: Reference,
        assessments: Vec<Assessment>,
        active_period: Option<String>,
    },
    /// The assessments of a period, optionally only for some employees.
    Assessments {
        period: String,
        employees: Option<Vec<Nip>>,
    },
    /// Every assessment of every period (export).
    AllAssessments,
    /// Applies one edit if the stored revision is still `expected_revision`
    /// (0 for a record that does not exist yet).
    Edit {
        key: AssessmentKey,
        expected_revision: u64,
        edit: Edit,
    },
    /// The self-assessments (penilaian diri) of a period the asker may
    /// see: their own; their staff's once sent and the appraiser has
    /// submitted; the people they review once sent.
    SelfAssessments {
        period: String,
        employees: Option<Vec<Nip>>,
    },
    /// Applies one edit to the asker's own self-assessment: a rating, a
    /// note, a realisasi, or `Step(Submit)` to send it. Same revision rule
    /// as `Edit`.
    SelfEdit {
        key: AssessmentKey,
        expected_revision: u64,
        edit: Edit,
    },
    /// The feedback notes of a period the asker may read (about the
    /// people whose records they may read, themself, or written by them),
    /// oldest first per employee.
    Feedback {
        period: String,
        employees: Option<Vec<Nip>>,
    },
    /// Records a feedback note about an employee: their appraiser or
    /// reviewer only. One line; the criterion, if any, is one of theirs.
    AddFeedback {
        key: AssessmentKey,
        tone: Tone,
        criterion: Option<String>,
        text: String,
    },
    /// Its author withdraws a feedback note (the journal keeps it).
    RetractFeedback {
        key: AssessmentKey,
        id: u64,
    },
    /// The Capaian Kinerja Organisasi entered for a period's units.
    UnitResults {
        period: String,
    },
    /// Sets a unit's Capaian Kinerja Organisasi for a period (admin).
    SetUnitResult {
        period: String,
        unit: String,
        result: crate::domain::org_result::OrgResult,
    },
    /// The unit dashboard's figures for a period: of the people the
    /// asker reviews, or everyone for an admin.
    Dashboard {
        period: String,
    },
    /// The asker's own calibration figures for a period (their staff's
    /// ratings against other appraisers'), for a warning before submitting.
    OwnCalibration {
        period: String,
    },
    /// The dashboard's career figures for a period: final predikat, angka
    /// kredit and promotion eligibility per person in view.
    Career {
        period: String,
    },
    /// An employee's result in each period, oldest first, as far as the
    /// asker may read them.
    Trend {
        employee: Nip,
    },
    /// Who changed what in one assessment, oldest first.
    History {
        key: AssessmentKey,
    },
    SetCursor {
        user: Nip,
        cursor: Cursor,
    },
    GetCursor {
        user: Nip,
    },
    SetActivePeriod {
        period: String,
    },
    /// Whether a person has a PIN and is locked out.
    PinStatus {
        nip: Nip,
    },
    /// Sets a person's first PIN (refused when one is set).
    SetPin {
        nip: Nip,
        pin: String,
    },
    /// Checks a PIN; five wrong ones lock the person for five minutes.
    CheckPin {
        nip: Nip,
        pin: String,
    },
    /// The admin removes a forgotten PIN; its owner sets a new one.
    ResetPin {
        nip: Nip,
    },
    /// The person at this terminal leaves (switch user): the daemon ends
    /// the connection's login. Nothing to do in-process.
    Logout,
    /// Tells this connection only of changes to these employees' records
    /// in this period (and of roster and period changes): what its screen
    /// shows. The daemon keeps it per connection; nothing to do in-process.
    Watch {
        period: String,
        employees: Vec<Nip>,
    },
}

/// The store's answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Response {
    Done,
    Snapshot(Box<Snapshot>),
    Assessments {
        items: Vec<Assessment>,
        corrupt: Vec<CorruptRecord>,
    },
    /// The edit is flushed to disk: the UI may now say "tersimpan".
    Saved(Box<Assessment>),
    /// Someone else changed the record since it was read; nothing was written.
    Conflict(Box<Assessment>),
    /// The edit broke a domain rule; nothing was written.
    Rejected(String),
    SelfAssessments {
        items: Vec<SelfAssessment>,
        corrupt: Vec<CorruptRecord>,
    },
    /// The self-assessment edit is flushed to disk.
    SelfSaved(Box<SelfAssessment>),
    /// The self-assessment changed since it was read; nothing was written.
    SelfConflict(Box<SelfAssessment>),
    Feedback {
        items: Vec<Feedback>,
        corrupt: Vec<CorruptRecord>,
    },
    /// The note is flushed to disk.
    FeedbackSaved(Box<Feedback>),
    UnitResults {
        items: Vec<crate::domain::org_result::UnitResult>,
        corrupt: Vec<CorruptRecord>,
    },
    Dashboard {
        dashboard: Box<crate::domain::dashboard::Dashboard>,
        corrupt: Vec<CorruptRecord>,
    },
    Trend {
        points: Vec<crate::domain::trend::Point>,
        corrupt: Vec<CorruptRecord>,
    },
    Career {
        units: Vec<crate::domain::career::UnitCareer>,
        corrupt: Vec<CorruptRecord>,
    },
    /// One's own calibration figures (`None`: nothing rated yet).
    Calibration(Option<crate::domain::calibration::RaterFigures>),
    Cursor(Option<Cursor>),
    History(Vec<crate::domain::history::Item>),
    Pin(crate::domain::pin::State),
    PinChecked(crate::domain::pin::Check),
}

/// What a committed change touched: the daemon announces it to every
/// client so open screens refresh in place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Changed {
    Assessment {
        key: AssessmentKey,
        revision: u64,
        by: Option<Nip>,
    },
    /// An employee changed their self-assessment.
    SelfAssessment {
        key: AssessmentKey,
        revision: u64,
    },
    /// A feedback note about this employee was added or withdrawn.
    Feedback {
        key: AssessmentKey,
    },
    /// A unit's Capaian Kinerja Organisasi was set for this period.
    UnitResults(String),
    /// Roster and reference data were replaced (an import, the demo).
    Roster,
    ActivePeriod(String),
    /// Anything may have changed: the connection to the daemon was lost
    /// and made again (sent by the client side, never by the daemon).
    Resync,
}
