//! The raw figures entered for each period ([`Measure`], [`Values`]) and the groups
//! they and the KPIs are shown in ([`KpiGroup`]).

use crate::units::{Rule, Unit, MEASURE_MAX};
use rust_decimal::Decimal;
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

        impl Values {
            /// Nothing measured (the default), as a constant.
            pub const EMPTY: Values = Values { $($name: None,)* };
        }

        impl Measure {
            /// All measures, grouped, in display order.
            pub const ALL: &'static [Measure] = &[$(Measure::$variant),*];

            /// The measure's value in `values`.
            pub fn get(self, values: &Values) -> Option<Decimal> {
                match self { $(Measure::$variant => values.$name,)* }
            }

            /// Sets the measure's value (unvalidated: see [`Measure::rule`]).
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
    /// What a figure may be: zero to [`MEASURE_MAX`], whole for counts.
    pub fn rule(self) -> Rule {
        Rule::new(Decimal::ZERO, MEASURE_MAX, self.unit())
    }
}
