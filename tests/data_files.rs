//! Every shipped data file parses and says what DOMAIN.md says; every broken
//! fixture in `tests/invalid_data/` fails with a message naming file, line and field.

use kinerja::data::{self, Demo};
use kinerja::domain::summary::summarize;
use kinerja::domain::template::{Aspect, Expectation, RhkKind};
use kinerja::domain::training::TrainingLevel;
use kinerja::domain::{Nip, Reference, Role, Status};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

fn demo() -> &'static Demo {
    static DEMO: OnceLock<Demo> = OnceLock::new();
    DEMO.get_or_init(|| data::demo().expect("the demo loads"))
}

fn reference() -> &'static Reference {
    &demo().reference
}

#[test]
fn every_shipped_file_parses_and_validates() {
    for (file, src) in data::SCHEMES {
        data::parse_scheme(file, src).expect(file);
    }
    for (file, src) in data::TEMPLATES {
        data::parse_template(file, src).expect(file);
    }
    let r = data::reference().expect("reference");
    assert_eq!(r.schemes.len(), 2);
    assert_eq!(r.templates.len(), 7);
    assert_eq!(r.behaviour_template, "berakhlak");
    assert_eq!(r.schemes[0].id, data::DEFAULT_SCHEME);
    assert!(data::demo().is_ok());
    let credit = data::credit_rules(&r).expect("angka kredit rules");
    let rules = data::distribution_rules(&r).expect("distribution rules");
    assert_eq!(rules.rules.len(), 5, "one per organisation result");
    assert_eq!(credit.jenjang.len(), 8);
}

#[test]
fn practice_cases_are_checked_against_their_templates() {
    let r = data::reference().expect("reference");
    let cases = data::practice_cases(&r).expect("the shipped cases");
    assert_eq!(cases.len(), 4);
    assert!(cases.iter().any(|c| c.template == "guru"));
    assert!(
        cases.iter().all(|c| c.name.contains("(fiktif)")),
        "fictional people only"
    );
    let (file, src) = data::PRACTICE[0];
    let line_of =
        |text: &str, needle: &str| text.lines().position(|l| l.contains(needle)).expect("line") + 1;
    for (bad, needle, why) in [
        (
            src.replacen(
                "criterion = \"adm-penataan-arsip\"",
                "criterion = \"adm-arsip\"",
                1,
            ),
            "\"adm-arsip\"",
            "is not rated in template",
        ),
        (
            src.replacen("rating = 4", "rating = 6", 1),
            "rating = 6",
            "outside the scale 1–5",
        ),
    ] {
        let e = data::parse_case(file, &bad, &r).expect_err(why);
        let msg = e.to_string();
        let line = line_of(&bad, needle);
        assert!(msg.starts_with(&format!("{file}:{line}: ")), "{msg}");
        assert!(msg.contains(why), "{msg}");
    }
    // A criterion rated twice is named (the one left out, loyal, is
    // checked by a fixture in tests/invalid_data).
    let cut = src.replacen("criterion = \"loyal\"", "criterion = \"kolaboratif\"", 1);
    let e = data::parse_case(file, &cut, &r).expect_err("kolaboratif twice");
    assert!(e.to_string().contains("reference rating already"), "{e}");
}

#[test]
fn distribution_rules_name_only_the_schemes_grades() {
    let r = data::reference().expect("reference");
    let (file, src) = data::DISTRIBUTION;
    let bad = src.replacen(
        "\"kurang_misconduct\", \"butuh_perbaikan\"",
        "\"kurang\", \"butuh_perbaikan\"",
        1,
    );
    assert_ne!(bad, src);
    let e = data::parse_distribution(file, &bad, &r).expect_err("kurang is PP 46/2011");
    let msg = e.to_string();
    // The `limits` line of the Sangat Kurang rule.
    let rule = bad
        .lines()
        .position(|l| l == "organisation = \"sangat_kurang\"")
        .expect("the rule");
    let line = rule + 2;
    assert!(
        bad.lines()
            .nth(line - 1)
            .is_some_and(|l| l.starts_with("limits"))
    );
    assert!(msg.starts_with(&format!("{file}:{line}: ")), "{msg}");
    assert!(msg.contains("unknown grade \"kurang\""), "{msg}");
    let typo = src.replacen("max_percent", "max_procent", 1);
    let e = data::parse_distribution(file, &typo, &r).expect_err("a misspelled field");
    assert!(e.to_string().contains("max_procent"), "{e}");
}

