//! Retorno: a CRM ROI and KPI calculator that runs entirely in the browser.
//!
//! The layers, each using only those before it (checked by `scripts/check_layers.py`):
//!
//! - [`units`], [`chart`], [`qr`] and [`html`]: leaf types (currencies, units, the range
//!   rule, limits), pure chart geometry, the share link's QR code and HTML escaping;
//! - [`engine`]: pure Rust, `Decimal`-exact ROI model, finance and KPI formulas. Knows
//!   nothing of the browser; tested natively;
//! - [`scenario`]: the saved, shared and exported form of the user's inputs, with
//!   validation at every edge;
//! - [`i18n`]: the Spanish and English messages, number parsing; [`worker`]: the
//!   background worker's protocol (and, in wasm, its side of it);
//! - `ui` (wasm only): Leptos components, thin over the engine.
#![deny(missing_docs)]

pub mod chart;
pub mod engine;
pub mod html;
pub mod i18n;
pub mod qr;
pub mod scenario;
#[cfg(target_arch = "wasm32")]
pub mod ui;
pub mod units;
pub mod worker;
