//! Golden bytes: a change to any stored layout must fail here first, and
//! then needs a new version plus a migration, not a new hex literal.

use super::legacy::{AssessmentV1, AssessmentV2};
use super::*;
use crate::domain::assessment::{AspectDecision, Entry};
use crate::domain::assessment::{AspectValue, Curation, SummaryItem};
use crate::domain::scheme::{Band, Grade, LevelPoints, Matrix, MatrixCell, Numeric};
use crate::domain::template::{HasilInfo, RhkKind};
use crate::domain::training::{Catalogue, Programme, TrainingLevel};
use crate::domain::workflow::{Flow, Frozen, FrozenCriterion, Remark};
use crate::domain::{Aspect, Criterion, Expectation, Scheme, Template};
use crate::domain::{AssessmentKey, Nip, Status};
use crate::store::{CursorScreen, Draft, TextTarget};
use proptest::prelude::*;
use std::collections::BTreeMap;

fn nip(s: &str) -> Nip {
    Nip::parse(s).expect("valid NIP")
}

fn hex(s: &str) -> Vec<u8> {
    let digits: Vec<u8> = s.bytes().filter(|b| !b.is_ascii_whitespace()).collect();
    digits
        .chunks(2)
        .map(|p| u8::from_str_radix(std::str::from_utf8(p).expect("ascii"), 16).expect("hex"))
        .collect()
}

fn to_hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

fn assert_golden<T: Record + PartialEq + std::fmt::Debug>(value: &T, golden: &str) {
    let bytes = encode(value).expect("encode");
    assert_eq!(
        to_hex(&bytes),
        to_hex(&hex(golden)),
        "layout changed: bump the version and migrate"
    );
    assert_eq!(&decode::<T>(&bytes).expect("decode"), value);
}

fn key() -> AssessmentKey {
    AssessmentKey {
        period: "2026-S1".into(),
        employee: nip("199003152019032007"),
    }
}

fn entry(rating: Option<u8>, note: &str, realisasi: &str) -> Entry {
    Entry {
        rating,
        note: note.into(),
        realisasi: realisasi.into(),
    }
}

fn sample_assessment() -> Assessment {
    let mut entries = BTreeMap::new();
    entries.insert("rhk1".into(), entry(Some(3), "tepat waktu", "12 laporan"));
    entries.insert("pelayanan".into(), entry(None, "", ""));
    Assessment {
        key: key(),
        appraiser: nip("197805122005011003"),
        status: Status::Approved,
        entries,
        hasil: Some(AspectDecision {
            value: AspectValue::Expectation(Expectation::DiAtas),
            reason: String::new(),
        }),
        perilaku: Some(AspectDecision {
            value: AspectValue::Score(87.5),
            reason: "rapat".into(),
        }),
        curation: Some(Curation {
            strengths: vec![SummaryItem::Criterion("rhk1".into())],
            improvements: vec![SummaryItem::Free("Excel".into())],
        }),
        revision: 7,
        updated_by: Some(nip("197805122005011003")),
        updated_at: 1_767_225_600,
        flow: Flow {
            submitted: Some(Remark {
                by: nip("197805122005011003"),
                at: 1_767_000_000,
                text: String::new(),
            }),
            approved: Some(Remark {
                by: nip("196807151990031002"),
                at: 1_767_225_600,
                text: String::new(),
            }),
            ..Flow::default()
        },
        frozen: Some(Box::new(Frozen {
            person: sample_person(),
            criteria: vec![FrozenCriterion {
                criterion: Criterion {
                    id: "rhk1".into(),
                    aspect: Aspect::HasilKerja,
                    name: "Laporan".into(),
                    description: String::new(),
                    guidance: Vec::new(),
                    levels: vec!["a".into(), "b".into(), "c".into()],
                    hasil: None,
                },
                scale: 3,
            }],
        })),
    }
}

fn sample_v1() -> AssessmentV1 {
    let a = sample_assessment();
    AssessmentV1 {
        key: a.key,
        appraiser: a.appraiser,
        status: Status::Draft,
        entries: a.entries,
        hasil: a.hasil,
        perilaku: None,
        revision: 3,
    }
}

fn sample_person() -> Person {
    Person {
        nip: nip("199003152019032007"),
        name: "Nurul 'Aini".into(),
        unit: "bkpsdm".into(),
        post: "Analis SDM Aparatur".into(),
        template: "analis-sdm".into(),
        appraiser: Some(nip("197805122005011003")),
        reviewer: None,
        roles: vec![crate::domain::Role::Appraiser],
    }
}

