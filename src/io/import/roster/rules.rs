//! The rules between rows — duplicate NIPs, templates, appraisers and
//! reviewers on the roster with their roles, reporting and unit cycles —
//! are the shipped roster's rules (`data::org_issues`), worded for the
//! admin with the lines involved.

use super::columns::{Col, Header};
use super::{Parsed, Problems};
use crate::data::{OrgIssue, OrgRule};
use crate::domain::{Org, Reference, Role};
use crate::i18n::fill;

/// Adds every broken roster rule, except on a cell that already has a
/// problem (an empty unit is not also an unknown one).
pub(super) fn check(
    org: &Org,
    reference: &Reference,
    parsed: &Parsed,
    h: &Header,
    p: &mut Problems<'_>,
) {
    let taken = p.cells();
    let found: Vec<(usize, Col, String)> = crate::data::org_issues(org, reference)
        .iter()
        .filter_map(|issue| word(issue, org, reference, parsed, p))
        .filter(|(line, col, _)| !taken.contains(&(*line, *col)))
        .collect();
    for (line, col, message) in found {
        p.cell(line, h, col, message);
    }
}

fn word(
    issue: &OrgIssue,
    org: &Org,
    reference: &Reference,
    parsed: &Parsed,
    p: &Problems<'_>,
) -> Option<(usize, Col, String)> {
    let t = p.t;
    let i = issue.index;
    if issue.section == "units" {
        let (id, decl) = &parsed.units[i];
        let line = decl.parent.as_ref().map_or(decl.first, |(_, l)| *l);
        let message = match &issue.rule {
            OrgRule::UnknownParent(unit) => fill(t.imp_unknown_parent, &[("unit", unit)]),
            OrgRule::UnitCycle(chain) => {
                let ids: Vec<&str> = chain.iter().map(|&u| org.units[u].id.as_str()).collect();
                fill(
                    t.imp_unit_cycle,
                    &[("unit", id), ("chain", &ids.join(" → "))],
                )
            }
            // Rows declaring the same unit are merged: no duplicate ids.
            _ => return None,
        };
        return Some((line, Col::Parent, message));
    }
    let line = *parsed.lines.get(i)?;
    let person = &org.people[i];
    let at = |j: usize| {
        let line = parsed.lines[j].to_string();
        fill(
            t.imp_person_at,
            &[("name", &org.people[j].name), ("line", &line)],
        )
    };
    let col = match issue.key {
        "nip" => Col::Nip,
        "name" => Col::Name,
        "unit" => Col::Unit,
        "template" => Col::Template,
        "reviewer" => Col::Reviewer,
        _ => Col::Appraiser,
    };
    let message = match &issue.rule {
        OrgRule::DuplicateNip { first } => {
            let first = parsed.lines[*first].to_string();
            fill(
                t.imp_duplicate_nip,
                &[("nip", person.nip.as_str()), ("line", &first)],
            )
        }
        // Only an empty cell, already reported.
        OrgRule::EmptyName | OrgRule::UnknownUnit(_) => t.imp_empty_cell.into(),
        OrgRule::BehaviourTemplate(v) => fill(t.imp_behaviour_template, &[("value", v)]),
        OrgRule::UnknownTemplate(v) => {
            let ids: Vec<&str> = reference
                .templates
                .iter()
                .map(|t| t.id.as_str())
                .filter(|id| *id != reference.behaviour_template)
                .collect();
            fill(
                t.imp_unknown_template,
                &[("value", v), ("list", &ids.join(", "))],
            )
        }
        OrgRule::OwnBoss if col == Col::Reviewer => {
            fill(t.imp_own_reviewer, &[("name", &person.name)])
        }
        OrgRule::OwnBoss => fill(t.imp_own_appraiser, &[("name", &person.name)]),
        OrgRule::NotOnRoster(nip) => fill(t.imp_boss_missing, &[("nip", nip.as_str())]),
        OrgRule::LacksRole { boss, role } => {
            let template = match role {
                Role::Reviewer => t.imp_lacks_reviewer_role,
                _ => t.imp_lacks_appraiser_role,
            };
            fill(template, &[("who", &at(*boss))])
        }
        OrgRule::ReviewerIsAppraiser(nip) => {
            fill(t.imp_reviewer_is_appraiser, &[("nip", nip.as_str())])
        }
        OrgRule::Cycle(chain) => {
            let names: Vec<String> = chain.iter().map(|&j| at(j)).collect();
            fill(t.imp_cycle, &[("chain", &names.join(" → "))])
        }
        // Periods are not imported.
        _ => return None,
    };
    Some((line, col, message))
}
