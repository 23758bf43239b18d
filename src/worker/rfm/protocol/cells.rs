//! The cells of reply 8 ([`super::Shown`]): how each part of what the customer screen
//! shows is written as numbers and texts and read back, refusing anything damaged.

use super::{Cell, Problem, Reading, Scored, ROLES};
use crate::engine::deals::DateOrder;
use crate::engine::rfm::export::{Grid, SegmentSummary};
use crate::engine::rfm::{
    AllThresholds, Cleaning, CustomerRfm, DecimalMark, Example, Excluded, FrequencyBasis, Mapping,
    Reason, RfmError, Segment, Thresholds,
};
use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;

/// Cells being written.
pub(super) struct Out(pub(super) Vec<Cell>);

impl Out {
    pub(super) fn num(&mut self, x: f64) {
        self.0.push(Cell::Num(x));
    }
    /// A count (exact as a number below 2⁵³, far above any count here).
    pub(super) fn count(&mut self, n: u64) {
        self.num(n as f64);
    }
    pub(super) fn text(&mut self, t: &str) {
        self.0.push(Cell::Text(t.to_string()));
    }
    pub(super) fn flag(&mut self, b: bool) {
        self.num(f64::from(u8::from(b)));
    }
    /// A Decimal as its four 32-bit words (flags with sign and scale, then the mantissa):
    /// exact, and read back without parsing text.
    pub(super) fn decimal(&mut self, d: Decimal) {
        for word in d.serialize().chunks_exact(4) {
            self.num(f64::from(u32::from_le_bytes([
                word[0], word[1], word[2], word[3],
            ])));
        }
    }
    pub(super) fn day(&mut self, d: NaiveDate) {
        self.num(f64::from(d.num_days_from_ce()));
    }
    /// An enum value as its index in `all`.
    pub(super) fn pick<T: PartialEq>(&mut self, all: &[T], value: &T) {
        self.count(all.iter().position(|x| x == value).unwrap_or(0) as u64);
    }
    pub(super) fn opt<T>(&mut self, value: Option<T>, put: impl FnOnce(&mut Out, T)) {
        self.flag(value.is_some());
        if let Some(v) = value {
            put(self, v);
        }
    }
    pub(super) fn list<T>(&mut self, items: &[T], put: impl Fn(&mut Out, &T)) {
        self.count(items.len() as u64);
        for item in items {
            put(self, item);
        }
    }
}

/// Cells being read.
pub(super) struct In<'a> {
    pub(super) cells: &'a [Cell],
    pub(super) at: usize,
}

impl In<'_> {
    pub(super) fn num(&mut self) -> Option<f64> {
        let x = match self.cells.get(self.at)? {
            Cell::Num(x) => *x,
            Cell::Text(_) => return None,
        };
        self.at += 1;
        Some(x)
    }
    pub(super) fn count(&mut self) -> Option<u64> {
        let x = self.num()?;
        (x.fract() == 0.0 && (0.0..=9_007_199_254_740_992.0).contains(&x)).then_some(x as u64)
    }
    pub(super) fn signed(&mut self) -> Option<i64> {
        let x = self.num()?;
        (x.fract() == 0.0 && x.abs() <= 9_007_199_254_740_992.0).then_some(x as i64)
    }
    pub(super) fn text(&mut self) -> Option<String> {
        let t = match self.cells.get(self.at)? {
            Cell::Text(t) => t.clone(),
            Cell::Num(_) => return None,
        };
        self.at += 1;
        Some(t)
    }
    pub(super) fn flag(&mut self) -> Option<bool> {
        match self.count()? {
            0 => Some(false),
            1 => Some(true),
            _ => None,
        }
    }
    pub(super) fn decimal(&mut self) -> Option<Decimal> {
        let mut bytes = [0u8; 16];
        for word in bytes.chunks_exact_mut(4) {
            let w = u32::try_from(self.count()?).ok()?;
            word.copy_from_slice(&w.to_le_bytes());
        }
        // Flags: bit 31 the sign, bits 16–23 the scale (at most 28), nothing else.
        let flags = u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]);
        (flags & 0x7F00_FFFF == 0 && (flags >> 16) & 0xFF <= 28)
            .then(|| Decimal::deserialize(bytes))
    }
    pub(super) fn day(&mut self) -> Option<NaiveDate> {
        NaiveDate::from_num_days_from_ce_opt(i32::try_from(self.signed()?).ok()?)
    }
    pub(super) fn pick<T: Copy>(&mut self, all: &[T]) -> Option<T> {
        all.get(usize::try_from(self.count()?).ok()?).copied()
    }
    pub(super) fn opt<T>(&mut self, get: impl FnOnce(&mut Self) -> Option<T>) -> Option<Option<T>> {
        Some(match self.flag()? {
            true => Some(get(self)?),
            false => None,
        })
    }
    pub(super) fn list<T>(&mut self, get: impl Fn(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let n = usize::try_from(self.count()?).ok()?;
        // Each item takes at least one cell: a length beyond what is left is damage.
        if n > self.cells.len() - self.at {
            return None;
        }
        (0..n).map(|_| get(self)).collect()
    }
}

