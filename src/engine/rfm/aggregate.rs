//! The chunked reader: bytes in, one running total per customer, the cleaning report.
//!
//! [`Aggregator::push`] takes any slice of the file (a record may span two chunks) and
//! [`Aggregator::finish`] scores what was read. Memory grows with the number of customers
//! and of distinct invoices, not with the file: each customer keeps its last purchase day,
//! its sum and its count; each distinct customer id and invoice number is stored once
//! ([`Interner`]), with the customer who first had the invoice. Consecutive rows of the
//! same customer, invoice or date (files are usually grouped by invoice) skip the
//! lookups.
//!
//! Counting distinct invoices per customer without a set of (customer, invoice) pairs:
//! an invoice is counted for the customer of its first kept row when it is first seen,
//! so a later row of that same customer and invoice is known to be counted already.
//! Only an invoice that appears under a second customer (rare: one invoice is one
//! customer's) needs the set, for the pairs other than the first customer's. Before
//! issue 28 every pair went into the set, which on a file of one-line invoices held one
//! entry per line. Without an invoice column the purchase day plays the invoice's part,
//! and days are shared by customers, so there the set holds most pairs.

use super::cleaning::{Cleaning, Example, Reason, EXAMPLES, EXAMPLE_CHARS};
use super::intern::Interner;
use super::read::{parse_date, parse_number, strip_bom, trim, ReadOptions, Value};
use super::{finish, RfmError, RfmResult, MAX_FIELDS, MAX_FILE_BYTES, MAX_RECORD_BYTES};
use chrono::NaiveDate;
use rust_decimal::Decimal;
use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

/// A small fast hasher (the multiply-rotate of rustc's FxHash) for the per-row lookups:
/// SipHash's resistance to chosen keys buys nothing against the user's own file, and
/// costs a third of the reading time on a file of many customers.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Fx(u64);

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        for &b in chunks.remainder() {
            self.add(u64::from(b));
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        // murmur3's finaliser: every input bit reaches the low bits (the bucket) and the
        // high bits (hashbrown's tag) alike.
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

impl Fx {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// Maps and sets keyed with [`Fx`].
type FxBuild = BuildHasherDefault<Fx>;

/// One customer's running totals.
#[derive(Debug, Clone)]
pub(super) struct Acc {
    /// The last purchase date.
    pub(super) last: NaiveDate,
    /// Distinct invoices (or dates).
    pub(super) frequency: u64,
    /// The sum of the line amounts.
    pub(super) monetary: Decimal,
    /// The invoice id (or day number) last counted, to skip the set on repeats.
    last_key: u32,
}

/// The engine's chunked reader of one file (see the [module documentation](super)).
///
/// [`push`](Aggregator::push) takes any slice of the file (a record may span two
/// chunks) and [`finish`](Aggregator::finish) scores what was read. Memory grows with
/// the number of customers and of distinct (customer, invoice) pairs, not with the file.
#[derive(Debug)]
pub struct Aggregator {
    options: ReadOptions,
    reader: csv_core::Reader,
    out: Vec<u8>,
    ends: Vec<usize>,
    outlen: usize,
    endlen: usize,
    /// The first bytes, held until it is known whether they are a byte-order mark.
    head: Vec<u8>,
    started: bool,
    header_pending: bool,
    bytes: u64,
    /// Customer ids (checked to be UTF-8), numbered as `accs`.
    pub(super) index: Interner,
    pub(super) accs: Vec<Acc>,
    /// Invoice numbers (checked to be UTF-8).
    pub(super) invoices: Interner,
    /// Per invoice: the customer of its first kept row, for whom it was counted then.
    pub(super) owner: Vec<u32>,
    /// (customer, invoice) pairs counted other than an invoice's first customer's; with
    /// no invoice column, (customer, day number) pairs.
    pub(super) pairs: HashSet<(u32, u32), FxBuild>,
    last_customer: Option<(Vec<u8>, u32)>,
    last_invoice: Option<(Vec<u8>, u32)>,
    last_date: Option<(Vec<u8>, NaiveDate)>,
    pub(super) cleaning: Cleaning,
    pub(super) first: Option<NaiveDate>,
    pub(super) last: Option<NaiveDate>,
    pub(super) total: Decimal,
}

/// Keeps `text` and `value` as the last seen, reusing the buffer.
fn remember<T>(slot: &mut Option<(Vec<u8>, T)>, text: &[u8], value: T) {
    match slot {
        Some((buffer, old)) => {
            buffer.clear();
            buffer.extend_from_slice(text);
            *old = value;
        }
        None => *slot = Some((text.to_vec(), value)),
    }
}

/// A row's fields in the record buffer.
struct Row<'a> {
    out: &'a [u8],
    ends: &'a [usize],
}

impl Row<'_> {
    fn len(&self) -> usize {
        self.ends.len()
    }

    fn get(&self, i: usize) -> Option<&[u8]> {
        let start = match i.checked_sub(1) {
            Some(p) => *self.ends.get(p)?,
            None => 0,
        };
        self.out.get(start..*self.ends.get(i)?)
    }

    /// The fields joined by `delimiter`, at most [`EXAMPLE_CHARS`] characters.
    fn text(&self, delimiter: u8) -> String {
        let mut joined = Vec::new();
        for i in 0..self.len() {
            if i > 0 {
                joined.push(delimiter);
            }
            joined.extend_from_slice(self.get(i).unwrap_or_default());
            if joined.len() > EXAMPLE_CHARS * 4 {
                break;
            }
        }
        String::from_utf8_lossy(&joined)
            .chars()
            .take(EXAMPLE_CHARS)
            .collect()
    }
}