#[test]
fn angka_kredit_rules_name_only_the_schemes_grades() {
    let r = data::reference().expect("reference");
    let scheme = r.scheme(data::DEFAULT_SCHEME).expect("scheme");
    let (file, src) = data::CREDIT_RULES;
    let bad = src.replace("grade = \"baik\"", "grade = \"cukup\"");
    let e = data::parse_credit_rules(file, &bad, scheme).expect_err("cukup is PP 46/2011");
    let msg = e.to_string();
    let line = bad
        .lines()
        .position(|l| l.contains("\"cukup\""))
        .expect("line")
        + 1;
    assert!(msg.starts_with(&format!("{file}:{line}: ")), "{msg}");
    assert!(msg.contains("unknown grade \"cukup\""), "{msg}");
}

const BERAKHLAK: [(&str, &str, &str, [&str; 3]); 7] = [
    (
        "berorientasi-pelayanan",
        "Berorientasi Pelayanan",
        "Komitmen memberikan pelayanan prima demi kepuasan masyarakat",
        [
            "Memahami dan memenuhi kebutuhan masyarakat",
            "Ramah, cekatan, solutif, dan dapat diandalkan",
            "Melakukan perbaikan tiada henti",
        ],
    ),
    (
        "akuntabel",
        "Akuntabel",
        "Bertanggung jawab atas kepercayaan yang diberikan",
        [
            "Melaksanakan tugas dengan jujur, bertanggung jawab, cermat, disiplin dan berintegritas tinggi",
            "Menggunakan kekayaan dan barang milik negara secara bertanggung jawab, efektif, dan efisien",
            "Tidak menyalahgunakan kewenangan jabatan",
        ],
    ),
    (
        "kompeten",
        "Kompeten",
        "Terus belajar dan mengembangkan kapabilitas",
        [
            "Meningkatkan kompetensi diri untuk menjawab tantangan yang selalu berubah",
            "Membantu orang lain belajar",
            "Melaksanakan tugas dengan kualitas terbaik",
        ],
    ),
    (
        "harmonis",
        "Harmonis",
        "Saling peduli dan menghargai perbedaan",
        [
            "Menghargai setiap orang apapun latar belakangnya",
            "Suka menolong orang lain",
            "Membangun lingkungan kerja yang kondusif",
        ],
    ),
    (
        "loyal",
        "Loyal",
        "Berdedikasi dan mengutamakan kepentingan Bangsa dan Negara",
        [
            "Memegang teguh ideologi Pancasila, Undang-Undang Dasar Negara Republik Indonesia Tahun 1945, setia kepada Negara Kesatuan Republik Indonesia serta pemerintahan yang sah",
            "Menjaga nama baik sesama ASN, Pimpinan, Instansi, dan Negara",
            "Menjaga rahasia jabatan dan negara",
        ],
    ),
    (
        "adaptif",
        "Adaptif",
        "Terus berinovasi dan antusias dalam menggerakkan serta menghadapi perubahan",
        [
            "Cepat menyesuaikan diri menghadapi perubahan",
            "Terus berinovasi dan mengembangkan kreativitas",
            "Bertindak proaktif",
        ],
    ),
    (
        "kolaboratif",
        "Kolaboratif",
        "Membangun kerja sama yang sinergis",
        [
            "Memberi kesempatan kepada berbagai pihak untuk berkontribusi",
            "Terbuka dalam bekerja sama untuk menghasilkan nilai tambah",
            "Menggerakkan pemanfaatan berbagai sumberdaya untuk tujuan bersama",
        ],
    ),
];

#[test]
fn berakhlak_is_the_seven_values_with_their_panduan_perilaku() {
    let t = reference().template("berakhlak").expect("berakhlak");
    assert_eq!(t.scale, 5);
    assert_eq!(t.criteria.len(), 7);
    for (c, (id, name, tagline, guidance)) in t.criteria.iter().zip(BERAKHLAK) {
        assert_eq!(c.id, id);
        assert_eq!(c.name, name);
        assert_eq!(c.description, tagline);
        assert_eq!(c.guidance, guidance, "{id}");
        assert_eq!(c.aspect, Aspect::PerilakuKerja);
        assert_eq!(c.levels.len(), 5);
        assert!(c.hasil.is_none());
    }
}

