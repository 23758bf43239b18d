//! What stored and linked measurements may hold (`src/scenario/validate.rs`), period
//! lengths, ISO dates and the stored form.
//!
//! Where expected values come from:
//! - every KPI of the two fixture periods is worked out by hand in the comments next to
//!   it (the formulas are those of the module docs of `src/engine/kpi.rs`);
//! - values involving `1 − (1 − c)^(365 ÷ days)` were computed with Python's `decimal`
//!   module at 50 significant digits (the snippet is quoted where it is used);
//! - ranges come from the rules of `src/engine/model/inputs.rs` and
//!   `src/engine/measure/`, and the limits from `src/units.rs`.

mod common;

use chrono::NaiveDate;
use common::measure::*;
use retorno::engine::campaigns::Campaign;
use retorno::engine::measure::{iso, parse_iso, Measure, Measurement, Period};
use retorno::scenario::MeasurementError;
use retorno::units::{Problem, Unit, MAX_CAMPAIGNS, MAX_DEALS_CHARS, MAX_NAME_CHARS, MEASURE_MAX};
use rust_decimal::Decimal;
use serde_json::{json, Value};

// ---------------------------------------------------------------------------------------
// Validation

#[test]
fn measure_values_are_checked() {
    let max_plus = MEASURE_MAX + d("0.0001");
    for &m in Measure::ALL {
        assert_eq!(m.rule().check(Decimal::ZERO), Ok(()), "{m:?}");
        assert_eq!(m.rule().check(MEASURE_MAX), Ok(()), "{m:?}");
        assert_eq!(m.rule().check(d("-1")), Err(Problem::BelowMin), "{m:?}");
        assert_eq!(m.rule().check(d("-0.5")), Err(Problem::BelowMin), "{m:?}");
        assert_eq!(m.rule().check(max_plus), Err(Problem::AboveMax), "{m:?}");
        let fraction = m.rule().check(d("2.5"));
        if m.unit() == Unit::Count {
            assert_eq!(fraction, Err(Problem::NotWhole), "{m:?}");
            // A whole value written with decimals is whole.
            assert_eq!(m.rule().check(d("2.000")), Ok(()), "{m:?}");
        } else {
            assert_eq!(fraction, Ok(()), "{m:?}");
        }
    }
}

