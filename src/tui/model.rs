//! The application state. Views borrow it; only `update` changes it.

mod dashboard;
mod meeting;
mod people;
mod pin;
mod practice;
mod proposal;
mod quick;
mod sheet;

pub use dashboard::{DashState, DashTab};
pub use meeting::Meeting;
pub use people::fold;
pub use pin::{PinEntry, PinStage};
pub use practice::{PracticeStage, PracticeState};
pub use proposal::Proposal;
pub use quick::{QuickNote, QuickStage};
pub use sheet::Sheet;

use super::keymap::{Context, Keymap};
use crate::domain::template::ScaledCriterion;
use crate::domain::{
    Assessment, AssessmentKey, Feedback, Nip, Org, Person, Reference, Scheme, SelfAssessment,
};
use crate::i18n::{Lang, Strings};
use crate::store::CorruptRecord;
use ratatui_textarea::TextArea;
use std::collections::HashMap;

/// The screen in front of the user.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// Waiting for the first snapshot from the store.
    Loading,
    FirstRun,
    Login,
    /// The PIN prompt after picking a name at the login.
    Pin,
    Roster,
    Scoring,
    Summary,
    /// The running feedback list of one unit, for a projector.
    Meeting,
    /// Progress, distribution and training needs of the units one reviews.
    Dashboard,
    /// Appraiser practice on fictional cases.
    Practice,
}

/// Where a session opens once someone logs in.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Opening {
    /// Where that person was (their cursor).
    #[default]
    Resume,
    /// The meeting screen (`kinerja meeting`), on this unit if named.
    Meeting { unit: Option<String> },
    /// The practice screen (`kinerja practice`).
    Practice,
}

/// Why the session ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ending {
    /// The user quit.
    Quit,
    /// The terminal went away: saves in flight finish, and text that
    /// cannot be saved is kept in the cursor for the next start.
    HangUp,
}

/// The save indicator and one-line messages in the header.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub enum Status {
    #[default]
    Idle,
    Saving,
    /// The last change is flushed to disk.
    Saved,
    Info(String),
    Warning(String),
    Error(String),
}

pub use crate::store::{StepText, TextTarget};

/// An open text editor and what it is for.
pub struct Editor {
    pub target: TextTarget,
    pub area: TextArea<'static>,
    /// The text it opened with: unchanged, there is nothing to keep.
    pub initial: String,
}

/// A list with a type-to-filter query.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Picker {
    pub selected: usize,
    pub filter: String,
    pub filtering: bool,
}

/// Whose work the signed-in person is looking at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// As Pejabat Penilai: their staff, to rate.
    #[default]
    Appraiser,
    /// As Atasan Pejabat Penilai: the people they review, to approve or
    /// return, and objections to decide.
    Reviewer,
    /// As the employee: their own approved result, to accept or object to.
    Employee,
}

/// The focused part of the summary screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Section {
    #[default]
    Hasil,
    Perilaku,
    Strengths,
    Improvements,
}

impl Section {
    pub fn next(self) -> Self {
        match self {
            Self::Hasil => Self::Perilaku,
            Self::Perilaku => Self::Strengths,
            Self::Strengths => Self::Improvements,
            Self::Improvements => Self::Hasil,
        }
    }
}

/// One employee on the appraiser's roster, with a folded search key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaffRow {
    pub person: usize,
    pub search: String,
}

