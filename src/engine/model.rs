//! The ROI model: inputs → yearly cash flows → headline figures.
//!
//! ## Conventions
//!
//! - Money is in the scenario's currency; the engine does not convert currencies.
//! - Every field whose name ends in `_pct` is a percentage as the user sees it
//!   (`10` means 10 %).
//! - Year 0 ("Initial") holds the one-time costs and is not discounted; years 1..=N hold
//!   recurring costs and benefits, each at the end of its year.
//!
//! ## Costs (each multiplied by `1 + contingency`)
//!
//! - Year 0: implementation + integration + data migration + initial training.
//! - Year t ≥ 1: seats × (licence + AI add-on) per seat per month × 12 ×
//!   (1 + escalation)^(t−1), plus maintenance, continuous training, and staff time
//!   (hours per month × loaded hourly rate × 12).
//!
//! ## Benefits (year t ≥ 1, each line switchable)
//!
//! Each line's full yearly value is scaled by the adoption of year t (year 1, year 2,
//! steady state from year 3) and by `1 − risk haircut`, the Forrester TEI practice of
//! discounting benefit estimates for uncertainty.
//!
//! - **Conversion**: leads × (conversion after − before) × deal value × gross margin.
//! - **Deal size**: the deals won at the *baseline* conversion (leads × conversion
//!   before) × deal value × uplift × margin. Using the baseline keeps this line
//!   independent of the conversion line, so switching one off never changes the other.
//! - **Retention**: each year the CRM saves customers × (churn before − churn after) ×
//!   adoption customers who would have left. A saved cohort keeps buying in later years
//!   and leaves at the new churn rate, so in year t the extra customers are
//!   Σₖ₌₁..ₜ saved(k) × (1 − churn after)^(t−k), each worth revenue per customer × margin.
//! - **Productivity**: reps × hours saved per week × working weeks × loaded hourly rate.
//! - **Service** (operational CRM): tickets × minutes saved per ticket ÷ 60 × cost per
//!   hour.
//! - **Marketing** (analytical CRM): the same customers acquired for less: marketing
//!   spend × cost-per-acquisition reduction.
//! - **Sales cycle**: sales velocity = opportunities × win rate × deal value ÷ cycle
//!   length. With the same open pipeline, shortening the cycle from C₀ to C₁ days
//!   multiplies velocity by C₀ ÷ C₁, so the extra yearly gross profit is
//!   opportunities × win rate × deal value × (C₀ ÷ C₁ − 1) × margin.
//!
//! ## Headline figures
//!
//! - NPV = Σ net(t) ÷ (1 + discount rate)^t for t = 0..=N (see [`super::finance::npv`]).
//! - ROI = (PV benefits − PV costs) ÷ PV costs, on present values.
//! - IRR, simple and discounted payback: [`super::finance`].
//! - TCO per user: nominal costs of year 0 to year 3 ÷ seats (whatever the horizon), set
//!   against Gartner's reference of US$15,000–30,000 per user over three years.

use super::finance;
use super::money::{self, pct, Checked, Num, Overflow};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::fmt;

/// What a number field measures; decides validation (whole numbers) and display.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    /// An amount in the scenario's currency.
    Money,
    /// A percentage as the user sees it (10 = 10 %).
    Percent,
    /// A whole count of people, customers, leads, tickets…
    Count,
    /// Hours.
    Hours,
    /// Minutes.
    Minutes,
    /// Days.
    Days,
    /// Weeks.
    Weeks,
    /// Whole years.
    Years,
}

impl Unit {
    /// Whether values must be whole numbers.
    pub fn is_whole(self) -> bool {
        matches!(self, Unit::Count | Unit::Years)
    }
}

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
        /// Every input of the ROI model. See the [module docs](self) for the formulas.
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
                match self { $(Field::$variant => ($min, $max),)* }
            }
        }
    };
}

