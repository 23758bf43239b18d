//! CRM KPI formulas: retention, churn, satisfaction, lifetime value, marketing and
//! service rates, each a small pure function on [`Decimal`].
//!
//! Conventions shared by every function here:
//!
//! - **Percentages are returned in percent**: a 5 % rate is `Decimal` `5`, not `0.05`,
//!   so the UI shows the value as it comes. Rates taken as inputs (retention and
//!   discount rate in [`clv_discounted`]) are in percent too.
//! - **Counts are `Decimal`** like every other input, because the UI keeps all inputs as
//!   `Decimal`; a count or amount that cannot be below zero is rejected with
//!   [`KpiError::Negative`].
//! - **Validation order**: negative inputs first ([`KpiError::Negative`]), then a zero
//!   denominator ([`KpiError::DivisionByZero`]), then inputs that contradict each other
//!   ([`KpiError::Inconsistent`]), e.g. more emails opened than delivered.
//! - **Nothing panics**: all arithmetic goes through the checked helpers of [`money`]; a
//!   result too large for `Decimal` is [`KpiError::Overflow`]. Nothing is rounded either
//!   (see the rounding rule in [`money`]).

use super::money::{self, Overflow};
use chrono::{Datelike, NaiveDate};
use rust_decimal::prelude::*;

/// Why a KPI cannot be computed from the given inputs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KpiError {
    /// A denominator is zero, e.g. no customers at the start of the period.
    DivisionByZero,
    /// A count or amount that must be zero or more is negative.
    Negative,
    /// A date pair ends before it starts (a deal closed before it was created).
    EndBeforeStart,
    /// The inputs contradict each other, e.g. more emails opened than delivered or more
    /// customers lost than there were at the start.
    Inconsistent,
    /// There are no data points to summarise.
    Empty,
    /// A result or an intermediate value is too large for exact arithmetic.
    Overflow,
}

impl From<Overflow> for KpiError {
    fn from(_: Overflow) -> Self {
        KpiError::Overflow
    }
}

/// [`KpiError::Negative`] when any value is below zero.
fn non_negative(values: &[Decimal]) -> Result<(), KpiError> {
    if values.iter().any(|v| *v < Decimal::ZERO) {
        Err(KpiError::Negative)
    } else {
        Ok(())
    }
}

/// [`KpiError::DivisionByZero`] when the denominator is zero.
fn non_zero(denominator: Decimal) -> Result<(), KpiError> {
    if denominator.is_zero() {
        Err(KpiError::DivisionByZero)
    } else {
        Ok(())
    }
}

/// [`KpiError::Inconsistent`] when `part` exceeds `whole`.
fn at_most(part: Decimal, whole: Decimal) -> Result<(), KpiError> {
    if part > whole {
        Err(KpiError::Inconsistent)
    } else {
        Ok(())
    }
}

/// `numerator ÷ denominator`, checked (zero denominator → [`KpiError::DivisionByZero`]).
fn ratio(numerator: Decimal, denominator: Decimal) -> Result<Decimal, KpiError> {
    non_zero(denominator)?;
    Ok(money::div(numerator, denominator)?)
}

/// `numerator ÷ denominator × 100`, checked.
///
/// Multiplies first, so that exact quotients stay exact (`50 × 100 ÷ 1000 = 5`); if the
/// product would overflow, divides first instead.
fn percent(numerator: Decimal, denominator: Decimal) -> Result<Decimal, KpiError> {
    non_zero(denominator)?;
    let scaled_first = money::mul(numerator, Decimal::ONE_HUNDRED)
        .and_then(|scaled| money::div(scaled, denominator));
    match scaled_first {
        Ok(value) => Ok(value),
        Err(Overflow) => {
            let quotient = money::div(numerator, denominator)?;
            Ok(money::mul(quotient, Decimal::ONE_HUNDRED)?)
        }
    }
}

/// `part ÷ whole × 100` for a part that cannot exceed its whole: both non-negative, the
/// whole non-zero, the part at most the whole. The result lies in 0..=100.
fn share(part: Decimal, whole: Decimal) -> Result<Decimal, KpiError> {
    non_negative(&[part, whole])?;
    non_zero(whole)?;
    at_most(part, whole)?;
    percent(part, whole)
}

