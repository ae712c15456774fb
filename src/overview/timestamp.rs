//! When a file was saved, as a point in time. The app writes `Date.toISOString` (UTC,
//! `2025-01-27T01:15:00.000Z`), whose text order is time order; but a file made by another program
//! may carry an offset (`2025-01-27T10:15:00+09:00`) or no fraction, and there text order is wrong.
//! So the text is parsed, and two files compare by the moment they name.

/// Milliseconds since 1970-01-01T00:00:00Z.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(i64);

impl Timestamp {
    /// Reads `YYYY-MM-DDTHH:MM[:SS[.fraction]]` followed by `Z` or an offset (`±HH:MM` or
    /// `±HHMM`); a space may stand for the `T`. A time without `Z` or offset names no single moment
    /// and is refused, as is anything out of range (month 13, 24:00, 2月30日 …).
    pub fn parse(text: &str) -> Option<Self> {
        let mut cursor = Cursor(text.as_bytes());
        let year = cursor.digits(4)?;
        cursor.expect(b'-')?;
        let month = cursor.digits(2)?;
        cursor.expect(b'-')?;
        let day = cursor.digits(2)?;
        if !matches!(cursor.next()?, b'T' | b't' | b' ') {
            return None;
        }
        let hour = cursor.digits(2)?;
        cursor.expect(b':')?;
        let minute = cursor.digits(2)?;
        let mut second = 0;
        let mut millis = 0;
        if cursor.peek() == Some(b':') {
            cursor.next();
            second = cursor.digits(2)?;
            if cursor.peek() == Some(b'.') {
                cursor.next();
                millis = cursor.fraction_as_millis()?;
            }
        }
        let offset_minutes = cursor.offset()?;
        if !cursor.0.is_empty()
            || !(1..=12).contains(&month)
            || day < 1
            || day > days_in_month(year, month)
            || hour > 23
            || minute > 59
            || second > 59
        {
            return None;
        }
        let days = days_from_civil(year, month, day);
        let minutes = (days * 24 + hour) * 60 + minute - offset_minutes;
        Some(Self((minutes * 60 + second) * 1000 + millis))
    }

    pub fn millis_since_epoch(self) -> i64 {
        self.0
    }
}

struct Cursor<'t>(&'t [u8]);

impl Cursor<'_> {
    fn peek(&self) -> Option<u8> {
        self.0.first().copied()
    }

    fn next(&mut self) -> Option<u8> {
        let (&first, rest) = self.0.split_first()?;
        self.0 = rest;
        Some(first)
    }

    fn expect(&mut self, wanted: u8) -> Option<()> {
        (self.next()? == wanted).then_some(())
    }

    fn digits(&mut self, count: usize) -> Option<i64> {
        (0..count).try_fold(0, |value, _| {
            let byte = self.next().filter(u8::is_ascii_digit)?;
            Some(value * 10 + i64::from(byte - b'0'))
        })
    }

    /// At least one digit; digits beyond milliseconds are dropped (truncated, as JavaScript does).
    fn fraction_as_millis(&mut self) -> Option<i64> {
        let mut millis = 0;
        let mut count = 0;
        while let Some(byte) = self.peek().filter(u8::is_ascii_digit) {
            self.next();
            if count < 3 {
                millis = millis * 10 + i64::from(byte - b'0');
            }
            count += 1;
        }
        if count == 0 {
            return None;
        }
        for _ in count..3 {
            millis *= 10;
        }
        Some(millis)
    }

    /// Minutes east of UTC.
    fn offset(&mut self) -> Option<i64> {
        let sign = match self.next()? {
            b'Z' | b'z' => return Some(0),
            b'+' => 1,
            b'-' => -1,
            _ => return None,
        };
        let hours = self.digits(2)?;
        if self.peek() == Some(b':') {
            self.next();
        }
        let minutes = self.digits(2)?;
        (hours <= 23 && minutes <= 59).then_some(sign * (hours * 60 + minutes))
    }
}

fn is_leap_year(year: i64) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if is_leap_year(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days from 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's `days_from_civil`,
/// for the years 0000–9999 four digits can hold).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400);
    let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}
