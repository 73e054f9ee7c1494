//! The daemon on a real Unix socket with real clients: concurrent edits,
//! one winner per revision, live announcements, identity from peer
//! credentials, and bad frames that close only their own connection.

mod common;
mod support;

use common::{AINI, KEPALA, RUDY, key, nip};
use kinerja::daemon::client::{Client, ClientError};
use kinerja::daemon::proto::{self, Changed, ClientMsg, PROTOCOL, ServerMsg};
use kinerja::domain::{Edit, Nip};
use kinerja::store::{Request, Response, journal};
use std::io::{Read, Write};
use std::os::unix::fs::PermissionsExt;
use std::os::unix::net::UnixStream;
use std::path::PathBuf;
use std::sync::{Arc, mpsc};
use std::time::Duration;
use support::daemon::Daemon;
use tempfile::TempDir;

/// The tiny office served by a daemon in this process.
struct Office {
    tmp: TempDir,
    daemon: Daemon,
}

impl Office {
    fn start(users: &[(&str, &str)]) -> Self {
        let tmp = TempDir::new().expect("tempdir");
        let data = tmp.path().join("data");
        let store = common::seeded(&data);
        let users: Vec<(&str, Nip)> = users.iter().map(|(u, n)| (*u, nip(n))).collect();
        let daemon = Daemon::start(&data, store, &users);
        Self { tmp, daemon }
    }

    /// A client with the appraiser (KEPALA) logged in.
    fn client(&self) -> Client {
        let c = self.daemon.client();
        common::login(&c, KEPALA);
        c
    }

    fn data(&self) -> PathBuf {
        self.tmp.path().join("data")
    }
}

#[test]
fn concurrent_clients_editing_different_assessments_all_land() {
    let d = Office::start(&[]);
    let criteria = ["rhk1", "rhk2", "pelayanan", "akuntabel"];
    let threads: Vec<_> = [AINI, RUDY]
        .into_iter()
        .map(|employee| {
            let c = d.client();
            std::thread::spawn(move || {
                let mut rev = 0;
                for (i, crit) in criteria.iter().enumerate() {
                    let Response::Saved(a) =
                        common::try_rate(&c, employee, rev, crit, 1 + (i as u8 % 3))
                    else {
                        panic!("saved");
                    };
                    rev = a.revision;
                }
            })
        })
        .collect();
    for t in threads {
        t.join().expect("client thread");
    }
    let all = common::all(&d.client());
    assert_eq!(all.len(), 2);
    for a in &all {
        assert_eq!(a.revision, 4, "{a:?}");
        assert!(criteria.iter().all(|c| a.rating(c).is_some()), "{a:?}");
    }
    let scan = journal::verify(&d.data().join(journal::FILE)).expect("journal");
    assert!(scan.broken.is_none());
    assert_eq!(
        scan.entries.len(),
        1 + 1 + 8,
        "the seed, the PIN and eight edits"
    );
}

#[test]
fn the_same_revision_has_one_winner_and_no_update_is_lost() {
    let d = Office::start(&[]);
    let criteria = ["rhk1", "rhk2", "pelayanan", "akuntabel"];
    let barrier = Arc::new(std::sync::Barrier::new(criteria.len()));
    let threads: Vec<_> = criteria
        .into_iter()
        .map(|crit| {
            let (c, barrier) = (d.client(), Arc::clone(&barrier));
            std::thread::spawn(move || {
                barrier.wait();
                // All start from revision 0; on a conflict, re-apply on
                // the current record, as the UI lets the user do.
                let (mut rev, mut conflicts) = (0, 0);
                loop {
                    match common::try_rate(&c, AINI, rev, crit, 2) {
                        Response::Saved(_) => return conflicts,
                        Response::Conflict(current) => {
                            conflicts += 1;
                            rev = current.revision;
                        }
                        other => panic!("{other:?}"),
                    }
                }
            })
        })
        .collect();
    let conflicts: Vec<u32> = threads
        .into_iter()
        .map(|t| t.join().expect("thread"))
        .collect();
    let first_try_wins = conflicts.iter().filter(|&&c| c == 0).count();
    assert_eq!(
        first_try_wins, 1,
        "exactly one write of revision 0 wins: {conflicts:?}"
    );
    let a = &common::all(&d.client())[0];
    assert_eq!(a.revision, 4);
    for crit in criteria {
        assert_eq!(a.rating(crit), Some(2), "{crit} was lost");
    }
}

