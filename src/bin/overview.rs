fn main() {
    cyber_survey::ui::overview::start();
}
