//! A model of several tabs sharing one browser's storage: random interleavings of typing,
//! saving, renaming, duplicating, creating, importing, opening, deleting, resolving conflicts,
//! storage full, damaged and foreign values, storage cleared, and storage events arriving late.
//! After every step the protocol's promises are checked against what the store really holds.
//!
//! Seeded and reproducible: a failure prints the seed and the steps before it.
//! `DRAFT_MODEL_SEED=<n>` replays one seed; `DRAFT_MODEL_RUNS=<n>` runs more seeds.

mod tabs;

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

use cyber_survey::draft::store::{DRAFT_PREFIX, RECOVERY_PREFIX, draft_key, recovery_key};
use cyber_survey::draft::{
    Draft, DraftError, DraftSession, KeyValueStore, SaveStatus, Shown, StoreError,
};
use cyber_survey::survey::Answers;
use tabs::{FakeClock, Shared, TabStore};

const STEPS_PER_RUN: usize = 3_000;
/// 20 seeds with two tabs and 20 with three: 120,000 steps in every `cargo test`.
const RUNS: u64 = 40;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // splitmix64
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        if items.is_empty() {
            None
        } else {
            items.get(self.below(items.len()))
        }
    }
}

struct Tab {
    session: DraftSession<TabStore, FakeClock>,
    shown: Answers,
    /// Whether the user changed something since the page last showed what is stored.
    edited: bool,
}

#[derive(Debug, Clone)]
enum Op {
    Type(usize, &'static str, &'static str),
    Receive(usize),
    Settle,
    Leave(usize),
    Rename(usize, Option<String>, &'static str),
    Duplicate(usize, Option<String>),
    Create(usize),
    Import(usize),
    Open(usize, Option<String>),
    Delete(usize, Option<String>),
    TakeTheirs(usize),
    KeepMine(usize),
    LetGo(usize),
    /// The answering page's way to let a deleted draft go: release it and load the page again.
    ReleaseAndReload(usize),
    /// The page is left (saved on the way out) and opened again.
    Reload(usize),
    SaveToFile(usize),
    StorageFull(bool),
    Damage(Option<String>),
    Foreign(Option<String>),
    HugeRevision,
    Clear(usize),
    DiscardRecovered,
}

const ITEMS: [&str; 3] = ["Q1-1", "Q1-2", "Q13"];
const VALUES: [&str; 3] = ["", "a", "b"];

struct Model {
    shared: Rc<RefCell<Shared>>,
    tabs: Vec<Tab>,
    clock: FakeClock,
    /// Drafts the user deleted (or cleared): only a tab's 「この内容で下書きを残す」 brings one back.
    deleted: BTreeSet<String>,
    /// Texts of a newer app or another survey: never written over or removed by a tab.
    foreign: BTreeMap<String, String>,
    /// Damaged texts planted under a draft id: always kept, in place or set aside, until the user
    /// discards the recovery copy or clears storage.
    damaged: Vec<(String, String)>,
    /// Tabs whose user chose to keep a deleted draft, and which may store it until they have.
    keeping: BTreeSet<(usize, String)>,
    fresh: u64,
}

fn draft_ids(shared: &Rc<RefCell<Shared>>) -> Vec<String> {
    shared
        .borrow()
        .memory
        .keys()
        .unwrap_or_default()
        .iter()
        .filter_map(|k| k.strip_prefix(DRAFT_PREFIX).map(str::to_owned))
        .collect()
}

fn readable(text: &str) -> Option<Draft> {
    Draft::from_json(text, "R6", "2026-12-01T00:00:00.000Z").ok()
}

fn is_foreign(text: &str) -> bool {
    matches!(
        Draft::from_json(text, "R6", "now"),
        Err(DraftError::NewerVersion { .. } | DraftError::OtherSurvey { .. })
    )
}

impl Model {
    fn new(tabs: usize) -> Self {
        let shared = Shared::new(tabs);
        let clock = FakeClock::default();
        let tabs = (0..tabs)
            .map(|index| {
                let store = TabStore {
                    shared: shared.clone(),
                    tab: index,
                };
                let session = DraftSession::start(store, clock.clone(), "R6");
                Tab {
                    shown: session.base().answers.clone(),
                    session,
                    edited: false,
                }
            })
            .collect();
        Self {
            shared,
            tabs,
            clock,
            deleted: BTreeSet::new(),
            foreign: BTreeMap::new(),
            damaged: Vec::new(),
            keeping: BTreeSet::new(),
            fresh: 0,
        }
    }

