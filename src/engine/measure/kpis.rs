//! The KPIs of the measurement screen, each declared once ([`Kpi`]): its group, which way
//! is good, how it is shown, the figures it reads and its formula. Then a period's
//! [`reading`] of each, and the [`compare`]son of two periods.

use super::figures::{KpiGroup, Measure, Values};
use super::Period;
use crate::engine::deals::{self, DateOrder, DealsParse};
use crate::engine::kpi::{self, CycleStats, KpiError};
use crate::engine::money;
use crate::engine::speed::{self, LeadsParse, SpeedStats};
use crate::units::{Rule, Unit, MEASURE_MAX};
use rust_decimal::prelude::*;

/// Which way a KPI should move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// Higher is better (retention, CSAT, conversion…).
    Up,
    /// Lower is better (churn, costs, waiting times…).
    Down,
    /// Neither is better in itself (interactions per customer: more can mean engagement
    /// or trouble).
    Neutral,
}

/// How a KPI's value is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum KpiUnit {
    /// A percentage (5 = 5 %).
    Percent,
    /// Points (NPS, from −100 to 100).
    Points,
    /// An amount in the scenario's currency.
    Money,
    /// A count.
    Count,
    /// A plain ratio (per customer).
    Ratio,
    /// Days.
    Days,
    /// Hours.
    Hours,
    /// Minutes.
    Minutes,
}

/// Why a KPI has no value for a period.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Gap {
    /// A figure it needs was left blank (or no deals were pasted).
    NotEntered,
    /// The figures do not give a value (a zero denominator, contradictory counts…).
    Invalid(KpiError),
}

impl From<KpiError> for Gap {
    fn from(e: KpiError) -> Self {
        Gap::Invalid(e)
    }
}

/// A KPI's value for one period, or why there is none.
pub type Reading = Result<Decimal, Gap>;

/// What a KPI's formula reads besides its figures: the period (for its length), its
/// pasted deals and the discount rate of the CLV calculator.
struct Context<'a> {
    period: &'a Period,
    pastes: &'a PeriodDeals,
    clv_discount_pct: Decimal,
}

/// Declares every KPI once: variant, group, direction, unit, the figures it reads (all
/// must be entered, else the reading is [`Gap::NotEntered`]) and its formula, a closure
/// of the context and those figures in the order listed.
macro_rules! kpis {
    ($(
        $(#[doc = $doc:expr])*
        $variant:ident : $group:ident, $direction:ident, $unit:ident,
            [$($measure:ident),*] => $formula:expr;
    )*) => {
        /// A KPI tracked from period to period.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Kpi { $( $(#[doc = $doc])* $variant, )* }

        impl Kpi {
            /// All KPIs, grouped, in display order.
            pub const ALL: [Kpi; [$(stringify!($variant)),*].len()] = [$(Kpi::$variant),*];

            /// The group it is shown in.
            pub fn group(self) -> KpiGroup {
                match self { $(Kpi::$variant => KpiGroup::$group,)* }
            }

            /// Which way is good.
            pub fn direction(self) -> Direction {
                match self { $(Kpi::$variant => Direction::$direction,)* }
            }

            /// How its value is shown.
            pub fn unit(self) -> KpiUnit {
                match self { $(Kpi::$variant => KpiUnit::$unit,)* }
            }

            /// The figures it is computed from (the sales cycle reads the pasted deals).
            pub fn inputs(self) -> &'static [Measure] {
                match self { $(Kpi::$variant => &[$(Measure::$measure),*],)* }
            }

            fn formula(self, values: &Values, cx: &Context<'_>) -> Reading {
                match self {
                    $(Kpi::$variant => {
                        let figures = entered(values, [$(Measure::$measure),*])?;
                        into_reading(($formula)(cx, figures))
                    })*
                }
            }
        }
    };
}

