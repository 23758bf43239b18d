//! Measuring the CRM: KPIs of a baseline period against a current period, and what the
//! measured changes mean for the ROI model.
//!
//! The user enters raw figures ([`Measure`]: counts, amounts, hours) for each
//! [`Period`]; every [`Kpi`] is computed from them by the functions of [`kpi`], for both
//! periods, then compared ([`compare`]): absolute and relative change, and a
//! [`Verdict`] that knows which way is good for that KPI (churn down is better).
//!
//! A figure left blank is "not measured": the KPIs that need it show
//! [`Gap::NotEntered`], not an error. Figures that contradict each other (more customers
//! kept than there were) give [`Gap::Invalid`] with the [`KpiError`].
//!
//! Period rates are rates *of the period*. Two places need yearly rates and convert
//! them when both dates of a period are known ([`Period::days`]): the customer lifetime
//! value of a period and the churn sent to the ROI model ([`proposals`]) use
//! `yearly churn = 1 − (1 − period churn)^(365 ÷ days)` (retention compounds); without
//! dates, the period is taken to be a year.

use super::campaigns::{Campaign, CampaignField};
use super::deals::{self, DateOrder, DealsParse};
use super::kpi::{self, CycleStats, KpiError};
use super::model::{check_range, Field, Inputs, Problem, Unit};
use super::money;
use chrono::{Datelike, NaiveDate};
use rust_decimal::prelude::*;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The KPI groups, in the order the articles present them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum KpiGroup {
    /// Retention and loyalty: retention, churn, complaints.
    Loyalty,
    /// Satisfaction: CSAT, NPS, survey response.
    Satisfaction,
    /// Customer value: lifetime value, average order value.
    Value,
    /// Conversion and the sales cycle.
    Sales,
    /// Engagement: email opens and clicks, time on site, downloads.
    Engagement,
    /// Quality of the customer data.
    DataQuality,
    /// What marketing costs and returns.
    MarketingCost,
    /// Customer service.
    Service,
    /// The CRM's AI.
    Ai,
}

impl KpiGroup {
    /// All groups, in display order.
    pub const ALL: [KpiGroup; 9] = [
        KpiGroup::Loyalty,
        KpiGroup::Satisfaction,
        KpiGroup::Value,
        KpiGroup::Sales,
        KpiGroup::Engagement,
        KpiGroup::DataQuality,
        KpiGroup::MarketingCost,
        KpiGroup::Service,
        KpiGroup::Ai,
    ];
}

/// Largest figure accepted for a measure or a campaign amount: 10¹² (the parts are
/// its low and high 32 bits).
pub const MEASURE_MAX: Decimal = Decimal::from_parts(0xD4A5_1000, 0xE8, 0, false, 0);

