//! What differs between scenarios compared side by side (`src/scenario/compare.rs`).

use retorno::engine::model::{BenefitLine, Field};
use retorno::scenario::compare::{differences, Differences};
use retorno::scenario::Scenario;
use retorno::units::Currency;
use rust_decimal::Decimal;

#[test]
fn differences_against_the_first_scenario() {
    let first = Scenario::default();
    assert_eq!(differences(&[]), Differences::default());
    assert_eq!(
        differences(std::slice::from_ref(&first)),
        Differences::default()
    );
    assert_eq!(
        differences(&[first.clone(), first.clone()]),
        Differences::default()
    );

    let mut second = first.clone();
    Field::Seats.set(&mut second.inputs, Decimal::from(41));
    let mut third = first.clone();
    Field::ChurnAfterPct.set(&mut third.inputs, Decimal::from(12));
    third.inputs.lines.set(BenefitLine::Service, false);
    third.currency = Currency::USD;
    let d = differences(&[first, second, third]);
    // Fields in declaration order (seats comes before churn), whichever scenario differs.
    assert_eq!(d.fields, vec![Field::Seats, Field::ChurnAfterPct]);
    assert_eq!(d.lines, vec![BenefitLine::Service]);
    assert!(d.currency);
}