/// The application state.
#[allow(clippy::struct_excessive_bools)] // independent UI flags, not a state machine
pub struct Model {
    pub lang: Lang,
    pub keymap: Keymap,
    pub screen: Screen,
    pub help: bool,
    /// The open history overlay, newest last.
    pub history: Option<Vec<crate::domain::history::Item>>,
    /// The open trend overlay, oldest period first.
    pub trend: Option<Vec<crate::domain::trend::Point>>,
    pub status: Status,
    pub size: (u16, u16),
    /// Set once the session is ending; the event loop then returns.
    pub ending: Option<Ending>,
    pub org: Org,
    pub reference: Reference,
    /// NIP → index into `org.people`.
    pub people_index: HashMap<Nip, usize>,
    /// Everyone on the roster, by name (the login list).
    pub logins: Vec<StaffRow>,
    pub corrupt: Vec<CorruptRecord>,
    /// The period currently shown.
    pub period: String,
    /// The organisation's active period, where a new session starts.
    pub active_period: String,
    pub me: Option<Nip>,
    /// A user to preselect or log in directly (`--as`, or the last user).
    pub preferred_user: Option<Nip>,
    /// Log the preferred user in without asking (`--as`).
    pub auto_login: bool,
    pub login: Picker,
    pub roster: Picker,
    /// My staff in roster order (unit, then name).
    pub staff: Vec<StaffRow>,
    /// Assessments of my staff in the current period.
    pub assessments: HashMap<Nip, Assessment>,
    /// Their self-assessments, as far as the store lets this person see.
    pub selfs: HashMap<Nip, SelfAssessment>,
    /// The feedback notes about them this person may read, oldest first.
    pub feedback: Vec<Feedback>,
    /// The open quick-feedback overlay.
    pub quick: Option<QuickNote>,
    /// The last note this person gave in this session, to withdraw.
    pub last_feedback: Option<Feedback>,
    /// The practice run, when the practice screen is open.
    pub practice: Option<PracticeState>,
    /// The appraiser's own calibration figures for the period shown.
    pub my_calibration: Option<crate::domain::calibration::RaterFigures>,
    /// The dashboard's figures and where the user is in them.
    pub dash: DashState,
    /// The meeting screen's unit and notes.
    pub meeting: Option<Meeting>,
    /// Where the session opens once someone logs in.
    pub opening: Opening,
    /// Index into `staff` of the employee being scored.
    pub current: usize,
    pub criterion: usize,
    pub section: Section,
    pub item: usize,
    pub editor: Option<Editor>,
    /// Text being saved, kept until the store answers so that a conflict
    /// reopens the editor with it instead of losing it.
    pub pending_text: Option<(TextTarget, String)>,
    /// A cursor from the store to apply once assessments have loaded.
    pub pending_cursor: Option<crate::store::Cursor>,
    /// The open PIN prompt (login or unlock).
    pub pin: Option<PinEntry>,
    /// Idle-locked: the screen shows nothing personal until the same
    /// person gives their PIN or someone else logs in.
    pub locked: bool,
    /// The daemon knows who this terminal's user is (config `[users]`):
    /// no login list, no PIN.
    pub fixed_user: bool,
    pub mode: Mode,
    /// An irreversible step whose key was pressed once: pressed again, it
    /// is taken; any other key forgets it.
    pub confirming: Option<super::action::Action>,
    /// The reviewer's proposal while deciding an objection.
    pub proposal: Option<Proposal>,
    /// The time, in Unix seconds, as the event loop last told it (0 until
    /// it has): views stay pure and still say how long something waited.
    pub now: i64,
}

impl Model {
    pub fn new(lang: Lang, keymap: Keymap) -> Self {
        Self {
            lang,
            keymap,
            screen: Screen::Loading,
            help: false,
            history: None,
            trend: None,
            status: Status::Idle,
            size: (80, 24),
            ending: None,
            org: Org::default(),
            reference: Reference::default(),
            people_index: HashMap::new(),
            logins: Vec::new(),
            corrupt: Vec::new(),
            period: String::new(),
            active_period: String::new(),
            me: None,
            preferred_user: None,
            auto_login: false,
            login: Picker::default(),
            roster: Picker::default(),
            staff: Vec::new(),
            assessments: HashMap::new(),
            selfs: HashMap::new(),
            feedback: Vec::new(),
            quick: None,
            meeting: None,
            dash: DashState::default(),
            my_calibration: None,
            practice: None,
            last_feedback: None,
            opening: Opening::Resume,
            current: 0,
            criterion: 0,
            section: Section::default(),
            item: 0,
            editor: None,
            pending_text: None,
            pending_cursor: None,
            pin: None,
            locked: false,
            fixed_user: false,
            mode: Mode::default(),
            confirming: None,
            proposal: None,
            now: 0,
        }
    }

