//! The page's side of the risk worker ([`crate::worker`]): started on the first request,
//! one for the page; each request's replies go to the handler given with it.

use crate::ui::worker::{post, Lazy};
use crate::worker::protocol::{decode_reply, Reply, Request};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

type Handler = Box<dyn Fn(Reply)>;

thread_local! {
    static HANDLERS: RefCell<Vec<(u32, Handler)>> = const { RefCell::new(Vec::new()) };
    static NEXT_ID: RefCell<u32> = const { RefCell::new(0) };
}

/// The worker, by its loader's fixed name next to the page.
const WORKER: Lazy = Lazy {
    url: "worker_loader.js",
    on_message,
    on_crash,
};

fn on_message(data: JsValue) {
    if let Some(reply) = data
        .dyn_into::<js_sys::Float64Array>()
        .ok()
        .and_then(|a| decode_reply(&a.to_vec()))
    {
        dispatch(reply);
    }
}

/// A worker that fails to load or crashes answers nothing again: every pending request
/// fails.
fn on_crash() {
    let pending: Vec<u32> = HANDLERS.with(|h| h.borrow().iter().map(|(i, _)| *i).collect());
    for id in pending {
        dispatch(Reply::Failed { id });
    }
}

/// Hands one reply to its request's handler, which stays registered until the last. The
/// handler is taken out of the list while it runs, so it may send or cancel requests.
fn dispatch(reply: Reply) {
    let id = reply.id();
    let taken = HANDLERS.with(|h| {
        let mut h = h.borrow_mut();
        let k = h.iter().position(|(i, _)| *i == id)?;
        Some(h.remove(k).1)
    });
    let Some(handler) = taken else {
        return;
    };
    let last = reply.is_final();
    handler(reply);
    if !last {
        HANDLERS.with(|h| h.borrow_mut().push((id, handler)));
    }
}

/// Sends `request` (its id set here) and hands every reply to `on_reply`; returns the id.
/// When no worker can start, `on_reply` gets [`Reply::Failed`] at once.
pub fn send(make: impl FnOnce(u32) -> Request, on_reply: impl Fn(Reply) + 'static) -> u32 {
    let id = NEXT_ID.with(|n| {
        let mut n = n.borrow_mut();
        *n = n.wrapping_add(1);
        *n
    });
    HANDLERS.with(|h| h.borrow_mut().push((id, Box::new(on_reply))));
    if !post(WORKER, JsValue::from_str(&make(id).encode())) {
        dispatch(Reply::Failed { id });
    }
    id
}

/// Stops request `id`: its handler is dropped and the worker told to stop.
pub fn cancel(id: u32) {
    let pending = HANDLERS.with(|h| {
        let mut h = h.borrow_mut();
        let before = h.len();
        h.retain(|(i, _)| *i != id);
        h.len() != before
    });
    if pending {
        post(WORKER, JsValue::from_str(&Request::Cancel { id }.encode()));
    }
}