fn sample_unit() -> Unit {
    Unit {
        id: "bkpsdm".into(),
        name: "BKPSDM Kota Ambon".into(),
        parent: None,
    }
}

fn sample_period() -> Period {
    Period {
        id: "2026-S1".into(),
        name: "Semester I 2026".into(),
        start: "2026-01-01".into(),
        end: "2026-06-30".into(),
        scheme: "permenpan-6-2022".into(),
    }
}

fn sample_reference() -> Reference {
    Reference {
        schemes: vec![Scheme {
            id: "s".into(),
            name: "S".into(),
            description: String::new(),
            grades: vec![Grade {
                id: "baik".into(),
                label: "Baik".into(),
                counts_as_baik: true,
            }],
            matrix: Some(Matrix {
                cells: vec![MatrixCell {
                    hasil: Expectation::Sesuai,
                    perilaku: Expectation::DiBawah,
                    predikat: "baik".into(),
                }],
            }),
            numeric: Some(Numeric {
                skp_weight: 0.6,
                perilaku_weight: 0.4,
                points: vec![LevelPoints {
                    scale: 3,
                    points: vec![50.0, 75.0, 100.0],
                }],
                bands: vec![Band {
                    min: 0.0,
                    grade: "baik".into(),
                }],
            }),
        }],
        templates: vec![Template {
            id: "t".into(),
            name: "T".into(),
            scale: 3,
            criteria: vec![Criterion {
                id: "rhk1".into(),
                aspect: Aspect::HasilKerja,
                name: "Laporan".into(),
                description: "d".into(),
                guidance: vec!["g".into()],
                levels: vec!["a".into(), "b".into(), "c".into()],
                hasil: Some(HasilInfo {
                    kind: RhkKind::Utama,
                    iki: "i".into(),
                    aspek: "Kuantitas".into(),
                    target: "12".into(),
                }),
            }],
        }],
        catalogue: Catalogue {
            programmes: vec![Programme {
                id: "p".into(),
                name: "P".into(),
                jp: 20,
                level: TrainingLevel::Lanjutan,
                criteria: vec!["rhk1".into()],
            }],
        },
        behaviour_template: "berakhlak".into(),
    }
}

fn sample_cursor() -> Cursor {
    Cursor {
        period: "2026-S1".into(),
        employee: Some(nip("199003152019032007")),
        criterion: 4,
        screen: CursorScreen::Summary,
        draft: Some(Draft {
            target: TextTarget::OverrideReason {
                aspect: Aspect::PerilakuKerja,
                value: AspectValue::Expectation(Expectation::DiAtas),
            },
            text: "melampaui".into(),
        }),
    }
}

/// Cursor v1 (before drafts): 2026-S1, AINI, criterion 4, scoring.
const GOLDEN_CURSOR_V1: &str = "
    4b4a06010007323032362d533101123139393030333135323031393033323030
    370401
";

/// Assessment v1 as the first prototype wrote it (kind 1, version 1).
/// The same bytes are written raw by the integration tests.
const GOLDEN_ASSESSMENT_V1: &str = "
    4b4a01010007323032362d533112313939303033313532303139303332303037
    1231393738303531323230303530313130303300020970656c6179616e616e00
    00000472686b3101030b74657061742077616b74750a3132206c61706f72616e
    010002000003
";

/// Assessment v2, before the review workflow: `Complete` is now `Submitted`.
const GOLDEN_ASSESSMENT_V2: &str = "
            4b4a01020007323032362d533112313939303033313532303139303332303037
            1231393738303531323230303530313130303301020970656c6179616e616e00
            00000472686b3101030b74657061742077616b74750a3132206c61706f72616e
            0100020001010000000000e055400572617061740101000472686b3101010545
            7863656c070112313937383035313232303035303131303033fc0072abd2
";

