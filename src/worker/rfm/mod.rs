//! The customer-value worker (`rfm_worker_loader.js` → its own wasm, built from
//! `src/bin/rfm_worker.rs`): reads a transactions file in slices, scores it with
//! [`crate::engine::rfm`] and sends the results as data, so the full app carries neither
//! the engine nor the reading, and loads them only when a file is first chosen.
//!
//! The page and the worker speak [`protocol`].

pub mod protocol;
#[cfg(target_arch = "wasm32")]
mod run;
#[cfg(target_arch = "wasm32")]
pub use run::start;
