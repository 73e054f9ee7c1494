//! Key → action resolution. Bindings come from `keymap.toml` (compiled in)
//! and an optional user file that overrides only the keys it names; the
//! footer hints and the `?` help screen are generated from the same table.

use super::action::Action;
use crate::data::Problem;
use crate::source::{SourceError, parse_toml};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;

const DEFAULT: &str = include_str!("keymap.toml");
const DEFAULT_FILE: &str = "src/tui/keymap.toml";

/// Where a key is being pressed; each has its own section in the keymap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Context {
    Global,
    FirstRun,
    Login,
    Roster,
    Scoring,
    Summary,
    Help,
    /// The history overlay.
    History,
    /// A note or other text being edited: unbound keys are typed.
    Text,
    /// A filter being typed: unbound keys are typed.
    Filter,
    /// The PIN prompt (login, or unlocking an idle lock): digits are typed.
    Pin,
    /// A summary read by the reviewer: approve, return, reopen.
    Review,
    /// The employee's own result: accept or object.
    Own,
    /// The employee's self-assessment before the result is approved:
    /// fill it in, send it.
    OwnSelf,
    /// The quick-feedback overlay: unbound keys are typed.
    Quick,
    /// The meeting screen.
    Meeting,
    /// The unit dashboard.
    Dashboard,
    /// Appraiser practice.
    Practice,
}

impl Context {
    /// Whether unbound keys are text input here, and global keys are off.
    pub fn is_text(self) -> bool {
        matches!(self, Self::Text | Self::Filter | Self::Pin | Self::Quick)
    }
}

/// A normalised key: Shift+letter is the capital letter without SHIFT.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

impl Key {
    pub fn from_event(ev: &KeyEvent) -> Self {
        let mut mods =
            ev.modifiers & (KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SHIFT);
        let code = match ev.code {
            KeyCode::Char(c) if mods.contains(KeyModifiers::SHIFT) => {
                mods.remove(KeyModifiers::SHIFT);
                KeyCode::Char(c.to_ascii_uppercase())
            }
            KeyCode::Char(c) => KeyCode::Char(c),
            KeyCode::BackTab => {
                mods.remove(KeyModifiers::SHIFT);
                KeyCode::BackTab
            }
            other => other,
        };
        Self { code, mods }
    }

    /// Parses `ctrl-s`, `K`, `pagedown`, `?`, `esc`, `f1`.
    pub fn parse(s: &str) -> Result<Self, String> {
        let mut mods = KeyModifiers::NONE;
        let mut rest = s;
        loop {
            if let Some(r) = rest.strip_prefix("ctrl-") {
                mods |= KeyModifiers::CONTROL;
                rest = r;
            } else if let Some(r) = rest.strip_prefix("alt-") {
                mods |= KeyModifiers::ALT;
                rest = r;
            } else {
                break;
            }
        }
        let code = match rest {
            "enter" => KeyCode::Enter,
            "esc" => KeyCode::Esc,
            "tab" => KeyCode::Tab,
            "backtab" => KeyCode::BackTab,
            "backspace" => KeyCode::Backspace,
            "delete" => KeyCode::Delete,
            "up" => KeyCode::Up,
            "down" => KeyCode::Down,
            "left" => KeyCode::Left,
            "right" => KeyCode::Right,
            "home" => KeyCode::Home,
            "end" => KeyCode::End,
            "pageup" => KeyCode::PageUp,
            "pagedown" => KeyCode::PageDown,
            "space" => KeyCode::Char(' '),
            f if f.len() > 1 && f.starts_with('f') && f[1..].parse::<u8>().is_ok() => {
                KeyCode::F(f[1..].parse().unwrap_or(1))
            }
            c if c.chars().count() == 1 => KeyCode::Char(c.chars().next().unwrap_or(' ')),
            _ => {
                return Err(format!(
                    "unknown key {s:?}; write one character (a capital for shift, e.g. K) or a name \
                     (enter, esc, tab, backtab, backspace, delete, up, down, left, right, home, end, \
                     pageup, pagedown, space, f1–f12), optionally after ctrl- or alt- in lower case"
                ));
            }
        };
        Ok(Self { code, mods })
    }

