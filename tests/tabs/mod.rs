//! Several tabs of one browser for the draft-protocol tests: one in-memory store they share, the
//! storage events each tab has not yet received, and a fake clock.
#![allow(dead_code)]

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::rc::Rc;

use cyber_survey::draft::{Clock, KeyValueStore, MemoryStore, StoreError};

/// One write seen by the store: which key, what was there, what is there now, and which tab.
#[derive(Debug, Clone)]
pub struct Write {
    pub tab: usize,
    pub key: String,
    pub before: Option<String>,
    pub after: Option<String>,
}

#[derive(Debug, Default)]
pub struct Shared {
    pub memory: MemoryStore,
    /// Per tab, the keys changed by other tabs that it has not been told of (`None`: cleared).
    pub pending: Vec<VecDeque<Option<String>>>,
    pub writes: Vec<Write>,
}

impl Shared {
    pub fn new(tabs: usize) -> Rc<RefCell<Self>> {
        Rc::new(RefCell::new(Self {
            pending: vec![VecDeque::new(); tabs],
            ..Self::default()
        }))
    }

    fn changed(&mut self, by: Option<usize>, key: Option<&str>) {
        for (tab, queue) in self.pending.iter_mut().enumerate() {
            if Some(tab) != by {
                queue.push_back(key.map(str::to_owned));
            }
        }
    }

    /// Something outside every tab writes a value (a damaged text, a newer app's draft).
    pub fn plant(&mut self, key: &str, value: &str) {
        let before = self.memory.get(key).ok().flatten();
        let failing = self.memory.failing_writes.take();
        let _ = self.memory.set(key, value);
        self.memory.failing_writes = failing;
        self.writes.push(Write {
            tab: usize::MAX,
            key: key.to_owned(),
            before,
            after: Some(value.to_owned()),
        });
        self.changed(None, Some(key));
    }

    /// Another tab clears the site's storage (a `storage` event with key null everywhere else).
    pub fn clear(&mut self, by: Option<usize>) {
        for key in self.memory.keys().unwrap_or_default() {
            let before = self.memory.get(&key).ok().flatten();
            let _ = self.memory.remove(&key);
            self.writes.push(Write {
                tab: by.unwrap_or(usize::MAX),
                key,
                before,
                after: None,
            });
        }
        self.changed(by, None);
    }

    pub fn get(&self, key: &str) -> Option<String> {
        self.memory.get(key).ok().flatten()
    }
}

/// One tab's view of the shared store: its writes are logged and told to the other tabs.
pub struct TabStore {
    pub shared: Rc<RefCell<Shared>>,
    pub tab: usize,
}

impl KeyValueStore for TabStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.shared.borrow().memory.get(key)
    }

    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        let mut shared = self.shared.borrow_mut();
        let before = shared.memory.get(key)?;
        shared.memory.set(key, value)?;
        shared.writes.push(Write {
            tab: self.tab,
            key: key.to_owned(),
            before,
            after: Some(value.to_owned()),
        });
        shared.changed(Some(self.tab), Some(key));
        Ok(())
    }

    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        let mut shared = self.shared.borrow_mut();
        let before = shared.memory.get(key)?;
        shared.memory.remove(key)?;
        if before.is_some() {
            shared.writes.push(Write {
                tab: self.tab,
                key: key.to_owned(),
                before,
                after: None,
            });
            shared.changed(Some(self.tab), Some(key));
        }
        Ok(())
    }

    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.shared.borrow().memory.keys()
    }
}

/// A clock that moves on by a second each time it is read, shared by every tab, and ids that
/// never repeat.
#[derive(Clone, Default)]
pub struct FakeClock {
    pub ticks: Rc<Cell<u64>>,
}

impl Clock for FakeClock {
    fn now(&self) -> String {
        let tick = self.ticks.get() + 1;
        self.ticks.set(tick);
        let (minutes, seconds) = (tick / 60, tick % 60);
        format!(
            "2026-12-{:02}T{:02}:{:02}:{seconds:02}.000Z",
            1 + (minutes / 1440) % 28,
            (minutes / 60) % 24,
            minutes % 60
        )
    }

    fn new_draft_id(&self) -> String {
        let tick = self.ticks.get() + 1;
        self.ticks.set(tick);
        format!("d{tick}")
    }
}
