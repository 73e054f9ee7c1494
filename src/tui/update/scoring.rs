//! Scoring card actions: rate, clear, move between criteria and
//! employees, open the note and realisasi editors.

use super::{
    Effect, back_to_roster, edit, editing, open_summary, refuse_if_frozen, switch_employee,
};
use crate::domain::Edit;
use crate::i18n::fill;
use crate::tui::action::Action;
use crate::tui::model::{Model, Screen, Status};

pub fn scoring(m: &mut Model, action: Action) -> Vec<Effect> {
    let edits = matches!(
        action,
        Action::Rate(_) | Action::ClearRating | Action::EditNote | Action::EditRealisasi
    );
    if edits && refuse_if_frozen(m) {
        return vec![];
    }
    let Some(p) = m.current_person() else {
        m.screen = Screen::Roster;
        return vec![];
    };
    let criteria = m.criteria(p);
    let n = criteria.len();
    let current = criteria
        .get(m.criterion)
        .map(|c| (c.criterion.id.clone(), c.scale, c.criterion.hasil.is_some()));
    match action {
        Action::Rate(r) => {
            let Some((id, scale, _)) = current else {
                return vec![];
            };
            if r == 0 || r > scale {
                m.status = Status::Warning(fill(m.t().scale_hint, &[("n", &scale.to_string())]));
                return vec![];
            }
            edit(
                m,
                Edit::SetRating {
                    criterion: id,
                    rating: Some(r),
                },
            )
        }
        Action::ClearRating => match current {
            Some((id, ..)) => edit(
                m,
                Edit::SetRating {
                    criterion: id,
                    rating: None,
                },
            ),
            None => vec![],
        },
        Action::NextCriterion => {
            if m.criterion + 1 < n {
                m.criterion += 1;
                vec![]
            } else {
                open_summary(m)
            }
        }
        Action::PrevCriterion => {
            m.criterion = m.criterion.saturating_sub(1);
            vec![]
        }
        Action::NextEmployee | Action::PrevEmployee => {
            switch_employee(m, action == Action::NextEmployee);
            vec![]
        }
        Action::EditNote => {
            if let Some((id, ..)) = current {
                editing::open_note(m, id, false);
            }
            vec![]
        }
        Action::EditRealisasi => {
            if let Some((id, _, true)) = current {
                editing::open_note(m, id, true);
            }
            vec![]
        }
        Action::Summary => open_summary(m),
        Action::Back => {
            back_to_roster(m);
            vec![]
        }
        _ => vec![],
    }
}
