//! The visitor's calculator's estimate: only what the visitor can see or set counts.
//!
//! The visitor's calculator shows a few inputs (`VISITOR_FIELDS` in the scenario layer
//! unless the site owner chose others) and the site owner may preset any input in the
//! frame's URL. Every other input of the full model is one the visitor never sees, so
//! its typical value must not move the visitor's answer (the product's rule: every
//! figure follows from what the person can see or set). [`Known::model_inputs`] turns
//! the visitor's inputs into the inputs the model runs on:
//!
//! - An input is **known** when it is on the visitor's screen or the owner preset it
//!   (a preset counts as the owner set it), or when it is one of the stated
//!   [`ASSUMPTIONS`] the calculator prints with their source under "What is counted".
//! - A **cost** input that is not known counts as 0, and "What is counted" says which
//!   part of which cost line is left out. One-time costs: article 000 counts
//!   configuration, integration and training as parts of the implementation cost, so the
//!   one-time figure the visitor enters stands for all of them.
//! - A **benefit line** counts only when every input its formula reads
//!   ([`BenefitLine::drivers`]) is known; otherwise it is switched off and "What is
//!   counted" names the inputs it needs, to set in the full analysis. So a visitor who
//!   sets every visible improvement to "no improvement" gets no benefit from lines they
//!   cannot see.
//!
//! The full analysis link carries these model inputs, so the full app opens on the same
//! figures.

use super::model::{BenefitLine, CostLine, Field, Inputs};
use rust_decimal::Decimal;

/// Inputs the visitor's estimate keeps at their value although the visitor may not see
/// them as fields: each is printed, with its value and source, under "What is counted".
///
/// - The horizon: three years, Gartner's reference period for a CRM's cost per user
///   (article 002).
/// - The discount rate, for NPV: the full analysis's default, named there.
/// - Adoption by year and the risk haircut: the Forrester Total Economic Impact practice
///   of ramping benefits up and adjusting them for risk.
/// - The gross margin, when the owner hid it: a sale or a kept customer is worth its
///   margin, not its revenue.
pub const ASSUMPTIONS: [Field; 7] = [
    Field::HorizonYears,
    Field::DiscountRatePct,
    Field::AdoptionYear1Pct,
    Field::AdoptionYear2Pct,
    Field::AdoptionSteadyPct,
    Field::RiskHaircutPct,
    Field::GrossMarginPct,
];

/// The inputs of a cost line, as parts: each unknown part counts as 0.
pub fn cost_parts(line: CostLine) -> &'static [Field] {
    use Field as F;
    match line {
        CostLine::OneTime => &[
            F::Implementation,
            F::Integration,
            F::DataMigration,
            F::InitialTraining,
        ],
        CostLine::Licences => &[
            F::Seats,
            F::LicencePerSeatMonth,
            F::AiAddonPerSeatMonth,
            F::LicenceEscalationPct,
        ],
        CostLine::Maintenance => &[F::MaintenancePerYear],
        CostLine::Training => &[F::ContinuousTrainingPerYear],
        CostLine::Staff => &[F::AdminHoursPerMonth, F::AdminHourlyRate],
        CostLine::Contingency => &[F::ContingencyPct],
    }
}

/// How a line of the visitor's estimate is counted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Basis {
    /// Every input it reads is known.
    Counted,
    /// Counted without these parts (each taken as 0).
    Without(Vec<Field>),
    /// Not counted: it needs these inputs, which the visitor cannot see.
    Needs(Vec<Field>),
    /// Switched off in the scenario itself.
    Off,
}

/// Which inputs the visitor's estimate may use: those on the visitor's screen and those
/// the owner preset, with the stated [`ASSUMPTIONS`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Known([bool; Field::COUNT]);

impl Known {
    /// The inputs on the visitor's screen (`shown`) and those the owner preset
    /// (`preset`).
    pub fn new(shown: &[Field], preset: &[Field]) -> Self {
        let mut set = [false; Field::COUNT];
        for &field in shown.iter().chain(preset) {
            set[field as usize] = true;
        }
        Known(set)
    }

    /// Whether `field` may move the estimate.
    pub fn knows(&self, field: Field) -> bool {
        self.0[field as usize] || ASSUMPTIONS.contains(&field)
    }

    /// Whether `field` is one of the stated [`ASSUMPTIONS`], neither on screen nor
    /// preset: "What is counted" prints it with its value.
    pub fn assumed(&self, field: Field) -> bool {
        !self.0[field as usize] && ASSUMPTIONS.contains(&field)
    }

    fn unknown(&self, fields: &[Field]) -> Vec<Field> {
        fields.iter().copied().filter(|&f| !self.knows(f)).collect()
    }

    /// How a cost line is counted.
    pub fn cost_basis(&self, line: CostLine) -> Basis {
        let parts = cost_parts(line);
        let missing = self.unknown(parts);
        // Seats, a licence price or staff hours and their rate are factors: one unknown
        // factor leaves the whole line out.
        let factor_missing = match line {
            CostLine::Licences => !self.knows(Field::Seats),
            CostLine::Staff => !missing.is_empty(),
            _ => false,
        };
        if missing.is_empty() {
            Basis::Counted
        } else if factor_missing || missing.len() == parts.len() {
            Basis::Needs(missing)
        } else {
            Basis::Without(missing)
        }
    }

    /// How a benefit line is counted in `inputs` (the visitor's, before
    /// [`Known::model_inputs`]).
    pub fn benefit_basis(&self, line: BenefitLine, inputs: &Inputs) -> Basis {
        let missing = self.unknown(line.drivers());
        if !missing.is_empty() {
            Basis::Needs(missing)
        } else if inputs.lines.is_on(line) {
            Basis::Counted
        } else {
            Basis::Off
        }
    }

    /// The inputs the model runs on: every unknown cost input 0 (a line that needs an
    /// unknown factor counts 0 as a whole), every benefit line with an unknown driver
    /// switched off, every assumption not on screen or preset at its default (the value
    /// "What is counted" states); the inputs on screen or preset unchanged.
    pub fn model_inputs(&self, entered: &Inputs) -> Inputs {
        let mut inputs = entered.clone();
        let defaults = Inputs::default();
        for field in ASSUMPTIONS {
            if self.assumed(field) {
                field.set(&mut inputs, field.get(&defaults));
            }
        }
        for line in CostLine::ALL {
            let zeroed: Vec<Field> = match self.cost_basis(line) {
                Basis::Counted | Basis::Off => Vec::new(),
                Basis::Without(missing) => missing,
                // Seats are at least 1: the prices carry the licence line's zero.
                Basis::Needs(_) => cost_parts(line)
                    .iter()
                    .copied()
                    .filter(|&f| f != Field::Seats)
                    .collect(),
            };
            for field in zeroed {
                field.set(&mut inputs, Decimal::ZERO);
            }
        }
        for line in BenefitLine::ALL {
            if !matches!(self.benefit_basis(line, entered), Basis::Counted) {
                inputs.lines.set(line, false);
            }
        }
        inputs
    }
}
