//! Time as people in Ambon read it: WIT (Waktu Indonesia Timur, UTC+9).

/// A Unix time in Ambon, or `None` if it is out of range.
pub fn at(unix: i64) -> Option<time::OffsetDateTime> {
    let wit = time::UtcOffset::from_hms(9, 0, 0).unwrap_or(time::UtcOffset::UTC);
    time::OffsetDateTime::from_unix_timestamp(unix)
        .ok()
        .map(|t| t.to_offset(wit))
}

/// `YYYY-MM-DD` in Ambon (empty out of range): compares like the roster's
/// ISO dates.
pub fn iso_date(unix: i64) -> String {
    at(unix).map_or_else(String::new, |t| {
        format!("{:04}-{:02}-{:02}", t.year(), u8::from(t.month()), t.day())
    })
}

/// `DD-MM-YYYY` in Ambon, as dates are written on Indonesian forms.
pub fn form_date(unix: i64) -> String {
    at(unix).map_or_else(String::new, |t| {
        format!("{:02}-{:02}-{:04}", t.day(), u8::from(t.month()), t.year())
    })
}

/// `YYYY-MM-DD HH:MM WIT`, or `?` out of range.
pub fn stamp(unix: i64) -> String {
    at(unix).map_or_else(
        || "?".into(),
        |t| {
            format!(
                "{:04}-{:02}-{:02} {:02}:{:02} WIT",
                t.year(),
                u8::from(t.month()),
                t.day(),
                t.hour(),
                t.minute()
            )
        },
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn dates_are_ambon_dates() {
        // 2026-06-30 16:00 UTC is already 1 July in Ambon.
        assert_eq!(super::iso_date(1_782_835_200), "2026-07-01");
        assert_eq!(super::iso_date(1_782_831_599), "2026-06-30");
        assert_eq!(super::form_date(1_782_835_200), "01-07-2026");
        assert_eq!(super::stamp(1_782_835_200), "2026-07-01 01:00 WIT");
    }
}
