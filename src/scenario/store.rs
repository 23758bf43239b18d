//! Where scenarios live between visits: a small key–value [`Backend`] (localStorage in
//! the browser, memory in tests or when storage is blocked) and the rules that keep data
//! safe on it.
//!
//! Layout: the working scenario under [`CURRENT_KEY`]; each named scenario under its own
//! key, [`SAVED_PREFIX`] + id, so a change in one browser tab touches only that scenario
//! and another tab can apply it without overwriting its own newer work. Anything that
//! cannot be read is moved aside to a [`BACKUP_PREFIX`] key, never deleted.

use super::codec::decode_stored;
use super::Scenario;
use std::collections::BTreeMap;

/// Key of the working scenario.
pub const CURRENT_KEY: &str = "retorno.current";
/// Prefix of each named scenario's key.
pub const SAVED_PREFIX: &str = "retorno.saved.";
/// Prefix of the keys unreadable data is moved to.
pub const BACKUP_PREFIX: &str = "retorno.backup.";

/// Why storage refused an operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StorageFault {
    /// Storage is blocked or missing (private modes, sandboxed iframes).
    Unavailable,
    /// Storage is full (`QuotaExceededError`).
    QuotaExceeded,
}

/// A string key–value store: what localStorage offers.
pub trait Backend {
    /// The value under `key`, if any.
    fn get(&self, key: &str) -> Result<Option<String>, StorageFault>;
    /// Stores `value` under `key`.
    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageFault>;
    /// Removes `key`.
    fn remove(&mut self, key: &str) -> Result<(), StorageFault>;
    /// Every key.
    fn keys(&self) -> Result<Vec<String>, StorageFault>;
}

/// An in-memory [`Backend`], for tests and for when the browser's storage is blocked.
/// An optional quota (total characters of keys and values) simulates a full storage.
#[derive(Debug, Clone, Default)]
pub struct MemoryBackend {
    entries: BTreeMap<String, String>,
    quota: Option<usize>,
}

impl MemoryBackend {
    /// An empty store that holds at most `quota` characters of keys and values.
    pub fn with_quota(quota: usize) -> Self {
        MemoryBackend {
            entries: BTreeMap::new(),
            quota: Some(quota),
        }
    }

    fn used_without(&self, key: &str) -> usize {
        self.entries
            .iter()
            .filter(|(k, _)| k.as_str() != key)
            .map(|(k, v)| k.len() + v.len())
            .sum()
    }
}

