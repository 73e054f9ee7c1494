//! A tiny Kota Ambon office for store tests: one unit, three people, one
//! period, a 3-level Hasil Kerja template and a 5-level behaviour template.

#![allow(dead_code)]

use kinerja::domain::{
    Aspect, Assessment, AssessmentKey, Criterion, Edit, Nip, Org, Period, Person, Reference,
    Template, Unit,
};
use kinerja::store::{Exec, Request, Response, Store};
use std::path::Path;

pub const PERIOD: &str = "2026-S1";
pub const KEPALA: &str = "197805122005011003";
pub const AINI: &str = "199003152019032007";
pub const RUDY: &str = "198511202010012001";
/// The clock every test store runs on.
pub const NOW: i64 = 1_767_225_600;

/// An assessment in the first prototype's layout (version 1), the same
/// bytes as the codec's golden test: period 2026-S1, employee AINI,
/// appraiser KEPALA, rhk1 rated 3, revision 3.
pub const V1_ASSESSMENT_HEX: &str = "\
    4b4a01010007323032362d533112313939303033313532303139303332303037\
    1231393738303531323230303530313130303300020970656c6179616e616e00\
    00000472686b3101030b74657061742077616b74750a3132206c61706f72616e\
    010002000003";

pub fn hex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).expect("hex"))
        .collect()
}

pub fn nip(s: &str) -> Nip {
    Nip::parse(s).expect("valid NIP")
}

pub fn key(employee: &str) -> AssessmentKey {
    AssessmentKey {
        period: PERIOD.into(),
        employee: nip(employee),
    }
}

pub fn person(nip_text: &str, name: &str, appraiser: Option<&str>) -> Person {
    Person {
        nip: nip(nip_text),
        name: name.into(),
        unit: "bkpsdm".into(),
        post: "Analis SDM Aparatur".into(),
        template: "analis-sdm".into(),
        appraiser: appraiser.map(nip),
        reviewer: None,
        roles: Vec::new(),
    }
}

/// People deliberately not in NIP order: the store returns key order.
pub fn org() -> Org {
    Org {
        units: vec![Unit {
            id: "bkpsdm".into(),
            name: "BKPSDM Kota Ambon".into(),
            parent: None,
        }],
        people: vec![
            person(KEPALA, "Johanis Pattiasina", None),
            person(AINI, "Nurul 'Aini", Some(KEPALA)),
            person(RUDY, "Rudy Wattimena", Some(KEPALA)),
        ],
        periods: vec![Period {
            id: PERIOD.into(),
            name: "Semester I 2026".into(),
            start: "2026-01-01".into(),
            end: "2026-06-30".into(),
            scheme: kinerja::data::DEFAULT_SCHEME.into(),
        }],
    }
}

fn criterion(id: &str, aspect: Aspect, levels: usize) -> Criterion {
    Criterion {
        id: id.into(),
        aspect,
        name: id.into(),
        description: String::new(),
        guidance: Vec::new(),
        levels: (1..=levels).map(|l| format!("level {l}")).collect(),
        hasil: None,
    }
}

pub fn reference() -> Reference {
    Reference {
        // The shipped PermenPANRB 6/2022 scheme.
        schemes: kinerja::data::reference().expect("shipped data").schemes,
        templates: vec![
            Template {
                id: "analis-sdm".into(),
                name: "Analis SDM Aparatur".into(),
                scale: 3,
                criteria: vec![
                    criterion("rhk1", Aspect::HasilKerja, 3),
                    criterion("rhk2", Aspect::HasilKerja, 3),
                ],
            },
            Template {
                id: "berakhlak".into(),
                name: "BerAKHLAK".into(),
                scale: 5,
                criteria: vec![
                    criterion("pelayanan", Aspect::PerilakuKerja, 5),
                    criterion("akuntabel", Aspect::PerilakuKerja, 5),
                ],
            },
        ],
        catalogue: kinerja::domain::Catalogue::default(),
        behaviour_template: "berakhlak".into(),
    }
}

pub fn open(dir: &Path) -> Store {
    Store::open(dir).expect("open store").with_clock(|| NOW)
}

pub fn seed_request() -> Request {
    Request::Seed {
        org: org(),
        reference: reference(),
        assessments: Vec::new(),
        active_period: Some(PERIOD.into()),
    }
}

/// A store in `dir` holding the tiny office.
pub fn seeded(dir: &Path) -> Store {
    let store = open(dir);
    assert_eq!(
        store.execute(None, seed_request()).expect("seed"),
        Response::Done
    );
    store
}

/// Rates a criterion as the appraiser (KEPALA): the store's answer.
pub fn try_rate(
    store: &dyn Exec,
    employee: &str,
    rev: u64,
    criterion: &str,
    rating: u8,
) -> Response {
    let req = Request::Edit {
        key: key(employee),
        expected_revision: rev,
        edit: Edit::SetRating {
            criterion: criterion.into(),
            rating: Some(rating),
        },
    };
    store.exec(Some(&nip(KEPALA)), req).expect("edit")
}

/// Rates a criterion as the appraiser (KEPALA); the saved assessment.
pub fn rate(store: &dyn Exec, employee: &str, rev: u64, criterion: &str, rating: u8) -> Assessment {
    match try_rate(store, employee, rev, criterion, rating) {
        Response::Saved(a) => *a,
        other => panic!("expected Saved, got {other:?}"),
    }
}

/// Every assessment in the store, in key order.
pub fn all(store: &dyn Exec) -> Vec<Assessment> {
    match store.exec(None, Request::AllAssessments).expect("read") {
        Response::Assessments { mut items, .. } => {
            items.sort_by(|a, b| a.key.cmp(&b.key));
            items
        }
        other => panic!("expected assessments, got {other:?}"),
    }
}

/// The PIN every test person uses.
pub const PIN: &str = "480715";

/// Logs a person in on this connection with their PIN, setting it first
/// if they have none (a daemon only takes claims from logged-in people).
pub fn login(store: &dyn Exec, person: &str) {
    let nip = nip(person);
    let set = Request::SetPin {
        nip: nip.clone(),
        pin: PIN.into(),
    };
    match store.exec(None, set).expect("set PIN") {
        Response::Done | Response::Rejected(_) => {}
        other => panic!("{other:?}"),
    }
    let check = Request::CheckPin {
        nip,
        pin: PIN.into(),
    };
    assert_eq!(
        store.exec(None, check).expect("check PIN"),
        Response::PinChecked(kinerja::domain::pin::Check::Ok)
    );
}

/// AINI's assessment, rated in full by KEPALA and both results
/// confirmed, as the appraiser leaves it before submitting; its revision.
pub fn rated(store: &dyn Exec) -> u64 {
    use kinerja::domain::assessment::{AspectDecision, AspectValue};
    let mut rev = 0;
    for (c, r) in [("rhk1", 2), ("rhk2", 2), ("pelayanan", 3), ("akuntabel", 3)] {
        rev = rate(store, AINI, rev, c, r).revision;
    }
    for aspect in [Aspect::HasilKerja, Aspect::PerilakuKerja] {
        let decide = Request::Edit {
            key: key(AINI),
            expected_revision: rev,
            edit: Edit::Decide {
                aspect,
                decision: Some(AspectDecision {
                    value: AspectValue::Expectation(kinerja::domain::Expectation::Sesuai),
                    reason: String::new(),
                }),
            },
        };
        match store.exec(Some(&nip(KEPALA)), decide).expect("decide") {
            Response::Saved(a) => rev = a.revision,
            other => panic!("decide: {other:?}"),
        }
    }
    rev
}
