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
