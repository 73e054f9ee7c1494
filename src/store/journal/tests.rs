use super::*;
use crate::domain::Nip;
use proptest::prelude::*;
use sha2::{Digest, Sha256};

const GOLDEN_V2: &str = "4b4a08020007abababababababababababababababababababababababababababababababab0112313939303033313532303139303332303037fc0072abd20201000d4b4a07010007323032362d5332";
const GOLDEN_V2_HASH: &str = "84a99c69d9f5b12f34fe482084f9008b1c33a34b0bf4a54f93ca8ceb39c8a452";

proptest! {
    /// Whatever a damaged disk returns, reading the journal reports
    /// it instead of panicking.
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let s = scan(&bytes);
        prop_assert!(s.broken.is_some() || bytes.is_empty());
    }
}

#[test]
fn an_empty_journal_is_clean() {
    let s = scan(&[]);
    assert!(s.entries.is_empty() && s.broken.is_none() && s.end == 0);
}

fn unhex(s: &str) -> Vec<u8> {
    (0..s.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&s[i..i + 2], 16).expect("hex"))
        .collect()
}

fn hex(b: &[u8]) -> String {
    use std::fmt::Write;
    b.iter().fold(String::new(), |mut s, x| {
        let _ = write!(s, "{x:02x}");
        s
    })
}

fn sample() -> Entry {
    Entry {
        seq: 7,
        prev: [0xab; 32],
        actor: Some(Nip::parse("199003152019032007").expect("nip")),
        time: 1_767_225_600,
        change: Change::ActivePeriod("2026-S2".into()),
    }
}

/// Journals written before purging existed (layout 1) stay readable, and
/// their chain hash is the SHA-256 of the whole payload.
#[test]
fn journal_entry_layout_1_still_reads() {
    let golden = unhex(concat!(
        "4b4a08010007abababababababababababababababababababababababababab",
        "abababababab0112313939303033313532303139303332303037fc0072abd202",
        "07323032362d5332",
    ));
    let (entry, hash) = entry::decode(&golden).expect("decode");
    assert_eq!(entry, sample());
    assert_eq!(hash, <[u8; 32]>::from(Sha256::digest(&golden)));
}

/// A journal written today must stay readable and keep its hashes: its
/// layout and its chain hash are pinned.
#[test]
fn journal_entry_layout_2_is_golden() {
    let golden = unhex(GOLDEN_V2);
    let (bytes, hash) = entry::encode(&sample()).expect("encode");
    assert_eq!(
        hex(&bytes),
        hex(&golden),
        "layout changed: bump the version and migrate"
    );
    assert_eq!(hex(&hash), GOLDEN_V2_HASH, "the chain hash changed");
    assert_eq!(entry::decode(&bytes).expect("decode"), (sample(), hash));
}

/// A self-assessment edit: its sealed part and its chain hash are pinned
/// (the hash was checked against an independent Python computation).
#[test]
fn journal_self_edit_layout_is_golden() {
    let key = crate::domain::AssessmentKey {
        period: "2026-S1".into(),
        employee: Nip::parse("199003152019032007").expect("nip"),
    };
    let mut after = crate::domain::SelfAssessment::new(key.clone());
    after.sent = Some(1_767_225_600);
    after.revision = 1;
    let e = Entry {
        change: Change::SelfEdit {
            key,
            edit: crate::domain::Edit::Step(crate::domain::workflow::Transition::Submit),
            before: None,
            after: Box::new(after),
        },
        ..sample()
    };
    let (bytes, hash) = entry::encode(&e).expect("encode");
    assert_eq!(hex(&bytes), GOLDEN_SELF_EDIT, "layout changed");
    assert_eq!(hex(&hash), GOLDEN_SELF_EDIT_HASH, "the chain hash changed");
    assert_eq!(entry::decode(&bytes).expect("decode"), (e, hash));
}

const GOLDEN_SELF_EDIT: &str = "4b4a08020007abababababababababababababababababababababababababababababababab0112313939303033313532303139303332303037fc0072abd2050100474b4a13010007323032362d53311231393930303331353230313930333230303706000007323032362d5331123139393030333135323031393033323030370001fc0072abd20100";
const GOLDEN_SELF_EDIT_HASH: &str =
    "f5da76cf7cc137f66b79a3c9ba331bbe459e21a3573c6bdf8dc701f8048b5473";

