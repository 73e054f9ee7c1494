//! Paced rating saves from many clients at once, and the check that every
//! acknowledged save is in the store afterwards. The clients are anything
//! that executes requests: the daemon's `Client`s or the store itself.
//!
//! Each client keeps a schedule (the next deadline moves on by one period
//! whatever happened), so slow answers do not lower the offered load; a
//! save sent late is also timed from its deadline, which shows queueing.

use kinerja::domain::{Assessment, AssessmentKey, Edit};
use kinerja::store::{Exec, Request, Response};
use std::collections::{BTreeMap, BTreeSet};
use std::time::{Duration, Instant};

/// An assessment the clients rate, with the criteria they may rate.
#[derive(Clone)]
pub struct Target {
    pub key: AssessmentKey,
    /// Criterion id and its scale.
    pub criteria: Vec<(String, u8)>,
}

/// An acknowledged save: the revision it made and the rating it wrote.
struct Ack {
    target: usize,
    revision: u64,
    criterion: usize,
    value: u8,
}

/// What one run offered, what came back, and what the check found.
#[derive(Default, Clone)]
pub struct Outcome {
    /// From sending a save to its answer, for every answered save.
    pub service: Vec<Duration>,
    /// From a save's deadline to its answer (includes waiting to be sent).
    pub scheduled: Vec<Duration>,
    pub offered: usize,
    pub acked: usize,
    pub conflicts: usize,
    pub rejected: usize,
    pub errors: usize,
    pub first_problem: Option<String>,
    /// From the first deadline until the last client was done.
    pub elapsed: Duration,
    /// Acknowledged saves missing from the store afterwards.
    pub lost: usize,
    /// Commits nobody was told of (possible only after an error).
    pub unacked: usize,
}

impl Outcome {
    pub fn per_second(&self) -> f64 {
        self.acked as f64 / self.elapsed.as_secs_f64().max(1e-9)
    }
}

/// The stored assessment, if there is one (read as the system).
pub fn read(exec: &dyn Exec, key: &AssessmentKey) -> Option<Assessment> {
    let req = Request::Assessments {
        period: key.period.clone(),
        employees: Some(vec![key.employee.clone()]),
    };
    match exec.exec(None, req) {
        Ok(Response::Assessments { items, .. }) => items.into_iter().next(),
        other => panic!("reading {:?} failed: {other:?}", key.employee),
    }
}

/// What one client thread saw.
#[derive(Default)]
struct Seen {
    out: Outcome,
    acks: Vec<Ack>,
}

/// Client `c` rates `targets[assign[c]]` `rate` times a second until
/// `duration` has passed, then every target is read back through `check`
/// (call it after the clients are done; the daemon may be stopped first).
pub fn run(
    clients: &[&(dyn Exec + Sync)],
    targets: &[Target],
    assign: &[usize],
    rate: u32,
    duration: Duration,
) -> Run {
    assert_eq!(clients.len(), assign.len(), "one target per client");
    let initial: Vec<u64> = targets
        .iter()
        .map(|t| read(clients[0], &t.key).map_or(0, |a| a.revision))
        .collect();
    let period = Duration::from_secs(1) / rate;
    // A moment to spawn every thread before the first deadline.
    let t0 = Instant::now() + Duration::from_millis(200);
    let end = t0 + duration;
    let n = clients.len() as u32;
    let seen: Vec<Seen> = std::thread::scope(|s| {
        let threads: Vec<_> = clients
            .iter()
            .zip(assign)
            .enumerate()
            .map(|(c, (&exec, &t))| {
                let (target, rev) = (&targets[t], initial[t]);
                // Spread the clients over one period rather than in step.
                let first = t0 + period * c as u32 / n;
                s.spawn(move || client(exec, c, t, target, rev, (first, period, end)))
            })
            .collect();
        threads
            .into_iter()
            .map(|h| h.join().expect("client thread"))
            .collect()
    });
    let mut out = Outcome {
        elapsed: t0.elapsed(),
        ..Outcome::default()
    };
    let mut acks = Vec::new();
    for s in seen {
        out.service.extend(s.out.service);
        out.scheduled.extend(s.out.scheduled);
        out.offered += s.out.offered;
        out.acked += s.out.acked;
        out.conflicts += s.out.conflicts;
        out.rejected += s.out.rejected;
        out.errors += s.out.errors;
        out.first_problem = out.first_problem.or(s.out.first_problem);
        acks.extend(s.acks);
    }
    Run {
        out,
        acks,
        initial,
        targets: targets.to_vec(),
    }
}

