//! Customer value from a transactions file: RFM scores and segments (issue 12).
//!
//! A shop or ERP export (CSV or TSV, one row per invoice line) goes in; one record per
//! customer (recency, frequency, monetary, their 1–5 scores and a segment), a summary
//! per segment, the R×F grid and the revenue a win-back campaign would aim at come out.
//! The same rule is written as one SQL query in `rfm.sql` ([`RFM_SQL`]) and explained in
//! `docs/RFM.md`.
//!
//! # Reading
//!
//! [`read::sniff`] reads the start of the file and proposes the delimiter (`,`, `;` or
//! tab), whether there is a header, the columns (customer id, date, amount — or quantity
//! and unit price —, invoice number; Spanish and English names, and the UCI Online Retail
//! II layout, are recognised), the date order and the decimal mark; the user may correct
//! any of them ([`ReadOptions`]). [`Aggregator`] then reads the file in chunks of any size
//! and reports how many bytes it has read, so a worker can post progress and stop between
//! chunks; [`Aggregator::finish`] scores. [`analyse`] does it all for bytes in memory.
//!
//! Fields are parsed by `csv-core` (quotes, doubled quotes, CRLF or LF, blank lines
//! skipped); a UTF-8 byte-order mark is ignored. Dates: ISO `2010-12-01` always, else
//! day-month-year or month-day-year by [`ReadOptions::date_order`], `-`, `/` or `.`
//! between the numbers, with or without a time of day (ignored:
//! [`read::parse_date`]). Numbers: decimal point or comma, thousands grouped by the other
//! mark, a currency sign allowed ([`read::parse_number`]). Amounts are exact `Decimal`s:
//! unit prices often have more than two decimals (0.001), quantity × price must not be
//! rounded per line, and every sum is checked, so a hostile file ends in
//! [`RfmError::Overflow`] rather than a wrong figure or a panic.
//!
//! # Cleaning (never silent)
//!
//! Each data row is kept or left out for the first [`Reason`] that applies: fewer fields
//! than the mapped columns, an empty customer id, a date that is not a date, an amount
//! (quantity, price) that is not a number, a cancellation (an invoice starting with `C`,
//! a negative quantity, or a negative line amount). Rows left out are excluded from every
//! measure; [`Cleaning`] holds their counts and the first [`EXAMPLES`] of each, with
//! their line numbers. A zero amount is kept (the purchase counts, for 0).
//!
//! # Scoring rule
//!
//! - **Reference date**: the day after the last transaction kept in the file (the caller
//!   may give another, not before that last transaction).
//! - Per customer, over the rows kept: **recency** = days from the last purchase date to
//!   the reference date; **frequency** = the number of distinct invoices (distinct
//!   purchase dates when there is no invoice column); **monetary** = the sum of the line
//!   amounts.
//! - **Scores 1–5** from the quintile thresholds q20, q40, q60, q80 of the customers'
//!   values, with linear interpolation between order statistics (numpy.quantile's
//!   default; computed exactly, see [`score`]). Frequency and monetary score = 1 + the
//!   number of thresholds strictly below the value; recency score = 5 − the number of
//!   thresholds strictly below the recency (the most recent score 5). Equal values always
//!   share a score.
//! - **Segments** from the R and F scores ([`Segment::of`]):
//!
//! | segment | R | F |
//! | --- | --- | --- |
//! | Champions | 5 | 4–5 |
//! | Loyal | 3–4 | 4–5 |
//! | Potential loyalists | 4–5 | 2–3 |
//! | New | 5 | 1 |
//! | Promising | 4 | 1 |
//! | Need attention | 3 | 3 |
//! | About to sleep | 3 | 1–2 |
//! | Can't lose them | 1–2 | 5 |
//! | At risk | 1–2 | 3–4 |
//! | Hibernating | 1–2 | 1–2 |
//!
//! # Limits
//!
//! A file of at most [`MAX_FILE_BYTES`] (256 MiB; a 200 MB file is read, in chunks,
//! with memory that grows with the customers and invoices, not the file), records of at
//! most [`MAX_RECORD_BYTES`] and [`MAX_FIELDS`] fields. Beyond, a typed [`RfmError`].

