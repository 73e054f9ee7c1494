//! `kinerja import roster`: one row per employee — NIP, name, unit (declared
//! by the rows: id, name, parent), post, template, appraiser, reviewer,
//! roles — checked with the same rules as the shipped roster, every problem
//! listed. Nothing here writes: the result is a roster or the problems.

mod cells;
mod columns;
mod rules;

use super::located;
use super::table::{self, Row, Table};
use crate::domain::{Person, Reference, Unit};
use crate::i18n::{Lang, Strings, fill};
use crate::source::SourceError;
use cells::Value;
use columns::{Col, Header};
use std::collections::HashMap;

/// A roster that passed every check: what replaces the store's units and people.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Roster {
    pub units: Vec<Unit>,
    pub people: Vec<Person>,
}

/// Reads and checks a roster file; `Err` lists every problem, sorted by
/// line, each displayed as `file:line: field: message` in `lang`.
pub fn parse(
    file: &str,
    bytes: &[u8],
    reference: &Reference,
    lang: Lang,
) -> Result<Roster, Vec<SourceError>> {
    parse_with_progress(file, bytes, reference, lang, &mut |_, _| {})
}

/// [`parse`], calling `progress(rows done, rows)` as it goes.
pub fn parse_with_progress(
    file: &str,
    bytes: &[u8],
    reference: &Reference,
    lang: Lang,
    progress: &mut dyn FnMut(usize, usize),
) -> Result<Roster, Vec<SourceError>> {
    let t = lang.strings();
    let table = table::read(file, bytes, t).map_err(|e| vec![e])?;
    let mut p = Problems {
        file,
        t,
        list: Vec::new(),
    };
    let roster = read(&table, reference, &mut p, progress);
    match roster {
        Some(r) if p.list.is_empty() => Ok(r),
        _ => {
            p.list.sort_by_key(|f| (f.line, f.column));
            Err(p.list.into_iter().map(|f| f.error).collect())
        }
    }
}

/// One problem, with where it sorts and which cell it is about.
struct Found {
    line: usize,
    /// Column index for sorting; row-level problems come first.
    column: usize,
    col: Option<Col>,
    error: SourceError,
}

/// The problems found so far, worded in the UI language.
pub(super) struct Problems<'a> {
    file: &'a str,
    t: &'static Strings,
    list: Vec<Found>,
}

impl Problems<'_> {
    /// A problem with a whole line, or a header cell.
    fn line(&mut self, line: usize, field: &str, message: String) {
        self.list.push(Found {
            line,
            column: 0,
            col: None,
            error: located(self.file, line, field, message),
        });
    }

    /// A problem with one cell, named by its header as written.
    fn cell(&mut self, line: usize, h: &Header, col: Col, message: String) {
        self.list.push(Found {
            line,
            column: h.at(col).map_or(0, |i| i + 1),
            col: Some(col),
            error: located(self.file, line, h.name(col), message),
        });
    }

    /// The cells that have a problem.
    fn cells(&self) -> std::collections::HashSet<(usize, Col)> {
        self.list
            .iter()
            .filter_map(|f| Some((f.line, f.col?)))
            .collect()
    }
}

/// A unit as the rows declare it, with the lines its name and parent come from.
struct Decl {
    first: usize,
    name: Option<(String, usize)>,
    parent: Option<(String, usize)>,
}

/// What the rows say, before the cross-row rules.
#[derive(Default)]
struct Parsed {
    units: Vec<(String, Decl)>,
    unit_index: HashMap<String, usize>,
    people: Vec<Person>,
    /// The line of each person.
    lines: Vec<usize>,
}

fn read(
    table: &Table,
    reference: &Reference,
    p: &mut Problems<'_>,
    progress: &mut dyn FnMut(usize, usize),
) -> Option<Roster> {
    let t = p.t;
    if table.rows.is_empty() {
        let labels: Vec<&str> = Col::ALL.iter().map(|c| c.label(t)).collect();
        let msg = fill(t.imp_empty_file, &[("columns", &labels.join(", "))]);
        p.line(1, t.imp_f_header, msg);
        return None;
    }
    let at = columns::find(&table.rows);
    let header = Header::read(&table.rows[at], p);
    let body = &table.rows[at + 1..];
    if body.is_empty() {
        p.line(header.line, t.imp_f_header, t.imp_header_only.into());
    }
    if !header.complete {
        return None;
    }
    let mut parsed = Parsed::default();
    for (i, row) in body.iter().enumerate() {
        if i % 256 == 0 {
            progress(i, body.len());
        }
        parsed.row(row, &header, table.delimiter, p);
    }
    progress(body.len(), body.len());
    let units = parsed.units(&header, p);
    let people = std::mem::take(&mut parsed.people);
    let org = crate::domain::Org {
        units,
        people,
        periods: Vec::new(),
    };
    rules::check(&org, reference, &parsed, &header, p);
    Some(Roster {
        units: org.units,
        people: org.people,
    })
}