impl Backend for MemoryBackend {
    fn get(&self, key: &str) -> Result<Option<String>, StorageFault> {
        Ok(self.entries.get(key).cloned())
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageFault> {
        if self
            .quota
            .is_some_and(|quota| self.used_without(key) + key.len() + value.len() > quota)
        {
            return Err(StorageFault::QuotaExceeded);
        }
        self.entries.insert(key.to_string(), value.to_string());
        Ok(())
    }
    fn remove(&mut self, key: &str) -> Result<(), StorageFault> {
        self.entries.remove(key);
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, StorageFault> {
        Ok(self.entries.keys().cloned().collect())
    }
}

/// Something the user should be told after loading or saving.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    /// Stored data could not be read; it was kept under `backup_key`.
    MovedAside {
        /// Where the data was.
        key: String,
        /// Where it is now.
        backup_key: String,
    },
    /// Storage is full: changes are kept in memory only.
    QuotaExceeded,
    /// Storage is blocked or missing: the app works in memory only.
    Unavailable,
}

impl From<StorageFault> for Notice {
    fn from(fault: StorageFault) -> Self {
        match fault {
            StorageFault::QuotaExceeded => Notice::QuotaExceeded,
            StorageFault::Unavailable => Notice::Unavailable,
        }
    }
}

/// What [`load`] found.
#[derive(Debug, Clone, Default)]
pub struct Loaded {
    /// The working scenario, if one was stored and readable.
    pub current: Option<Scenario>,
    /// The named scenarios that could be read, most recently changed first.
    pub saved: Vec<Scenario>,
    /// What went wrong on the way, for the user.
    pub notices: Vec<Notice>,
}

/// Reads `key`; unreadable data is moved aside under a backup key (stamped `now_ms`)
/// and reported, so the app can go on without losing it.
fn read(
    backend: &mut dyn Backend,
    key: &str,
    now_ms: i64,
    notices: &mut Vec<Notice>,
) -> Option<Scenario> {
    let raw = match backend.get(key) {
        Ok(raw) => raw?,
        Err(fault) => {
            notices.push(fault.into());
            return None;
        }
    };
    match decode_stored(&raw) {
        Ok(scenario) => Some(scenario),
        Err(_) => {
            let backup_key = format!("{BACKUP_PREFIX}{key}.{now_ms}");
            // Only drop the original once its copy is safely stored.
            match backend.set(&backup_key, &raw) {
                Ok(()) => {
                    let _ = backend.remove(key);
                    notices.push(Notice::MovedAside {
                        key: key.to_string(),
                        backup_key,
                    });
                }
                Err(fault) => notices.push(fault.into()),
            }
            None
        }
    }
}

/// Loads the working scenario and every named scenario.
pub fn load(backend: &mut dyn Backend, now_ms: i64) -> Loaded {
    let mut notices = Vec::new();
    let current = read(backend, CURRENT_KEY, now_ms, &mut notices);
    let keys = match backend.keys() {
        Ok(keys) => keys,
        Err(fault) => {
            notices.push(fault.into());
            Vec::new()
        }
    };
    let mut saved: Vec<Scenario> = keys
        .iter()
        .filter(|k| k.starts_with(SAVED_PREFIX))
        .filter_map(|k| read(backend, k, now_ms, &mut notices))
        .collect();
    sort_recent_first(&mut saved);
    notices.dedup();
    Loaded {
        current,
        saved,
        notices,
    }
}

/// Most recently changed first; never-saved ones last, by name.
pub fn sort_recent_first(scenarios: &mut [Scenario]) {
    scenarios.sort_by(|a, b| b.updated.cmp(&a.updated).then_with(|| a.name.cmp(&b.name)));
}

fn to_json(scenario: &Scenario) -> String {
    // A Scenario has only string keys and plain values: serializing it cannot fail.
    serde_json::to_string(scenario).unwrap_or_default()
}

/// Stores the working scenario.
pub fn write_current(backend: &mut dyn Backend, scenario: &Scenario) -> Result<(), StorageFault> {
    backend.set(CURRENT_KEY, &to_json(scenario))
}

/// The key of a named scenario.
pub fn saved_key(id: &str) -> String {
    format!("{SAVED_PREFIX}{id}")
}

/// What happened to a write of a named scenario.
#[derive(Debug, Clone, PartialEq)]
pub enum Written {
    /// Stored.
    Stored,
    /// Another tab stored a newer version meanwhile: nothing was overwritten, and this
    /// is that newer version, to show instead.
    NewerInStorage(Box<Scenario>),
}

/// Stores a named scenario, unless storage already holds a newer version of it.
pub fn write_saved(
    backend: &mut dyn Backend,
    scenario: &Scenario,
) -> Result<Written, StorageFault> {
    let key = saved_key(&scenario.id);
    if let Some(stored) = backend.get(&key)?.and_then(|raw| decode_stored(&raw).ok()) {
        if stored.updated > scenario.updated {
            return Ok(Written::NewerInStorage(Box::new(stored)));
        }
    }
    backend
        .set(&key, &to_json(scenario))
        .map(|()| Written::Stored)
}

/// Removes a named scenario.
pub fn delete_saved(backend: &mut dyn Backend, id: &str) -> Result<(), StorageFault> {
    backend.remove(&saved_key(id))
}

/// A change another tab made to storage, as the `storage` event reports it.
#[derive(Debug, Clone, PartialEq)]
pub enum External {
    /// The working scenario changed there.
    Current(Scenario),
    /// A named scenario was saved there.
    Saved(Scenario),
    /// A named scenario was deleted there.
    Deleted(String),
    /// Nothing this app needs to act on.
    Ignore,
}

/// Interprets a `storage` event (`key`, `new_value`) from another tab.
pub fn external_change(key: &str, new_value: Option<&str>) -> External {
    let decoded = || new_value.and_then(|raw| decode_stored(raw).ok());
    if key == CURRENT_KEY {
        decoded().map_or(External::Ignore, External::Current)
    } else if let Some(id) = key.strip_prefix(SAVED_PREFIX) {
        match new_value {
            None => External::Deleted(id.to_string()),
            Some(_) => decoded().map_or(External::Ignore, External::Saved),
        }
    } else {
        External::Ignore
    }
}

/// Applies a named scenario saved in another tab to this tab's list: added if new,
/// replaced only if it is newer than the copy here. Returns whether anything changed.
pub fn merge_saved(list: &mut Vec<Scenario>, incoming: Scenario) -> bool {
    match list.iter_mut().find(|s| s.id == incoming.id) {
        Some(existing) if existing.updated >= incoming.updated => false,
        Some(existing) => {
            *existing = incoming;
            sort_recent_first(list);
            true
        }
        None => {
            list.push(incoming);
            sort_recent_first(list);
            true
        }
    }
}
