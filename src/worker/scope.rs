//! What both workers ([`super::start`] and [`super::rfm::start`]) do alike with their
//! global scope: post to the page, and remember the requests the page cancelled.

use std::cell::RefCell;
use wasm_bindgen::JsCast;
use web_sys::DedicatedWorkerGlobalScope;

thread_local! {
    /// Requests cancelled while they run.
    pub(super) static CANCELLED: RefCell<Vec<u32>> = const { RefCell::new(Vec::new()) };
}

/// The worker's global scope.
pub(super) fn scope() -> DedicatedWorkerGlobalScope {
    js_sys::global().unchecked_into()
}

/// Posts `numbers` to the page as one `Float64Array`.
pub(super) fn post_numbers(numbers: &[f64]) {
    let _ = scope().post_message(&js_sys::Float64Array::from(numbers));
}

/// Whether request `id` was cancelled (forgetting it: it stops now).
pub(super) fn cancelled(id: u32) -> bool {
    CANCELLED.with(|c| {
        let mut c = c.borrow_mut();
        let found = c.contains(&id);
        c.retain(|&x| x != id);
        found
    })
}
