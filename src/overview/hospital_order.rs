//! Orders for the hospital table. Each order ends on the file name, so that equal rows keep one
//! order whatever order the files were added in.

use std::cmp::Ordering;

use super::hospital::Hospital;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HospitalOrder {
    /// By name as matched (spaces and width ignored); hospitals without a name last.
    Name,
    FileName,
    /// Oldest first; files without a readable time first of all.
    ExportedAt,
    /// Least complete first: the share of required items answered, then the count.
    Progress,
    /// Fewest 要対策 first, then fewest advisories of any kind.
    Shortfalls,
}

/// Sorts in place; `descending` reverses the order chosen (the file name tie-break included).
pub fn sort_hospitals(hospitals: &mut [&Hospital<'_>], order: HospitalOrder, descending: bool) {
    hospitals.sort_by(|a, b| {
        let ordering = compare(a, b, order).then_with(|| a.file_name.cmp(&b.file_name));
        if descending {
            ordering.reverse()
        } else {
            ordering
        }
    });
}

fn compare(a: &Hospital<'_>, b: &Hospital<'_>, order: HospitalOrder) -> Ordering {
    match order {
        HospitalOrder::Name => (a.name_is_missing(), a.key()).cmp(&(b.name_is_missing(), b.key())),
        HospitalOrder::FileName => Ordering::Equal,
        HospitalOrder::ExportedAt => a.saved_at().cmp(&b.saved_at()),
        HospitalOrder::Progress => {
            // a.answered / a.required against b.answered / b.required, without division; a survey
            // with nothing required counts as complete.
            let share = |h: &Hospital<'_>| match h.progress.required {
                0 => (1, 1),
                required => (h.progress.answered, required),
            };
            let ((a_done, a_of), (b_done, b_of)) = (share(a), share(b));
            (a_done * b_of)
                .cmp(&(b_done * a_of))
                .then(a.progress.answered.cmp(&b.progress.answered))
        }
        HospitalOrder::Shortfalls => {
            (a.shortfalls(), a.advisories.len()).cmp(&(b.shortfalls(), b.advisories.len()))
        }
    }
}