/// `amount ÷ count` for a non-negative amount spread over a non-zero count.
fn per_unit(amount: Decimal, count: Decimal) -> Result<Decimal, KpiError> {
    non_negative(&[amount, count])?;
    ratio(amount, count)
}

// ---------------------------------------------------------------------------------------
// Customers: retention, churn, satisfaction
// ---------------------------------------------------------------------------------------

/// Customer retention rate, in percent: `(E − N) ÷ S × 100`.
///
/// `start` (S) is the number of customers at the start of the period, `end` (E) at its
/// end and `new` (N) the customers acquired during it, so `E − N` are the customers of
/// the start who stayed. The classic CRM retention formula, which leaves new customers
/// out so that acquisition cannot mask losses.
///
/// Errors: any input negative → [`KpiError::Negative`]; `S = 0` →
/// [`KpiError::DivisionByZero`]; `N > E` or `E − N > S` (more customers kept than there
/// were) → [`KpiError::Inconsistent`].
pub fn retention_rate(start: Decimal, end: Decimal, new: Decimal) -> Result<Decimal, KpiError> {
    non_negative(&[start, end, new])?;
    non_zero(start)?;
    at_most(new, end)?;
    let kept = money::sub(end, new)?;
    at_most(kept, start)?;
    percent(kept, start)
}

/// Customer churn rate, in percent: `L ÷ S × 100`.
///
/// `start` (S) is the number of customers at the start of the period and `lost` (L)
/// those of them who left during it. With no new customers, retention + churn = 100.
///
/// Errors: negative input → [`KpiError::Negative`]; `S = 0` →
/// [`KpiError::DivisionByZero`]; `L > S` → [`KpiError::Inconsistent`].
pub fn churn_rate(start: Decimal, lost: Decimal) -> Result<Decimal, KpiError> {
    non_negative(&[start, lost])?;
    non_zero(start)?;
    at_most(lost, start)?;
    percent(lost, start)
}

/// Customer satisfaction score (CSAT), in percent: `satisfied ÷ responses × 100`.
///
/// `satisfied` counts the responses of 4 or 5 on a 5-point scale ("satisfied" or "very
/// satisfied"); `responses` counts all responses to the survey question.
///
/// Errors: negative input → [`KpiError::Negative`]; no responses →
/// [`KpiError::DivisionByZero`]; `satisfied > responses` → [`KpiError::Inconsistent`].
pub fn csat(satisfied: Decimal, responses: Decimal) -> Result<Decimal, KpiError> {
    share(satisfied, responses)
}

/// Net Promoter Score: `(P − D) ÷ (P + Pa + D) × 100`, from −100 to 100.
///
/// On the 0–10 "how likely are you to recommend us" question, promoters (P) answer 9–10,
/// passives (Pa) 7–8 and detractors (D) 0–6. The score is the share of promoters minus
/// the share of detractors, in points (not a percentage of anything).
///
/// Errors: negative input → [`KpiError::Negative`]; no respondents at all →
/// [`KpiError::DivisionByZero`]. With the three groups given separately, they cannot
/// contradict each other.
pub fn nps(
    promoters: Decimal,
    passives: Decimal,
    detractors: Decimal,
) -> Result<Decimal, KpiError> {
    non_negative(&[promoters, passives, detractors])?;
    let respondents = money::sum([promoters, passives, detractors])?;
    non_zero(respondents)?;
    percent(money::sub(promoters, detractors)?, respondents)
}

// ---------------------------------------------------------------------------------------
// Customer lifetime value
// ---------------------------------------------------------------------------------------

/// Simple customer lifetime value: `margin per year × lifetime in years`.
///
/// `margin_per_year` is the gross margin (not revenue) a customer brings each year; it
/// may be negative for a customer who costs more than they bring, which makes the CLV
/// negative too.
///
/// Errors: negative lifetime → [`KpiError::Negative`]; a product too large →
/// [`KpiError::Overflow`].
pub fn clv_simple(margin_per_year: Decimal, lifetime_years: Decimal) -> Result<Decimal, KpiError> {
    non_negative(&[lifetime_years])?;
    Ok(money::mul(margin_per_year, lifetime_years)?)
}