const fn d(mantissa: i64, scale: u32) -> Decimal {
    Decimal::from_parts(
        (mantissa.unsigned_abs() & 0xFFFF_FFFF) as u32,
        (mantissa.unsigned_abs() >> 32) as u32,
        0,
        mantissa < 0,
        scale,
    )
}
const fn n(whole: i64) -> Decimal {
    d(whole, 0)
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
    conversion_after_pct / ConversionAfterPct: Percent, Benefits, Some(L::Conversion), [ZERO, HUNDRED], d(115, 1);
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
    /// Cheaper customer acquisition (analytical CRM).
    Marketing,
    /// More deals closed through a faster cycle.
    SalesCycle,
}

impl BenefitLine {
    /// All lines, in display order.
    pub const ALL: [BenefitLine; 7] = [
        L::Conversion,
        L::DealSize,
        L::Retention,
        L::Productivity,
        L::Service,
        L::Marketing,
        L::SalesCycle,
    ];

    /// Position in [`BenefitLine::ALL`].
    pub fn index(self) -> usize {
        self as usize
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
}

impl Default for BenefitSwitches {
    fn default() -> Self {
        Self {
            conversion: true,
            deal_size: true,
            retention: true,
            productivity: true,
            service: true,
            marketing: true,
            sales_cycle: true,
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
        };
        *slot = on;
    }
}

/// Why a field's value was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// Below the field's minimum.
    BelowMin,
    /// Above the field's maximum.
    AboveMax,
    /// A count or a number of years with a fractional part.
    NotWhole,
}

/// A refused field value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FieldError {
    /// The field.
    pub field: Field,
    /// What is wrong with its value.
    pub problem: Problem,
}

/// Checks `value` against an inclusive range and, for a unit of whole numbers
/// ([`Unit::is_whole`]), its fractional part: the rule of every number field.
pub fn check_range(
    value: Decimal,
    (min, max): (Decimal, Decimal),
    unit: Unit,
) -> Result<(), Problem> {
    if value < min {
        Err(Problem::BelowMin)
    } else if value > max {
        Err(Problem::AboveMax)
    } else if unit.is_whole() && !value.fract().is_zero() {
        Err(Problem::NotWhole)
    } else {
        Ok(())
    }
}

impl Field {
    /// Checks one value against this field's range and unit.
    pub fn check(self, value: Decimal) -> Result<(), Problem> {
        check_range(value, self.range(), self.unit())
    }

    /// `value` moved into this field's range (and rounded when it must be whole).
    pub fn clamp(self, value: Decimal) -> Decimal {
        let (min, max) = self.range();
        let value = if self.unit().is_whole() {
            value.round()
        } else {
            value
        };
        value.max(min).min(max)
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

/// Why a report could not be computed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ModelError {
    /// Some inputs are out of range.
    Invalid(Vec<FieldError>),
    /// The figures are too large to compute exactly.
    Overflow,
}

impl From<Overflow> for ModelError {
    fn from(_: Overflow) -> Self {
        ModelError::Overflow
    }
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ModelError::Invalid(errors) => write!(f, "{} input(s) out of range", errors.len()),
            ModelError::Overflow => f.write_str("figures too large to compute"),
        }
    }
}

impl std::error::Error for ModelError {}

/// The cost lines shown in the breakdown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CostLine {
    /// Implementation, integration, migration and initial training (year 0).
    OneTime,
    /// Licences, including the AI add-on.
    Licences,
    /// Maintenance and support.
    Maintenance,
    /// Continuous training.
    Training,
    /// Internal staff time.
    Staff,
    /// Contingency on all of the above.
    Contingency,
}

impl CostLine {
    /// All lines, in display order.
    pub const ALL: [CostLine; 6] = [
        CostLine::OneTime,
        CostLine::Licences,
        CostLine::Maintenance,
        CostLine::Training,
        CostLine::Staff,
        CostLine::Contingency,
    ];
}

/// One row of the year-by-year table; year 0 is the initial investment.
#[derive(Debug, Clone, PartialEq)]
pub struct YearRow {
    /// 0 for the initial investment, then 1..=N.
    pub year: usize,
    /// Costs by [`CostLine`], in [`CostLine::ALL`] order.
    pub cost_lines: [Decimal; 6],
    /// Benefits by [`BenefitLine`], in [`BenefitLine::ALL`] order, after adoption and
    /// haircut (zero for lines switched off).
    pub benefit_lines: [Decimal; 7],
    /// Total costs of the year.
    pub costs: Decimal,
    /// Total benefits of the year.
    pub benefits: Decimal,
    /// Benefits − costs.
    pub net: Decimal,
    /// Sum of `net` up to and including this year.
    pub cumulative: Decimal,
    /// `1 / (1 + discount rate)^year`.
    pub discount_factor: Decimal,
    /// `net × discount_factor`.
    pub discounted_net: Decimal,
    /// Sum of `discounted_net` up to and including this year.
    pub cumulative_discounted: Decimal,
}

