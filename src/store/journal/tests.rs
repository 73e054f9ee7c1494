use super::*;
use crate::domain::Nip;
use proptest::prelude::*;

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

/// A journal written today must stay readable: its layout is pinned.
#[test]
fn journal_entry_layout_is_golden() {
    let entry = Entry {
        seq: 7,
        prev: [0xab; 32],
        actor: Some(Nip::parse("199003152019032007").expect("nip")),
        time: 1_767_225_600,
        change: Change::ActivePeriod("2026-S2".into()),
    };
    let golden = concat!(
        "4b4a08010007abababababababababababababababababababababababababab",
        "abababababab0112313939303033313532303139303332303037fc0072abd202",
        "07323032362d5332",
    );
    let golden: Vec<u8> = (0..golden.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&golden[i..i + 2], 16).expect("hex"))
        .collect();
    let bytes = codec::encode(&entry).expect("encode");
    assert_eq!(
        bytes, golden,
        "layout changed: bump the version and migrate"
    );
    assert_eq!(codec::decode::<Entry>(&bytes).expect("decode"), entry);
}
