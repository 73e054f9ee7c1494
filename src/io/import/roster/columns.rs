//! The roster's columns and the header row that names them: Indonesian
//! names first, English aliases, matched ignoring case, spaces and
//! punctuation. An unknown column is an error (a typo would otherwise drop
//! data silently), except the informational columns in [`IGNORED`].

use super::super::table::{Cell, Row};
use super::super::{column_letter, normalize};
use super::Problems;
use crate::i18n::{Strings, fill};

/// A column Kinerja reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Col {
    Nip,
    Name,
    Unit,
    UnitName,
    Parent,
    Post,
    Template,
    Appraiser,
    Reviewer,
    Roles,
}

impl Col {
    pub const ALL: [Self; 10] = [
        Self::Nip,
        Self::Name,
        Self::Unit,
        Self::UnitName,
        Self::Parent,
        Self::Post,
        Self::Template,
        Self::Appraiser,
        Self::Reviewer,
        Self::Roles,
    ];

    /// Accepted headers, normalized: Indonesian first, then English.
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Self::Nip => &["nip", "nipbaru", "nippegawai", "employeenip"],
            Self::Name => &["nama", "namapegawai", "namalengkap", "name", "fullname"],
            Self::Unit => &["unit", "kodeunit", "idunit", "unitid", "unitcode"],
            Self::UnitName => &["namaunit", "namaunitkerja", "unitname"],
            Self::Parent => &[
                "unitinduk",
                "kodeunitinduk",
                "induk",
                "parentunit",
                "parent",
            ],
            Self::Post => &["jabatan", "namajabatan", "post", "position", "jobtitle"],
            Self::Template => &["template", "templat", "templateid"],
            Self::Appraiser => &[
                "nippejabatpenilai",
                "nippejabatpenilaikinerja",
                "nippenilai",
                "appraisernip",
                "appraiser",
            ],
            Self::Reviewer => &[
                "nipatasanpejabatpenilai",
                "nipatasanpenilai",
                "reviewernip",
                "reviewer",
            ],
            Self::Roles => &["peran", "role", "roles"],
        }
    }

    /// The column's name in the UI language.
    pub fn label(self, t: &Strings) -> &'static str {
        match self {
            Self::Nip => t.col_nip,
            Self::Name => t.col_name,
            Self::Unit => t.col_unit,
            Self::UnitName => t.col_unit_name,
            Self::Parent => t.col_parent,
            Self::Post => t.col_post,
            Self::Template => t.col_template,
            Self::Appraiser => t.col_appraiser,
            Self::Reviewer => t.col_reviewer,
            Self::Roles => t.col_roles,
        }
    }

    fn required(self) -> bool {
        matches!(
            self,
            Self::Nip | Self::Name | Self::Unit | Self::UnitName | Self::Post | Self::Template
        )
    }

    fn of(normalized: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|c| c.aliases().contains(&normalized))
    }
}

/// Columns admins keep beside the roster for people, not for Kinerja (a
/// running number, remarks, the appraisers' names) and the ASN data of a
/// BKD export that Kinerja does not use. None is one slip away from a
/// column above, so ignoring them does not hide a typo.
const IGNORED: &[&str] = &[
    "no",
    "nomor",
    "nourut",
    "keterangan",
    "catatan",
    "notes",
    "remarks",
    "namapejabatpenilai",
    "appraisername",
    "namaatasanpejabatpenilai",
    "reviewername",
    "pangkat",
    "golongan",
    "pangkatgolongan",
    "golonganruang",
    "eselon",
    "jeniskelamin",
    "tempatlahir",
    "tanggallahir",
    "pendidikan",
    "statuskepegawaian",
    "email",
    "rank",
    "grade",
    "gender",
    "dateofbirth",
    "education",
];

/// How many rows from the top may be a title above the header.
const TITLE_ROWS: usize = 20;

/// The header row: where each column is and how it is written.
pub(super) struct Header {
    pub line: usize,
    at: [Option<usize>; 10],
    names: Vec<String>,
    /// Cells with a header, known or ignored; values elsewhere are problems.
    named: Vec<bool>,
    pub complete: bool,
}

