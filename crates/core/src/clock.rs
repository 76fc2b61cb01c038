//! The local clock: today's date (or the one `DAFO_TODAY` sets) and the local time zone, read without loading
//! jiff's zoneinfo database. To find a zone by name, jiff first walks the whole
//! of `/usr/share/zoneinfo` (about 1,800 files): milliseconds on the path to the
//! first frame, for a date. `/etc/localtime` read as a TZif file gives the same
//! offsets at the cost of one small read.

use std::sync::OnceLock;

use jiff::tz::TimeZone;

/// The file the C library reads the local time zone from when `TZ` is unset.
const LOCALTIME: &str = "/etc/localtime";

/// The local time zone: `TZ` when set (jiff resolves it), else `/etc/localtime`
/// read directly, else jiff's own lookup (which falls back to UTC).
pub fn local_zone() -> TimeZone {
    static ZONE: OnceLock<TimeZone> = OnceLock::new();
    ZONE.get_or_init(|| {
        if std::env::var_os("TZ").is_none()
            && let Ok(data) = std::fs::read(LOCALTIME)
            && let Ok(zone) = TimeZone::tzif("localtime", &data)
        {
            return zone;
        }
        TimeZone::system()
    })
    .clone()
}

/// Today's date where the room is.
pub fn local_date() -> jiff::civil::Date {
    jiff::Timestamp::now().to_zoned(local_zone()).date()
}

/// The day overdue actions are judged by: `DAFO_TODAY` (`YYYY-MM-DD`, so
/// scripts and tests get the same marks any day), else the local date. The
/// TUI reads the same seam (`Editor::today`).
pub fn today() -> jiff::civil::Date {
    std::env::var("DAFO_TODAY").ok().and_then(|d| d.trim().parse().ok()).unwrap_or_else(local_date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_local_zone_has_the_offsets_of_the_system_zone() {
        let system = TimeZone::system();
        let local = local_zone();
        // Winter and summer, so a zone with daylight saving time is checked twice.
        for stamp in ["2026-01-15T12:00:00Z", "2026-07-15T12:00:00Z"] {
            let t: jiff::Timestamp = stamp.parse().unwrap_or(jiff::Timestamp::UNIX_EPOCH);
            assert_eq!(local.to_offset(t), system.to_offset(t), "{stamp}");
        }
        assert_eq!(local_date(), jiff::Zoned::now().date());
    }
}
