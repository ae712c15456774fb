//! The answering page as the browser first receives it: its title, and the whole body (the header,
//! the draft bar, the progress, the screen tabs, the notices, the survey's own markup and the holder
//! of the tools screens). Written at build time from the served edition (build.rs includes this
//! file; tools/splice-pages.mjs puts it into index.html, which keeps only what Trunk needs), so
//! every id comes from [`form_ids`] and every word about the survey from its definition: the
//! template names no edition.

use super::form_ids::page;
use super::html::esc;
use super::survey_form::{SurveyMarkup, survey_form};
use crate::survey::definition::Survey;
use crate::ui::screens::Screen;

/// The two parts of the page the build writes.
pub struct AnsweringPage {
    /// The description and the title, inside `<head>`.
    pub head: String,
    /// Everything inside `<body>`.
    pub body: String,
}

/// The answering page of a survey.
pub fn answering_page(survey: &Survey) -> AnsweringPage {
    let title = esc(&survey.title);
    let head = format!(
        "<meta name=\"description\" content=\"{title}の回答を、ブラウザの中だけで準備・確認するためのツールです。\">\
         <title>回答準備ツール｜{title}</title>"
    );
    let SurveyMarkup { nav, intro, form } = survey_form(survey);
    let mut b = String::new();
    b += "<a class=\"skip-link\" href=\"#main\">本文へ移動</a>";
    b += &format!(
        "<header class=\"site-header\"><div class=\"header-inner\"><p class=\"site-name\">サイバーセキュリティ対策調査 回答準備ツール</p><h1>{title}</h1></div></header>"
    );
    b += &format!(
        "<div class=\"visually-hidden\" role=\"status\" aria-live=\"polite\" id=\"{}\"></div>",
        page::ANNOUNCER
    );
    b += &format!(
        "<section class=\"draft-bar\" aria-label=\"下書き\"><div class=\"draft-bar-inner\">\
         <p class=\"draft-current\"><span class=\"draft-label\">下書き：</span><strong class=\"draft-name\" id=\"{}\"></strong>\
         <span class=\"save-status\" aria-hidden=\"true\" id=\"{}\"></span><span class=\"visually-hidden\" role=\"status\" id=\"{}\"></span></p>\
         </div></section>",
        page::DRAFT_NAME,
        page::SAVE_STATUS,
        page::SAVE_STATUS_SPOKEN
    );
    b += &format!(
        "<div class=\"progress-panel\"><div class=\"progress-inner\">\
         <p class=\"progress-text\" id=\"{0}\">読み込み中です…</p>\
         <progress class=\"progress-bar\" aria-labelledby=\"{0}\" max=\"1\" value=\"0\" id=\"{1}\"></progress>\
         <span class=\"progress-percent\" aria-hidden=\"true\" id=\"{2}\"></span>\
         <button type=\"button\" class=\"button button-secondary\" id=\"{3}\">回答内容を確認する</button>\
         </div></div>",
        page::PROGRESS_TEXT,
        page::PROGRESS_BAR,
        page::PROGRESS_PERCENT,
        page::CHECK_BUTTON
    );
    b += "<noscript><p class=\"loading\">このページを使うには JavaScript を有効にしてください。</p></noscript>";
    b += "<div class=\"layout\">";
    b += &nav;
    b += &format!("<main id=\"{}\" tabindex=\"-1\">", page::MAIN);
    b += &format!(
        "<div class=\"notice notice-info update-notice\" role=\"status\" id=\"{}\" hidden><p><strong>新しい版があります。</strong>更新すると、このページが新しい版で開き直します。入力中の下書きはそのまま残ります。</p>\
         <button type=\"button\" class=\"button button-primary\" id=\"{}\">新しい版に更新する</button></div>",
        page::UPDATE_NOTICE,
        page::UPDATE_BUTTON
    );
    b += &screen_tabs();
    b += &format!("<div class=\"screen-form\" id=\"{}\">", page::SCREEN_FORM);
    b += &form_notices();
    b += &intro;
    b += &form;
    b += "</div>";
    b += &format!(
        "<div class=\"screen-tools\" id=\"{}\" data-boot=\"\" hidden><p class=\"loading\" id=\"{}\">読み込み中です…</p>\
         <p class=\"notice notice-error\" role=\"alert\" id=\"{}\" hidden>この画面を読み込めませんでした。ネットワークの状態を確かめて、ページを再読み込みしてください。「回答を入力する」の画面と入力中の回答は、そのまま使えます。</p></div>",
        page::SCREEN_TOOLS,
        page::TOOLS_LOADING,
        page::TOOLS_FAILED
    );
    b += "</main></div>";
    b += "<footer class=\"site-footer\"><p>このツールは回答の準備を助けるものです。調査への回答は G-MIS 上で行ってください。</p></footer>";
    AnsweringPage { head, body: b }
}