mod aggregate;
mod cleaning;
pub mod export;
mod intern;
pub mod read;
pub mod score;

pub use aggregate::Aggregator;
pub use cleaning::{Cleaning, Example, Excluded, Reason, Treatment, EXAMPLES, EXAMPLE_CHARS};
pub use read::{Columns, DecimalMark, Mapping, ReadOptions, Role, Sniff, Value};
pub use score::{Segment, Thresholds};

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The RFM rule as one SQL query over `transactions(customer_id, invoice, invoice_date,
/// amount)` (see `docs/RFM.md` for loading the table and dialect notes).
pub const RFM_SQL: &str = include_str!("rfm.sql");

/// The largest file read: 256 MiB.
pub const MAX_FILE_BYTES: u64 = 256 * 1024 * 1024;

/// The longest record (row) read: 1 MiB.
pub const MAX_RECORD_BYTES: usize = 1 << 20;

/// The most fields a row may have.
pub const MAX_FIELDS: usize = 4096;

/// Why a file cannot be scored. No English text: the UI turns each into a message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum RfmError {
    /// The file is empty or blank.
    Empty,
    /// The file is not text (a NUL byte: a spreadsheet, an archive, an image…).
    Binary,
    /// The text is not UTF-8 (at this line; an export in another encoding).
    NotUtf8 {
        /// The line, from 1.
        line: u64,
    },
    /// The file is larger than the cap.
    TooLarge {
        /// Its size, or the bytes read when it went past the cap.
        bytes: u64,
        /// [`MAX_FILE_BYTES`].
        cap: u64,
    },
    /// Fewer than three columns (customer, date, amount) with every delimiter.
    TooFewColumns {
        /// The most columns found.
        found: usize,
    },
    /// The mapping lacks a required column.
    MissingColumn(Role),
    /// A header and no data row.
    NoRows,
    /// Every data row was left out; the report says why.
    NoValidRows(Box<Cleaning>),
    /// A record longer than [`MAX_RECORD_BYTES`] (an unclosed quote, or not a CSV file).
    RecordTooLong {
        /// The line where the reader was.
        line: u64,
    },
    /// A record with more than [`MAX_FIELDS`] fields.
    TooManyFields {
        /// The line where the reader was.
        line: u64,
    },
    /// An amount or sum beyond `Decimal`'s range, or more than 4 billion customers.
    Overflow,
    /// The reference date given is before the last purchase in the file.
    ReferenceBeforeLastPurchase {
        /// The last purchase date.
        last: NaiveDate,
    },
}

/// Whether a file of `len` bytes may be read (before reading it). Errors:
/// [`RfmError::TooLarge`], [`RfmError::Empty`] for 0 bytes.
pub fn check_size(len: u64) -> Result<(), RfmError> {
    match len {
        0 => Err(RfmError::Empty),
        len if len > MAX_FILE_BYTES => Err(RfmError::TooLarge {
            bytes: len,
            cap: MAX_FILE_BYTES,
        }),
        _ => Ok(()),
    }
}

/// What frequency counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum FrequencyBasis {
    /// Distinct invoice numbers.
    Invoices,
    /// Distinct purchase dates (the file has no invoice column).
    Dates,
}

/// One customer's measures, scores and segment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CustomerRfm {
    /// The customer id, as in the file (trimmed).
    pub customer: String,
    /// Days from the last purchase to the reference date.
    pub recency: i64,
    /// Distinct invoices (or purchase dates).
    pub frequency: u64,
    /// The sum of the line amounts, exact.
    pub monetary: Decimal,
    /// Recency score, 1–5 (5 the most recent).
    pub r: u8,
    /// Frequency score, 1–5.
    pub f: u8,
    /// Monetary score, 1–5.
    pub m: u8,
    /// The segment of `r` and `f`.
    pub segment: Segment,
}