#[test]
fn golden_v2_assessment_migrates_to_the_current_layout() {
    let a = sample_assessment();
    let v2 = AssessmentV2::from(&Assessment {
        status: Status::Submitted,
        ..a.clone()
    });
    let mut bytes = MAGIC.to_vec();
    bytes.push(Kind::Assessment as u8);
    bytes.extend_from_slice(&2u16.to_le_bytes());
    bytes.extend(bincode::serde::encode_to_vec(v2, config()).expect("encode v2"));
    assert_eq!(to_hex(&bytes), to_hex(&hex(GOLDEN_ASSESSMENT_V2)));
    let got: Assessment = decode(&hex(GOLDEN_ASSESSMENT_V2)).expect("v2 decodes");
    let expected = Assessment {
        status: Status::Submitted,
        flow: Flow::default(),
        frozen: None,
        ..a
    };
    assert_eq!(got, expected);
}

#[test]
fn assessment_layout_is_golden() {
    assert_golden(
        &sample_assessment(),
        "
            4b4a01030007323032362d533112313939303033313532303139303332303037
            1231393738303531323230303530313130303303020970656c6179616e616e00
            00000472686b3101030b74657061742077616b74750a3132206c61706f72616e
            0100020001010000000000e055400572617061740101000472686b3101010545
            7863656c070112313937383035313232303035303131303033fc0072abd20112
            313937383035313232303035303131303033fc808fa4d2000001123139363830
            37313531393930303331303032fc0072abd20000000000011231393930303331
            35323031393033323030370b4e7572756c202741696e6906626b7073646d1341
            6e616c69732053444d2041706172617475720a616e616c69732d73646d011231
            3937383035313232303035303131303033000101010472686b3100074c61706f
            72616e0000030161016201630003
        ",
    );
}

#[test]
fn person_layout_is_golden() {
    assert_golden(
        &sample_person(),
        "
            4b4a020100123139393030333135323031393033323030370b4e7572756c2027
            41696e6906626b7073646d13416e616c69732053444d2041706172617475720a
            616e616c69732d73646d01123139373830353132323030353031313030330001
            01
        ",
    );
}

#[test]
fn unit_layout_is_golden() {
    assert_golden(
        &sample_unit(),
        "4b4a03010006626b7073646d11424b5053444d204b6f746120416d626f6e00",
    );
}

#[test]
fn period_layout_is_golden() {
    assert_golden(
        &sample_period(),
        "
            4b4a04010007323032362d53310f53656d6573746572204920323032360a3230
            32362d30312d30310a323032362d30362d3330107065726d656e70616e2d362d
            32303232
        ",
    );
}

#[test]
fn reference_layout_is_golden() {
    assert_golden(
        &sample_reference(),
        "
            4b4a05010001017301530001046261696b044261696b0101010100046261696b
            01333333333333e33f9a9999999999d93f010303000000000000494000000000
            00c052400000000000005940010000000000000000046261696b010174015403
            010472686b3100074c61706f72616e0164010167030161016201630100016909
            4b75616e746974617302313201017001501401010472686b3109626572616b68
            6c616b
        ",
    );
}

#[test]
fn cursor_layout_is_golden() {
    assert_golden(
        &sample_cursor(),
        "
            4b4a06020007323032362d533101123139393030333135323031393033323030
            3704020104010002096d656c616d70617569
        ",
    );
}

#[test]
fn golden_v1_cursor_migrates_without_a_draft() {
    let got: Cursor = decode(&hex(GOLDEN_CURSOR_V1)).expect("v1 decodes");
    let expected = Cursor {
        screen: CursorScreen::Scoring,
        draft: None,
        ..sample_cursor()
    };
    assert_eq!(got, expected);
}

#[test]
fn meta_layout_is_golden() {
    assert_golden(&"2026-S1".to_string(), "4b4a07010007323032362d5331");
}

#[test]
fn golden_v1_assessment_migrates_to_the_current_layout() {
    let mut v1 = MAGIC.to_vec();
    v1.push(Kind::Assessment as u8);
    v1.extend_from_slice(&1u16.to_le_bytes());
    v1.extend(bincode::serde::encode_to_vec(sample_v1(), config()).expect("encode v1"));
    assert_eq!(to_hex(&v1), to_hex(&hex(GOLDEN_ASSESSMENT_V1)));

    let got: Assessment = decode(&hex(GOLDEN_ASSESSMENT_V1)).expect("v1 decodes");
    let expected = Assessment {
        status: Status::Draft,
        perilaku: None,
        curation: None,
        revision: 3,
        updated_by: None,
        updated_at: 0,
        flow: Flow::default(),
        frozen: None,
        ..sample_assessment()
    };
    assert_eq!(got, expected);
}

mod damage;
mod self_assessment;