kpis! {
    /// Customer retention, % ([`kpi::retention_rate`]).
    Retention: Loyalty, Up, Percent, [CustomersStart, CustomersEnd, CustomersNew]
        => |_: &Context, [s, e, n]: [Decimal; 3]| kpi::retention_rate(s, e, n);
    /// Customer churn, %: customers of the start lost, `S − (E − N)`, over `S`.
    Churn: Loyalty, Down, Percent, [CustomersStart, CustomersEnd, CustomersNew]
        => |_: &Context, [s, e, n]: [Decimal; 3]| period_churn(s, e, n);
    /// Complaints received (count; compare periods of equal length).
    Complaints: Loyalty, Down, Count, [Complaints]
        => |_: &Context, [c]: [Decimal; 1]| Ok::<_, KpiError>(c);
    /// CSAT, % ([`kpi::csat`]).
    Csat: Satisfaction, Up, Percent, [Satisfied, SurveyResponses]
        => |_: &Context, [s, r]: [Decimal; 2]| kpi::csat(s, r);
    /// Net Promoter Score ([`kpi::nps`]).
    Nps: Satisfaction, Up, Points, [Promoters, Passives, Detractors]
        => |_: &Context, [p, pa, d]: [Decimal; 3]| kpi::nps(p, pa, d);
    /// Survey response rate, % ([`kpi::survey_response_rate`]).
    SurveyResponse: Satisfaction, Up, Percent, [SurveyResponses, SurveysSent]
        => |_: &Context, [r, s]: [Decimal; 2]| kpi::survey_response_rate(r, s);
    /// Discounted lifetime value with the period's yearly retention and CAC
    /// ([`kpi::clv_discounted`]).
    Clv: Value, Up, Money, [MarginPerCustomer, CustomersStart, CustomersEnd, CustomersNew, MarketingSpend]
        => |cx: &Context, [margin, s, e, n, spend]: [Decimal; 5]| period_clv(cx, margin, [s, e, n], spend);
    /// Average order value ([`kpi::average_order_value`]).
    OrderValue: Value, Up, Money, [Revenue, Orders]
        => |_: &Context, [r, o]: [Decimal; 2]| kpi::average_order_value(r, o);
    /// Lead-to-deal conversion, % ([`kpi::conversion_rate`]).
    Conversion: Sales, Up, Percent, [WonDeals, Leads]
        => |_: &Context, [w, l]: [Decimal; 2]| kpi::conversion_rate(w, l);
    /// Mean sales cycle of the pasted deals, days ([`kpi::sales_cycle`]).
    SalesCycle: Sales, Down, Days, []
        => |cx: &Context, []: [Decimal; 0]| match (cx.period.deals.trim().is_empty(), cx.pastes.cycle) {
            (true, _) => Err(Gap::NotEntered),
            (false, cycle) => cycle.map(|c| c.mean_days).map_err(Gap::from),
        };
    /// Share of the pasted leads answered within five minutes, % (article 004; see
    /// [`speed`](crate::engine::speed)).
    SpeedToLead: Sales, Up, Percent, []
        => |cx: &Context, []: [Decimal; 0]| match (cx.period.leads.trim().is_empty(), cx.pastes.speed) {
            (true, _) => Err(Gap::NotEntered),
            (false, speed) => speed.map(|s| s.within_five_minutes_pct).map_err(Gap::from),
        };
    /// Email open rate, % ([`kpi::email_open_rate`]).
    OpenRate: Engagement, Up, Percent, [EmailsOpened, EmailsDelivered]
        => |_: &Context, [o, d]: [Decimal; 2]| kpi::email_open_rate(o, d);
    /// Email click-through rate, % ([`kpi::click_through_rate`]).
    ClickRate: Engagement, Up, Percent, [EmailsClicked, EmailsDelivered]
        => |_: &Context, [c, d]: [Decimal; 2]| kpi::click_through_rate(c, d);
    /// Average minutes per visit ([`kpi::average_time_on_site`]).
    TimeOnSite: Engagement, Up, Minutes, [MinutesOnSite, Visits]
        => |_: &Context, [m, v]: [Decimal; 2]| kpi::average_time_on_site(m, v);
    /// Downloads per 100 visits ([`kpi::download_rate`]).
    Downloads: Engagement, Up, Percent, [Downloads, Visits]
        => |_: &Context, [d, v]: [Decimal; 2]| kpi::download_rate(d, v);
    /// Share of bad records, % ([`kpi::bad_record_share`]).
    BadRecords: DataQuality, Down, Percent, [BadRecords, Records]
        => |_: &Context, [b, t]: [Decimal; 2]| kpi::bad_record_share(b, t);
    /// Email delivery rate, % ([`kpi::email_delivery_rate`]).
    Delivery: DataQuality, Up, Percent, [EmailsDelivered, EmailsSent]
        => |_: &Context, [d, s]: [Decimal; 2]| kpi::email_delivery_rate(d, s);
    /// Customer acquisition cost ([`kpi::cac`]).
    Cac: MarketingCost, Down, Money, [MarketingSpend, CustomersNew]
        => |_: &Context, [s, n]: [Decimal; 2]| kpi::cac(s, n);
    /// Return on marketing investment, % ([`kpi::romi`]).
    Romi: MarketingCost, Up, Percent, [MarketingProfit, MarketingSpend]
        => |_: &Context, [p, s]: [Decimal; 2]| kpi::romi(p, s);
    /// Cost per click ([`kpi::cpc`]).
    Cpc: MarketingCost, Down, Money, [MarketingSpend, AdClicks]
        => |_: &Context, [s, c]: [Decimal; 2]| kpi::cpc(s, c);
    /// Cost per lead ([`kpi::cpl`]).
    Cpl: MarketingCost, Down, Money, [MarketingSpend, Leads]
        => |_: &Context, [s, l]: [Decimal; 2]| kpi::cpl(s, l);
    /// Cost per deal won ([`kpi::cpa`]).
    Cpa: MarketingCost, Down, Money, [MarketingSpend, WonDeals]
        => |_: &Context, [s, w]: [Decimal; 2]| kpi::cpa(s, w);
    /// Mean hours to first response to a lead ([`kpi::lead_response_time`]).
    LeadResponse: MarketingCost, Down, Hours, [ResponseHours, Leads]
        => |_: &Context, [h, l]: [Decimal; 2]| kpi::lead_response_time(h, l);
    /// Mean hours to resolve a ticket ([`kpi::resolution_time`]).
    Resolution: Service, Down, Hours, [ResolutionHours, Tickets]
        => |_: &Context, [h, t]: [Decimal; 2]| kpi::resolution_time(h, t);
    /// Interactions per customer at the end of the period
    /// ([`kpi::interactions_per_customer`]).
    Interactions: Service, Neutral, Ratio, [Interactions, CustomersEnd]
        => |_: &Context, [i, c]: [Decimal; 2]| kpi::interactions_per_customer(i, c);
    /// Share of correct AI predictions, % ([`kpi::prediction_accuracy`]).
    AiAccuracy: Ai, Up, Percent, [CorrectPredictions, Predictions]
        => |_: &Context, [c, p]: [Decimal; 2]| kpi::prediction_accuracy(c, p);
}