/// The thresholds q20, q40, q60, q80 of each measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AllThresholds {
    /// Of recency (days).
    pub recency: Thresholds,
    /// Of frequency.
    pub frequency: Thresholds,
    /// Of monetary.
    pub monetary: Thresholds,
}

/// The scored file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RfmResult {
    /// The day recency counts to.
    pub reference: NaiveDate,
    /// The first purchase date kept.
    pub first_purchase: NaiveDate,
    /// The last purchase date kept.
    pub last_purchase: NaiveDate,
    /// Every customer, sorted by id (byte order).
    pub customers: Vec<CustomerRfm>,
    /// The thresholds used.
    pub thresholds: AllThresholds,
    /// What frequency counts.
    pub frequency_basis: FrequencyBasis,
    /// The sum of every kept line amount.
    pub revenue: Decimal,
    /// What was left out, and why.
    pub cleaning: Cleaning,
}

/// Scores what an [`Aggregator`] read.
fn finish(mut agg: Aggregator, reference: Option<NaiveDate>) -> Result<RfmResult, RfmError> {
    let (Some(first), Some(last)) = (agg.first, agg.last) else {
        return Err(if agg.cleaning.rows == 0 {
            RfmError::NoRows
        } else {
            RfmError::NoValidRows(Box::new(agg.cleaning))
        });
    };
    let reference = match reference {
        Some(day) if day < last => return Err(RfmError::ReferenceBeforeLastPurchase { last }),
        Some(day) => day,
        None => last.succ_opt().ok_or(RfmError::Overflow)?,
    };
    let frequency_basis = match agg.options().columns.invoice {
        Some(_) => FrequencyBasis::Invoices,
        None => FrequencyBasis::Dates,
    };
    // What only reading needed goes first, to keep the peak low.
    drop(std::mem::take(&mut agg.invoices));
    drop(std::mem::take(&mut agg.owner));
    drop(std::mem::take(&mut agg.pairs));
    let days = |a: &aggregate::Acc| (reference - a.last).num_days();
    let rt = score::quintile_thresholds_of(
        &mut agg.accs.iter().map(days).collect::<Vec<i64>>(),
        Decimal::from,
    )?;
    let ft = score::quintile_thresholds_of(
        &mut agg.accs.iter().map(|a| a.frequency).collect::<Vec<u64>>(),
        Decimal::from,
    )?;
    let mt = score::quintile_thresholds_of(
        &mut agg
            .accs
            .iter()
            .map(|a| a.monetary)
            .collect::<Vec<Decimal>>(),
        |m| m,
    )?;
    let (r_floors, f_floors) = (score::integer_floors(&rt)?, score::integer_floors(&ft)?);
    agg.index.drop_table();
    let names = &agg.index;
    let mut order: Vec<Keyed> = Vec::with_capacity(agg.accs.len());
    for (i, acc) in agg.accs.iter().enumerate() {
        let id = u32::try_from(i).map_err(|_| RfmError::Overflow)?;
        order.push(Keyed::new(
            names.key(id).unwrap_or_default(),
            id,
            days(acc),
            acc,
        ));
    }
    drop(std::mem::take(&mut agg.accs));
    // Descending, so that taking from the end gives the customers in order and the
    // records' memory can be handed back as the customers take theirs (the peak is then
    // about the customers alone, not both).
    order.sort_unstable_by(|a, b| b.cmp(a, names));
    let mut customers = Vec::with_capacity(order.len());
    while let Some(key) = order.pop() {
        if order.len().is_multiple_of(1 << 16) {
            order.shrink_to_fit();
        }
        let short = key.prefix.to_be_bytes();
        let name = match short.get(..key.len as usize) {
            Some(name) if key.len <= 8 => name,
            _ => names.key(key.id).unwrap_or_default(),
        };
        let r = score::score_integer(
            i128::from(key.recency),
            &r_floors,
            score::Direction::LowerBetter,
        );
        let f = score::score_integer(
            i128::from(key.frequency),
            &f_floors,
            score::Direction::HigherBetter,
        );
        let m = score::score_higher_better(key.monetary, &mt);
        customers.push(CustomerRfm {
            // Checked to be UTF-8 when the customer was first seen.
            customer: std::str::from_utf8(name)
                .map(str::to_owned)
                .unwrap_or_else(|_| String::from_utf8_lossy(name).into_owned()),
            recency: key.recency,
            frequency: key.frequency,
            monetary: key.monetary,
            r,
            f,
            m,
            segment: Segment::of(r, f),
        });
    }
    Ok(RfmResult {
        reference,
        first_purchase: first,
        last_purchase: last,
        customers,
        thresholds: AllThresholds {
            recency: rt,
            frequency: ft,
            monetary: mt,
        },
        frequency_basis,
        revenue: agg.total,
        cleaning: agg.cleaning,
    })
}

