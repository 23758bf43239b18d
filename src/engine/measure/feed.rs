//! What the measured KPIs propose for the ROI model's benefit drivers, and applying it.

use super::kpis::{find, round4, yearly_loss_pct, Comparison, Kpi};
use super::{ClvInputs, Measurement, Period};
use crate::engine::kpi;
use crate::engine::model::{BenefitLine, Field, Inputs};
use rust_decimal::Decimal;

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
/// - cost-per-acquisition reduction ← the fall in CAC (0 if it rose);
/// - the AI model's precision ← the current period's measured AI accuracy (correct
///   predictions ÷ predictions checked, article 000: "measure the precision of these
///   predictions"), the one driver taken from one period: it is the model as it is now;
/// - the lifetime value uplift ← the CLV calculator's rise in lifetime value from the
///   baseline to the current period ([`ClvInputs::measured_uplift`](super::ClvInputs::measured_uplift)).
///
/// A pair is proposed only when both periods have a value. Values are clamped to the
/// field's range (a cycle under one day becomes one day) and rounded to 4 decimals.
/// Proposals equal to the current value are left out.
pub fn proposals(comparisons: &[Comparison], m: &Measurement, inputs: &Inputs) -> Vec<Proposal> {
    proposals_between(comparisons, (m.baseline(), m.current()), &m.clv, inputs)
}

/// [`proposals`] from the comparison of any two periods (`before`, `after`), as
/// [`compare_periods`](super::compare_periods) gives it, with the CLV calculator `clv`.
pub fn proposals_between(
    comparisons: &[Comparison],
    (before, after): (&Period, &Period),
    clv: &ClvInputs,
    inputs: &Inputs,
) -> Vec<Proposal> {
    let both =
        |k: Kpi| find(comparisons, k).and_then(|c| Some((c.baseline.ok()?, c.current.ok()?)));
    let mut wanted: Vec<(Field, Decimal)> = Vec::new();
    if let Some((b, a)) = both(Kpi::Conversion) {
        wanted.extend([
            (Field::ConversionBeforePct, b),
            (Field::ConversionAfterPct, a),
        ]);
    }
    if let Some((b, a)) = both(Kpi::Churn) {
        let yearly_b = yearly_loss_pct(b, before.days());
        let yearly_a = yearly_loss_pct(a, after.days());
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
    if let Some(accuracy) = find(comparisons, Kpi::AiAccuracy).and_then(|c| c.current.ok()) {
        wanted.push((Field::AiPrecisionPct, accuracy));
    }
    if let Some(uplift) = clv.uplift_between(before, after, comparisons) {
        wanted.push((Field::ClvUplift, uplift));
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

/// `inputs` with every proposal applied. A lifetime value uplift fed from the
/// measurements also switches its line on (it starts off): feeding it means counting it.
pub fn apply(inputs: &Inputs, proposals: &[Proposal]) -> Inputs {
    let mut out = inputs.clone();
    for p in proposals {
        p.field.set(&mut out, p.to);
        if p.field == Field::ClvUplift {
            out.lines.set(BenefitLine::Lifetime, true);
        }
    }
    out
}
