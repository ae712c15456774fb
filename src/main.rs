fn main() {
    cyber_survey::ui::start();
}
