//! What the page is and how to use it, above the items: the survey's period and method, the privacy
//! promise, and the 回答要領's general part.

use leptos::prelude::*;

use super::guidance_view::GuidanceBlocks;
use crate::survey::Survey;

#[component]
pub fn SurveyIntro(survey: &'static Survey) -> impl IntoView {
    view! {
        <section class="intro" aria-labelledby="intro-heading">
            <h2 id="intro-heading" class="visually-hidden">"このページについて"</h2>
            <p>
                "この画面では、厚生労働省の調査に G-MIS で回答する前に、回答内容を準備・確認できます。"
                "設問と回答要領は調査の原文のとおりです。"
            </p>
            <dl class="survey-facts">
                <div>
                    <dt>"調査期間"</dt>
                    <dd>{survey.period.as_str()}</dd>
                </div>
                <div>
                    <dt>"回答方法"</dt>
                    <dd>{survey.answer_method.as_str()}</dd>
                </div>
            </dl>
            <div class="notice notice-info">
                <p>
                    <strong>"入力内容は外部に送信されません。"</strong>
                    "回答はこのブラウザの中だけで扱われ、サーバーや第三者に送られることはありません。"
                </p>
                <p>
                    "入力内容は、このブラウザの中に下書きとして自動で保存されます。"
                    "別のパソコンで続けるときは「JSONファイルに保存」で保存したファイルを、そのパソコンで読み込んでください。"
                </p>
            </div>
            <details class="guidance guidance-general">
                <summary>"回答要領（共通事項）"</summary>
                <div class="guidance-body">
                    <GuidanceBlocks blocks=&survey.guide />
                </div>
            </details>
        </section>
    }
}
