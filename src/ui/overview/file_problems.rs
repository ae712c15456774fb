//! What did not count, and why: files that could not be used, with the reason, and files dropped
//! because a newer file of the same hospital is counted instead. Nothing is left out silently.

use leptos::prelude::*;

use super::super::clock::local_time;
use super::overview_state::OverviewState;

#[component]
pub fn FileProblems(state: OverviewState) -> impl IntoView {
    let rejected = move || {
        state.with_collection(|collection| {
            collection
                .rejected()
                .iter()
                .map(|file| (file.file_name.clone(), file.reason.to_string()))
                .collect::<Vec<_>>()
        })
    };
    let dropped = move || {
        state.with_collection(|collection| {
            collection
                .dropped_duplicates()
                .iter()
                .map(|dropped| {
                    let when =
                        |at: Option<&str>| at.map_or_else(|| "出力日時不明".to_owned(), local_time);
                    (
                        dropped.file_name.to_owned(),
                        when(dropped.exported_at),
                        dropped.kept.display_name().to_owned(),
                        dropped.kept.file_name.clone(),
                        when(dropped.kept.exported_at.as_deref()),
                    )
                })
                .collect::<Vec<_>>()
        })
    };
    let unlisted = move || state.unlisted.get();

    view! {
        <Show when=move || !rejected().is_empty()>
            <details class="file-problems" open>
                <summary>{move || format!("読み込めなかったファイル（{}件）", rejected().len())}</summary>
                <ul>
                    {move || {
                        rejected()
                            .into_iter()
                            .map(|(name, reason)| {
                                view! {
                                    <li>
                                        <span class="file-name">{name}</span>
                                        "："
                                        {reason}
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </details>
        </Show>
        <Show when=move || !dropped().is_empty()>
            <details class="file-problems">
                <summary>
                    {move || format!("同じ病院の古いファイルとして除いたファイル（{}件）", dropped().len())}
                </summary>
                <p class="table-note">
                    "病院名（空白・全角半角の違いは無視）が同じファイルは、出力日時が新しいものだけを集計します。"
                </p>
                <ul>
                    {move || {
                        dropped()
                            .into_iter()
                            .map(|(name, when, hospital, kept, kept_when)| {
                                view! {
                                    <li>
                                        <span class="file-name">{name}</span>
                                        {format!("（{when}）→ {hospital} は ")}
                                        <span class="file-name">{kept}</span>
                                        {format!("（{kept_when}）を集計")}
                                    </li>
                                }
                            })
                            .collect_view()
                    }}
                </ul>
            </details>
        </Show>
        <Show when=move || !unlisted().is_empty()>
            <details class="file-problems" open>
                <summary>{move || format!("ブラウザが開けなかったファイル・フォルダ（{}件）", unlisted().len())}</summary>
                <ul>
                    {move || {
                        unlisted()
                            .into_iter()
                            .map(|name| view! { <li class="file-name">{name}</li> })
                            .collect_view()
                    }}
                </ul>
            </details>
        </Show>
    }
}
