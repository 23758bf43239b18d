//! The A/B test's results as Leptos views: the verdict with its intervals, the progress
//! against the planned sample, and the sample the plan needs. The statistics
//! ([`crate::engine::abtest`], on `libm`) are cheap, so they run here, in the A/B
//! screen's lazily loaded part, on every change of the test; neither they nor these
//! texts are in the first load.

use super::format::Fmt;
use crate::engine::abtest::{AbError, Analysis, Arm, Interval, Verdict};
use crate::engine::measure::AbTest;
use crate::i18n::{fill, AbMsg as M, AbResultMsg as R, AppMsg, Text};
use leptos::prelude::*;

/// The text of an error of the statistics.
fn error_text(e: AbError) -> R {
    match e {
        AbError::NoVisitors(arm) => R::ErrNoVisitors(arm),
        AbError::MoreConversionsThanVisitors(arm) => R::ErrMoreConversions(arm),
        AbError::TooLarge => R::ErrTooLarge,
        AbError::Confidence => R::ErrConfidence,
        AbError::Power => R::ErrPower,
        AbError::Share => R::ErrShare,
        AbError::BaselineRate => R::ErrBaseline,
        AbError::NoEffect => R::ErrNoEffect,
        AbError::TargetRate => R::ErrTargetRate,
        // Days are asked only with traffic, so no traffic is not expected here.
        AbError::NotFinite | AbError::NoTraffic => R::ErrNotFinite,
    }
}

fn signed(x: f64, text: String) -> String {
    if x > 0.0 {
        format!("+{text}")
    } else {
        text
    }
}

/// Rate points with one decimal: 0.03 → "+3 pp".
fn points(fmt: Fmt, x: f64) -> String {
    let pp = AppMsg::UnitPoints.text(fmt.lang);
    signed(x, format!("{} {pp}", fmt.tenths(x * 100.0)))
}

/// A p-value with four decimals, or "< 0.0001" below them (never a misleading 0).
fn p_value_text(fmt: Fmt, p: f64) -> String {
    match p < 0.0001 {
        true => format!("< {}", fmt.float(0.0001)),
        false => fmt.float(p),
    }
}

fn interval(fmt: Fmt, confidence: &str, ci: Interval, show: impl Fn(f64) -> String) -> String {
    fill(
        R::Interval.text(fmt.lang),
        &[confidence, &show(ci.low), &show(ci.high)],
    )
}

/// The result of `test`: the verdict, the rates, the lifts with their intervals, the
/// p-value, the split and the progress against the planned sample (the lift's use is
/// the screen's: it needs the campaigns).
pub fn result(fmt: Fmt, test: &AbTest) -> AnyView {
    let lang = fmt.lang;
    let title = R::ResultTitle.text(lang);
    if !test.has_data() {
        return view! {
            <h3>{title}</h3>
            <p class="hint" data-testid="ab-empty">{R::Empty.text(lang)}</p>
        }
        .into_any();
    }
    let a = match test.analysis() {
        Ok(a) => a,
        Err(e) => {
            return view! {
                <h3>{title}</h3>
                <p class="ab-error" data-testid="ab-error">{error_text(e).text(lang)}</p>
            }
            .into_any()
        }
    };
    let confidence = fmt.share(a.confidence);
    let (verdict, kind) = match test.verdict(&a) {
        Verdict::SampleRatioMismatch => (R::VerdictSrm, "ab-verdict bad"),
        Verdict::NotEnoughData => (R::VerdictNotEnough, "ab-verdict none"),
        Verdict::BWins => (R::VerdictB, "ab-verdict good"),
        Verdict::AWins => (R::VerdictA, "ab-verdict bad"),
        Verdict::NoSignificantDifference => (R::VerdictNone, "ab-verdict none"),
        Verdict::NotConclusiveYet => (R::VerdictEarly, "ab-verdict none"),
    };
    let row = |arm: Arm, n: u64, c: u64, rate: f64| {
        view! {
            <tr>
                <th scope="row">{M::VariantName(arm).text(lang)}</th>
                <td>{fmt.float(n as f64)}</td>
                <td>{fmt.float(c as f64)}</td>
                <td data-testid=if arm == Arm::A { "ab-rate-a" } else { "ab-rate-b" }>{fmt.share(rate)}</td>
            </tr>
        }
    };
    let relative = a
        .relative_lift
        .map(|r| signed(r, fmt.share(r)))
        .unwrap_or_else(|| "—".into());
    let relative_ci = a
        .relative_ci
        .map(|ci| interval(fmt, &confidence, ci, |x| signed(x, fmt.share(x))))
        .unwrap_or_default();
    let p_value = a
        .test
        .map(|z| {
            fill(
                R::PValueText.text(lang),
                &[&p_value_text(fmt, z.p_value), &fmt.float(z.z)],
            )
        })
        .unwrap_or_else(|| "—".into());
    let split = fill(
        if a.srm.mismatch {
            R::SplitBroken
        } else {
            R::SplitText
        }
        .text(lang),
        &[
            &fmt.share(a.srm.observed_share_a),
            &fmt.share(a.srm.expected_share_a),
            &p_value_text(fmt, a.srm.p_value),
        ],
    );
    let absolute_ci = interval(fmt, &confidence, a.absolute_ci, |x| points(fmt, x));
    view! {
        <h3>{title}</h3>
        <p class=kind data-testid="ab-verdict">{fill(verdict.text(lang), &[&confidence])}</p>
        <table class="ab-table">
            <thead>
                <tr>
                    <th scope="col">{R::Variant.text(lang)}</th>
                    <th scope="col">{M::Visitors.text(lang)}</th>
                    <th scope="col">{M::Conversions.text(lang)}</th>
                    <th scope="col">{R::Rate.text(lang)}</th>
                </tr>
            </thead>
            <tbody>
                {row(Arm::A, a.a.visitors, a.a.conversions, a.rate_a)}
                {row(Arm::B, a.b.visitors, a.b.conversions, a.rate_b)}
            </tbody>
        </table>
        <dl class="ab-figures">
            {figure(fmt, R::AbsLift, Figure::Abs, points(fmt, a.absolute_lift), absolute_ci)}
            {figure(fmt, R::RelLift, Figure::Rel, relative, relative_ci)}
            {figure(fmt, R::PValue, Figure::P, p_value, String::new())}
            {figure(fmt, R::Split, Figure::Split, split, String::new())}
        </dl>
        {progress(fmt, test, &a)}
    }
    .into_any()
}

