//! Reading a transactions file: the delimiter, the header and the column mapping
//! ([`sniff`]), and one cell as a date ([`parse_date`]) or a number ([`parse_number`]).
//!
//! Everything here works on bytes, so a file is never decoded as a whole; only customer
//! ids and invoice numbers, which are kept, are checked to be UTF-8.

use super::RfmError;
use crate::engine::deals::DateOrder;
use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// How many bytes of the start of a file [`sniff`] reads (64 KiB): pass it that many, or
/// the whole file when it is shorter.
pub const SNIFF_BYTES: usize = 64 * 1024;

/// How many records of the start [`sniff`] looks at.
const SNIFF_RECORDS: usize = 200;

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

/// A record's fields, as bytes.
type Record = Vec<Vec<u8>>;

/// Up to `limit` records of `text` split on `delimiter` (quotes honoured), each as its
/// fields' bytes.
fn records(text: &[u8], delimiter: u8, limit: usize) -> Vec<Record> {
    let mut reader = csv_core::ReaderBuilder::new().delimiter(delimiter).build();
    let mut input = text;
    let mut out = vec![0u8; 4096];
    let mut ends = vec![0usize; 64];
    let (mut outlen, mut endlen) = (0, 0);
    let mut rows = Vec::new();
    while rows.len() < limit {
        let (res, nin, nout, nend) = reader.read_record(
            input,
            out.get_mut(outlen..).unwrap_or_default(),
            ends.get_mut(endlen..).unwrap_or_default(),
        );
        input = input.get(nin..).unwrap_or_default();
        outlen += nout;
        endlen += nend;
        match res {
            csv_core::ReadRecordResult::OutputFull => out.resize(out.len() * 2, 0),
            csv_core::ReadRecordResult::OutputEndsFull => ends.resize(ends.len() * 2, 0),
            csv_core::ReadRecordResult::Record => {
                let mut start = 0;
                let fields = ends
                    .get(..endlen)
                    .unwrap_or_default()
                    .iter()
                    .map(|&end| {
                        let field = out.get(start..end).unwrap_or_default().to_vec();
                        start = end;
                        field
                    })
                    .collect();
                rows.push(fields);
                outlen = 0;
                endlen = 0;
            }
            csv_core::ReadRecordResult::InputEmpty => {}
            csv_core::ReadRecordResult::End => break,
        }
    }
    rows
}

