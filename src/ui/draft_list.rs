//! Every draft kept in this browser: open, rename, duplicate, delete (after confirming), or start a
//! new one. For a hospital group or a consultant preparing answers for several hospitals on one PC.

use leptos::prelude::*;

use super::screens::headings;

use super::clock::local_time;
use super::draft_session::{DraftSession, DraftSummary, save_error_message};
use super::progress_panel::describe_progress;
use super::screen::show_form;
use crate::survey::Answers;

#[component]
pub fn DraftList(drafts: DraftSession) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    view! {
        <section id="draft-list" class="draft-list" aria-labelledby=headings::DRAFT_LIST>
            <div class="draft-list-head">
                <h2 id=headings::DRAFT_LIST tabindex="-1">"下書きの一覧"</h2>
                <button type="button" class="button button-secondary" on:click=move |_| {
                    match drafts.create(Answers::new(), None) {
                        Ok(()) => show_form(),
                        Err(e) => error.set(Some(save_error_message(&e))),
                    }
                }>"新しい下書きを作成"</button>
            </div>
            <p class="draft-list-note">
                "このブラウザに保存されている下書きです。複数の病院の回答を、別々の下書きとして準備できます。"
                "下書きはこのブラウザの中だけに保存され、外部には送信されません。"
            </p>
            {move || error.get().map(|message| view! {
                <p class="notice notice-error" role="alert">{message}</p>
            })}
            <ul class="draft-cards">
                <For
                    each=move || drafts.summaries.get()
                    key=|summary| (summary.id.clone(), summary.name.clone(), summary.saved_at.clone(), summary.progress)
                    let:summary
                >
                    <DraftCard drafts summary error />
                </For>
            </ul>
        </section>
    }
}

#[derive(Clone, PartialEq)]
enum CardMode {
    Showing,
    Renaming,
    ConfirmingDelete,
}

#[component]
fn DraftCard(
    drafts: DraftSession,
    summary: DraftSummary,
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let mode = RwSignal::new(CardMode::Showing);
    let id = StoredValue::new(summary.id.clone());
    let name = summary.name.clone();
    let is_open = move || drafts.current_id() == id.get_value();
    let new_name = RwSignal::new(name.clone());
    let rename_input_id = format!("rename-{}", summary.id);
    let progress = summary.progress;
    let progress_text = describe_progress(progress);
    let named = |action: &str, name: &str| format!("{action}（{name}）");
    // Stored so that the views rebuilt on every mode change can each take a copy.
    let open_label = StoredValue::new(named("開く", &name));
    let rename_label = StoredValue::new(named("名前を変更", &name));
    let duplicate_label = StoredValue::new(named("複製", &name));
    let delete_label = StoredValue::new(named("削除", &name));
    let confirm_text = StoredValue::new(format!(
        "「{name}」を削除しますか？削除すると元に戻せません。"
    ));
    let rename_input_id = StoredValue::new(rename_input_id);
    view! {
        <li class="draft-card" class:draft-card-open=is_open>
            <p class="draft-card-name">
                <strong>{name.clone()}</strong>
                {move || is_open().then(|| view! { <span class="badge badge-open">"編集中"</span> })}
            </p>
            <dl class="draft-card-facts">
                <div><dt>"病院名"</dt><dd>{if summary.hospital.is_empty() { "（未入力）".to_owned() } else { summary.hospital.clone() }}</dd></div>
                <div><dt>"最終保存"</dt><dd>{local_time(&summary.saved_at)}</dd></div>
                <div><dt>"回答状況"</dt><dd>{progress_text}</dd></div>
            </dl>
            {move || match mode.get() {
                CardMode::Showing => view! {
                    <div class="draft-card-actions">
                        {move || (!is_open()).then(|| view! {
                            <button type="button" class="button button-small" aria-label=open_label.get_value()
                                on:click=move |_| {
                                    match drafts.switch_to(&id.get_value()) {
                                        Ok(()) => show_form(),
                                        Err(e) => error.set(Some(save_error_message(&e))),
                                    }
                                }>"開く"</button>
                        })}
                        <button type="button" class="button button-small" aria-label=rename_label.get_value()
                            on:click=move |_| mode.set(CardMode::Renaming)>"名前を変更"</button>
                        <button type="button" class="button button-small" aria-label=duplicate_label.get_value()
                            on:click=move |_| {
                                if let Err(e) = drafts.duplicate(&id.get_value()) {
                                    error.set(Some(save_error_message(&e)));
                                }
                            }>"複製"</button>
                        <button type="button" class="button button-small button-danger" aria-label=delete_label.get_value()
                            on:click=move |_| mode.set(CardMode::ConfirmingDelete)>"削除"</button>
                    </div>
                }.into_any(),
                CardMode::Renaming => view! {
                    <form class="draft-rename" on:submit=move |ev| {
                        ev.prevent_default();
                        if let Err(e) = drafts.rename(&id.get_value(), &new_name.get_untracked()) {
                            error.set(Some(save_error_message(&e)));
                        }
                        mode.set(CardMode::Showing);
                    }>
                        <label for=rename_input_id.get_value()>"新しい下書き名（空欄にすると病院名を使います）"</label>
                        <input
                            type="text"
                            id=rename_input_id.get_value()
                            class="text-input"
                            prop:value=move || new_name.get()
                            on:input:target=move |ev| new_name.set(ev.target().value())
                        />
                        <div class="draft-card-actions">
                            <button type="submit" class="button button-small">"名前を保存"</button>
                            <button type="button" class="button button-small" on:click=move |_| mode.set(CardMode::Showing)>"やめる"</button>
                        </div>
                    </form>
                }.into_any(),
                CardMode::ConfirmingDelete => view! {
                    <div class="draft-confirm" role="group" aria-label="削除の確認">
                        <p>{confirm_text.get_value()}</p>
                        <div class="draft-card-actions">
                            <button type="button" class="button button-small button-danger" on:click=move |_| {
                                if let Err(e) = drafts.delete(&id.get_value()) {
                                    error.set(Some(e.to_string()));
                                }
                                mode.set(CardMode::Showing);
                            }>"削除する"</button>
                            <button type="button" class="button button-small" on:click=move |_| mode.set(CardMode::Showing)>"やめる"</button>
                        </div>
                    </div>
                }.into_any(),
            }}
        </li>
    }
}