    fn random_op(&mut self, rng: &mut Rng) -> Op {
        let tab = rng.below(self.tabs.len());
        let ids = draft_ids(&self.shared);
        let target = |rng: &mut Rng| -> Option<String> {
            if rng.below(3) == 0 {
                None
            } else {
                rng.pick(&ids).cloned()
            }
        };
        match rng.below(100) {
            0..=34 => Op::Type(
                tab,
                ITEMS[rng.below(ITEMS.len())],
                VALUES[rng.below(VALUES.len())],
            ),
            35..=54 => Op::Receive(tab),
            55..=58 => Op::Settle,
            59..=60 => Op::Leave(tab),
            61..=63 => Op::Rename(tab, target(rng), ["", "本院", "分院"][rng.below(3)]),
            64..=65 => Op::Duplicate(tab, target(rng)),
            66..=67 => Op::Create(tab),
            68 => Op::Import(tab),
            69..=73 => Op::Open(tab, target(rng)),
            74..=77 => Op::Delete(tab, target(rng)),
            78..=81 => Op::TakeTheirs(tab),
            82..=85 => Op::KeepMine(tab),
            86 => Op::LetGo(tab),
            87 => {
                if rng.below(2) == 0 {
                    Op::ReleaseAndReload(tab)
                } else {
                    Op::Reload(tab)
                }
            }
            88 => Op::SaveToFile(tab),
            89..=91 => Op::StorageFull(rng.below(2) == 0),
            92..=93 => Op::Damage(rng.pick(&ids).cloned()),
            94 => Op::Foreign(rng.pick(&ids).cloned()),
            95 => Op::HugeRevision,
            96 => Op::Clear(tab),
            _ => Op::DiscardRecovered,
        }
    }

    fn apply(&mut self, tab: usize, shown: Shown) {
        if let Shown::Answers(answers) = shown {
            self.tabs[tab].shown = answers;
            self.tabs[tab].edited = false;
        }
    }

    fn receive(&mut self, tab: usize) {
        let next = self.shared.borrow_mut().pending[tab].pop_front();
        if let Some(key) = next {
            let t = &mut self.tabs[tab];
            let shown = t.session.notice(key.as_deref(), &t.shown);
            self.apply(tab, shown);
        }
    }

    fn target_or_open(&self, tab: usize, target: &Option<String>) -> String {
        target
            .clone()
            .unwrap_or_else(|| self.tabs[tab].session.id().to_owned())
    }