/// The start of a file (at most [`SNIFF_BYTES`] are read; pass the whole file when it is
/// shorter): delimiter, header, proposed mapping, date order, decimal mark, a preview.
///
/// Errors: [`RfmError::Empty`] (nothing but blanks), [`RfmError::Binary`] (a NUL byte),
/// [`RfmError::NotUtf8`], [`RfmError::TooFewColumns`] (fewer than 3 columns with every
/// delimiter), [`RfmError::NoRows`] (a header and nothing else).
pub fn sniff(head: &[u8]) -> Result<Sniff, RfmError> {
    let cut = head.len() >= SNIFF_BYTES;
    let head = strip_bom(head.get(..SNIFF_BYTES).unwrap_or(head));
    if head.contains(&0) {
        return Err(RfmError::Binary);
    }
    // Only whole lines when the sample was cut (its last line may be partial).
    let head = if cut {
        match head.iter().rposition(|&b| b == b'\n') {
            Some(at) => head.get(..at).unwrap_or(head),
            None => head,
        }
    } else {
        head
    };
    if let Err(error) = std::str::from_utf8(head) {
        let line = line_of(head, error.valid_up_to());
        return Err(RfmError::NotUtf8 { line });
    }
    if head.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(RfmError::Empty);
    }
    let mut best: Option<(usize, usize, u8, Vec<Record>)> = None;
    let mut widest = 1;
    for delimiter in [b',', b';', b'\t'] {
        let rows = records(head, delimiter, SNIFF_RECORDS);
        let width = rows.first().map_or(0, Vec::len);
        widest = widest.max(width);
        let agree = rows.iter().filter(|row| row.len() == width).count();
        if width >= 3 && best.as_ref().is_none_or(|b| (agree, width) > (b.0, b.1)) {
            best = Some((agree, width, delimiter, rows));
        }
    }
    let Some((_, width, delimiter, rows)) = best else {
        return Err(RfmError::TooFewColumns { found: widest });
    };
    let first = rows.first().cloned().unwrap_or_default();
    let first_text: Vec<String> = first.iter().map(|c| cell_text(c)).collect();
    let has_header = first_text.iter().all(|cell| {
        parse_date(cell.as_bytes(), DateOrder::DayFirst).is_none()
            && parse_date(cell.as_bytes(), DateOrder::MonthFirst).is_none()
            && parse_number(cell.as_bytes(), DecimalMark::Point).is_none()
            && parse_number(cell.as_bytes(), DecimalMark::Comma).is_none()
    }) && first_text
        .iter()
        .any(|cell| cell.chars().any(char::is_alphabetic));
    let data: Vec<&Record> = rows.iter().skip(usize::from(has_header)).collect();
    if data.is_empty() && has_header {
        return Err(RfmError::NoRows);
    }
    let mapping = if has_header {
        map_headers(&first_text)
    } else {
        Mapping::default()
    };
    let column = |index: Option<usize>| -> Vec<&[u8]> {
        index.map_or_else(Vec::new, |i| {
            data.iter()
                .filter_map(|row| row.get(i).map(Vec::as_slice))
                .collect()
        })
    };
    let (date_order, date_order_certain) = guess_date_order(&column(mapping.date));
    let mut numbers = column(mapping.amount);
    numbers.extend(column(mapping.price));
    numbers.extend(column(mapping.quantity));
    let (decimal, decimal_certain) = guess_decimal(&numbers, delimiter);
    Ok(Sniff {
        delimiter,
        has_header,
        headers: if has_header {
            first_text
        } else {
            vec![String::new(); width]
        },
        mapping,
        date_order,
        date_order_certain,
        decimal,
        decimal_certain,
        preview: data
            .iter()
            .take(PREVIEW_ROWS)
            .map(|row| row.iter().map(|c| cell_text(c)).collect())
            .collect(),
    })
}

/// The line (from 1) of byte `at` of `text`.
pub(super) fn line_of(text: &[u8], at: usize) -> u64 {
    let newlines = text
        .get(..at)
        .unwrap_or(text)
        .iter()
        .filter(|&&b| b == b'\n')
        .count();
    1 + newlines as u64
}

/// A cell as trimmed text (lossy: invalid UTF-8 shown as U+FFFD).
pub(super) fn cell_text(cell: &[u8]) -> String {
    String::from_utf8_lossy(cell).trim().to_string()
}

/// A header name reduced to lowercase ASCII letters and digits, accents removed:
/// `"Código cliente"` → `"codigocliente"`, `"Customer ID"` → `"customerid"`.
pub fn normalize_header(name: &str) -> String {
    name.chars()
        .flat_map(char::to_lowercase)
        .filter_map(|c| match c {
            'á' | 'à' | 'â' | 'ä' => Some('a'),
            'é' | 'è' | 'ê' | 'ë' => Some('e'),
            'í' | 'ì' | 'î' | 'ï' => Some('i'),
            'ó' | 'ò' | 'ô' | 'ö' => Some('o'),
            'ú' | 'ù' | 'û' | 'ü' => Some('u'),
            'ñ' => Some('n'),
            'ç' => Some('c'),
            c if c.is_ascii_alphanumeric() => Some(c),
            _ => None,
        })
        .collect()
}

