//! Pure rules of performance appraisal: no IO, no clock, no terminal.

pub mod assessment;
pub mod calibration;
pub mod career;
pub mod dashboard;
pub mod distribution;
pub mod feedback;
pub mod history;
pub mod nip;
pub mod org;
pub mod org_result;
pub mod pin;
pub mod practice;
pub mod progress;
pub mod reference;
pub mod scheme;
pub mod self_assessment;
pub mod summary;
pub mod template;
pub mod training;
pub mod trend;
pub mod workflow;

pub use assessment::{Assessment, AssessmentKey, Edit, Status};
pub use feedback::{Feedback, Tone};
pub use nip::Nip;
pub use org::{Org, Period, Person, Role, Unit};
pub use reference::Reference;
pub use scheme::{Outcome, Scheme};
pub use self_assessment::SelfAssessment;
pub use template::{Aspect, Criterion, Expectation, Template};
pub use training::Catalogue;
