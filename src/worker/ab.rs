//! The A/B test's results as HTML, which the analysis worker writes (the page sends the
//! test, [`crate::worker::rfm::protocol::Request::Ab`]): the verdict with its intervals
//! and the sample the plan needs. So the page carries neither the statistics
//! ([`crate::engine::abtest`]) nor these texts.

use crate::engine::abtest::{AbError, Analysis, Arm, Interval, Verdict};
use crate::engine::measure::ab::lift_of;
use crate::engine::measure::AbTest;
use crate::html::legacy::esc;
use crate::i18n::format::Fmt;
use crate::i18n::{fill, AbMsg as M, AbResultMsg as R, AppMsg, Lang, Text};
use rust_decimal::Decimal;

fn t(lang: Lang, m: impl Text) -> String {
    esc(m.text(lang))
}

/// B's relative lift, rounded as it is carried into a campaign ([`lift_of`]), when B
/// wins; `None` otherwise.
pub fn lift(test: &AbTest) -> Option<Decimal> {
    let a = test.analysis().ok()?;
    a.relative_lift
        .filter(|_| a.verdict == Verdict::BWins)
        .and_then(lift_of)
}

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

fn interval(fmt: Fmt, confidence: String, ci: Interval, show: impl Fn(f64) -> String) -> String {
    fill(
        R::Interval.text(fmt.lang),
        &[&confidence, &show(ci.low), &show(ci.high)],
    )
}

/// The result of the test: the verdict, the rates, the lifts with their intervals, the
/// p-value, the split and the progress against the planned sample (the lift's use is
/// the page's: it needs the campaigns).
pub fn result(fmt: Fmt, test: &AbTest) -> String {
    let lang = fmt.lang;
    let title = format!("<h3>{}</h3>", t(lang, R::ResultTitle));
    if !test.has_data() {
        return format!(
            "{title}<p class=\"hint\" data-testid=\"ab-empty\">{}</p>",
            t(lang, R::Empty)
        );
    }
    let a = match test.analysis() {
        Ok(a) => a,
        Err(e) => {
            return format!(
                "{title}<p class=\"ab-error\" data-testid=\"ab-error\">{}</p>",
                t(lang, error_text(e))
            )
        }
    };
    let confidence = fmt.share(a.confidence);
    let (verdict, kind) = match a.verdict {
        Verdict::SampleRatioMismatch => (R::VerdictSrm, "bad"),
        Verdict::NotEnoughData => (R::VerdictNotEnough, "none"),
        Verdict::BWins => (R::VerdictB, "good"),
        Verdict::AWins => (R::VerdictA, "bad"),
        Verdict::NoSignificantDifference => (R::VerdictNone, "none"),
    };
    let row = |arm: Arm, n: u64, c: u64, rate: f64| {
        format!(
            "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td data-testid=\"ab-rate-{}\">{}</td></tr>",
            t(lang, M::VariantName(arm)),
            fmt.float(n as f64),
            fmt.float(c as f64),
            if arm == Arm::A { "a" } else { "b" },
            fmt.share(rate)
        )
    };
    let relative = a
        .relative_lift
        .map(|r| signed(r, fmt.share(r)))
        .unwrap_or_else(|| "—".into());
    let relative_ci = a
        .relative_ci
        .map(|ci| interval(fmt, confidence.clone(), ci, |x| signed(x, fmt.share(x))))
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
    let figure = |label: R, key: &str, value: String, note: String| {
        format!(
            "<div><dt>{}</dt><dd data-testid=\"ab-{key}\">{}</dd><dd class=\"hint\" data-testid=\"ab-{key}-ci\">{}</dd></div>",
            t(lang, label),
            esc(&value),
            esc(&note)
        )
    };
    format!(
        "{title}<p class=\"ab-verdict {kind}\" data-testid=\"ab-verdict\">{}</p>\
         <table class=\"ab-table\"><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>{}{}</tbody></table>\
         <dl class=\"ab-figures\">{}{}{}{}</dl>{}",
        esc(&fill(verdict.text(lang), &[&confidence])),
        t(lang, R::Variant),
        t(lang, M::Visitors),
        t(lang, M::Conversions),
        t(lang, R::Rate),
        row(Arm::A, a.a.visitors, a.a.conversions, a.rate_a),
        row(Arm::B, a.b.visitors, a.b.conversions, a.rate_b),
        figure(R::AbsLift, "abs", points(fmt, a.absolute_lift), interval(fmt, confidence.clone(), a.absolute_ci, |x| points(fmt, x))),
        figure(R::RelLift, "rel", relative, relative_ci),
        figure(R::PValue, "p", p_value, String::new()),
        figure(R::Split, "split", split, String::new()),
        progress(fmt, test, &a),
    )
}

/// How far the test is from its planned sample, and the warning against stopping early.
fn progress(fmt: Fmt, test: &AbTest, a: &Analysis) -> String {
    let Ok(sample) = test.sample() else {
        return String::new();
    };
    let p = crate::engine::abtest::progress(a.a, a.b, sample.per_variant);
    let lang = fmt.lang;
    let n = |x: u64| fmt.float(x as f64);
    if p.reached {
        return format!(
            "<p class=\"note\" data-testid=\"ab-progress\">{}</p>",
            esc(&fill(R::Reached.text(lang), &[&n(sample.per_variant)]))
        );
    }
    format!(
        "<div class=\"note warn\" data-testid=\"ab-progress\"><p>{}</p><p>{}</p></div>",
        esc(&fill(
            R::Progress.text(lang),
            &[
                &n(sample.per_variant),
                &n(a.a.visitors),
                &n(a.b.visitors),
                &fmt.share(p.fraction)
            ]
        )),
        t(lang, R::EarlyWarning)
    )
}

/// The sample the plan needs, and the days at the daily traffic.
pub fn plan(fmt: Fmt, test: &AbTest) -> String {
    let lang = fmt.lang;
    let sample = match test.sample() {
        Ok(s) => s,
        Err(e) => return format!("<span class=\"ab-error\">{}</span>", t(lang, error_text(e))),
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
    esc(&text)
}