#[test]
fn the_predikat_matrix_is_domain_md_table() {
    use Expectation::{DiAtas as A, DiBawah as B, Sesuai as S};
    let s = reference().scheme("permenpanrb-6-2022").expect("scheme");
    let table = [
        ((A, B), "Kurang/Misconduct"),
        ((A, S), "Baik"),
        ((A, A), "Sangat Baik"),
        ((S, B), "Kurang/Misconduct"),
        ((S, S), "Baik"),
        ((S, A), "Baik"),
        ((B, B), "Sangat Kurang"),
        ((B, S), "Butuh Perbaikan"),
        ((B, A), "Butuh Perbaikan"),
    ];
    for ((hasil, perilaku), label) in table {
        let grade = s.predikat(hasil, perilaku).expect("cell");
        assert_eq!(s.grade_label(grade), label, "{hasil:?}/{perilaku:?}");
    }
    let baik: Vec<&str> = s
        .grades
        .iter()
        .filter(|g| g.counts_as_baik)
        .map(|g| g.label.as_str())
        .collect();
    assert_eq!(baik, ["Sangat Baik", "Baik"]);
}

#[test]
fn pp_46_2011_bands_and_weights() {
    let s = reference().scheme("pp-46-2011").expect("scheme");
    let n = s.numeric.as_ref().expect("numeric");
    assert!((n.skp_weight - 0.6).abs() < 1e-9 && (n.perilaku_weight - 0.4).abs() < 1e-9);
    for (score, label) in [
        (0.0, "Buruk"),
        (50.0, "Buruk"),
        (51.0, "Kurang"),
        (60.0, "Kurang"),
        (61.0, "Cukup"),
        (75.0, "Cukup"),
        (76.0, "Baik"),
        (90.0, "Baik"),
        (91.0, "Sangat Baik"),
        (100.0, "Sangat Baik"),
        // A total between two bands belongs to the lower one until it
        // reaches the next band's minimum (the regulation's bands are whole).
        (90.99, "Baik"),
        (50.5, "Buruk"),
    ] {
        assert_eq!(
            s.grade_label(s.band(score).expect("band")),
            label,
            "{score}"
        );
    }
    assert_eq!(s.points(2, 3), Some(80.0));
    assert_eq!(s.points(5, 5), Some(100.0));
    assert!(s.description.contains("kesepakatan kantor"));
}

#[test]
fn hasil_kerja_templates_are_skp_shaped() {
    let ids = [
        "guru",
        "nakes-puskesmas",
        "pelaksana-administrasi",
        "pranata-komputer",
        "analis-sdm",
        "pimpinan",
    ];
    for id in ids {
        let t = reference().template(id).expect(id);
        assert_eq!(t.scale, 3, "{id}");
        assert!((3..=5).contains(&t.criteria.len()), "{id}");
        let mut utama = 0;
        for c in &t.criteria {
            assert_eq!(c.aspect, Aspect::HasilKerja);
            assert_eq!(c.levels.len(), 3);
            let h = c.hasil.as_ref().expect("hasil");
            assert!(data::ASPEK.contains(&h.aspek.as_str()), "{}", c.id);
            utama += usize::from(h.kind == RhkKind::Utama);
        }
        assert!(utama >= 1, "{id}");
    }
    let guru = reference().template("guru").expect("guru");
    for name in [
        "Inisiatif dalam mengembangkan program pendidikan",
        "Kemampuan berkomunikasi dengan masyarakat",
    ] {
        let c = guru.criteria.iter().find(|c| c.name == name).expect(name);
        assert_eq!(c.hasil.as_ref().map(|h| h.kind), Some(RhkKind::Tambahan));
    }
}

#[test]
fn every_criterion_has_dasar_and_lanjutan_training() {
    let r = reference();
    for t in &r.templates {
        for c in &t.criteria {
            for level in [TrainingLevel::Dasar, TrainingLevel::Lanjutan] {
                assert!(
                    !r.catalogue.for_criterion(&c.id, level).is_empty(),
                    "{} has no {level:?} programme",
                    c.id
                );
            }
        }
    }
}

