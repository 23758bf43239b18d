//! The model's arithmetic, generic over [`Num`]: inputs → yearly costs and benefits by
//! line. [`super::evaluate`] runs it on exact `Decimal`; sensitivity and break-even run
//! it on `f64`.

use super::{BenefitLine, BenefitSwitches, Field, Inputs};
use crate::engine::finance;
use crate::engine::money::{Checked, Num};

use BenefitLine as L;

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
pub(super) struct Flows<N> {
    pub(super) cost_lines: Vec<[N; 6]>,
    pub(super) benefit_lines: Vec<[N; BenefitLine::COUNT]>,
}

pub(super) fn total<N: Num>(lines: &[N]) -> Checked<N> {
    lines.iter().try_fold(N::ZERO, |acc, &x| acc.plus(x))
}

/// Costs by [`CostLine`] for years `0..years` (year 0 = one-time costs).
pub(super) fn cost_rows<N: Num>(v: &Values<N>, years: usize) -> Checked<Vec<[N; 6]>> {
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
fn steady_benefits<N: Num>(v: &Values<N>) -> Checked<[N; BenefitLine::COUNT]> {
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
    let mut full = [N::ZERO; BenefitLine::COUNT];
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
    full[L::Lifetime.index()] = v.get(F::ClvCustomersReached).times(v.get(F::ClvUplift))?;
    let customer_margin = v.get(F::RevenuePerCustomer).times(margin)?;
    full[L::AiChurn.index()] = v
        .get(F::AiFlaggedPerYear)
        .times(v.pct(F::AiPrecisionPct)?)?
        .times(v.pct(F::AiSaveRatePct)?)?
        .times(customer_margin)?;
    full[L::AiScoring.index()] = v
        .get(F::LeadsPerYear)
        .times(v.pct(F::AiTopLeadsPct)?)?
        .times(v.pct(F::ConversionAfterPct)?)?
        .times(v.pct(F::AiScoringUpliftPct)?)?
        .times(deal_profit)?;
    full[L::AiOffers.index()] = v
        .get(F::Customers)
        .times(v.pct(F::AiOffersReachPct)?)?
        .times(v.pct(F::AiOffersUpliftPct)?)?
        .times(customer_margin)?;
    Ok(full)
}

/// How the benefits are made up over the years: each line's full yearly value after the
/// risk haircut (zero for lines switched off, and for retention, which depends on the
/// year), then for each year 1..=N its adoption and the retention line's amount.
struct Yearly<N> {
    full_kept: [N; BenefitLine::COUNT],
    years: Vec<(N, N)>,
}

fn yearly<N: Num>(v: &Values<N>, switches: &BenefitSwitches, horizon: usize) -> Checked<Yearly<N>> {
    use Field as F;
    let full = steady_benefits(v)?;
    let keep = N::ONE.minus(v.pct(F::RiskHaircutPct)?)?;
    let mut full_kept = [N::ZERO; BenefitLine::COUNT];
    for line in BenefitLine::ALL {
        if line != L::Retention && switches.is_on(line) {
            full_kept[line.index()] = full[line.index()].times(keep)?;
        }
    }
    let survival = N::ONE.minus(v.pct(F::ChurnAfterPct)?)?;
    let saved_per_year = v
        .get(F::Customers)
        .times(v.pct(F::ChurnBeforePct)?.minus(v.pct(F::ChurnAfterPct)?)?)?;
    let customer_value_kept = v
        .get(F::RevenuePerCustomer)
        .times(v.pct(F::GrossMarginPct)?)?
        .times(keep)?;
    let retention_on = switches.is_on(L::Retention);

    let mut years = Vec::with_capacity(horizon);
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
        let retention = if retention_on {
            extra_customers.times(customer_value_kept)?
        } else {
            N::ZERO
        };
        years.push((adopted, retention));
    }
    Ok(Yearly { full_kept, years })
}