#[test]
fn measurements_validate() {
    use MeasurementError::{BadCampaign, BadClv, BadValue, TooLong};
    assert_eq!(Measurement::default().validate(), Ok(()));
    assert!(Measurement::default().is_empty());
    assert_eq!(fixture().validate(), Ok(()));
    assert!(!fixture().is_empty());
    // Contradictions and reversed dates are not validation errors.
    let mut odd = fixture();
    odd.periods[0].values.customers_new = Some(d("5000"));
    odd.periods[1].start = Some(date(2026, 1, 1));
    odd.periods[1].end = Some(date(2025, 1, 1));
    assert_eq!(odd.validate(), Ok(()));

    // Values, in either period.
    for &m in Measure::ALL {
        let fraction = if m.unit() == Unit::Count {
            Some("0.5")
        } else {
            None
        };
        for bad in ["-1", "1000000000000.0001"].into_iter().chain(fraction) {
            for which in 0..2 {
                let mut x = fixture();
                let p = if which == 0 {
                    &mut x.periods[0]
                } else {
                    &mut x.periods[1]
                };
                m.set(&mut p.values, Some(d(bad)));
                assert_eq!(x.validate(), Err(BadValue), "{m:?} = {bad} in {which}");
            }
        }
        let mut x = Measurement::default();
        m.set(&mut x.periods[1].values, Some(MEASURE_MAX));
        assert_eq!(x.validate(), Ok(()), "{m:?} at the maximum");
    }

    // Deals pastes: counted in characters, not bytes.
    for which in 0..2 {
        let mut x = Measurement::default();
        let p = if which == 0 {
            &mut x.periods[0]
        } else {
            &mut x.periods[1]
        };
        p.deals = "é".repeat(MAX_DEALS_CHARS);
        assert_eq!(x.validate(), Ok(()));
        let p = if which == 0 {
            &mut x.periods[0]
        } else {
            &mut x.periods[1]
        };
        p.deals.push('x');
        assert_eq!(x.validate(), Err(TooLong));
    }

    // Campaigns: count and names.
    let row = |name: &str| Campaign {
        name: name.into(),
        spend: d("1000"),
        operating_cost: d("200"),
        clicks: d("500"),
        leads: d("50"),
        customers: d("5"),
        revenue: d("6000"),
        margin_pct: d("40"),
    };
    let with = |rows: Vec<Campaign>| Measurement {
        campaigns: rows,
        ..Measurement::default()
    };
    assert_eq!(with(vec![row("A"); MAX_CAMPAIGNS]).validate(), Ok(()));
    assert_eq!(
        with(vec![row("A"); MAX_CAMPAIGNS + 1]).validate(),
        Err(TooLong)
    );
    assert_eq!(MAX_CAMPAIGNS + 1, 51);
    assert_eq!(
        with(vec![row(&"ñ".repeat(MAX_NAME_CHARS))]).validate(),
        Ok(())
    );
    assert_eq!(
        with(vec![row(&"ñ".repeat(MAX_NAME_CHARS + 1))]).validate(),
        Err(TooLong)
    );
    assert_eq!(MAX_NAME_CHARS + 1, 121);

    // Campaign amounts and margin.
    type Edit = fn(&mut Campaign);
    let bad: [(&str, Edit); 11] = [
        ("margin 101", |c| c.margin_pct = d("101")),
        ("margin 100.0001", |c| c.margin_pct = d("100.0001")),
        ("margin −1", |c| c.margin_pct = d("-1")),
        ("negative spend", |c| c.spend = d("-1")),
        ("negative operating cost", |c| c.operating_cost = d("-1")),
        ("huge operating cost", |c| {
            c.operating_cost = MEASURE_MAX + Decimal::ONE
        }),
        ("negative clicks", |c| c.clicks = d("-0.01")),
        ("negative leads", |c| c.leads = d("-1")),
        ("negative customers", |c| c.customers = d("-1")),
        ("negative revenue", |c| c.revenue = d("-1")),
        ("huge revenue", |c| c.revenue = MEASURE_MAX + Decimal::ONE),
    ];
    for (what, edit) in bad {
        let mut c = row("A");
        edit(&mut c);
        assert_eq!(
            with(vec![row("B"), c]).validate(),
            Err(BadCampaign),
            "{what}"
        );
    }
    let mut edge = row("A");
    edge.margin_pct = d("100");
    edge.spend = MEASURE_MAX;
    edge.revenue = Decimal::ZERO;
    assert_eq!(with(vec![edge]).validate(), Ok(()));

    // The CLV calculator.
    let max = MEASURE_MAX.to_string();
    let max_plus = (MEASURE_MAX + Decimal::ONE).to_string();
    let neg_max = (-MEASURE_MAX).to_string();
    let neg_max_minus = (-MEASURE_MAX - Decimal::ONE).to_string();
    for (inputs, ok) in [
        (clv("960", "101", "10", "450"), false),
        (clv("960", "100.01", "10", "450"), false),
        (clv("960", "-1", "10", "450"), false),
        (clv("960", "85", "101", "450"), false),
        (clv("960", "85", "-1", "450"), false),
        (clv("960", "85", "10", "-1"), false),
        (clv("960", "85", "10", &max_plus), false),
        (clv(&max_plus, "85", "10", "450"), false),
        (clv(&neg_max_minus, "85", "10", "450"), false),
        (clv("960", "100", "100", &max), true),
        (clv(&neg_max, "0", "0", "0"), true),
        (clv(&max, "85", "10", "450"), true),
        (serving(clv("960", "85", "10", "450"), "-1"), false),
        (serving(clv("960", "85", "10", "450"), &max_plus), false),
        (serving(clv("960", "85", "10", "450"), &max), true),
        (serving(clv(&neg_max, "0", "0", &max), &max), true),
    ] {
        let x = Measurement {
            clv: inputs.clone(),
            ..Measurement::default()
        };
        let expected = if ok { Ok(()) } else { Err(BadClv) };
        assert_eq!(x.validate(), expected, "{inputs:?}");
        assert_eq!(inputs.is_valid(), ok, "{inputs:?}");
    }
}

