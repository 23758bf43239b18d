//! The customer-value worker's side: holds the screen's state, reads the file it is
//! sent in slices (never whole), scores it, and sends what the screen shows as data
//! ([`Shown`]) after every change.

use super::protocol::{self, encode_reply, Cell, Problem, Reply, Request, Scored, Setting, Shown};
use crate::engine::deals::DateOrder;
use crate::engine::rfm::export::{customers_csv, segments_csv};
use crate::engine::rfm::read::{sniff, SNIFF_BYTES};
use crate::engine::rfm::{
    check_size, Aggregator, DecimalMark, Mapping, ReadOptions, RfmResult, Segment,
};
use crate::worker::protocol::READY;
use crate::worker::scope::{cancelled, post_numbers, scope, CANCELLED};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, MessageEvent};

/// Bytes read at a time: large enough that the pauses between slices cost nothing,
/// small enough that a cancel is seen within a few tens of milliseconds.
const SLICE: f64 = 2.0 * 1024.0 * 1024.0;

/// How the file is read: the sniffed proposal as the user corrected it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Reading {
    pub delimiter: u8,
    pub has_header: bool,
    pub mapping: Mapping,
    pub date_order: DateOrder,
    pub decimal: DecimalMark,
    /// `None`: the day after the last purchase.
    pub reference: Option<chrono::NaiveDate>,
}

/// What the first rows told.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct FirstRows {
    /// Column names (empty without a header).
    pub headers: Vec<String>,
    pub date_order_certain: bool,
    pub decimal_certain: bool,
    pub preview: Vec<Vec<String>>,
}

/// Everything the screen shows.
#[derive(Default)]
pub(super) struct State {
    pub file: Option<Blob>,
    /// The file's name (`None` for pasted rows) and size in bytes.
    pub name: Option<String>,
    pub size: f64,
    pub first: Option<FirstRows>,
    pub reading: Option<Reading>,
    pub result: Option<RfmResult>,
    pub problem: Option<Problem>,
    pub segment: Option<Segment>,
}

thread_local! {
    static STATE: RefCell<State> = RefCell::new(State::default());
}

fn post(reply: &Reply) {
    let array = js_sys::Array::new();
    for cell in encode_reply(reply) {
        array.push(&match cell {
            Cell::Num(x) => JsValue::from_f64(x),
            Cell::Text(t) => JsValue::from_str(&t),
        });
    }
    let _ = scope().post_message(&array);
}

/// What the screen shows of `s`.
fn shown(s: &State) -> Shown {
    let reading = match (&s.first, &s.reading) {
        (Some(first), Some(r)) => Some(protocol::Reading {
            headers: first.headers.clone(),
            preview: first.preview.clone(),
            mapping: r.mapping,
            date_order: r.date_order,
            date_order_certain: first.date_order_certain,
            decimal: r.decimal,
            decimal_certain: first.decimal_certain,
            has_header: r.has_header,
            reference: s.result.as_ref().map(|x| x.reference).or(r.reference),
        }),
        _ => None,
    };
    Shown {
        name: s.name.clone(),
        size: s.size as u64,
        problem: s.problem.clone(),
        reading,
        scored: s
            .result
            .as_ref()
            .map(|r| Scored::of(r, s.segment.unwrap_or(Segment::AtRisk))),
    }
}

/// Posts what the screen shows as the answer to `id`.
fn show(id: u32) {
    let cells = STATE.with(|s| shown(&s.borrow()).encode());
    post(&Reply::Shown { id, cells });
}