impl Parsed {
    fn row(&mut self, row: &Row, h: &Header, delimiter: Option<char>, p: &mut Problems<'_>) {
        let t = p.t;
        let line = row.line;
        // A CSV row longer than the header has shifted values (a comma in
        // an unquoted name): checking them would only confuse.
        if let Some(sep) = delimiter.filter(|_| row.cells.len() > h.width()) {
            let (n, m) = (row.cells.len().to_string(), h.width().to_string());
            let sep = sep.to_string();
            let args = [("n", n.as_str()), ("m", &m), ("sep", &sep)];
            p.line(line, t.imp_f_row, fill(t.imp_too_many_cells, &args));
            return;
        }
        let stray = row
            .cells
            .iter()
            .enumerate()
            .find(|(i, c)| !h.is_named(*i) && !Value::of(c).is_blank());
        if let Some((i, _)) = stray {
            let col = fill(t.imp_f_column, &[("col", &super::column_letter(i))]);
            p.line(line, &col, t.imp_no_header.into());
        }
        let blank = |c: Col| {
            h.at(c)
                .and_then(|i| row.cells.get(i))
                .is_none_or(|c| Value::of(c).is_blank())
        };
        let unit_only = [
            Col::Nip,
            Col::Name,
            Col::Post,
            Col::Template,
            Col::Appraiser,
            Col::Reviewer,
            Col::Roles,
        ]
        .into_iter()
        .all(blank);
        let mut cells = cells::RowCells { row, h, p };
        let unit = cells.text(Col::Unit, true);
        let unit_name = cells.text(Col::UnitName, false);
        let parent = cells.text(Col::Parent, false);
        if let Some(unit) = unit.as_deref().filter(|u| !u.is_empty()) {
            self.declare(unit, unit_name, parent, line, h, cells.p);
        }
        if unit_only {
            return;
        }
        let nip = cells.nip(Col::Nip, true);
        let name = cells.text(Col::Name, true);
        let post = cells.text(Col::Post, true);
        let template = cells.text(Col::Template, true);
        let appraiser = cells.nip(Col::Appraiser, false);
        let reviewer = cells.nip(Col::Reviewer, false);
        let roles = cells.roles();
        if let Some(nip) = nip {
            self.people.push(Person {
                nip,
                name: name.unwrap_or_default(),
                unit: unit.unwrap_or_default(),
                post: post.unwrap_or_default(),
                template: template.unwrap_or_default(),
                appraiser,
                reviewer,
                roles,
            });
            self.lines.push(line);
        }
    }

    /// Records what this row says about its unit; a different name or
    /// parent than an earlier row is a problem naming both lines.
    fn declare(
        &mut self,
        unit: &str,
        name: Option<String>,
        parent: Option<String>,
        line: usize,
        h: &Header,
        p: &mut Problems<'_>,
    ) {
        let t = p.t;
        let i = *self.unit_index.entry(unit.to_string()).or_insert_with(|| {
            self.units.push((
                unit.to_string(),
                Decl {
                    first: line,
                    name: None,
                    parent: None,
                },
            ));
            self.units.len() - 1
        });
        let decl = &mut self.units[i].1;
        for (col, value, slot, conflict) in [
            (
                Col::UnitName,
                name,
                &mut decl.name,
                t.imp_unit_name_conflict,
            ),
            (
                Col::Parent,
                parent,
                &mut decl.parent,
                t.imp_unit_parent_conflict,
            ),
        ] {
            let Some(value) = value.filter(|v| !v.is_empty()) else {
                continue;
            };
            match slot {
                Some((other, at)) if *other != value => {
                    let at = at.to_string();
                    let args = [
                        ("unit", unit),
                        ("this", &value),
                        ("other", other),
                        ("line", &at),
                    ];
                    p.cell(line, h, col, fill(conflict, &args));
                }
                Some(_) => {}
                None => *slot = Some((value, line)),
            }
        }
    }

    /// The declared units; one that no row names is a problem.
    fn units(&self, h: &Header, p: &mut Problems<'_>) -> Vec<Unit> {
        let t = p.t;
        self.units
            .iter()
            .map(|(id, d)| {
                if d.name.is_none() {
                    let col = Col::UnitName.label(t);
                    let msg = fill(t.imp_unit_no_name, &[("unit", id), ("column", col)]);
                    p.cell(d.first, h, Col::UnitName, msg);
                }
                Unit {
                    id: id.clone(),
                    name: d.name.as_ref().map(|n| n.0.clone()).unwrap_or_default(),
                    parent: d.parent.as_ref().map(|n| n.0.clone()),
                }
            })
            .collect()
    }
}
