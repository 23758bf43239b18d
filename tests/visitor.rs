//! The visitor's calculator counts only what the visitor sees or the site owner set
//! (`src/engine/visitor.rs`), for its default inputs and three company sizes.
//!
//! Rules under test, with their sources (module docs): an input counts when it is on
//! screen, preset by the owner, or one of the stated assumptions (horizon: Gartner's
//! three years, article 002; adoption and risk haircut: Forrester's TEI; discount rate
//! and gross margin: printed with their values). A cost input nobody sees counts 0 (the
//! one-time figure stands for implementation, integration and training, as article 000
//! groups them); a benefit line with a driver nobody sees is off. Expected figures are
//! worked out by hand in the comments.

use retorno::engine::model::{evaluate, BenefitLine, CostLine, Field, Inputs, Report};
use retorno::engine::visitor::{cost_parts, Basis, Known, ASSUMPTIONS};
use retorno::scenario::embed::VISITOR_FIELDS;
use rust_decimal::Decimal;
use std::str::FromStr;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// The visitor's inputs of one company (the visible fields only; the rest at the full
/// app's defaults, as the visitor's calculator starts).
fn company(values: &[(Field, &str)]) -> Inputs {
    let mut inputs = Inputs::default();
    for &(field, value) in values {
        field.set(&mut inputs, d(value));
    }
    inputs
}

/// 3 users, 20 customers, 100 leads a year: the tiny company of issue 25.
fn tiny() -> Inputs {
    company(&[
        (Field::Seats, "3"),
        (Field::LicencePerSeatMonth, "25"),
        (Field::Implementation, "5000"),
        (Field::Customers, "20"),
        (Field::RevenuePerCustomer, "1200"),
        (Field::ChurnBeforePct, "20"),
        (Field::ChurnAfterPct, "15"),
        (Field::LeadsPerYear, "100"),
        (Field::ConversionBeforePct, "10"),
        (Field::ConversionAfterPct, "12"),
        (Field::AvgDealValue, "1500"),
    ])
}

/// 40 users: the visitor's calculator's own defaults.
fn mid() -> Inputs {
    Inputs::default()
}

/// 400 users.
fn large() -> Inputs {
    company(&[
        (Field::Seats, "400"),
        (Field::LicencePerSeatMonth, "120"),
        (Field::Implementation, "400000"),
        (Field::Customers, "20000"),
        (Field::RevenuePerCustomer, "5000"),
        (Field::GrossMarginPct, "35"),
        (Field::ChurnBeforePct, "12"),
        (Field::ChurnAfterPct, "10"),
        (Field::LeadsPerYear, "50000"),
        (Field::ConversionBeforePct, "5"),
        (Field::ConversionAfterPct, "6"),
        (Field::AvgDealValue, "8000"),
    ])
}

