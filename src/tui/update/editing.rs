//! Text input: notes, realisasi, free-text items, override reasons, filters.

use super::{Effect, edit};
use crate::domain::assessment::{AspectDecision, AspectValue, Curation, Edit, SummaryItem};
use crate::domain::workflow::Transition;
use crate::i18n::fill;
use crate::store::{Draft, Request};
use crate::tui::action::{Action, Purpose};
use crate::tui::keymap::Context;
use crate::tui::model::{Editor, Ending, Model, Picker, Screen, Status, StepText, TextTarget};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::TextArea;

/// Opens the note (or realisasi) editor for a criterion of the current employee.
pub fn open_note(m: &mut Model, criterion: String, realisasi: bool) {
    let entry = super::current_entry(m, &criterion);
    let text = entry
        .map(|e| {
            if realisasi {
                e.realisasi.clone()
            } else {
                e.note.clone()
            }
        })
        .unwrap_or_default();
    let target = if realisasi {
        TextTarget::Realisasi { criterion }
    } else {
        TextTarget::Note { criterion }
    };
    open(m, target, &text);
}

/// Opens an editor on `text`; a one-line target makes Enter save.
pub fn open(m: &mut Model, target: TextTarget, text: &str) {
    let mut area = TextArea::new(text.lines().map(str::to_string).collect());
    area.move_cursor(ratatui_textarea::CursorMove::Bottom);
    area.move_cursor(ratatui_textarea::CursorMove::End);
    m.editor = Some(Editor {
        target,
        area,
        initial: text.to_string(),
    });
    m.status = Status::Info(m.t().unsaved.into());
}

/// Reopens the editor a hangup left unsaved text in, with that text,
/// and says so.
pub fn recover(m: &mut Model, draft: Draft) {
    open(m, draft.target, &draft.text);
    if let Some(ed) = m.editor.as_mut() {
        // Still unsaved: another hangup keeps it again.
        ed.initial.clear();
    }
    let key = m.keys(Context::Text, &Action::SaveText);
    m.status = Status::Warning(fill(m.t().draft_recovered, &[("key", &key)]));
}

/// Handles typed keys and save/cancel in editors and filters.
pub fn text(m: &mut Model, action: Action) -> Vec<Effect> {
    if m.editor.is_some() {
        return editor(m, action);
    }
    let screen = m.screen;
    let picker = match screen {
        Screen::Login => &mut m.login,
        Screen::Roster => &mut m.roster,
        _ => return vec![],
    };
    match action {
        Action::Input(key) => {
            type_into(picker, key);
            // The highlighted row is the employee the cursor remembers.
            if screen == Screen::Roster
                && let Some(&i) = m.roster_rows().first()
            {
                m.current = i;
            }
            vec![]
        }
        Action::CancelText if screen == Screen::Roster => {
            m.roster = Picker {
                selected: m.current,
                ..Picker::default()
            };
            vec![]
        }
        Action::CancelText => {
            *picker = Picker::default();
            vec![]
        }
        // Enter in a filter picks the highlighted row at once.
        Action::SaveText => {
            picker.filtering = false;
            if screen == Screen::Roster {
                super::roster(m, Action::Select)
            } else {
                super::login(m, Action::Select)
            }
        }
        _ => vec![],
    }
}

fn type_into(p: &mut Picker, key: KeyEvent) {
    match key.code {
        KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
            p.filter.push(c);
            p.selected = 0;
        }
        KeyCode::Backspace => {
            p.filter.pop();
            p.selected = 0;
        }
        _ => {}
    }
}

fn editor(m: &mut Model, action: Action) -> Vec<Effect> {
    let Some(ed) = m.editor.as_mut() else {
        return vec![];
    };
    match action {
        Action::Input(key) if ed.target.single_line() && key.code == KeyCode::Enter => save(m),
        Action::Input(key) => {
            ed.area.input(key);
            vec![]
        }
        Action::SaveText => save(m),
        Action::CancelText => {
            m.editor = None;
            m.status = Status::Idle;
            vec![]
        }
        _ => vec![],
    }
}

/// The terminal went away: the session ends. An open note or realisasi
/// is saved the way its save key would save it, through the store. A
/// one-line input (an override's reason or score, a new list item) would
/// make a decision the user has not confirmed, so its text is kept in
/// the cursor instead, as is any text whose save is refused (see
/// `stored`): the next start reopens the editor with it.
pub fn hang_up(m: &mut Model) -> Vec<Effect> {
    m.ending = Some(Ending::HangUp);
    // A quick-feedback note being typed is saved, like an open note.
    if let Some(req) = super::quick::leaving(m) {
        return vec![Effect::Store(Purpose::Feedback, req)];
    }
    match m.editor.take() {
        None => vec![],
        Some(ed) if ed.target.single_line() => {
            let text = typed(&ed);
            if text.trim().is_empty() || text == ed.initial {
                return vec![];
            }
            keep(m, ed.target, text)
        }
        Some(ed) => {
            m.editor = Some(ed);
            save(m)
        }
    }
}

