//! Where files come in: a picker for many files, a picker for a folder, and dropping files or
//! folders anywhere on the page. While files are read, the count read so far is shown.

use leptos::ev;
use leptos::prelude::*;
use leptos::task::spawn_local;

use super::super::page_drop::listen_for_drops;
use super::file_source::{files_of_drop, files_of_input, take_dropped};
use super::overview_state::OverviewState;

#[component]
pub fn LoadPanel(state: OverviewState) -> impl IntoView {
    let dragging = listen_for_drops(move |data| {
        // Taken now: the browser forgets what was dropped once the event is over.
        let dropped = take_dropped(data);
        spawn_local(async move {
            let (files, unlisted) = files_of_drop(dropped).await;
            state.note_unlisted(unlisted);
            state.add_files(files);
        });
    });
    let on_chosen = move |ev: ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        state.add_files(files_of_input(input.files()));
        // The same files can be chosen again later (after 「すべて消去」).
        input.set_value("");
    };
    // `webkitdirectory` (choose a folder) is not among the attributes the view macro knows.
    let folder_input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(input) = folder_input.get() {
            let _ = input.set_attribute("webkitdirectory", "");
        }
    });
    let busy = move || state.loading.get().is_some();
    let has_files = move || state.with_collection(|c| c.files_added() > 0);

    view! {
        <section class="load-panel" aria-labelledby="load-heading">
            <h2 id="load-heading">"回答ファイルを読み込む"</h2>
            <p>
                "各病院がこのツールで保存したJSONファイル（"
                <code>".json"</code>
                "）を、まとめて選ぶか、フォルダごと選んでください。このページにドロップしても読み込めます。何回かに分けて追加することもできます。"
            </p>
            <div class="load-actions">
                <label class="button button-primary file-button" class:button-disabled=busy>
                    "ファイルを選ぶ"
                    <input
                        type="file"
                        class="visually-hidden"
                        accept=".json,application/json"
                        multiple
                        disabled=busy
                        on:change=on_chosen
                    />
                </label>
                <label class="button button-secondary file-button" class:button-disabled=busy>
                    "フォルダを選ぶ"
                    <input
                        type="file"
                        class="visually-hidden"
                        node_ref=folder_input
                        disabled=busy
                        on:change=on_chosen
                    />
                </label>
                <Show when=has_files>
                    <button
                        type="button"
                        class="button button-secondary"
                        disabled=busy
                        on:click=move |_| state.clear()
                    >
                        "すべて消去"
                    </button>
                </Show>
            </div>
            <p class="load-status" role="status" aria-live="polite">
                {move || match state.loading.get() {
                    Some(progress) => {
                        format!("読み込み中です… {} / {} 件", progress.read, progress.total)
                    }
                    None => state.last_load.get().unwrap_or_default(),
                }}
            </p>
            <p class="privacy-note">
                "ファイルはこのブラウザの中だけで読み込まれ、どこにも送信されません。ページを閉じると、読み込んだ内容は消えます。"
            </p>
        </section>
        <div class="drop-hint" class:drop-hint-visible=move || dragging.get() aria-hidden="true">
            "ここにファイルやフォルダをドロップすると、集計に追加します"
        </div>
    }
}