/// The tabs: the one way to each screen, plain links so that every switch is a history entry.
/// The form's is current until the form module marks another.
fn screen_tabs() -> String {
    let mut h = String::from("<nav class=\"screen-tabs\" aria-label=\"画面の切り替え\">");
    for screen in Screen::ALL {
        let current = if screen == Screen::Form {
            " aria-current=\"page\""
        } else {
            ""
        };
        h += &format!(
            "<a class=\"screen-tab\"{current} href=\"{}\">{}</a>",
            screen.address(),
            screen.tab_label()
        );
    }
    h + "</nav>"
}

/// The notices above the form about where the draft is kept, each hidden until the form module
/// has a reason to show it.
fn form_notices() -> String {
    let files = Screen::Files.address();
    let drafts = Screen::Drafts.address();
    let mut h = String::new();
    h += &format!(
        "<div class=\"notice notice-warning\" role=\"alert\" id=\"{}\" hidden><p id=\"{}\"></p><a class=\"button button-primary\" href=\"{files}\">回答をJSONファイルに保存する</a></div>",
        page::STORAGE_UNAVAILABLE,
        page::STORAGE_UNAVAILABLE_TEXT
    );
    h += &format!(
        "<div class=\"notice notice-error\" role=\"alert\" id=\"{}\" hidden><p id=\"{}\"></p><a class=\"button button-primary\" href=\"{files}\">回答をJSONファイルに保存する</a></div>",
        page::SAVE_FAILED,
        page::SAVE_FAILED_TEXT
    );
    h += &format!(
        "<div class=\"notice notice-warning notice-pinned\" role=\"status\" id=\"{}\" hidden><p><strong>別のタブ（またはウィンドウ）で、この下書きが新しく保存されました。</strong>このタブでの変更は、まだ保存していません。どちらを残すか選んでください。</p>\
         <div class=\"notice-actions\"><button type=\"button\" class=\"button button-primary\" id=\"{}\">新しい内容を読み込む</button><button type=\"button\" class=\"button button-secondary\" id=\"{}\">このタブの内容で上書き保存する</button></div></div>",
        page::NEWER_ELSEWHERE,
        page::TAKE_NEWER,
        page::KEEP_MINE
    );
    h += &format!(
        "<div class=\"notice notice-warning notice-pinned\" role=\"alert\" id=\"{}\" hidden><p><strong id=\"{}\"></strong> この内容を下書きとして残すか選んでください。</p>\
         <div class=\"notice-actions\"><button type=\"button\" class=\"button button-primary\" id=\"{}\">この内容で下書きを残す</button><button type=\"button\" class=\"button button-secondary\" id=\"{}\">残さずにほかの下書きを開く</button></div></div>",
        page::GONE_ELSEWHERE,
        page::GONE_ELSEWHERE_TEXT,
        page::KEEP_GONE,
        page::LET_GO
    );
    h += &format!(
        "<div class=\"notice notice-warning\" role=\"status\" id=\"{}\" hidden><p><strong id=\"{}\"></strong>データが壊れていたため、元の内容を別の場所に退避し、残りの下書きで始めています。退避した内容は、下書きの一覧でファイルに保存できます（サポートに渡すと復旧できる場合があります）。</p>\
         <p><a href=\"{drafts}\">下書きの一覧で退避データを確認する</a></p></div>",
        page::RECOVERED_NOTICE,
        page::RECOVERED_COUNT
    );
    h += &format!(
        "<div class=\"notice notice-warning\" role=\"status\" id=\"{}\" hidden><p>このブラウザには、この版では開けない下書きがあります。消さずにそのまま残しています。<a href=\"{drafts}\">下書きの一覧で確認する</a></p></div>",
        page::STORED_PROBLEMS
    );
    h
}
