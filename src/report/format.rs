//! How numbers, times and dates are written in reports.

use jiff::Timestamp;
use jiff::tz::TimeZone;

use crate::domain::scoring::SCALE_MAX;

/// A score on the common scale, e.g. `"3.2 / 4"`.
pub fn score(value: f64) -> String {
    format!("{value:.1} / {SCALE_MAX}")
}

/// A length of time in words: `"1 h 15 min"`, `"12 min"`, `"40 s"`.
pub fn duration(seconds: u64) -> String {
    let minutes = (seconds + 30) / 60;
    match (seconds, minutes / 60, minutes % 60) {
        (0, _, _) => super::content::NOT_RECORDED.to_owned(),
        (1..60, _, _) => format!("{seconds} s"),
        (_, 0, m) => format!("{m} min"),
        (_, h, 0) => format!("{h} h"),
        (_, h, m) => format!("{h} h {m} min"),
    }
}

/// A stopwatch reading: `"15:05"`, or `"1:02:09"` from an hour up.
pub fn clock(seconds: u64) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// Time spent against the budget, e.g. `"15:05 / 15:00"`.
pub fn time_against_budget(seconds: u64, budget_minutes: u32) -> String {
    format!(
        "{} / {}",
        clock(seconds),
        clock(u64::from(budget_minutes) * 60)
    )
}

/// A calendar date with the time of day, e.g. `"24 Nov 2026, 09:30 UTC"`.
pub fn date_time(at: Timestamp, zone: &TimeZone) -> String {
    at.to_zoned(zone.clone())
        .strftime("%-d %b %Y, %H:%M %Z")
        .to_string()
}

/// When the interview took place: `"24 Nov 2026, 09:30–10:45 UTC"` when it started and
/// ended on the same day, else both ends in full.
pub fn interview_date(start: Option<Timestamp>, end: Option<Timestamp>, zone: &TimeZone) -> String {
    match (start, end) {
        (Some(start), Some(end)) if end >= start => {
            let (start, end) = (start.to_zoned(zone.clone()), end.to_zoned(zone.clone()));
            if start.date() == end.date() {
                format!(
                    "{}–{}",
                    start.strftime("%-d %b %Y, %H:%M"),
                    end.strftime("%H:%M %Z")
                )
            } else {
                format!(
                    "{} – {}",
                    start.strftime("%-d %b %Y, %H:%M %Z"),
                    end.strftime("%-d %b %Y, %H:%M %Z")
                )
            }
        }
        (Some(start), _) => date_time(start, zone),
        (None, Some(end)) => date_time(end, zone),
        (None, None) => super::content::NOT_RECORDED.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn durations_read_naturally() {
        assert_eq!(duration(0), "not recorded");
        assert_eq!(duration(40), "40 s");
        assert_eq!(duration(12 * 60 + 10), "12 min");
        assert_eq!(duration(3600), "1 h");
        assert_eq!(duration(4500), "1 h 15 min");
    }

    #[test]
    fn clocks_and_budgets() {
        assert_eq!(clock(905), "15:05");
        assert_eq!(clock(3729), "1:02:09");
        assert_eq!(time_against_budget(905, 15), "15:05 / 15:00");
        assert_eq!(score(3.24), "3.2 / 4");
    }

    #[test]
    fn dates_name_the_zone() {
        let start: Timestamp = "2026-11-24T09:30:00Z".parse().unwrap();
        let end: Timestamp = "2026-11-24T10:45:00Z".parse().unwrap();
        assert_eq!(
            interview_date(Some(start), Some(end), &TimeZone::UTC),
            "24 Nov 2026, 09:30–10:45 UTC"
        );
        assert_eq!(interview_date(None, None, &TimeZone::UTC), "not recorded");
    }
}
