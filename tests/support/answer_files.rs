//! Answer files as hospitals send them in, for the overview tests: written by the app's own writer
//! (`write_answer_file`), or made by hand where a test needs what the app never writes. The
//! generator is deterministic, so a failure repeats exactly.

use cyber_survey::export::write_answer_file;
use cyber_survey::survey::{AnswerKind, Answers, Item, Survey};
use serde_json::{Value, json};

/// `exported_at` as the app writes it (`Date.toISOString`): January 2025, UTC.
pub fn saved_at(day: u32, second_of_day: u32) -> String {
    format!(
        "2025-01-{day:02}T{:02}:{:02}:{:02}.000Z",
        second_of_day / 3600,
        second_of_day / 60 % 60,
        second_of_day % 60
    )
}

/// A file made by hand for `survey`: the format's header plus whatever `fields` add or override.
pub fn hand_made(survey: &Survey, fields: Value) -> String {
    let mut file =
        json!({"format": "cyber-survey-answers", "format_version": 1, "survey": survey.id});
    if let (Some(file), Value::Object(fields)) = (file.as_object_mut(), fields) {
        file.extend(fields);
    }
    file.to_string()
}

/// xorshift64*: small, deterministic, good enough to vary test data.
pub struct Dice(u64);

impl Dice {
    pub fn new(seed: u64) -> Self {
        Self(seed.max(1))
    }

    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 11
    }

    /// 0 ..= n − 1.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

/// What the generator meant a file to be, for the tests to work out the expected result their own
/// way.
#[derive(Debug, Clone)]
pub enum Intended {
    /// `hospital` is `None` for a file without a hospital name.
    Answers {
        hospital: Option<u64>,
        exported_at: String,
        answers: Answers,
    },
    Broken,
}

pub struct GeneratedFile {
    pub file_name: String,
    pub text: String,
    pub intended: Intended,
}

/// `count` files: about 1% broken in four ways (not JSON, another survey, a newer format, empty),
/// about 1% without a hospital name, and the rest drawn from `count` hospitals, so that many are
/// sent twice or more with different times. Names of one hospital differ in spacing and width
/// (「医療法人 第12病院」, 「医療法人　第１２病院」). Answers are drawn item by item from the
/// definition, with some left blank and some numbers invalid.
pub fn generate(survey: &Survey, count: usize, seed: u64) -> Vec<GeneratedFile> {
    let mut dice = Dice::new(seed);
    (0..count)
        .map(|index| {
            let file_name = format!("file-{index:05}.json");
            if dice.chance(1) {
                let text = match dice.below(4) {
                    0 => "名前,回答\r\n山田,はい\r\n".to_owned(),
                    1 => hand_made(
                        survey,
                        json!({"survey": format!("{}-unknown", survey.id), "answers": {"Q4": "はい"}}),
                    ),
                    2 => hand_made(
                        survey,
                        json!({"format_version": 2, "answers": {"Q4": "はい"}}),
                    ),
                    _ => String::new(),
                };
                return GeneratedFile {
                    file_name,
                    text,
                    intended: Intended::Broken,
                };
            }
            let hospital = (!dice.chance(1)).then(|| dice.below(count as u64));
            let exported_at = saved_at(1 + dice.below(28) as u32, dice.below(86_400) as u32);
            let answers = random_answers(survey, hospital, &mut dice);
            GeneratedFile {
                file_name,
                text: write_answer_file(survey, &answers, &exported_at),
                intended: Intended::Answers {
                    hospital,
                    exported_at,
                    answers,
                },
            }
        })
        .collect()
}

pub fn hospital_name(number: u64, variant: u64) -> String {
    match variant % 3 {
        0 => format!("医療法人 第{number}病院"),
        1 => format!("医療法人\u{3000}第{}病院", full_width(number)),
        _ => format!(" 医療法人第{number}病院 "),
    }
}

fn full_width(number: u64) -> String {
    number
        .to_string()
        .chars()
        .map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c))
        .collect()
}

fn random_answers(survey: &Survey, hospital: Option<u64>, dice: &mut Dice) -> Answers {
    let mut answers = Answers::new();
    let name = hospital.map_or_else(String::new, |n| hospital_name(n, dice.below(3)));
    answers.set_text(&survey.hospital_item, name);
    answers.set_text(
        &survey.respondent_item,
        format!("回答者{}", dice.below(1000)),
    );
    for item in survey.items() {
        if item.id == survey.hospital_item || item.id == survey.respondent_item {
            continue;
        }
        if dice.chance(4) {
            continue; // left blank
        }
        random_answer(item, &mut answers, dice);
    }
    answers
}

fn random_answer(item: &Item, answers: &mut Answers, dice: &mut Dice) {
    let choices = item.choices();
    match &item.answer {
        AnswerKind::Text { .. } => answers.set_text(&item.id, format!("記入{}", dice.below(50))),
        AnswerKind::YesNo => {
            let yes = dice.chance(75);
            answers.set_choice(&item.id, choices[usize::from(!yes)].clone());
        }
        AnswerKind::Single { .. } => {
            let index = dice.below(choices.len() as u64) as usize;
            answers.set_choice(&item.id, choices[index].clone());
        }
        AnswerKind::Multiple { .. } => {
            for choice in choices {
                if dice.chance(40) {
                    answers.set_choice_ticked(item, choice, true);
                }
            }
        }
        AnswerKind::Integer { min, max, .. } => {
            let typed = match dice.below(20) {
                0 => format!("{min}桁"),
                1 => (u64::from(*max) + 1).to_string(),
                _ => {
                    (u64::from(*min) + dice.below(u64::from((*max - *min).min(29)) + 1)).to_string()
                }
            };
            answers.set_text(&item.id, typed);
        }
    }
}