// ---------------------------------------------------------------------------------------
// Dates and the stored form

#[test]
fn period_length_in_days() {
    let span = |a: NaiveDate, b: NaiveDate| Period {
        start: Some(a),
        end: Some(b),
        ..Period::default()
    };
    // Both ends included.
    assert_eq!(span(date(2025, 1, 1), date(2025, 1, 1)).days(), Some(1));
    assert_eq!(span(date(2025, 1, 1), date(2025, 1, 31)).days(), Some(31));
    assert_eq!(span(date(2025, 1, 1), date(2025, 12, 31)).days(), Some(365));
    assert_eq!(span(date(2024, 1, 1), date(2024, 12, 31)).days(), Some(366));
    // 2024-02-01 → 2024-03-01: 29 days of February + 1.
    assert_eq!(span(date(2024, 2, 1), date(2024, 3, 1)).days(), Some(30));
    // Across a century not divisible by 400: 1900 has 365 days.
    assert_eq!(span(date(1900, 1, 1), date(1900, 12, 31)).days(), Some(365));
    // Reversed, or a date missing: no length.
    let reversed = span(date(2025, 1, 2), date(2025, 1, 1));
    assert_eq!(reversed.days(), None);
    assert!(reversed.dates_reversed());
    assert!(!span(date(2025, 1, 1), date(2025, 1, 1)).dates_reversed());
    assert!(!span(date(2025, 1, 1), date(2025, 1, 2)).dates_reversed());
    let mut half = span(date(2025, 1, 1), date(2025, 1, 2));
    half.end = None;
    assert_eq!(half.days(), None);
    assert!(!half.dates_reversed());
    let mut half = span(date(2025, 1, 1), date(2025, 1, 2));
    half.start = None;
    assert_eq!(half.days(), None);
    assert!(!half.dates_reversed());
    assert_eq!(Period::default().days(), None);
}

/// Periods that overlap the one before them, by hand: Q1 ends 03-31; a pilot from
/// 03-31 shares that day (overlap), one from 04-01 does not; an undated period neither
/// overlaps nor is overlapped.
#[test]
fn overlapping_periods_are_found() {
    let span = |a: NaiveDate, b: NaiveDate| Period {
        start: Some(a),
        end: Some(b),
        ..Period::default()
    };
    let m = Measurement {
        periods: vec![
            span(date(2025, 1, 1), date(2025, 3, 31)),
            span(date(2025, 3, 31), date(2025, 6, 30)),
            span(date(2025, 7, 1), date(2025, 9, 30)),
            Period::default(),
            span(date(2025, 1, 1), date(2025, 2, 1)),
            span(date(2025, 1, 15), date(2025, 3, 1)),
        ],
        ..Measurement::default()
    };
    assert_eq!(m.overlaps(), vec![1, 5]);
    assert_eq!(Measurement::default().overlaps(), Vec::<usize>::new());
}

