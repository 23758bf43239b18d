//! What differs between scenarios compared side by side.

use super::Scenario;
use crate::engine::model::{BenefitLine, Field};

/// The inputs in which any scenario of a list differs from the first.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Differences {
    /// Whether any currency differs.
    pub currency: bool,
    /// Numeric inputs that differ, in [`Field::ALL`] order.
    pub fields: Vec<Field>,
    /// Benefit lines switched differently, in [`BenefitLine::ALL`] order.
    pub lines: Vec<BenefitLine>,
    /// Whether any scenario pins other sliders for presentation mode.
    pub pins: bool,
}

/// What differs from the first scenario of `list` in any of the others (nothing for a
/// list of fewer than two).
pub fn differences(list: &[Scenario]) -> Differences {
    let Some((first, rest)) = list.split_first() else {
        return Differences::default();
    };
    let (a, on) = (&first.inputs, &first.inputs.lines);
    Differences {
        currency: rest.iter().any(|s| s.currency != first.currency),
        fields: Field::ALL
            .iter()
            .copied()
            .filter(|f| rest.iter().any(|s| f.get(&s.inputs) != f.get(a)))
            .collect(),
        lines: BenefitLine::ALL
            .into_iter()
            .filter(|&l| rest.iter().any(|s| s.inputs.lines.is_on(l) != on.is_on(l)))
            .collect(),
        pins: rest.iter().any(|s| s.pins != first.pins),
    }
}
