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
//! - **Cheaper acquisition** (analytical CRM, key `marketing`): the same customers
//!   acquired for less: marketing spend × cost-per-acquisition reduction.
//! - **Sales cycle**: sales velocity = opportunities × win rate × deal value ÷ cycle
//!   length. With the same open pipeline, shortening the cycle from C₀ to C₁ days
//!   multiplies velocity by C₀ ÷ C₁, so the extra yearly gross profit is
//!   opportunities × win rate × deal value × (C₀ ÷ C₁ − 1) × margin.
//! - **Lifetime value** (analytical CRM, article 003: the analytical CRM raises customer
//!   lifetime value through marketing): customers reached per year × CLV uplift per
//!   customer. The uplift is already a margin (discounted, before acquisition cost), so
//!   no margin applies; each year's customers are counted in the year they are reached.
//!   Off by default: a CLV rise that comes from lower churn is the retention line.
//!
//! The AI lines (article 000: the AI predicts who is about to leave, finds the most
//! promising prospects, personalises offers and prices), paid for by the AI add-on in
//! the costs:
//!
//! - **AI churn prediction**: customers flagged at risk per year × the model's
//!   precision × the share the team saves × revenue per customer × margin. One year of
//!   margin per customer kept (no cohort carried on), on top of the churn with CRM of
//!   the retention line.
//! - **AI lead scoring**: leads × the share ranked first × conversion with CRM ×
//!   relative conversion uplift on them × deal value × margin.
//! - **AI personalised offers**: customers × the share reached × revenue per customer ×
//!   revenue uplift × margin.
//!
//! ## Headline figures
//!
//! - NPV = Σ net(t) ÷ (1 + discount rate)^t for t = 0..=N (see [`super::finance::npv`]).
//! - ROI = (PV benefits − PV costs) ÷ PV costs, on present values.
//! - IRR (every one of them when the net flows change sign more than once), MIRR
//!   financing and reinvesting at the discount rate ([`super::irr`]), simple and
//!   discounted payback ([`super::finance`]).
//! - TCO per user: nominal costs of year 0 to year 3 ÷ seats (whatever the horizon), set
//!   against Gartner's reference of US$15,000–30,000 per user over three years.

mod flows;
mod inputs;

pub(crate) use flows::{npv_of, outcome_of, Values};
pub use inputs::{BenefitLine, BenefitSwitches, Field, FieldError, Group, Inputs};

use super::money::{self, pct, Overflow};
use super::{finance, irr};
use crate::units::dec;
use flows::{cost_rows, flows, total};
use rust_decimal::Decimal;

const ZERO: Decimal = Decimal::ZERO;
const HUNDRED: Decimal = Decimal::ONE_HUNDRED;

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

    /// Stable identifier (stored actual costs are keyed by it).
    pub fn key(self) -> &'static str {
        match self {
            CostLine::OneTime => "one_time",
            CostLine::Licences => "licences",
            CostLine::Maintenance => "maintenance",
            CostLine::Training => "training",
            CostLine::Staff => "staff",
            CostLine::Contingency => "contingency",
        }
    }

    /// The line whose [`CostLine::key`] is `key`.
    pub fn from_key(key: &str) -> Option<CostLine> {
        CostLine::ALL.into_iter().find(|line| line.key() == key)
    }

    /// Its position in [`CostLine::ALL`] (and in [`YearRow::cost_lines`]).
    pub fn index(self) -> usize {
        self as usize
    }
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
    pub benefit_lines: [Decimal; BenefitLine::COUNT],
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
pub const GARTNER_BAND_USD: (Decimal, Decimal) = (dec(15_000, 0), dec(30_000, 0));

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
    /// Months until cumulative nominal net turns non-negative; `None` if not in horizon.
    pub payback_months: Option<Decimal>,
    /// The same on discounted flows.
    pub discounted_payback_months: Option<Decimal>,
    /// Nominal costs of years 0–3, whatever the horizon.
    pub tco_3y: Decimal,
    /// Seats the TCO is shared by.
    pub seats: Decimal,
    /// `tco_3y ÷ seats`.
    pub tco_per_user_3y: Decimal,
    /// Where that TCO falls against the Gartner band.
    pub gartner: GartnerBand,
    /// The discount rate the present values use, %.
    pub discount_rate_pct: Decimal,
}