macro_rules! measures {
    ($(
        $(#[doc = $doc:expr])*
        $name:ident / $variant:ident : $unit:ident, $group:ident;
    )*) => {
        /// The raw figures of one period; `None` is "not measured". Stored as a map from
        /// [`Measure::key`] to the value, with the blanks left out.
        #[derive(Debug, Clone, PartialEq, Eq, Default)]
        pub struct Values {
            $( $(#[doc = $doc])* pub $name: Option<Decimal>, )*
        }

        /// A raw figure the user enters for each period.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Measure { $( $(#[doc = $doc])* $variant, )* }

        impl Measure {
            /// All measures, grouped, in display order.
            pub const ALL: &'static [Measure] = &[$(Measure::$variant),*];

            /// The measure's value in `values`.
            pub fn get(self, values: &Values) -> Option<Decimal> {
                match self { $(Measure::$variant => values.$name,)* }
            }

            /// Sets the measure's value (unvalidated: see [`Measure::check`]).
            pub fn set(self, values: &mut Values, value: Option<Decimal>) {
                match self { $(Measure::$variant => values.$name = value,)* }
            }

            /// Stable identifier (the serialized name).
            pub fn key(self) -> &'static str {
                match self { $(Measure::$variant => stringify!($name),)* }
            }

            /// What the figure measures: a count (whole), an amount, hours or minutes.
            pub fn unit(self) -> Unit {
                match self { $(Measure::$variant => Unit::$unit,)* }
            }

            /// The group it is entered in.
            pub fn group(self) -> KpiGroup {
                match self { $(Measure::$variant => KpiGroup::$group,)* }
            }
        }
    };
}

measures! {
    /// Customers at the start of the period.
    customers_start / CustomersStart: Count, Loyalty;
    /// Customers at the end of the period.
    customers_end / CustomersEnd: Count, Loyalty;
    /// Customers won during the period.
    customers_new / CustomersNew: Count, Loyalty;
    /// Complaints received.
    complaints / Complaints: Count, Loyalty;
    /// Satisfaction surveys sent.
    surveys_sent / SurveysSent: Count, Satisfaction;
    /// Surveys answered.
    survey_responses / SurveyResponses: Count, Satisfaction;
    /// Answers of 4 or 5 out of 5 ("satisfied").
    satisfied / Satisfied: Count, Satisfaction;
    /// NPS answers of 9–10.
    promoters / Promoters: Count, Satisfaction;
    /// NPS answers of 7–8.
    passives / Passives: Count, Satisfaction;
    /// NPS answers of 0–6.
    detractors / Detractors: Count, Satisfaction;
    /// Revenue of the period.
    revenue / Revenue: Money, Value;
    /// Orders of the period.
    orders / Orders: Count, Value;
    /// Yearly gross margin per customer.
    margin_per_customer / MarginPerCustomer: Money, Value;
    /// Leads received.
    leads / Leads: Count, Sales;
    /// Deals won.
    won_deals / WonDeals: Count, Sales;
    /// Marketing emails sent.
    emails_sent / EmailsSent: Count, Engagement;
    /// Emails delivered (sent minus bounces).
    emails_delivered / EmailsDelivered: Count, Engagement;
    /// Unique opens.
    emails_opened / EmailsOpened: Count, Engagement;
    /// Unique clicks.
    emails_clicked / EmailsClicked: Count, Engagement;
    /// Website visits.
    visits / Visits: Count, Engagement;
    /// Total time on site over all visits, minutes.
    minutes_on_site / MinutesOnSite: Minutes, Engagement;
    /// Content downloads.
    downloads / Downloads: Count, Engagement;
    /// Customer records in the CRM.
    records / Records: Count, DataQuality;
    /// Records that are incorrect or incomplete.
    bad_records / BadRecords: Count, DataQuality;
    /// Marketing and sales spend of the period.
    marketing_spend / MarketingSpend: Money, MarketingCost;
    /// Paid clicks.
    ad_clicks / AdClicks: Count, MarketingCost;
    /// Gross profit attributed to marketing.
    marketing_profit / MarketingProfit: Money, MarketingCost;
    /// Total hours from lead arrival to first response, over all leads.
    response_hours / ResponseHours: Hours, MarketingCost;
    /// Support tickets resolved.
    tickets / Tickets: Count, Service;
    /// Total hours to resolve them.
    resolution_hours / ResolutionHours: Hours, Service;
    /// Interactions with customers (calls, emails, chats, visits).
    interactions / Interactions: Count, Service;
    /// Predictions made by the CRM's AI (lead scores, forecasts) that can be checked.
    predictions / Predictions: Count, Ai;
    /// Of those, the correct ones.
    correct_predictions / CorrectPredictions: Count, Ai;
}

// One loop over `Measure::ALL` instead of serde's derive, which would generate code
// for each of the 33 fields (about 25 KB of wasm).
impl Serialize for Values {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let entered: Vec<(&str, Decimal)> = Measure::ALL
            .iter()
            .filter_map(|m| Some((m.key(), m.get(self)?)))
            .collect();
        let mut map = s.serialize_map(Some(entered.len()))?;
        for (key, value) in entered {
            map.serialize_entry(key, &value)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for Values {
    /// Unknown keys are ignored; a value that is not a number is an error.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let map = std::collections::BTreeMap::<String, Option<Decimal>>::deserialize(d)?;
        let mut values = Values::default();
        for m in Measure::ALL {
            m.set(&mut values, map.get(m.key()).copied().flatten());
        }
        Ok(values)
    }
}

impl Measure {
    /// Inclusive valid range: zero to [`MEASURE_MAX`].
    pub fn range(self) -> (Decimal, Decimal) {
        (Decimal::ZERO, MEASURE_MAX)
    }

    /// Whether `value` can be stored: within [`Measure::range`], whole for counts.
    pub fn check(self, value: Decimal) -> Result<(), Problem> {
        check_range(value, self.range(), self.unit())
    }
}

/// One period of measurement: its dates, its raw figures and its closed deals.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Period {
    /// First day (ISO `YYYY-MM-DD` when stored).
    #[serde(with = "iso_date", skip_serializing_if = "Option::is_none")]
    pub start: Option<NaiveDate>,
    /// Last day, included.
    #[serde(with = "iso_date", skip_serializing_if = "Option::is_none")]
    pub end: Option<NaiveDate>,
    /// The raw figures.
    pub values: Values,
    /// Deals closed in the period, pasted as rows of (created, closed); see [`deals`].
    #[serde(skip_serializing_if = "String::is_empty")]
    pub deals: String,
}

/// Longest deals paste kept in a period, in characters: about 2,000 rows. A longer
/// paste is refused with a message rather than cut.
pub const MAX_DEALS_CHARS: usize = 50_000;

/// Most rows in the campaign table.
pub const MAX_CAMPAIGNS: usize = 50;

impl Period {
    /// Length in days, both ends included; `None` without both dates or when the end is
    /// before the start.
    pub fn days(&self) -> Option<i64> {
        let (start, end) = (self.start?, self.end?);
        let span = i64::from(end.num_days_from_ce()) - i64::from(start.num_days_from_ce());
        (span >= 0).then_some(span + 1)
    }

    /// Whether the end date is before the start date.
    pub fn dates_reversed(&self) -> bool {
        matches!((self.start, self.end), (Some(s), Some(e)) if e < s)
    }
}

/// Inputs of the customer lifetime value calculator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ClvInputs {
    /// Yearly gross margin per customer (may be negative).
    pub margin_per_year: Decimal,
    /// Yearly retention, % (churn is 100 − retention).
    pub retention_pct: Decimal,
    /// Yearly discount rate, %.
    pub discount_pct: Decimal,
    /// Cost of acquiring the customer.
    pub acquisition_cost: Decimal,
}

impl Default for ClvInputs {
    fn default() -> Self {
        ClvInputs {
            margin_per_year: Decimal::from(960),
            retention_pct: Decimal::from(85),
            discount_pct: Decimal::TEN,
            acquisition_cost: Decimal::from(450),
        }
    }
}

/// The CLV calculator's results.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClvReport {
    /// Expected lifetime in years, `1 ÷ churn`; `None` with no churn (forever).
    pub lifetime_years: Option<Decimal>,
    /// `margin × lifetime − acquisition cost`, undiscounted.
    pub simple: Result<Decimal, KpiError>,
    /// `margin × r ÷ (1 + d − r) − acquisition cost` ([`kpi::clv_discounted`]).
    pub discounted: Result<Decimal, KpiError>,
}

