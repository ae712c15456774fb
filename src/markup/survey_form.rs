//! The survey's own markup on the answering page: the section list, the intro with the survey's
//! facts and guide, and every item with its controls, guidance and readiness notes, in the seed's
//! words. Written at build time (build.rs includes this file) and bound by the form module by the
//! ids of [`form_ids`], the one definition both use. Items the survey does not ask yet are written
//! `hidden`; the form module shows them as their conditions come true.

use super::form_ids;
use super::html::esc;
use crate::survey::definition::{AdvisoryLevel, AnswerKind, Block, Item, Survey};

/// The three places the answering page holds the survey's markup.
pub struct SurveyMarkup {
    /// The list of sections (their counts are written by the form module).
    pub nav: String,
    /// What the page is for, the survey's period and method, and its guide.
    pub intro: String,
    /// The form: every section and item, and where the check writes its result.
    pub form: String,
}

fn blocks_html(blocks: &[Block]) -> String {
    let mut h = String::new();
    for block in blocks {
        match block {
            Block::Heading(t) => h += &format!("<h3 class=\"guide-heading\">{}</h3>", esc(t)),
            Block::P(t) => h += &format!("<p>{}</p>", esc(t)),
            Block::Reference(t) => h += &format!("<p class=\"guide-reference\">{}</p>", esc(t)),
            Block::Source(t) => h += &format!("<p class=\"guide-source\">{}</p>", esc(t)),
            Block::Quote(t) => {
                h += &format!(
                    "<blockquote class=\"guide-quote\"><p>{}</p></blockquote>",
                    esc(t)
                )
            }
            Block::List(items) => {
                h += "<ul class=\"guide-list\">";
                for i in items {
                    h += &format!("<li>{}</li>", esc(i));
                }
                h += "</ul>";
            }
            Block::Link(url) => {
                h += &format!(
                    "<p class=\"guide-link\"><a href=\"{0}\" target=\"_blank\" rel=\"noopener noreferrer\">{0}</a></p>",
                    esc(url)
                )
            }
        }
    }
    h
}

fn title_html(item: &Item) -> String {
    format!(
        "<span class=\"item-number\">{}</span> <span class=\"item-text\">{}</span>",
        esc(&item.number),
        esc(&item.text)
    )
}

/// The survey's part of the answering page: the section nav, the intro and every item.
pub fn survey_form(survey: &Survey) -> SurveyMarkup {
    let mut h = String::new();
    // Section nav (counts filled in by the wasm).
    h += "<nav class=\"section-nav\" aria-label=\"設問の区分\"><h2 class=\"nav-heading\">設問の区分</h2><ol>";
    for (index, section) in survey.sections.iter().enumerate() {
        h += &format!(
            "<li id=\"{}\"><a href=\"#{}\"><span class=\"nav-title\">{}. {}</span><span class=\"nav-count\"></span></a></li>",
            form_ids::nav(&esc(&section.id)),
            form_ids::section(&esc(&section.id)),
            index + 1,
            esc(&section.title)
        );
    }
    h += "</ol></nav>";
    let nav = std::mem::take(&mut h);
    // Intro.
    h += &format!(
        "<section class=\"intro\" aria-labelledby=\"{0}\"><h2 id=\"{0}\" class=\"visually-hidden\">このページについて</h2>",
        form_ids::INTRO_HEADING
    );
    h += "<p>この画面では、厚生労働省の調査に G-MIS で回答する前に、回答内容を準備・確認できます。設問と回答要領は調査の原文のとおりです。</p>";
    h += &format!(
        "<dl class=\"survey-facts\"><div><dt>調査期間</dt><dd>{}</dd></div><div><dt>回答方法</dt><dd>{}</dd></div></dl>",
        esc(&survey.period),
        esc(&survey.answer_method)
    );
    h += "<div class=\"notice notice-info\"><p><strong>入力内容は外部に送信されません。</strong>回答はこのブラウザの中だけで扱われ、サーバーや第三者に送られることはありません。</p>\
          <p>入力内容は、このブラウザの中に下書きとして自動で保存されます。別のパソコンで続けるときは「JSONファイルに保存」で保存したファイルを、そのパソコンで読み込んでください。</p></div>";
    h += &format!(
        "<details class=\"guidance guidance-general\"><summary>回答要領（共通事項）</summary><div class=\"guidance-body\">{}</div></details></section>",
        blocks_html(&survey.guide)
    );
    let intro = std::mem::take(&mut h);
    // Form.
    h += &format!(
        "<form class=\"survey-form\" id=\"{}\" novalidate inert>",
        form_ids::SURVEY_FORM
    );
    for (index, section) in survey.sections.iter().enumerate() {
        let sid = esc(&section.id);
        let heading = form_ids::section_heading(&sid);
        h += &format!(
            "<section class=\"survey-section\" id=\"{}\" aria-labelledby=\"{heading}\"><h2 id=\"{heading}\"><span class=\"section-position\">{}.</span> {}</h2>",
            form_ids::section(&sid),
            index + 1,
            esc(&section.title)
        );
        for item in &section.items {
            h += &item_html(item);
        }
        h += "</section>";
    }
    h += &format!(
        "<div class=\"form-end\"><div id=\"{}\" class=\"check-result\" tabindex=\"-1\"></div>\
          <button type=\"submit\" class=\"button button-primary\">回答内容を確認する</button></div></form>",
        form_ids::CHECK_RESULT
    );
    SurveyMarkup {
        nav,
        intro,
        form: h,
    }
}

