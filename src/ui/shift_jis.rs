//! The Shift_JIS encoder, built from the browser's own decoder the first time a Shift_JIS file is
//! asked for (see `export::cp932`): no encoding tables are shipped or loaded at start.

use crate::export::cp932::Cp932Encoder;

pub fn browser_encoder() -> Cp932Encoder {
    Cp932Encoder::from_decoder(|bytes| {
        web_sys::TextDecoder::new_with_label("shift_jis")
            .and_then(|decoder| decoder.decode_with_u8_array(bytes))
            .unwrap_or_default()
    })
}