/// An input of the CLV calculator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ClvField {
    /// [`ClvInputs::margin_per_year`].
    Margin,
    /// [`ClvInputs::retention_pct`].
    Retention,
    /// [`ClvInputs::discount_pct`].
    Discount,
    /// [`ClvInputs::acquisition_cost`].
    Acquisition,
}

impl ClvField {
    /// Every input, in display order.
    pub const ALL: [ClvField; 4] = [
        ClvField::Margin,
        ClvField::Retention,
        ClvField::Discount,
        ClvField::Acquisition,
    ];

    /// The input's value in `c`.
    pub fn get(self, c: &ClvInputs) -> Decimal {
        match self {
            ClvField::Margin => c.margin_per_year,
            ClvField::Retention => c.retention_pct,
            ClvField::Discount => c.discount_pct,
            ClvField::Acquisition => c.acquisition_cost,
        }
    }

    /// Sets the input's value in `c` (unvalidated).
    pub fn set(self, c: &mut ClvInputs, value: Decimal) {
        match self {
            ClvField::Margin => c.margin_per_year = value,
            ClvField::Retention => c.retention_pct = value,
            ClvField::Discount => c.discount_pct = value,
            ClvField::Acquisition => c.acquisition_cost = value,
        }
    }

    /// What the input measures.
    pub fn unit(self) -> Unit {
        match self {
            ClvField::Margin | ClvField::Acquisition => Unit::Money,
            ClvField::Retention | ClvField::Discount => Unit::Percent,
        }
    }

    /// Inclusive valid range: ±[`MEASURE_MAX`] for the margin (a customer can cost more
    /// than they bring), zero to [`MEASURE_MAX`] for the acquisition cost, 0–100 % for
    /// the rates.
    pub fn range(self) -> (Decimal, Decimal) {
        match self {
            ClvField::Margin => (-MEASURE_MAX, MEASURE_MAX),
            ClvField::Acquisition => (Decimal::ZERO, MEASURE_MAX),
            ClvField::Retention | ClvField::Discount => (Decimal::ZERO, Decimal::ONE_HUNDRED),
        }
    }
}

impl ClvInputs {
    /// Whether every input lies within its [`ClvField::range`].
    pub fn is_valid(&self) -> bool {
        ClvField::ALL.iter().all(|f| {
            let (min, max) = f.range();
            (min..=max).contains(&f.get(self))
        })
    }

    /// Simple and discounted CLV.
    pub fn evaluate(&self) -> ClvReport {
        let churn = Decimal::ONE_HUNDRED
            - self
                .retention_pct
                .clamp(Decimal::ZERO, Decimal::ONE_HUNDRED);
        let lifetime_years = (!churn.is_zero())
            .then(|| money::div(Decimal::ONE_HUNDRED, churn).ok())
            .flatten();
        let simple = match lifetime_years {
            Some(years) => kpi::clv_simple(self.margin_per_year, years)
                .and_then(|v| Ok(money::sub(v, self.acquisition_cost)?)),
            None => Err(KpiError::DivisionByZero),
        };
        ClvReport {
            lifetime_years,
            simple,
            discounted: kpi::clv_discounted(
                self.margin_per_year,
                self.retention_pct,
                self.discount_pct,
                self.acquisition_cost,
            ),
        }
    }
}

