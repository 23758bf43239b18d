//! One-click variants of a scenario.

use crate::engine::model::{Field as F, Inputs};
use rust_decimal::Decimal;

/// The one-click variants of a scenario, for a demo that walks from cautious to bold.
///
/// The rule: every *improvement* the CRM is expected to bring (conversion after − before,
/// churn before − after, deal size uplift, hours saved per rep, minutes saved per
/// ticket, cost-per-acquisition reduction, days cut from the sales cycle) is scaled —
/// halved for conservative, kept for expected, raised by half for optimistic — and the
/// conservative variant adds 10 points of cost contingency. Values stay within range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Variant {
    /// Improvements × 0.5, contingency + 10 points.
    Conservative,
    /// The scenario as it is.
    Expected,
    /// Improvements × 1.5.
    Optimistic,
}

impl Variant {
    /// All variants, cautious first.
    pub const ALL: [Variant; 3] = [
        Variant::Conservative,
        Variant::Expected,
        Variant::Optimistic,
    ];

    /// `inputs` with this variant's rule applied.
    pub fn apply(self, inputs: &Inputs) -> Inputs {
        let k = match self {
            Variant::Conservative => Decimal::new(5, 1),
            Variant::Expected => return inputs.clone(),
            Variant::Optimistic => Decimal::new(15, 1),
        };
        let mut out = inputs.clone();
        let scaled = |v: Decimal| v.checked_mul(k).unwrap_or(v);
        // `after` moved so that its distance from `before` is scaled.
        let mut rescale_gap = |before: F, after: F| {
            let (b, a) = (before.get(inputs), after.get(inputs));
            let gap = a.checked_sub(b).map(scaled).unwrap_or_default();
            after.set(&mut out, after.clamp(b.checked_add(gap).unwrap_or(a)));
        };
        rescale_gap(F::ConversionBeforePct, F::ConversionAfterPct);
        rescale_gap(F::ChurnBeforePct, F::ChurnAfterPct);
        rescale_gap(F::CycleDaysBefore, F::CycleDaysAfter);
        for f in [
            F::DealSizeUpliftPct,
            F::HoursSavedPerRepWeek,
            F::HandleMinutesSaved,
            F::CpaReductionPct,
        ] {
            f.set(&mut out, f.clamp(scaled(f.get(inputs))));
        }
        if self == Variant::Conservative {
            let c = F::ContingencyPct;
            c.set(
                &mut out,
                c.clamp(
                    c.get(inputs)
                        .checked_add(Decimal::TEN)
                        .unwrap_or(Decimal::ONE_HUNDRED),
                ),
            );
        }
        out
    }
}