    /// The key as written in the keymap file and shown in hints.
    pub fn label(self) -> String {
        let mut s = String::new();
        if self.mods.contains(KeyModifiers::CONTROL) {
            s.push_str("ctrl-");
        }
        if self.mods.contains(KeyModifiers::ALT) {
            s.push_str("alt-");
        }
        match self.code {
            KeyCode::Char(' ') => s.push_str("space"),
            KeyCode::Char(c) => s.push(c),
            KeyCode::Enter => s.push_str("enter"),
            KeyCode::Esc => s.push_str("esc"),
            KeyCode::Tab => s.push_str("tab"),
            KeyCode::BackTab => s.push_str("backtab"),
            KeyCode::Backspace => s.push_str("backspace"),
            KeyCode::Delete => s.push_str("del"),
            KeyCode::Up => s.push('↑'),
            KeyCode::Down => s.push('↓'),
            KeyCode::Left => s.push('←'),
            KeyCode::Right => s.push('→'),
            KeyCode::Home => s.push_str("home"),
            KeyCode::End => s.push_str("end"),
            KeyCode::PageUp => s.push_str("pgup"),
            KeyCode::PageDown => s.push_str("pgdn"),
            KeyCode::F(n) => s.push_str(&format!("f{n}")),
            _ => s.push('?'),
        }
        s
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBinding {
    keys: Vec<String>,
    action: Action,
    #[serde(default)]
    hint: bool,
}

/// One line of the keymap: some keys, one action.
#[derive(Debug, Clone, PartialEq)]
pub struct Binding {
    pub keys: Vec<Key>,
    pub action: Action,
    pub hint: bool,
}

/// All bindings by context, user bindings first so they win.
#[derive(Debug, Clone, Default)]
pub struct Keymap {
    sections: BTreeMap<Context, Vec<Binding>>,
}

/// The file's sections; a struct rather than a map so errors name the section.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct RawKeymap {
    global: Vec<RawBinding>,
    first_run: Vec<RawBinding>,
    login: Vec<RawBinding>,
    roster: Vec<RawBinding>,
    scoring: Vec<RawBinding>,
    summary: Vec<RawBinding>,
    help: Vec<RawBinding>,
    history: Vec<RawBinding>,
    text: Vec<RawBinding>,
    filter: Vec<RawBinding>,
    pin: Vec<RawBinding>,
    review: Vec<RawBinding>,
    own: Vec<RawBinding>,
    own_self: Vec<RawBinding>,
    quick: Vec<RawBinding>,
    meeting: Vec<RawBinding>,
    dashboard: Vec<RawBinding>,
    practice: Vec<RawBinding>,
}

fn parse_file(file: &str, src: &str) -> Result<BTreeMap<Context, Vec<Binding>>, SourceError> {
    let r: RawKeymap = parse_toml(file, src)?;
    let sections = [
        (Context::Global, "global", r.global),
        (Context::FirstRun, "first_run", r.first_run),
        (Context::Login, "login", r.login),
        (Context::Roster, "roster", r.roster),
        (Context::Scoring, "scoring", r.scoring),
        (Context::Summary, "summary", r.summary),
        (Context::Help, "help", r.help),
        (Context::History, "history", r.history),
        (Context::Text, "text", r.text),
        (Context::Filter, "filter", r.filter),
        (Context::Pin, "pin", r.pin),
        (Context::Review, "review", r.review),
        (Context::Own, "own", r.own),
        (Context::OwnSelf, "own_self", r.own_self),
        (Context::Quick, "quick", r.quick),
        (Context::Meeting, "meeting", r.meeting),
        (Context::Dashboard, "dashboard", r.dashboard),
        (Context::Practice, "practice", r.practice),
    ];
    let mut out = BTreeMap::new();
    for (ctx, section, list) in sections {
        if list.is_empty() {
            continue;
        }
        let bindings = section_bindings(section, list).map_err(|p| p.locate(file, src))?;
        out.insert(ctx, bindings);
    }
    Ok(out)
}

/// The bindings of one `[[section]]` list. A key bound twice in a section
/// is an error: only the first would ever fire.
fn section_bindings(section: &'static str, list: Vec<RawBinding>) -> Result<Vec<Binding>, Problem> {
    let mut seen: Vec<(Key, usize)> = Vec::new();
    let mut out = Vec::with_capacity(list.len());
    for (i, b) in list.into_iter().enumerate() {
        if b.keys.is_empty() {
            return Err(Problem::at(
                section,
                i,
                "keys",
                "list at least one key, e.g. keys = [\"x\"]".into(),
            ));
        }
        if let Action::Rate(n) = b.action
            && !(1..=10).contains(&n)
        {
            return Err(Problem::at(
                section,
                i,
                "action",
                format!("rate {n} is outside 1–10, the levels a scale can have"),
            ));
        }
        let mut keys = Vec::with_capacity(b.keys.len());
        for written in &b.keys {
            let key = Key::parse(written).map_err(|m| Problem::at(section, i, "keys", m))?;
            if let Some((_, j)) = seen.iter().find(|(k, _)| *k == key) {
                return Err(Problem::at(
                    section,
                    i,
                    "keys",
                    format!(
                        "key {written:?} is already bound in {section}[{j}]; bind each key once per section"
                    ),
                ));
            }
            seen.push((key, i));
            keys.push(key);
        }
        out.push(Binding {
            keys,
            action: b.action,
            hint: b.hint,
        });
    }
    Ok(out)
}

impl Keymap {
    /// The compiled-in default keymap.
    pub fn default_map() -> Self {
        let sections = parse_file(DEFAULT_FILE, DEFAULT)
            .unwrap_or_else(|e| panic!("shipped keymap must parse (a test checks it): {e}"));
        Self { sections }
    }

