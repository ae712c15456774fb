//! The overview page's head as the build writes it: its title names the served edition's survey
//! (build.rs includes this file; tools/splice-pages.mjs puts it into overview.html).

use super::html::esc;
use crate::survey::definition::Survey;

/// The description and the title of the overview page.
pub fn overview_page_head(survey: &Survey) -> String {
    format!(
        "<meta name=\"description\" content=\"病院から集めた回答ファイル（JSON）をブラウザの中だけで集計し、設問ごとの回答状況を一覧にします。\">\
         <title>回答ファイルの集計｜{}</title>",
        esc(&survey.title)
    )
}
