//! The one message type: what a key means, and what the event loop reports.
//! Named variants are the keymap vocabulary (`keymap.toml`).

use crate::store::{Request, Response};
use ratatui::crossterm::event::KeyEvent;
use serde::{Deserialize, Serialize};

/// Everything that can change the model.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    Quit,
    Help,
    Back,
    Up,
    Down,
    Select,
    LoadDemo,
    Filter,
    NextPeriod,
    PrevPeriod,
    PrevCriterion,
    NextCriterion,
    PrevEmployee,
    NextEmployee,
    Rate(u8),
    ClearRating,
    EditNote,
    EditRealisasi,
    Summary,
    Scoring,
    NextSection,
    ConfirmSuggestions,
    MoveItemUp,
    MoveItemDown,
    RemoveItem,
    AddItem,
    ResetItems,
    /// Types a new numeric score (PP 46/2011 scheme).
    EditScore,
    /// Shows who changed what in the assessment.
    History,
    /// Shows the employee's results across periods.
    Trend,
    ToggleComplete,
    /// Reviewer: approve the assessment (it is frozen).
    Approve,
    /// Reviewer: send it back to the appraiser with a comment.
    ReturnToAppraiser,
    /// Reviewer: reopen an approved assessment, with a reason.
    Reopen,
    /// Reviewer: decide an objection, with a reason (final).
    DecideObjection,
    /// Employee: accept the result.
    Acknowledge,
    /// Employee: object to the result, with reasons (14 days).
    Object,
    /// Employee: send the self-assessment to the appraiser (final).
    SendSelf,
    /// Between rating your staff, reviewing, and your own result.
    SwitchMode,
    /// Opens quick feedback (umpan balik) from any screen.
    QuickFeedback,
    /// Withdraws the last feedback note this person gave (asked twice).
    WithdrawFeedback,
    /// Opens meeting mode: a unit's feedback, live, for a projector.
    Meeting,
    NextUnit,
    PrevUnit,
    /// Opens the unit dashboard (reviewers and admins).
    Dashboard,
    /// Admin: enter the selected unit's Capaian Kinerja Organisasi.
    SetUnitResult,
    /// Opens appraiser practice on fictional cases.
    Practice,
    /// Leaves the session (saving any open text) for the login list, so
    /// that someone else can use the terminal.
    SwitchUser,
    /// Saves and closes the open editor.
    SaveText,
    /// Closes the open editor or filter without saving.
    CancelText,
    /// No-op: a user keymap binds a key to it to unbind a default.
    Unbound,
    /// A key typed into a text field.
    #[serde(skip)]
    Input(KeyEvent),
    /// The terminal was resized.
    #[serde(skip)]
    Resize(u16, u16),
    /// The terminal went away (SIGHUP, SIGTERM, a failed read or draw):
    /// an open note or realisasi is saved, other typed text is kept in
    /// the cursor for the next start, then the session ends.
    #[serde(skip)]
    HangUp,
    /// The store answered a request the update function asked for.
    #[serde(skip)]
    Stored(Purpose, Result<Response, String>),
    /// The time now (Unix seconds), from the event loop once a minute.
    #[serde(skip)]
    Clock(i64),
    /// Nobody has pressed a key for a while: lock the screen.
    #[serde(skip)]
    Lock,
    /// Another terminal changed something (announced by the daemon).
    #[serde(skip)]
    Changed(crate::store::Changed),
    /// The demo organisation was loaded (or failed to load) from `data/`.
    #[serde(skip)]
    DemoLoaded(Result<Box<Request>, String>),
}

/// Why a request was sent, so the answer lands in the right place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Purpose {
    Snapshot,
    Assessments,
    Save,
    Cursor,
    RestoreCursor,
    Seed,
    History,
    /// A PIN step (status, check, set).
    Pin,
    /// Assessments another terminal changed: merged, not replaced.
    Refresh,
    /// The roster another terminal replaced: the user stays where they are.
    Reload,
    /// Which records' changes this terminal wants to hear of.
    Watch,
    /// Feedback notes: loaded, or one saved from the quick overlay.
    Feedback,
    /// The meeting screen's notes.
    Meeting,
    /// A feedback note withdrawn.
    Withdraw,
    /// The dashboard's figures.
    Dashboard,
    /// An employee's results across periods.
    Trend,
    /// The dashboard's career figures.
    Career,
    /// One's own calibration figures.
    Calibration,
}
