//! The cleaning report: every row left out, counted under its [`Reason`], with the first
//! few as examples; the chunked reader ([`super::Aggregator`]) fills it.

use serde::{Deserialize, Serialize};

/// How many examples of each reason the cleaning report keeps.
pub const EXAMPLES: usize = 5;

/// The most characters of a row an example keeps.
pub const EXAMPLE_CHARS: usize = 200;

/// Why a row was left out. Each row counts once, under the first reason that applies,
/// in this order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Reason {
    /// Fewer fields than the mapped columns need.
    ShortRow,
    /// The customer id is empty.
    NoCustomer,
    /// The date is not a date.
    BadDate,
    /// The amount (or quantity or price) is not a number, or quantity × price leaves
    /// `Decimal`'s range.
    BadAmount,
    /// A cancellation or return: an invoice starting with `C`, a negative quantity, or a
    /// negative line amount.
    Cancelled,
}

impl Reason {
    /// Every reason, in the order they are checked.
    pub const ALL: [Reason; 5] = [
        Reason::ShortRow,
        Reason::NoCustomer,
        Reason::BadDate,
        Reason::BadAmount,
        Reason::Cancelled,
    ];

    /// What was done with such rows (always [`Treatment::Excluded`] for now).
    pub fn treatment(self) -> Treatment {
        Treatment::Excluded
    }
}

/// What the engine did with the rows of a [`Reason`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Treatment {
    /// Left out of every measure.
    Excluded,
}

/// One row left out, as an example.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Example {
    /// Its line in the file, from 1 (the line where the record starts).
    pub line: u64,
    /// Its fields joined by the delimiter, at most [`EXAMPLE_CHARS`] characters.
    pub text: String,
}

/// The rows left out for one reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Excluded {
    /// Why.
    pub reason: Reason,
    /// How many rows.
    pub count: u64,
    /// The first [`EXAMPLES`] of them, in file order.
    pub examples: Vec<Example>,
}

/// The cleaning report: never silent about a row left out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cleaning {
    /// Data rows read (the header and blank lines not counted).
    pub rows: u64,
    /// Rows used.
    pub kept: u64,
    /// One entry per [`Reason`], in [`Reason::ALL`] order (counts may be 0).
    pub excluded: Vec<Excluded>,
}

impl Default for Cleaning {
    fn default() -> Self {
        Cleaning {
            rows: 0,
            kept: 0,
            excluded: Reason::ALL
                .into_iter()
                .map(|reason| Excluded {
                    reason,
                    count: 0,
                    examples: Vec::new(),
                })
                .collect(),
        }
    }
}

impl Cleaning {
    /// How many rows were left out for `reason`.
    pub fn count(&self, reason: Reason) -> u64 {
        self.excluded
            .iter()
            .find(|e| e.reason == reason)
            .map_or(0, |e| e.count)
    }
}