    /// Runs one step and checks every write it made.
    fn step(&mut self, op: &Op) -> Result<(), String> {
        let writes_before = self.shared.borrow().writes.len();
        let acting = match op {
            Op::Type(t, ..)
            | Op::Receive(t)
            | Op::Leave(t)
            | Op::Rename(t, ..)
            | Op::Duplicate(t, _)
            | Op::Create(t)
            | Op::Import(t)
            | Op::Open(t, _)
            | Op::Delete(t, _)
            | Op::TakeTheirs(t)
            | Op::KeepMine(t)
            | Op::LetGo(t)
            | Op::ReleaseAndReload(t)
            | Op::Reload(t)
            | Op::SaveToFile(t)
            | Op::Clear(t) => Some(*t),
            _ => None,
        };
        // What the acting tab had seen before the step, for the lost-update check.
        let seen = acting.map(|t| {
            let s = &self.tabs[t].session;
            (
                s.id().to_owned(),
                s.base_text().map(str::to_owned),
                s.base().answers.clone(),
                s.status().clone(),
            )
        });
        match op.clone() {
            Op::Type(t, item, value) => {
                let tab = &mut self.tabs[t];
                tab.shown.set_text(item, value.to_owned());
                tab.edited = true;
                let shown = tab.session.save(&tab.shown);
                self.apply(t, shown);
            }
            Op::Receive(t) => self.receive(t),
            Op::Settle => {}
            Op::Leave(t) => {
                let tab = &mut self.tabs[t];
                let shown = tab.session.save(&tab.shown);
                self.apply(t, shown);
            }
            Op::Rename(t, target, name) => {
                let id = self.target_or_open(t, &target);
                let tab = &mut self.tabs[t];
                if let Ok(shown) = tab.session.rename(&id, name, &tab.shown) {
                    self.apply(t, shown);
                }
            }
            Op::Duplicate(t, target) => {
                let id = self.target_or_open(t, &target);
                let tab = &mut self.tabs[t];
                let shown = tab
                    .session
                    .duplicate(&id, &tab.shown, |d| d.answers.text("Q1-2").to_owned());
                if let Ok(shown) = shown {
                    self.apply(t, shown);
                }
            }
            Op::Create(t) | Op::Import(t) => {
                let mut answers = Answers::new();
                if matches!(op, Op::Import(_)) {
                    answers.set_text("Q1-2", "読込".to_owned());
                }
                let tab = &mut self.tabs[t];
                if let Ok(shown) = tab.session.create(answers, None, &tab.shown) {
                    self.apply(t, shown);
                }
            }
            Op::Open(t, target) => {
                let id = self.target_or_open(t, &target);
                let tab = &mut self.tabs[t];
                if let Ok(shown) = tab.session.open(&id, &tab.shown) {
                    self.apply(t, shown);
                }
            }
            Op::Delete(t, target) => {
                let id = self.target_or_open(t, &target);
                let existed = self.shared.borrow().get(&draft_key(&id)).is_some();
                let result = self.tabs[t].session.delete(&id);
                if let Ok(shown) = result {
                    if existed {
                        self.deleted.insert(id);
                    }
                    self.apply(t, shown);
                }
            }
            Op::TakeTheirs(t) => {
                let tab = &mut self.tabs[t];
                let shown = tab.session.take_theirs(&tab.shown);
                self.apply(t, shown);
            }
            Op::KeepMine(t) => {
                if let Some((open, _, _, SaveStatus::Gone { .. })) = &seen {
                    self.keeping.insert((t, open.clone()));
                }
                let tab = &mut self.tabs[t];
                let shown = tab.session.keep_mine(&tab.shown);
                self.apply(t, shown);
            }
            Op::LetGo(t) => {
                let shown = self.tabs[t].session.let_go();
                self.apply(t, shown);
            }
            Op::ReleaseAndReload(t) | Op::Reload(t) => {
                let tab = &mut self.tabs[t];
                if matches!(op, Op::ReleaseAndReload(_)) {
                    tab.session.release();
                }
                // Leaving the page saves; what a released draft shows is not written.
                let _ = tab.session.save(&tab.shown);
                let leaving_unsaved = tab.session.unsaved_in_memory(&tab.shown, false);
                if leaving_unsaved && matches!(op, Op::Reload(_)) {
                    // The browser asks first, and the user stays.
                    return self.check_always();
                }
                self.shared.borrow_mut().pending[t].clear();
                let store = TabStore {
                    shared: self.shared.clone(),
                    tab: t,
                };
                let session = DraftSession::start(store, self.clock.clone(), "R6");
                self.tabs[t] = Tab {
                    shown: session.base().answers.clone(),
                    session,
                    edited: false,
                };
            }
            Op::SaveToFile(t) => {
                let tab = &mut self.tabs[t];
                tab.session.saved_to_file(&tab.shown);
            }
            Op::StorageFull(full) => {
                self.shared.borrow_mut().memory.failing_writes =
                    full.then_some(StoreError::QuotaExceeded);
            }
            Op::Damage(Some(id)) => {
                let key = draft_key(&id);
                if self.foreign.contains_key(&key) {
                    return Ok(());
                }
                // Damage over damage destroys the first by the model's own hand: forget it
                // unless it was already set aside.
                let in_place = self.shared.borrow().get(&key);
                let shared = self.shared.clone();
                self.damaged.retain(|(d, t)| {
                    *d != id
                        || Some(t) != in_place.as_ref()
                        || shared.borrow().get(&recovery_key(d, t)).is_some()
                });
                self.fresh += 1;
                let text = format!(
                    "{{\"format\":\"cyber-survey-draft\",\"damaged\":{}",
                    self.fresh
                );
                self.shared.borrow_mut().plant(&key, &text);
                self.damaged.push((id, text));
            }
            Op::Foreign(Some(id)) => {
                let key = draft_key(&id);
                let Some(text) = self.shared.borrow().get(&key) else {
                    return Ok(());
                };
                let Some(draft) = readable(&text) else {
                    return Ok(());
                };
                let foreign = draft.to_json().replace("\"version\":2", "\"version\":9");
                self.shared.borrow_mut().plant(&key, &foreign);
                self.foreign.insert(key, foreign);
            }
            Op::Damage(None) | Op::Foreign(None) => {}
            Op::HugeRevision => {
                self.fresh += 1;
                let mut draft = Draft::new("R6", "2026-12-01T00:00:00.000Z");
                draft.revision = u64::MAX - (self.fresh % 2);
                draft.answers.set_text("Q1-1", "a".to_owned());
                let id = format!("max{}", self.fresh);
                self.shared
                    .borrow_mut()
                    .plant(&draft_key(&id), &draft.to_json());
            }
            Op::Clear(t) => {
                let ids = draft_ids(&self.shared);
                // Site data is cleared from the browser's settings: every tab gets the event.
                let _ = t;
                self.shared.borrow_mut().clear(None);
                self.deleted.extend(ids);
                self.foreign.clear();
                self.damaged.clear();
                // Writes of a clear are the user's own choice, not the protocol's.
                return Ok(());
            }
            Op::DiscardRecovered => {
                let recovered = self.tabs[0].session.recovered();
                if let Some((key, _)) = recovered.first() {
                    let _ = self.tabs[0].session.discard_recovered(key);
                    self.damaged
                        .retain(|(id, text)| recovery_key(id, text) != *key);
                }
            }
        }
        if let Some(t) = acting
            && self.tabs[t].session.status().is_stored()
            && self.tabs[t].session.base().answers == self.tabs[t].shown
        {
            self.tabs[t].edited = false;
        }
        let writes: Vec<_> = self.shared.borrow().writes[writes_before..].to_vec();
        for write in writes {
            let Some(id) = write.key.strip_prefix(DRAFT_PREFIX).map(str::to_owned) else {
                if write.key.starts_with(RECOVERY_PREFIX)
                    && write.after.is_none()
                    && !matches!(op, Op::DiscardRecovered)
                {
                    return Err(format!("a recovery copy was removed: {}", write.key));
                }
                continue;
            };
            if write.tab == usize::MAX {
                continue;
            }
            if let Some(before) = &write.before {
                if is_foreign(before) {
                    return Err(format!("a newer app's draft {id} was written over"));
                }
                if readable(before).is_none()
                    && self
                        .shared
                        .borrow()
                        .get(&recovery_key(&id, before))
                        .is_none()
                {
                    return Err(format!("damaged text of {id} was destroyed, not set aside"));
                }
            }
            if write.after.is_some() && self.deleted.contains(&id) {
                let kept = self.keeping.remove(&(write.tab, id.clone()));
                if !kept {
                    return Err(format!(
                        "deleted draft {id} came back without the user choosing"
                    ));
                }
                self.deleted.remove(&id);
            }
            // No lost update: a tab writes its open draft only over what it has seen, over
            // another tab's rename of the same answers, or when the user chose to keep its own.
            if let (Some(before), Some(after), Some((open, base_text, base_answers, status))) =
                (&write.before, &write.after, &seen)
                && let (Some(before_draft), Some(after_draft)) = (readable(before), readable(after))
            {
                let own_draft = *open == id;
                let allowed = if own_draft {
                    Some(before) == base_text.as_ref()
                        || before_draft.answers == *base_answers
                        || (matches!(op, Op::KeepMine(_))
                            && matches!(status, SaveStatus::Conflict { .. }))
                        // Another tab's answers kept, only a name written with them.
                        || after_draft.answers == before_draft.answers
                } else {
                    // A rename of a draft not open here keeps its answers.
                    after_draft.answers == before_draft.answers
                };
                if !allowed {
                    return Err(format!(
                        "tab {} wrote draft {id} over a version it had not seen",
                        write.tab
                    ));
                }
            }
        }
        self.check_always()?;
        if matches!(op, Op::Settle) {
            self.settle();
            self.check_settled()?;
        }
        Ok(())
    }

