//! The scenario: every input of the calculator plus what the user chose to see it in.
//!
//! This is the one value the UI holds; storage, share links and file import are edges
//! that turn bytes into a validated `Scenario` or a clear error.

mod base64url;
pub mod codec;
pub mod compare;
pub mod embed;
mod names;
mod pins;
mod risk;
pub mod store;
mod validate;
mod variants;

pub use pins::{Pins, MAX_PINS};
pub use risk::Risk;
pub use validate::{validate_measurement, MeasurementError, ScenarioError};
pub use variants::Variant;

use crate::engine::measure::Measurement;
use crate::engine::model::Inputs;
use crate::units::Currency;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

/// Version of the scenario's stored form; raised (with a migration) whenever a stored
/// scenario or a link from an older version would no longer read correctly, or an older
/// app would silently lose something a newer one wrote.
///
/// - 1: the first.
/// - 2: the presentation [`Pins`]. A version-1 scenario gets the default pins; an app
///   of version 1 refuses version-2 data as newer rather than dropping its pins on the
///   next save.
/// - 3: four benefit lines (customer lifetime value; AI churn prediction, lead scoring,
///   personalised offers) and their drivers, campaign operating costs, the CLV
///   calculator's cost to serve. A version-2 scenario gets the new lines switched off
///   (the same figures); the new amounts default to zero where old data lacks them.
/// - 4: the [`Risk`] ranges, seed and trials. A version-3 scenario gets ranges off (the
///   same figures); an app of version 3 refuses version-4 data rather than drop them.
/// - 5: any number of measurement periods (`measure.periods`, in order, each with a
///   name and its actual costs) instead of `measure.baseline` and `measure.current`, the
///   KPIs' targets and the plan's start date. A version-4 scenario's two periods become
///   the first and the last of two (the same figures); an app of version 4 refuses
///   version-5 data rather than lose the periods between.
/// - 6: the A/B test (`measure.ab`). A version-5 scenario has none (the defaults); an app
///   of version 5 refuses version-6 data rather than drop it.
pub const SCHEMA_VERSION: u32 = 6;

/// Every input of the calculator, the currency it is expressed in, and what the user
/// wrote about it.
///
/// Adding a field later is safe: `#[serde(default)]` fills it in for old saved data and
/// old links. Renaming or removing one needs a new [`SCHEMA_VERSION`] and a migration.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Scenario {
    /// [`SCHEMA_VERSION`] when written.
    pub version: u32,
    /// Stable identifier of a saved scenario (empty for one never saved).
    pub id: String,
    /// The scenario's name.
    pub name: String,
    /// The prospect or company it is for.
    pub company: String,
    /// Free notes.
    pub notes: String,
    /// When it was first saved (stored as milliseconds since 1970, which keeps chrono's
    /// text parser out of the wasm bundle).
    #[serde(with = "chrono::serde::ts_milliseconds_option")]
    pub created: Option<DateTime<Utc>>,
    /// When it last changed.
    #[serde(with = "chrono::serde::ts_milliseconds_option")]
    pub updated: Option<DateTime<Utc>>,
    /// Currency of every amount.
    pub currency: Currency,
    /// The ROI model's inputs.
    pub inputs: Inputs,
    /// KPIs measured over time, their targets and actual costs, campaigns and the CLV
    /// calculator.
    pub measure: Measurement,
    /// The sliders presentation mode shows.
    pub pins: Pins,
    /// Risk ranges: the Monte Carlo simulation's settings.
    pub risk: Risk,
}

impl Default for Scenario {
    fn default() -> Self {
        Scenario {
            version: SCHEMA_VERSION,
            id: String::new(),
            name: String::new(),
            company: String::new(),
            notes: String::new(),
            created: None,
            updated: None,
            currency: Currency::default(),
            inputs: Inputs::default(),
            measure: Measurement::default(),
            pins: Pins::default(),
            risk: Risk::default(),
        }
    }
}

impl Scenario {
    /// The default scenario in `currency`.
    pub fn new(currency: Currency) -> Self {
        Scenario {
            currency,
            ..Scenario::default()
        }
    }
}