impl Kpi {
    /// Stable identifier (stored targets are keyed by it).
    pub fn key(self) -> &'static str {
        match self {
            Kpi::Retention => "retention",
            Kpi::Churn => "churn",
            Kpi::Complaints => "complaints",
            Kpi::Csat => "csat",
            Kpi::Nps => "nps",
            Kpi::SurveyResponse => "survey_response",
            Kpi::Clv => "clv",
            Kpi::OrderValue => "order_value",
            Kpi::Conversion => "conversion",
            Kpi::SalesCycle => "sales_cycle",
            Kpi::SpeedToLead => "speed_to_lead",
            Kpi::OpenRate => "open_rate",
            Kpi::ClickRate => "click_rate",
            Kpi::TimeOnSite => "time_on_site",
            Kpi::Downloads => "downloads",
            Kpi::BadRecords => "bad_records",
            Kpi::Delivery => "delivery",
            Kpi::Cac => "cac",
            Kpi::Romi => "romi",
            Kpi::Cpc => "cpc",
            Kpi::Cpl => "cpl",
            Kpi::Cpa => "cpa",
            Kpi::LeadResponse => "lead_response",
            Kpi::Resolution => "resolution",
            Kpi::Interactions => "interactions",
            Kpi::AiAccuracy => "ai_accuracy",
        }
    }

    /// The KPI whose [`Kpi::key`] is `key`.
    pub fn from_key(key: &str) -> Option<Kpi> {
        Kpi::ALL.into_iter().find(|k| k.key() == key)
    }

    /// What a target for this KPI may be, in its unit; `None` for a KPI with no better
    /// direction ([`Direction::Neutral`]), which cannot have one. Shares in percent are
    /// 0–100 %; downloads per 100 visits and amounts, counts and times are 0 to
    /// [`MEASURE_MAX`]; ROMI is −100 % (every cent lost) to [`MEASURE_MAX`]; NPS is −100
    /// to 100. Never required to be whole (a target of 2.5 complaints a day is fine).
    pub fn target_rule(self) -> Option<Rule> {
        let hundred = Decimal::ONE_HUNDRED;
        let (min, max) = match (self.direction(), self, self.unit()) {
            (Direction::Neutral, _, _) => return None,
            (_, Kpi::Romi, _) => (-hundred, MEASURE_MAX),
            (_, Kpi::Downloads, _) => (Decimal::ZERO, MEASURE_MAX),
            (_, _, KpiUnit::Percent) => (Decimal::ZERO, hundred),
            (_, _, KpiUnit::Points) => (-hundred, hundred),
            _ => (Decimal::ZERO, MEASURE_MAX),
        };
        Some(Rule::new(min, max, Unit::Money))
    }
}