/// Everything measured in a scenario: two periods, the campaign table and the CLV
/// calculator.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Measurement {
    /// Before the CRM (or before a change).
    pub baseline: Period,
    /// Now.
    pub current: Period,
    /// Campaigns or channels.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub campaigns: Vec<Campaign>,
    /// The CLV calculator.
    pub clv: ClvInputs,
    /// How pasted dates whose year comes last are read; `None` until the first paste,
    /// which fixes it to the language of the moment, so a later change of language
    /// never re-reads the same text differently.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date_order: Option<DateOrder>,
}

/// Why stored or linked measurements were refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeasurementError {
    /// A figure is negative, too large, or fractional where it must be whole.
    BadValue,
    /// A deals paste or a campaign name is too long, or there are too many campaigns.
    TooLong,
    /// A campaign row has a negative amount or a margin outside 0–100 %.
    BadCampaign,
    /// The CLV calculator's inputs are out of range.
    BadClv,
}

impl Measurement {
    /// Whether nothing was entered (the default), so links and files can leave it out.
    pub fn is_empty(&self) -> bool {
        *self == Measurement::default()
    }

    /// Checks what a link, a file or storage could get wrong. Anything the interface
    /// lets a user enter passes; contradictions between figures (more customers kept
    /// than there were, reversed dates) are not errors here but shown on the KPIs.
    pub fn validate(&self) -> Result<(), MeasurementError> {
        for period in [&self.baseline, &self.current] {
            let values_ok = Measure::ALL
                .iter()
                .all(|m| m.get(&period.values).is_none_or(|v| m.check(v).is_ok()));
            if !values_ok {
                return Err(MeasurementError::BadValue);
            }
            if period.deals.chars().count() > MAX_DEALS_CHARS {
                return Err(MeasurementError::TooLong);
            }
        }
        if self.campaigns.len() > MAX_CAMPAIGNS
            || self
                .campaigns
                .iter()
                .any(|c| c.name.chars().count() > crate::scenario::MAX_NAME_CHARS)
        {
            return Err(MeasurementError::TooLong);
        }
        let campaign_ok = |c: &Campaign| {
            CampaignField::ALL.iter().all(|f| {
                let (min, max) = f.range();
                (min..=max).contains(&f.get(c))
            })
        };
        if !self.campaigns.iter().all(campaign_ok) {
            return Err(MeasurementError::BadCampaign);
        }
        if !self.clv.is_valid() {
            return Err(MeasurementError::BadClv);
        }
        Ok(())
    }
}

// ---------------------------------------------------------------------------------------
// KPIs

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

/// A KPI tracked from baseline to current.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kpi {
    /// Customer retention, % ([`kpi::retention_rate`]).
    Retention,
    /// Customer churn, %: customers of the start lost, `S − (E − N)`, over `S`.
    Churn,
    /// Complaints received (count; compare periods of equal length).
    Complaints,
    /// CSAT, % ([`kpi::csat`]).
    Csat,
    /// Net Promoter Score ([`kpi::nps`]).
    Nps,
    /// Survey response rate, % ([`kpi::survey_response_rate`]).
    SurveyResponse,
    /// Discounted lifetime value with the period's yearly retention and CAC.
    Clv,
    /// Average order value ([`kpi::average_order_value`]).
    OrderValue,
    /// Lead-to-deal conversion, % ([`kpi::conversion_rate`]).
    Conversion,
    /// Mean sales cycle of the pasted deals, days ([`kpi::sales_cycle`]).
    SalesCycle,
    /// Email open rate, % ([`kpi::email_open_rate`]).
    OpenRate,
    /// Email click-through rate, % ([`kpi::click_through_rate`]).
    ClickRate,
    /// Average minutes per visit ([`kpi::average_time_on_site`]).
    TimeOnSite,
    /// Downloads per 100 visits ([`kpi::download_rate`]).
    Downloads,
    /// Share of bad records, % ([`kpi::bad_record_share`]).
    BadRecords,
    /// Email delivery rate, % ([`kpi::email_delivery_rate`]).
    Delivery,
    /// Customer acquisition cost ([`kpi::cac`]).
    Cac,
    /// Return on marketing investment, % ([`kpi::romi`]).
    Romi,
    /// Cost per click ([`kpi::cpc`]).
    Cpc,
    /// Cost per lead ([`kpi::cpl`]).
    Cpl,
    /// Cost per deal won ([`kpi::cpa`]).
    Cpa,
    /// Mean hours to first response to a lead ([`kpi::lead_response_time`]).
    LeadResponse,
    /// Mean hours to resolve a ticket ([`kpi::resolution_time`]).
    Resolution,
    /// Interactions per customer at the end of the period
    /// ([`kpi::interactions_per_customer`]).
    Interactions,
    /// Share of correct AI predictions, % ([`kpi::prediction_accuracy`]).
    AiAccuracy,
}