/// How a payback in months is made up: `12 × (full_years + owed ÷ flow)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PaybackParts {
    /// Whole years before the year in which the cumulative net flow turns non-negative.
    pub full_years: usize,
    /// What the cumulative net flow still owed at the start of that year.
    pub owed: Decimal,
    /// That year's net flow.
    pub flow: Decimal,
}

impl Report {
    /// The parts of [`Report::payback_months`] (nominal flows), for showing the math:
    /// `None` when there is no payback within the horizon, or when it is immediate (the
    /// cumulative flow is never negative).
    pub fn payback_parts(&self) -> Option<PaybackParts> {
        let months = self.payback_months?;
        if months.is_zero() {
            return None;
        }
        // The first year after a negative cumulative flow whose cumulative is not negative
        // (as `finance::payback_months` counts).
        let turn = self
            .years
            .windows(2)
            .position(|pair| pair[0].cumulative < ZERO && pair[1].cumulative >= ZERO)?
            + 1;
        let before = self.years.get(turn - 1)?;
        Some(PaybackParts {
            full_years: turn - 1,
            owed: -before.cumulative,
            flow: self.years.get(turn)?.net,
        })
    }
}

/// The rates of return of a report's net flows (see [`Report::returns`]).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Returns {
    /// Internal rate of return, %, when exactly one rate nets the flows to zero
    /// ([`irr::irr`]); `None` when none does or several do.
    pub irr_pct: Option<Decimal>,
    /// Every internal rate of return, %, ascending ([`irr::irrs`]): more than one
    /// when the net flows change sign more than once.
    pub irrs_pct: Vec<Decimal>,
    /// Modified internal rate of return, %, financing and reinvesting at the discount
    /// rate, as a spreadsheet's `MIRR(flows; rate; rate)` ([`irr::mirr`]); `None`
    /// without both an outflow and an inflow.
    pub mirr_pct: Option<Decimal>,
}

/// One line's amounts over the horizon: nominal total and present value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LineTotals {
    /// Sum of the line's yearly amounts.
    pub total: Decimal,
    /// Sum of the yearly amounts × that year's discount factor.
    pub present_value: Decimal,
}

impl Report {
    /// IRR, every IRR and MIRR of the net flows. Apart from [`evaluate`] so that what
    /// never shows them (the visitor's calculator, the tornado's reruns) never pays for
    /// the root search.
    pub fn returns(&self) -> Returns {
        let nets: Vec<Decimal> = self.years.iter().map(|y| y.net).collect();
        let as_pct = |r: Decimal| r.checked_mul(HUNDRED);
        let irrs_pct: Vec<Decimal> = irr::irrs(&nets).into_iter().filter_map(as_pct).collect();
        let rate = pct(self.discount_rate_pct);
        Returns {
            irr_pct: match irrs_pct.as_slice() {
                [only] => Some(*only),
                _ => None,
            },
            irrs_pct,
            mirr_pct: irr::mirr(&nets, rate, rate).and_then(as_pct),
        }
    }

    /// Totals of each cost line, in [`CostLine::ALL`] order. Their sums are
    /// [`Report::total_costs`] and [`Report::pv_costs`].
    pub fn cost_line_totals(&self) -> Result<[LineTotals; 6], Overflow> {
        self.line_totals(|y| y.cost_lines)
    }

    /// Totals of each benefit line, in [`BenefitLine::ALL`] order (zero for lines
    /// switched off). Their sums are [`Report::total_benefits`] and
    /// [`Report::pv_benefits`].
    pub fn benefit_line_totals(&self) -> Result<[LineTotals; BenefitLine::COUNT], Overflow> {
        self.line_totals(|y| y.benefit_lines)
    }

    fn line_totals<const N: usize>(
        &self,
        lines: fn(&YearRow) -> [Decimal; N],
    ) -> Result<[LineTotals; N], Overflow> {
        let mut totals = [LineTotals::default(); N];
        for year in &self.years {
            for (t, amount) in totals.iter_mut().zip(lines(year)) {
                t.total = money::add(t.total, amount)?;
                t.present_value =
                    money::add(t.present_value, money::mul(amount, year.discount_factor)?)?;
            }
        }
        Ok(totals)
    }
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
        payback_months: finance::payback_months(&nets)?,
        discounted_payback_months: finance::payback_months(&discounted)?,
        tco_3y,
        seats: inputs.seats,
        tco_per_user_3y,
        gartner: GartnerBand::of(tco_per_user_3y),
        discount_rate_pct: inputs.discount_rate_pct,
        years,
    })
}