/// Where a TCO per user falls against Gartner's US$15,000–30,000 over three years.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GartnerBand {
    /// Below US$15,000.
    Below,
    /// Within US$15,000–30,000.
    Within,
    /// Above US$30,000.
    Above,
}

/// Gartner's reference TCO per user over three years, in US dollars.
pub const GARTNER_BAND_USD: (Decimal, Decimal) = (n(15_000), n(30_000));

impl GartnerBand {
    /// Position of `tco_per_user` (compared as US dollars) in the band.
    pub fn of(tco_per_user: Decimal) -> Self {
        if tco_per_user < GARTNER_BAND_USD.0 {
            GartnerBand::Below
        } else if tco_per_user > GARTNER_BAND_USD.1 {
            GartnerBand::Above
        } else {
            GartnerBand::Within
        }
    }
}

/// Everything the calculator shows for one set of inputs.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// Initial (year 0) then years 1..=N.
    pub years: Vec<YearRow>,
    /// Nominal costs, all years.
    pub total_costs: Decimal,
    /// Nominal benefits, all years.
    pub total_benefits: Decimal,
    /// Nominal benefits − costs.
    pub total_net: Decimal,
    /// Present value of costs.
    pub pv_costs: Decimal,
    /// Present value of benefits.
    pub pv_benefits: Decimal,
    /// Net present value: PV benefits − PV costs.
    pub npv: Decimal,
    /// (PV benefits − PV costs) ÷ PV costs × 100; `None` when there are no costs.
    pub roi_pct: Option<Decimal>,
    /// Internal rate of return, %; `None` when it does not exist.
    pub irr_pct: Option<Decimal>,
    /// Months until cumulative nominal net turns non-negative; `None` if not in horizon.
    pub payback_months: Option<Decimal>,
    /// The same on discounted flows.
    pub discounted_payback_months: Option<Decimal>,
    /// Nominal costs of years 0–3 ÷ seats.
    pub tco_per_user_3y: Decimal,
    /// Where that TCO falls against the Gartner band.
    pub gartner: GartnerBand,
}

/// Field values in one numeric type, indexed by [`Field`]: the model's working form.
#[derive(Debug, Clone)]
pub(crate) struct Values<N>([N; Field::COUNT]);

impl<N: Num> Values<N> {
    pub(crate) fn of(inputs: &Inputs) -> Self {
        Values(std::array::from_fn(|k| N::of(Field::ALL[k].get(inputs))))
    }
    pub(crate) fn get(&self, field: Field) -> N {
        self.0[field as usize]
    }
    pub(crate) fn set(&mut self, field: Field, value: N) {
        self.0[field as usize] = value;
    }
    /// A percentage field as a fraction.
    fn pct(&self, field: Field) -> Checked<N> {
        self.get(field).over(N::int(100))
    }
}

/// Yearly costs and benefits by line, year 0 first.
struct Flows<N> {
    cost_lines: Vec<[N; 6]>,
    benefit_lines: Vec<[N; 7]>,
}

fn total<N: Num>(lines: &[N]) -> Checked<N> {
    lines.iter().try_fold(N::ZERO, |acc, &x| acc.plus(x))
}

impl<N: Num> Flows<N> {
    fn net(&self) -> Checked<Vec<N>> {
        self.cost_lines
            .iter()
            .zip(&self.benefit_lines)
            .map(|(c, b)| total(b)?.minus(total(c)?))
            .collect()
    }
}