/// Bytes `start..end` of `blob`; `None` when the browser cannot read them.
async fn read(blob: &Blob, start: f64, end: f64) -> Option<Vec<u8>> {
    let part = blob.slice_with_f64_and_f64(start, end).ok()?;
    let buffer = wasm_bindgen_futures::JsFuture::from(part.array_buffer())
        .await
        .ok()?;
    Some(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// Starts listening for requests.
pub fn start() {
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|ev: MessageEvent| {
        let data = ev.data();
        let (text, blob) = match data.dyn_ref::<js_sys::Array>() {
            Some(parts) => (
                parts.get(0).as_string(),
                parts.get(1).dyn_into::<Blob>().ok(),
            ),
            None => (data.as_string(), None),
        };
        let Some(request) = text.as_deref().and_then(Request::decode) else {
            return;
        };
        match request {
            Request::File { id } => {
                if let Some(blob) = blob {
                    wasm_bindgen_futures::spawn_local(open(id, blob));
                }
            }
            Request::Set { id, setting } => {
                if set(setting) {
                    wasm_bindgen_futures::spawn_local(score(id));
                } else {
                    show(id);
                }
            }
            Request::Export { id, customers } => export(id, customers),
            Request::Cancel { id } => CANCELLED.with(|c| c.borrow_mut().push(id)),
        }
    });
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    post_numbers(&READY);
}

/// A new file: its first rows propose how to read it, then it is scored.
async fn open(id: u32, blob: Blob) {
    let name = blob.dyn_ref::<web_sys::File>().map(|f| f.name());
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        s.name = name;
        s.size = blob.size();
        s.file = Some(blob.clone());
        s.first = None;
        s.reading = None;
        s.result = None;
        s.problem = None;
    });
    let checked = check_size(blob.size() as u64);
    let head = match checked {
        Ok(()) => read(&blob, 0.0, SNIFF_BYTES as f64).await,
        Err(_) => None,
    };
    let proposed = match (checked, head) {
        (Err(e), _) => Err(Problem::Rfm(e)),
        (Ok(()), None) => Err(Problem::Unreadable),
        (Ok(()), Some(head)) => sniff(&head).map_err(Problem::Rfm),
    };
    let ok = STATE.with(|s| {
        let mut s = s.borrow_mut();
        match proposed {
            Ok(p) => {
                s.reading = Some(Reading {
                    delimiter: p.delimiter,
                    has_header: p.has_header,
                    mapping: p.mapping,
                    date_order: p.date_order,
                    decimal: p.decimal,
                    reference: None,
                });
                s.first = Some(FirstRows {
                    headers: if p.has_header { p.headers } else { Vec::new() },
                    date_order_certain: p.date_order_certain,
                    decimal_certain: p.decimal_certain,
                    preview: p.preview,
                });
                true
            }
            Err(problem) => {
                s.problem = Some(problem);
                false
            }
        }
    });
    if ok {
        score(id).await;
    } else {
        show(id);
    }
}

/// Applies a control's new value; `true` when the file must be read again.
fn set(setting: Setting) -> bool {
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        if let Setting::Segment(segment) = setting {
            s.segment = Some(segment);
            return false;
        }
        let Some(r) = s.reading.as_mut() else {
            return false;
        };
        let before = *r;
        match setting {
            Setting::Role(role, column) => *r.mapping.slot_mut(role) = column,
            Setting::DateOrder(order) => r.date_order = order,
            Setting::Decimal(mark) => r.decimal = mark,
            Setting::Header(on) => r.has_header = on,
            Setting::Reference(day) => r.reference = day,
            Setting::Segment(_) => {}
        }
        *r != before
    })
}

/// Reads and scores the file as the state says, posting progress, then the screen.
async fn score(id: u32) {
    let (blob, reading) = STATE.with(|s| {
        let mut s = s.borrow_mut();
        // The old result goes first: its memory goes to this reading.
        s.result = None;
        s.problem = None;
        (s.file.clone(), s.reading)
    });
    let (Some(blob), Some(reading)) = (blob, reading) else {
        return show(id);
    };
    let outcome = read_all(id, &blob, reading).await;
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        match outcome {
            Ok(result) => s.result = Some(result),
            Err(problem) => s.problem = Some(problem),
        }
    });
    // For the browser measurement (tests/e2e/perf/rfm.mjs): the worker's wasm memory in
    // bytes. Linear memory only grows, so after a file this is the peak it needed.
    let bytes = core::arch::wasm32::memory_size(0) as f64 * 65_536.0;
    let _ = js_sys::Reflect::set(&scope(), &"retornoWasmBytes".into(), &bytes.into());
    show(id);
}

async fn read_all(id: u32, blob: &Blob, reading: Reading) -> Result<RfmResult, Problem> {
    let total = blob.size();
    check_size(total as u64).map_err(Problem::Rfm)?;
    let columns = reading.mapping.columns().map_err(Problem::Rfm)?;
    let mut agg = Aggregator::new(ReadOptions {
        delimiter: reading.delimiter,
        has_header: reading.has_header,
        columns,
        date_order: reading.date_order,
        decimal: reading.decimal,
    });
    let mut done = 0.0;
    post(&Reply::Progress { id, done, total });
    while done < total {
        let end = (done + SLICE).min(total);
        let chunk = read(blob, done, end).await.ok_or(Problem::Unreadable)?;
        if cancelled(id) {
            return Err(Problem::Cancelled);
        }
        agg.push(&chunk).map_err(Problem::Rfm)?;
        done = end;
        post(&Reply::Progress { id, done, total });
    }
    agg.finish(reading.reference).map_err(Problem::Rfm)
}

fn export(id: u32, customers: bool) {
    let text = STATE.with(|s| {
        s.borrow().result.as_ref().map(|r| match customers {
            true => customers_csv(r),
            false => segments_csv(r),
        })
    });
    if let Some(text) = text {
        post(&Reply::Csv { id, text });
    }
}