const BASES: [FrequencyBasis; 2] = [FrequencyBasis::Invoices, FrequencyBasis::Dates];
const ORDERS: [DateOrder; 2] = [DateOrder::DayFirst, DateOrder::MonthFirst];
const MARKS: [DecimalMark; 2] = [DecimalMark::Point, DecimalMark::Comma];

pub(super) fn put_problem(o: &mut Out, p: &Problem) {
    match p {
        Problem::Cancelled => o.count(0),
        Problem::Unreadable => o.count(1),
        Problem::Rfm(e) => {
            o.count(2);
            put_error(o, e);
        }
    }
}

pub(super) fn get_problem(i: &mut In) -> Option<Problem> {
    Some(match i.count()? {
        0 => Problem::Cancelled,
        1 => Problem::Unreadable,
        2 => Problem::Rfm(get_error(i)?),
        _ => return None,
    })
}

pub(super) fn put_error(o: &mut Out, e: &RfmError) {
    match e {
        RfmError::Empty => o.count(0),
        RfmError::Binary => o.count(1),
        RfmError::NotUtf8 { line } => {
            o.count(2);
            o.count(*line);
        }
        RfmError::TooLarge { bytes, cap } => {
            o.count(3);
            o.count(*bytes);
            o.count(*cap);
        }
        RfmError::TooFewColumns { found } => {
            o.count(4);
            o.count(*found as u64);
        }
        RfmError::MissingColumn(role) => {
            o.count(5);
            o.pick(&ROLES, role);
        }
        RfmError::NoRows => o.count(6),
        RfmError::NoValidRows(c) => {
            o.count(7);
            put_cleaning(o, c);
        }
        RfmError::RecordTooLong { line } => {
            o.count(8);
            o.count(*line);
        }
        RfmError::TooManyFields { line } => {
            o.count(9);
            o.count(*line);
        }
        RfmError::Overflow => o.count(10),
        RfmError::ReferenceBeforeLastPurchase { last } => {
            o.count(11);
            o.day(*last);
        }
    }
}

pub(super) fn get_error(i: &mut In) -> Option<RfmError> {
    Some(match i.count()? {
        0 => RfmError::Empty,
        1 => RfmError::Binary,
        2 => RfmError::NotUtf8 { line: i.count()? },
        3 => RfmError::TooLarge {
            bytes: i.count()?,
            cap: i.count()?,
        },
        4 => RfmError::TooFewColumns {
            found: usize::try_from(i.count()?).ok()?,
        },
        5 => RfmError::MissingColumn(i.pick(&ROLES)?),
        6 => RfmError::NoRows,
        7 => RfmError::NoValidRows(Box::new(get_cleaning(i)?)),
        8 => RfmError::RecordTooLong { line: i.count()? },
        9 => RfmError::TooManyFields { line: i.count()? },
        10 => RfmError::Overflow,
        11 => RfmError::ReferenceBeforeLastPurchase { last: i.day()? },
        _ => return None,
    })
}

pub(super) fn put_cleaning(o: &mut Out, c: &Cleaning) {
    o.count(c.rows);
    o.count(c.kept);
    o.list(&c.excluded, |o, e| {
        o.pick(&Reason::ALL, &e.reason);
        o.count(e.count);
        o.list(&e.examples, |o, x| {
            o.count(x.line);
            o.text(&x.text);
        });
    });
}

pub(super) fn get_cleaning(i: &mut In) -> Option<Cleaning> {
    Some(Cleaning {
        rows: i.count()?,
        kept: i.count()?,
        excluded: i.list(|i| {
            Some(Excluded {
                reason: i.pick(&Reason::ALL)?,
                count: i.count()?,
                examples: i.list(|i| {
                    Some(Example {
                        line: i.count()?,
                        text: i.text()?,
                    })
                })?,
            })
        })?,
    })
}

pub(super) fn put_reading(o: &mut Out, r: &Reading) {
    o.list(&r.headers, |o, h| o.text(h));
    o.list(&r.preview, |o, row| o.list(row, |o, c| o.text(c)));
    for role in ROLES {
        o.opt(r.mapping.slot(role), |o, c| o.count(c as u64));
    }
    o.pick(&ORDERS, &r.date_order);
    o.flag(r.date_order_certain);
    o.pick(&MARKS, &r.decimal);
    o.flag(r.decimal_certain);
    o.flag(r.has_header);
    o.opt(r.reference, Out::day);
}

