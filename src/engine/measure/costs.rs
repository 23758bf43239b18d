//! What the CRM actually cost in each period, by the ROI model's cost lines
//! ([`ActualCosts`]).

use crate::engine::model::CostLine;
use crate::engine::money::{self, Overflow};
use crate::units::{Rule, Unit, MEASURE_MAX};
use rust_decimal::Decimal;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// What one period actually cost, by [`CostLine`]; `None` is "not entered". Stored as a
/// map from [`CostLine::key`] to the amount, blanks left out; an unknown key is an error.
///
/// The contingency line holds what the plan's contingency is for: costs nobody planned
/// (an extra integration, a consultant's overrun).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ActualCosts([Option<Decimal>; CostLine::ALL.len()]);

impl ActualCosts {
    /// Nothing entered (the default), as a constant.
    pub const EMPTY: ActualCosts = ActualCosts([None; CostLine::ALL.len()]);

    /// The amount entered for `line`.
    pub fn get(&self, line: CostLine) -> Option<Decimal> {
        self.0.get(line.index()).copied().flatten()
    }

    /// Sets the amount of `line` (unvalidated: see [`ActualCosts::rule`]).
    pub fn set(&mut self, line: CostLine, amount: Option<Decimal>) {
        if let Some(slot) = self.0.get_mut(line.index()) {
            *slot = amount;
        }
    }

    /// Whether no line was entered.
    pub fn is_empty(&self) -> bool {
        self.0.iter().all(Option::is_none)
    }

    /// The sum of the lines entered (a blank line counts as nothing spent).
    pub fn total(&self) -> Result<Decimal, Overflow> {
        money::sum(self.0.iter().flatten().copied())
    }

    /// What an amount may be: zero to [`MEASURE_MAX`], like every measured amount.
    pub fn rule() -> Rule {
        Rule::new(Decimal::ZERO, MEASURE_MAX, Unit::Money)
    }

    /// Whether every amount entered passes [`ActualCosts::rule`].
    pub fn is_valid(&self) -> bool {
        self.0
            .iter()
            .flatten()
            .all(|&amount| Self::rule().check(amount).is_ok())
    }
}

impl Serialize for ActualCosts {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let entered: Vec<(&str, Decimal)> = CostLine::ALL
            .iter()
            .filter_map(|&line| Some((line.key(), self.get(line)?)))
            .collect();
        let mut map = s.serialize_map(Some(entered.len()))?;
        for (key, amount) in entered {
            map.serialize_entry(key, &amount)?;
        }
        map.end()
    }
}

impl<'de> Deserialize<'de> for ActualCosts {
    /// An unknown cost line or an amount that is not a number is an error.
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let map = std::collections::BTreeMap::<String, Option<Decimal>>::deserialize(d)?;
        let mut costs = ActualCosts::default();
        for (key, amount) in map {
            let line = CostLine::from_key(&key).ok_or_else(|| {
                serde::de::Error::custom(format_args!("unknown cost line {key:?}"))
            })?;
            costs.set(line, amount);
        }
        Ok(costs)
    }
}
