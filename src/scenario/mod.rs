//! The scenario: every input of the calculator plus what the user chose to see it in.
//!
//! This is the one value the UI holds; storage, share links and file import are edges
//! that turn bytes into a validated `Scenario` or a clear error.

use crate::engine::model::Inputs;
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

/// Every input of the calculator and the currency it is expressed in.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Scenario {
    /// [`SCHEMA_VERSION`] when written.
    pub version: u32,
    /// Currency of every amount.
    pub currency: Currency,
    /// The ROI model's inputs.
    pub inputs: Inputs,
}

impl Scenario {
    /// The default scenario in `currency`.
    pub fn new(currency: Currency) -> Self {
        Scenario {
            version: SCHEMA_VERSION,
            currency,
            inputs: Inputs::default(),
        }
    }
}
