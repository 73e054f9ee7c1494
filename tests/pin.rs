//! PINs in a real store: set once, checked with a lock after five wrong
//! tries (on an injected clock), reset by the admin, and never handed out
//! or written down in the clear.

mod common;

use common::{AINI, KEPALA, PIN, nip, seeded};
use kinerja::domain::pin::{Check, State};
use kinerja::store::{Request, Response, Store, journal};
use std::sync::atomic::{AtomicI64, Ordering};

static CLOCK: AtomicI64 = AtomicI64::new(common::NOW);

fn now() -> i64 {
    CLOCK.load(Ordering::SeqCst)
}

fn check(store: &Store, pin: &str) -> Check {
    let req = Request::CheckPin {
        nip: nip(AINI),
        pin: pin.into(),
    };
    match store.execute(None, req).expect("check") {
        Response::PinChecked(c) => c,
        other => panic!("{other:?}"),
    }
}

fn set(store: &Store, person: &str, pin: &str) -> Response {
    let req = Request::SetPin {
        nip: nip(person),
        pin: pin.into(),
    };
    store.execute(Some(&nip(person)), req).expect("set")
}

#[test]
fn a_pin_is_set_once_checked_and_locks_after_five_wrong_tries() {
    let dir = tempfile::tempdir().expect("tempdir");
    drop(seeded(dir.path()));
    let store = Store::open(dir.path()).expect("open").with_clock(now);
    assert_eq!(check(&store, PIN), Check::NotSet);
    for weak in ["12345", "111111", "123456", "abcdef"] {
        assert!(
            matches!(set(&store, AINI, weak), Response::Rejected(_)),
            "{weak}"
        );
    }
    assert_eq!(set(&store, AINI, PIN), Response::Done);
    // Set once: nobody can take over a person who has a PIN.
    assert!(matches!(set(&store, AINI, "209384"), Response::Rejected(m) if m.contains("already")));
    assert_eq!(check(&store, PIN), Check::Ok);
    for remaining in (1..5).rev() {
        assert_eq!(check(&store, "000001"), Check::Wrong { remaining });
    }
    let locked = Check::Locked {
        until: common::NOW + 300,
    };
    assert_eq!(check(&store, "000001"), locked);
    // Even the right PIN waits for the lock to pass.
    assert_eq!(check(&store, PIN), locked);
    let status = store
        .execute(None, Request::PinStatus { nip: nip(AINI) })
        .expect("status");
    assert_eq!(
        status,
        Response::Pin(State {
            set: true,
            locked_until: Some(common::NOW + 300)
        })
    );
    CLOCK.store(common::NOW + 301, Ordering::SeqCst);
    assert_eq!(check(&store, PIN), Check::Ok);
    // A right PIN resets the count.
    assert_eq!(check(&store, "000001"), Check::Wrong { remaining: 4 });

    // The admin resets a forgotten PIN; its owner sets a new one.
    let reset = Request::ResetPin { nip: nip(AINI) };
    assert_eq!(store.execute(None, reset).expect("reset"), Response::Done);
    assert_eq!(check(&store, PIN), Check::NotSet);
    assert_eq!(set(&store, AINI, "209384"), Response::Done);
    assert_eq!(check(&store, "209384"), Check::Ok);
    assert!(matches!(
        set(&store, "196001011990011001", PIN),
        Response::Rejected(_)
    ));
}

#[test]
fn pins_survive_a_rebuild_and_are_never_kept_or_shown_in_the_clear() {
    let dir = tempfile::tempdir().expect("tempdir");
    let store = seeded(dir.path());
    assert_eq!(set(&store, KEPALA, PIN), Response::Done);
    let Response::Snapshot(snap) = store.execute(None, Request::Snapshot).expect("snapshot") else {
        panic!("snapshot");
    };
    let shown = format!("{snap:?}");
    assert!(!shown.contains("argon2"), "no hash goes to clients");
    drop(store);
    let bytes = std::fs::read(dir.path().join(journal::FILE)).expect("journal");
    let has = |s: &str| bytes.windows(s.len()).any(|w| w == s.as_bytes());
    assert!(has("$argon2id$"), "the journal keeps the hash");
    assert!(!has(PIN), "never the PIN");
    // Replayed from the journal, the PIN still works.
    let old = kinerja::store::doctor::rebuild(dir.path(), common::NOW).expect("rebuild");
    std::fs::remove_dir_all(old).expect("rm");
    let store = Store::open(dir.path()).expect("open");
    let req = Request::CheckPin {
        nip: nip(KEPALA),
        pin: PIN.into(),
    };
    assert_eq!(
        store.execute(None, req).expect("check"),
        Response::PinChecked(Check::Ok)
    );
}