fn item_html(item: &Item) -> String {
    let id = esc(&item.id);
    let several = matches!(item.answer, AnswerKind::Multiple { .. });
    let badge_describes = several && item.required;
    let mut described: Vec<String> = Vec::new();
    if item.lead.is_some() {
        described.push(form_ids::lead(&id));
    }
    if badge_describes {
        described.push(form_ids::badge(&id));
    }
    described.push(form_ids::error(&id));
    let described_by = described.join(" ");
    let mut h = format!(
        "<div class=\"item{}\" id=\"{}\"{}>",
        if item.when.is_some() {
            " item-follow-up"
        } else {
            ""
        },
        form_ids::item(&id),
        // Follow-up items are not asked until their parent is answered.
        if item.when.is_some() { " hidden" } else { "" },
    );
    h += "<div class=\"item-badges\">";
    h += &if item.required {
        format!(
            "<span class=\"badge badge-required\" id=\"{}\">必須</span>",
            form_ids::badge(&id)
        )
    } else {
        "<span class=\"badge badge-optional\">任意</span>".to_owned()
    };
    h += "</div>";
    if let Some(lead) = &item.lead {
        h += &format!(
            "<p class=\"item-lead\" id=\"{}\">{}</p>",
            form_ids::lead(&id),
            esc(lead)
        );
    }
    h += "<div class=\"item-control\">";
    let field = form_ids::field(&id);
    let required = if item.required {
        " aria-required=\"true\""
    } else {
        ""
    };
    match &item.answer {
        AnswerKind::Text { .. } => {
            h += &format!(
                "<label class=\"item-title\" for=\"{field}\">{}</label><input type=\"text\" class=\"text-input\" id=\"{field}\" autocomplete=\"off\"{required} aria-describedby=\"{described_by}\">",
                title_html(item)
            );
        }
        AnswerKind::Integer { min, max, unit } => {
            let hint = form_ids::hint(&id);
            let notice = form_ids::notice(&id);
            h += &format!(
                "<label class=\"item-title\" for=\"{field}\">{}</label><p class=\"field-hint\" id=\"{hint}\">半角数字で入力してください（{min}～{max}{}）。</p>\
                 <div class=\"number-row\"><input type=\"text\" inputmode=\"numeric\" class=\"number-input\" id=\"{field}\" autocomplete=\"off\"{required} aria-describedby=\"{hint} {described_by}\"><span class=\"unit\" aria-hidden=\"true\">{}</span></div>\
                 <p class=\"field-notice\" role=\"status\" id=\"{notice}\"></p>",
                title_html(item),
                esc(unit),
                esc(unit)
            );
        }
        AnswerKind::YesNo | AnswerKind::Single { .. } | AnswerKind::Multiple { .. } => {
            let choices: Vec<String> = match &item.answer {
                AnswerKind::Single { choices } | AnswerKind::Multiple { choices } => {
                    choices.clone()
                }
                _ => vec!["はい".to_owned(), "いいえ".to_owned()],
            };
            let role = if several { "" } else { " role=\"radiogroup\"" };
            let legend = form_ids::legend(&id);
            let req = if !several && item.required {
                " aria-required=\"true\""
            } else {
                ""
            };
            h += &format!(
                "<fieldset class=\"choice-group\"{role} aria-labelledby=\"{legend}\"{req} aria-describedby=\"{described_by}\"><legend class=\"item-title\" id=\"{legend}\">{}</legend><div class=\"{}\">",
                title_html(item),
                if choices.len() <= 2 {
                    "choices choices-inline"
                } else {
                    "choices"
                }
            );
            for (index, choice) in choices.iter().enumerate() {
                let control = form_ids::choice(&id, index);
                let kind = if several {
                    "type=\"checkbox\"".to_owned()
                } else {
                    format!("type=\"radio\" name=\"{}\"", form_ids::radio_name(&id))
                };
                h += &format!(
                    "<div class=\"choice\"><input {kind} id=\"{control}\" value=\"{0}\"><label for=\"{control}\">{0}</label></div>",
                    esc(choice)
                );
            }
            h += "</div></fieldset>";
        }
    }
    h += "</div>";
    h += &format!(
        "<p class=\"item-error\" id=\"{}\"></p>",
        form_ids::error(&id)
    );
    for (index, advisory) in item.advisories.iter().enumerate() {
        let (note, label) = match advisory.level {
            AdvisoryLevel::Shortfall => ("", "要対策"),
            AdvisoryLevel::Note => (" advisory-note", "留意"),
        };
        h += &format!(
            "<div class=\"advisory{note}\" id=\"{}\" hidden><p><span class=\"badge advisory-level\">対策状況：{label}</span> {}</p><p class=\"advisory-reference\">参照：{}</p></div>",
            form_ids::advisory(&id, index),
            esc(&advisory.message),
            esc(&advisory.reference)
        );
    }
    h += &format!(
        "<details class=\"guidance\"><summary>回答要領（{}）</summary><div class=\"guidance-body\">{}</div></details></div>",
        esc(&item.number),
        blocks_html(&item.guidance)
    );
    h
}
