//! The customer-value worker (`rfm_worker_loader.js` → its own wasm, built from
//! `src/bin/rfm_worker.rs`): reads a transactions file in slices, scores it with
//! [`crate::engine::rfm`] and writes the results as HTML, so the full app carries
//! neither the engine nor the results' texts, and loads them only when the customer
//! screen is first used.
//!
//! The page and the worker speak [`protocol`].

pub mod protocol;
#[cfg(target_arch = "wasm32")]
mod run;
#[cfg(target_arch = "wasm32")]
mod view;
#[cfg(target_arch = "wasm32")]
pub use run::start;
