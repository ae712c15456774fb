//! Shift_JIS (CP932, as Windows and the WHATWG Encoding Standard define it) without shipping its
//! tables. Encoding tables cost about 110 KB gzipped of wasm; every browser already carries the
//! decoder, so the encoder is built, when first needed, by decoding every two-byte sequence once
//! and inverting the result. The decoder is a parameter: the browser's `TextDecoder` in the app,
//! `encoding_rs` in the tests, which compare the result with `encoding_rs`'s own encoder over every
//! code point and check that every character it accepts decodes back to itself.

use std::collections::HashMap;

/// Lead bytes of two-byte sequences.
fn lead_bytes() -> impl Iterator<Item = u8> {
    (0x81..=0x9F).chain(0xE0..=0xFC)
}

/// Trail bytes of two-byte sequences.
fn trail_bytes() -> impl Iterator<Item = u8> {
    (0x40..=0x7E).chain(0x80..=0xFC)
}

/// The WHATWG encoder skips these pointers (NEC-selected IBM extensions, rows 89–92), which
/// duplicate characters it encodes from the IBM extension rows instead.
const SKIPPED_POINTERS: std::ops::RangeInclusive<usize> = 8272..=8835;

fn pointer(lead: u8, trail: u8) -> usize {
    let lead_offset = if lead < 0xA0 { 0x81 } else { 0xC1 };
    let trail_offset = if trail < 0x7F { 0x40 } else { 0x41 };
    usize::from(lead - lead_offset) * 188 + usize::from(trail - trail_offset)
}

pub struct Cp932Encoder {
    double: HashMap<char, [u8; 2]>,
}

impl Cp932Encoder {
    /// Builds the encoder from a Shift_JIS decoder (which must replace invalid input with U+FFFD,
    /// as `TextDecoder` does unless told to be fatal).
    pub fn from_decoder(decode: impl Fn(&[u8]) -> String) -> Self {
        // One call for every sequence: each pair is followed by a line feed, so that a pair the
        // decoder rejects (which may come back as two characters) cannot shift the others.
        let mut probe = Vec::with_capacity(60 * 188 * 3);
        let mut pairs = Vec::with_capacity(60 * 188);
        for lead in lead_bytes() {
            for trail in trail_bytes() {
                probe.extend_from_slice(&[lead, trail, b'\n']);
                pairs.push([lead, trail]);
            }
        }
        let decoded = decode(&probe);
        let mut double = HashMap::with_capacity(pairs.len());
        for (segment, bytes) in decoded.split('\n').zip(pairs) {
            let mut chars = segment.chars();
            let (Some(c), None) = (chars.next(), chars.next()) else {
                continue;
            };
            let is_private_use = ('\u{E000}'..='\u{F8FF}').contains(&c);
            if c == '\u{FFFD}'
                || is_private_use
                || SKIPPED_POINTERS.contains(&pointer(bytes[0], bytes[1]))
            {
                continue;
            }
            double.entry(c).or_insert(bytes);
        }
        Self { double }
    }

    /// Appends the bytes for one character and returns `true`, or returns `false` if Shift_JIS
    /// cannot hold it. Only bytes that decode back to `c` count as holding it: the WHATWG encoder
    /// also writes ¥ (U+00A5) as `\`, ‾ (U+203E) as `~` and − (U+2212) as `－`, which every
    /// decoder then reads as those other characters. An answer is never changed silently, so
    /// those three are refused like 𠮷 (tests/csv_export.rs checks every code point).
    pub fn encode_char(&self, c: char, into: &mut Vec<u8>) -> bool {
        let code = c as u32;
        let single = match c {
            '\0'..='\u{80}' => Some(code as u8),
            '\u{FF61}'..='\u{FF9F}' => Some((code - 0xFF61 + 0xA1) as u8),
            _ => None,
        };
        if let Some(byte) = single {
            into.push(byte);
            return true;
        }
        // Every entry decodes back to its character: the table is the decoder's output inverted.
        match self.double.get(&c) {
            Some(bytes) => {
                into.extend_from_slice(bytes);
                true
            }
            None => false,
        }
    }

    /// Encodes `text`, or returns the characters it cannot hold (each once, in order), those that
    /// would come back as another character included.
    pub fn encode(&self, text: &str) -> Result<Vec<u8>, Vec<char>> {
        let mut bytes = Vec::with_capacity(text.len());
        let mut missing = Vec::new();
        for c in text.chars() {
            if !self.encode_char(c, &mut bytes) && !missing.contains(&c) {
                missing.push(c);
            }
        }
        if missing.is_empty() {
            Ok(bytes)
        } else {
            Err(missing)
        }
    }
}