/// Customer lifetime value with retention and discounting:
/// `m ÷ (1 + d − r) − acquisition cost`.
///
/// `margin_per_year` (m) is the yearly value of a customer: their gross margin less what
/// serving and retaining them costs (article 001: revenue less the costs of acquisition,
/// retention and service). `retention_pct` (r) is the yearly retention rate and
/// `discount_pct` (d) the yearly discount rate, both in percent and used as fractions
/// (80 % → 0.8). The margin may be negative.
///
/// Timing: each year's margin arrives at the end of that year, the first year's for
/// certain and year t's with probability `r^(t−1)` (the customer is still there), so the
/// value today is `Σ m × r^(t−1) ÷ (1 + d)^t` for `t = 1, 2, …` `= m ÷ (1 + d − r)`.
/// Undiscounted (d = 0) that is `m ÷ (1 − r) = m × lifetime`, the simple CLV
/// ([`clv_simple`] with lifetime `1 ÷ churn`). Computed as `m × 100 ÷ (100 + d − r)` with
/// the rates in percent, so that it is exact whenever the quotient terminates.
///
/// Errors: negative retention rate, discount rate or acquisition cost →
/// [`KpiError::Negative`]; retention above 100 % → [`KpiError::Inconsistent`];
/// `1 + d − r ≤ 0` (only with r = 100 % and d = 0: a customer kept forever, undiscounted,
/// is worth an infinite amount) → [`KpiError::DivisionByZero`].
pub fn clv_discounted(
    margin_per_year: Decimal,
    retention_pct: Decimal,
    discount_pct: Decimal,
    acquisition_cost: Decimal,
) -> Result<Decimal, KpiError> {
    non_negative(&[retention_pct, discount_pct, acquisition_cost])?;
    at_most(retention_pct, Decimal::ONE_HUNDRED)?;
    let denominator_pct = money::sub(
        money::add(Decimal::ONE_HUNDRED, discount_pct)?,
        retention_pct,
    )?;
    if denominator_pct <= Decimal::ZERO {
        return Err(KpiError::DivisionByZero);
    }
    let value = percent(margin_per_year, denominator_pct)?;
    Ok(money::sub(value, acquisition_cost)?)
}

/// Undiscounted customer lifetime value from the yearly churn:
/// `m × 100 ÷ churn % = m × lifetime`, the same as [`clv_discounted`] at d = 0 (before
/// the acquisition cost). Computed in that order so that it is exact whenever the
/// quotient terminates (`m × (100 ÷ 15)` would round the lifetime first).
///
/// Errors: churn below zero → [`KpiError::Negative`]; churn zero (a customer kept
/// forever) → [`KpiError::DivisionByZero`]; overflow → [`KpiError::Overflow`].
pub fn clv_from_churn(margin_per_year: Decimal, churn_pct: Decimal) -> Result<Decimal, KpiError> {
    non_negative(&[churn_pct])?;
    percent(margin_per_year, churn_pct)
}

// ---------------------------------------------------------------------------------------
// Sales
// ---------------------------------------------------------------------------------------

/// Conversion rate, in percent: `conversions ÷ visitors (or leads) × 100`.
///
/// 50 conversions of 1,000 visitors is 5 %. Each conversion is one visitor or lead who
/// converted, so there cannot be more conversions than visitors.
///
/// Errors: negative input → [`KpiError::Negative`]; no visitors →
/// [`KpiError::DivisionByZero`]; `conversions > visitors` → [`KpiError::Inconsistent`].
pub fn conversion_rate(
    conversions: Decimal,
    visitors_or_leads: Decimal,
) -> Result<Decimal, KpiError> {
    share(conversions, visitors_or_leads)
}

/// Length of the sales cycle over a set of closed deals, in days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CycleStats {
    /// Number of deals.
    pub count: usize,
    /// Mean days from creation to close.
    pub mean_days: Decimal,
    /// Median days from creation to close (for an even count, the mean of the two middle
    /// values).
    pub median_days: Decimal,
}

