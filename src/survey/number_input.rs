//! Whole numbers as hospital staff type them. The survey asks for half-width digits; a Japanese IME
//! often produces full-width ones, which we convert (and say so) instead of rejecting.

use std::fmt;

/// The typed text with full-width digits replaced, or `None` when there was nothing to convert.
pub fn to_half_width_digits(typed: &str) -> Option<String> {
    if !typed.chars().any(is_full_width_digit) {
        return None;
    }
    Some(
        typed
            .chars()
            .map(|c| {
                if is_full_width_digit(c) {
                    char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c)
                } else {
                    c
                }
            })
            .collect(),
    )
}

fn is_full_width_digit(c: char) -> bool {
    ('０'..='９').contains(&c)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberError {
    Empty,
    /// Anything but digits: a sign, a decimal point, a unit such as 「8桁」.
    NotDigits,
    /// More digits than any sensible answer; reported as out of range by validation.
    TooLarge,
}

/// Reads a whole number, accepting full-width digits and surrounding spaces.
pub fn parse_whole_number(typed: &str) -> Result<u32, NumberError> {
    let converted = to_half_width_digits(typed);
    let text = converted.as_deref().unwrap_or(typed).trim();
    if text.is_empty() {
        return Err(NumberError::Empty);
    }
    if !text.chars().all(|c| c.is_ascii_digit()) {
        return Err(NumberError::NotDigits);
    }
    text.parse::<u32>().map_err(|_| NumberError::TooLarge)
}

/// Told to the user next to the field after we changed what they typed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputNotice {
    DigitsConvertedToHalfWidth,
}

impl fmt::Display for InputNotice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::DigitsConvertedToHalfWidth => {
                write!(f, "全角数字を半角数字に変換しました。")
            }
        }
    }
}
