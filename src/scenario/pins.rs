//! The sliders a sales rep pins for presentation mode: part of the scenario, so they are
//! saved, compared and carried by share links with it.

use crate::engine::model::Field;
use serde::{Deserialize, Deserializer, Serialize};

/// Most sliders presentation mode shows: six fit a 1280×800 laptop screen beside the
/// headline figures and the chart without scrolling.
pub const MAX_PINS: usize = 6;

/// The fields pinned to presentation mode, in [`Field::ALL`] order, each once, at most
/// [`MAX_PINS`].
///
/// Stored as a list of field keys (`["seats", "churn_after_pct"]`); a stored list that
/// breaks the rules (a duplicate, too many) is refused by `Scenario::validate`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Pins(Vec<Field>);

impl Default for Pins {
    /// What a demo moves most: seats and licence price (the cost), conversion and churn
    /// with the CRM (the two largest benefit drivers), and adoption in year 1.
    fn default() -> Self {
        Pins(vec![
            Field::Seats,
            Field::LicencePerSeatMonth,
            Field::ConversionAfterPct,
            Field::ChurnAfterPct,
            Field::AdoptionYear1Pct,
        ])
    }
}

impl<'de> Deserialize<'de> for Pins {
    /// Reads the list as written, in [`Field::ALL`] order; the rules are checked later.
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        Ok(Pins::in_order(Vec::<Field>::deserialize(deserializer)?))
    }
}

impl Pins {
    /// No pins.
    pub fn none() -> Self {
        Pins(Vec::new())
    }

    /// The pinned fields, in [`Field::ALL`] order.
    pub fn fields(&self) -> &[Field] {
        &self.0
    }

    /// Whether `field` is pinned.
    pub fn has(&self, field: Field) -> bool {
        self.0.contains(&field)
    }

    /// Whether another pin fits.
    pub fn is_full(&self) -> bool {
        self.0.len() >= MAX_PINS
    }

    /// Pins or unpins `field`; pinning when [full](Pins::is_full) does nothing and
    /// returns `false`.
    pub fn set(&mut self, field: Field, pinned: bool) -> bool {
        if pinned == self.has(field) {
            return true;
        }
        if pinned {
            if self.is_full() {
                return false;
            }
            let at = self
                .0
                .iter()
                .position(|f| (*f as usize) > (field as usize))
                .unwrap_or(self.0.len());
            self.0.insert(at, field);
        } else {
            self.0.retain(|f| *f != field);
        }
        true
    }

    /// Whether the list keeps the rules: at most [`MAX_PINS`], each field once, in
    /// [`Field::ALL`] order.
    pub fn is_valid(&self) -> bool {
        self.0.len() <= MAX_PINS && self.0.windows(2).all(|w| (w[0] as usize) < (w[1] as usize))
    }

    /// `fields` in [`Field::ALL`] order; a list naming a field twice is kept as it is,
    /// for [`Pins::is_valid`] to refuse.
    fn in_order(fields: Vec<Field>) -> Self {
        let ordered: Vec<Field> = Field::ALL
            .iter()
            .copied()
            .filter(|f| fields.contains(f))
            .collect();
        Pins(if ordered.len() == fields.len() {
            ordered
        } else {
            fields
        })
    }

    /// The pins from positions in [`Field::ALL`] (a share link's form); `None` for a
    /// position that names no field.
    pub fn from_positions(positions: impl IntoIterator<Item = usize>) -> Option<Self> {
        let fields = positions
            .into_iter()
            .map(|k| Field::ALL.get(k).copied())
            .collect::<Option<Vec<_>>>()?;
        Some(Pins::in_order(fields))
    }

    /// Positions in [`Field::ALL`], in order.
    pub fn positions(&self) -> impl Iterator<Item = usize> + '_ {
        self.0.iter().map(|f| *f as usize)
    }
}