/// Yearly costs and benefits by line, year 0 first: what [`super::evaluate`] shows.
pub(super) fn flows<N: Num>(
    v: &Values<N>,
    switches: &BenefitSwitches,
    horizon: usize,
) -> Checked<Flows<N>> {
    let y = yearly(v, switches, horizon)?;
    let mut benefit_rows = Vec::with_capacity(horizon + 1);
    benefit_rows.push([N::ZERO; BenefitLine::COUNT]);
    for &(adopted, retention) in &y.years {
        let mut row = [N::ZERO; BenefitLine::COUNT];
        for (amount, full) in row.iter_mut().zip(y.full_kept) {
            *amount = full.times(adopted)?;
        }
        row[L::Retention.index()] = retention;
        benefit_rows.push(row);
    }
    Ok(Flows {
        cost_lines: cost_rows(v, horizon + 1)?,
        benefit_lines: benefit_rows,
    })
}

/// Each year's total benefits and total costs, year 0 first: the yearly totals of
/// [`flows`] without the lines kept apart (values assumed valid).
fn yearly_totals<N: Num>(
    v: &Values<N>,
    switches: &BenefitSwitches,
    horizon: usize,
) -> Checked<Vec<(N, N)>> {
    let y = yearly(v, switches, horizon)?;
    let steady = total(&y.full_kept)?;
    let costs = cost_rows(v, horizon + 1)?;
    let mut totals = Vec::with_capacity(costs.len());
    for (year, cost) in costs.iter().enumerate() {
        // Year 0 has no benefits; year t ≥ 1 is `y.years[t − 1]`.
        let benefits = match year.checked_sub(1).and_then(|k| y.years.get(k)) {
            Some(&(adopted, retention)) => steady.times(adopted)?.plus(retention)?,
            None => N::ZERO,
        };
        totals.push((benefits, total(cost)?));
    }
    Ok(totals)
}

/// Benefits − costs of each year of `totals`.
fn nets<N: Num>(totals: &[(N, N)]) -> Checked<Vec<N>> {
    totals.iter().map(|&(b, c)| b.minus(c)).collect()
}

/// NPV alone, for sensitivity and break-even (values assumed valid): the same yearly
/// totals as [`flows`] without the lines kept apart, since the tornado and the
/// break-even solver run it dozens of times per change.
pub(crate) fn npv_of<N: Num>(
    v: &Values<N>,
    switches: &BenefitSwitches,
    horizon: usize,
) -> Checked<N> {
    let nets = nets(&yearly_totals(v, switches, horizon)?)?;
    finance::npv(v.pct(Field::DiscountRatePct)?, &nets)
}

/// The headline figures of one run that a risk trial keeps (see [`outcome_of`]).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Outcome<N> {
    /// NPV, as [`npv_of`] gives it.
    pub(crate) npv: N,
    /// Present value of the costs.
    pub(crate) pv_costs: N,
    /// Present value of the benefits.
    pub(crate) pv_benefits: N,
    /// Months to pay back on nominal flows ([`finance::payback_months`]); `None` if
    /// not within the horizon.
    pub(crate) payback_months: Option<N>,
}

/// NPV, present values and nominal payback from one run (values assumed valid), for the
/// Monte Carlo trials: the yearly totals of [`npv_of`], discounted once more by line
/// side for the ROI, as [`super::evaluate`] takes it on present values.
pub(crate) fn outcome_of<N: Num>(
    v: &Values<N>,
    switches: &BenefitSwitches,
    horizon: usize,
) -> Checked<Outcome<N>> {
    let totals = yearly_totals(v, switches, horizon)?;
    let nets = nets(&totals)?;
    let rate = v.pct(Field::DiscountRatePct)?;
    let factors = finance::discount_factors(rate, totals.len())?;
    let (mut pv_costs, mut pv_benefits) = (N::ZERO, N::ZERO);
    for (&(benefits, costs), &factor) in totals.iter().zip(&factors) {
        pv_benefits = pv_benefits.plus(benefits.times(factor)?)?;
        pv_costs = pv_costs.plus(costs.times(factor)?)?;
    }
    Ok(Outcome {
        npv: finance::npv(rate, &nets)?,
        pv_costs,
        pv_benefits,
        payback_months: finance::payback_months(&nets)?,
    })
}