/// A formula's result as a [`Reading`]: formulas return either a KPI result or a reading.
fn into_reading(result: impl IntoReading) -> Reading {
    result.into_reading()
}

trait IntoReading {
    fn into_reading(self) -> Reading;
}

impl IntoReading for Result<Decimal, KpiError> {
    fn into_reading(self) -> Reading {
        self.map_err(Gap::from)
    }
}

impl IntoReading for Reading {
    fn into_reading(self) -> Reading {
        self
    }
}

/// The measures' values, or [`Gap::NotEntered`] if any is blank.
fn entered<const N: usize>(values: &Values, measures: [Measure; N]) -> Result<[Decimal; N], Gap> {
    let mut out = [Decimal::ZERO; N];
    for (slot, m) in out.iter_mut().zip(measures) {
        *slot = m.get(values).ok_or(Gap::NotEntered)?;
    }
    Ok(out)
}

/// Churn of a period in percent: customers of the start lost over the start.
fn period_churn(start: Decimal, end: Decimal, new: Decimal) -> Result<Decimal, KpiError> {
    // The retention rule checks that the counts agree (new ≤ end, kept ≤ start).
    kpi::retention_rate(start, end, new)?;
    let kept = money::sub(end, new)?;
    let lost = money::sub(start, kept)?;
    kpi::churn_rate(start, lost)
}

/// The period's discounted CLV: its margin per customer, its churn made yearly, the CLV
/// calculator's discount rate and the period's CAC.
fn period_clv(
    cx: &Context<'_>,
    margin: Decimal,
    [start, end, new]: [Decimal; 3],
    spend: Decimal,
) -> Result<Decimal, KpiError> {
    let churn = period_churn(start, end, new)?;
    let yearly = yearly_loss_pct(churn, cx.period.days()).ok_or(KpiError::Overflow)?;
    let cac = kpi::cac(spend, new)?;
    let retention = Decimal::ONE_HUNDRED - yearly.clamp(Decimal::ZERO, Decimal::ONE_HUNDRED);
    kpi::clv_discounted(margin, retention, cx.clv_discount_pct, cac)
}

/// `rate_pct` of a period of `days` days as a yearly rate of loss, in percent:
/// `1 − (1 − rate)^(365 ÷ days)`. Without a length, the period is taken as a year. In
/// `f64` (a rate shown to two decimals), rounded to 4 decimals. `None` for a rate
/// outside 0–100 % or a length below one day.
pub fn yearly_loss_pct(rate_pct: Decimal, days: Option<i64>) -> Option<Decimal> {
    if rate_pct < Decimal::ZERO || rate_pct > Decimal::ONE_HUNDRED {
        return None;
    }
    let Some(days) = days else {
        return Some(rate_pct);
    };
    if days <= 0 {
        return None;
    }
    let kept = 1.0 - money::to_f64(rate_pct) / 100.0;
    let yearly = (1.0 - kept.powf(365.0 / days as f64)) * 100.0;
    Decimal::from_f64(yearly).map(round4)
}

/// Rounded to 4 decimals, half away from zero (the rule of [`money`]).
pub(super) fn round4(value: Decimal) -> Decimal {
    money::round_for_display(value, 4)
}

/// One KPI for one period; `cycle` is the period's sales cycle from its pasted deals.
pub fn reading(
    k: Kpi,
    period: &Period,
    pastes: &PeriodDeals,
    clv_discount_pct: Decimal,
) -> Reading {
    let cx = Context {
        period,
        pastes,
        clv_discount_pct,
    };
    k.formula(&period.values, &cx)
}