pub(super) fn get_reading(i: &mut In) -> Option<Reading> {
    let headers = i.list(In::text)?;
    let preview = i.list(|i| i.list(In::text))?;
    let mut mapping = Mapping::default();
    for role in ROLES {
        *mapping.slot_mut(role) = i.opt(|i| usize::try_from(i.count()?).ok())?;
    }
    Some(Reading {
        headers,
        preview,
        mapping,
        date_order: i.pick(&ORDERS)?,
        date_order_certain: i.flag()?,
        decimal: i.pick(&MARKS)?,
        decimal_certain: i.flag()?,
        has_header: i.flag()?,
        reference: i.opt(In::day)?,
    })
}

pub(super) fn put_thresholds(o: &mut Out, t: &Thresholds) {
    for x in t {
        o.decimal(*x);
    }
}

pub(super) fn get_thresholds(i: &mut In) -> Option<Thresholds> {
    Some([i.decimal()?, i.decimal()?, i.decimal()?, i.decimal()?])
}

pub(super) fn put_scored(o: &mut Out, s: &Scored) {
    o.count(s.customers);
    o.decimal(s.revenue);
    o.day(s.first_purchase);
    o.day(s.last_purchase);
    o.day(s.reference);
    o.pick(&BASES, &s.basis);
    put_cleaning(o, &s.cleaning);
    o.list(&s.segments, |o, x| {
        o.pick(&Segment::ALL, &x.segment);
        o.count(x.customers);
        o.decimal(x.customer_share);
        o.decimal(x.revenue);
        o.decimal(x.revenue_share);
        for avg in [x.avg_recency, x.avg_frequency, x.avg_monetary] {
            o.opt(avg, Out::decimal);
        }
    });
    for n in s.grid.customers.iter().flatten() {
        o.count(*n);
    }
    for d in s.grid.revenue.iter().flatten() {
        o.decimal(*d);
    }
    o.pick(&Segment::ALL, &s.segment);
    o.list(&s.top, |o, c| {
        o.text(&c.customer);
        o.num(c.recency as f64);
        o.count(c.frequency);
        o.decimal(c.monetary);
        for score in [c.r, c.f, c.m] {
            o.count(u64::from(score));
        }
        o.pick(&Segment::ALL, &c.segment);
    });
    put_thresholds(o, &s.thresholds.recency);
    put_thresholds(o, &s.thresholds.frequency);
    put_thresholds(o, &s.thresholds.monetary);
    o.decimal(s.win_back_revenue);
    o.decimal(s.at_risk);
}

pub(super) fn get_scored(i: &mut In) -> Option<Scored> {
    let customers = i.count()?;
    let revenue = i.decimal()?;
    let first_purchase = i.day()?;
    let last_purchase = i.day()?;
    let reference = i.day()?;
    let basis = i.pick(&BASES)?;
    let cleaning = get_cleaning(i)?;
    let segments = i.list(|i| {
        Some(SegmentSummary {
            segment: i.pick(&Segment::ALL)?,
            customers: i.count()?,
            customer_share: i.decimal()?,
            revenue: i.decimal()?,
            revenue_share: i.decimal()?,
            avg_recency: i.opt(In::decimal)?,
            avg_frequency: i.opt(In::decimal)?,
            avg_monetary: i.opt(In::decimal)?,
        })
    })?;
    let mut grid = Grid {
        customers: [[0; 5]; 5],
        revenue: [[Decimal::ZERO; 5]; 5],
    };
    for n in grid.customers.iter_mut().flatten() {
        *n = i.count()?;
    }
    for d in grid.revenue.iter_mut().flatten() {
        *d = i.decimal()?;
    }
    let segment = i.pick(&Segment::ALL)?;
    let top = i.list(|i| {
        let score = |i: &mut In| u8::try_from(i.count()?).ok();
        Some(CustomerRfm {
            customer: i.text()?,
            recency: i.signed()?,
            frequency: i.count()?,
            monetary: i.decimal()?,
            r: score(i)?,
            f: score(i)?,
            m: score(i)?,
            segment: i.pick(&Segment::ALL)?,
        })
    })?;
    let thresholds = AllThresholds {
        recency: get_thresholds(i)?,
        frequency: get_thresholds(i)?,
        monetary: get_thresholds(i)?,
    };
    Some(Scored {
        customers,
        revenue,
        first_purchase,
        last_purchase,
        reference,
        basis,
        cleaning,
        segments,
        grid,
        segment,
        top,
        thresholds,
        win_back_revenue: i.decimal()?,
        at_risk: i.decimal()?,
    })
}
