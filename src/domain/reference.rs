//! Reference data: schemes, templates and the training catalogue that an
//! organisation's assessments are judged by.

use super::org::Person;
use super::scheme::Scheme;
use super::template::{ScaledCriterion, Template};
use serde::{Deserialize, Serialize};

/// Everything besides the roster that the rules need; loaded from `data/`
/// and kept in the store so a store is self-contained.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Reference {
    pub schemes: Vec<Scheme>,
    pub templates: Vec<Template>,
    pub catalogue: super::training::Catalogue,
    /// The template every employee's behaviour is rated on (BerAKHLAK).
    pub behaviour_template: String,
}

impl Reference {
    pub fn scheme(&self, id: &str) -> Option<&Scheme> {
        self.schemes.iter().find(|s| s.id == id)
    }

    pub fn template(&self, id: &str) -> Option<&Template> {
        self.templates.iter().find(|t| t.id == id)
    }

    /// The criteria a person is rated on: their post's Hasil Kerja template,
    /// then the behaviour template, Hasil Kerja criteria first; a missing
    /// template contributes nothing.
    pub fn criteria_of(&self, person: &Person) -> Vec<ScaledCriterion<'_>> {
        self.criteria_of_template(&person.template)
    }

    /// The criteria of a Hasil Kerja template with the behaviour template's
    /// after them: what a person on that template is rated on (also a
    /// fictional practice case).
    pub fn criteria_of_template(&self, template: &str) -> Vec<ScaledCriterion<'_>> {
        let mut v: Vec<ScaledCriterion<'_>> = [template, self.behaviour_template.as_str()]
            .into_iter()
            .filter_map(|id| self.template(id))
            .flat_map(|t| {
                t.criteria.iter().map(move |c| ScaledCriterion {
                    criterion: c,
                    scale: t.scale,
                })
            })
            .collect();
        v.sort_by_key(|c| c.criterion.aspect);
        v
    }
}
