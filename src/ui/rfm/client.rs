//! The page's side of the analysis worker ([`crate::worker::rfm`]): every reply goes to
//! every listener (the customer screen's and the A/B screen's), each taking its own.

use crate::ui::worker::{post, Lazy};
use crate::worker::rfm::protocol::{decode_reply, Cell, Reply, Request};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use web_sys::Blob;

type Listener = Box<dyn Fn(Option<Reply>)>;

thread_local! {
    static LISTENERS: RefCell<Vec<Listener>> = const { RefCell::new(Vec::new()) };
}

const WORKER: Lazy = Lazy {
    url: "rfm_worker_loader.js",
    on_message,
    on_crash,
};

fn hear(reply: Option<Reply>) {
    LISTENERS.with(|l| {
        for listener in l.borrow().iter() {
            listener(reply.clone());
        }
    });
}

fn on_message(data: JsValue) {
    let cells: Vec<Cell> = js_sys::Array::from(&data)
        .iter()
        .map(|v| match v.as_f64() {
            Some(x) => Cell::Num(x),
            None => Cell::Text(v.as_string().unwrap_or_default()),
        })
        .collect();
    if let Some(reply) = decode_reply(&cells) {
        hear(Some(reply));
    }
}

fn on_crash() {
    hear(None);
}

/// Every reply from now on goes (also) to `listener`; `None` when the worker could not
/// start or crashed.
pub fn listen(listener: impl Fn(Option<Reply>) + 'static) {
    LISTENERS.with(|l| l.borrow_mut().push(Box::new(listener)));
}

/// Sends `request`, with the file for those that read it.
pub fn send(request: &Request, file: Option<&Blob>) {
    let text = JsValue::from_str(&request.encode());
    let message = match file {
        Some(blob) => js_sys::Array::of2(&text, blob).into(),
        None => text,
    };
    if !post(WORKER, message) {
        hear(None);
    }
}
