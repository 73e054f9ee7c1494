//! One employee's evaluation document: the official form's fields, its
//! Hasil Kerja and Perilaku Kerja tables, the results, what was said in
//! the workflow, and the three signature blocks.

use super::esc;
use crate::domain::assessment::AspectValue;
use crate::domain::org_result::OrgResult;
use crate::domain::summary::summarize;
use crate::domain::template::{Aspect, RhkKind, expectation_of};
use crate::domain::workflow::Remark;
use crate::domain::{Assessment, Nip, Org, Period, Person, Reference};
use std::fmt::Write as _;

/// What one page is made of.
pub struct Page<'a> {
    pub org: &'a Org,
    pub reference: &'a Reference,
    pub period: &'a Period,
    pub assessment: &'a Assessment,
    /// The unit's Capaian Kinerja Organisasi, if entered.
    pub unit_result: Option<OrgResult>,
}

fn value(v: Option<&AspectValue>) -> String {
    match v {
        Some(AspectValue::Expectation(e)) => e.label().to_string(),
        Some(AspectValue::Score(s)) => format!("{s:.2}"),
        None => "—".into(),
    }
}

/// Name, NIP, post and unit of a person, as the form's cell.
fn who(org: &Org, title: &str, p: Option<&Person>) -> String {
    let (name, nip, post, unit) = p.map_or(("—", "—", "—", "—".to_string()), |p| {
        let unit = org
            .unit(&p.unit)
            .map_or_else(|| p.unit.clone(), |u| u.name.clone());
        (p.name.as_str(), p.nip.as_str(), p.post.as_str(), unit)
    });
    format!(
        "<td><b>{}</b>Nama: {}<br>NIP: {}<br>Jabatan: {}<br>Unit Kerja: {}</td>",
        esc(title),
        esc(name),
        esc(nip),
        esc(post),
        esc(&unit)
    )
}

