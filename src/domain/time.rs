//! Points in time as files write them (`"2026-11-24T09:30:00Z"`), read with messages a person
//! can act on: a year outside what can be stored is named as such, rather than reported as
//! whatever the date parser tripped on next.
//!
//! Only reading is customised (`deserialize_with`); times are written as jiff writes them.

use jiff::Timestamp;
use serde::{Deserialize, Deserializer};

use super::problem::shorten;

/// Earliest and latest years a time may have.
pub const YEARS: std::ops::RangeInclusive<i64> = -9999..=9999;

/// What a time in a file should look like.
pub const EXAMPLE: &str = "2026-11-24T09:30:00Z";

/// Parses a time as files hold it, or says what is wrong with it.
pub fn parse_time(text: &str) -> Result<Timestamp, String> {
    text.parse::<Timestamp>().map_err(|error| {
        match leading_year(text) {
            Some(year) if !YEARS.contains(&year) => format!(
                "`{}`: the year {year} is outside the years a time can have ({} to {})",
                shorten(text),
                YEARS.start(),
                YEARS.end()
            ),
            _ => format!(
                "`{}` is not a time like \"{EXAMPLE}\" (year-month-day, `T`, the time, then `Z` or an offset such as +01:00): {error}",
                shorten(text)
            ),
        }
    })
}

/// The year a date-like text starts with (`99999-01-01…` → 99999), if it starts with digits
/// followed by `-`.
fn leading_year(text: &str) -> Option<i64> {
    let (sign, digits) = match text.as_bytes().first()? {
        b'-' => (-1, &text[1..]),
        b'+' => (1, &text[1..]),
        _ => (1, text),
    };
    let length = digits.bytes().take_while(u8::is_ascii_digit).count();
    if length == 0 || digits.as_bytes().get(length) != Some(&b'-') {
        return None;
    }
    // Longer than any year a person means: saturate rather than overflow.
    let year = digits[..length.min(18)].parse::<i64>().ok()?;
    Some(sign * year)
}

/// A time read from a file with [`parse_time`].
struct FileTime(Timestamp);

impl<'de> Deserialize<'de> for FileTime {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        parse_time(&text)
            .map(FileTime)
            .map_err(serde::de::Error::custom)
    }
}

/// `deserialize_with` for an optional time.
pub fn optional<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<Timestamp>, D::Error> {
    Ok(Option::<FileTime>::deserialize(deserializer)?.map(|time| time.0))
}

/// `deserialize_with` for a list of times.
pub fn list<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Vec<Timestamp>, D::Error> {
    Ok(Vec::<FileTime>::deserialize(deserializer)?
        .into_iter()
        .map(|time| time.0)
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_parse_as_jiff_writes_them() {
        let time = parse_time(EXAMPLE).unwrap();
        assert_eq!(time.to_string(), EXAMPLE);
        assert!(parse_time("0001-01-01T00:00:00Z").is_ok());
        assert!(parse_time("9999-12-30T00:00:00Z").is_ok());
    }

    #[test]
    fn a_year_out_of_range_is_named() {
        for (text, year) in [
            ("99999-01-01T00:00:00Z", "99999"),
            ("10000-01-01T00:00:00Z", "10000"),
            ("+099999-01-01T00:00:00Z", "99999"),
            ("-10000-01-01T00:00:00Z", "-10000"),
        ] {
            let message = parse_time(text).unwrap_err();
            assert!(
                message.contains(&format!("the year {year} is outside")),
                "{message}"
            );
        }
    }

    #[test]
    fn other_mistakes_show_what_a_time_looks_like() {
        for text in ["last Tuesday", "2026-13-01T00:00:00Z", "2026-11-24"] {
            let message = parse_time(text).unwrap_err();
            assert!(message.contains(EXAMPLE), "{message}");
        }
        let long = parse_time(&"9".repeat(10_000)).unwrap_err();
        assert!(long.len() < 400, "{long}");
    }
}