    /// The default keymap with `<config_dir>/keymap.toml` layered on top.
    pub fn load(config_dir: Option<&Path>) -> Result<Self, SourceError> {
        let mut map = Self::default_map();
        let Some(path) = config_dir.map(|d| d.join("keymap.toml")) else {
            return Ok(map);
        };
        let Some(src) = crate::config::read_optional(&path)? else {
            return Ok(map);
        };
        map.overlay(parse_file(&path.display().to_string(), &src)?);
        Ok(map)
    }

    /// Puts user bindings in front and drops the default bindings of keys
    /// the user named in the same context, so help shows only live keys.
    fn overlay(&mut self, user: BTreeMap<Context, Vec<Binding>>) {
        for (ctx, mut ub) in user {
            let named: Vec<Key> = ub.iter().flat_map(|b| b.keys.clone()).collect();
            let base = self.sections.remove(&ctx).unwrap_or_default();
            let kept = base.into_iter().filter_map(|mut b| {
                b.keys.retain(|k| !named.contains(k));
                (!b.keys.is_empty()).then_some(b)
            });
            ub.retain(|b| b.action != Action::Unbound);
            ub.extend(kept);
            self.sections.insert(ctx, ub);
        }
    }

    /// Resolves a key press in a context. Releases and repeats of other
    /// kinds are ignored; unbound keys in a text context become input.
    pub fn resolve(&self, ev: &KeyEvent, ctx: Context) -> Option<Action> {
        if ev.kind != KeyEventKind::Press {
            return None;
        }
        let key = Key::from_event(ev);
        let lookup = |c: Context| {
            self.sections
                .get(&c)
                .and_then(|bs| bs.iter().find(|b| b.keys.contains(&key)))
                .map(|b| b.action.clone())
        };
        if let Some(a) = lookup(ctx) {
            return Some(a);
        }
        if ctx.is_text() {
            return Some(Action::Input(*ev));
        }
        if key.code == KeyCode::Char('c') && key.mods == KeyModifiers::CONTROL {
            return Some(Action::Quit);
        }
        if matches!(ctx, Context::Help | Context::History) {
            return None;
        }
        lookup(Context::Global)
    }

    /// The bindings of a context followed by the global ones (for help).
    pub fn bindings(&self, ctx: Context) -> impl Iterator<Item = &Binding> {
        self.sections
            .get(&ctx)
            .into_iter()
            .flatten()
            .chain(self.globals(ctx))
    }

    /// The global bindings that apply in a context (none where keys are
    /// typed, nor over help and history).
    fn globals(&self, ctx: Context) -> impl Iterator<Item = &Binding> {
        let on = !(ctx.is_text() || matches!(ctx, Context::Help | Context::History));
        self.sections
            .get(&Context::Global)
            .filter(|_| on && ctx != Context::Global)
            .into_iter()
            .flatten()
    }

    /// The keys bound to an action in a context, as "esc/ctrl-s", for
    /// messages that tell the user what to press (so they follow overrides).
    pub fn keys_for(&self, ctx: Context, action: &Action) -> String {
        let keys: Vec<String> = self
            .bindings(ctx)
            .filter(|b| &b.action == action)
            .flat_map(|b| b.keys.iter().map(|k| k.label()))
            .collect();
        if keys.is_empty() {
            "—".into()
        } else {
            keys.join("/")
        }
    }

    /// The bindings shown in the footer: the context's own, and the
    /// global ones (help, quit), which the footer always keeps in view.
    pub fn hints(&self, ctx: Context) -> (Vec<&Binding>, Vec<&Binding>) {
        let own = self.sections.get(&ctx).into_iter().flatten();
        (
            own.filter(|b| b.hint).collect(),
            self.globals(ctx).filter(|b| b.hint).collect(),
        )
    }
}

#[cfg(test)]
mod tests;
