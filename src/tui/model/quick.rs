//! Quick feedback: the overlay that captures one note in a meeting. A
//! fuzzy pick of the employee (a few letters of the name or NIP), `+` or
//! `−`, optionally a criterion, one line of text, Enter.

use super::Model;
use crate::domain::{Nip, Person, Tone};
use nucleo_matcher::pattern::{CaseMatching, Normalization, Pattern};
use nucleo_matcher::{Config, Matcher};
use ratatui_textarea::TextArea;

/// Where the overlay is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuickStage {
    /// Picking the employee.
    Pick,
    /// Writing the note about the chosen one.
    Text,
}

/// The open quick-feedback overlay.
pub struct QuickNote {
    pub stage: QuickStage,
    /// What was typed to find the employee.
    pub query: String,
    /// Everyone the signed-in person may give feedback to (indexes into
    /// `org.people`), by name, with their search text.
    pub candidates: Vec<(usize, String)>,
    /// The candidates matching the query, best first.
    pub matches: Vec<usize>,
    /// Index into `matches`.
    pub selected: usize,
    /// The chosen employee (index into `org.people`), once past picking.
    pub employee: Option<usize>,
    pub tone: Tone,
    /// Index into the chosen employee's criteria; `None`: no criterion.
    pub criterion: Option<usize>,
    pub text: TextArea<'static>,
}

impl QuickNote {
    /// The employee highlighted in the list.
    pub fn highlighted(&self) -> Option<usize> {
        self.matches.get(self.selected).copied()
    }

    /// Re-runs the match after the query changed: digits find a NIP
    /// containing them (earliest first), letters a name by fuzzy match
    /// (best first); with no query the list is every candidate, `first`
    /// (the person on screen) on top.
    pub fn refilter(&mut self, first: Option<usize>) {
        self.selected = 0;
        if self.query.trim().is_empty() {
            self.matches = self.candidates.iter().map(|(i, _)| *i).collect();
            if let Some(f) = first
                && let Some(at) = self.matches.iter().position(|&i| i == f)
            {
                let f = self.matches.remove(at);
                self.matches.insert(0, f);
            }
            return;
        }
        let query = self.query.trim();
        if query.chars().all(|c| c.is_ascii_digit()) {
            let mut found: Vec<(usize, usize)> = self
                .candidates
                .iter()
                .filter_map(|(i, s)| {
                    let nip = s.rsplit(' ').next()?;
                    nip.find(query).map(|at| (at, *i))
                })
                .collect();
            found.sort_by_key(|&(at, _)| at);
            self.matches = found.into_iter().map(|(_, i)| i).collect();
            return;
        }
        let pattern = Pattern::parse(
            &super::fold(&self.query),
            CaseMatching::Ignore,
            Normalization::Smart,
        );
        let mut matcher = Matcher::new(Config::DEFAULT);
        let texts = self
            .candidates
            .iter()
            .map(|(i, s)| Candidate(*i, s.as_str()));
        self.matches = pattern
            .match_list(texts, &mut matcher)
            .into_iter()
            .map(|(c, _score)| c.0)
            .collect();
    }
}

/// A candidate as the matcher sees it: its search text.
struct Candidate<'a>(usize, &'a str);

impl AsRef<str> for Candidate<'_> {
    fn as_ref(&self) -> &str {
        self.1
    }
}

impl Model {
    /// An employee's reviewer (Atasan Pejabat Penilai): the roster's, or
    /// their appraiser's own appraiser, or the appraiser at the top of
    /// the line (as `Org::reviewer_of`, without scanning the roster).
    pub fn reviewer_of<'a>(&'a self, p: &'a Person) -> Option<&'a Nip> {
        p.reviewer.as_ref().or_else(|| {
            let appraiser = p.appraiser.as_ref()?;
            self.person(appraiser)
                .and_then(|q| q.appraiser.as_ref())
                .or(Some(appraiser))
        })
    }

    /// A fresh overlay: the signed-in person's staff and the people they
    /// review, by name, with the employee on screen (if one of them)
    /// chosen and the criterion on screen preselected.
    pub fn quick_note(&self) -> Option<QuickNote> {
        let me = self.me.as_ref()?;
        let mut candidates: Vec<(usize, String)> = self
            .org
            .people
            .iter()
            .enumerate()
            .filter(|(_, p)| {
                &p.nip != me
                    && (p.appraiser.as_ref() == Some(me) || self.reviewer_of(p) == Some(me))
            })
            .map(|(i, p)| (i, super::people::search_key(p)))
            .collect();
        candidates.sort_by(|a, b| a.1.cmp(&b.1));
        let on_screen = match self.screen {
            super::Screen::Scoring | super::Screen::Summary | super::Screen::Roster => self
                .staff
                .get(self.current)
                .map(|r| r.person)
                .filter(|i| candidates.iter().any(|(c, _)| c == i)),
            _ => None,
        };
        let mut q = QuickNote {
            stage: QuickStage::Pick,
            query: String::new(),
            candidates,
            matches: Vec::new(),
            selected: 0,
            employee: None,
            tone: Tone::Positive,
            criterion: (self.screen == super::Screen::Scoring && on_screen.is_some())
                .then_some(self.criterion),
            text: TextArea::default(),
        };
        q.refilter(on_screen);
        Some(q)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn note(candidates: &[(&str, &str)]) -> QuickNote {
        QuickNote {
            stage: QuickStage::Pick,
            query: String::new(),
            candidates: candidates
                .iter()
                .enumerate()
                .map(|(i, (name, nip))| (i, format!("{name} {nip}")))
                .collect(),
            matches: Vec::new(),
            selected: 0,
            employee: None,
            tone: Tone::Positive,
            criterion: None,
            text: TextArea::default(),
        }
    }

    #[test]
    fn digits_find_a_nip_and_letters_a_name() {
        let mut q = note(&[
            ("johanna tupamahu", "198304212007012031"),
            ("elisabeth rehatta", "199601152020012020"),
            ("stefanus leiwakabessy", "198106072005021019"),
        ]);
        q.refilter(Some(2));
        assert_eq!(q.matches, [2, 0, 1], "the person on screen first");
        // Digits: a NIP containing them, earliest first; not a scatter.
        q.query = "1996011520".into();
        q.refilter(None);
        assert_eq!(q.matches, [1]);
        q.query = "07".into();
        q.refilter(None);
        assert_eq!(
            q.matches,
            [2, 0],
            "1981060720… has it at 6, 1983042120070… at 10"
        );
        // Letters: fuzzy on the name, accents folded.
        q.query = "Élis".into();
        q.refilter(None);
        assert_eq!(q.highlighted(), Some(1));
        q.query = "jtpm".into();
        q.refilter(None);
        assert_eq!(q.highlighted(), Some(0));
    }
}
