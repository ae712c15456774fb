//! The hospitals counted, one row each: who, which file, how far the answers go and which
//! advisories they raise. Sorted as the user chooses and shown a page at a time, since 10,000 rows
//! at once would make the page slow on an old PC.

use leptos::prelude::*;

use super::super::clock::local_time;
use super::overview_state::OverviewState;
use crate::overview::{Hospital, HospitalOrder, hospital_key, sort_hospitals};

const PAGE_SIZE: usize = 50;

const ORDERS: [(HospitalOrder, &str); 5] = [
    (HospitalOrder::Name, "病院名"),
    (HospitalOrder::FileName, "ファイル名"),
    (HospitalOrder::ExportedAt, "出力日時"),
    (HospitalOrder::Progress, "回答状況"),
    (HospitalOrder::Shortfalls, "要対策の数"),
];

/// One row, taken out of the collection so the view owns what it shows.
#[derive(Clone, PartialEq)]
struct Row {
    name: String,
    name_missing: bool,
    respondent: String,
    file_name: String,
    exported_at: String,
    progress: String,
    complete: bool,
    shortfalls: String,
    notes: String,
}

impl Row {
    fn of(hospital: &Hospital<'_>) -> Self {
        let numbers = |shortfall: bool| {
            hospital
                .advisories
                .iter()
                .filter(|raised| {
                    (raised.advisory.level == crate::survey::AdvisoryLevel::Shortfall) == shortfall
                })
                .map(|raised| raised.item.number.as_str())
                .collect::<Vec<_>>()
        };
        let listed = |numbers: Vec<&str>| match numbers.len() {
            0 => "なし".to_owned(),
            count => format!("{count}件（{}）", numbers.join("、")),
        };
        Self {
            name: hospital.display_name().to_owned(),
            name_missing: hospital.name_is_missing(),
            respondent: hospital.respondent.clone(),
            file_name: hospital.file_name.clone(),
            exported_at: hospital
                .exported_at
                .as_deref()
                .map_or_else(|| "不明".to_owned(), local_time),
            progress: format!(
                "必須 {} / {} 問",
                hospital.progress.answered, hospital.progress.required
            ),
            complete: hospital.complete,
            shortfalls: listed(numbers(true)),
            notes: listed(numbers(false)),
        }
    }
}

#[component]
pub fn HospitalTable(state: OverviewState) -> impl IntoView {
    let order = RwSignal::new(0usize);
    let descending = RwSignal::new(false);
    let page = RwSignal::new(0usize);
    let search = RwSignal::new(String::new());
    // A new set of hospitals or a new order starts again at the first page.
    Effect::new(move |_| {
        state.conditions.track();
        order.track();
        descending.track();
        search.track();
        state.with_collection(|_| ());
        page.set(0);
    });
    let rows = Memo::new(move |_| {
        let filter = state.filter().unwrap_or_default();
        let (chosen, reversed) = (
            ORDERS[order.get().min(ORDERS.len() - 1)].0,
            descending.get(),
        );
        let wanted = search.with(|text| hospital_key(text));
        state.with_collection(|collection| {
            let mut hospitals = collection.matching(&filter);
            // Typed the way names are matched for duplicates: spaces and width do not matter.
            if let Some(wanted) = &wanted {
                hospitals.retain(|hospital| {
                    hospital
                        .key()
                        .is_some_and(|key| key.contains(wanted.as_str()))
                        || hospital_key(&hospital.file_name)
                            .is_some_and(|name| name.contains(wanted.as_str()))
                });
            }
            sort_hospitals(&mut hospitals, chosen, reversed);
            hospitals.into_iter().map(Row::of).collect::<Vec<_>>()
        })
    });
    let total = move || rows.with(Vec::len);
    let pages = move || total().div_ceil(PAGE_SIZE).max(1);
    let on_last_page = move || page.get() + 1 >= pages();
    let shown = move || {
        let start = page.get() * PAGE_SIZE;
        rows.with(|rows| {
            rows.iter()
                .skip(start)
                .take(PAGE_SIZE)
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    let range = move || {
        let start = page.get() * PAGE_SIZE;
        let end = (start + PAGE_SIZE).min(total());
        if total() == 0 {
            "該当する病院はありません".to_owned()
        } else {
            format!("{}件中 {}～{}件目", total(), start + 1, end)
        }
    };
    let order_options = ORDERS
        .iter()
        .enumerate()
        .map(|(index, (_, label))| view! { <option value=index.to_string()>{*label}</option> })
        .collect_view();

    view! {
        <section class="hospital-list" aria-labelledby="hospitals-heading">
            <h2 id="hospitals-heading">"病院の一覧"</h2>
            <div class="table-controls">
                <div class="filter-field">
                    <label for="hospital-search">"病院名・ファイル名で探す"</label>
                    <input
                        id="hospital-search"
                        type="search"
                        class="search-input"
                        prop:value=move || search.get()
                        on:input:target=move |ev| search.set(ev.target().value())
                    />
                </div>
                <div class="filter-field">
                    <label for="hospital-order">"並べ替え"</label>
                    <select
                        id="hospital-order"
                        on:change:target=move |ev| order.set(ev.target().value().parse().unwrap_or(0))
                    >
                        {order_options}
                    </select>
                </div>
                <label class="check-label">
                    <input
                        type="checkbox"
                        prop:checked=move || descending.get()
                        on:change:target=move |ev| descending.set(ev.target().checked())
                    />
                    "逆順"
                </label>
            </div>
            <div class="table-scroll" tabindex="0" role="region" aria-labelledby="hospitals-heading">
                <table class="hospital-table">
                    <caption class="visually-hidden">"病院の一覧"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"病院名"</th>
                            <th scope="col">"回答者"</th>
                            <th scope="col">"ファイル"</th>
                            <th scope="col">"出力日時"</th>
                            <th scope="col">"回答状況"</th>
                            <th scope="col">"要対策"</th>
                            <th scope="col">"確認事項"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || {
                            shown()
                                .into_iter()
                                .map(|row| {
                                    view! {
                                        <tr>
                                            <th scope="row" class:name-missing=row.name_missing>{row.name}</th>
                                            <td>{row.respondent}</td>
                                            <td class="file-name">{row.file_name}</td>
                                            <td>{row.exported_at}</td>
                                            <td>
                                                {row.progress}
                                                <br />
                                                {if row.complete { "完了" } else { "未完了" }}
                                            </td>
                                            <td>{row.shortfalls}</td>
                                            <td>{row.notes}</td>
                                        </tr>
                                    }
                                })
                                .collect_view()
                        }}
                    </tbody>
                </table>
            </div>
            <nav class="pager" aria-label="病院の一覧のページ">
                <button
                    type="button"
                    class="button button-secondary"
                    disabled=move || page.get() == 0
                    on:click=move |_| page.update(|p| *p = p.saturating_sub(1))
                >
                    {format!("前の{PAGE_SIZE}件")}
                </button>
                <p class="pager-range" aria-live="polite">{range}</p>
                <button
                    type="button"
                    class="button button-secondary"
                    disabled=on_last_page
                    on:click=move |_| page.update(|p| *p += 1)
                >
                    {format!("次の{PAGE_SIZE}件")}
                </button>
            </nav>
        </section>
    }
}
