//! The browser edge of storage: localStorage as a [`Backend`], falling back to memory
//! when it is blocked, and the `storage` events other tabs send.

use crate::scenario::store::{Backend, MemoryBackend, StorageFault};
use wasm_bindgen::JsCast;

/// localStorage, or memory when the browser refuses it.
pub enum BrowserBackend {
    /// The page's localStorage.
    Local(web_sys::Storage),
    /// Storage is blocked or missing: nothing survives a reload.
    Memory(MemoryBackend),
}

impl BrowserBackend {
    /// localStorage if it can be used (reading it can throw in sandboxed iframes, and a
    /// test write catches modes that expose it but refuse writes), else memory.
    pub fn open() -> Self {
        match usable_local_storage() {
            Some(storage) => BrowserBackend::Local(storage),
            None => BrowserBackend::Memory(MemoryBackend::default()),
        }
    }

    /// Whether data survives a reload.
    pub fn is_persistent(&self) -> bool {
        matches!(self, BrowserBackend::Local(_))
    }
}

/// localStorage, if reading it does not throw and a test write succeeds.
fn usable_local_storage() -> Option<web_sys::Storage> {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .filter(|s| {
            let probe = "retorno.probe";
            let ok = s.set_item(probe, "1").is_ok();
            let _ = s.remove_item(probe);
            ok
        })
}

/// Whether localStorage can be used (the probe of [`BrowserBackend::open`]): what must
/// hold before any call into gloo-storage, whose `raw()` panics otherwise.
pub fn local_storage_works() -> bool {
    usable_local_storage().is_some()
}

fn fault(error: wasm_bindgen::JsValue) -> StorageFault {
    let quota = error
        .dyn_ref::<web_sys::DomException>()
        .is_some_and(|e| e.name() == "QuotaExceededError" || e.code() == 22);
    if quota {
        StorageFault::QuotaExceeded
    } else {
        StorageFault::Unavailable
    }
}

impl Backend for BrowserBackend {
    fn get(&self, key: &str) -> Result<Option<String>, StorageFault> {
        match self {
            BrowserBackend::Local(s) => s.get_item(key).map_err(fault),
            BrowserBackend::Memory(m) => m.get(key),
        }
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StorageFault> {
        match self {
            BrowserBackend::Local(s) => s.set_item(key, value).map_err(fault),
            BrowserBackend::Memory(m) => m.set(key, value),
        }
    }
    fn remove(&mut self, key: &str) -> Result<(), StorageFault> {
        match self {
            BrowserBackend::Local(s) => s.remove_item(key).map_err(fault),
            BrowserBackend::Memory(m) => m.remove(key),
        }
    }
    fn keys(&self) -> Result<Vec<String>, StorageFault> {
        match self {
            BrowserBackend::Local(s) => {
                let n = s.length().map_err(fault)?;
                Ok((0..n).filter_map(|i| s.key(i).ok().flatten()).collect())
            }
            BrowserBackend::Memory(m) => m.keys(),
        }
    }
}

/// Milliseconds since the epoch, from the browser's clock.
pub fn now_ms() -> i64 {
    js_sys::Date::now() as i64
}
