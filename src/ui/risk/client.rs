//! The page's side of the background worker ([`crate::worker`]): started on the first
//! request, one for the page; each request's replies go to the handler given with it.

use crate::worker::protocol::{decode_reply, Reply, Request, READY};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker};

/// Where Trunk puts the worker's loader, next to the page.
const WORKER_URL: &str = "worker_loader.js";

type Handler = Box<dyn Fn(Reply)>;

thread_local! {
    static WORKER: RefCell<Option<Worker>> = const { RefCell::new(None) };
    /// Requests written before the worker said it was ready (`None` once it has).
    static WAITING: RefCell<Option<Vec<String>>> = const { RefCell::new(Some(Vec::new())) };
    static HANDLERS: RefCell<Vec<(u32, Handler)>> = const { RefCell::new(Vec::new()) };
    static NEXT_ID: RefCell<u32> = const { RefCell::new(0) };
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

/// The worker, started if need be; `None` when this browser cannot start it.
fn worker() -> Option<Worker> {
    WORKER.with(|w| {
        if let Some(worker) = w.borrow().as_ref() {
            return Some(worker.clone());
        }
        let worker = Worker::new(WORKER_URL).ok()?;
        let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|ev: MessageEvent| {
            let Ok(numbers) = ev
                .data()
                .dyn_into::<js_sys::Float64Array>()
                .map(|a| a.to_vec())
            else {
                return;
            };
            if numbers == READY {
                for text in WAITING.with(|w| w.borrow_mut().take()).unwrap_or_default() {
                    post(&text);
                }
            } else if let Some(reply) = decode_reply(&numbers) {
                dispatch(reply);
            }
        });
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        on_message.forget();
        // A worker that fails to load or crashes answers nothing again: every pending
        // request fails, and the next one starts a new worker.
        let on_error = Closure::<dyn FnMut(JsValue)>::new(|_| {
            if let Some(w) = WORKER.with(|w| w.borrow_mut().take()) {
                w.terminate();
            }
            WAITING.with(|w| *w.borrow_mut() = Some(Vec::new()));
            let pending: Vec<u32> = HANDLERS.with(|h| h.borrow().iter().map(|(i, _)| *i).collect());
            for id in pending {
                dispatch(Reply::Failed { id });
            }
        });
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        on_error.forget();
        *w.borrow_mut() = Some(worker.clone());
        Some(worker)
    })
}

/// Sends `request` (its id set here) and hands every reply to `on_reply`; returns the id.
/// When no worker can start, `on_reply` gets [`Reply::Failed`] at once.
///
/// Requests wait in `WAITING` until the worker says it is ready.
pub fn send(make: impl FnOnce(u32) -> Request, on_reply: impl Fn(Reply) + 'static) -> u32 {
    let id = NEXT_ID.with(|n| {
        let mut n = n.borrow_mut();
        *n = n.wrapping_add(1);
        *n
    });
    if worker().is_some() {
        HANDLERS.with(|h| h.borrow_mut().push((id, Box::new(on_reply))));
        post(&make(id).encode());
    } else {
        on_reply(Reply::Failed { id });
    }
    id
}

/// Posts a request's text now, or once the worker is ready.
fn post(text: &str) {
    let held = WAITING.with(|w| match w.borrow_mut().as_mut() {
        Some(queue) => {
            queue.push(text.to_string());
            true
        }
        None => false,
    });
    if !held {
        if let Some(w) = WORKER.with(|w| w.borrow().clone()) {
            let _ = w.post_message(&JsValue::from_str(text));
        }
    }
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
        post(&Request::Cancel { id }.encode());
    }
}
