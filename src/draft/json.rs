//! Just enough JSON for the draft envelope: a reader into a small value tree and a writer for
//! strings. The form page saves on every change; serde_json with derives would be about a third of
//! its wasm, so drafts use this and only the file export/import (tools page) uses serde_json.

#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    /// The number as written; drafts only hold whole numbers.
    Number(String),
    String(String),
    Array(Vec<Json>),
    /// Keys in document order; a repeated key keeps its last value, as serde_json does.
    Object(Vec<(String, Json)>),
}

impl Json {
    pub fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(fields) => fields.iter().rev().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Json::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Json::Number(n) => n.parse().ok(),
            _ => None,
        }
    }
}

/// Parses a whole JSON text; `None` if it is not JSON.
pub fn parse(text: &str) -> Option<Json> {
    let mut reader = Reader {
        bytes: text.as_bytes(),
        at: 0,
        depth: 0,
    };
    let value = reader.value()?;
    reader.space();
    (reader.at == reader.bytes.len()).then_some(value)
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    depth: u32,
}

impl Reader<'_> {
    fn space(&mut self) {
        while matches!(self.bytes.get(self.at), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> bool {
        self.space();
        let found = self.bytes.get(self.at) == Some(&byte);
        if found {
            self.at += 1;
        }
        found
    }

    fn word(&mut self, word: &str, value: Json) -> Option<Json> {
        let end = self.at + word.len();
        (self.bytes.get(self.at..end)? == word.as_bytes()).then(|| {
            self.at = end;
            value
        })
    }

    fn value(&mut self) -> Option<Json> {
        self.space();
        let first = *self.bytes.get(self.at)?;
        // Nesting is bounded (recursion would overflow the stack) where serde_json bounds it:
        // 127 arrays or objects deep.
        let container = matches!(first, b'[' | b'{');
        if container {
            self.depth += 1;
            if self.depth >= 128 {
                return None;
            }
        }
        let value = match first {
            b'n' => self.word("null", Json::Null),
            b't' => self.word("true", Json::Bool(true)),
            b'f' => self.word("false", Json::Bool(false)),
            b'"' => self.string().map(Json::String),
            b'[' => {
                self.at += 1;
                let mut items = Vec::new();
                if !self.eat(b']') {
                    loop {
                        items.push(self.value()?);
                        if self.eat(b']') {
                            break;
                        }
                        if !self.eat(b',') {
                            return None;
                        }
                    }
                }
                Some(Json::Array(items))
            }
            b'{' => {
                self.at += 1;
                let mut fields = Vec::new();
                if !self.eat(b'}') {
                    loop {
                        self.space();
                        let key = self.string()?;
                        if !self.eat(b':') {
                            return None;
                        }
                        fields.push((key, self.value()?));
                        if self.eat(b'}') {
                            break;
                        }
                        if !self.eat(b',') {
                            return None;
                        }
                    }
                }
                Some(Json::Object(fields))
            }
            _ => self.number(),
        };
        if container {
            self.depth -= 1;
        }
        value
    }

    /// A number by the JSON grammar, kept as written. Not parsed as a float: that would link
    /// the float parser's tables (about 12 KB). Refused, as serde_json refuses it, when its
    /// magnitude rounds beyond `f64::MAX`, judged from its digits and exponent alone.
    fn number(&mut self) -> Option<Json> {
        let start = self.at;
        // Digits from `at`: how many, how many before the first non-zero one, and the first 17
        // significant ones (enough to place a number against the limit below).
        let digits = |reader: &mut Self, significant: &mut Vec<u8>| {
            let (from, mut zeros) = (reader.at, 0);
            while let Some(&digit @ b'0'..=b'9') = reader.bytes.get(reader.at) {
                if significant.is_empty() && digit == b'0' {
                    zeros += 1;
                } else if significant.len() < 17 {
                    significant.push(digit);
                } else if significant.len() == 17 && digit != b'0' {
                    // Only whether anything follows the 17 digits matters for the comparison.
                    significant.push(b'1');
                }
                reader.at += 1;
            }
            (reader.at - from, zeros)
        };
        let mut significant = Vec::new();
        if self.bytes.get(self.at) == Some(&b'-') {
            self.at += 1;
        }
        let (whole, whole_zeros) = digits(self, &mut significant);
        if whole == 0 || (whole_zeros > 0 && whole > 1) {
            return None;
        }
        // The decimal exponent of the leading significant digit, plus one.
        let mut magnitude = (whole - whole_zeros) as i64;
        if self.bytes.get(self.at) == Some(&b'.') {
            self.at += 1;
            let leading = significant.is_empty();
            let (fraction, zeros) = digits(self, &mut significant);
            if fraction == 0 {
                return None;
            }
            if leading {
                magnitude -= zeros as i64;
            }
        }
        if matches!(self.bytes.get(self.at), Some(b'e' | b'E')) {
            self.at += 1;
            let negative = self.bytes.get(self.at) == Some(&b'-');
            if matches!(self.bytes.get(self.at), Some(b'+' | b'-')) {
                self.at += 1;
            }
            let from = self.at;
            let mut exponent: i64 = 0;
            while let Some(&digit @ b'0'..=b'9') = self.bytes.get(self.at) {
                exponent = exponent
                    .saturating_mul(10)
                    .saturating_add(i64::from(digit - b'0'));
                self.at += 1;
            }
            if self.at == from {
                return None;
            }
            magnitude = magnitude.saturating_add(if negative { -exponent } else { exponent });
        }
        // Halfway between f64::MAX and the next power of two, 1.7976931348623158079e308: from
        // there a float rounds to infinity, which serde_json reports as out of range.
        const LIMIT: &[u8] = b"17976931348623158";
        let too_big = !significant.is_empty()
            && (magnitude > 309 || (magnitude == 309 && significant.as_slice() >= LIMIT));
        if too_big {
            return None;
        }
        let text = std::str::from_utf8(self.bytes.get(start..self.at)?).ok()?;
        Some(Json::Number(text.to_owned()))
    }

    /// Four hex digits, exactly: `from_str_radix` alone would also take a sign ("\\u+041").
    fn hex4(&mut self) -> Option<u32> {
        let digits = self.bytes.get(self.at..self.at + 4)?;
        self.at += 4;
        digits.iter().try_fold(0, |code, &digit| {
            Some(code << 4 | char::from(digit).to_digit(16)?)
        })
    }

    fn string(&mut self) -> Option<String> {
        if self.bytes.get(self.at) != Some(&b'"') {
            return None;
        }
        self.at += 1;
        let mut out = Vec::new();
        loop {
            let byte = *self.bytes.get(self.at)?;
            self.at += 1;
            match byte {
                b'"' => return String::from_utf8(out).ok(),
                b'\\' => {
                    let escape = *self.bytes.get(self.at)?;
                    self.at += 1;
                    let c = match escape {
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'n' => '\n',
                        b'r' => '\r',
                        b't' => '\t',
                        b'u' => {
                            let high = self.hex4()?;
                            let code = if (0xD800..0xDC00).contains(&high) {
                                if self.bytes.get(self.at..self.at + 2)? != b"\\u" {
                                    return None;
                                }
                                self.at += 2;
                                let low = self.hex4()?;
                                if !(0xDC00..0xE000).contains(&low) {
                                    return None;
                                }
                                0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00)
                            } else {
                                high
                            };
                            char::from_u32(code)?
                        }
                        _ => return None,
                    };
                    let mut buffer = [0; 4];
                    out.extend_from_slice(c.encode_utf8(&mut buffer).as_bytes());
                }
                0..=0x1f => return None,
                _ => out.push(byte),
            }
        }
    }
}

/// Appends `text` as a JSON string literal.
pub fn write_string(out: &mut String, text: &str) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            // As serde_json writes them, so that the answer file's two writers agree byte for byte.
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                const HEX: &[u8; 16] = b"0123456789abcdef";
                out.push_str("\\u00");
                out.push(HEX[(c as usize) >> 4] as char);
                out.push(HEX[(c as usize) & 15] as char);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}
