//! The one place that hands a file to the browser to save. The file is made in the page (a Blob);
//! nothing is sent anywhere.

use wasm_bindgen::{JsCast, JsValue};

/// Offers `contents` for download as `file_name`. Returns false if the browser refused.
pub fn offer_download(file_name: &str, mime_type: &str, contents: &[u8]) -> bool {
    save(file_name, mime_type, contents).is_ok()
}

fn save(file_name: &str, mime_type: &str, contents: &[u8]) -> Result<(), JsValue> {
    let bytes = js_sys::Uint8Array::from(contents);
    let parts = js_sys::Array::of1(&bytes);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime_type);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))?;
    let anchor: web_sys::HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.set_hidden(true);
    let body = document
        .body()
        .ok_or_else(|| JsValue::from_str("no body"))?;
    body.append_child(&anchor)?;
    anchor.click();
    anchor.remove();
    // The browser has taken its own reference to the blob by now.
    web_sys::Url::revoke_object_url(&url)?;
    Ok(())
}