#[test]
fn every_client_hears_of_a_change() {
    let d = Office::start(&[]);
    let (tx, rx) = mpsc::channel();
    let _watcher = d.daemon.listener(tx);
    let writer = d.client();
    common::rate(&writer, AINI, 0, "rhk1", 3);
    let got = rx
        .recv_timeout(Duration::from_secs(10))
        .expect("an announcement");
    assert_eq!(
        got,
        Changed::Assessment {
            key: key(AINI),
            revision: 1,
            by: Some(nip(KEPALA)),
        }
    );
    // Reads and refused writes announce nothing.
    common::all(&writer);
    common::try_rate(&writer, AINI, 0, "rhk1", 1);
    assert!(rx.recv_timeout(Duration::from_millis(300)).is_err());
}

/// A raw connection after the handshake, optionally asking for quiet.
fn shaken(d: &Office, quiet: bool) -> UnixStream {
    let mut s = UnixStream::connect(&d.daemon.socket).expect("connect");
    let hello = ClientMsg::Hello {
        protocol: PROTOCOL,
        version: "test".into(),
    };
    proto::write(&mut s, &hello).expect("hello");
    let welcome: ServerMsg = proto::read(&mut s).expect("welcome");
    assert!(matches!(welcome, ServerMsg::Welcome { .. }), "{welcome:?}");
    if quiet {
        proto::write(&mut s, &ClientMsg::Quiet).expect("quiet");
    }
    // A call answered on this connection: whatever came before it (the
    // quiet request) has been taken in.
    let call = ClientMsg::Call {
        id: 1,
        actor: None,
        request: Request::Logout,
    };
    proto::write(&mut s, &call).expect("call");
    let reply: ServerMsg = proto::read(&mut s).expect("reply");
    assert!(matches!(reply, ServerMsg::Reply { id: 1, .. }), "{reply:?}");
    s
}

#[test]
fn a_quiet_client_is_told_nothing_a_listening_one_everything() {
    let d = Office::start(&[]);
    let mut quiet = shaken(&d, true);
    let mut listening = shaken(&d, false);
    let writer = d.client();
    common::rate(&writer, AINI, 0, "rhk1", 3);
    listening
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    let heard: ServerMsg = proto::read(&mut listening).expect("announcement");
    assert!(matches!(heard, ServerMsg::Changed(_)), "{heard:?}");
    quiet
        .set_read_timeout(Some(Duration::from_millis(500)))
        .expect("timeout");
    let mut byte = [0u8; 1];
    let got = quiet.read(&mut byte);
    assert!(
        matches!(&got, Err(e) if e.kind() == std::io::ErrorKind::WouldBlock),
        "a quiet client got {got:?}"
    );
}

/// Sends raw bytes as a client would, after a proper hello when asked.
fn raw(d: &Office, hello: bool, bytes: &[u8]) -> Vec<u8> {
    let mut s = UnixStream::connect(&d.daemon.socket).expect("connect");
    if hello {
        let msg = ClientMsg::Hello {
            protocol: PROTOCOL,
            version: "test".into(),
        };
        proto::write(&mut s, &msg).expect("hello");
        let welcome: ServerMsg = proto::read(&mut s).expect("welcome");
        assert!(matches!(welcome, ServerMsg::Welcome { .. }), "{welcome:?}");
    }
    let _ = s.write_all(bytes);
    let _ = s.shutdown(std::net::Shutdown::Write);
    s.set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    let mut rest = Vec::new();
    let _ = s.read_to_end(&mut rest);
    rest
}