impl Aggregator {
    /// A reader of one file with these options.
    pub fn new(options: ReadOptions) -> Aggregator {
        Aggregator {
            reader: csv_core::ReaderBuilder::new()
                .delimiter(options.delimiter)
                .build(),
            header_pending: options.has_header,
            options,
            out: vec![0; 1024],
            ends: vec![0; 32],
            outlen: 0,
            endlen: 0,
            head: Vec::new(),
            started: false,
            bytes: 0,
            index: Interner::default(),
            accs: Vec::new(),
            invoices: Interner::default(),
            owner: Vec::new(),
            pairs: HashSet::default(),
            last_customer: None,
            last_invoice: None,
            last_date: None,
            cleaning: Cleaning::default(),
            first: None,
            last: None,
            total: Decimal::ZERO,
        }
    }

    /// The options it reads with.
    pub fn options(&self) -> &ReadOptions {
        &self.options
    }

    /// How many bytes of the file it has been given so far (for a progress bar).
    pub fn bytes_read(&self) -> u64 {
        self.bytes
    }

    /// The cleaning report so far.
    pub fn cleaning(&self) -> &Cleaning {
        &self.cleaning
    }

    /// How many customers so far.
    pub fn customers(&self) -> usize {
        self.accs.len()
    }

    /// Reads the next `chunk` of the file, wholly (a record cut at the end of a chunk is
    /// finished by the next one). The caller may stop between chunks and drop the
    /// aggregator to cancel.
    ///
    /// Errors: [`RfmError::TooLarge`] past [`MAX_FILE_BYTES`],
    /// [`RfmError::RecordTooLong`], [`RfmError::TooManyFields`], [`RfmError::NotUtf8`]
    /// (a customer id or invoice that is not UTF-8), [`RfmError::Binary`] (a NUL byte in
    /// a record), [`RfmError::Overflow`] (a customer's sum beyond `Decimal`). After an
    /// error the aggregator should be dropped.
    pub fn push(&mut self, chunk: &[u8]) -> Result<(), RfmError> {
        let bytes = self.bytes.saturating_add(chunk.len() as u64);
        if bytes > MAX_FILE_BYTES {
            return Err(RfmError::TooLarge {
                bytes,
                cap: MAX_FILE_BYTES,
            });
        }
        self.bytes = bytes;
        if self.started {
            return self.feed(chunk);
        }
        self.head.extend_from_slice(chunk);
        if self.head.len() < 3 {
            return Ok(());
        }
        self.start()
    }

    /// Feeds the held first bytes, without a byte-order mark.
    fn start(&mut self) -> Result<(), RfmError> {
        self.started = true;
        let head = std::mem::take(&mut self.head);
        self.feed(strip_bom(&head))
    }

    /// Reads the last record and scores the customers. `reference` is the day recency
    /// counts to (default: the day after the last purchase in the file; it may not be
    /// before that last purchase).
    ///
    /// Errors: those of [`push`](Aggregator::push); [`RfmError::NoRows`] (no data row),
    /// [`RfmError::NoValidRows`] (every row left out; the report says why),
    /// [`RfmError::ReferenceBeforeLastPurchase`], [`RfmError::Overflow`].
    pub fn finish(mut self, reference: Option<NaiveDate>) -> Result<RfmResult, RfmError> {
        if !self.started {
            self.start()?;
        }
        self.feed(&[])?;
        finish(self, reference)
    }

