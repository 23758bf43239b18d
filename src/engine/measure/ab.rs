//! The A/B test a scenario keeps (issue 13): what the user typed, read by
//! [`crate::engine::abtest`], and a winning lift carried into a campaign row.
//!
//! Articles 001 and 004 recommend testing a change on part of the audience before
//! launching it; the arithmetic and its sources are in [`crate::engine::abtest`]. Here
//! every input is a `Decimal` checked by its [`AbField::rule`], like the campaign table,
//! so the screen, storage and links share one rule per field. Percentages are as the
//! user sees them (95 = 95 %).

use super::super::abtest::{
    analyse, days_needed, progress, sample_size, verdict_at, AbError, Analysis, Mde, Plan,
    SampleSize, Settings, Variant, Verdict, MAX_COUNT,
};
use super::super::campaigns::Campaign;
use super::super::money::{self, to_f64};
use crate::units::{dec, Rule, Unit, MAX_NAME_CHARS};
use rust_decimal::prelude::{FromPrimitive, ToPrimitive};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A test of two variants and the plan of its sample.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AbTest {
    /// What is tested ("Landing page: shorter form").
    pub name: String,
    /// Visitors (or leads) who saw A, the control.
    pub visitors_a: Decimal,
    /// Those of them who converted.
    pub conversions_a: Decimal,
    /// Visitors (or leads) who saw B, the challenger.
    pub visitors_b: Decimal,
    /// Those of them who converted.
    pub conversions_b: Decimal,
    /// The confidence the test is read at, % (95).
    pub confidence_pct: Decimal,
    /// The planned share of visitors sent to A, % (50).
    pub share_a_pct: Decimal,
    /// The control's conversion rate the sample is planned for, %.
    pub baseline_pct: Decimal,
    /// The smallest change worth detecting: rate points, or % of the baseline when
    /// [`AbTest::mde_relative`].
    pub mde: Decimal,
    /// Whether [`AbTest::mde`] is relative to the baseline.
    pub mde_relative: bool,
    /// The chance of detecting that change when it is there, % (80).
    pub power_pct: Decimal,
    /// Visitors a day entering the test, for the days it needs (0: not asked).
    pub daily_traffic: Decimal,
}

impl Default for AbTest {
    /// Nothing measured; read at 95 %, split 50/50, planned for +20 % on 10 % at 80 %
    /// power (the usual starting points, see [`crate::engine::abtest`]).
    fn default() -> Self {
        AbTest {
            name: String::new(),
            visitors_a: Decimal::ZERO,
            conversions_a: Decimal::ZERO,
            visitors_b: Decimal::ZERO,
            conversions_b: Decimal::ZERO,
            confidence_pct: dec(95, 0),
            share_a_pct: dec(50, 0),
            baseline_pct: dec(10, 0),
            mde: dec(20, 0),
            mde_relative: true,
            power_pct: dec(80, 0),
            daily_traffic: Decimal::ZERO,
        }
    }
}

/// A number field of an [`AbTest`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AbField {
    /// [`AbTest::visitors_a`].
    VisitorsA,
    /// [`AbTest::conversions_a`].
    ConversionsA,
    /// [`AbTest::visitors_b`].
    VisitorsB,
    /// [`AbTest::conversions_b`].
    ConversionsB,
    /// [`AbTest::confidence_pct`].
    Confidence,
    /// [`AbTest::share_a_pct`].
    ShareA,
    /// [`AbTest::baseline_pct`].
    Baseline,
    /// [`AbTest::mde`].
    Mde,
    /// [`AbTest::power_pct`].
    Power,
    /// [`AbTest::daily_traffic`].
    DailyTraffic,
}

impl AbField {
    /// Every field, in the screen's order.
    pub const ALL: [AbField; 10] = [
        AbField::VisitorsA,
        AbField::ConversionsA,
        AbField::VisitorsB,
        AbField::ConversionsB,
        AbField::Confidence,
        AbField::ShareA,
        AbField::Baseline,
        AbField::Mde,
        AbField::Power,
        AbField::DailyTraffic,
    ];

