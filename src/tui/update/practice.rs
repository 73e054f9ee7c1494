//! Appraiser practice: choose a fictional case, read it, rate it, see
//! the reference. Nothing here reaches the store.

use super::Effect;
use crate::tui::action::Action;
use crate::tui::model::{Model, PracticeStage, PracticeState, Screen, Status};
use std::collections::BTreeMap;

pub fn open(m: &mut Model) -> Vec<Effect> {
    match crate::data::practice_cases(&m.reference) {
        Ok(cases) => {
            m.practice = Some(PracticeState {
                cases,
                selected: 0,
                stage: PracticeStage::List,
                criterion: 0,
                answers: BTreeMap::new(),
                scroll: 0,
            });
            m.screen = Screen::Practice;
            m.status = Status::Info(m.t().practice_private.into());
        }
        // The store's templates changed since the cases were written.
        Err(e) => m.status = Status::Error(e.to_string()),
    }
    vec![]
}

pub fn key(m: &mut Model, action: Action) -> Vec<Effect> {
    let n_criteria = m.practice_criteria().len();
    let scale = m
        .practice_criteria()
        .get(m.practice.as_ref().map_or(0, |p| p.criterion))
        .map(|c| (c.criterion.id.clone(), c.scale));
    let down = action == Action::Down;
    let max_scroll = if down {
        crate::tui::views::practice::max_scroll(m)
    } else {
        0
    };
    let Some(p) = m.practice.as_mut() else {
        return vec![];
    };
    match (p.stage, action) {
        (PracticeStage::List, Action::Up | Action::Down) => {
            let n = p.cases.len();
            super::move_sel(&mut p.selected, n, down);
        }
        // A new run starts when a case is chosen, not when rating starts:
        // going back from the card to re-read the case keeps the answers.
        (PracticeStage::List, Action::Select) => {
            p.stage = PracticeStage::Story;
            p.scroll = 0;
            p.criterion = 0;
            p.answers.clear();
        }
        (PracticeStage::List, Action::Back) => {
            m.practice = None;
            super::back_to_roster(m);
        }
        (PracticeStage::Story | PracticeStage::Result, Action::Down) => {
            p.scroll = p.scroll.saturating_add(1).min(max_scroll);
        }
        (PracticeStage::Story | PracticeStage::Result, Action::Up) => {
            p.scroll = p.scroll.saturating_sub(1);
        }
        (PracticeStage::Story, Action::Select) => p.stage = PracticeStage::Rate,
        (PracticeStage::Story | PracticeStage::Result, Action::Back) => {
            p.stage = PracticeStage::List;
            p.scroll = 0;
        }
        (PracticeStage::Rate, Action::Rate(r)) => {
            if let Some((id, scale)) = scale
                && r >= 1
                && r <= scale
            {
                p.answers.insert(id, r);
                next(p, n_criteria);
            }
        }
        (PracticeStage::Rate, Action::NextCriterion | Action::Select) => next(p, n_criteria),
        (PracticeStage::Rate, Action::PrevCriterion) => {
            p.criterion = p.criterion.saturating_sub(1);
        }
        (PracticeStage::Rate, Action::Back) => p.stage = PracticeStage::Story,
        _ => {}
    }
    vec![]
}

/// The next criterion, or the result after the last.
fn next(p: &mut PracticeState, n: usize) {
    if p.criterion + 1 < n {
        p.criterion += 1;
    } else {
        p.stage = PracticeStage::Result;
        p.scroll = 0;
    }
}
