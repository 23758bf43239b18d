//! Reading a transactions file: the delimiter, the header and the column mapping
//! ([`sniff`]), and one cell as a date ([`parse_date`]) or a number ([`parse_number`]).
//!
//! Everything here works on bytes, so a file is never decoded as a whole; only customer
//! ids and invoice numbers, which are kept, are checked to be UTF-8.
//!
//! The types of a reading are here; [`sniff`] and its guesses are in `guess.rs`, the
//! header names in `headers.rs` ([`HEADER_NAMES`]), the parsing of one cell in `cells.rs`.

use super::RfmError;
use crate::engine::deals::DateOrder;
use serde::{Deserialize, Serialize};

mod cells;
mod guess;
mod headers;

pub(super) use cells::trim;
pub use cells::{parse_date, parse_number};
pub use guess::sniff;
pub use headers::{map_headers, normalize_header, HEADER_NAMES};

/// How many bytes of the start of a file [`sniff`] reads (64 KiB): pass it that many, or
/// the whole file when it is shorter.
pub const SNIFF_BYTES: usize = 64 * 1024;

/// How many data rows [`Sniff::preview`] holds.
pub const PREVIEW_ROWS: usize = 5;

/// The decimal mark of the amounts; the other of `.` and `,` may then group thousands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum DecimalMark {
    /// `1,234.56`.
    #[default]
    Point,
    /// `1.234,56`.
    Comma,
}

/// Where the line amount of a row comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Value {
    /// One column holds the line amount.
    Amount(usize),
    /// The line amount is quantity × unit price.
    QuantityPrice {
        /// The quantity column.
        quantity: usize,
        /// The unit price column.
        price: usize,
    },
}

/// The columns the engine reads (positions from 0), complete: see [`Mapping::columns`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Columns {
    /// The customer id.
    pub customer: usize,
    /// The date (a time of day after it is allowed and ignored).
    pub date: usize,
    /// The line amount, or quantity and unit price.
    pub value: Value,
    /// The invoice (order, ticket) number, when the file has one: frequency then counts
    /// distinct invoices, and an invoice starting with `C` is a cancellation.
    pub invoice: Option<usize>,
}

/// What a column holds, for a [`Mapping`] and [`RfmError::MissingColumn`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    /// The customer id.
    Customer,
    /// The purchase date.
    Date,
    /// The line amount (or quantity and unit price).
    Amount,
    /// The quantity (with a unit price, instead of an amount).
    Quantity,
    /// The unit price (with a quantity, instead of an amount).
    Price,
    /// The invoice number (optional).
    Invoice,
}

/// A proposed column for each role, found from the header; the user may correct it, then
/// [`Mapping::columns`] checks it is complete.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Mapping {
    /// The customer id column.
    pub customer: Option<usize>,
    /// The date column.
    pub date: Option<usize>,
    /// The line amount column; when set, quantity and price are not used for the amount.
    pub amount: Option<usize>,
    /// The quantity column.
    pub quantity: Option<usize>,
    /// The unit price column.
    pub price: Option<usize>,
    /// The invoice column (optional).
    pub invoice: Option<usize>,
}

impl Mapping {
    /// The complete columns: customer and date, and an amount or else both quantity and
    /// price. Errors: [`RfmError::MissingColumn`] naming the first role missing (the
    /// amount when neither it nor quantity and price are set).
    pub fn columns(&self) -> Result<Columns, RfmError> {
        let customer = self
            .customer
            .ok_or(RfmError::MissingColumn(Role::Customer))?;
        let date = self.date.ok_or(RfmError::MissingColumn(Role::Date))?;
        let value = match (self.amount, self.quantity, self.price) {
            (Some(amount), _, _) => Value::Amount(amount),
            (None, Some(quantity), Some(price)) => Value::QuantityPrice { quantity, price },
            (None, Some(_), None) => return Err(RfmError::MissingColumn(Role::Price)),
            (None, None, Some(_)) => return Err(RfmError::MissingColumn(Role::Quantity)),
            (None, None, None) => return Err(RfmError::MissingColumn(Role::Amount)),
        };
        Ok(Columns {
            customer,
            date,
            value,
            invoice: self.invoice,
        })
    }