    /// Stable identifier (the A/B screen's element ids and `data-testid`s).
    pub fn key(self) -> &'static str {
        match self {
            AbField::VisitorsA => "visitors-a",
            AbField::ConversionsA => "conversions-a",
            AbField::VisitorsB => "visitors-b",
            AbField::ConversionsB => "conversions-b",
            AbField::Confidence => "confidence",
            AbField::ShareA => "share-a",
            AbField::Baseline => "baseline",
            AbField::Mde => "mde",
            AbField::Power => "power",
            AbField::DailyTraffic => "traffic",
        }
    }

    /// The field whose key is `key`.
    pub fn from_key(key: &str) -> Option<AbField> {
        AbField::ALL.into_iter().find(|f| f.key() == key)
    }

    /// The field's value in `t`.
    pub fn get(self, t: &AbTest) -> Decimal {
        *self.slot(&mut t.clone())
    }

    /// Sets the field's value in `t` (unvalidated).
    pub fn set(self, t: &mut AbTest, value: Decimal) {
        *self.slot(t) = value;
    }

    fn slot(self, t: &mut AbTest) -> &mut Decimal {
        match self {
            AbField::VisitorsA => &mut t.visitors_a,
            AbField::ConversionsA => &mut t.conversions_a,
            AbField::VisitorsB => &mut t.visitors_b,
            AbField::ConversionsB => &mut t.conversions_b,
            AbField::Confidence => &mut t.confidence_pct,
            AbField::ShareA => &mut t.share_a_pct,
            AbField::Baseline => &mut t.baseline_pct,
            AbField::Mde => &mut t.mde,
            AbField::Power => &mut t.power_pct,
            AbField::DailyTraffic => &mut t.daily_traffic,
        }
    }

    /// What the field accepts: counts are whole, from 0 to 2⁵³ (exact as `f64`, see
    /// [`MAX_COUNT`]); confidence and power 50–99.9 %; the planned share 1–99 %; the
    /// baseline 0.01–99.99 %; the effect −100 to 1,000 (the engine refuses the ones that
    /// take the rate out of 0–100 %, with a reason).
    pub fn rule(self) -> Rule {
        let pct = |min, max| Rule::new(min, max, Unit::Percent);
        match self {
            AbField::Confidence | AbField::Power => pct(dec(50, 0), dec(999, 1)),
            AbField::ShareA => pct(dec(1, 0), dec(99, 0)),
            AbField::Baseline => pct(dec(1, 2), dec(9_999, 2)),
            AbField::Mde => pct(dec(-100, 0), dec(1_000, 0)),
            _ => Rule::new(Decimal::ZERO, Decimal::from(MAX_COUNT), Unit::Count),
        }
    }
}

/// Why a lift could not be carried into a campaign row (the row is unchanged).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LiftError {
    /// The row has no customers to scale.
    NoCustomers,
    /// The lifted customers would outnumber the row's leads.
    ExceedsLeads,
    /// Too large for exact arithmetic.
    Overflow,
}

impl From<money::Overflow> for LiftError {
    fn from(_: money::Overflow) -> Self {
        LiftError::Overflow
    }
}

fn fraction(pct: Decimal) -> f64 {
    to_f64(pct) / 100.0
}

fn count(value: Decimal) -> u64 {
    value.to_u64().unwrap_or(u64::MAX)
}

impl AbTest {
    /// A new offer in the example's "Email nurturing" campaign: 100 of 1,000 leads bought
    /// with the old one, 130 of 1,000 with the new (the hand-worked case of
    /// `tests/fixtures/abtest_golden.json`), 500 leads a day; `name` says what is tested
    /// in the language it is shown in.
    pub fn example(name: &str) -> AbTest {
        AbTest {
            name: name.to_string(),
            visitors_a: dec(1_000, 0),
            conversions_a: dec(100, 0),
            visitors_b: dec(1_000, 0),
            conversions_b: dec(130, 0),
            daily_traffic: dec(500, 0),
            ..AbTest::default()
        }
    }

