//! A generated organisation of any size, for benchmarks and load tests
//! (`kinerja demo --employees 10000`): Kota Ambon-like offices, fictional
//! people, valid unique NIPs, the shipped reference data and periods.

use super::history::{Rng, generate};
use super::{Demo, reference, shipped_org};
use crate::domain::org::{Role, Unit};
use crate::domain::{Nip, Org, Person};
use std::collections::HashSet;

mod names;
use names::{BIDANG, MEN, OFFICES, PUSKESMAS, SURNAMES, WOMEN};

/// What kind of work an office's staff do, which picks their template.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    School,
    Health,
    Personnel,
    Informatics,
    General,
}

fn kind_of(office: usize) -> Kind {
    match office {
        1 => Kind::School,
        2 => Kind::Health,
        3 => Kind::Personnel,
        4 => Kind::Informatics,
        _ => Kind::General,
    }
}

fn sub_unit_name(kind: Kind, j: usize) -> String {
    match kind {
        Kind::School if j % 3 == 2 => format!("SMP Negeri {} Ambon", j / 3 + 1),
        Kind::School => format!("SD Negeri {} Ambon", j - j / 3 + 1),
        Kind::Health => match PUSKESMAS.get(j) {
            Some(n) => format!("Puskesmas {n}"),
            None => format!("Puskesmas Pembantu {}", j - PUSKESMAS.len() + 1),
        },
        _ => match BIDANG.get(j) {
            Some(n) => (*n).to_string(),
            None => format!("Seksi {}", j - BIDANG.len() + 1),
        },
    }
}

fn staff_post(kind: Kind, rng: &mut Rng) -> (&'static str, &'static str) {
    let specialist = rng.chance(0.8);
    match kind {
        Kind::School if specialist => ("Guru Kelas Ahli Pertama", "guru"),
        Kind::Health if specialist => ("Perawat Ahli Pertama", "nakes-puskesmas"),
        Kind::Personnel if specialist => ("Analis SDM Aparatur Ahli Pertama", "analis-sdm"),
        Kind::Informatics if specialist => ("Pranata Komputer Ahli Pertama", "pranata-komputer"),
        _ => ("Pengadministrasi Umum", "pelaksana-administrasi"),
    }
}

/// Makes people with fictional names and unique, valid NIPs.
struct People {
    rng: Rng,
    nips: HashSet<String>,
}

impl People {
    fn name(&mut self, female: bool) -> String {
        let given = if female {
            self.rng.pick(&WOMEN)
        } else {
            self.rng.pick(&MEN)
        };
        let surname = self.rng.pick(&SURNAMES);
        if female && self.rng.chance(0.08) {
            let other = self.rng.pick(&SURNAMES);
            format!("{given} {surname}-{other}")
        } else {
            format!("{given} {surname}")
        }
    }

    fn nip(&mut self, female: bool, senior: bool) -> Nip {
        loop {
            let r = &mut self.rng;
            let year = if senior {
                r.range(1966, 1980)
            } else {
                r.range(1975, 2000)
            };
            let tmt = (year + r.range(23, 32)).min(2025);
            let s = format!(
                "{year:04}{:02}{:02}{tmt:04}{:02}{}{:03}",
                r.range(1, 12),
                r.range(1, 28),
                *r.pick(&[1, 2, 3, 4, 12]),
                if female { 2 } else { 1 },
                r.range(1, 999)
            );
            if self.nips.insert(s.clone())
                && let Ok(n) = Nip::parse(&s)
            {
                return n;
            }
        }
    }

    fn person(
        &mut self,
        unit: &str,
        post: &str,
        template: &str,
        appraiser: Option<&Nip>,
        reviewer: Option<&Nip>,
        roles: Vec<Role>,
    ) -> Person {
        let female = self.rng.chance(0.55);
        let senior = !roles.is_empty();
        Person {
            nip: self.nip(female, senior),
            name: self.name(female),
            unit: unit.to_string(),
            post: post.to_string(),
            template: template.to_string(),
            appraiser: appraiser.cloned(),
            reviewer: reviewer.cloned(),
            roles,
        }
    }
}

/// Splits `total` into shares proportional to `weights`, summing to `total`.
fn shares(total: usize, weights: &[u32]) -> Vec<usize> {
    let sum: usize = weights.iter().map(|&w| w as usize).sum::<usize>().max(1);
    let mut v: Vec<usize> = weights.iter().map(|&w| total * w as usize / sum).collect();
    let mut rest = total - v.iter().sum::<usize>();
    let (mut i, len) = (0, v.len());
    while rest > 0 {
        v[i % len] += 1;
        rest -= 1;
        i += 1;
    }
    v
}