impl Kpi {
    /// All KPIs, grouped, in display order.
    pub const ALL: [Kpi; 25] = [
        Kpi::Retention,
        Kpi::Churn,
        Kpi::Complaints,
        Kpi::Csat,
        Kpi::Nps,
        Kpi::SurveyResponse,
        Kpi::Clv,
        Kpi::OrderValue,
        Kpi::Conversion,
        Kpi::SalesCycle,
        Kpi::OpenRate,
        Kpi::ClickRate,
        Kpi::TimeOnSite,
        Kpi::Downloads,
        Kpi::BadRecords,
        Kpi::Delivery,
        Kpi::Cac,
        Kpi::Romi,
        Kpi::Cpc,
        Kpi::Cpl,
        Kpi::Cpa,
        Kpi::LeadResponse,
        Kpi::Resolution,
        Kpi::Interactions,
        Kpi::AiAccuracy,
    ];

    /// The group it is shown in.
    pub fn group(self) -> KpiGroup {
        use Kpi::*;
        match self {
            Retention | Churn | Complaints => KpiGroup::Loyalty,
            Csat | Nps | SurveyResponse => KpiGroup::Satisfaction,
            Clv | OrderValue => KpiGroup::Value,
            Conversion | SalesCycle => KpiGroup::Sales,
            OpenRate | ClickRate | TimeOnSite | Downloads => KpiGroup::Engagement,
            BadRecords | Delivery => KpiGroup::DataQuality,
            Cac | Romi | Cpc | Cpl | Cpa | LeadResponse => KpiGroup::MarketingCost,
            Resolution | Interactions => KpiGroup::Service,
            AiAccuracy => KpiGroup::Ai,
        }
    }

    /// Which way is good.
    pub fn direction(self) -> Direction {
        use Kpi::*;
        match self {
            Churn | Complaints | SalesCycle | BadRecords | Cac | Cpc | Cpl | Cpa | LeadResponse
            | Resolution => Direction::Down,
            Interactions => Direction::Neutral,
            _ => Direction::Up,
        }
    }

    /// How its value is shown.
    pub fn unit(self) -> KpiUnit {
        use Kpi::*;
        match self {
            Nps => KpiUnit::Points,
            Complaints => KpiUnit::Count,
            Clv | OrderValue | Cac | Cpc | Cpl | Cpa => KpiUnit::Money,
            SalesCycle => KpiUnit::Days,
            LeadResponse | Resolution => KpiUnit::Hours,
            TimeOnSite => KpiUnit::Minutes,
            Interactions => KpiUnit::Ratio,
            _ => KpiUnit::Percent,
        }
    }

    /// The measures it is computed from (the sales cycle also needs the pasted deals).
    pub fn inputs(self) -> &'static [Measure] {
        use Measure as M;
        match self {
            Kpi::Retention | Kpi::Churn => &[M::CustomersStart, M::CustomersEnd, M::CustomersNew],
            Kpi::Complaints => &[M::Complaints],
            Kpi::Csat => &[M::Satisfied, M::SurveyResponses],
            Kpi::Nps => &[M::Promoters, M::Passives, M::Detractors],
            Kpi::SurveyResponse => &[M::SurveyResponses, M::SurveysSent],
            Kpi::Clv => &[
                M::MarginPerCustomer,
                M::CustomersStart,
                M::CustomersEnd,
                M::CustomersNew,
                M::MarketingSpend,
            ],
            Kpi::OrderValue => &[M::Revenue, M::Orders],
            Kpi::Conversion => &[M::WonDeals, M::Leads],
            Kpi::SalesCycle => &[],
            Kpi::OpenRate => &[M::EmailsOpened, M::EmailsDelivered],
            Kpi::ClickRate => &[M::EmailsClicked, M::EmailsDelivered],
            Kpi::TimeOnSite => &[M::MinutesOnSite, M::Visits],
            Kpi::Downloads => &[M::Downloads, M::Visits],
            Kpi::BadRecords => &[M::BadRecords, M::Records],
            Kpi::Delivery => &[M::EmailsDelivered, M::EmailsSent],
            Kpi::Cac => &[M::MarketingSpend, M::CustomersNew],
            Kpi::Romi => &[M::MarketingProfit, M::MarketingSpend],
            Kpi::Cpc => &[M::MarketingSpend, M::AdClicks],
            Kpi::Cpl => &[M::MarketingSpend, M::Leads],
            Kpi::Cpa => &[M::MarketingSpend, M::WonDeals],
            Kpi::LeadResponse => &[M::ResponseHours, M::Leads],
            Kpi::Resolution => &[M::ResolutionHours, M::Tickets],
            Kpi::Interactions => &[M::Interactions, M::CustomersEnd],
            Kpi::AiAccuracy => &[M::CorrectPredictions, M::Predictions],
        }
    }
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

/// A KPI's baseline, current value and change.
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

