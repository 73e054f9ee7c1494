//! The CSV export: one row per assessment and criterion.

use super::{Record, join};
use crate::domain::Aspect;
use std::io::Write;

/// The CSV columns: one row per assessment and criterion.
pub const CSV_HEADER: [&str; 24] = [
    "nip",
    "name",
    "unit",
    "period",
    "appraiser_nip",
    "appraiser_name",
    "status",
    "aspect",
    "criterion_id",
    "criterion",
    "rating",
    "scale",
    "label",
    "note",
    "realisasi",
    "rating_hasil_kerja",
    "rating_perilaku_kerja",
    "siasn_hasil_kerja",
    "siasn_perilaku_kerja",
    "ratings_decided",
    "predikat",
    "score",
    "strengths",
    "improvements",
];

/// Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab,
/// carriage return first) is prefixed with `'`, so a note such as
/// "=HYPERLINK(…)" stays text when an admin opens the CSV.
pub(super) fn spreadsheet_safe(cell: &str) -> std::borrow::Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

/// Writes the rows of every record, telling `progress` after each record.
pub(super) fn write(
    records: &[Record],
    out: &mut dyn Write,
    progress: &mut dyn FnMut(usize),
) -> std::io::Result<()> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(CSV_HEADER)?;
    for (i, r) in records.iter().enumerate() {
        let status = r.status.code();
        for c in &r.criteria {
            let aspect = match c.aspect {
                Aspect::HasilKerja => "hasil_kerja",
                Aspect::PerilakuKerja => "perilaku_kerja",
            };
            let row = [
                r.nip.as_str(),
                &r.name,
                &r.unit,
                &r.period,
                &r.appraiser_nip,
                &r.appraiser_name,
                status,
                aspect,
                &c.id,
                &c.name,
                &c.rating.map(|x| x.to_string()).unwrap_or_default(),
                &c.scale.to_string(),
                c.label.as_deref().unwrap_or(""),
                &c.note,
                &c.realisasi,
                r.rating_hasil_kerja.as_deref().unwrap_or(""),
                r.rating_perilaku_kerja.as_deref().unwrap_or(""),
                &r.siasn_hasil_kerja
                    .map(|c| c.to_string())
                    .unwrap_or_default(),
                &r.siasn_perilaku_kerja
                    .map(|c| c.to_string())
                    .unwrap_or_default(),
                if r.ratings_decided { "yes" } else { "no" },
                r.predikat.as_deref().unwrap_or(""),
                &r.score.map(|s| format!("{s:.2}")).unwrap_or_default(),
                &join(&r.strengths),
                &join(&r.improvements),
            ];
            w.write_record(row.iter().map(|c| spreadsheet_safe(c).into_owned()))?;
        }
        progress(i + 1);
    }
    w.flush()
}

#[cfg(test)]
mod tests {
    use super::spreadsheet_safe;

    #[test]
    fn formula_like_text_is_kept_as_text() {
        assert_eq!(spreadsheet_safe("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(spreadsheet_safe("+62 812"), "'+62 812");
        assert_eq!(spreadsheet_safe("@rekan"), "'@rekan");
        assert_eq!(spreadsheet_safe("Ma'ruf"), "Ma'ruf");
        assert_eq!(spreadsheet_safe("199003152019032007"), "199003152019032007");
    }
}