    pub fn t(&self) -> &'static Strings {
        self.lang.strings()
    }

    /// The keymap context for the current state.
    pub fn context(&self) -> Context {
        if self.locked || self.screen == Screen::Pin {
            return Context::Pin;
        }
        if self.editor.is_some() {
            return Context::Text;
        }
        if self.quick.is_some() {
            return Context::Quick;
        }
        if self.help {
            return Context::Help;
        }
        if self.history.is_some() || self.trend.is_some() {
            return Context::History;
        }
        self.context_under_help()
    }

    /// The context of the screen itself, ignoring the help overlay.
    pub fn context_under_help(&self) -> Context {
        match self.screen {
            Screen::Login if self.login.filtering => Context::Filter,
            Screen::Roster if self.roster.filtering => Context::Filter,
            Screen::Loading | Screen::FirstRun => Context::FirstRun,
            Screen::Login => Context::Login,
            Screen::Pin => Context::Pin,
            Screen::Roster => Context::Roster,
            Screen::Scoring => Context::Scoring,
            Screen::Meeting => Context::Meeting,
            Screen::Dashboard => Context::Dashboard,
            Screen::Practice => Context::Practice,
            Screen::Summary => match self.mode {
                Mode::Appraiser => Context::Summary,
                Mode::Reviewer => Context::Review,
                Mode::Employee if self.result_approved() => Context::Own,
                Mode::Employee => Context::OwnSelf,
            },
        }
    }

    pub fn person(&self, nip: &Nip) -> Option<&Person> {
        self.people_index.get(nip).map(|&i| &self.org.people[i])
    }

    pub fn me_person(&self) -> Option<&Person> {
        self.me.as_ref().and_then(|n| self.person(n))
    }

    /// The employee being scored.
    pub fn current_person(&self) -> Option<&Person> {
        self.staff
            .get(self.current)
            .map(|r| &self.org.people[r.person])
    }

    pub fn key_of(&self, p: &Person) -> AssessmentKey {
        AssessmentKey {
            period: self.period.clone(),
            employee: p.nip.clone(),
        }
    }

    /// The criteria of an employee: those their approved assessment was
    /// frozen with, else their template's.
    pub fn criteria(&self, p: &Person) -> Vec<ScaledCriterion<'_>> {
        match self.assessment(&p.nip).and_then(|a| a.frozen.as_deref()) {
            Some(f) => f.scaled(),
            None => self.reference.criteria_of(p),
        }
    }

    /// The keys of an action, for messages ("tekan {key}").
    pub fn keys(&self, ctx: Context, action: &super::action::Action) -> String {
        self.keymap.keys_for(ctx, action)
    }

    /// A person's assessment, or an empty one if nothing is recorded yet.
    pub fn assessment_or_blank(&self, p: &Person) -> std::borrow::Cow<'_, Assessment> {
        match self.assessment(&p.nip) {
            Some(a) => std::borrow::Cow::Borrowed(a),
            None => std::borrow::Cow::Owned(Assessment::new(self.key_of(p), p.nip.clone())),
        }
    }

    /// Whether the scoring card of the current employee is closed to
    /// edits in this mode (see [`Sheet::locked`]).
    pub fn current_is_frozen(&self) -> bool {
        self.current_person()
            .is_some_and(|p| self.sheet(&p.nip).locked())
    }

    pub fn scheme(&self) -> Option<&Scheme> {
        let period = self.org.period(&self.period)?;
        self.reference.scheme(&period.scheme)
    }

    pub fn assessment(&self, nip: &Nip) -> Option<&Assessment> {
        self.assessments.get(nip)
    }

    /// The reviewer's proposal for this employee, if one is being made.
    pub fn proposal_for(&self, nip: &Nip) -> Option<&Proposal> {
        self.proposal.as_ref().filter(|p| &p.employee == nip)
    }
}