fn sizes() -> [(&'static str, Inputs); 3] {
    [
        ("3 seats", tiny()),
        ("40 seats", mid()),
        ("400 seats", large()),
    ]
}

fn visitor() -> Known {
    Known::new(&VISITOR_FIELDS, &[])
}

fn report(known: &Known, inputs: &Inputs) -> Report {
    evaluate(&known.model_inputs(inputs)).unwrap()
}

/// "No improvement" on every visible driver: conversion and churn with the CRM as before.
fn no_improvement(mut inputs: Inputs) -> Inputs {
    inputs.conversion_after_pct = inputs.conversion_before_pct;
    inputs.churn_after_pct = inputs.churn_before_pct;
    inputs
}

fn visible_or_assumed(field: Field, preset: &[Field]) -> bool {
    VISITOR_FIELDS.contains(&field) || preset.contains(&field) || ASSUMPTIONS.contains(&field)
}

#[test]
fn every_line_that_counts_is_driven_by_what_the_visitor_sees() {
    let known = visitor();
    for (name, inputs) in sizes() {
        let model = known.model_inputs(&inputs);
        let r = evaluate(&model).unwrap();
        for line in BenefitLine::ALL {
            let amount: Decimal = r.years.iter().map(|y| y.benefit_lines[line.index()]).sum();
            let driven = line.drivers().iter().all(|&f| visible_or_assumed(f, &[]));
            assert_eq!(
                model.lines.is_on(line),
                driven && inputs.lines.is_on(line),
                "{name}: {line:?}"
            );
            if !driven {
                assert_eq!(
                    amount,
                    Decimal::ZERO,
                    "{name}: {line:?} counts unseen drivers"
                );
            }
        }
        // Every cost input the visitor cannot see counts 0 (seats, at least 1, are seen).
        for line in CostLine::ALL {
            for &field in cost_parts(line) {
                if !visible_or_assumed(field, &[]) {
                    assert_eq!(field.get(&model), Decimal::ZERO, "{name}: {field:?}");
                }
            }
        }
        // What counts, by hand from the drivers' lists: conversion (leads, both
        // conversions, deal value, margin) and retention (customers, both churns,
        // revenue, margin) are all on screen; every other line needs a driver that is not.
        let counted: Vec<BenefitLine> = BenefitLine::ALL
            .into_iter()
            .filter(|&l| known.benefit_basis(l, &inputs) == Basis::Counted)
            .collect();
        assert_eq!(
            counted,
            [BenefitLine::Conversion, BenefitLine::Retention],
            "{name}"
        );
    }
}

#[test]
fn each_line_says_how_it_is_counted() {
    let known = visitor();
    let inputs = mid();
    assert_eq!(
        known.cost_basis(CostLine::OneTime),
        Basis::Without(vec![
            Field::Integration,
            Field::DataMigration,
            Field::InitialTraining
        ])
    );
    assert_eq!(
        known.cost_basis(CostLine::Licences),
        Basis::Without(vec![
            Field::AiAddonPerSeatMonth,
            Field::LicenceEscalationPct
        ])
    );
    assert_eq!(
        known.cost_basis(CostLine::Staff),
        Basis::Needs(vec![Field::AdminHoursPerMonth, Field::AdminHourlyRate])
    );
    assert_eq!(
        known.cost_basis(CostLine::Maintenance),
        Basis::Needs(vec![Field::MaintenancePerYear])
    );
    assert_eq!(
        known.benefit_basis(BenefitLine::Service, &inputs),
        Basis::Needs(vec![
            Field::TicketsPerYear,
            Field::HandleMinutesSaved,
            Field::ServiceCostPerHour
        ])
    );
    // The lifetime line is off in the scenario itself (its defaults), and unseen too.
    assert!(matches!(
        known.benefit_basis(BenefitLine::Lifetime, &inputs),
        Basis::Needs(_)
    ));
    // Assumptions are printed only when the visitor does not see them.
    assert!(known.assumed(Field::RiskHaircutPct));
    assert!(
        !known.assumed(Field::GrossMarginPct),
        "on screen by default"
    );
    assert!(Known::new(&[Field::Seats], &[]).assumed(Field::GrossMarginPct));
}

#[test]
fn no_improvement_gives_no_benefit() {
    let known = visitor();
    for (name, inputs) in sizes() {
        let r = report(&known, &no_improvement(inputs));
        assert_eq!(r.total_benefits, Decimal::ZERO, "{name}");
    }
}

#[test]
fn an_owner_preset_line_counts_as_the_owner_set_it() {
    // The owner presets the productivity line's four drivers: 2 reps saving 3 hours a
    // week over 40 weeks at 50 an hour = 12,000 a year in full; adoption 60 %, 85 %,
    // 100 % and the 10 % haircut give 6,480, 9,180 and 10,800 = 26,460 over three years.
    let preset = [
        Field::SalesReps,
        Field::HoursSavedPerRepWeek,
        Field::WorkingWeeks,
        Field::RepHourlyRate,
    ];
    let known = Known::new(&VISITOR_FIELDS, &preset);
    for (name, mut inputs) in sizes() {
        for (field, value) in preset.iter().zip(["2", "3", "40", "50"]) {
            field.set(&mut inputs, d(value));
        }
        let r = report(&known, &no_improvement(inputs));
        let productivity: Vec<Decimal> = r
            .years
            .iter()
            .map(|y| y.benefit_lines[BenefitLine::Productivity.index()])
            .collect();
        assert_eq!(
            productivity,
            [d("0"), d("6480"), d("9180"), d("10800")],
            "{name}"
        );
        assert_eq!(r.total_benefits, d("26460"), "{name}: only the preset line");
    }
}

#[test]
fn the_tiny_company_worked_by_hand() {
    // Costs: year 0 = the one-time 5,000 (nothing else is seen); years 1–3 = 3 seats ×
    // 25 × 12 = 900 (no AI add-on, flat prices, no contingency: not on screen).
    // Conversion: 100 leads × (12 % − 10 %) × 1,500 × 40 % = 1,200 a year in full; × 0.9
    // (risk) × 60 %, 85 %, 100 % = 648, 918, 1,080.
    // Retention: 20 × (20 % − 15 %) = 1 customer saved a year in full, worth 1,200 × 40 %
    // × 0.9 = 432; extra customers 0.6, 0.6 × 0.85 + 0.85 = 1.36, 1.36 × 0.85 + 1 = 2.156
    // → 259.2, 587.52, 931.392.
    // Nets: −5,000; 907.2 − 900 = 7.2; 1,505.52 − 900 = 605.52; 2,011.392 − 900 = 1,111.392.
    // PV benefits at 10 %: 824.7273 + 1,244.2314 + 1,511.1886 = 3,580.1473;
    // PV costs: 5,000 + 818.1818 + 743.8017 + 676.1833 = 7,238.1668;
    // NPV = −3,658.0195; ROI = −3,658.0195 ÷ 7,238.1668 = −50.54 %.
    let r = report(&visitor(), &tiny());
    let costs: Vec<Decimal> = r.years.iter().map(|y| y.costs).collect();
    assert_eq!(costs, [d("5000"), d("900"), d("900"), d("900")]);
    let benefits: Vec<Decimal> = r.years.iter().map(|y| y.benefits).collect();
    assert_eq!(benefits, [d("0"), d("907.2"), d("1505.52"), d("2011.392")]);
    let close = |a: Decimal, b: &str| (a - d(b)).abs() < d("0.01");
    assert!(close(r.pv_benefits, "3580.1473"), "{}", r.pv_benefits);
    assert!(close(r.pv_costs, "7238.1668"), "{}", r.pv_costs);
    assert!(close(r.npv, "-3658.0195"), "{}", r.npv);
    assert!(close(r.roi_pct.unwrap(), "-50.538"), "{:?}", r.roi_pct);
}

#[test]
fn known_inputs_and_assumptions_are_left_as_they_are() {
    let known = visitor();
    for (name, inputs) in sizes() {
        let model = known.model_inputs(&inputs);
        for &field in VISITOR_FIELDS.iter().chain(&ASSUMPTIONS) {
            assert_eq!(field.get(&model), field.get(&inputs), "{name}: {field:?}");
        }
        // Applying the rules twice changes nothing: the full analysis link carries
        // these inputs and opens on the same figures.
        assert_eq!(known.model_inputs(&model), model, "{name}");
    }
}