/// Costs by [`CostLine`] for years `0..years` (year 0 = one-time costs).
fn cost_rows<N: Num>(v: &Values<N>, years: usize) -> Checked<Vec<[N; 6]>> {
    use Field as F;
    let contingency = v.pct(F::ContingencyPct)?;
    let growth = N::ONE.plus(v.pct(F::LicenceEscalationPct)?)?;
    let twelve = N::int(12);
    let licences_year1 = v
        .get(F::Seats)
        .times(
            v.get(F::LicencePerSeatMonth)
                .plus(v.get(F::AiAddonPerSeatMonth))?,
        )?
        .times(twelve)?;
    let staff = v
        .get(F::AdminHoursPerMonth)
        .times(v.get(F::AdminHourlyRate))?
        .times(twelve)?;
    let one_time = total(&[
        v.get(F::Implementation),
        v.get(F::Integration),
        v.get(F::DataMigration),
        v.get(F::InitialTraining),
    ])?;
    let mut rows = Vec::with_capacity(years);
    let mut escalation = N::ONE;
    for year in 0..years {
        let mut lines = [N::ZERO; 6];
        if year == 0 {
            lines[0] = one_time;
        } else {
            lines[1] = licences_year1.times(escalation)?;
            lines[2] = v.get(F::MaintenancePerYear);
            lines[3] = v.get(F::ContinuousTrainingPerYear);
            lines[4] = staff;
            escalation = escalation.times(growth)?;
        }
        lines[5] = total(&lines)?.times(contingency)?;
        rows.push(lines);
    }
    Ok(rows)
}

/// Full yearly value of each benefit line except retention (which depends on the year).
fn steady_benefits<N: Num>(v: &Values<N>) -> Checked<[N; 7]> {
    use Field as F;
    let margin = v.pct(F::GrossMarginPct)?;
    let deal_profit = v.get(F::AvgDealValue).times(margin)?;
    let conversion_gain = v
        .pct(F::ConversionAfterPct)?
        .minus(v.pct(F::ConversionBeforePct)?)?;
    let velocity_gain = v
        .get(F::CycleDaysBefore)
        .over(v.get(F::CycleDaysAfter))?
        .minus(N::ONE)?;
    let mut full = [N::ZERO; 7];
    full[L::Conversion.index()] = v
        .get(F::LeadsPerYear)
        .times(conversion_gain)?
        .times(deal_profit)?;
    full[L::DealSize.index()] = v
        .get(F::LeadsPerYear)
        .times(v.pct(F::ConversionBeforePct)?)?
        .times(deal_profit)?
        .times(v.pct(F::DealSizeUpliftPct)?)?;
    full[L::Productivity.index()] = v
        .get(F::SalesReps)
        .times(v.get(F::HoursSavedPerRepWeek))?
        .times(v.get(F::WorkingWeeks))?
        .times(v.get(F::RepHourlyRate))?;
    full[L::Service.index()] = v
        .get(F::TicketsPerYear)
        .times(v.get(F::HandleMinutesSaved))?
        .times(v.get(F::ServiceCostPerHour))?
        .over(N::int(60))?;
    full[L::Marketing.index()] = v.get(F::MarketingSpend).times(v.pct(F::CpaReductionPct)?)?;
    full[L::SalesCycle.index()] = v
        .get(F::OpportunitiesPerYear)
        .times(v.pct(F::WinRatePct)?)?
        .times(deal_profit)?
        .times(velocity_gain)?;
    Ok(full)
}

fn flows<N: Num>(v: &Values<N>, switches: &BenefitSwitches, horizon: usize) -> Checked<Flows<N>> {
    use Field as F;
    let full = steady_benefits(v)?;
    let keep = N::ONE.minus(v.pct(F::RiskHaircutPct)?)?;
    let survival = N::ONE.minus(v.pct(F::ChurnAfterPct)?)?;
    let saved_per_year = v
        .get(F::Customers)
        .times(v.pct(F::ChurnBeforePct)?.minus(v.pct(F::ChurnAfterPct)?)?)?;
    let customer_value = v
        .get(F::RevenuePerCustomer)
        .times(v.pct(F::GrossMarginPct)?)?;

    let mut benefit_rows = Vec::with_capacity(horizon + 1);
    benefit_rows.push([N::ZERO; 7]);
    // Extra customers still with us, summed over the cohorts saved so far.
    let mut extra_customers = N::ZERO;
    for year in 1..=horizon {
        let adopted = v.pct(match year {
            1 => F::AdoptionYear1Pct,
            2 => F::AdoptionYear2Pct,
            _ => F::AdoptionSteadyPct,
        })?;
        extra_customers = extra_customers
            .times(survival)?
            .plus(saved_per_year.times(adopted)?)?;
        let mut row = [N::ZERO; 7];
        for line in BenefitLine::ALL {
            if switches.is_on(line) {
                let gross = match line {
                    L::Retention => extra_customers.times(customer_value)?,
                    _ => full[line.index()].times(adopted)?,
                };
                row[line.index()] = gross.times(keep)?;
            }
        }
        benefit_rows.push(row);
    }
    Ok(Flows {
        cost_lines: cost_rows(v, horizon + 1)?,
        benefit_lines: benefit_rows,
    })
}