pub fn page(p: &Page<'_>) -> String {
    let a = p.assessment;
    let org = p.org;
    let person = a
        .frozen
        .as_ref()
        .map(|f| &f.person)
        .or_else(|| org.people.iter().find(|x| x.nip == a.key.employee));
    let find = |n: &Nip| org.people.iter().find(|x| &x.nip == n);
    let appraiser = find(&a.appraiser);
    // Who approved it reviewed it; before that, the roster's reviewer.
    let reviewer = a
        .flow
        .approved
        .as_ref()
        .map(|r| &r.by)
        .or_else(|| person.and_then(|x| org.reviewer_of(x)))
        .and_then(find);
    let criteria = match a.frozen.as_deref() {
        Some(f) => f.scaled(),
        None => person.map_or_else(Vec::new, |x| p.reference.criteria_of(x)),
    };
    let scheme = p.reference.scheme(&p.period.scheme);
    let summary = scheme.map(|s| summarize(&criteria, a, s, &p.reference.catalogue));
    let mut h = String::new();
    let _ = writeln!(
        h,
        "<div class=\"page\">\n<h1>EVALUASI KINERJA PEGAWAI</h1>\n<p class=\"sub\">Periode: {} ({} s.d. {}) · Pemerintah Kota Ambon</p>",
        esc(&p.period.name),
        esc(&p.period.start),
        esc(&p.period.end)
    );
    let _ = writeln!(
        h,
        "<table class=\"who\"><tr>{}{}{}</tr></table>",
        who(org, "PEGAWAI YANG DINILAI", person),
        who(org, "PEJABAT PENILAI KINERJA", appraiser),
        who(org, "ATASAN PEJABAT PENILAI KINERJA", reviewer)
    );
    let _ = writeln!(
        h,
        "<h2>CAPAIAN KINERJA ORGANISASI: {}</h2>",
        esc(p.unit_result.map_or("—", OrgResult::label))
    );
    // Hasil Kerja.
    h.push_str("<h2>HASIL KERJA</h2>\n<table>\n<tr><th class=\"num\">No</th><th>Rencana Hasil Kerja</th><th>Indikator Kinerja Individu</th><th>Target</th><th>Realisasi Berdasarkan Bukti Dukung</th><th>Umpan Balik Berkelanjutan</th><th class=\"rating\">Rating</th></tr>\n");
    let level = |id: &str, scale: u8| {
        a.rating(id).map_or_else(
            || "—".to_string(),
            |r| expectation_of(r, scale).label().to_string(),
        )
    };
    let entry = |id: &str| a.entry(id).cloned().unwrap_or_default();
    for (i, c) in criteria
        .iter()
        .filter(|c| c.criterion.aspect == Aspect::HasilKerja)
        .enumerate()
    {
        let crit = c.criterion;
        let (kind, iki, target) = crit.hasil.as_ref().map_or(("", "", ""), |h| {
            let kind = match h.kind {
                RhkKind::Utama => "Utama",
                RhkKind::Tambahan => "Tambahan",
            };
            (kind, h.iki.as_str(), h.target.as_str())
        });
        let e = entry(&crit.id);
        let _ = writeln!(
            h,
            "<tr><td class=\"num\">{}</td><td>{} <span class=\"muted\">({})</span></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"rating\">{}</td></tr>",
            i + 1,
            esc(&crit.name),
            esc(kind),
            esc(iki),
            esc(target),
            esc(&e.realisasi),
            esc(&e.note),
            esc(&level(&crit.id, c.scale))
        );
    }
    h.push_str("</table>\n");
    let (hasil, perilaku) = summary.as_ref().map_or(("—".into(), "—".into()), |s| {
        (value(s.hasil.as_ref()), value(s.perilaku.as_ref()))
    });
    let _ = writeln!(
        h,
        "<h2>RATING HASIL KERJA: <span class=\"result\">{}</span></h2>",
        esc(&hasil)
    );
    // Perilaku Kerja.
    h.push_str("<h2>PERILAKU KERJA</h2>\n<table>\n<tr><th class=\"num\">No</th><th>Perilaku Kerja (BerAKHLAK) dan Panduan Perilaku</th><th>Umpan Balik Berkelanjutan</th><th class=\"rating\">Rating</th></tr>\n");
    for (i, c) in criteria
        .iter()
        .filter(|c| c.criterion.aspect == Aspect::PerilakuKerja)
        .enumerate()
    {
        let crit = c.criterion;
        let e = entry(&crit.id);
        let rating = a.rating(&crit.id).map_or_else(
            || "—".to_string(),
            |r| format!("{r}/{} ({})", c.scale, expectation_of(r, c.scale).label()),
        );
        let _ = writeln!(
            h,
            "<tr><td class=\"num\">{}</td><td><b>{}</b>: <span class=\"muted\">{}</span></td><td>{}</td><td class=\"rating\">{}</td></tr>",
            i + 1,
            esc(&crit.name),
            esc(&crit.guidance.join("; ")),
            esc(&e.note),
            esc(&rating)
        );
    }
    h.push_str("</table>\n");
    let _ = writeln!(
        h,
        "<h2>RATING PERILAKU KERJA: <span class=\"result\">{}</span></h2>",
        esc(&perilaku)
    );
    let predikat = match (summary.as_ref().and_then(|s| s.outcome.as_ref()), scheme) {
        (Some(o), Some(s)) => s.grade_label(o.grade()).to_string(),
        _ => "—".into(),
    };
    let _ = writeln!(
        h,
        "<h2>PREDIKAT KINERJA PEGAWAI: <span class=\"result\">{}</span></h2>",
        esc(&predikat)
    );
    if let Some(s) = &summary {
        let list = |items: &[crate::domain::summary::ResolvedItem<'_>]| -> String {
            if items.is_empty() {
                return "—".into();
            }
            items
                .iter()
                .map(|i| esc(&i.title))
                .collect::<Vec<_>>()
                .join("; ")
        };
        let training: Vec<String> = s
            .improvements
            .iter()
            .chain(&s.strengths)
            .flat_map(|i| i.training.iter())
            .map(|t| format!("{} ({} JP)", esc(&t.name), t.jp))
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        let _ = writeln!(
            h,
            "<table class=\"flow\"><tr><td><b>Kekuatan:</b> {}</td><td><b>Area yang perlu ditingkatkan:</b> {}</td></tr><tr><td colspan=\"2\"><b>Rekomendasi pengembangan kompetensi:</b> {}</td></tr></table>",
            list(&s.strengths),
            list(&s.improvements),
            if training.is_empty() {
                "—".into()
            } else {
                training.join("; ")
            }
        );
    }
    h.push_str(&flow(org, a));
    // The signatures, dated on approval.
    let when = a.flow.approved.as_ref().map_or_else(
        || "....................".into(),
        |r| crate::wit::form_date(r.at),
    );
    let sign = |title: &str, who: Option<&Person>| {
        format!(
            "<td>{}<div class=\"space\"></div><u>{}</u><br>NIP {}</td>",
            esc(title),
            esc(who.map_or("....................", |x| x.name.as_str())),
            esc(who.map_or("", |x| x.nip.as_str()))
        )
    };
    let _ = writeln!(
        h,
        "<table class=\"sign\"><tr><td></td><td></td><td>Ambon, {}</td></tr><tr>{}{}{}</tr></table>\n</div>",
        esc(&when),
        sign("Pegawai yang Dinilai", person),
        sign("Pejabat Penilai Kinerja", appraiser),
        sign("Atasan Pejabat Penilai Kinerja", reviewer)
    );
    h
}