fn cell_text(c: &Cell) -> &str {
    match c {
        Cell::Text(s) | Cell::Number(s) | Cell::Error(s) => s.trim(),
        Cell::Empty => "",
    }
}

/// The header is the first row with a NIP column; rows above it are a
/// title. Without one, the first row is taken so its columns are reported.
pub(super) fn find(rows: &[Row]) -> usize {
    rows.iter()
        .take(TITLE_ROWS)
        .position(|r| {
            r.cells
                .iter()
                .any(|c| Col::of(&normalize(cell_text(c))) == Some(Col::Nip))
        })
        .unwrap_or(0)
}

impl Header {
    /// Reads the header row, reporting unknown, repeated and missing columns.
    pub fn read(row: &Row, p: &mut Problems<'_>) -> Self {
        let t = p.t;
        let mut h = Self {
            line: row.line,
            at: [None; 10],
            names: row.cells.iter().map(|c| cell_text(c).to_string()).collect(),
            named: vec![false; row.cells.len()],
            complete: true,
        };
        let labels: Vec<&str> = Col::ALL.iter().map(|c| c.label(t)).collect();
        let labels = labels.join(", ");
        for (i, name) in h.names.iter().enumerate() {
            let key = normalize(name);
            if key.is_empty() {
                continue;
            }
            h.named[i] = true;
            match Col::of(&key) {
                Some(c) => match h.at[c as usize] {
                    Some(first) => {
                        let (a, b) = (column_letter(first), column_letter(i));
                        let msg = fill(t.imp_duplicate_column, &[("a", &a), ("b", &b)]);
                        p.line(row.line, name, msg);
                    }
                    None => h.at[c as usize] = Some(i),
                },
                None if IGNORED.contains(&key.as_str()) => {}
                None => {
                    let hint = suggest(&key).map_or(String::new(), |c| {
                        fill(t.imp_did_you_mean, &[("name", c.label(t))])
                    });
                    let msg = fill(
                        t.imp_unknown_column,
                        &[("hint", &hint), ("columns", &labels)],
                    );
                    p.line(row.line, name, msg);
                }
            }
        }
        for c in Col::ALL {
            if c.required() && h.at[c as usize].is_none() {
                let msg = fill(t.imp_missing_column, &[("name", c.label(t))]);
                p.line(row.line, c.label(t), msg);
                h.complete = false;
            }
        }
        h
    }

    pub fn at(&self, c: Col) -> Option<usize> {
        self.at[c as usize]
    }

    /// The column's header as written in the file.
    pub fn name(&self, c: Col) -> &str {
        self.at(c).map_or("", |i| self.names[i].as_str())
    }

    /// Number of cells in the header row.
    pub fn width(&self) -> usize {
        self.names.len()
    }

    pub fn is_named(&self, i: usize) -> bool {
        self.named.get(i).copied().unwrap_or(false)
    }
}

/// The known column a misspelt header most likely means.
fn suggest(key: &str) -> Option<Col> {
    Col::ALL
        .into_iter()
        .flat_map(|c| c.aliases().iter().map(move |a| (distance(key, a), c)))
        .filter(|&(d, _)| d <= 2 && d * 3 <= key.chars().count())
        .min_by_key(|&(d, _)| d)
        .map(|(_, c)| c)
}

/// Levenshtein distance between two short strings.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let swap = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + swap).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typos_suggest_the_column_and_noise_does_not() {
        assert_eq!(suggest("jabtan"), Some(Col::Post));
        assert_eq!(suggest("nippenilia"), Some(Col::Appraiser));
        assert_eq!(suggest("tempalte"), Some(Col::Template));
        assert_eq!(suggest("golongan"), None);
        assert_eq!(suggest("x"), None);
        // No ignored header is one slip away from a column's name.
        for ignored in IGNORED {
            for c in Col::ALL {
                for a in c.aliases() {
                    assert!(distance(ignored, a) > 1, "{ignored} is close to {a}");
                }
            }
        }
    }
}