/// A customer's measures with its place in the byte order of ids, compared mostly
/// without reading the id.
///
/// Why (issue 28): sorting 2 million customers by their `String`s (a pointer followed
/// and the bytes compared at each step) was a tenth of the worst case's time, and then
/// reading each customer's totals and id in that order, all over memory (a cache miss
/// each), nearly a quarter. Sorting these records moves more bytes, but in the sort's
/// own cache-friendly order, and most ids are at most 8 bytes (numbers, short codes):
/// for those the record holds the whole id and the customers are then written from it
/// front to back.
#[derive(Debug, Clone, Copy)]
struct Keyed {
    /// The first 8 bytes of the id as a big-endian number, zeros after a shorter id.
    prefix: u64,
    /// The id's length, saturated.
    len: u32,
    /// The customer's number in the [`Interner`](intern::Interner).
    id: u32,
    recency: i64,
    frequency: u64,
    monetary: Decimal,
}

impl Keyed {
    fn new(name: &[u8], id: u32, recency: i64, acc: &aggregate::Acc) -> Keyed {
        let mut word = [0u8; 8];
        for (w, b) in word.iter_mut().zip(name) {
            *w = *b;
        }
        Keyed {
            prefix: u64::from_be_bytes(word),
            len: u32::try_from(name.len()).unwrap_or(u32::MAX),
            id,
            recency,
            frequency: acc.frequency,
            monetary: acc.monetary,
        }
    }

    /// The byte order of the ids. Where two prefixes differ, either both ids have a byte
    /// there and it decides, or the shorter id has ended (a zero against a byte that is
    /// not: were it zero too, the prefixes would not differ there) and, being a prefix of
    /// the other, comes first either way. With equal prefixes and both ids within 8
    /// bytes, the shorter is a prefix of the other; otherwise the bytes decide.
    fn cmp(&self, other: &Keyed, names: &intern::Interner) -> std::cmp::Ordering {
        self.prefix.cmp(&other.prefix).then_with(|| {
            if self.len <= 8 && other.len <= 8 {
                self.len.cmp(&other.len)
            } else {
                names.key(self.id).cmp(&names.key(other.id))
            }
        })
    }
}

/// The whole file in memory, read with `options` and scored (see
/// [`Aggregator::finish`] for `reference` and the errors; also [`check_size`]).
pub fn analyse_with(
    bytes: &[u8],
    options: ReadOptions,
    reference: Option<NaiveDate>,
) -> Result<RfmResult, RfmError> {
    check_size(bytes.len() as u64)?;
    let mut agg = Aggregator::new(options);
    agg.push(bytes)?;
    agg.finish(reference)
}

/// The whole file in memory, read as [`read::sniff`] proposes and scored. Errors: those
/// of [`check_size`], [`read::sniff`], [`Mapping::columns`] and [`analyse_with`].
pub fn analyse(bytes: &[u8], reference: Option<NaiveDate>) -> Result<RfmResult, RfmError> {
    check_size(bytes.len() as u64)?;
    let options = read::sniff(bytes)?.options()?;
    analyse_with(bytes, options, reference)
}