/// Header names recognised for each role, in [`normalize_header`] form (Spanish and
/// English; `Invoice`, `Quantity`, `InvoiceDate`, `Price`, `Customer ID` of the UCI
/// Online Retail II layout, `InvoiceNo`, `UnitPrice`, `CustomerID` of its first edition).
pub const HEADER_NAMES: [(Role, &[&str]); 6] = [
    (
        Role::Customer,
        &[
            "customerid",
            "customer",
            "customerno",
            "customernumber",
            "customercode",
            "clientid",
            "client",
            "clientcode",
            "cliente",
            "idcliente",
            "clienteid",
            "codcliente",
            "codigocliente",
            "codigodecliente",
            "numcliente",
            "numerocliente",
            "numerodecliente",
            "ncliente",
            "nrocliente",
            "idcli",
        ],
    ),
    (
        Role::Date,
        &[
            "invoicedate",
            "date",
            "orderdate",
            "purchasedate",
            "transactiondate",
            "saledate",
            "datetime",
            "fecha",
            "fechafactura",
            "fechadefactura",
            "fechapedido",
            "fechadepedido",
            "fechacompra",
            "fechadecompra",
            "fechaventa",
            "fechadeventa",
            "fechaoperacion",
            "fechatransaccion",
            "fechaemision",
            "fechahora",
        ],
    ),
    (
        Role::Amount,
        &[
            "amount",
            "total",
            "totalamount",
            "lineamount",
            "linetotal",
            "totalprice",
            "revenue",
            "sales",
            "netamount",
            "importe",
            "importetotal",
            "importelinea",
            "totallinea",
            "monto",
            "montototal",
            "ventas",
            "totalventa",
            "subtotal",
        ],
    ),
    (
        Role::Quantity,
        &[
            "quantity", "qty", "units", "cantidad", "unidades", "uds", "cant",
        ],
    ),
    (
        Role::Price,
        &[
            "price",
            "unitprice",
            "priceunit",
            "precio",
            "preciounitario",
            "preciounidad",
            "preciounit",
            "pvp",
        ],
    ),
    (
        Role::Invoice,
        &[
            "invoice",
            "invoiceno",
            "invoicenumber",
            "invoiceid",
            "order",
            "orderid",
            "orderno",
            "ordernumber",
            "transactionid",
            "receipt",
            "ticket",
            "factura",
            "numfactura",
            "numerofactura",
            "numerodefactura",
            "nfactura",
            "nrofactura",
            "idfactura",
            "pedido",
            "numpedido",
            "numerodepedido",
            "npedido",
            "idpedido",
            "albaran",
        ],
    ),
];

/// The mapping a header suggests: for each role, the first column (left to right) whose
/// normalised name is one of [`HEADER_NAMES`].
pub fn map_headers(headers: &[String]) -> Mapping {
    let find = |role: Role| -> Option<usize> {
        let names = HEADER_NAMES
            .iter()
            .find(|(r, _)| *r == role)
            .map_or(&[][..], |(_, names)| *names);
        headers
            .iter()
            .position(|h| names.contains(&normalize_header(h).as_str()))
    };
    Mapping {
        customer: find(Role::Customer),
        date: find(Role::Date),
        amount: find(Role::Amount),
        quantity: find(Role::Quantity),
        price: find(Role::Price),
        invoice: find(Role::Invoice),
    }
}

/// The date order the sample shows: a first number above 12 means day first, a second
/// above 12 month first; ISO dates say nothing. Certain when exactly one order is shown,
/// or when every date is ISO.
fn guess_date_order(cells: &[&[u8]]) -> (DateOrder, bool) {
    let (mut day_first, mut month_first, mut ambiguous) = (false, false, false);
    for cell in cells {
        let Some((a, b, _, _)) = date_parts(trim(cell)) else {
            continue;
        };
        if a.len() == 4 {
            continue;
        }
        let (a, b) = (digits_value(a), digits_value(b));
        match (a, b) {
            (Some(a), _) if a > 12 => day_first = true,
            (_, Some(b)) if b > 12 => month_first = true,
            _ => ambiguous = true,
        }
    }
    match (day_first, month_first) {
        (true, false) => (DateOrder::DayFirst, true),
        (false, true) => (DateOrder::MonthFirst, true),
        (false, false) => (DateOrder::DayFirst, !ambiguous),
        (true, true) => (DateOrder::DayFirst, false),
    }
}

