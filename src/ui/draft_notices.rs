//! What the user must know about their drafts: storage that does not work, a newer save in another
//! tab, and stored drafts that could not be read. (The outcome of loading files is shown where the
//! files were chosen: file_outcomes.rs, in the files panel.)

use leptos::prelude::*;

use super::clock::{local_time, today_compact};
use super::download::offer_download;
use super::draft_session::{DraftSession, SaveStatus};
use crate::draft::{DraftError, StoreError};
use crate::export::export_file_name;

#[component]
pub fn DraftNotices(drafts: DraftSession) -> impl IntoView {
    view! {
        <div class="draft-notices">
            {drafts.unavailable_reason.get_value().map(|reason| view! {
                <div class="notice notice-warning" role="alert">
                    <p>{reason.to_string()}</p>
                </div>
            })}
            {move || save_notice(drafts)}
            <StoredProblems drafts />
        </div>
    }
}

fn save_notice(drafts: DraftSession) -> Option<AnyView> {
    let status = drafts.status();
    match &status {
        SaveStatus::Failed(StoreError::Unavailable) if drafts.memory_only => None,
        SaveStatus::Failed(_) | SaveStatus::Refused(_) => status.notice().map(|text| {
            view! {
                <div class="notice notice-error" role="alert">
                    <p>{text}</p>
                </div>
            }
            .into_any()
        }),
        SaveStatus::Conflict { at } => {
            Some(
                view! {
                    <div class="notice notice-warning notice-pinned" role="status">
                        <p>
                            <strong>"別のタブ（またはウィンドウ）で、この下書きが新しく保存されました"</strong>
                            {format!("（{}）。", local_time(at))}
                            "このタブでの変更は、まだ保存していません。"
                            "どちらを残すか選んでください。"
                        </p>
                        <div class="notice-actions">
                            <button type="button" class="button button-primary" on:click=move |_| drafts.take_newer()>
                                "新しい内容を読み込む"
                            </button>
                            <button type="button" class="button button-secondary" on:click=move |_| drafts.keep_mine()>
                                "このタブの内容で上書き保存する"
                            </button>
                        </div>
                    </div>
                }
                .into_any(),
            )
        }
        SaveStatus::Gone { .. } => status.notice().map(|text| {
            view! {
                <div class="notice notice-warning notice-pinned" role="alert">
                    <p><strong>{text}</strong>" この内容を下書きとして残すか選んでください。"</p>
                    <div class="notice-actions">
                        <button type="button" class="button button-primary" on:click=move |_| drafts.keep_mine()>
                            "この内容で下書きを残す"
                        </button>
                        <button type="button" class="button button-secondary" on:click=move |_| drafts.let_go()>
                            "残さずにほかの下書きを開く"
                        </button>
                    </div>
                </div>
            }
            .into_any()
        }),
        _ => None,
    }
}

#[component]
fn StoredProblems(drafts: DraftSession) -> impl IntoView {
    let left_alone = move || {
        drafts.problems.with(|problems| {
            problems
                .iter()
                .filter(|p| p.recovery_key.is_none())
                .map(|p| p.error.clone())
                .collect::<Vec<DraftError>>()
        })
    };
    view! {
        {move || {
            let left = left_alone();
            (!left.is_empty()).then(|| view! {
                <div class="notice notice-warning" role="status">
                    <p>"このブラウザには、この版では開けない下書きがあります。消さずにそのまま残しています。"</p>
                    <ul>{left.into_iter().map(|e| view! { <li>{e.to_string()}</li> }).collect_view()}</ul>
                </div>
            })
        }}
        {move || {
            let recovered = drafts.recovered.get();
            (!recovered.is_empty()).then(|| view! {
                <div class="notice notice-warning" role="status">
                    <p>
                        <strong>{format!("読み込めなかった下書きが{}件あります。", recovered.len())}</strong>
                        "データが壊れていたため、元の内容を別の場所に退避し、残りの下書きで始めています。"
                        "退避した内容はファイルに保存できます（サポートに渡すと復旧できる場合があります）。"
                    </p>
                    <ul class="recovered-list">
                        {recovered.into_iter().enumerate().map(|(index, (key, text))| {
                            let delete_key = key.clone();
                            view! {
                                <li>
                                    {format!("退避データ {}（{}文字）", index + 1, text.chars().count())}
                                    " "
                                    <button type="button" class="button button-small" on:click=move |_| {
                                        let name = export_file_name(
                                            drafts.survey(),
                                            &format!("退避データ{}", index + 1),
                                            &today_compact(),
                                            "txt",
                                        );
                                        offer_download(&name, "text/plain", text.as_bytes());
                                    }>"ファイルに保存"</button>
                                    " "
                                    <button type="button" class="button button-small" on:click=move |_| {
                                        drafts.discard_recovered(&delete_key);
                                    }>"退避データを削除"</button>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                </div>
            })
        }}
    }
}