/// Sales cycle statistics from `(created, closed)` date pairs: the count, the mean and
/// the median of `closed − created` in calendar days.
///
/// A deal created and closed on the same day counts 0 days. Calendar days are exact
/// across month ends and leap years (2024-02-28 → 2024-03-01 is 2 days).
///
/// Errors: no pairs → [`KpiError::Empty`]; any pair closed before it was created →
/// [`KpiError::EndBeforeStart`].
pub fn sales_cycle(pairs: &[(NaiveDate, NaiveDate)]) -> Result<CycleStats, KpiError> {
    if pairs.is_empty() {
        return Err(KpiError::Empty);
    }
    let mut days: Vec<i64> = Vec::with_capacity(pairs.len());
    for (created, closed) in pairs {
        // Day numbers are i32, so their difference always fits in an i64.
        let span = i64::from(closed.num_days_from_ce())
            .checked_sub(i64::from(created.num_days_from_ce()))
            .ok_or(KpiError::Overflow)?;
        if span < 0 {
            return Err(KpiError::EndBeforeStart);
        }
        days.push(span);
    }
    days.sort_unstable();

    let count = days.len();
    let total = money::sum(days.iter().map(|&d| Decimal::from(d)))?;
    let mean_days = ratio(total, Decimal::from(count))?;

    let middle = count / 2;
    let upper = days.get(middle).copied().ok_or(KpiError::Empty)?;
    let median_days = if count % 2 == 1 {
        Decimal::from(upper)
    } else {
        let lower = middle
            .checked_sub(1)
            .and_then(|i| days.get(i).copied())
            .ok_or(KpiError::Empty)?;
        ratio(
            money::add(Decimal::from(lower), Decimal::from(upper))?,
            Decimal::TWO,
        )?
    };

    Ok(CycleStats {
        count,
        mean_days,
        median_days,
    })
}

/// Average order value: `revenue ÷ orders`.
///
/// Errors: negative input → [`KpiError::Negative`]; no orders →
/// [`KpiError::DivisionByZero`].
pub fn average_order_value(revenue: Decimal, orders: Decimal) -> Result<Decimal, KpiError> {
    per_unit(revenue, orders)
}

/// Mean lead response time, in hours: `total hours to first response ÷ leads`.
///
/// Errors: negative input → [`KpiError::Negative`]; no leads →
/// [`KpiError::DivisionByZero`].
pub fn lead_response_time(total_hours: Decimal, leads: Decimal) -> Result<Decimal, KpiError> {
    per_unit(total_hours, leads)
}

/// Share of correct predictions (e.g. of a lead-scoring or forecast model), in percent:
/// `correct ÷ predictions × 100`.
///
/// Errors: negative input → [`KpiError::Negative`]; no predictions →
/// [`KpiError::DivisionByZero`]; `correct > predictions` → [`KpiError::Inconsistent`].
pub fn prediction_accuracy(correct: Decimal, predictions: Decimal) -> Result<Decimal, KpiError> {
    share(correct, predictions)
}

// ---------------------------------------------------------------------------------------
// Marketing
// ---------------------------------------------------------------------------------------

/// Email open rate, in percent: `opened ÷ delivered × 100`.
///
/// `opened` counts unique opens, so it cannot exceed the emails delivered.
///
/// Errors: negative input → [`KpiError::Negative`]; nothing delivered →
/// [`KpiError::DivisionByZero`]; `opened > delivered` → [`KpiError::Inconsistent`].
pub fn email_open_rate(opened: Decimal, delivered: Decimal) -> Result<Decimal, KpiError> {
    share(opened, delivered)
}

/// Email click-through rate, in percent: `clicks ÷ delivered × 100`.
///
/// The base is the emails **delivered** (not those opened, which would be the
/// click-to-open rate, nor those sent, which would count bounces against the content).
/// `clicks` counts unique clickers, so it cannot exceed the emails delivered.
///
/// Errors: negative input → [`KpiError::Negative`]; nothing delivered →
/// [`KpiError::DivisionByZero`]; `clicks > delivered` → [`KpiError::Inconsistent`].
pub fn click_through_rate(clicks: Decimal, delivered: Decimal) -> Result<Decimal, KpiError> {
    share(clicks, delivered)
}

