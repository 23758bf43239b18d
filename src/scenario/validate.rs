//! What storage, links and files may hold: every check a scenario from outside the app
//! passes before the app uses it. Each number is checked with the same [`Rule`] its
//! field uses, so nothing a field refuses can arrive another way.
//!
//! [`Rule`]: crate::units::Rule

use super::{Scenario, SCHEMA_VERSION};
use crate::engine::campaigns::CampaignField;
use crate::engine::measure::{Measure, Measurement, MAX_PASTES_CHARS, MAX_PERIODS, MIN_PERIODS};
use crate::engine::model::FieldError;
use crate::units::{MAX_CAMPAIGNS, MAX_DEALS_CHARS, MAX_NAME_CHARS, MAX_NOTES_CHARS};

/// Why a scenario (from storage, a link or a file) was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ScenarioError {
    /// Written by a newer version of the app.
    FutureVersion(u32),
    /// A text field is longer than allowed.
    TextTooLong,
    /// Some inputs are outside their valid ranges.
    InvalidInputs(Vec<FieldError>),
    /// Some measurements are out of range or too long.
    InvalidMeasurement(MeasurementError),
    /// More than [`MAX_PINS`](super::MAX_PINS) pins, or one field pinned twice.
    BadPins,
    /// A risk range breaks its rules (see [`Risk::is_valid`](super::Risk::is_valid)).
    BadRisk,
}

/// Why stored or linked measurements were refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MeasurementError {
    /// A figure is negative, too large, or fractional where it must be whole.
    BadValue,
    /// A deals or leads paste or a campaign name is too long, all the pastes together are
    /// longer than [`MAX_PASTES_CHARS`], or there are too many campaigns.
    TooLong,
    /// A campaign field breaks its rule (negative, too large, a fractional count, a
    /// margin above 100 %).
    BadCampaign,
    /// The CLV calculator's inputs are out of range.
    BadClv,
    /// The A/B test's inputs break their rules (see
    /// [`AbTest::is_valid`](crate::engine::measure::AbTest::is_valid)).
    BadAbTest,
    /// Fewer than [`MIN_PERIODS`] or more than [`MAX_PERIODS`] periods.
    PeriodCount,
    /// A period's name is longer than [`MAX_NAME_CHARS`].
    NameTooLong,
    /// An actual cost is negative or too large.
    BadCost,
    /// A target is outside its KPI's range, or set for a KPI that has no better
    /// direction ([`Kpi::target_rule`](crate::engine::measure::Kpi::target_rule)).
    BadTarget,
}

fn too_long(text: &str, max: usize) -> bool {
    text.chars().count() > max
}

impl Scenario {
    /// Checks everything a user, a link or a file can get wrong.
    pub fn validate(&self) -> Result<(), ScenarioError> {
        if self.version > SCHEMA_VERSION {
            return Err(ScenarioError::FutureVersion(self.version));
        }
        if too_long(&self.name, MAX_NAME_CHARS)
            || too_long(&self.company, MAX_NAME_CHARS)
            || too_long(&self.id, MAX_NAME_CHARS)
            || too_long(&self.notes, MAX_NOTES_CHARS)
        {
            return Err(ScenarioError::TextTooLong);
        }
        self.inputs
            .validate()
            .map_err(ScenarioError::InvalidInputs)?;
        if !self.pins.is_valid() {
            return Err(ScenarioError::BadPins);
        }
        if !self.risk.is_valid() {
            return Err(ScenarioError::BadRisk);
        }
        validate_measurement(&self.measure).map_err(ScenarioError::InvalidMeasurement)
    }
}

/// Checks what a link, a file or storage could get wrong in measurements. Anything the
/// interface lets a user enter passes; contradictions between figures (more customers
/// kept than there were, reversed dates, periods out of date order) are not errors here
/// but shown on the KPIs and the periods.
pub fn validate_measurement(m: &Measurement) -> Result<(), MeasurementError> {
    if !(MIN_PERIODS..=MAX_PERIODS).contains(&m.periods.len()) {
        return Err(MeasurementError::PeriodCount);
    }
    let mut pasted: usize = 0;
    for period in &m.periods {
        let values_ok = Measure::ALL.iter().all(|f| {
            f.get(&period.values)
                .is_none_or(|v| f.rule().check(v).is_ok())
        });
        if !values_ok {
            return Err(MeasurementError::BadValue);
        }
        if too_long(&period.deals, MAX_DEALS_CHARS) || too_long(&period.leads, MAX_DEALS_CHARS) {
            return Err(MeasurementError::TooLong);
        }
        pasted = pasted
            .saturating_add(period.deals.chars().count())
            .saturating_add(period.leads.chars().count());
        if too_long(&period.name, MAX_NAME_CHARS) {
            return Err(MeasurementError::NameTooLong);
        }
        if !period.costs.is_valid() {
            return Err(MeasurementError::BadCost);
        }
    }
    if pasted > MAX_PASTES_CHARS {
        return Err(MeasurementError::TooLong);
    }
    if !m.targets.is_valid() {
        return Err(MeasurementError::BadTarget);
    }
    if m.campaigns.len() > MAX_CAMPAIGNS
        || m.campaigns
            .iter()
            .any(|c| too_long(&c.name, MAX_NAME_CHARS))
    {
        return Err(MeasurementError::TooLong);
    }
    let campaign_ok = |c| {
        CampaignField::ALL
            .iter()
            .all(|f| f.rule().check(f.get(c)).is_ok())
    };
    if !m.campaigns.iter().all(campaign_ok) {
        return Err(MeasurementError::BadCampaign);
    }
    if !m.clv.is_valid() {
        return Err(MeasurementError::BadClv);
    }
    if !m.ab.is_valid() {
        return Err(MeasurementError::BadAbTest);
    }
    Ok(())
}