fn feedback_key() -> crate::domain::AssessmentKey {
    crate::domain::AssessmentKey {
        period: "2026-S1".into(),
        employee: Nip::parse("199003152019032007").expect("nip"),
    }
}

/// A feedback note and its withdrawal: sealed parts and chain hashes are
/// pinned (both hashes were checked against an independent Python
/// computation of the v2 rule: SHA-256 over the header fields and each
/// part's SHA-256).
#[test]
fn journal_feedback_layouts_are_golden() {
    let note = crate::domain::Feedback {
        id: 7,
        key: feedback_key(),
        author: Nip::parse("198507122010011003").expect("nip"),
        tone: crate::domain::Tone::Negative,
        criterion: Some("akh".into()),
        text: "Terlambat rapat".into(),
        at: 1_767_225_600,
    };
    let added = Entry {
        change: Change::Feedback(Box::new(note)),
        ..sample()
    };
    let withdrawn = Entry {
        seq: 8,
        change: Change::FeedbackRetracted {
            key: feedback_key(),
            id: 7,
        },
        ..sample()
    };
    for (e, golden, golden_hash) in [
        (added, GOLDEN_FEEDBACK, GOLDEN_FEEDBACK_HASH),
        (withdrawn, GOLDEN_RETRACT, GOLDEN_RETRACT_HASH),
    ] {
        let (bytes, hash) = entry::encode(&e).expect("encode");
        assert_eq!(hex(&bytes), golden, "layout changed");
        assert_eq!(hex(&hash), golden_hash, "the chain hash changed");
        assert_eq!(entry::decode(&bytes).expect("decode"), (e, hash));
    }
}

const GOLDEN_FEEDBACK: &str = "4b4a08020007abababababababababababababababababababababababababababababababab0112313939303033313532303139303332303037fc0072abd20601004f4b4a1401000707323032362d53311231393930303331353230313930333230303712313938353037313232303130303131303033010103616b680f5465726c616d626174207261706174fc0072abd2";
const GOLDEN_FEEDBACK_HASH: &str =
    "c7ee26a1f5569301cfcc65138fd4b3da73c173146806e3039392d374ecb1e881";
const GOLDEN_RETRACT: &str = "4b4a08020008abababababababababababababababababababababababababababababababab0112313939303033313532303139303332303037fc0072abd2070100214b4a15010007323032362d53311231393930303331353230313930333230303707";
const GOLDEN_RETRACT_HASH: &str =
    "cfa172bea41fec6cd8406192d71a7f5f253206ed2f345933844eb26d72dd0704";

/// A unit's Capaian Kinerja Organisasi: its sealed part and chain hash
/// are pinned (checked against the same independent Python computation).
#[test]
fn journal_unit_result_layout_is_golden() {
    let e = Entry {
        change: Change::UnitResult(Box::new(crate::domain::org_result::UnitResult {
            period: "2026-S1".into(),
            unit: "bkpsdm".into(),
            result: crate::domain::org_result::OrgResult::Baik,
            by: None,
            at: 1_767_225_600,
        })),
        ..sample()
    };
    let (bytes, hash) = entry::encode(&e).expect("encode");
    assert_eq!(hex(&bytes), GOLDEN_UNIT_RESULT, "layout changed");
    assert_eq!(
        hex(&hash),
        GOLDEN_UNIT_RESULT_HASH,
        "the chain hash changed"
    );
    assert_eq!(entry::decode(&bytes).expect("decode"), (e, hash));
}

const GOLDEN_UNIT_RESULT: &str = "4b4a08020007abababababababababababababababababababababababababababababababab0112313939303033313532303139303332303037fc0072abd20801001b4b4a16010007323032362d533106626b7073646d0100fc0072abd2";
const GOLDEN_UNIT_RESULT_HASH: &str =
    "e5a272565ebf16a6ba85c11dd57e298d0f5a894c4dd701faba99e6395bf42dc2";