/// The decimal mark the sample shows: a mark followed by other than three digits, or the
/// last of two different marks, is the decimal mark.
fn guess_decimal(cells: &[&[u8]], delimiter: u8) -> (DecimalMark, bool) {
    let (mut point, mut comma) = (false, false);
    for cell in cells {
        let cell = trim(cell);
        let last_point = cell.iter().rposition(|&b| b == b'.');
        let last_comma = cell.iter().rposition(|&b| b == b',');
        match (last_point, last_comma) {
            (Some(p), Some(c)) => {
                if p > c {
                    point = true;
                } else {
                    comma = true;
                }
            }
            (Some(p), None) => {
                if cell.iter().filter(|&&b| b == b'.').count() > 1 {
                    comma = true;
                } else if cell.len() - p - 1 != 3 {
                    point = true;
                }
            }
            (None, Some(c)) => {
                if cell.iter().filter(|&&b| b == b',').count() > 1 {
                    point = true;
                } else if cell.len() - c - 1 != 3 {
                    comma = true;
                }
            }
            (None, None) => {}
        }
    }
    match (point, comma) {
        (true, false) => (DecimalMark::Point, true),
        (false, true) => (DecimalMark::Comma, true),
        _ if delimiter == b';' => (DecimalMark::Comma, false),
        _ => (DecimalMark::Point, false),
    }
}

/// `bytes` without surrounding ASCII spaces and tabs.
pub(super) fn trim(bytes: &[u8]) -> &[u8] {
    bytes.trim_ascii()
}

/// The value of a run of 1 to 9 ASCII digits.
fn digits_value(digits: &[u8]) -> Option<u32> {
    if digits.is_empty() || digits.len() > 9 || !digits.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(
        digits
            .iter()
            .fold(0u32, |acc, &d| acc * 10 + u32::from(d - b'0')),
    )
}

/// The three numbers of a date as written, and what follows the date.
type DateParts<'a> = (&'a [u8], &'a [u8], &'a [u8], &'a [u8]);

/// A date cell split into its three numbers (as written) and what follows the date.
fn date_parts(cell: &[u8]) -> Option<DateParts<'_>> {
    let end = cell
        .iter()
        .position(|&b| b == b' ' || b == b'T')
        .unwrap_or(cell.len());
    let (date, rest) = cell.split_at(end);
    let separator = *date.iter().find(|b| matches!(b, b'-' | b'/' | b'.'))?;
    let mut parts = date.split(|&b| b == separator);
    let (a, b, c) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    Some((a, b, c, rest))
}

/// Whether what follows a date is a time of day: `08:26`, `08:26:00`, `T08:26:00.000Z`,
/// `8:26 PM`, `08:26:00+01:00`, or nothing.
fn is_time(rest: &[u8]) -> bool {
    let rest = rest.strip_prefix(b"T").unwrap_or(rest).trim_ascii();
    rest.is_empty()
        || rest.first().is_some_and(u8::is_ascii_digit)
            && rest.contains(&b':')
            && rest.iter().all(|b| {
                b.is_ascii_digit()
                    || matches!(
                        b,
                        b':' | b'.'
                            | b','
                            | b'+'
                            | b'-'
                            | b' '
                            | b'Z'
                            | b'A'
                            | b'P'
                            | b'M'
                            | b'a'
                            | b'p'
                            | b'm'
                    )
            })
}

