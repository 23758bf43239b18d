//! The background worker: heavy analyses off the page's thread, in a binary of their own
//! (`worker_bg.wasm`, built from `src/bin/worker.rs`), so neither the full app nor the
//! report carries their code and the page never waits for them.
//!
//! The page and the worker speak [`protocol`]: JSON text in `postMessage`, one
//! [`protocol::Request`] in, [`protocol::Reply`]s out, each tagged with the request's id.
//! Today it runs the Monte Carlo simulation of the risk ranges
//! ([`crate::engine::risk`]).

pub mod protocol;
#[cfg(target_arch = "wasm32")]
mod run;
#[cfg(target_arch = "wasm32")]
pub use run::start;
