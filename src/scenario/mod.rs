//! The scenario: every input of the calculator plus what the user chose to see it in.
//!
//! This is the one value the UI holds; storage, share links and file import are edges
//! that turn bytes into a validated `Scenario` or a clear error.

pub mod codec;
pub mod store;

use crate::engine::measure::{Measurement, MeasurementError};
use crate::engine::model::{FieldError, Inputs};
use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// Version of the scenario's stored form; raised (with a migration) whenever a stored
/// scenario or a link from an older version would no longer read correctly.
pub const SCHEMA_VERSION: u32 = 1;

/// Currencies offered. Amounts are never converted: the currency only changes how they
/// are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Currency {
    /// Euro.
    #[default]
    EUR,
    /// US dollar.
    USD,
    /// Mexican peso.
    MXN,
    /// Colombian peso.
    COP,
    /// Argentine peso.
    ARS,
    /// Chilean peso.
    CLP,
    /// Peruvian sol.
    PEN,
    /// Pound sterling.
    GBP,
}

impl Currency {
    /// All currencies, in the order offered.
    pub const ALL: [Currency; 8] = [
        Currency::EUR,
        Currency::USD,
        Currency::MXN,
        Currency::COP,
        Currency::ARS,
        Currency::CLP,
        Currency::PEN,
        Currency::GBP,
    ];

    /// ISO 4217 code.
    pub fn code(self) -> &'static str {
        match self {
            Currency::EUR => "EUR",
            Currency::USD => "USD",
            Currency::MXN => "MXN",
            Currency::COP => "COP",
            Currency::ARS => "ARS",
            Currency::CLP => "CLP",
            Currency::PEN => "PEN",
            Currency::GBP => "GBP",
        }
    }

    /// The currency with ISO code `code`.
    pub fn from_code(code: &str) -> Option<Currency> {
        Currency::ALL.into_iter().find(|c| c.code() == code)
    }
}

/// Longest name or company accepted, in characters.
pub const MAX_NAME_CHARS: usize = 120;
/// Longest notes accepted, in characters.
pub const MAX_NOTES_CHARS: usize = 4_000;

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
    /// KPIs measured before and after, campaigns and the CLV calculator.
    pub measure: Measurement,
}

/// Why a scenario (from storage, a link or a file) was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScenarioError {
    /// Written by a newer version of the app.
    FutureVersion(u32),
    /// A text field is longer than allowed.
    TextTooLong,
    /// Some inputs are outside their valid ranges.
    InvalidInputs(Vec<FieldError>),
    /// Some measurements are out of range or too long.
    InvalidMeasurement(MeasurementError),
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

    /// Checks everything a user, a link or a file can get wrong.
    pub fn validate(&self) -> Result<(), ScenarioError> {
        if self.version > SCHEMA_VERSION {
            return Err(ScenarioError::FutureVersion(self.version));
        }
        let too_long = |text: &str, max: usize| text.chars().count() > max;
        if too_long(&self.name, MAX_NAME_CHARS)
            || too_long(&self.company, MAX_NAME_CHARS)
            || too_long(&self.id, MAX_NAME_CHARS)
            || too_long(&self.notes, MAX_NOTES_CHARS)
        {
            return Err(ScenarioError::TextTooLong);
        }
        self.inputs
            .validate()
            .map_err(ScenarioError::InvalidInputs)?;
        self.measure
            .validate()
            .map_err(ScenarioError::InvalidMeasurement)
    }
}

/// The one-click variants of a scenario, for a demo that walks from cautious to bold.
///
/// The rule: every *improvement* the CRM is expected to bring (conversion after − before,
/// churn before − after, deal size uplift, hours saved per rep, minutes saved per
/// ticket, cost-per-acquisition reduction, days cut from the sales cycle) is scaled —
/// halved for conservative, kept for expected, raised by half for optimistic — and the
/// conservative variant adds 10 points of cost contingency. Values stay within range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Variant {
    /// Improvements × 0.5, contingency + 10 points.
    Conservative,
    /// The scenario as it is.
    Expected,
    /// Improvements × 1.5.
    Optimistic,
}

impl Variant {
    /// All variants, cautious first.
    pub const ALL: [Variant; 3] = [
        Variant::Conservative,
        Variant::Expected,
        Variant::Optimistic,
    ];

    /// `inputs` with this variant's rule applied.
    pub fn apply(self, inputs: &Inputs) -> Inputs {
        use crate::engine::model::Field as F;
        let k = match self {
            Variant::Conservative => Decimal::new(5, 1),
            Variant::Expected => return inputs.clone(),
            Variant::Optimistic => Decimal::new(15, 1),
        };
        let mut out = inputs.clone();
        let scaled = |v: Decimal| v.checked_mul(k).unwrap_or(v);
        // `after` moved so that its distance from `before` is scaled.
        let mut rescale_gap = |before: F, after: F| {
            let (b, a) = (before.get(inputs), after.get(inputs));
            let gap = a.checked_sub(b).map(scaled).unwrap_or_default();
            after.set(&mut out, after.clamp(b.checked_add(gap).unwrap_or(a)));
        };
        rescale_gap(F::ConversionBeforePct, F::ConversionAfterPct);
        rescale_gap(F::ChurnBeforePct, F::ChurnAfterPct);
        rescale_gap(F::CycleDaysBefore, F::CycleDaysAfter);
        for f in [
            F::DealSizeUpliftPct,
            F::HoursSavedPerRepWeek,
            F::HandleMinutesSaved,
            F::CpaReductionPct,
        ] {
            f.set(&mut out, f.clamp(scaled(f.get(inputs))));
        }
        if self == Variant::Conservative {
            let c = F::ContingencyPct;
            c.set(
                &mut out,
                c.clamp(
                    c.get(inputs)
                        .checked_add(Decimal::TEN)
                        .unwrap_or(Decimal::ONE_HUNDRED),
                ),
            );
        }
        out
    }
}
