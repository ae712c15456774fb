//! When two files are the same hospital. The name is typed by hand on different PCs, so the same
//! hospital arrives as 「〇〇病院」, 「〇〇 病院」 or 「ＡＢＣ病院」 / 「abc病院」; the key ignores what
//! such retyping changes and nothing else (kana and kanji are compared as they are).

/// The hospital name reduced for comparison: every kind of space removed (U+3000 included),
/// full-width ASCII (U+FF01–U+FF5E) made half-width, and ASCII letters made lower case. `None` when
/// nothing is left: a file without a name cannot be matched with another.
pub fn hospital_key(name: &str) -> Option<String> {
    let key: String = name
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| half_width(c).to_ascii_lowercase())
        .collect();
    (!key.is_empty()).then_some(key)
}

/// The full-width forms block mirrors ASCII 0x21–0x7E at a fixed distance.
fn half_width(c: char) -> char {
    const FULL_WIDTH_ASCII: std::ops::RangeInclusive<char> = '\u{FF01}'..='\u{FF5E}';
    if FULL_WIDTH_ASCII.contains(&c) {
        char::from_u32(c as u32 - 0xFF01 + 0x21).unwrap_or(c)
    } else {
        c
    }
}
