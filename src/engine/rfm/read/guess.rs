//! [`sniff`]: the delimiter, the header, the proposed mapping, the date order and the
//! decimal mark, guessed from the start of a file.

use super::cells::{date_parts, digits_value, parse_date, parse_number, trim};
use super::headers::map_headers;
use super::{strip_bom, DecimalMark, Mapping, RfmError, Sniff, PREVIEW_ROWS, SNIFF_BYTES};
use crate::engine::deals::DateOrder;

/// How many records of the start [`sniff`] looks at.
const SNIFF_RECORDS: usize = 200;

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
fn line_of(text: &[u8], at: usize) -> u64 {
    let newlines = text
        .get(..at)
        .unwrap_or(text)
        .iter()
        .filter(|&&b| b == b'\n')
        .count();
    1 + newlines as u64
}

/// A cell as trimmed text (lossy: invalid UTF-8 shown as U+FFFD).
fn cell_text(cell: &[u8]) -> String {
    String::from_utf8_lossy(cell).trim().to_string()
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

#[cfg(test)]
mod tests {
    use super::*;

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