    /// Runs the CSV reader over `input` (empty: the end of the file).
    fn feed(&mut self, mut input: &[u8]) -> Result<(), RfmError> {
        loop {
            let (res, nin, nout, nend) = self.reader.read_record(
                input,
                self.out.get_mut(self.outlen..).unwrap_or_default(),
                self.ends.get_mut(self.endlen..).unwrap_or_default(),
            );
            let terminator = nin.checked_sub(1).and_then(|i| input.get(i)).copied();
            input = input.get(nin..).unwrap_or_default();
            self.outlen += nout;
            self.endlen += nend;
            match res {
                // Every byte read (at the end: the last record was returned before).
                csv_core::ReadRecordResult::InputEmpty | csv_core::ReadRecordResult::End => {
                    return Ok(())
                }
                csv_core::ReadRecordResult::OutputFull => {
                    if self.out.len() >= MAX_RECORD_BYTES {
                        return Err(RfmError::RecordTooLong {
                            line: self.reader.line(),
                        });
                    }
                    self.out.resize(self.out.len() * 2, 0);
                }
                csv_core::ReadRecordResult::OutputEndsFull => {
                    if self.ends.len() >= MAX_FIELDS {
                        return Err(RfmError::TooManyFields {
                            line: self.reader.line(),
                        });
                    }
                    self.ends.resize(self.ends.len() * 2, 0);
                }
                csv_core::ReadRecordResult::Record => {
                    let fields = self.out.get(..self.outlen).unwrap_or_default();
                    // The record's first line: the reader's line count less the newlines
                    // inside quoted fields and the one ending the record.
                    let inside = fields.iter().filter(|&&b| b == b'\n').count() as u64;
                    let line = self
                        .reader
                        .line()
                        .saturating_sub(inside)
                        .saturating_sub(u64::from(terminator == Some(b'\n')));
                    self.record(line)?;
                    self.outlen = 0;
                    self.endlen = 0;
                }
            }
        }
    }

    /// Counts one row as left out.
    fn exclude(&mut self, reason: Reason, line: u64, text: impl FnOnce() -> String) {
        if let Some(entry) = self
            .cleaning
            .excluded
            .iter_mut()
            .find(|e| e.reason == reason)
        {
            entry.count += 1;
            if entry.examples.len() < EXAMPLES {
                entry.examples.push(Example { line, text: text() });
            }
        }
    }

    /// One complete record, in the buffers.
    fn record(&mut self, line: u64) -> Result<(), RfmError> {
        let out = std::mem::take(&mut self.out);
        let ends = std::mem::take(&mut self.ends);
        let row = Row {
            out: out.get(..self.outlen).unwrap_or_default(),
            ends: ends.get(..self.endlen).unwrap_or_default(),
        };
        let result = self.row(&row, line);
        self.out = out;
        self.ends = ends;
        result
    }