/// A synthetic organisation of exactly `employees` people (about 30 offices
/// with sub-units, one appraiser per about 20 staff, office heads as
/// reviewers) with the demo's periods and a history generated from `seed`.
pub fn synthetic(employees: usize, seed: u64) -> Demo {
    let reference = reference().expect("the shipped reference data is valid (tested)");
    let (shipped, active_period) =
        shipped_org(&reference).expect("the shipped demo roster is valid (tested)");
    let mut people = People {
        rng: Rng::new(seed),
        nips: HashSet::with_capacity(employees),
    };
    let mut org = Org {
        units: Vec::new(),
        people: Vec::with_capacity(employees),
        periods: shipped.periods,
    };
    let offices = (employees / 40).clamp(1, OFFICES.len());
    let weights: Vec<u32> = OFFICES[..offices].iter().map(|o| o.1).collect();
    let mut sekda: Option<Nip> = None;
    for (o, quota) in shares(employees, &weights).into_iter().enumerate() {
        if quota == 0 {
            continue;
        }
        let office_id = format!("opd-{o:02}");
        org.units.push(Unit {
            id: office_id.clone(),
            name: OFFICES[o].0.to_string(),
            parent: None,
        });
        let head_roles = vec![Role::Appraiser, Role::Reviewer];
        let post = if o == 0 {
            "Sekretaris Daerah".to_string()
        } else {
            format!("Kepala {}", OFFICES[o].0.trim_end_matches(" Kota Ambon"))
        };
        let head = people.person(
            &office_id,
            &post,
            "pimpinan",
            sekda.as_ref(),
            None,
            head_roles,
        );
        let head_nip = head.nip.clone();
        org.people.push(head);
        if o == 0 {
            sekda = Some(head_nip.clone());
        }
        let kind = kind_of(o);
        // Large offices get a middle layer so no one appraises more than ~20.
        let rest = quota - 1;
        let mids = if rest > 420 { rest.div_ceil(421) } else { 0 };
        let mut mid_nips = Vec::with_capacity(mids);
        for k in 0..mids {
            let post = match kind {
                Kind::School => format!("Kepala Bidang Pembinaan Sekolah Wilayah {}", k + 1),
                _ => format!("Kepala Bidang Wilayah {}", k + 1),
            };
            let upper = sekda.as_ref().filter(|s| **s != head_nip);
            let roles = vec![Role::Appraiser, Role::Reviewer];
            let mid = people.person(&office_id, &post, "pimpinan", Some(&head_nip), upper, roles);
            mid_nips.push(mid.nip.clone());
            org.people.push(mid);
        }
        let rest = rest - mids;
        let groups = rest.div_ceil(21);
        for (j, size) in shares(rest, &vec![1; groups]).into_iter().enumerate() {
            let unit_id = format!("{office_id}-{j:02}");
            let unit_name = sub_unit_name(kind, j);
            let chief_post = format!("Kepala {unit_name}");
            org.units.push(Unit {
                id: unit_id.clone(),
                name: unit_name,
                parent: Some(office_id.clone()),
            });
            let (boss, upper) = match mid_nips.get(j % mids.max(1)) {
                Some(mid) => (mid, Some(&head_nip)),
                None => (&head_nip, sekda.as_ref().filter(|s| **s != head_nip)),
            };
            let chief = people.person(
                &unit_id,
                &chief_post,
                "pimpinan",
                Some(boss),
                upper,
                vec![Role::Appraiser],
            );
            let chief_nip = chief.nip.clone();
            org.people.push(chief);
            for _ in 1..size {
                let (post, template) = staff_post(kind, &mut people.rng);
                let p = people.person(
                    &unit_id,
                    post,
                    template,
                    Some(&chief_nip),
                    Some(boss),
                    vec![],
                );
                org.people.push(p);
            }
        }
    }
    // The pengelola kinerja: the first staff member of BKPSDM, else anyone.
    let admin = org
        .people
        .iter()
        .position(|p| p.unit.starts_with("opd-03-") && p.roles.is_empty())
        .or_else(|| org.people.len().checked_sub(1));
    if let Some(i) = admin {
        org.people[i].roles.push(Role::Admin);
    }
    let assessments = generate(&org, &reference, &active_period, seed);
    Demo {
        org,
        reference,
        assessments,
        active_period,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shares_add_up() {
        assert_eq!(shares(10, &[1, 1, 1]), vec![4, 3, 3]);
        assert_eq!(shares(0, &[3, 1]), vec![0, 0]);
        assert_eq!(shares(7, &[30]).iter().sum::<usize>(), 7);
    }

    #[test]
    fn small_sizes_are_exact_and_valid() {
        for n in [0, 1, 2, 21, 22, 100] {
            let d = synthetic(n, 9);
            assert_eq!(d.org.people.len(), n);
            super::super::check_org(&d.org, &d.reference).expect("valid");
        }
    }
}
