//! The worker's side: reads requests, runs them in chunks (yielding between chunks so a
//! cancel can arrive), posts progress and the result.

use super::protocol::{encode_reply, Reply, Request, READY};
use super::scope::{cancelled, post_numbers, scope, CANCELLED};
use crate::engine::risk::Simulation;
use crate::scenario::codec::decode_link;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::MessageEvent;

/// Trials run between two looks at the clock.
const CHUNK: usize = 250;

/// How long the worker runs trials before it reports progress and reads its messages
/// (a cancel), in milliseconds: each pause costs a few milliseconds (a timer's minimum
/// delay), so it pauses rarely.
const SLICE_MS: f64 = 100.0;

fn post(reply: &Reply) {
    post_numbers(&encode_reply(reply));
}

/// Lets the worker read its messages before going on.
async fn yield_now() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = scope().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Starts listening for requests.
pub fn start() {
    let on_message = Closure::<dyn FnMut(MessageEvent)>::new(|ev: MessageEvent| {
        let Some(text) = ev.data().as_string() else {
            return;
        };
        match Request::decode(&text) {
            Some(Request::Risk { id, link }) => wasm_bindgen_futures::spawn_local(risk(id, link)),
            Some(Request::Cancel { id }) => CANCELLED.with(|c| c.borrow_mut().push(id)),
            // The page only sends what it can read back; anything else is not a request.
            None => {}
        }
    });
    scope().set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    post_numbers(&READY);
}

async fn risk(id: u32, link: String) {
    let simulation = decode_link(&link).ok().and_then(|s| {
        let ranges = s.risk.ranges(&s.inputs);
        Simulation::new(&s.inputs, &ranges, s.risk.settings()).ok()
    });
    let Some(mut simulation) = simulation else {
        post(&Reply::Failed { id });
        return;
    };
    let total = simulation.trials();
    loop {
        let start = js_sys::Date::now();
        while !simulation.is_finished() && js_sys::Date::now() - start < SLICE_MS {
            if simulation.run_chunk(CHUNK).is_err() {
                post(&Reply::Failed { id });
                return;
            }
        }
        // Done: straight to the figures, without a progress report the page would draw
        // and a pause it would wait for (10,000 trials take one slice).
        if simulation.is_finished() {
            break;
        }
        post(&Reply::Progress {
            id,
            done: simulation.done(),
            total,
        });
        yield_now().await;
        if cancelled(id) {
            return;
        }
    }
    match simulation.summary() {
        Some(summary) => post(&Reply::Risk { id, summary }),
        None => post(&Reply::Failed { id }),
    }
}