/// What the workflow recorded: approval, acceptance, objection, decision.
fn flow(org: &Org, a: &Assessment) -> String {
    let f = &a.flow;
    let name = |r: &Remark| {
        org.people
            .iter()
            .find(|p| p.nip == r.by)
            .map_or_else(|| r.by.to_string(), |p| p.name.clone())
    };
    let mut lines = Vec::new();
    for (label, r) in [
        ("Disetujui", &f.approved),
        ("Diterima pegawai", &f.acknowledged),
        ("Keberatan", &f.objection),
        ("Keputusan atas keberatan", &f.decision),
    ] {
        if let Some(r) = r {
            let text = if r.text.trim().is_empty() {
                String::new()
            } else {
                format!(": {}", esc(r.text.trim()))
            };
            lines.push(format!(
                "{label} oleh {} ({}){text}",
                esc(&name(r)),
                crate::wit::form_date(r.at)
            ));
        }
    }
    if lines.is_empty() {
        return String::new();
    }
    format!("<p class=\"flow muted\">{}</p>\n", lines.join(" · "))
}

/// The two aspect results and the predikat of a record, as the recap
/// shows them.
pub fn results(
    org: &Org,
    reference: &Reference,
    period: &Period,
    a: &Assessment,
) -> (String, String, String) {
    let person = a
        .frozen
        .as_ref()
        .map(|f| &f.person)
        .or_else(|| org.people.iter().find(|x| x.nip == a.key.employee));
    let criteria = match a.frozen.as_deref() {
        Some(f) => f.scaled(),
        None => person.map_or_else(Vec::new, |x| reference.criteria_of(x)),
    };
    let Some(scheme) = reference.scheme(&period.scheme) else {
        return ("—".into(), "—".into(), "—".into());
    };
    let s = summarize(&criteria, a, scheme, &reference.catalogue);
    let predikat = s.outcome.as_ref().map_or_else(
        || "—".to_string(),
        |o| scheme.grade_label(o.grade()).to_string(),
    );
    (
        value(s.hasil.as_ref()),
        value(s.perilaku.as_ref()),
        predikat,
    )
}
