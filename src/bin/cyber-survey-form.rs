fn main() {
    cyber_survey::ui::start_form_page();
}