/// Email delivery rate, in percent: `delivered ÷ sent × 100`.
///
/// Errors: negative input → [`KpiError::Negative`]; nothing sent →
/// [`KpiError::DivisionByZero`]; `delivered > sent` → [`KpiError::Inconsistent`].
pub fn email_delivery_rate(delivered: Decimal, sent: Decimal) -> Result<Decimal, KpiError> {
    share(delivered, sent)
}

/// Survey response rate, in percent: `responses ÷ surveys sent × 100`.
///
/// Errors: negative input → [`KpiError::Negative`]; no surveys sent →
/// [`KpiError::DivisionByZero`]; `responses > sent` → [`KpiError::Inconsistent`].
pub fn survey_response_rate(responses: Decimal, sent: Decimal) -> Result<Decimal, KpiError> {
    share(responses, sent)
}

/// Average time on site, in seconds per session: `total seconds ÷ sessions`.
///
/// Errors: negative input → [`KpiError::Negative`]; no sessions →
/// [`KpiError::DivisionByZero`].
pub fn average_time_on_site(
    total_seconds: Decimal,
    sessions: Decimal,
) -> Result<Decimal, KpiError> {
    per_unit(total_seconds, sessions)
}

/// Content download rate, in percent: `downloads ÷ visitors × 100`.
///
/// One visitor may download several items, so the rate can exceed 100 % (it then reads
/// as downloads per 100 visitors).
///
/// Errors: negative input → [`KpiError::Negative`]; no visitors →
/// [`KpiError::DivisionByZero`].
pub fn download_rate(downloads: Decimal, visitors: Decimal) -> Result<Decimal, KpiError> {
    non_negative(&[downloads, visitors])?;
    percent(downloads, visitors)
}

/// Customer acquisition cost: `sales and marketing spend ÷ new customers`.
///
/// Errors: negative input → [`KpiError::Negative`]; no new customers →
/// [`KpiError::DivisionByZero`].
pub fn cac(
    sales_and_marketing_spend: Decimal,
    new_customers: Decimal,
) -> Result<Decimal, KpiError> {
    per_unit(sales_and_marketing_spend, new_customers)
}

/// Return on marketing investment, in percent: `(gross profit − spend) ÷ spend × 100`.
///
/// `gross_profit` is the **incremental gross profit** attributed to the marketing (the
/// revenue it brought times the gross margin, not the revenue itself), and `spend` what
/// the marketing cost. 0 % means the campaign paid for itself exactly; the gross profit
/// may be negative, which gives a ROMI below −100 %.
///
/// Errors: negative spend → [`KpiError::Negative`]; zero spend →
/// [`KpiError::DivisionByZero`].
pub fn romi(gross_profit: Decimal, spend: Decimal) -> Result<Decimal, KpiError> {
    non_negative(&[spend])?;
    non_zero(spend)?;
    percent(money::sub(gross_profit, spend)?, spend)
}

/// Cost per click: `spend ÷ clicks`.
///
/// Errors: negative input → [`KpiError::Negative`]; no clicks →
/// [`KpiError::DivisionByZero`].
pub fn cpc(spend: Decimal, clicks: Decimal) -> Result<Decimal, KpiError> {
    per_unit(spend, clicks)
}

/// Cost per lead: `spend ÷ leads`.
///
/// Errors: negative input → [`KpiError::Negative`]; no leads →
/// [`KpiError::DivisionByZero`].
pub fn cpl(spend: Decimal, leads: Decimal) -> Result<Decimal, KpiError> {
    per_unit(spend, leads)
}

/// Cost per acquisition: `spend ÷ acquisitions`.
///
/// Errors: negative input → [`KpiError::Negative`]; no acquisitions →
/// [`KpiError::DivisionByZero`].
pub fn cpa(spend: Decimal, acquisitions: Decimal) -> Result<Decimal, KpiError> {
    per_unit(spend, acquisitions)
}

// ---------------------------------------------------------------------------------------
// Service and data quality
// ---------------------------------------------------------------------------------------