    fn settle(&mut self) {
        for _ in 0..8 {
            let mut any = false;
            for t in 0..self.tabs.len() {
                while !self.shared.borrow().pending[t].is_empty() {
                    any = true;
                    self.receive(t);
                }
            }
            if !any {
                break;
            }
        }
    }

    fn check_always(&self) -> Result<(), String> {
        for (key, text) in &self.foreign {
            if self.shared.borrow().get(key).as_ref() != Some(text) {
                return Err(format!("the newer app's draft under {key} changed"));
            }
        }
        for (id, text) in &self.damaged {
            let shared = self.shared.borrow();
            let in_place = shared.get(&draft_key(id)).as_ref() == Some(text);
            let aside = shared.get(&recovery_key(id, text)).as_ref() == Some(text);
            if !in_place && !aside {
                return Err(format!("damaged text of {id} is gone"));
            }
        }
        for (t, tab) in self.tabs.iter().enumerate() {
            if matches!(tab.session.status(), SaveStatus::Conflict { .. }) && !tab.edited {
                return Err(format!("tab {t} shows a conflict with nothing unsaved"));
            }
        }
        Ok(())
    }

    /// Once every tab has received every event: what a tab shows as saved is stored, and a tab
    /// whose draft is gone says so.
    fn check_settled(&self) -> Result<(), String> {
        for (t, tab) in self.tabs.iter().enumerate() {
            let id = tab.session.id();
            let stored = self.shared.borrow().get(&draft_key(id));
            let status = tab.session.status();
            if status.is_stored() {
                let stored_answers = stored.as_deref().and_then(readable).map(|d| d.answers);
                if stored_answers.as_ref() != Some(&tab.shown) {
                    return Err(format!(
                        "tab {t} shows {status:?} but draft {id} holds {stored_answers:?}, not {:?}",
                        tab.shown
                    ));
                }
            }
            if stored.is_none()
                && tab.session.base_text().is_some()
                && !matches!(status, SaveStatus::Gone { .. } | SaveStatus::Failed(_))
            {
                return Err(format!(
                    "tab {t}'s draft {id} is gone but it shows {status:?}"
                ));
            }
        }
        Ok(())
    }
}

fn run(seed: u64) -> Result<(), String> {
    let mut rng = Rng(seed);
    let tabs = 2 + (seed % 2) as usize;
    let mut model = Model::new(tabs);
    let mut history: Vec<Op> = Vec::new();
    // DRAFT_MODEL_TRACE=1 prints every step and each tab's status after it.
    let trace = std::env::var("DRAFT_MODEL_TRACE").is_ok();
    for step in 0..STEPS_PER_RUN {
        let op = model.random_op(&mut rng);
        history.push(op.clone());
        let outcome = model.step(&op);
        if trace {
            let statuses: Vec<String> = model
                .tabs
                .iter()
                .map(|t| {
                    format!("{}:{:?}", t.session.id(), t.session.status())
                        .chars()
                        .take(60)
                        .collect()
                })
                .collect();
            println!("{step} {op:?} -> {statuses:?}");
        }
        if let Err(problem) = outcome {
            let tail: Vec<String> = history
                .iter()
                .rev()
                .take(12)
                .rev()
                .map(|op| format!("{op:?}"))
                .collect();
            return Err(format!(
                "seed {seed} ({tabs} tabs), step {step}: {problem}\nreplay: DRAFT_MODEL_SEED={seed} cargo test --test draft_model\nlast steps:\n  {}",
                tail.join("\n  ")
            ));
        }
    }
    let _ = &model.clock;
    Ok(())
}

#[test]
fn no_interleaving_of_tabs_loses_work() {
    let seeds: Vec<u64> = match std::env::var("DRAFT_MODEL_SEED") {
        Ok(seed) => vec![seed.parse().unwrap_or(0)],
        Err(_) => {
            let runs = std::env::var("DRAFT_MODEL_RUNS")
                .ok()
                .and_then(|r| r.parse().ok())
                .unwrap_or(RUNS);
            (0..runs).map(|run| 0x5eed_0000 + run).collect()
        }
    };
    let mut steps = 0;
    for seed in seeds {
        if let Err(problem) = run(seed) {
            panic!("{problem}");
        }
        steps += STEPS_PER_RUN;
    }
    println!("{steps} steps, every invariant held");
}
