//! KPI targets (`src/engine/measure/targets.rs`): the status of a measured value against a target,
//! each case worked by hand in its comment.

use chrono::NaiveDate;
use retorno::engine::kpi::KpiError;
use retorno::engine::measure::{Direction, Kpi};
use retorno::engine::targets::{status, status_of, Status, Target};
use rust_decimal::Decimal;
use std::str::FromStr;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn day(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn target(value: &str, by: Option<&str>) -> Option<Target> {
    Some(Target {
        value: d(value),
        by: by.map(day),
    })
}

fn off(gap: &str, gap_pct: Option<&str>, overdue: bool) -> Status {
    Status::OffTarget {
        gap: d(gap),
        gap_pct: gap_pct.map(d),
        overdue,
    }
}

const TODAY: &str = "2026-06-15";

/// Churn (lower is better) of 6.5 % against a target of 5 % by 2026-06-30: 1.5 points
/// too high, 1.5 ÷ 5 × 100 = 30 % of the target; not overdue on 2026-06-15.
#[test]
fn churn_above_its_target_is_off_target() {
    assert_eq!(Kpi::Churn.direction(), Direction::Down);
    let s = status_of(
        Kpi::Churn,
        d("6.5"),
        target("5", Some("2026-06-30")),
        day(TODAY),
    );
    assert_eq!(s, Ok(off("1.5", Some("30"), false)));
    // Below or at the target: on target.
    for current in ["4.2", "5", "5.00", "0"] {
        assert_eq!(
            status_of(Kpi::Churn, d(current), target("5", None), day(TODAY)),
            Ok(Status::OnTarget),
            "{current}"
        );
    }
}

/// Retention (higher is better) of 76 % against 80 %: 4 points short, 4 ÷ 80 × 100 = 5 %.
/// 90 % and exactly 80 % meet it.
#[test]
fn retention_below_its_target_is_off_target() {
    assert_eq!(Kpi::Retention.direction(), Direction::Up);
    let t = target("80", None);
    assert_eq!(
        status_of(Kpi::Retention, d("76"), t, day(TODAY)),
        Ok(off("4", Some("5"), false))
    );
    assert_eq!(
        status_of(Kpi::Retention, d("90"), t, day(TODAY)),
        Ok(Status::OnTarget)
    );
    assert_eq!(
        status_of(Kpi::Retention, d("80"), t, day(TODAY)),
        Ok(Status::OnTarget)
    );
    // 82 against 85: 3 ÷ 85 × 100 = 3.5294117647058823529411764706 (28 significant
    // digits, Decimal's precision).
    assert_eq!(
        status(Direction::Up, d("82"), target("85", None), day(TODAY)),
        Ok(off("3", Some("3.5294117647058823529411764706"), false))
    );
}

/// The target's date counts as in time: off target on 2026-06-30 is not overdue, on
/// 2026-07-01 it is. On target is never overdue.
#[test]
fn overdue_only_after_the_date_and_only_off_target() {
    let t = target("5", Some("2026-06-30"));
    let on = |today: &str, current: &str| status(Direction::Down, d(current), t, day(today));
    assert_eq!(on("2026-06-30", "7"), Ok(off("2", Some("40"), false)));
    assert_eq!(on("2026-07-01", "7"), Ok(off("2", Some("40"), true)));
    assert_eq!(on("2027-01-01", "4"), Ok(Status::OnTarget));
    // Without a date, never overdue.
    assert_eq!(
        status(
            Direction::Down,
            d("7"),
            target("5", None),
            day("2099-12-31")
        ),
        Ok(off("2", Some("40"), false))
    );
}

/// An NPS (points, higher is better) of −20 against a target of −10: 10 points short,
/// 10 ÷ |−10| × 100 = 100 %. A target of 0: 20 points short, no percentage.
#[test]
fn negative_and_zero_targets() {
    assert_eq!(
        status_of(Kpi::Nps, d("-20"), target("-10", None), day(TODAY)),
        Ok(off("10", Some("100"), false))
    );
    assert_eq!(
        status_of(Kpi::Nps, d("-20"), target("0", None), day(TODAY)),
        Ok(off("20", None, false))
    );
    assert_eq!(
        status_of(Kpi::Nps, d("-5"), target("-10", None), day(TODAY)),
        Ok(Status::OnTarget)
    );
}

#[test]
fn no_target_and_no_direction() {
    assert_eq!(
        status(Direction::Up, d("5"), None, day(TODAY)),
        Ok(Status::NoTarget)
    );
    assert_eq!(
        status(Direction::Neutral, d("5"), target("3", None), day(TODAY)),
        Ok(Status::Undirected)
    );
    // Every KPI with a direction gets a verdict; only neutral ones are undirected.
    for k in Kpi::ALL {
        let s = status_of(k, d("1"), target("2", None), day(TODAY)).unwrap();
        match k.direction() {
            Direction::Neutral => assert_eq!(s, Status::Undirected, "{k:?}"),
            Direction::Up => assert_eq!(s, off("1", Some("50"), false), "{k:?}"),
            Direction::Down => assert_eq!(s, Status::OnTarget, "{k:?}"),
        }
    }
}

/// MAX − (−MAX) does not fit in a Decimal: an error, not a panic. Nor does a gap that
/// fits but whose percentage does not.
#[test]
fn overflow_is_an_error() {
    assert_eq!(
        status(
            Direction::Up,
            Decimal::MIN,
            Some(Target {
                value: Decimal::MAX,
                by: None
            }),
            day(TODAY)
        ),
        Err(KpiError::Overflow)
    );
    assert_eq!(
        status(
            Direction::Down,
            Decimal::MAX,
            Some(Target {
                value: Decimal::MIN,
                by: None
            }),
            day(TODAY)
        ),
        Err(KpiError::Overflow)
    );
    // A gap of 10²⁷ on a target of 10⁻²⁸: the percentage, 10⁵⁷, does not fit either.
    assert_eq!(
        status(
            Direction::Up,
            d("-1000000000000000000000000000"),
            target("0.0000000000000000000000000001", None),
            day(TODAY)
        ),
        Err(KpiError::Overflow)
    );
}