    /// The role of column `index` in this mapping, if any (the first in [`Role`] order).
    pub fn role_of(&self, index: usize) -> Option<Role> {
        [
            (self.customer, Role::Customer),
            (self.date, Role::Date),
            (self.amount, Role::Amount),
            (self.quantity, Role::Quantity),
            (self.price, Role::Price),
            (self.invoice, Role::Invoice),
        ]
        .into_iter()
        .find(|(column, _)| *column == Some(index))
        .map(|(_, role)| role)
    }

    /// The column chosen for `role`, if any.
    pub fn slot(&self, role: Role) -> Option<usize> {
        match role {
            Role::Customer => self.customer,
            Role::Date => self.date,
            Role::Amount => self.amount,
            Role::Quantity => self.quantity,
            Role::Price => self.price,
            Role::Invoice => self.invoice,
        }
    }

    /// The field holding the column for `role`, to set (`Some`) or clear (`None`).
    pub fn slot_mut(&mut self, role: Role) -> &mut Option<usize> {
        match role {
            Role::Customer => &mut self.customer,
            Role::Date => &mut self.date,
            Role::Amount => &mut self.amount,
            Role::Quantity => &mut self.quantity,
            Role::Price => &mut self.price,
            Role::Invoice => &mut self.invoice,
        }
    }
}

/// How to read a file: what [`sniff`] proposes, as the user confirmed or corrected it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ReadOptions {
    /// The field delimiter (`,`, `;` or tab when detected; any byte but `"`, CR or LF).
    pub delimiter: u8,
    /// Whether the first record is a header (skipped).
    pub has_header: bool,
    /// The columns read.
    pub columns: Columns,
    /// The order of dates whose year comes last (ISO dates are always year first).
    pub date_order: DateOrder,
    /// The decimal mark of amounts, quantities and prices.
    pub decimal: DecimalMark,
}

/// What [`sniff`] found at the start of a file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sniff {
    /// The field delimiter: the one of `,`, `;`, tab that splits the first records into
    /// the same number (at least 3) of fields most often.
    pub delimiter: u8,
    /// Whether the first record is a header: none of its cells is a date or a number,
    /// and one has a letter.
    pub has_header: bool,
    /// The header's cells (trimmed), or empty strings when there is no header; one per
    /// column of the first record.
    pub headers: Vec<String>,
    /// The proposed mapping, from the header names (empty without a header).
    pub mapping: Mapping,
    /// The proposed date order.
    pub date_order: DateOrder,
    /// Whether the sample decided the date order (a day above 12, or only ISO dates);
    /// when not, it is day first and the user should be asked.
    pub date_order_certain: bool,
    /// The proposed decimal mark.
    pub decimal: DecimalMark,
    /// Whether the sample decided the decimal mark; when not, it is a comma for a
    /// semicolon-delimited file and a point otherwise.
    pub decimal_certain: bool,
    /// The first data rows' cells (at most [`PREVIEW_ROWS`]), for the mapping screen.
    pub preview: Vec<Vec<String>>,
}

impl Sniff {
    /// The read options as proposed. Errors: an incomplete mapping
    /// ([`Mapping::columns`]).
    pub fn options(&self) -> Result<ReadOptions, RfmError> {
        Ok(ReadOptions {
            delimiter: self.delimiter,
            has_header: self.has_header,
            columns: self.mapping.columns()?,
            date_order: self.date_order,
            decimal: self.decimal,
        })
    }
}

/// `bytes` without a leading UTF-8 byte-order mark.
pub(super) fn strip_bom(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes)
}