/// Mean resolution time, in hours per ticket: `total hours to resolve ÷ tickets`.
///
/// Errors: negative input → [`KpiError::Negative`]; no tickets →
/// [`KpiError::DivisionByZero`].
pub fn resolution_time(total_hours: Decimal, tickets: Decimal) -> Result<Decimal, KpiError> {
    per_unit(total_hours, tickets)
}

/// Interactions per customer: `interactions ÷ customers`.
///
/// Errors: negative input → [`KpiError::Negative`]; no customers →
/// [`KpiError::DivisionByZero`].
pub fn interactions_per_customer(
    interactions: Decimal,
    customers: Decimal,
) -> Result<Decimal, KpiError> {
    per_unit(interactions, customers)
}

/// Share of bad CRM records (incorrect or incomplete), in percent:
/// `bad records ÷ total records × 100`.
///
/// Errors: negative input → [`KpiError::Negative`]; no records →
/// [`KpiError::DivisionByZero`]; more bad records than records →
/// [`KpiError::Inconsistent`].
pub fn bad_record_share(
    incorrect_or_incomplete: Decimal,
    total_records: Decimal,
) -> Result<Decimal, KpiError> {
    share(incorrect_or_incomplete, total_records)
}

// ---------------------------------------------------------------------------------------
// Baseline against after
// ---------------------------------------------------------------------------------------

/// Relative change from a baseline, in percent: `(after − before) ÷ |before| × 100`.
///
/// Dividing by the absolute value keeps the sign meaningful for a negative baseline: a
/// move from −200 to −100 is an improvement of +50 %. Either value may be negative.
///
/// Errors: `before = 0` → [`KpiError::DivisionByZero`]; overflow →
/// [`KpiError::Overflow`].
pub fn relative_change(before: Decimal, after: Decimal) -> Result<Decimal, KpiError> {
    non_zero(before)?;
    percent(money::sub(after, before)?, before.abs())
}

/// Absolute change from a baseline: `after − before`. Either value may be negative.
///
/// Errors: a difference too large for `Decimal` → [`KpiError::Overflow`].
pub fn absolute_change(before: Decimal, after: Decimal) -> Result<Decimal, KpiError> {
    Ok(money::sub(after, before)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(value: i64) -> Decimal {
        Decimal::new(value, 0)
    }

    #[test]
    fn percent_is_exact_when_the_quotient_terminates() {
        // 50 × 100 ÷ 1000 = 5.
        assert_eq!(percent(n(50), n(1000)), Ok(n(5)));
        // 1 × 100 ÷ 8 = 12.5.
        assert_eq!(percent(n(1), n(8)), Ok(Decimal::new(125, 1)));
    }

    #[test]
    fn percent_divides_first_when_scaling_would_overflow() {
        // MAX × 100 overflows, MAX ÷ MAX × 100 = 100 does not.
        assert_eq!(percent(Decimal::MAX, Decimal::MAX), Ok(n(100)));
        assert_eq!(
            percent(Decimal::MAX, Decimal::new(1, 1)),
            Err(KpiError::Overflow)
        );
    }

    #[test]
    fn validation_order_is_negative_then_zero_then_inconsistent() {
        // Negative wins over a zero denominator.
        assert_eq!(churn_rate(n(0), n(-1)), Err(KpiError::Negative));
        // A zero denominator wins over "more lost than at start".
        assert_eq!(churn_rate(n(0), n(5)), Err(KpiError::DivisionByZero));
        assert_eq!(churn_rate(n(4), n(5)), Err(KpiError::Inconsistent));
    }

    #[test]
    fn negative_zero_is_not_negative() {
        let mut minus_zero = Decimal::ZERO;
        minus_zero.set_sign_negative(true);
        assert!(minus_zero.is_sign_negative());
        assert_eq!(share(minus_zero, n(10)), Ok(n(0)));
    }

    #[test]
    fn overflow_converts_to_kpi_error() {
        assert_eq!(KpiError::from(Overflow), KpiError::Overflow);
        assert_eq!(clv_simple(Decimal::MAX, n(2)), Err(KpiError::Overflow));
        assert_eq!(
            absolute_change(Decimal::MIN, Decimal::MAX),
            Err(KpiError::Overflow)
        );
    }
}