/// The measures' values, or [`Gap::NotEntered`] if any is blank.
fn entered<const N: usize>(values: &Values, measures: [Measure; N]) -> Result<[Decimal; N], Gap> {
    let mut out = [Decimal::ZERO; N];
    for (slot, m) in out.iter_mut().zip(measures) {
        *slot = m.get(values).ok_or(Gap::NotEntered)?;
    }
    Ok(out)
}

/// Churn of a period in percent: customers of the start lost over the start.
fn period_churn(v: &Values) -> Reading {
    use Measure as M;
    let [start, end, new] = entered(v, [M::CustomersStart, M::CustomersEnd, M::CustomersNew])?;
    // The retention rule checks that the counts agree (new ≤ end, kept ≤ start).
    kpi::retention_rate(start, end, new)?;
    let kept = money::sub(end, new).map_err(KpiError::from)?;
    let lost = money::sub(start, kept).map_err(KpiError::from)?;
    Ok(kpi::churn_rate(start, lost)?)
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
fn round4(value: Decimal) -> Decimal {
    value.round_dp_with_strategy(4, RoundingStrategy::MidpointAwayFromZero)
}

/// One KPI for one period; `cycle` is the period's sales cycle from its pasted deals.
pub fn reading(
    k: Kpi,
    period: &Period,
    cycle: &Result<CycleStats, KpiError>,
    clv_discount_pct: Decimal,
) -> Reading {
    use Measure as M;
    let v = &period.values;
    let r = match k {
        Kpi::Retention => {
            let [s, e, n] = entered(v, [M::CustomersStart, M::CustomersEnd, M::CustomersNew])?;
            kpi::retention_rate(s, e, n)
        }
        Kpi::Churn => return period_churn(v),
        Kpi::Complaints => return entered(v, [M::Complaints]).map(|[c]| c),
        Kpi::Csat => {
            let [s, r] = entered(v, [M::Satisfied, M::SurveyResponses])?;
            kpi::csat(s, r)
        }
        Kpi::Nps => {
            let [p, pa, d] = entered(v, [M::Promoters, M::Passives, M::Detractors])?;
            kpi::nps(p, pa, d)
        }
        Kpi::SurveyResponse => {
            let [r, s] = entered(v, [M::SurveyResponses, M::SurveysSent])?;
            kpi::survey_response_rate(r, s)
        }
        Kpi::Clv => {
            // Every figure it needs first, so a blank one reads as "not entered" even
            // when the others contradict each other.
            entered(
                v,
                [
                    M::CustomersStart,
                    M::CustomersEnd,
                    M::CustomersNew,
                    M::MarketingSpend,
                ],
            )?;
            let [margin] = entered(v, [M::MarginPerCustomer])?;
            let churn = period_churn(v)?;
            let yearly =
                yearly_loss_pct(churn, period.days()).ok_or(Gap::Invalid(KpiError::Overflow))?;
            let cac = reading(Kpi::Cac, period, cycle, clv_discount_pct)?;
            let retention =
                Decimal::ONE_HUNDRED - yearly.clamp(Decimal::ZERO, Decimal::ONE_HUNDRED);
            kpi::clv_discounted(margin, retention, clv_discount_pct, cac)
        }
        Kpi::OrderValue => {
            let [r, o] = entered(v, [M::Revenue, M::Orders])?;
            kpi::average_order_value(r, o)
        }
        Kpi::Conversion => {
            let [w, l] = entered(v, [M::WonDeals, M::Leads])?;
            kpi::conversion_rate(w, l)
        }
        Kpi::SalesCycle => {
            if period.deals.trim().is_empty() {
                return Err(Gap::NotEntered);
            }
            cycle.map(|c| c.mean_days)
        }
        Kpi::OpenRate => {
            let [o, d] = entered(v, [M::EmailsOpened, M::EmailsDelivered])?;
            kpi::email_open_rate(o, d)
        }
        Kpi::ClickRate => {
            let [c, d] = entered(v, [M::EmailsClicked, M::EmailsDelivered])?;
            kpi::click_through_rate(c, d)
        }
        Kpi::TimeOnSite => {
            let [m, s] = entered(v, [M::MinutesOnSite, M::Visits])?;
            kpi::average_time_on_site(m, s)
        }
        Kpi::Downloads => {
            let [d, s] = entered(v, [M::Downloads, M::Visits])?;
            kpi::download_rate(d, s)
        }
        Kpi::BadRecords => {
            let [b, t] = entered(v, [M::BadRecords, M::Records])?;
            kpi::bad_record_share(b, t)
        }
        Kpi::Delivery => {
            let [d, s] = entered(v, [M::EmailsDelivered, M::EmailsSent])?;
            kpi::email_delivery_rate(d, s)
        }
        Kpi::Cac => {
            let [s, n] = entered(v, [M::MarketingSpend, M::CustomersNew])?;
            kpi::cac(s, n)
        }
        Kpi::Romi => {
            let [p, s] = entered(v, [M::MarketingProfit, M::MarketingSpend])?;
            kpi::romi(p, s)
        }
        Kpi::Cpc => {
            let [s, c] = entered(v, [M::MarketingSpend, M::AdClicks])?;
            kpi::cpc(s, c)
        }
        Kpi::Cpl => {
            let [s, l] = entered(v, [M::MarketingSpend, M::Leads])?;
            kpi::cpl(s, l)
        }
        Kpi::Cpa => {
            let [s, w] = entered(v, [M::MarketingSpend, M::WonDeals])?;
            kpi::cpa(s, w)
        }
        Kpi::LeadResponse => {
            let [h, l] = entered(v, [M::ResponseHours, M::Leads])?;
            kpi::lead_response_time(h, l)
        }
        Kpi::Resolution => {
            let [h, t] = entered(v, [M::ResolutionHours, M::Tickets])?;
            kpi::resolution_time(h, t)
        }
        Kpi::Interactions => {
            let [i, c] = entered(v, [M::Interactions, M::CustomersEnd])?;
            kpi::interactions_per_customer(i, c)
        }
        Kpi::AiAccuracy => {
            let [c, p] = entered(v, [M::CorrectPredictions, M::Predictions])?;
            kpi::prediction_accuracy(c, p)
        }
    };
    Ok(r?)
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

/// Both periods' deals, parsed in the language's date order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeriodDeals {
    /// The parse: good rows, bad rows with reasons.
    pub parse: DealsParse,
    /// Count, mean and median days of the good rows.
    pub cycle: Result<CycleStats, KpiError>,
}

impl PeriodDeals {
    /// Reads a period's pasted deals.
    pub fn read(text: &str, order: DateOrder) -> Self {
        let parse = deals::parse_deals(text, order);
        let cycle = deals::cycle_stats(&parse);
        PeriodDeals { parse, cycle }
    }
}

/// Every KPI compared, baseline against current.
pub fn compare(m: &Measurement, baseline: &PeriodDeals, current: &PeriodDeals) -> Vec<Comparison> {
    let discount = m.clv.discount_pct;
    Kpi::ALL
        .iter()
        .map(|&k| {
            let before = reading(k, &m.baseline, &baseline.cycle, discount);
            let after = reading(k, &m.current, &current.cycle, discount);
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

// ---------------------------------------------------------------------------------------
// Feeding the ROI model

/// A value the measurements propose for one ROI input.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Proposal {
    /// The ROI model's input.
    pub field: Field,
    /// Its value now.
    pub from: Decimal,
    /// The measured value, within the field's range.
    pub to: Decimal,
}

/// What the measured KPIs propose for the ROI model's benefit drivers:
///
/// - conversion before and after ← the periods' lead-to-deal conversion;
/// - churn before and after ← the periods' churn, made yearly (see the module docs);
/// - sales cycle before and after ← the periods' mean cycle of pasted deals;
/// - deal size uplift ← the rise in average order value (0 if it fell);
/// - cost-per-acquisition reduction ← the fall in CAC (0 if it rose).
///
/// A pair is proposed only when both periods have a value. Values are clamped to the
/// field's range (a cycle under one day becomes one day) and rounded to 4 decimals.
/// Proposals equal to the current value are left out.
pub fn proposals(comparisons: &[Comparison], m: &Measurement, inputs: &Inputs) -> Vec<Proposal> {
    let both = |k: Kpi| {
        comparisons
            .iter()
            .find(|c| c.kpi == k)
            .and_then(|c| Some((c.baseline.ok()?, c.current.ok()?)))
    };
    let mut wanted: Vec<(Field, Decimal)> = Vec::new();
    if let Some((b, a)) = both(Kpi::Conversion) {
        wanted.extend([
            (Field::ConversionBeforePct, b),
            (Field::ConversionAfterPct, a),
        ]);
    }
    if let Some((b, a)) = both(Kpi::Churn) {
        let yearly_b = yearly_loss_pct(b, m.baseline.days());
        let yearly_a = yearly_loss_pct(a, m.current.days());
        if let (Some(b), Some(a)) = (yearly_b, yearly_a) {
            wanted.extend([(Field::ChurnBeforePct, b), (Field::ChurnAfterPct, a)]);
        }
    }
    if let Some((b, a)) = both(Kpi::SalesCycle) {
        wanted.extend([(Field::CycleDaysBefore, b), (Field::CycleDaysAfter, a)]);
    }
    // A change from a baseline of zero has no relative size: nothing is proposed.
    if let Some(Ok(change)) = both(Kpi::OrderValue).map(|(b, a)| kpi::relative_change(b, a)) {
        wanted.push((Field::DealSizeUpliftPct, change.max(Decimal::ZERO)));
    }
    if let Some(Ok(change)) = both(Kpi::Cac).map(|(b, a)| kpi::relative_change(b, a)) {
        wanted.push((Field::CpaReductionPct, change.min(Decimal::ZERO).abs()));
    }
    wanted
        .into_iter()
        .map(|(field, value)| Proposal {
            field,
            from: field.get(inputs),
            to: field.clamp(round4(value)),
        })
        .filter(|p| p.to != p.from)
        .collect()
}

/// `inputs` with every proposal applied.
pub fn apply(inputs: &Inputs, proposals: &[Proposal]) -> Inputs {
    let mut out = inputs.clone();
    for p in proposals {
        p.field.set(&mut out, p.to);
    }
    out
}

// ---------------------------------------------------------------------------------------
// Dates as ISO text

/// `Option<NaiveDate>` as `"YYYY-MM-DD"`, read with [`deals::parse_date`] (so chrono's
/// text parser stays out of the wasm bundle). Anything else reads as no date.
mod iso_date {
    use super::*;

    pub fn serialize<S: Serializer>(date: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(d) => s.serialize_str(&super::iso(*d)),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        let text: Option<String> = Option::deserialize(d)?;
        Ok(text.and_then(|t| super::parse_iso(&t)))
    }
}

/// A strict ISO date `YYYY-MM-DD` (what `<input type="date">` gives).
pub fn parse_iso(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    let shape = b.len() == 10 && b.get(4) == Some(&b'-') && b.get(7) == Some(&b'-');
    if !(shape && digits(0..4) && digits(5..7) && digits(8..10)) {
        return None;
    }
    deals::parse_date(text, DateOrder::DayFirst)
}

/// `date` as ISO `YYYY-MM-DD`.
pub fn iso(date: NaiveDate) -> String {
    format!("{:04}-{:02}-{:02}", date.year(), date.month(), date.day())
}

// ---------------------------------------------------------------------------------------
// A worked example

impl Measurement {
    /// A believable company measured in the first half of 2025 (before) and of 2026
    /// (after), with three campaigns: what a demo starts from.
    pub fn example() -> Measurement {
        fn period(
            start: (i32, u32, u32),
            end: (i32, u32, u32),
            figures: [u64; 33],
            deals: &str,
        ) -> Period {
            let date = |(y, m, d): (i32, u32, u32)| NaiveDate::from_ymd_opt(y, m, d);
            let mut values = Values::default();
            for (m, v) in Measure::ALL.iter().zip(figures) {
                m.set(&mut values, Some(Decimal::from(v)));
            }
            Period {
                start: date(start),
                end: date(end),
                values,
                deals: deals.to_string(),
            }
        }
        // In `Measure::ALL` order.
        const _: () = assert!(Measure::ALL.len() == 33);
        let before = [
            1_200, 1_240, 130, 84, 2_000, 440, 330, 180, 160, 100, 1_440_000, 1_800, 960, 2_400,
            240, 20_000, 19_000, 4_180, 570, 30_000, 75_000, 900, 12_000, 1_800, 90_000, 45_000,
            117_000, 57_600, 3_000, 72_000, 9_200, 500, 310,
        ];
        let after = [
            1_240, 1_309, 150, 61, 2_000, 520, 421, 250, 170, 100, 1_600_000, 1_900, 1_010, 2_600,
            299, 22_000, 21_340, 5_335, 854, 34_000, 95_200, 1_190, 13_000, 1_040, 95_000, 50_000,
            142_500, 10_400, 3_200, 51_200, 9_520, 600, 462,
        ];
        let campaign =
            |name: &str, [spend, clicks, leads, customers, revenue, margin]: [u64; 6]| Campaign {
                name: name.to_string(),
                spend: spend.into(),
                clicks: clicks.into(),
                leads: leads.into(),
                customers: customers.into(),
                revenue: revenue.into(),
                margin_pct: margin.into(),
            };
        Measurement {
            baseline: period(
                (2025, 1, 1),
                (2025, 6, 30),
                before,
                "2024-11-04\t2025-01-10\n2024-12-02\t2025-02-14\n2025-01-08\t2025-03-03\n\
                 2025-01-20\t2025-03-28\n2025-02-11\t2025-04-15\n2025-03-03\t2025-04-30\n\
                 2025-03-24\t2025-05-26\n2025-04-14\t2025-06-20\n",
            ),
            current: period(
                (2026, 1, 1),
                (2026, 6, 30),
                after,
                "2025-11-17\t2026-01-09\n2025-12-09\t2026-01-27\n2026-01-12\t2026-02-24\n\
                 2026-02-02\t2026-03-20\n2026-02-23\t2026-04-08\n2026-03-16\t2026-05-05\n\
                 2026-04-06\t2026-05-22\n2026-04-27\t2026-06-16\n",
            ),
            campaigns: vec![
                campaign("Email nurturing", [8_000, 12_000, 600, 60, 72_000, 40]),
                campaign("Google Ads", [30_000, 20_000, 900, 45, 90_000, 40]),
                campaign("Feria / Trade fair", [25_000, 0, 300, 30, 60_000, 50]),
            ],
            clv: ClvInputs::default(),
            date_order: Some(DateOrder::DayFirst),
        }
    }
}