/// One cell as a date: ISO year-month-day always (a first number of four digits), else
/// day-month-year or month-day-year by `order`; `-`, `/` or `.` between the numbers (the
/// same twice); a two-digit year is 20yy; a time of day after a space or `T` is ignored;
/// surrounding spaces are ignored. `None` for anything else, and for impossible dates
/// (31 February).
pub fn parse_date(cell: &[u8], order: DateOrder) -> Option<NaiveDate> {
    let (a, b, c, rest) = date_parts(trim(cell))?;
    if !is_time(rest) {
        return None;
    }
    let (y, m, d) = if a.len() == 4 {
        (a, b, c)
    } else {
        match order {
            DateOrder::DayFirst => (c, b, a),
            DateOrder::MonthFirst => (c, a, b),
        }
    };
    if m.len() > 2 || d.len() > 2 {
        return None;
    }
    let year = match y.len() {
        4 => i32::try_from(digits_value(y)?).ok()?,
        2 => 2000 + i32::try_from(digits_value(y)?).ok()?,
        _ => return None,
    };
    NaiveDate::from_ymd_opt(year, digits_value(m)?, digits_value(d)?)
}

/// The most significant digits a number may have (those of `Decimal`).
const MAX_DIGITS: u32 = 28;

/// One cell as an exact number: an optional sign (`-` or `+`), digits with the decimal
/// mark `mark` and optionally thousands grouped by the other mark (groups of exactly
/// three digits: `1,234.5`, `1.234,5`); a currency sign `€`, `$` or `£` before or after,
/// and surrounding spaces, are ignored. `None` for anything else: exponents, a misplaced
/// group mark (`2.55` with a decimal comma), more than 28 digits, an empty cell.
pub fn parse_number(cell: &[u8], mark: DecimalMark) -> Option<Decimal> {
    let mut s = trim(cell);
    for sign in ["€".as_bytes(), b"$", "£".as_bytes()] {
        if let Some(rest) = s.strip_prefix(sign) {
            s = trim(rest);
        } else if let Some(rest) = s.strip_suffix(sign) {
            s = trim(rest);
        }
    }
    let negative = match s.first() {
        Some(b'-') => true,
        Some(b'+') => false,
        _ => {
            return digits_number(s, mark, false);
        }
    };
    digits_number(s.get(1..)?, mark, negative)
}

