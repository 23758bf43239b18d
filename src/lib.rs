//! Retorno: a CRM ROI and KPI calculator that runs entirely in the browser.
//!
//! - [`engine`]: pure Rust, `Decimal`-exact ROI model, finance and KPI formulas. Knows
//!   nothing of the browser; tested natively.
//! - [`scenario`]: the saved, shared and exported form of the user's inputs, with
//!   validation at every edge.
//! - [`i18n`]: the Spanish and English catalogue, number parsing.
//! - `ui` (wasm only): Leptos components, thin over the engine.
#![warn(missing_docs)]

pub mod chart;
pub mod engine;
pub mod i18n;
pub mod scenario;
#[cfg(target_arch = "wasm32")]
pub mod ui;
pub mod units;
