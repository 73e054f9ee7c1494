//! A plausible, deterministic assessment history for the demo and for
//! benchmarks: built with `Assessment::apply` so every domain rule holds.

use crate::domain::assessment::{AspectDecision, AspectValue, Edit};
use crate::domain::summary::{is_extreme, summarize};
use crate::domain::template::{Aspect, Expectation, ScaledCriterion, expectation_of};
use crate::domain::workflow::{self, Frozen, Transition};
use crate::domain::{Assessment, AssessmentKey, Nip, Org, Period, Person, Reference, Status};

/// SplitMix64: small, fast and the same on every platform.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (((self.next_u64() >> 32) * n as u64) >> 32) as usize
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: u32, hi: u32) -> u32 {
        lo + self.below((hi - lo + 1) as usize) as u32
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }
}

/// FNV-1a, to give each person a stable tendency across periods.
fn hash(s: &str, seed: u64) -> u64 {
    s.bytes().fold(0xcbf2_9ce4_8422_2325 ^ seed, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A tendency in about −1..1 (0 = typical), stable for a given key.
fn tendency(key: &str, seed: u64, spread: f64) -> f64 {
    let mut r = Rng::new(hash(key, seed));
    (r.unit() + r.unit() + r.unit() - 1.5) * spread
}

/// A rating drawn around "meets expectations", shifted by `a`.
fn draw(rng: &mut Rng, scale: u8, a: f64) -> u8 {
    let weights: Vec<f64> = if scale == 3 {
        vec![0.08 - 0.20 * a, 0.74 - 0.25 * a.abs(), 0.18 + 0.36 * a]
    } else {
        let mid = usize::from(scale.div_ceil(2));
        (1..=usize::from(scale))
            .map(|l| match l.cmp(&mid) {
                std::cmp::Ordering::Equal => 0.56 - 0.2 * a.abs(),
                std::cmp::Ordering::Less if l == 1 => 0.015 - 0.025 * a,
                std::cmp::Ordering::Less => 0.10 - 0.10 * a,
                std::cmp::Ordering::Greater if l == usize::from(scale) => 0.06 + 0.10 * a,
                std::cmp::Ordering::Greater => 0.24 + 0.26 * a,
            })
            .collect()
    };
    let weights: Vec<f64> = weights.into_iter().map(|w| w.max(0.005)).collect();
    let mut u = rng.unit() * weights.iter().sum::<f64>();
    for (i, w) in weights.iter().enumerate() {
        if u < *w {
            return i as u8 + 1;
        }
        u -= w;
    }
    scale
}

const HIGH_HASIL: [&str; 3] = [
    "Realisasi melampaui target ({target}); bukti dukung lengkap dan terverifikasi.",
    "Capaian di atas target ({target}); cara kerjanya kini dipakai rekan satu unit.",
    "Target ({target}) terlampaui lebih awal dari jadwal dan diapresiasi pimpinan.",
];
const LOW_HASIL: [&str; 3] = [
    "Realisasi belum mencapai target ({target}); disepakati rencana perbaikan dengan pendampingan atasan.",
    "Capaian di bawah target ({target}) dan bukti dukung belum lengkap; dipantau setiap bulan.",
    "Pekerjaan sering tertunda sehingga target ({target}) tidak tercapai; dibahas dalam dialog kinerja.",
];
const HIGH_PERILAKU: [&str; 3] = [
    "Perilaku {name} menjadi teladan di unit; beberapa kali diapresiasi pengguna layanan dan rekan.",
    "Konsisten di atas ekspektasi pada nilai {name}; diminta berbagi praktik baik dalam rapat unit.",
    "Perilaku {name} sangat menonjol selama periode ini, tercatat dalam catatan atasan.",
];
const LOW_PERILAKU: [&str; 3] = [
    "Perilaku {name} perlu perbaikan serius; sudah diberi teguran lisan dan disepakati rencana perbaikan.",
    "Tercatat beberapa kejadian yang tidak sejalan dengan nilai {name}; perlu pembinaan.",
    "Belum menunjukkan perilaku {name} sesuai panduan; dijadwalkan coaching dengan atasan langsung.",
];
const MIDDLE: [&str; 4] = [
    "Sesuai ekspektasi; pertahankan.",
    "Stabil sepanjang periode, bukti dukung memadai.",
    "Sudah sesuai; dapat ditingkatkan dengan lebih proaktif.",
    "Memenuhi harapan atasan.",
];

fn note(rng: &mut Rng, c: &ScaledCriterion<'_>, rating: u8) -> String {
    let high = rating == c.scale;
    let pool = match (&c.criterion.hasil, high) {
        (Some(_), true) => &HIGH_HASIL,
        (Some(_), false) => &LOW_HASIL,
        (None, true) => &HIGH_PERILAKU,
        (None, false) => &LOW_PERILAKU,
    };
    let target = c.criterion.hasil.as_ref().map_or("", |h| h.target.as_str());
    rng.pick(pool)
        .replace("{target}", target)
        .replace("{name}", &c.criterion.name)
}

fn realisasi(c: &ScaledCriterion<'_>, rating: u8) -> Option<String> {
    let h = c.criterion.hasil.as_ref()?;
    Some(match expectation_of(rating, c.scale) {
        Expectation::DiBawah => format!("Sebagian tercapai; target: {}", h.target),
        Expectation::Sesuai => format!("Tercapai sesuai target: {}", h.target),
        Expectation::DiAtas => format!("Melampaui target: {}", h.target),
    })
}

/// What happens to one assessment in one period.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Fate {
    Untouched,
    /// Rated up to this many criteria, still a draft.
    Partial(usize),
    Draft,
    Complete,
}

/// Unix seconds for a date `days` after (or before, if negative) an ISO date,
/// at a working hour in Ambon (WIT, UTC+9).
fn stamp(date: &str, days: i64, minute_of_day: u32) -> i64 {
    let f = time::macros::format_description!("[year]-[month]-[day]");
    let d = time::Date::parse(date, &f).unwrap_or(time::macros::date!(2026 - 01 - 01));
    let t = time::Time::from_hms((minute_of_day / 60) as u8, (minute_of_day % 60) as u8, 0)
        .unwrap_or(time::Time::MIDNIGHT);
    (time::PrimitiveDateTime::new(d, t) + time::Duration::days(days))
        .assume_offset(time::macros::offset!(+9))
        .unix_timestamp()
}

/// Builds one assessment by applying edits as the appraiser would.
#[allow(clippy::too_many_arguments)] // one generator step: each input is its own thing
fn build(
    person: &Person,
    appraiser: &Nip,
    period: &Period,
    reference: &Reference,
    fate: Fate,
    review: Option<&Nip>,
    rng: &mut Rng,
    seed: u64,
) -> Option<Assessment> {
    if fate == Fate::Untouched {
        return None;
    }
    let scheme = reference.scheme(&period.scheme)?;
    let criteria = reference.criteria_of(person);
    let scale_of = |id: &str| {
        criteria
            .iter()
            .find(|c| c.criterion.id == id)
            .map(|c| c.scale)
    };
    let key = AssessmentKey {
        period: period.id.clone(),
        employee: person.nip.clone(),
    };
    let mut a = Assessment::new(key, appraiser.clone());
    let mut edits = 0u64;
    let mut apply = |a: &mut Assessment, e: Edit| {
        if a.apply(&e, appraiser, 0, scale_of).is_ok() {
            edits += 1;
        }
    };
    let ability = tendency(person.nip.as_str(), seed, 1.0)
        + tendency(appraiser.as_str(), seed ^ 1, 0.5)
        + (rng.unit() - 0.5) * 0.3;
    let rated = match fate {
        Fate::Partial(n) => n.min(criteria.len()),
        _ => criteria.len(),
    };
    let finishing = fate == Fate::Complete;
    for c in &criteria[..rated] {
        let r = draw(rng, c.scale, ability);
        let id = c.criterion.id.clone();
        apply(
            &mut a,
            Edit::SetRating {
                criterion: id.clone(),
                rating: Some(r),
            },
        );
        let text = if is_extreme(r, c.scale) {
            // A draft may still lack a note; completion needs one.
            (finishing || rng.chance(0.7)).then(|| note(rng, c, r))
        } else {
            rng.chance(0.12).then(|| rng.pick(&MIDDLE).to_string())
        };
        if let Some(note) = text {
            apply(
                &mut a,
                Edit::SetNote {
                    criterion: id.clone(),
                    note,
                },
            );
        }
        if let Some(text) = realisasi(c, r).filter(|_| finishing || rng.chance(0.5)) {
            apply(
                &mut a,
                Edit::SetRealisasi {
                    criterion: id,
                    text,
                },
            );
        }
    }
    if finishing {
        let s = summarize(&criteria, &a, scheme, &reference.catalogue);
        let decisions = [
            (Aspect::HasilKerja, s.hasil_suggested.clone()),
            (Aspect::PerilakuKerja, s.perilaku_suggested.clone()),
        ];
        for (aspect, suggested) in decisions {
            let Some(value) = suggested else { continue };
            let (value, reason) = match value {
                // Now and then the appraiser raises a Sesuai result, with a reason.
                AspectValue::Expectation(Expectation::Sesuai)
                    if aspect == Aspect::HasilKerja && rng.chance(0.04) =>
                {
                    (
                        AspectValue::Expectation(Expectation::DiAtas),
                        "RHK utama tercapai penuh dan ada capaian tambahan yang diakui unit; \
                         dinaikkan menjadi Di Atas Ekspektasi."
                            .to_string(),
                    )
                }
                v => (v, String::new()),
            };
            apply(
                &mut a,
                Edit::Decide {
                    aspect,
                    decision: Some(AspectDecision { value, reason }),
                },
            );
        }
        let s = summarize(&criteria, &a, scheme, &reference.catalogue);
        if s.can_complete() {
            apply(&mut a, Edit::Step(Transition::Submit));
        }
    }
    a.revision = edits;
    a.updated_by = Some(appraiser.clone());
    let minute = rng.range(8 * 60, 15 * 60 + 30);
    a.updated_at = if matches!(fate, Fate::Complete | Fate::Draft) && rated == criteria.len() {
        stamp(&period.end, -i64::from(rng.range(1, 20)), minute)
    } else {
        stamp(&period.start, i64::from(rng.range(7, 40)), minute)
    };
    if let Some(r) = a.flow.submitted.as_mut() {
        r.at = a.updated_at;
    }
    // Past periods went through review (`review` names the reviewer):
    // approved (frozen) three days after submission and accepted a day
    // later.
    if let (Some(reviewer), Status::Submitted) = (review, a.status) {
        let approved = a.updated_at + 3 * 86_400;
        if workflow::step(&mut a, &Transition::Approve, reviewer, approved).is_ok() {
            a.frozen = Some(Box::new(Frozen::capture(person, &criteria)));
            let acknowledged = approved + 86_400;
            let _ = workflow::step(&mut a, &Transition::Acknowledge, &person.nip, acknowledged);
            a.revision += 2;
            a.updated_by = Some(person.nip.clone());
            a.updated_at = acknowledged;
        }
    }
    Some(a)
}

/// The history of every appraised person: periods before the active one
/// complete (a few drafts left in the latest of them), the active one begun
/// (some partial drafts, one or two complete), later periods untouched.
pub fn generate(org: &Org, reference: &Reference, active: &str, seed: u64) -> Vec<Assessment> {
    let mut rng = Rng::new(seed);
    let appraised: Vec<(&Person, &Nip)> = org
        .people
        .iter()
        .filter_map(|p| p.appraiser.as_ref().map(|a| (p, a)))
        .collect();
    let n = appraised.len();
    let Some(active_at) = org.periods.iter().position(|p| p.id == active) else {
        return Vec::new();
    };
    let mut out = Vec::with_capacity(n * (active_at + 1));
    for (pi, period) in org.periods.iter().enumerate() {
        let mut fates = vec![Fate::Untouched; n];
        if pi < active_at {
            fates.fill(Fate::Complete);
            if pi + 1 == active_at {
                let mut order: Vec<usize> = (0..n).collect();
                rng.shuffle(&mut order);
                for &i in order.iter().take((n / 30).max(2)) {
                    fates[i] = Fate::Draft;
                }
            }
        } else if pi == active_at {
            let mut order: Vec<usize> = (0..n).collect();
            rng.shuffle(&mut order);
            let complete = (n / 40).max(1).min(n);
            let partial = (n / 8).max(3);
            for (k, &i) in order.iter().take(complete + partial).enumerate() {
                fates[i] = if k < complete {
                    Fate::Complete
                } else {
                    Fate::Partial(rng.range(2, 9) as usize)
                };
            }
        }
        for (i, &(person, appraiser)) in appraised.iter().enumerate() {
            let fate = fates[i];
            let review = (pi < active_at).then(|| org.reviewer_of(person)).flatten();
            if let Some(a) = build(
                person, appraiser, period, reference, fate, review, &mut rng, seed,
            ) {
                out.push(a);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_rng_is_stable_and_in_range() {
        let mut a = Rng::new(7);
        let mut b = Rng::new(7);
        for _ in 0..100 {
            let (x, y) = (a.below(10), b.below(10));
            assert_eq!(x, y);
            assert!(x < 10);
            assert!((0.0..1.0).contains(&a.unit()));
            b.unit();
        }
    }

    #[test]
    fn ratings_are_mostly_in_the_middle() {
        let mut r = Rng::new(3);
        let mut counts = [0usize; 6];
        for _ in 0..10_000 {
            counts[usize::from(draw(&mut r, 5, 0.0))] += 1;
        }
        assert!(counts[3] > 5_000, "{counts:?}");
        assert!(counts[1] > 0 && counts[5] > 0, "{counts:?}");
    }

    #[test]
    fn stamps_are_in_wit() {
        // 2026-07-01 09:00 WIT = 00:00 UTC.
        assert_eq!(stamp("2026-07-01", 0, 9 * 60), 1_782_864_000);
    }
}
