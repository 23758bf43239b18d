//! The risk ranges' texts in English.

use crate::i18n::{RiskMsg, RiskPanelMsg};

/// The text of a risk-ranges message.
pub(in crate::i18n) fn risk_text(msg: RiskMsg) -> &'static str {
    match msg {
        RiskMsg::Waiting => "Simulating…",
        RiskMsg::Running => "Simulating… {0} of {1} trials",
        RiskMsg::Done => "{0} trials, seed {1}.",
        RiskMsg::Chance => "chance that NPV is above zero",
        RiskMsg::TableCaption => "NPV, ROI and payback across the trials",
        RiskMsg::Median => "P50 (median)",
        RiskMsg::Mean => "Mean",
        RiskMsg::Never => "Never pays back within the horizon in {0} of the trials.",
        RiskMsg::Headline => "80% of trials: NPV between {0} and {1} · {2} chance that NPV > 0",
        RiskMsg::ErrInputs => "Some inputs are out of range: correct them to simulate.",
        RiskMsg::ErrTrials => "Trials must be between 1 and 100,000.",
        RiskMsg::ErrOverflow => "A trial's figures are too large to compute.",
        RiskMsg::ErrLowAboveLikely => "{0}: the low end ({1}) is above the likely value ({2}).",
        RiskMsg::ErrLikelyAboveHigh => "{0}: the likely value ({1}) is above the high end ({2}).",
        RiskMsg::ErrBelowMin => "{0}: the low end ({1}) is below the smallest valid value ({2}).",
        RiskMsg::ErrAboveMax => "{0}: the high end ({1}) is above the largest valid value ({2}).",
        RiskMsg::ErrFixed => "{0} cannot take a range.",
        RiskMsg::ChartHistogram => "NPV across the trials",
        RiskMsg::ChartHistogramAlt => "Histogram of NPV in {0} trials: P10 {1}, median {2}, P90 {3}; NPV above zero in {4} of them.",
        RiskMsg::ChartSCurve => "Chance that NPV is at most a value",
        RiskMsg::ChartSCurveAlt => "Cumulative share of trials by NPV: 10 % at or below {0}, 50 % at or below {1}, 90 % at or below {2}.",
        RiskMsg::ChartContributions => "What drives the spread of NPV",
        RiskMsg::ChartContributionsAlt => "Rank correlation of each driver with NPV across the trials: {0}.",
        RiskMsg::AxisTrials => "Trials",
        RiskMsg::AxisShare => "Share of trials",
        RiskMsg::AxisRho => "Rank correlation with NPV (Spearman's ρ)",
        RiskMsg::MathPert => "PERT (the default): low + (high − low) × Beta(α, β), α = 1 + 4 (likely − low) ÷ (high − low), β = 1 + 4 (high − likely) ÷ (high − low); mean (low + 4 × likely + high) ÷ 6 (Vose, Risk Analysis, 2008).",
        RiskMsg::MathTriangular => "Triangular: the density rises in a straight line from low to likely and falls to high; mean (low + likely + high) ÷ 3.",
        RiskMsg::MathQuantiles => "P10, P50 and P90: the values below which 10 %, 50 % and 90 % of the trials fall, interpolated linearly between sorted trials (Hyndman and Fan's definition 7, as spreadsheets' PERCENTILE.INC). A payback percentile that falls on trials that never pay back is “never”.",
        RiskMsg::MathIndependent => "The drivers are drawn independently of each other: no correlation between them is modelled, so drivers that tend to move together (conversion and deal size, say) may spread more or less than shown.",
        RiskMsg::ReportTitle => "Risk ranges",
        RiskMsg::ReportIntro => "{0} drivers were given a low, likely and high value, and the model was run {1} times with draws of them (Monte Carlo, seed {2}).",
        RiskMsg::Rule => "The headline is the risk-adjusted case (benefits −{0}); {1} trials over the ranges, drawn around it, show how far it may move and never change it.",
        RiskMsg::ReportTop => "Drivers that move NPV most: {0}.",
    }
}

/// The text of a risk-panel message.
pub(in crate::i18n) fn risk_panel_text(msg: RiskPanelMsg) -> &'static str {
    match msg {
        RiskPanelMsg::Title => "Risk ranges (Monte Carlo)",
        RiskPanelMsg::Hint => "One figure hides how sure it is. Give the drivers a low and a high value and see how often the CRM pays for itself.",
        RiskPanelMsg::Switch => "Simulate ranges of the drivers",
        RiskPanelMsg::LegacyAside => "Saved when ranges set the risk haircut ({0}) aside: it is 0% here; switching ranges off puts it back.",
        RiskPanelMsg::Trials => "Trials",
        RiskPanelMsg::Seed => "Seed",
        RiskPanelMsg::Resimulate => "Resimulate (new seed)",
        RiskPanelMsg::RangesTitle => "Ranges of the drivers ({0})",
        RiskPanelMsg::RangesHint => "Likely is the value in the model. Defaults by kind: licence prices −5 %/+10 %, other costs −10 %/+25 %, today's figures ±10 %, the CRM's effects ±25 %, adoption −20 %/+10 %. A range you set stays as set when the value changes.",
        RiskPanelMsg::RangesCaption => "Low, likely and high value of each driver",
        RiskPanelMsg::Driver => "Driver",
        RiskPanelMsg::Low => "Low",
        RiskPanelMsg::Likely => "Likely",
        RiskPanelMsg::High => "High",
        RiskPanelMsg::Shape => "Distribution",
        RiskPanelMsg::Pert => "PERT",
        RiskPanelMsg::Triangular => "Triangular",
        RiskPanelMsg::Default => "Default",
        RiskPanelMsg::ResetRanges => "Every range to its default",
        RiskPanelMsg::LowAboveLikely => "The low end must not be above the likely value.",
        RiskPanelMsg::HighBelowLikely => "The high end must not be below the likely value.",
        RiskPanelMsg::MathTrials => "Each trial draws every ranged driver and runs the model: NPV, ROI = (PV benefits − PV costs) ÷ PV costs, and payback on nominal flows. The seed makes the draws the same on every machine: the same link gives the same figures.",
        RiskPanelMsg::MathContributions => "What drives the spread: Spearman's rank correlation between each driver's draws and NPV, from the simulation itself (the tornado moves one driver at a time by ±20 %).",
        RiskPanelMsg::CompareNpvRange => "NPV P10–P90 (ranges)",
        RiskPanelMsg::CompareChance => "Chance that NPV > 0",
        RiskPanelMsg::CompareOff => "no ranges",
        RiskPanelMsg::LineError => "Risk ranges: some ranges need correcting (see the risk panel).",
    }
}