#[test]
fn the_demo_roster_is_a_small_kota_ambon() {
    let org = &demo().org;
    let offices = org.units.iter().filter(|u| u.parent.is_none()).count();
    assert!(offices >= 4, "{offices}");
    assert!(org.people.len() >= 60);
    assert!(org.appraisers().len() >= 6);
    let busy = org
        .appraisers()
        .iter()
        .filter(|a| (6..=14).contains(&org.staff_of(&a.nip).count()))
        .count();
    assert!(busy >= 6, "{busy}");
    let has = |r| org.people.iter().filter(|p| p.has_role(r)).count();
    assert!(has(Role::Reviewer) >= 2);
    assert!(has(Role::Admin) >= 1);
    let admin = org.people.iter().find(|p| p.has_role(Role::Admin));
    assert_eq!(admin.map(|p| p.unit.as_str()), Some("bkpsdm-pkpk"));
    let names = || org.people.iter().map(|p| p.name.as_str());
    assert!(names().any(|n| n.contains('\'')));
    assert!(names().any(|n| n.contains('-')));
    assert!(names().any(|n| !n.is_ascii()));
    for name in [
        "Dinas Pendidikan Kota Ambon",
        "SD Negeri 12 Ambon",
        "SMP Negeri 4 Ambon",
        "Dinas Kesehatan Kota Ambon",
        "Puskesmas Rijali",
        "Badan Kepegawaian dan Pengembangan Sumber Daya Manusia Kota Ambon",
        "Dinas Informatika Komunikasi dan Persandian Kota Ambon",
    ] {
        assert!(org.units.iter().any(|u| u.name == name), "{name}");
    }
    let ids: Vec<&str> = org.periods.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(ids, ["2025", "2026-S1", "2026-S2"]);
    assert_eq!(
        org.period("2025").map(|p| p.scheme.as_str()),
        Some("pp-46-2011")
    );
    assert_eq!(demo().active_period, "2026-S2");
}

#[test]
fn the_generated_history_follows_the_rules() {
    let d = demo();
    let mut by_period: HashMap<&str, (usize, usize)> = HashMap::new();
    for a in &d.assessments {
        let person = d.org.person(&a.key.employee).expect("person");
        assert_eq!(Some(&a.appraiser), person.appraiser.as_ref());
        // The appraiser wrote it last, or the employee accepted it.
        let last = if a.status == Status::Acknowledged {
            &a.key.employee
        } else {
            &a.appraiser
        };
        assert_eq!(a.updated_by.as_ref(), Some(last));
        assert!(a.revision as usize >= a.entries.len());
        let period = d.org.period(&a.key.period).expect("period");
        let scheme = d.reference.scheme(&period.scheme).expect("scheme");
        let criteria = d.reference.criteria_of(person);
        let s = summarize(&criteria, a, scheme, &d.reference.catalogue);
        let e = by_period.entry(period.id.as_str()).or_default();
        if a.status == Status::Draft {
            e.1 += 1;
        } else {
            assert!(s.can_complete(), "{:?}", a.key);
            e.0 += 1;
        }
    }
    let appraised = d
        .org
        .people
        .iter()
        .filter(|p| p.appraiser.is_some())
        .count();
    assert_eq!(by_period["2025"], (appraised, 0));
    let (done, drafts) = by_period["2026-S1"];
    assert_eq!(done + drafts, appraised);
    assert!((1..=4).contains(&drafts), "{drafts}");
    let (done, drafts) = by_period["2026-S2"];
    assert!((1..=2).contains(&done) && drafts >= 3, "{done} {drafts}");
    assert!(done + drafts < appraised / 2);
    let again = data::demo().expect("demo");
    assert_eq!(
        again.assessments, d.assessments,
        "the history is deterministic"
    );
}

#[test]
fn synthetic_ten_thousand() {
    let d = data::synthetic(10_000, 1);
    assert_eq!(d.org.people.len(), 10_000);
    let nips: HashSet<&Nip> = d.org.people.iter().map(|p| &p.nip).collect();
    assert_eq!(nips.len(), 10_000);
    for p in &d.org.people {
        assert_eq!(Nip::parse(p.nip.as_str()).as_ref(), Ok(&p.nip));
    }
    data::check_org(&d.org, &d.reference).expect("consistent references");
    let offices = d.org.units.iter().filter(|u| u.parent.is_none()).count();
    assert_eq!(offices, 30);
    // About 20 staff per appraiser; the Sekretaris Daerah also appraises the
    // heads of all offices.
    for a in d.org.appraisers() {
        let staff = d.org.staff_of(&a.nip).count();
        let limit = if a.appraiser.is_none() { 50 } else { 21 };
        assert!(staff <= limit, "{} appraises {staff}", a.post);
    }
    assert!(d.org.people.iter().any(|p| !p.name.is_ascii()));
    assert!(d.org.people.iter().any(|p| p.name.contains('\'')));
    assert!(d.org.people.iter().any(|p| p.name.contains('-')));
    assert!(d.assessments.len() > 10_000);
    assert_eq!(
        data::synthetic(500, 1).assessments,
        data::synthetic(500, 1).assessments
    );
}