/// One client's schedule: saves at `first`, `first + period`, ... until `end`.
fn client(
    exec: &dyn Exec,
    c: usize,
    t: usize,
    target: &Target,
    mut rev: u64,
    (first, period, end): (Instant, Duration, Instant),
) -> Seen {
    let mut seen = Seen::default();
    let out = &mut seen.out;
    let crits = target.criteria.len();
    let mut deadline = first;
    let mut k = 0;
    while deadline < end {
        if let Some(wait) = deadline.checked_duration_since(Instant::now()) {
            std::thread::sleep(wait);
        }
        // Each client walks the criteria from its own place; a criterion's
        // rating alternates between 1 and 2 on each pass, so each save
        // changes what it touches.
        let criterion = (c + k) % crits;
        let (id, scale) = &target.criteria[criterion];
        let value = (1 + ((c + k) / crits) % 2).min(usize::from(*scale)) as u8;
        let req = Request::Edit {
            key: target.key.clone(),
            expected_revision: rev,
            edit: Edit::SetRating {
                criterion: id.clone(),
                rating: Some(value),
            },
        };
        out.offered += 1;
        let sent = Instant::now();
        let answer = exec.exec(None, req);
        let done = Instant::now();
        if answer.is_ok() {
            out.service.push(done - sent);
            out.scheduled.push(done - deadline);
        }
        match answer {
            Ok(Response::Saved(a)) => {
                rev = a.revision;
                out.acked += 1;
                seen.acks.push(Ack {
                    target: t,
                    revision: a.revision,
                    criterion,
                    value,
                });
            }
            // Someone else saved first: nothing was written; go on from theirs.
            Ok(Response::Conflict(a)) => {
                rev = a.revision;
                out.conflicts += 1;
            }
            Ok(other) => {
                out.rejected += 1;
                out.first_problem
                    .get_or_insert_with(|| format!("{other:?}"));
            }
            Err(e) => {
                out.errors += 1;
                out.first_problem.get_or_insert(e);
                // Learn where the record is now, if the connection still works.
                let req = Request::Assessments {
                    period: target.key.period.clone(),
                    employees: Some(vec![target.key.employee.clone()]),
                };
                match exec.exec(None, req) {
                    Ok(Response::Assessments { items, .. }) => {
                        rev = items.first().map_or(0, |a| a.revision);
                    }
                    _ => break,
                }
            }
        }
        deadline += period;
        k += 1;
    }
    seen
}

/// A finished run, waiting for its check.
pub struct Run {
    pub out: Outcome,
    acks: Vec<Ack>,
    initial: Vec<u64>,
    targets: Vec<Target>,
}

impl Run {
    /// Reads every target back through `reader` and counts the acknowledged
    /// saves that are not there. Per assessment that is a lower bound, the
    /// largest of three signs: revisions missing (final < initial + acked),
    /// two saves acknowledged with the same revision (one overwrote the
    /// other), and criteria whose rating is not the one the newest
    /// acknowledged save wrote.
    pub fn check(mut self, reader: &dyn Exec) -> Outcome {
        for (t, target) in self.targets.iter().enumerate() {
            let mine: Vec<&Ack> = self.acks.iter().filter(|a| a.target == t).collect();
            let stored = read(reader, &target.key);
            let last = stored.as_ref().map_or(0, |a| a.revision);
            let expected = self.initial[t] + mine.len() as u64;
            let missing = expected.saturating_sub(last) as usize;
            self.out.unacked += last.saturating_sub(expected) as usize;
            let distinct: BTreeSet<u64> = mine.iter().map(|a| a.revision).collect();
            let doubled = mine.len() - distinct.len();
            let mut newest: BTreeMap<usize, &Ack> = BTreeMap::new();
            for a in &mine {
                let slot = newest.entry(a.criterion).or_insert(a);
                if a.revision > slot.revision {
                    *slot = a;
                }
            }
            let wrong = newest
                .values()
                .filter(|a| {
                    let id = &target.criteria[a.criterion].0;
                    let rating = stored
                        .as_ref()
                        .and_then(|s| s.entries.get(id))
                        .and_then(|e| e.rating);
                    rating != Some(a.value)
                })
                .count();
            self.out.lost += missing.max(doubled).max(wrong);
        }
        self.out
    }
}
