//! The risk ranges a scenario carries (issue 15): whether ranges replace the TEI
//! haircut, the ranges the user set, and the seed and number of trials, so that the same
//! scenario or link gives the same simulated figures on every machine.

use crate::engine::model::{Field, Inputs};
use crate::engine::risk::{
    default_range, ranges_with, DriverRange, Settings, DEFAULT_SEED, DEFAULT_TRIALS, MAX_TRIALS,
};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A scenario's risk settings. Every driver not in `custom` has its default range
/// ([`default_range`]), which follows its current value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Risk {
    /// Ranges on: the simulation runs around the risk-adjusted model (the haircut stays;
    /// see [`super::Scenario::set_ranges_on`]).
    pub on: bool,
    /// Non-zero only in scenarios saved before 2026-12-08, when switching ranges on set
    /// the haircut aside (to 0 %): the haircut as it was then, put back when ranges are
    /// switched off. Kept so that those links open with the same figures.
    pub haircut_pct: Decimal,
    /// The ranges the user set, each field at most once; they stay as set (absolute
    /// values) when the field's value changes.
    pub custom: Vec<DriverRange>,
    /// The seed of every draw.
    pub seed: u64,
    /// Trials, 1..=[`MAX_TRIALS`].
    pub trials: u32,
}

impl Default for Risk {
    fn default() -> Self {
        Risk {
            on: false,
            haircut_pct: Decimal::ZERO,
            custom: Vec::new(),
            seed: DEFAULT_SEED,
            trials: DEFAULT_TRIALS as u32,
        }
    }
}

impl Risk {
    /// The ranges the simulation of `inputs` uses (see [`ranges_with`]).
    pub fn ranges(&self, inputs: &Inputs) -> Vec<DriverRange> {
        ranges_with(inputs, &self.custom)
    }

    /// The simulation's trials and seed.
    pub fn settings(&self) -> Settings {
        Settings {
            trials: self.trials as usize,
            seed: self.seed,
        }
    }

    /// The range `field` has now: the user's, or its default around `value`.
    pub fn range_of(&self, field: Field, value: Decimal) -> DriverRange {
        self.custom
            .iter()
            .find(|r| r.field == field)
            .copied()
            .unwrap_or_else(|| default_range(field, value))
    }

    /// Whether the user set `field`'s range.
    pub fn is_custom(&self, field: Field) -> bool {
        self.custom.iter().any(|r| r.field == field)
    }

    /// Sets `range` as its field's (replacing an earlier one).
    pub fn set(&mut self, range: DriverRange) {
        match self.custom.iter_mut().find(|r| r.field == range.field) {
            Some(slot) => *slot = range,
            None => self.custom.push(range),
        }
    }

    /// Gives `field` its default range again.
    pub fn reset(&mut self, field: Field) {
        self.custom.retain(|r| r.field != field);
    }

    /// What stored data and links may hold: each custom range once, not the horizon,
    /// low ≤ high, both within the field's valid range; a haircut within its own; trials
    /// within 1..=[`MAX_TRIALS`]. Whether a range holds the field's current value is
    /// not checked here (the value may move later): the simulation says so.
    pub fn is_valid(&self) -> bool {
        let (min_haircut, max_haircut) = Field::RiskHaircutPct.range();
        let range_ok = |(k, r): (usize, &DriverRange)| {
            let (min, max) = r.field.range();
            r.field != Field::HorizonYears
                && min <= r.low
                && r.low <= r.high
                && r.high <= max
                && !self.custom[..k].iter().any(|o| o.field == r.field)
        };
        (1..=MAX_TRIALS as u32).contains(&self.trials)
            && (min_haircut..=max_haircut).contains(&self.haircut_pct)
            && self.custom.len() <= Field::COUNT
            && self.custom.iter().enumerate().all(range_ok)
    }
}

impl super::Scenario {
    /// Switches ranges on or off. The headline stays the risk-adjusted case either way:
    /// the ranges are drawn around the model with its haircut, so the haircut corrects the
    /// central estimate for optimism and the simulation shows the uncertainty left around
    /// it (HM Treasury, *The Green Book*, 2022: optimism bias adjustment, then
    /// sensitivity and Monte Carlo analysis of the adjusted estimate; Forrester's TEI
    /// risk-adjusts each line before its figures are reported). Switching ranges on never
    /// changes the headline. Off, a haircut an older version set aside
    /// ([`Risk::haircut_pct`]) comes back.
    pub fn set_ranges_on(&mut self, on: bool) {
        if on == self.risk.on {
            return;
        }
        if !on && !self.risk.haircut_pct.is_zero() {
            self.inputs.risk_haircut_pct = std::mem::take(&mut self.risk.haircut_pct);
        }
        self.risk.on = on;
    }
}