/// Whether a change is good for its KPI.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Moved the good way.
    Better,
    /// Moved the bad way.
    Worse,
    /// Did not move.
    Same,
    /// Moved, but neither way is better for this KPI.
    Changed,
}

/// The verdict on a move from `before` to `after` for a KPI going `direction`.
pub fn verdict(direction: Direction, before: Decimal, after: Decimal) -> Verdict {
    match (after.cmp(&before), direction) {
        (std::cmp::Ordering::Equal, _) => Verdict::Same,
        (_, Direction::Neutral) => Verdict::Changed,
        (std::cmp::Ordering::Greater, Direction::Up)
        | (std::cmp::Ordering::Less, Direction::Down) => Verdict::Better,
        _ => Verdict::Worse,
    }
}

/// A KPI's baseline (first period), current value (last period) and change.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Comparison {
    /// The KPI.
    pub kpi: Kpi,
    /// Its value in the baseline period.
    pub baseline: Reading,
    /// Its value in the current period.
    pub current: Reading,
    /// `current − baseline`, when both exist.
    pub absolute: Option<Decimal>,
    /// `(current − baseline) ÷ |baseline| × 100`, when both exist and the baseline is
    /// not zero.
    pub relative: Option<Decimal>,
    /// Good or bad, when both exist.
    pub verdict: Option<Verdict>,
}

/// A period's pasted deals and leads, parsed in a date order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodDeals {
    /// The deals: good rows, bad rows with reasons.
    pub parse: DealsParse,
    /// Count, mean and median days of the good deals.
    pub cycle: Result<CycleStats, KpiError>,
    /// The leads: good rows, bad rows with reasons.
    pub leads: LeadsParse,
    /// Speed to lead of the good leads.
    pub speed: Result<SpeedStats, KpiError>,
}

impl PeriodDeals {
    /// Reads a period's pasted deals and leads.
    pub fn read(deals_text: &str, leads_text: &str, order: DateOrder) -> Self {
        let parse = deals::parse_deals(deals_text, order);
        let cycle = deals::cycle_stats(&parse);
        let leads = speed::parse_leads(leads_text, order);
        let speed = speed::speed_stats(&leads.leads);
        PeriodDeals {
            parse,
            cycle,
            leads,
            speed,
        }
    }

    /// Reads `period`'s pastes.
    pub fn of(period: &Period, order: DateOrder) -> Self {
        PeriodDeals::read(&period.deals, &period.leads, order)
    }
}

/// Every KPI compared, the baseline (first period) against the current one (the last);
/// `baseline` and `current` are those periods' pastes.
pub fn compare(
    m: &super::Measurement,
    baseline: &PeriodDeals,
    current: &PeriodDeals,
) -> Vec<Comparison> {
    compare_periods(
        (m.baseline(), baseline),
        (m.current(), current),
        m.clv.discount_pct,
    )
}

/// Every KPI compared between any two periods, each with its pastes (`before` in the
/// [`Comparison::baseline`] slot), at the CLV calculator's discount rate `discount_pct`.
pub fn compare_periods(
    (before_period, before_pastes): (&Period, &PeriodDeals),
    (after_period, after_pastes): (&Period, &PeriodDeals),
    discount_pct: Decimal,
) -> Vec<Comparison> {
    Kpi::ALL
        .iter()
        .map(|&k| {
            let before = reading(k, before_period, before_pastes, discount_pct);
            let after = reading(k, after_period, after_pastes, discount_pct);
            let (absolute, relative, verdict) = match (before, after) {
                (Ok(b), Ok(a)) => (
                    kpi::absolute_change(b, a).ok(),
                    kpi::relative_change(b, a).ok(),
                    Some(self::verdict(k.direction(), b, a)),
                ),
                _ => (None, None, None),
            };
            Comparison {
                kpi: k,
                baseline: before,
                current: after,
                absolute,
                relative,
                verdict,
            }
        })
        .collect()
}

/// The comparison of `kpi` in `all`, if there.
pub fn find(all: &[Comparison], kpi: Kpi) -> Option<&Comparison> {
    all.iter().find(|c| c.kpi == kpi)
}