#[test]
fn bad_frames_close_only_their_own_connection() {
    let d = Office::start(&[]);
    let bystander = d.client();
    common::rate(&bystander, AINI, 0, "rhk1", 3);
    let mut oversized = (u32::MAX).to_le_bytes().to_vec();
    oversized.extend_from_slice(&[0; 64]);
    let cases: [(&str, bool, Vec<u8>); 5] = [
        (
            "garbage before hello",
            false,
            b"GET / HTTP/1.1\r\n\r\n".to_vec(),
        ),
        ("garbage after hello", true, vec![5, 0, 0, 0, 1, 2, 3, 4, 5]),
        ("oversized frame", true, oversized),
        ("truncated frame", true, vec![100, 0, 0, 0, b'K', b'J']),
        ("a second hello", true, {
            let mut b = Vec::new();
            let hello = ClientMsg::Hello {
                protocol: PROTOCOL,
                version: "x".into(),
            };
            proto::write(&mut b, &hello).expect("encode");
            b
        }),
    ];
    for (what, hello, bytes) in cases {
        // The daemon answers nothing and closes: reading ends.
        let answer = raw(&d, hello, &bytes);
        assert!(answer.is_empty(), "{what}: got {} bytes", answer.len());
        // The bystander and the store are unaffected.
        let rev = common::all(&bystander)[0].revision;
        assert!(
            matches!(
                common::try_rate(&bystander, AINI, rev, "rhk2", 2),
                Response::Saved(_)
            ),
            "{what}"
        );
    }
    // New clients are still welcome.
    assert_eq!(common::all(&d.client())[0].revision, 6);
}

#[test]
fn another_protocol_version_is_refused_with_a_reason() {
    let d = Office::start(&[]);
    let mut s = UnixStream::connect(&d.daemon.socket).expect("connect");
    let hello = ClientMsg::Hello {
        protocol: PROTOCOL + 1,
        version: "9.9.9".into(),
    };
    proto::write(&mut s, &hello).expect("hello");
    let ServerMsg::Refused { reason } = proto::read(&mut s).expect("answer") else {
        panic!("refused");
    };
    assert!(
        reason.contains("protocol") && reason.contains("9.9.9"),
        "{reason}"
    );
}

#[test]
fn a_client_that_stops_reading_is_dropped_and_holds_nobody_up() {
    let d = Office::start(&[]);
    // Says hello, then never reads its announcements.
    let mut stuck = UnixStream::connect(&d.daemon.socket).expect("connect");
    let hello = ClientMsg::Hello {
        protocol: PROTOCOL,
        version: "test".into(),
    };
    proto::write(&mut stuck, &hello).expect("hello");
    let writer = d.client();
    let mut rev = 0;
    for i in 0..3000u32 {
        let note = Edit::SetNote {
            criterion: "rhk1".into(),
            note: format!("catatan {i} {}", "x".repeat(200)),
        };
        let req = Request::Edit {
            key: key(AINI),
            expected_revision: rev,
            edit: note,
        };
        match writer.call(Some(&nip(KEPALA)), req).expect("call") {
            Response::Saved(a) => rev = a.revision,
            other => panic!("{other:?}"),
        }
    }
    assert_eq!(rev, 3000);
}

#[test]
fn a_mapped_account_acts_only_as_its_person() {
    let me = nix::unistd::User::from_uid(nix::unistd::geteuid())
        .expect("passwd")
        .expect("user")
        .name;
    let d = Office::start(&[(me.as_str(), KEPALA)]);
    let c = d.client();
    assert_eq!(c.identity.person, Some(nip(KEPALA)));
    assert_eq!(c.identity.unix_user, me);
    // No claim: acts as the mapped person.
    let req = Request::Edit {
        key: key(AINI),
        expected_revision: 0,
        edit: Edit::SetRating {
            criterion: "rhk1".into(),
            rating: Some(2),
        },
    };
    let Response::Saved(a) = c.call(None, req.clone()).expect("call") else {
        panic!("saved");
    };
    assert_eq!(a.updated_by, Some(nip(KEPALA)));
    // Claiming to be someone else is refused, and nothing is written.
    let err = c.call(Some(&nip(RUDY)), req).expect_err("refused");
    assert!(
        matches!(&err, ClientError::Failed(m) if m.contains("cannot act as")),
        "{err}"
    );
    assert_eq!(common::all(&c)[0].revision, 1);
}

/// Runs `kinerja export` as another Unix user (needs root, as on CI).
fn export_as(d: &Office, uid: u32) -> std::process::Output {
    use std::os::unix::process::CommandExt;
    std::process::Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .arg("--data-dir")
        .arg(d.data())
        .args(["--lang", "en", "export", "--format", "json"])
        .env("KINERJA_CONFIG_DIR", d.tmp.path().join("config"))
        .env("HOME", d.tmp.path())
        .uid(uid)
        .output()
        .expect("run kinerja")
}

