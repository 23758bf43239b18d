//! The model's inputs, each declared once: its field, unit, group, benefit line, valid
//! range and default (see [`Inputs`]), and the benefit lines with their switches.

use crate::units::{dec, Problem, Rule, Unit};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The input groups, in the order a buyer thinks about them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Group {
    /// Company and team size.
    Company,
    /// What the CRM costs.
    Costs,
    /// The drivers of each benefit line.
    Benefits,
    /// Horizon, discounting, adoption and risk.
    Assumptions,
}

/// Declares every numeric input once: the `Inputs` field, its `Field` variant, unit,
/// group, benefit line, valid range and default.
macro_rules! inputs {
    ($(
        $(#[doc = $doc:expr])*
        $name:ident / $variant:ident : $unit:ident, $group:ident, $line:expr,
            [$min:expr, $max:expr], $default:expr;
    )*) => {
        /// Every input of the ROI model. See the [model docs](super) for the formulas.
        #[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
        #[serde(default)]
        pub struct Inputs {
            $( $(#[doc = $doc])* pub $name: Decimal, )*
            /// Which benefit lines count.
            pub lines: BenefitSwitches,
        }

        impl Default for Inputs {
            /// A believable mid-size company, so a first visit shows a full result.
            fn default() -> Self {
                Self { $( $name: $default, )* lines: BenefitSwitches::default() }
            }
        }

        /// A numeric input of the model, for generic editing, validation, sensitivity and
        /// break-even.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        #[serde(rename_all = "snake_case")]
        pub enum Field { $( $(#[doc = $doc])* $variant, )* }

        impl Field {
            /// All fields, in display order (and in declaration order, which
            /// `Field as usize` relies on).
            pub const ALL: &'static [Field] = &[$(Field::$variant),*];

            /// How many fields there are.
            pub const COUNT: usize = Field::ALL.len();

            /// The field's value in `inputs`.
            pub fn get(self, inputs: &Inputs) -> Decimal {
                match self { $(Field::$variant => inputs.$name,)* }
            }

            /// Sets the field's value in `inputs` (unvalidated: see [`Inputs::validate`]).
            pub fn set(self, inputs: &mut Inputs, value: Decimal) {
                match self { $(Field::$variant => inputs.$name = value,)* }
            }

            /// Stable identifier (the serialized field name).
            pub fn key(self) -> &'static str {
                match self { $(Field::$variant => stringify!($name),)* }
            }

            /// What the field measures.
            pub fn unit(self) -> Unit {
                match self { $(Field::$variant => Unit::$unit,)* }
            }

            /// Where the field is shown.
            pub fn group(self) -> Group {
                match self { $(Field::$variant => Group::$group,)* }
            }

            /// The benefit line this field drives, if any.
            pub fn line(self) -> Option<BenefitLine> {
                match self { $(Field::$variant => $line,)* }
            }

            /// Inclusive valid range.
            pub fn range(self) -> (Decimal, Decimal) {
                // A table rather than a match: data, not code, in the wasm doors.
                const RANGES: [(Decimal, Decimal); Field::COUNT] = [$(($min, $max)),*];
                RANGES[self as usize]
            }
        }
    };
}

const fn n(whole: i64) -> Decimal {
    dec(whole, 0)
}
const ZERO: Decimal = Decimal::ZERO;
const HUNDRED: Decimal = Decimal::ONE_HUNDRED;
const MONEY_MAX: Decimal = n(1_000_000_000_000);
const COUNT_MAX: Decimal = n(100_000_000);

use BenefitLine as L;

inputs! {
    /// Users who get a CRM licence.
    seats / Seats: Count, Company, None, [Decimal::ONE, n(1_000_000)], n(40);
    /// Sales reps whose time the CRM frees.
    sales_reps / SalesReps: Count, Company, Some(L::Productivity), [ZERO, n(1_000_000)], n(15);
    /// Active customers at the start of a year.
    customers / Customers: Count, Company, Some(L::Retention), [ZERO, COUNT_MAX], n(1_500);
    /// New leads per year.
    leads_per_year / LeadsPerYear: Count, Company, None, [ZERO, COUNT_MAX], n(5_000);
    /// Average value of a won deal.
    avg_deal_value / AvgDealValue: Money, Company, None, [ZERO, MONEY_MAX], n(3_000);
    /// Gross margin on sales, %.
    gross_margin_pct / GrossMarginPct: Percent, Company, None, [ZERO, HUNDRED], n(40);
    /// Yearly revenue from one customer.
    revenue_per_customer / RevenuePerCustomer: Money, Company, Some(L::Retention), [ZERO, MONEY_MAX], n(2_400);

    /// Licence price per seat per month.
    licence_per_seat_month / LicencePerSeatMonth: Money, Costs, None, [ZERO, n(1_000_000)], n(65);
    /// Yearly rise in licence and add-on prices, %.
    licence_escalation_pct / LicenceEscalationPct: Percent, Costs, None, [ZERO, n(50)], n(3);
    /// AI add-on price per seat per month.
    ai_addon_per_seat_month / AiAddonPerSeatMonth: Money, Costs, None, [ZERO, n(1_000_000)], n(20);
    /// Implementation and configuration (one-time).
    implementation / Implementation: Money, Costs, None, [ZERO, MONEY_MAX], n(45_000);
    /// Integration with other systems (one-time).
    integration / Integration: Money, Costs, None, [ZERO, MONEY_MAX], n(20_000);
    /// Data migration (one-time).
    data_migration / DataMigration: Money, Costs, None, [ZERO, MONEY_MAX], n(12_000);
    /// Initial training (one-time).
    initial_training / InitialTraining: Money, Costs, None, [ZERO, MONEY_MAX], n(15_000);
    /// Maintenance and support per year.
    maintenance_per_year / MaintenancePerYear: Money, Costs, None, [ZERO, MONEY_MAX], n(10_000);
    /// Continuous training, including AI training, per year.
    continuous_training_per_year / ContinuousTrainingPerYear: Money, Costs, None, [ZERO, MONEY_MAX], n(6_000);
    /// Internal staff hours per month spent running the CRM.
    admin_hours_per_month / AdminHoursPerMonth: Hours, Costs, None, [ZERO, n(100_000)], n(60);
    /// Loaded hourly cost of that staff.
    admin_hourly_rate / AdminHourlyRate: Money, Costs, None, [ZERO, n(100_000)], n(45);
    /// Contingency added to every cost, %.
    contingency_pct / ContingencyPct: Percent, Costs, None, [ZERO, HUNDRED], n(10);

    /// Lead-to-customer conversion before the CRM, %.
    conversion_before_pct / ConversionBeforePct: Percent, Benefits, Some(L::Conversion), [ZERO, HUNDRED], n(10);
    /// Lead-to-customer conversion with the CRM, %.
    conversion_after_pct / ConversionAfterPct: Percent, Benefits, Some(L::Conversion), [ZERO, HUNDRED], dec(115, 1);
    /// Rise in average deal value, %.
    deal_size_uplift_pct / DealSizeUpliftPct: Percent, Benefits, Some(L::DealSize), [ZERO, n(1_000)], n(4);
    /// Yearly churn before the CRM, %.
    churn_before_pct / ChurnBeforePct: Percent, Benefits, Some(L::Retention), [ZERO, HUNDRED], n(15);
    /// Yearly churn with the CRM, %.
    churn_after_pct / ChurnAfterPct: Percent, Benefits, Some(L::Retention), [ZERO, HUNDRED], n(13);
    /// Hours each rep saves per week through automation.
    hours_saved_per_rep_week / HoursSavedPerRepWeek: Hours, Benefits, Some(L::Productivity), [ZERO, n(80)], n(2);
    /// Working weeks per year.
    working_weeks / WorkingWeeks: Weeks, Benefits, Some(L::Productivity), [ZERO, n(52)], n(46);
    /// Loaded hourly cost of a rep.
    rep_hourly_rate / RepHourlyRate: Money, Benefits, Some(L::Productivity), [ZERO, n(100_000)], n(35);
    /// Support tickets or calls per year.
    tickets_per_year / TicketsPerYear: Count, Benefits, Some(L::Service), [ZERO, COUNT_MAX], n(10_000);
    /// Handling minutes saved per ticket.
    handle_minutes_saved / HandleMinutesSaved: Minutes, Benefits, Some(L::Service), [ZERO, n(1_440)], n(4);
    /// Loaded cost of one hour of service work.
    service_cost_per_hour / ServiceCostPerHour: Money, Benefits, Some(L::Service), [ZERO, n(100_000)], n(28);
    /// Marketing spend per year.
    marketing_spend / MarketingSpend: Money, Benefits, Some(L::Marketing), [ZERO, MONEY_MAX], n(120_000);
    /// Reduction in cost per acquisition, %.
    cpa_reduction_pct / CpaReductionPct: Percent, Benefits, Some(L::Marketing), [ZERO, HUNDRED], n(8);
    /// Sales opportunities per year.
    opportunities_per_year / OpportunitiesPerYear: Count, Benefits, Some(L::SalesCycle), [ZERO, COUNT_MAX], n(800);
    /// Share of opportunities won, %.
    win_rate_pct / WinRatePct: Percent, Benefits, Some(L::SalesCycle), [ZERO, HUNDRED], n(25);
    /// Sales cycle before the CRM, days.
    cycle_days_before / CycleDaysBefore: Days, Benefits, Some(L::SalesCycle), [Decimal::ONE, n(3_650)], n(60);
    /// Sales cycle with the CRM, days.
    cycle_days_after / CycleDaysAfter: Days, Benefits, Some(L::SalesCycle), [Decimal::ONE, n(3_650)], n(55);

    /// Years analysed after the initial investment (1–10).
    horizon_years / HorizonYears: Years, Assumptions, None, [Decimal::ONE, n(10)], n(3);
    /// Yearly discount rate, %.
    discount_rate_pct / DiscountRatePct: Percent, Assumptions, None, [ZERO, HUNDRED], n(10);
    /// Share of the full benefit reached in year 1, %.
    adoption_year1_pct / AdoptionYear1Pct: Percent, Assumptions, None, [ZERO, HUNDRED], n(60);
    /// Share of the full benefit reached in year 2, %.
    adoption_year2_pct / AdoptionYear2Pct: Percent, Assumptions, None, [ZERO, HUNDRED], n(85);
    /// Share of the full benefit reached from year 3 on, %.
    adoption_steady_pct / AdoptionSteadyPct: Percent, Assumptions, None, [ZERO, HUNDRED], n(100);
    /// Haircut on every benefit for estimation risk, %.
    risk_haircut_pct / RiskHaircutPct: Percent, Assumptions, None, [ZERO, HUNDRED], n(10);

    // Schema 3 appended these (links are positional: new fields only ever go last).
    /// Customers reached each year by the analytical CRM's segmented marketing.
    clv_customers_reached / ClvCustomersReached: Count, Benefits, Some(L::Lifetime), [ZERO, COUNT_MAX], n(200);
    /// Rise in the lifetime value of each customer reached (margin over their lifetime,
    /// discounted, before acquisition cost).
    clv_uplift / ClvUplift: Money, Benefits, Some(L::Lifetime), [ZERO, MONEY_MAX], n(60);
    /// Customers the AI model flags as at risk of leaving, per year.
    ai_flagged_per_year / AiFlaggedPerYear: Count, Benefits, Some(L::AiChurn), [ZERO, COUNT_MAX], n(150);
    /// The model's precision: share of flagged customers who really were about to
    /// leave, %.
    ai_precision_pct / AiPrecisionPct: Percent, Benefits, Some(L::AiChurn), [ZERO, HUNDRED], n(60);
    /// Share of the truly at-risk customers the team keeps by acting on the flag, %.
    ai_save_rate_pct / AiSaveRatePct: Percent, Benefits, Some(L::AiChurn), [ZERO, HUNDRED], n(15);
    /// Share of the year's leads the scoring model ranks first, %.
    ai_top_leads_pct / AiTopLeadsPct: Percent, Benefits, Some(L::AiScoring), [ZERO, HUNDRED], n(20);
    /// Relative rise in conversion on those leads, %.
    ai_scoring_uplift_pct / AiScoringUpliftPct: Percent, Benefits, Some(L::AiScoring), [ZERO, n(1_000)], n(5);
    /// Share of customers reached with personalised offers and prices, %.
    ai_offers_reach_pct / AiOffersReachPct: Percent, Benefits, Some(L::AiOffers), [ZERO, HUNDRED], n(30);
    /// Rise in the yearly revenue of those customers, %.
    ai_offers_uplift_pct / AiOffersUpliftPct: Percent, Benefits, Some(L::AiOffers), [ZERO, n(1_000)], n(2);
}

/// The benefit lines, each with its own drivers and an on/off switch.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BenefitLine {
    /// More sales from a higher conversion rate.
    Conversion,
    /// Larger deals.
    DealSize,
    /// Customers kept by lower churn.
    Retention,
    /// Sales time freed by automation.
    Productivity,
    /// Lower service and call-centre cost (operational CRM).
    Service,
    /// Cheaper customer acquisition: the same customers won for less (analytical CRM).
    Marketing,
    /// More deals closed through a faster cycle.
    SalesCycle,
    /// Higher customer lifetime value through segmented marketing (analytical CRM).
    Lifetime,
    /// Customers kept because the AI flagged them as at risk in time.
    AiChurn,
    /// More deals from working the AI's best-scored leads first.
    AiScoring,
    /// More revenue from AI-personalised offers and prices.
    AiOffers,
}

impl BenefitLine {
    /// All lines, in display and link order (schema 3 appended the last four).
    pub const ALL: [BenefitLine; 11] = [
        L::Conversion,
        L::DealSize,
        L::Retention,
        L::Productivity,
        L::Service,
        L::Marketing,
        L::SalesCycle,
        L::Lifetime,
        L::AiChurn,
        L::AiScoring,
        L::AiOffers,
    ];

    /// How many lines there are.
    pub const COUNT: usize = BenefitLine::ALL.len();

    /// Position in [`BenefitLine::ALL`].
    pub fn index(self) -> usize {
        self as usize
    }

    /// Every input the line's formula reads, in the order the formula names them (see
    /// the [model docs](super)), shared drivers included; adoption and the risk haircut,
    /// which scale every line, left out.
    pub fn drivers(self) -> &'static [Field] {
        use Field as F;
        match self {
            L::Conversion => &[
                F::LeadsPerYear,
                F::ConversionAfterPct,
                F::ConversionBeforePct,
                F::AvgDealValue,
                F::GrossMarginPct,
            ],
            L::DealSize => &[
                F::LeadsPerYear,
                F::ConversionBeforePct,
                F::AvgDealValue,
                F::DealSizeUpliftPct,
                F::GrossMarginPct,
            ],
            L::Retention => &[
                F::Customers,
                F::ChurnBeforePct,
                F::ChurnAfterPct,
                F::RevenuePerCustomer,
                F::GrossMarginPct,
            ],
            L::Productivity => &[
                F::SalesReps,
                F::HoursSavedPerRepWeek,
                F::WorkingWeeks,
                F::RepHourlyRate,
            ],
            L::Service => &[
                F::TicketsPerYear,
                F::HandleMinutesSaved,
                F::ServiceCostPerHour,
            ],
            L::Marketing => &[F::MarketingSpend, F::CpaReductionPct],
            L::SalesCycle => &[
                F::OpportunitiesPerYear,
                F::WinRatePct,
                F::AvgDealValue,
                F::CycleDaysBefore,
                F::CycleDaysAfter,
                F::GrossMarginPct,
            ],
            L::Lifetime => &[F::ClvCustomersReached, F::ClvUplift],
            L::AiChurn => &[
                F::AiFlaggedPerYear,
                F::AiPrecisionPct,
                F::AiSaveRatePct,
                F::RevenuePerCustomer,
                F::GrossMarginPct,
            ],
            L::AiScoring => &[
                F::LeadsPerYear,
                F::AiTopLeadsPct,
                F::ConversionAfterPct,
                F::AiScoringUpliftPct,
                F::AvgDealValue,
                F::GrossMarginPct,
            ],
            L::AiOffers => &[
                F::Customers,
                F::AiOffersReachPct,
                F::RevenuePerCustomer,
                F::AiOffersUpliftPct,
                F::GrossMarginPct,
            ],
        }
    }
}

/// Which benefit lines are switched on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BenefitSwitches {
    /// See [`BenefitLine::Conversion`].
    pub conversion: bool,
    /// See [`BenefitLine::DealSize`].
    pub deal_size: bool,
    /// See [`BenefitLine::Retention`].
    pub retention: bool,
    /// See [`BenefitLine::Productivity`].
    pub productivity: bool,
    /// See [`BenefitLine::Service`].
    pub service: bool,
    /// See [`BenefitLine::Marketing`].
    pub marketing: bool,
    /// See [`BenefitLine::SalesCycle`].
    pub sales_cycle: bool,
    /// See [`BenefitLine::Lifetime`].
    pub lifetime: bool,
    /// See [`BenefitLine::AiChurn`].
    pub ai_churn: bool,
    /// See [`BenefitLine::AiScoring`].
    pub ai_scoring: bool,
    /// See [`BenefitLine::AiOffers`].
    pub ai_offers: bool,
}

impl Default for BenefitSwitches {
    /// Every line on but the lifetime-value line, which starts off because a CLV rise
    /// that comes from lower churn is already the retention line: switch it on for the
    /// rise that marketing brings (or feed it from the CLV calculator).
    fn default() -> Self {
        Self {
            conversion: true,
            deal_size: true,
            retention: true,
            productivity: true,
            service: true,
            marketing: true,
            sales_cycle: true,
            lifetime: false,
            ai_churn: true,
            ai_scoring: true,
            ai_offers: true,
        }
    }
}

impl BenefitSwitches {
    /// Whether `line` counts.
    pub fn is_on(&self, line: BenefitLine) -> bool {
        match line {
            L::Conversion => self.conversion,
            L::DealSize => self.deal_size,
            L::Retention => self.retention,
            L::Productivity => self.productivity,
            L::Service => self.service,
            L::Marketing => self.marketing,
            L::SalesCycle => self.sales_cycle,
            L::Lifetime => self.lifetime,
            L::AiChurn => self.ai_churn,
            L::AiScoring => self.ai_scoring,
            L::AiOffers => self.ai_offers,
        }
    }

    /// Switches `line` on or off.
    pub fn set(&mut self, line: BenefitLine, on: bool) {
        let slot = match line {
            L::Conversion => &mut self.conversion,
            L::DealSize => &mut self.deal_size,
            L::Retention => &mut self.retention,
            L::Productivity => &mut self.productivity,
            L::Service => &mut self.service,
            L::Marketing => &mut self.marketing,
            L::SalesCycle => &mut self.sales_cycle,
            L::Lifetime => &mut self.lifetime,
            L::AiChurn => &mut self.ai_churn,
            L::AiScoring => &mut self.ai_scoring,
            L::AiOffers => &mut self.ai_offers,
        };
        *slot = on;
    }
}

/// A refused field value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldError {
    /// The field.
    pub field: Field,
    /// What is wrong with its value.
    pub problem: Problem,
}

impl Field {
    /// The field's rule: its range and unit.
    pub fn rule(self) -> Rule {
        let (min, max) = self.range();
        Rule::new(min, max, self.unit())
    }

    /// Checks one value against this field's [`Rule`].
    pub fn check(self, value: Decimal) -> Result<(), Problem> {
        self.rule().check(value)
    }

    /// `value` moved into this field's range (and rounded when it must be whole).
    pub fn clamp(self, value: Decimal) -> Decimal {
        self.rule().clamp(value)
    }
}

impl Inputs {
    /// Every field outside its range, or fractional where it must be whole.
    pub fn validate(&self) -> Result<(), Vec<FieldError>> {
        let errors: Vec<FieldError> = Field::ALL
            .iter()
            .filter_map(|&field| {
                field
                    .check(field.get(self))
                    .err()
                    .map(|problem| FieldError { field, problem })
            })
            .collect();
        if errors.is_empty() {
            Ok(())
        } else {
            Err(errors)
        }
    }

    /// The horizon as a number of years (1–10 once validated).
    pub fn horizon(&self) -> usize {
        self.horizon_years.trunc().mantissa().clamp(1, 10) as usize
    }
}
