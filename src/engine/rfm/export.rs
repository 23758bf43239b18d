//! What the UI shows and exports from an [`RfmResult`]: the summary per segment, the R×F
//! grid, the top customers of a segment, the revenue a win-back campaign aims at, and
//! the two CSV files.

use super::{CustomerRfm, RfmResult, Segment};
use crate::engine::money::round_for_display;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::fmt::{self, Write};

/// The columns of [`write_customers_csv`], in order.
pub const CUSTOMER_COLUMNS: [&str; 8] = [
    "customer",
    "recency",
    "frequency",
    "monetary",
    "r",
    "f",
    "m",
    "segment",
];

/// The columns of [`write_segments_csv`], in order.
pub const SEGMENT_COLUMNS: [&str; 8] = [
    "segment",
    "customers",
    "customer_share",
    "revenue",
    "revenue_share",
    "avg_recency",
    "avg_frequency",
    "avg_monetary",
];

/// One segment's figures.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SegmentSummary {
    /// The segment.
    pub segment: Segment,
    /// How many customers.
    pub customers: u64,
    /// Their share of all customers, a fraction (0–1).
    pub customer_share: Decimal,
    /// Their monetary sum.
    pub revenue: Decimal,
    /// Its share of all revenue, a fraction (0 when the revenue is 0).
    pub revenue_share: Decimal,
    /// Average recency in days (`None` without customers).
    pub avg_recency: Option<Decimal>,
    /// Average frequency.
    pub avg_frequency: Option<Decimal>,
    /// Average monetary.
    pub avg_monetary: Option<Decimal>,
}

/// `a / b`, 0 when it cannot be computed (b = 0).
fn ratio(a: Decimal, b: Decimal) -> Decimal {
    a.checked_div(b).unwrap_or(Decimal::ZERO)
}

/// The summary of every segment, in [`Segment::ALL`] order (empty segments included).
/// Sums that would overflow `Decimal` saturate at its maximum (they cannot: each
/// customer's sum was checked, and the revenue is their total).
pub fn segments(result: &RfmResult) -> Vec<SegmentSummary> {
    let all = Decimal::from(result.customers.len() as u64);
    Segment::ALL
        .into_iter()
        .map(|segment| {
            let members: Vec<&CustomerRfm> = result
                .customers
                .iter()
                .filter(|c| c.segment == segment)
                .collect();
            let n = Decimal::from(members.len() as u64);
            let sum = |f: &dyn Fn(&CustomerRfm) -> Decimal| {
                members
                    .iter()
                    .try_fold(Decimal::ZERO, |acc, c| acc.checked_add(f(c)))
                    .unwrap_or(Decimal::MAX)
            };
            let revenue = sum(&|c| c.monetary);
            let average = |total: Decimal| (!members.is_empty()).then(|| ratio(total, n));
            SegmentSummary {
                segment,
                customers: members.len() as u64,
                customer_share: ratio(n, all),
                revenue,
                revenue_share: ratio(revenue, result.revenue),
                avg_recency: average(sum(&|c| Decimal::from(c.recency))),
                avg_frequency: average(sum(&|c| Decimal::from(c.frequency))),
                avg_monetary: average(revenue),
            }
        })
        .collect()
}

/// Customer counts and revenue by R score (rows) and F score (columns):
/// `customers[r - 1][f - 1]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Grid {
    /// Customers in each cell.
    pub customers: [[u64; 5]; 5],
    /// Their monetary sum in each cell.
    pub revenue: [[Decimal; 5]; 5],
}

/// The R×F grid.
pub fn grid(result: &RfmResult) -> Grid {
    let mut grid = Grid {
        customers: [[0; 5]; 5],
        revenue: [[Decimal::ZERO; 5]; 5],
    };
    for c in &result.customers {
        let (r, f) = (
            usize::from(c.r).saturating_sub(1),
            usize::from(c.f).saturating_sub(1),
        );
        if let Some(n) = grid.customers.get_mut(r).and_then(|row| row.get_mut(f)) {
            *n += 1;
        }
        if let Some(sum) = grid.revenue.get_mut(r).and_then(|row| row.get_mut(f)) {
            *sum = sum.checked_add(c.monetary).unwrap_or(Decimal::MAX);
        }
    }
    grid
}

/// The `n` customers of `segment` with the highest monetary, highest first (ties by id).
pub fn top(result: &RfmResult, segment: Segment, n: usize) -> Vec<&CustomerRfm> {
    let mut members: Vec<&CustomerRfm> = result
        .customers
        .iter()
        .filter(|c| c.segment == segment)
        .collect();
    members.sort_by(|a, b| {
        b.monetary
            .cmp(&a.monetary)
            .then(a.customer.cmp(&b.customer))
    });
    members.truncate(n);
    members
}

