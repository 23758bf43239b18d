//! The page's background workers ([`crate::worker`]), each started on its first message:
//! messages wait until the worker says it is ready (one posted before its wasm has
//! loaded would be lost), and every other message it posts goes to its handler.

use crate::worker::protocol::READY;
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{MessageEvent, Worker};

/// A worker the page may start.
#[derive(Clone, Copy)]
pub struct Lazy {
    /// Its loader script, next to the page (a fixed name: see `scripts/hash_worker.py`).
    pub url: &'static str,
    /// Gets each message but the ready signal.
    pub on_message: fn(JsValue),
    /// Called when the worker fails to load or crashes; the next message starts a new
    /// one.
    pub on_crash: fn(),
}

struct Started {
    url: &'static str,
    worker: Worker,
    /// Messages posted before the worker was ready (`None` once it is).
    waiting: Option<Vec<JsValue>>,
}

thread_local! {
    static STARTED: RefCell<Vec<Started>> = const { RefCell::new(Vec::new()) };
}

fn is_ready(data: &JsValue) -> bool {
    data.dyn_ref::<js_sys::Float64Array>()
        .is_some_and(|a| a.to_vec() == READY)
}

fn start(lazy: Lazy) -> Option<Worker> {
    let worker = Worker::new(lazy.url).ok()?;
    let url = lazy.url;
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
        let data = ev.data();
        if !is_ready(&data) {
            return (lazy.on_message)(data);
        }
        let held = STARTED.with(|s| {
            let mut s = s.borrow_mut();
            let started = s.iter_mut().find(|w| w.url == url)?;
            let held = started.waiting.take()?;
            Some((started.worker.clone(), held))
        });
        if let Some((worker, held)) = held {
            for message in held {
                let _ = worker.post_message(&message);
            }
        }
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let on_error = Closure::<dyn FnMut(JsValue)>::new(move |_| {
        let crashed = STARTED.with(|s| {
            let mut s = s.borrow_mut();
            let k = s.iter().position(|w| w.url == url)?;
            Some(s.remove(k).worker)
        });
        if let Some(worker) = crashed {
            worker.terminate();
        }
        (lazy.on_crash)();
    });
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    on_error.forget();
    Some(worker)
}

/// Posts `message` to the worker, started if need be; `false` when this browser cannot
/// start it.
pub fn post(lazy: Lazy, message: JsValue) -> bool {
    STARTED.with(|s| {
        let mut s = s.borrow_mut();
        if let Some(started) = s.iter_mut().find(|w| w.url == lazy.url) {
            match started.waiting.as_mut() {
                Some(queue) => queue.push(message),
                None => {
                    let _ = started.worker.post_message(&message);
                }
            }
            return true;
        }
        let Some(worker) = start(lazy) else {
            return false;
        };
        s.push(Started {
            url: lazy.url,
            worker,
            waiting: Some(vec![message]),
        });
        true
    })
}