/// The unsigned part of [`parse_number`].
fn digits_number(s: &[u8], mark: DecimalMark, negative: bool) -> Option<Decimal> {
    let (decimal, group) = match mark {
        DecimalMark::Point => (b'.', b','),
        DecimalMark::Comma => (b',', b'.'),
    };
    let (int, frac) = match s.iter().position(|&b| b == decimal) {
        Some(at) => (s.get(..at)?, Some(s.get(at + 1..)?)),
        None => (s, None),
    };
    if int.is_empty() && frac.is_none_or(<[u8]>::is_empty) {
        return None;
    }
    let mut mantissa: i128 = 0;
    let mut digits = 0u32;
    let mut push = |d: u8| -> Option<()> {
        if !d.is_ascii_digit() {
            return None;
        }
        if mantissa != 0 || d != b'0' {
            digits += 1;
        }
        if digits > MAX_DIGITS {
            return None;
        }
        mantissa = mantissa * 10 + i128::from(d - b'0');
        Some(())
    };
    if int.contains(&group) {
        let mut groups = int.split(|&b| b == group);
        let head = groups.next()?;
        if head.is_empty() || head.len() > 3 {
            return None;
        }
        head.iter().try_for_each(|&d| push(d))?;
        for g in groups {
            if g.len() != 3 {
                return None;
            }
            g.iter().try_for_each(|&d| push(d))?;
        }
    } else {
        int.iter().try_for_each(|&d| push(d))?;
    }
    let frac = frac.unwrap_or_default();
    frac.iter().try_for_each(|&d| push(d))?;
    let scale = u32::try_from(frac.len()).ok()?;
    if scale > MAX_DIGITS {
        return None;
    }
    let value = Decimal::try_from_i128_with_scale(mantissa, scale).ok()?;
    Some(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    fn dec(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap_or_default()
    }

    #[test]
    fn numbers() {
        let p = DecimalMark::Point;
        let c = DecimalMark::Comma;
        assert_eq!(parse_number(b"2.55", p), Some(dec("2.55")));
        assert_eq!(parse_number(b" -12 ", p), Some(dec("-12")));
        assert_eq!(parse_number(b"1,234.5", p), Some(dec("1234.5")));
        assert_eq!(parse_number(b"1.234,5", c), Some(dec("1234.5")));
        assert_eq!(parse_number("12,50 €".as_bytes(), c), Some(dec("12.50")));
        assert_eq!(parse_number(b"$3", p), Some(dec("3")));
        assert_eq!(parse_number(b".5", p), Some(dec("0.5")));
        assert_eq!(parse_number(b"2.55", c), None);
        assert_eq!(parse_number(b"1,23.4", p), None);
        assert_eq!(parse_number(b"1e5", p), None);
        assert_eq!(parse_number(b"", p), None);
        assert_eq!(parse_number(b"-", p), None);
        assert_eq!(parse_number(b".", p), None);
        assert_eq!(parse_number(b"n/a", p), None);
        assert_eq!(parse_number(&[b'9'; 40], p), None);
        assert_eq!(parse_number(b"0.0010", p), Some(dec("0.001")));
    }

    #[test]
    fn dates() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
        let df = DateOrder::DayFirst;
        let mf = DateOrder::MonthFirst;
        assert_eq!(parse_date(b"2010-12-01 08:26:00", df), d(2010, 12, 1));
        assert_eq!(parse_date(b"2010-12-01T08:26:00.000Z", mf), d(2010, 12, 1));
        assert_eq!(parse_date(b"01/12/2010 08:26", df), d(2010, 12, 1));
        assert_eq!(parse_date(b"12/1/2010 8:26 AM", mf), d(2010, 12, 1));
        assert_eq!(parse_date(b"1.12.10", df), d(2010, 12, 1));
        assert_eq!(parse_date(b"2010-12-01", df), d(2010, 12, 1));
        assert_eq!(parse_date(b"31/02/2010", df), None);
        assert_eq!(parse_date(b"2010-12-01 soon", df), None);
        assert_eq!(parse_date(b"1/12-2010", df), None);
        assert_eq!(parse_date(b"Invoice", df), None);
        assert_eq!(parse_date(b"45730", df), None);
    }

    #[test]
    fn online_retail_headers() {
        let names = [
            "Invoice",
            "StockCode",
            "Description",
            "Quantity",
            "InvoiceDate",
            "Price",
            "Customer ID",
            "Country",
        ]
        .map(String::from);
        let m = map_headers(&names);
        assert_eq!(
            m.columns(),
            Ok(Columns {
                customer: 6,
                date: 4,
                value: Value::QuantityPrice {
                    quantity: 3,
                    price: 5
                },
                invoice: Some(0),
            })
        );
        let es = ["Nº Factura", "Fecha", "Código cliente", "Importe"].map(String::from);
        let m = map_headers(&es);
        assert_eq!(
            (m.customer, m.date, m.amount, m.invoice),
            (Some(2), Some(1), Some(3), Some(0))
        );
    }

    #[test]
    fn sniffing() {
        let text = "Fecha;Cliente;Importe\n13/01/2024;A;12,50\n02/02/2024;B;1.200,00\n";
        let s = sniff(text.as_bytes()).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(s.delimiter, b';');
        assert!(s.has_header);
        assert_eq!(
            (s.date_order, s.date_order_certain),
            (DateOrder::DayFirst, true)
        );
        assert_eq!((s.decimal, s.decimal_certain), (DecimalMark::Comma, true));
        assert_eq!(s.preview.len(), 2);
        assert_eq!(sniff(b""), Err(RfmError::Empty));
        assert_eq!(
            sniff(b"a\nb\nc\n"),
            Err(RfmError::TooFewColumns { found: 1 })
        );
        assert_eq!(sniff(b"PK\x03\x04\0\0"), Err(RfmError::Binary));
        assert_eq!(
            sniff(b"a,b,c\n\xff\xfe,1,2\n"),
            Err(RfmError::NotUtf8 { line: 2 })
        );
        assert_eq!(sniff(b"customer,date,amount\n"), Err(RfmError::NoRows));
    }
}
