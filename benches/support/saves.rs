//! One rating save four ways, interleaved so the machine's noise hits all
//! of them alike: through the store in-process (journal + fdatasync, then
//! sled), through the daemon's socket, sled alone (insert + flush, no
//! journal: sled's flush is `sync_file_range`, not an fsync), and a bare
//! 1 KiB append + fsync (the floor any durable save pays).

use kinerja::daemon::client::Client;
use kinerja::domain::{AssessmentKey, Edit, Nip};
use kinerja::store::{Exec, Request, Response};
use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

#[derive(Default)]
pub struct Saves {
    pub journal: Vec<Duration>,
    pub daemon: Vec<Duration>,
    pub sled_only: Vec<Duration>,
    pub fsync: Vec<Duration>,
}

/// A rating edit of `criterion`, alternating between two values.
fn rating(key: &AssessmentKey, criterion: &str, rev: u64, i: usize) -> Request {
    Request::Edit {
        key: key.clone(),
        expected_revision: rev,
        edit: Edit::SetRating {
            criterion: criterion.into(),
            rating: Some(if i.is_multiple_of(2) { 2 } else { 3 }),
        },
    }
}

fn save(store: &dyn Exec, actor: Option<&Nip>, req: Request) -> u64 {
    match store.exec(actor, req) {
        Ok(Response::Saved(a)) => a.revision,
        other => panic!("rating save failed: {other:?}"),
    }
}

/// `n` rounds of the four saves of one assessment.
#[allow(clippy::too_many_arguments)]
pub fn compare(
    local: &dyn Exec,
    me: &Nip,
    client: &Client,
    key: &AssessmentKey,
    criterion: &str,
    revs: (u64, u64),
    scratch: &Path,
    n: usize,
) -> Saves {
    let db = sled::open(scratch.join("sled-only")).expect("sled");
    let mut bare = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(scratch.join("bare-fsync.bin"))
        .expect("bare file");
    let block = [0x5a_u8; 1024];
    // About the size of an encoded assessment.
    let value = vec![0x33_u8; 1536];
    let (mut local_rev, mut daemon_rev) = revs;
    let mut s = Saves::default();
    for i in 0..n {
        let t = Instant::now();
        local_rev = save(local, Some(me), rating(key, criterion, local_rev, i));
        s.journal.push(t.elapsed());

        let t = Instant::now();
        // As the host's admin: a trusted account needs no PIN for that.
        daemon_rev = save(client, None, rating(key, criterion, daemon_rev, i));
        s.daemon.push(t.elapsed());

        let t = Instant::now();
        db.insert(key.employee.as_str(), value.as_slice())
            .expect("insert");
        db.flush().expect("flush");
        s.sled_only.push(t.elapsed());

        let t = Instant::now();
        bare.write_all(&block).expect("write");
        bare.sync_all().expect("fsync");
        s.fsync.push(t.elapsed());
    }
    s
}