/// Keeps text that was not saved in the user's cursor (flushed like any
/// cursor), for the next start to offer back.
pub fn keep(m: &mut Model, target: TextTarget, text: String) -> Vec<Effect> {
    m.editor = None;
    let (Some(user), Some(mut cursor)) = (m.me.clone(), super::cursor(m)) else {
        return vec![];
    };
    cursor.draft = Some(Draft { target, text });
    vec![Effect::Store(
        Purpose::Cursor,
        Request::SetCursor { user, cursor },
    )]
}

/// The editor's text as it is saved: lines joined, no trailing blanks.
fn typed(ed: &Editor) -> String {
    ed.area.lines().join("\n").trim_end().to_string()
}

fn save(m: &mut Model) -> Vec<Effect> {
    let Some(ed) = m.editor.take() else {
        return vec![];
    };
    let text = typed(&ed);
    let target = ed.target.clone();
    let fx = save_to(m, ed, text.clone());
    if fx
        .iter()
        .any(|e| matches!(e, Effect::Store(Purpose::Save, _)))
    {
        m.pending_text = Some((target, text));
    }
    fx
}

/// Turns the saved text into the edit its target asks for.
fn save_to(m: &mut Model, ed: Editor, text: String) -> Vec<Effect> {
    let entry = |c: &str| super::current_entry(m, c).unwrap_or_default();
    match ed.target {
        TextTarget::Note { criterion } => {
            if entry(&criterion).note == text {
                m.status = Status::Idle;
                return vec![];
            }
            edit(
                m,
                Edit::SetNote {
                    criterion,
                    note: text,
                },
            )
        }
        TextTarget::Realisasi { criterion } => {
            if entry(&criterion).realisasi == text {
                m.status = Status::Idle;
                return vec![];
            }
            edit(m, Edit::SetRealisasi { criterion, text })
        }
        TextTarget::NewItem(kind) => {
            if text.trim().is_empty() {
                m.status = Status::Idle;
                return vec![];
            }
            let mut c: Curation = super::summary::curation(m);
            super::summary::list_mut(&mut c, kind).push(SummaryItem::Free(text));
            edit(m, Edit::SetCuration(Some(c)))
        }
        TextTarget::OverrideScore(aspect) => {
            let parsed = text.trim().replace(',', ".").parse::<f64>().ok();
            if let Some(v) = parsed.filter(|v| (0.0..=100.0).contains(v)) {
                let value = AspectValue::Score((v * 100.0).round() / 100.0);
                // A reviewer's score is part of the decision they are making.
                if m.mode == crate::tui::model::Mode::Reviewer {
                    super::decision::propose(m, aspect, value);
                    return vec![];
                }
                return super::summary::decide(m, aspect, value);
            }
            m.status = Status::Warning(m.t().score_invalid.into());
            m.editor = Some(Editor {
                target: TextTarget::OverrideScore(aspect),
                area: ed.area,
                initial: ed.initial,
            });
            vec![]
        }
        TextTarget::Step(kind) => {
            if text.trim().is_empty() {
                m.status = Status::Warning(fill(m.t().reason_required, &[]));
                m.editor = Some(Editor {
                    target: TextTarget::Step(kind),
                    area: ed.area,
                    initial: ed.initial,
                });
                return vec![];
            }
            let step = match kind {
                StepText::Return => Transition::Return { comment: text },
                StepText::Reopen => Transition::Reopen { reason: text },
                StepText::Object => Transition::Object { reasons: text },
                StepText::Decide => super::decision::decide(m, text),
            };
            super::step(m, step)
        }
        TextTarget::OverrideReason { aspect, value } => {
            if text.trim().is_empty() {
                m.status = Status::Warning(fill(m.t().reason_required, &[]));
                m.editor = Some(Editor {
                    target: TextTarget::OverrideReason { aspect, value },
                    area: ed.area,
                    initial: ed.initial,
                });
                return vec![];
            }
            edit(
                m,
                Edit::Decide {
                    aspect,
                    decision: Some(AspectDecision {
                        value,
                        reason: text,
                    }),
                },
            )
        }
    }
}