#[test]
fn iso_dates_strictly() {
    assert_eq!(parse_iso("2025-03-14"), Some(date(2025, 3, 14)));
    assert_eq!(parse_iso("2024-02-29"), Some(date(2024, 2, 29)));
    assert_eq!(parse_iso("2000-02-29"), Some(date(2000, 2, 29)));
    assert_eq!(parse_iso("0001-01-01"), Some(date(1, 1, 1)));
    assert_eq!(parse_iso("9999-12-31"), Some(date(9999, 12, 31)));
    for bad in [
        "2025-02-29", // not a leap year
        "1900-02-29", // nor is 1900
        "2025-04-31",
        "2025-13-01",
        "2025-00-10",
        "2025-01-00",
        "1/2/2025",
        "01/02/2025",
        "2025-1-02",
        "2025-01-2",
        "2025/01/02",
        "2025.01.02",
        "25-01-02",
        "02-01-2025",
        "2025-01-02T10:00",
        "2025-01-02 ",
        " 2025-01-02",
        "+2025-01-02",
        "12025-01-02",
        "2025-0a-02",
        "２０２５-01-02",
        "2025−01−02", // minus signs, not hyphens
        "",
        "2025-01-",
    ] {
        assert_eq!(parse_iso(bad), None, "{bad:?}");
    }
    assert_eq!(iso(date(2025, 3, 4)), "2025-03-04");
    assert_eq!(iso(date(987, 12, 31)), "0987-12-31");
    // iso and parse_iso agree on every day of a leap year and around it.
    let mut day = date(2023, 12, 1);
    while day <= date(2025, 3, 1) {
        assert_eq!(parse_iso(&iso(day)), Some(day), "{day}");
        day = day.succ_opt().unwrap();
    }
}

#[test]
fn periods_are_stored_with_iso_dates() {
    let p = baseline();
    let json = serde_json::to_value(&p).unwrap();
    assert_eq!(json["start"], "2025-01-01");
    assert_eq!(json["end"], "2025-03-31");
    assert_eq!(json["deals"], BASELINE_DEALS);
    let back: Period = serde_json::from_value(json).unwrap();
    assert_eq!(back, p);
    // A period without dates or deals leaves them out.
    let json = serde_json::to_value(Period::default()).unwrap();
    assert_eq!(json, json!({"values": {}}));
    // Whole measurements round trip, campaigns and CLV included.
    let mut m = fixture();
    m.campaigns = vec![Campaign {
        name: "Búsqueda \"pagada\"".into(),
        spend: d("1234.5678"),
        margin_pct: d("37.5"),
        ..Campaign::default()
    }];
    m.clv = serving(clv("-12.34", "99.5", "0", "7"), "120.5");
    let text = serde_json::to_string(&m).unwrap();
    assert_eq!(serde_json::from_str::<Measurement>(&text).unwrap(), m);

    // Reading: anything but a strict ISO date is no date; missing keys take defaults.
    let read = |v: Value| serde_json::from_value::<Period>(v).unwrap();
    assert_eq!(
        read(json!({"start": "2024-02-29", "end": "2025-02-29"})),
        Period {
            start: Some(date(2024, 2, 29)),
            ..Period::default()
        }
    );
    for garbage in [
        json!("31/03/2025"),
        json!("2025-3-31"),
        json!("yesterday"),
        json!(""),
        json!(null),
    ] {
        let p = read(json!({"start": garbage, "end": garbage, "deals": "x"}));
        assert_eq!((p.start, p.end), (None, None), "{garbage}");
        assert_eq!(p.deals, "x");
    }
    assert_eq!(read(json!({})), Period::default());
    // Amounts are read from decimal strings, as the app writes them; a JSON number (a
    // binary float) is refused (Cargo.toml, rust_decimal's `serde-str`).
    let p = read(json!({"values": {"customers_start": "1000", "revenue": "12.5"}}));
    assert_eq!(p.values.customers_start, Some(d("1000")));
    assert_eq!(p.values.revenue, Some(d("12.5")));
    assert!(serde_json::from_value::<Period>(json!({"values": {"revenue": 12.5}})).is_err());
    // A date that is not even a string is an error, not a silent default.
    assert!(serde_json::from_value::<Period>(json!({"start": 20250101})).is_err());
}