/// A figure of the result, named in its `data-testid`s.
#[derive(Clone, Copy)]
enum Figure {
    Abs,
    Rel,
    P,
    Split,
}

impl Figure {
    /// The figure's `data-testid`, and that of its note.
    fn test_ids(self) -> (&'static str, &'static str) {
        match self {
            Figure::Abs => ("ab-abs", "ab-abs-ci"),
            Figure::Rel => ("ab-rel", "ab-rel-ci"),
            Figure::P => ("ab-p", "ab-p-ci"),
            Figure::Split => ("ab-split", "ab-split-ci"),
        }
    }
}

fn figure(fmt: Fmt, label: R, which: Figure, value: String, note: String) -> impl IntoView {
    let (id, note_id) = which.test_ids();
    view! {
        <div>
            <dt>{label.text(fmt.lang)}</dt>
            <dd data-testid=id>{value}</dd>
            <dd class="hint" data-testid=note_id>{(!note.is_empty()).then_some(note)}</dd>
        </div>
    }
}

/// How far the test is from its planned sample, and the warning against stopping early.
fn progress(fmt: Fmt, test: &AbTest, a: &Analysis) -> Option<AnyView> {
    let sample = test.sample().ok()?;
    let p = crate::engine::abtest::progress(a.a, a.b, sample.per_variant);
    let lang = fmt.lang;
    let n = |x: u64| fmt.float(x as f64);
    Some(if p.reached {
        view! {
            <p class="note" data-testid="ab-progress">{fill(R::Reached.text(lang), &[&n(sample.per_variant)])}</p>
        }
        .into_any()
    } else {
        let text = fill(
            R::Progress.text(lang),
            &[
                &n(sample.per_variant),
                &n(a.a.visitors),
                &n(a.b.visitors),
                &fmt.share(p.fraction),
            ],
        );
        view! {
            <div class="note warn" data-testid="ab-progress">
                <p>{text}</p>
                <p>{R::EarlyWarning.text(lang)}</p>
            </div>
        }
        .into_any()
    })
}

/// The sample the plan needs, and the days at the daily traffic.
pub fn plan(fmt: Fmt, test: &AbTest) -> AnyView {
    let lang = fmt.lang;
    let sample = match test.sample() {
        Ok(s) => s,
        Err(e) => {
            return view! { <span class="ab-error">{error_text(e).text(lang)}</span> }.into_any()
        }
    };
    let n = |x: u64| fmt.float(x as f64);
    let mut text = fill(
        R::Sample.text(lang),
        &[
            &n(sample.per_variant),
            &n(sample.per_variant.saturating_mul(2)),
            &fmt.share(sample.baseline_rate),
            &fmt.share(sample.target_rate),
        ],
    );
    match test.days(sample.per_variant) {
        Some(Ok(days)) => {
            text.push(' ');
            text.push_str(&fill(
                R::Days.text(lang),
                &[&fmt.plain(test.daily_traffic), &n(days)],
            ));
        }
        Some(Err(e)) => {
            text.push(' ');
            text.push_str(error_text(e).text(lang));
        }
        None => {}
    }
    text.into_any()
}
