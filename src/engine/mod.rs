//! The calculation engine: pure Rust on `rust_decimal::Decimal`.
//!
//! Nothing here touches Leptos, the DOM or storage, so the same code runs natively in
//! tests and benchmarks and in the browser. See [`money`] for the rounding rule.

pub mod abtest;
pub mod campaigns;
pub mod deals;
pub mod finance;
pub mod irr;
pub mod kpi;
pub mod measure;
pub mod model;
pub mod money;
pub mod rfm;
pub mod risk;
pub mod sensitivity;
pub mod speed;
pub mod visitor;
pub use measure::targets;