    fn row(&mut self, row: &Row, line: u64) -> Result<(), RfmError> {
        if row.out.contains(&0) {
            return Err(RfmError::Binary);
        }
        if self.header_pending {
            self.header_pending = false;
            return Ok(());
        }
        self.cleaning.rows += 1;
        let delimiter = self.options.delimiter;
        let columns = self.options.columns;
        let (Some(customer), Some(date)) = (row.get(columns.customer), row.get(columns.date))
        else {
            self.exclude(Reason::ShortRow, line, || row.text(delimiter));
            return Ok(());
        };
        let invoice = match columns.invoice {
            Some(i) => match row.get(i) {
                Some(invoice) => Some(trim(invoice)),
                None => {
                    self.exclude(Reason::ShortRow, line, || row.text(delimiter));
                    return Ok(());
                }
            },
            None => None,
        };
        let value = match columns.value {
            Value::Amount(a) => row.get(a).map(|a| (None, a)),
            Value::QuantityPrice { quantity, price } => row
                .get(quantity)
                .zip(row.get(price))
                .map(|(q, p)| (Some(q), p)),
        };
        let Some((quantity, price)) = value else {
            self.exclude(Reason::ShortRow, line, || row.text(delimiter));
            return Ok(());
        };
        let customer = trim(customer);
        if customer.is_empty() {
            self.exclude(Reason::NoCustomer, line, || row.text(delimiter));
            return Ok(());
        }
        let date = trim(date);
        let day = match &self.last_date {
            Some((text, day)) if text.as_slice() == date => Some(*day),
            _ => parse_date(date, self.options.date_order),
        };
        let Some(day) = day else {
            self.exclude(Reason::BadDate, line, || row.text(delimiter));
            return Ok(());
        };
        if self
            .last_date
            .as_ref()
            .is_none_or(|(text, _)| text.as_slice() != date)
        {
            remember(&mut self.last_date, date, day);
        }
        let decimal = self.options.decimal;
        let amount = match quantity {
            None => parse_number(price, decimal).map(|a| (None, a)),
            Some(q) => parse_number(q, decimal)
                .zip(parse_number(price, decimal))
                .and_then(|(q, p)| q.checked_mul(p).map(|a| (Some(q), a))),
        };
        let Some((quantity, amount)) = amount else {
            self.exclude(Reason::BadAmount, line, || row.text(delimiter));
            return Ok(());
        };
        if invoice.is_some_and(|i| i.starts_with(b"C"))
            || quantity.is_some_and(|q| q.is_sign_negative() && !q.is_zero())
            || (amount.is_sign_negative() && !amount.is_zero())
        {
            self.exclude(Reason::Cancelled, line, || row.text(delimiter));
            return Ok(());
        }
        self.keep(customer, invoice, day, amount, line)
    }

    /// Adds one kept row to its customer.
    fn keep(
        &mut self,
        customer: &[u8],
        invoice: Option<&[u8]>,
        day: NaiveDate,
        amount: Decimal,
        line: u64,
    ) -> Result<(), RfmError> {
        let c = match &self.last_customer {
            Some((text, c)) if text.as_slice() == customer => *c,
            _ => {
                let (c, new) = self.index.intern(customer, || {
                    std::str::from_utf8(customer)
                        .map(|_| ())
                        .map_err(|_| RfmError::NotUtf8 { line })
                })?;
                if new {
                    self.accs.push(Acc {
                        last: day,
                        frequency: 0,
                        monetary: Decimal::ZERO,
                        last_key: u32::MAX,
                    });
                }
                remember(&mut self.last_customer, customer, c);
                c
            }
        };
        // The invoice's number (or the day's) and whether this row counts it anew.
        let (key, counted) = match invoice {
            Some(invoice) => {
                let (id, new) = match &self.last_invoice {
                    Some((text, id)) if text.as_slice() == invoice => (*id, false),
                    _ => {
                        let (id, new) = self.invoices.intern(invoice, || {
                            std::str::from_utf8(invoice)
                                .map(|_| ())
                                .map_err(|_| RfmError::NotUtf8 { line })
                        })?;
                        remember(&mut self.last_invoice, invoice, id);
                        (id, new)
                    }
                };
                if new {
                    self.owner.push(c);
                    (id, true)
                } else {
                    let last_key = self.accs.get(c as usize).map(|a| a.last_key);
                    let first = self.owner.get(id as usize).copied();
                    (
                        id,
                        last_key != Some(id) && first != Some(c) && self.pairs.insert((c, id)),
                    )
                }
            }
            None => {
                // Days from 1 January of year 1, shifted to stay non-negative.
                let key =
                    u32::try_from(i64::from(chrono::Datelike::num_days_from_ce(&day)) + (1 << 30))
                        .map_err(|_| RfmError::Overflow)?;
                let last_key = self.accs.get(c as usize).map(|a| a.last_key);
                (key, last_key != Some(key) && self.pairs.insert((c, key)))
            }
        };
        let acc = self.accs.get_mut(c as usize).ok_or(RfmError::Overflow)?;
        if counted {
            acc.frequency = acc.frequency.checked_add(1).ok_or(RfmError::Overflow)?;
        }
        acc.last_key = key;
        acc.last = acc.last.max(day);
        acc.monetary = acc.monetary.checked_add(amount).ok_or(RfmError::Overflow)?;
        self.total = self.total.checked_add(amount).ok_or(RfmError::Overflow)?;
        self.first = Some(self.first.map_or(day, |d| d.min(day)));
        self.last = Some(self.last.map_or(day, |d| d.max(day)));
        self.cleaning.kept += 1;
        Ok(())
    }
}
