//! `kinerja report`: the printable evaluation document of an employee
//! (Dokumen Evaluasi Kinerja Pegawai, PermenPANRB 6/2022) as one A4 page
//! of self-contained HTML, and a unit's recap. Pure: (org, reference,
//! assessment, …) → text; everything shown is escaped.

mod page;

pub use page::{Page, page, results};

/// Escapes text for HTML content and attribute values.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

const STYLE: &str = include_str!("report/style.css");

/// A whole document around page bodies.
pub fn document(title: &str, pages: &[String]) -> String {
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n{STYLE}</style>\n</head>\n<body>\n",
        esc(title)
    );
    for p in pages {
        out.push_str(p);
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// One recap row of a unit's employees.
pub struct RecapRow {
    pub name: String,
    pub nip: String,
    pub status: String,
    pub hasil: String,
    pub perilaku: String,
    pub predikat: String,
}

/// The unit recap page.
pub fn recap(unit: &str, period: &str, rows: &[RecapRow]) -> String {
    let mut s = format!(
        "<div class=\"page\">\n<h1>REKAPITULASI EVALUASI KINERJA PEGAWAI</h1>\n<p class=\"sub\">{} · {}</p>\n<table class=\"recap\">\n<tr><th class=\"num\">No</th><th>Nama</th><th>NIP</th><th>Status</th><th>Rating Hasil Kerja</th><th>Rating Perilaku Kerja</th><th>Predikat</th></tr>\n",
        esc(unit),
        esc(period)
    );
    for (i, r) in rows.iter().enumerate() {
        s.push_str(&format!(
            "<tr><td class=\"num\">{}</td><td><a href=\"{}.html\">{}</a></td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
            i + 1,
            esc(&r.nip),
            esc(&r.name),
            esc(&r.nip),
            esc(&r.status),
            esc(&r.hasil),
            esc(&r.perilaku),
            esc(&r.predikat)
        ));
    }
    s.push_str("</table>\n</div>\n");
    s
}

#[cfg(test)]
mod tests {
    #[test]
    fn everything_markup_means_is_escaped() {
        assert_eq!(
            super::esc("<script>alert('x')</script> & \"Ma'ruf\""),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;Ma&#39;ruf&quot;"
        );
        assert_eq!(super::esc("Désirée"), "Désirée");
    }
}