/// The revenue held by customers a win-back campaign aims at ([`Segment::is_win_back`]:
/// "At risk" and "Can't lose them"), and its share of all revenue (a fraction): what the
/// ROI model's retention line can be proposed from.
pub fn win_back_revenue(result: &RfmResult) -> (Decimal, Decimal) {
    let revenue = result
        .customers
        .iter()
        .filter(|c| c.segment.is_win_back())
        .try_fold(Decimal::ZERO, |acc, c| acc.checked_add(c.monetary))
        .unwrap_or(Decimal::MAX);
    (revenue, ratio(revenue, result.revenue))
}

/// A CSV cell: quoted when it holds a comma, a quote or a line break.
fn cell(out: &mut impl Write, text: &str) -> fmt::Result {
    if text.contains([',', '"', '\n', '\r']) {
        write!(out, "\"{}\"", text.replace('"', "\"\""))
    } else {
        out.write_str(text)
    }
}

/// The per-customer table as CSV (LF line ends), columns [`CUSTOMER_COLUMNS`]: the
/// monetary sum exact, with at least two decimals (`4.20`), the segment as its
/// [`key`](Segment::key).
pub fn write_customers_csv(out: &mut impl Write, result: &RfmResult) -> fmt::Result {
    writeln!(out, "{}", CUSTOMER_COLUMNS.join(","))?;
    for c in &result.customers {
        let mut monetary = c.monetary;
        if monetary.scale() < 2 {
            // Adds zeros only: exact.
            monetary.rescale(2);
        }
        cell(out, &c.customer)?;
        writeln!(
            out,
            ",{},{},{},{},{},{},{}",
            c.recency,
            c.frequency,
            monetary,
            c.r,
            c.f,
            c.m,
            c.segment.key()
        )?;
    }
    Ok(())
}

/// [`write_customers_csv`] into a `String`.
pub fn customers_csv(result: &RfmResult) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = write_customers_csv(&mut out, result);
    out
}

/// The segment summary as CSV (LF line ends), columns [`SEGMENT_COLUMNS`]: shares as
/// fractions to 4 decimals, averages to 2, revenue exact; empty averages for empty
/// segments.
pub fn write_segments_csv(out: &mut impl Write, result: &RfmResult) -> fmt::Result {
    writeln!(out, "{}", SEGMENT_COLUMNS.join(","))?;
    let opt = |v: Option<Decimal>| {
        v.map(|v| round_for_display(v, 2).to_string())
            .unwrap_or_default()
    };
    for s in segments(result) {
        writeln!(
            out,
            "{},{},{},{},{},{},{},{}",
            s.segment.key(),
            s.customers,
            round_for_display(s.customer_share, 4),
            s.revenue,
            round_for_display(s.revenue_share, 4),
            opt(s.avg_recency),
            opt(s.avg_frequency),
            opt(s.avg_monetary),
        )?;
    }
    Ok(())
}

/// [`write_segments_csv`] into a `String`.
pub fn segments_csv(result: &RfmResult) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = write_segments_csv(&mut out, result);
    out
}

/// The yearly churn with the CRM that a win-back campaign proposes for the ROI model's
/// retention line: `churn_before − won_back × at_risk_share`, in percentage points,
/// clamped to 0–100 and rounded to 4 decimals.
///
/// - `churn_before_pct`: the model's yearly churn before the CRM, %;
/// - `won_back_pct`: the share of the win-back segments' revenue the team wins back each
///   year, % (the user's assumption);
/// - `at_risk_share`: the revenue share of "At risk" and "Can't lose them", a fraction
///   ([`win_back_revenue`]).
///
/// Why the revenue share: the model values every customer kept at its revenue per
/// customer ([`crate::engine::model`], retention line = customers × (churn before −
/// churn after) × revenue per customer × margin), so winning back `won_back` of a
/// revenue share `s` keeps as much value as `won_back × s` of the customers would; the
/// RFM segments (article 003: "seguimiento positivo o negativo en la valoración de
/// futuras de los clientes") say who they are. `None` when a value is out of range.
pub fn win_back_churn(
    churn_before_pct: Decimal,
    won_back_pct: Decimal,
    at_risk_share: Decimal,
) -> Option<Decimal> {
    let hundred = Decimal::ONE_HUNDRED;
    let in_range = |x: Decimal, top: Decimal| x >= Decimal::ZERO && x <= top;
    if !(in_range(churn_before_pct, hundred)
        && in_range(won_back_pct, hundred)
        && in_range(at_risk_share, Decimal::ONE))
    {
        return None;
    }
    let drop = won_back_pct.checked_mul(at_risk_share)?;
    Some(
        churn_before_pct
            .checked_sub(drop)?
            .max(Decimal::ZERO)
            .round_dp(4),
    )
}
