//! Damaged records: every header problem is named, and no bytes at all
//! (arbitrary, or a golden record with one byte changed) make decoding
//! panic.

use super::*;

#[test]
fn header_errors_are_named() {
    let good = encode(&sample_unit()).expect("encode");
    assert_eq!(decode::<Unit>(&good[..3]), Err(CodecError::Truncated(3)));

    let mut bad_magic = good.clone();
    bad_magic[0] = b'X';
    assert!(matches!(
        decode::<Unit>(&bad_magic),
        Err(CodecError::BadMagic(_))
    ));

    assert!(matches!(
        decode::<Period>(&good),
        Err(CodecError::WrongKind { .. })
    ));

    let mut future = good.clone();
    future[3..5].copy_from_slice(&9u16.to_le_bytes());
    let err = decode::<Unit>(&future).expect_err("future version");
    assert!(matches!(err, CodecError::UnknownVersion { version: 9, .. }));
    assert!(err.to_string().contains("newer Kinerja"), "{err}");

    let mut zero = good.clone();
    zero[3..5].copy_from_slice(&0u16.to_le_bytes());
    assert!(matches!(
        decode::<Unit>(&zero),
        Err(CodecError::UnknownVersion { version: 0, .. })
    ));

    let mut trailing = good;
    trailing.push(0);
    assert!(matches!(
        decode::<Unit>(&trailing),
        Err(CodecError::Payload { .. })
    ));
}

/// Every record type, fed the same bytes; only `Err` or `Ok` may come out.
fn decode_all(bytes: &[u8]) {
    let _ = decode::<Assessment>(bytes);
    let _ = decode::<Person>(bytes);
    let _ = decode::<Unit>(bytes);
    let _ = decode::<Period>(bytes);
    let _ = decode::<Reference>(bytes);
    let _ = decode::<Cursor>(bytes);
    let _ = decode::<String>(bytes);
}

proptest! {
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..256)) {
        decode_all(&bytes);
    }

    /// Past a valid header, so the payload decoder and migrations see the bytes.
    #[test]
    fn arbitrary_payloads_never_panic(
        kind in 1u8..=7,
        version in 0u16..=3,
        payload in proptest::collection::vec(any::<u8>(), 0..256),
    ) {
        let mut bytes = MAGIC.to_vec();
        bytes.push(kind);
        bytes.extend_from_slice(&version.to_le_bytes());
        bytes.extend(payload);
        decode_all(&bytes);
    }

    /// A golden record with one byte changed: close to valid, the hard case.
    #[test]
    fn mutated_records_never_panic(at in any::<prop::sample::Index>(), byte in any::<u8>()) {
        let mut bytes = encode(&sample_assessment()).expect("encode");
        let i = at.index(bytes.len());
        bytes[i] = byte;
        decode_all(&bytes);
    }
}