    /// Whether nothing differs from the default, so links and files can leave it out.
    pub fn is_empty(&self) -> bool {
        *self == AbTest::default()
    }

    /// Whether every field keeps its rule and the name its length: what storage and
    /// links may hold.
    pub fn is_valid(&self) -> bool {
        self.name.chars().count() <= MAX_NAME_CHARS
            && AbField::ALL
                .iter()
                .all(|f| f.rule().check(f.get(self)).is_ok())
    }

    /// Whether any visitor was entered (before that there is nothing to analyse).
    pub fn has_data(&self) -> bool {
        !(self.visitors_a.is_zero() && self.visitors_b.is_zero())
    }

    /// The test's figures at its confidence and planned split.
    pub fn analysis(&self) -> Result<Analysis, AbError> {
        let variant = |n, c| Variant::new(count(n), count(c));
        analyse(
            variant(self.visitors_a, self.conversions_a),
            variant(self.visitors_b, self.conversions_b),
            Settings {
                confidence: fraction(self.confidence_pct),
                share_a: fraction(self.share_a_pct),
            },
        )
    }

    /// The sample each variant needs for the planned effect.
    pub fn sample(&self) -> Result<SampleSize, AbError> {
        let mde = fraction(self.mde);
        sample_size(Plan {
            baseline_rate: fraction(self.baseline_pct),
            mde: match self.mde_relative {
                true => Mde::Relative(mde),
                false => Mde::Absolute(mde),
            },
            confidence: fraction(self.confidence_pct),
            power: fraction(self.power_pct),
        })
    }

    /// What `analysis` (this test's) says once read against the planned sample: not
    /// conclusive before both variants reach it ([`verdict_at`]).
    pub fn verdict(&self, analysis: &Analysis) -> Verdict {
        let reached = self
            .sample()
            .ok()
            .map(|s| progress(analysis.a, analysis.b, s.per_variant));
        verdict_at(analysis, reached.as_ref())
    }

    /// B's relative lift as it is carried into a campaign ([`lift_of`]) when B wins at
    /// the planned sample; `None` otherwise (no result, another verdict, the planned
    /// sample not in yet, no relative lift).
    pub fn winning_lift(&self) -> Option<Decimal> {
        let a = self.analysis().ok()?;
        a.relative_lift
            .filter(|_| self.verdict(&a) == Verdict::BWins)
            .and_then(lift_of)
    }

    /// The days the planned sample takes at the daily traffic; `None` without traffic.
    pub fn days(&self, per_variant: u64) -> Option<Result<u64, AbError>> {
        let traffic = count(self.daily_traffic);
        (traffic > 0).then(|| days_needed(per_variant, traffic, fraction(self.share_a_pct)))
    }
}

/// The relative lift as it is carried into a campaign: rounded to four decimals (0.3 for
/// +30 %), the precision the screen shows it with; `None` if it is not finite.
pub fn lift_of(relative: f64) -> Option<Decimal> {
    Decimal::from_f64(relative).map(|d| d.round_dp(4))
}

/// `campaign` as if B had run it: its customers and revenue scaled by `1 + lift`
/// (customers to the nearest whole number, revenue to the cent), the rest unchanged.
/// The revenue follows the customers because the row's revenue per customer is what the
/// test did not change. Refused when the row has no customers, or when the customers
/// would outnumber tracked leads (the campaign table's own rule).
pub fn with_lift(campaign: &Campaign, lift: Decimal) -> Result<Campaign, LiftError> {
    if campaign.customers <= Decimal::ZERO {
        return Err(LiftError::NoCustomers);
    }
    let factor = money::add(Decimal::ONE, lift)?;
    let customers = money::mul(campaign.customers, factor)?
        .round()
        .max(Decimal::ZERO);
    if campaign.leads > Decimal::ZERO && customers > campaign.leads {
        return Err(LiftError::ExceedsLeads);
    }
    let revenue = money::mul(campaign.revenue, factor)?
        .round_dp(2)
        .max(Decimal::ZERO);
    Ok(Campaign {
        customers,
        revenue,
        ..campaign.clone()
    })
}
