use super::*;
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