/// NPV alone, for sensitivity and break-even (values assumed valid).
pub(crate) fn npv_of<N: Num>(
    v: &Values<N>,
    switches: &BenefitSwitches,
    horizon: usize,
) -> Checked<N> {
    finance::npv(
        v.pct(Field::DiscountRatePct)?,
        &flows(v, switches, horizon)?.net()?,
    )
}

/// Computes the full report, after validating `inputs`.
pub fn evaluate(inputs: &Inputs) -> Result<Report, ModelError> {
    inputs.validate().map_err(ModelError::Invalid)?;
    let v = Values::<Decimal>::of(inputs);
    let flows = flows(&v, &inputs.lines, inputs.horizon())?;
    let factors = finance::discount_factors(pct(inputs.discount_rate_pct), flows.cost_lines.len())?;

    let mut years = Vec::with_capacity(factors.len());
    let (mut cumulative, mut cumulative_discounted) = (ZERO, ZERO);
    let (mut pv_costs, mut pv_benefits) = (ZERO, ZERO);
    for (year, ((&cost_lines, &benefit_lines), &factor)) in flows
        .cost_lines
        .iter()
        .zip(&flows.benefit_lines)
        .zip(&factors)
        .enumerate()
    {
        let costs = total(&cost_lines)?;
        let benefits = total(&benefit_lines)?;
        let net = money::sub(benefits, costs)?;
        let discounted_net = money::mul(net, factor)?;
        cumulative = money::add(cumulative, net)?;
        cumulative_discounted = money::add(cumulative_discounted, discounted_net)?;
        pv_costs = money::add(pv_costs, money::mul(costs, factor)?)?;
        pv_benefits = money::add(pv_benefits, money::mul(benefits, factor)?)?;
        years.push(YearRow {
            year,
            cost_lines,
            benefit_lines,
            costs,
            benefits,
            net,
            cumulative,
            discount_factor: factor,
            discounted_net,
            cumulative_discounted,
        });
    }

    let total_costs = money::sum(years.iter().map(|y| y.costs))?;
    let total_benefits = money::sum(years.iter().map(|y| y.benefits))?;
    let npv = money::sub(pv_benefits, pv_costs)?;
    let roi_pct = if pv_costs.is_zero() {
        None
    } else {
        Some(money::mul(money::div(npv, pv_costs)?, HUNDRED)?)
    };
    let nets: Vec<Decimal> = years.iter().map(|y| y.net).collect();
    let discounted: Vec<Decimal> = years.iter().map(|y| y.discounted_net).collect();
    let irr_pct = finance::irr(&nets).and_then(|r| r.checked_mul(HUNDRED));

    // Three-year TCO is defined over years 0–3 whatever the chosen horizon.
    let tco_3y = cost_rows(&v, 4)?
        .iter()
        .try_fold(ZERO, |acc, lines| money::add(acc, total(lines)?))?;
    let tco_per_user_3y = money::div(tco_3y, inputs.seats)?;

    Ok(Report {
        total_costs,
        total_benefits,
        total_net: money::sub(total_benefits, total_costs)?,
        pv_costs,
        pv_benefits,
        npv,
        roi_pct,
        irr_pct,
        payback_months: finance::payback_months(&nets)?,
        discounted_payback_months: finance::payback_months(&discounted)?,
        tco_per_user_3y,
        gartner: GartnerBand::of(tco_per_user_3y),
        years,
    })
}
