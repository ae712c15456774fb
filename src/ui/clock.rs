//! Times from the browser's clock, in the forms the core stores and the user reads.

/// Now, as `Date.toISOString` writes it (UTC): what drafts store.
pub fn now_iso() -> String {
    String::from(js_sys::Date::new_0().to_iso_string())
}

/// Today in local time as `YYYYMMDD`, for file names.
#[cfg(feature = "tools")]
pub fn today_compact() -> String {
    let date = js_sys::Date::new_0();
    format!(
        "{:04}{:02}{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date()
    )
}

/// A stored ISO time as a browser date, or `None` if it does not parse.
fn parse(iso: &str) -> Option<js_sys::Date> {
    let date = js_sys::Date::new(&iso.into());
    (!date.get_time().is_nan()).then_some(date)
}

/// A stored time in the user's local time: `2026年11月24日 10:15`.
pub fn local_time(iso: &str) -> String {
    let Some(date) = parse(iso) else {
        return iso.to_owned();
    };
    format!(
        "{}年{}月{}日 {:02}:{:02}",
        date.get_full_year(),
        date.get_month() + 1,
        date.get_date(),
        date.get_hours(),
        date.get_minutes()
    )
}

/// Seconds as well, for the status line that changes while the user types.
pub fn local_time_of_day(iso: &str) -> String {
    let Some(date) = parse(iso) else {
        return iso.to_owned();
    };
    format!(
        "{:02}:{:02}:{:02}",
        date.get_hours(),
        date.get_minutes(),
        date.get_seconds()
    )
}

/// A new draft id: time and randomness, so two tabs creating drafts at once do not collide.
pub fn new_draft_id() -> String {
    let time = js_sys::Date::now() as u64;
    let random = (js_sys::Math::random() * 1e9) as u64;
    format!("{time:x}-{random:x}")
}

/// The browser's clock for the draft protocol.
pub struct BrowserClock;

impl crate::draft::Clock for BrowserClock {
    fn now(&self) -> String {
        now_iso()
    }

    fn new_draft_id(&self) -> String {
        new_draft_id()
    }
}

/// A stored time as the save status line writes it.
pub fn status_time(iso: &str, form: crate::draft::TimeForm) -> String {
    match form {
        crate::draft::TimeForm::DateAndTime => local_time(iso),
        crate::draft::TimeForm::TimeOfDay => local_time_of_day(iso),
    }
}
