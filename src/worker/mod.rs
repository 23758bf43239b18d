//! The background worker: heavy analyses off the page's thread, in a binary of their own
//! (`worker_bg.wasm`, built from `src/bin/worker.rs`), so neither the full app nor the
//! report carries their code and the page never waits for them.
//!
//! The page and the worker speak [`protocol`]: a line of text in `postMessage`, one
//! [`protocol::Request`] in, [`protocol::Reply`]s out, each tagged with the request's id.
//! It runs the Monte Carlo simulation of the risk ranges ([`crate::engine::risk`]);
//! the customer-value scoring has a worker of its own ([`rfm`]).

pub mod protocol;
pub mod rfm;
#[cfg(target_arch = "wasm32")]
mod run;
#[cfg(target_arch = "wasm32")]
mod scope;
#[cfg(target_arch = "wasm32")]
pub use run::start;