#[test]
fn another_unix_user_is_known_by_peer_credentials() {
    if !nix::unistd::geteuid().is_root() {
        eprintln!("skipped: needs root to run a client as another user");
        return;
    }
    let nobody = nix::unistd::User::from_name("nobody")
        .expect("passwd")
        .expect("the nobody user");
    for (users, expect_ok) in [(vec![], false), (vec![("nobody", KEPALA)], true)] {
        let d = Office::start(&users);
        // Let `nobody` reach the socket, as the socket's group would.
        for p in [
            d.tmp.path().to_path_buf(),
            d.data(),
            d.daemon.socket.clone(),
        ] {
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o777)).expect("chmod");
        }
        let out = export_as(&d, nobody.uid.as_raw());
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.success(), expect_ok, "{stderr}");
        if !expect_ok {
            assert!(
                stderr.contains("nobody") && stderr.contains("[users]"),
                "the refusal names the Unix user: {stderr}"
            );
        }
    }
}

#[test]
fn a_claim_counts_only_after_the_right_pin_on_that_same_connection() {
    let d = Office::start(&[]);
    let logged_in = d.client();
    let other = d.daemon.client();
    let refused = |c: &Client, who: &str, req: Request| {
        let err = c.call(Some(&nip(who)), req).expect_err("refused");
        assert!(matches!(&err, ClientError::Failed(_)), "{err}");
        err.to_string()
    };
    let edit = |rev| Request::Edit {
        key: key(AINI),
        expected_revision: rev,
        edit: Edit::SetRating {
            criterion: "rhk1".into(),
            rating: Some(3),
        },
    };
    let why = refused(&other, KEPALA, edit(0));
    assert!(why.contains("log in"), "{why}");
    let wrong = Request::CheckPin {
        nip: nip(KEPALA),
        pin: "000001".into(),
    };
    other.call(None, wrong).expect("check");
    assert!(refused(&other, KEPALA, edit(0)).contains("log in"));
    // The connection that gave the PIN may act as that person, and only
    // as that person.
    assert!(matches!(
        logged_in.call(Some(&nip(KEPALA)), edit(0)).expect("edit"),
        Response::Saved(_)
    ));
    assert!(refused(&logged_in, AINI, edit(1)).contains("log in"));
    let cursor = Request::GetCursor { user: nip(AINI) };
    assert!(refused(&logged_in, KEPALA, cursor).contains("theirs"));
    let reset = Request::ResetPin { nip: nip(AINI) };
    assert!(refused(&logged_in, KEPALA, reset).contains("admin"));
}

#[test]
fn a_dropped_client_closes_its_connection() {
    let d = Office::start(&[]);
    let (tx, rx) = mpsc::channel();
    let listener = d.daemon.listener(tx);
    drop(listener);
    // Its reader thread ends (dropping its end of the channel) rather
    // than waiting on a connection nobody uses.
    assert_eq!(
        rx.recv_timeout(Duration::from_secs(10)),
        Err(mpsc::RecvTimeoutError::Disconnected)
    );
}

#[test]
fn a_client_hears_only_of_the_records_it_watches() {
    let d = Office::start(&[]);
    let (tx_a, rx_a) = mpsc::channel();
    let (tx_r, rx_r) = mpsc::channel();
    let aini = d.daemon.listener(tx_a);
    let rudy = d.daemon.listener(tx_r);
    for (c, who) in [(&aini, AINI), (&rudy, RUDY)] {
        let watch = Request::Watch {
            period: common::PERIOD.into(),
            employees: vec![nip(who)],
        };
        assert_eq!(c.call(None, watch).expect("watch"), Response::Done);
    }
    let writer = d.client();
    common::rate(&writer, AINI, 0, "rhk1", 3);
    let got = rx_a.recv_timeout(Duration::from_secs(10)).expect("heard");
    assert!(matches!(got, Changed::Assessment { key: ref k, .. } if k == &key(AINI)));
    assert!(
        rx_r.recv_timeout(Duration::from_millis(300)).is_err(),
        "another record's change is not told"
    );
    // A change of the active period concerns every screen.
    let period = Request::SetActivePeriod {
        period: common::PERIOD.into(),
    };
    assert_eq!(writer.call(None, period).expect("period"), Response::Done);
    for rx in [&rx_a, &rx_r] {
        let got = rx.recv_timeout(Duration::from_secs(10)).expect("heard");
        assert!(matches!(got, Changed::ActivePeriod(_)), "{got:?}");
    }
}
