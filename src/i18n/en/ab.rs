//! The A/B test screen's texts in English.

use crate::engine::abtest::Arm;
use crate::i18n::{AbMsg, AbResultMsg};

pub(in crate::i18n) fn ab_text(msg: AbMsg) -> &'static str {
    use AbMsg as M;
    match msg {
        M::Title => "A/B test",
        M::Hint => "Try a change (B) on part of your audience against what you do today (A) before launching it. Enter each variant's visitors or leads and how many of them converted.",
        M::Example => "Fill in an example",
        M::Name => "What is tested",
        M::VariantName(Arm::A) => "A (control)",
        M::VariantName(Arm::B) => "B (challenger)",
        M::Visitors => "Visitors or leads",
        M::Conversions => "Conversions",
        M::Confidence => "Confidence",
        M::ShareA => "Planned share of visitors sent to A",
        M::PlanTitle => "Sample size",
        M::PlanHint => "How many visitors each variant needs for the test to detect the change you care about, at the confidence above.",
        M::Baseline => "Conversion rate today",
        M::Mde => "Smallest change worth detecting",
        M::MdeRelative => "% of today's rate",
        M::MdeAbsolute => "rate points",
        M::Power => "Power",
        M::Traffic => "Visitors a day in the test",
        M::FeedTitle => "Use B's lift in a campaign",
        M::FeedHint => "Scales the campaign's customers and revenue by {0}, as if it had run B.",
        M::FeedCampaign => "Campaign",
        M::FeedApply => "Apply the lift",
        M::FeedNone => "Add a campaign on the Measure screen to use this lift there.",
        M::FeedDone => "{0}: customers {1} → {2}, revenue {3} → {4}.",
        M::FeedSee => "See the campaigns",
        M::LiftNoCustomers => "This campaign has no customers to scale.",
        M::LiftExceedsLeads => "With this lift the campaign would have more customers than leads.",
    }
}

pub(in crate::i18n) fn result_text(msg: AbResultMsg) -> &'static str {
    use AbResultMsg as R;
    match msg {
        R::Variant => "Variant",
        R::Rate => "Conversion rate",
        R::ResultTitle => "Result",
        R::Empty => "Enter each variant's visitors and conversions to see the result.",
        R::AbsLift => "Absolute lift (B − A)",
        R::RelLift => "Relative lift",
        R::Interval => "{0} confidence interval: {1} to {2}",
        R::PValue => "p-value (pooled two-proportion z-test)",
        R::PValueText => "{0} (z = {1})",
        R::Split => "Split of visitors",
        R::SplitText => "A got {0} (planned {1}); chi-square p-value {2}: as planned.",
        R::SplitBroken => "A got {0} (planned {1}); chi-square p-value {2}: a sample ratio mismatch.",
        R::VerdictSrm => "The split of visitors is not the planned one (a sample ratio mismatch): something in the set-up is broken (a redirect, a filter, the tracking), so the rates cannot be compared. Find the cause before reading the result.",
        R::VerdictNotEnough => "Not enough data yet: the test needs at least 5 conversions and 5 non-conversions expected in each variant before it can be read.",
        R::VerdictB => "B converts better than A: the difference is significant at {0} confidence.",
        R::VerdictA => "B converts worse than A: the difference is significant at {0} confidence. Keep A.",
        R::VerdictNone => "No significant difference at {0} confidence, so far.",
        R::VerdictEarly => "Not conclusive yet: interim figures.",
        R::EarlyWarning => "Decide only once both variants reach the planned sample. Stopping a test as soon as it looks significant makes false winners far more likely than the confidence says (Evan Miller, “How Not To Run an A/B Test”, 2010).",
        R::Progress => "Planned sample: {0} per variant. A has {1} and B {2}: {3} of the way.",
        R::Reached => "Both variants have reached the planned sample of {0}.",
        R::Sample => "{0} {0|visitor|visitors} per variant ({1} in all) to detect {2} → {3}.",
        R::Days => "At {0} a day: {1} {1|day|days}.",
        R::ErrNoVisitors(Arm::A) => "Enter the visitors of variant A.",
        R::ErrNoVisitors(Arm::B) => "Enter the visitors of variant B.",
        R::ErrMoreConversions(Arm::A) => "Variant A has more conversions than visitors.",
        R::ErrMoreConversions(Arm::B) => "Variant B has more conversions than visitors.",
        R::ErrTooLarge => "A count is too large.",
        R::ErrConfidence => "The confidence must be between 0 and 100 %.",
        R::ErrPower => "The power must be between 0 and 100 %.",
        R::ErrShare => "The share sent to A must be between 0 and 100 %.",
        R::ErrBaseline => "Today's conversion rate must be between 0 and 100 %.",
        R::ErrNoEffect => "Enter a change other than zero.",
        R::ErrTargetRate => "That change takes the conversion rate out of 0–100 %.",
        R::ErrNotFinite => "These figures cannot be computed.",
    }
}
