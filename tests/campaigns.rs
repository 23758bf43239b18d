//! Campaign table: a three-campaign example worked out by hand, its total and ranking,
//! the issue-11 example (ROAS 1.2, ROMI −52 %), operating costs, validation errors, zero
//! denominators, and properties over random inputs (nothing panics, totals add up, no
//! operating cost gives `kpi::romi`).
//!
//! Every expected value is worked out by hand in the comment next to it, from the
//! formulas of the module docs of `src/engine/campaigns.rs`: ROAS = revenue ÷ spend,
//! ROMI = (gross profit − spend − operating cost) ÷ (spend + operating cost) × 100. The
//! values of the tests written before ROAS replaced the revenue ROI were recomputed by
//! hand for ROAS.

mod common;

use common::non_negative;
use proptest::prelude::*;
use retorno::engine::campaigns::{
    evaluate_campaign, ranking, totals, Campaign, CampaignError, CampaignField, CampaignMetrics,
    RankBy, Table,
};
use retorno::engine::kpi;
use retorno::units::{Problem, MEASURE_MAX};
use rust_decimal::Decimal;
use std::str::FromStr;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// A campaign from whole numbers, in field order, without operating cost.
fn campaign(
    name: &str,
    spend: i64,
    clicks: i64,
    leads: i64,
    customers: i64,
    revenue: i64,
    margin_pct: i64,
) -> Campaign {
    Campaign {
        name: name.to_owned(),
        spend: Decimal::from(spend),
        operating_cost: Decimal::ZERO,
        clicks: Decimal::from(clicks),
        leads: Decimal::from(leads),
        customers: Decimal::from(customers),
        revenue: Decimal::from(revenue),
        margin_pct: Decimal::from(margin_pct),
    }
}

/// Search pays; Display brings revenue but loses money once the margin is counted;
/// Referral costs nothing.
fn table() -> Vec<Campaign> {
    vec![
        campaign("Search", 10_000, 8_000, 400, 40, 60_000, 40),
        campaign("Display", 8_000, 20_000, 160, 8, 12_000, 50),
        campaign("Referral", 0, 0, 50, 20, 30_000, 60),
    ]
}

fn round10(value: Option<Decimal>) -> Option<Decimal> {
    value.map(|v| v.round_dp(10))
}

#[test]
fn search_worked_example() {
    let m = evaluate_campaign(&table()[0]).unwrap();
    // CPC = 10,000 ÷ 8,000 = 1.25
    assert_eq!(m.cpc, Some(d("1.25")));
    // CPL = 10,000 ÷ 400 = 25
    assert_eq!(m.cpl, Some(d("25")));
    // CPA = 10,000 ÷ 40 = 250
    assert_eq!(m.cpa, Some(d("250")));
    // Lead → customer = 40 ÷ 400 × 100 = 10 %
    assert_eq!(m.lead_to_customer_pct, Some(d("10")));
    // Gross profit = 60,000 × 40 ÷ 100 = 24,000
    assert_eq!(m.gross_profit, d("24000"));
    // ROMI (profit-based, kpi::romi) = (24,000 − 10,000) ÷ 10,000 × 100 = 140 %
    assert_eq!(m.romi_pct, Some(d("140")));
    // ROAS = 60,000 ÷ 10,000 = 6
    assert_eq!(m.roas, Some(d("6")));
}

#[test]
fn display_loses_money_although_its_roas_is_above_one() {
    let m = evaluate_campaign(&table()[1]).unwrap();
    // CPC = 8,000 ÷ 20,000 = 0.4
    assert_eq!(m.cpc, Some(d("0.4")));
    // CPL = 8,000 ÷ 160 = 50
    assert_eq!(m.cpl, Some(d("50")));
    // CPA = 8,000 ÷ 8 = 1,000
    assert_eq!(m.cpa, Some(d("1000")));
    // Lead → customer = 8 ÷ 160 × 100 = 5 %
    assert_eq!(m.lead_to_customer_pct, Some(d("5")));
    // Gross profit = 12,000 × 50 ÷ 100 = 6,000
    assert_eq!(m.gross_profit, d("6000"));
    // ROMI = (6,000 − 8,000) ÷ 8,000 × 100 = −25 %
    assert_eq!(m.romi_pct, Some(d("-25")));
    // ROAS = 12,000 ÷ 8,000 = 1.5
    assert_eq!(m.roas, Some(d("1.5")));
}

#[test]
fn referral_without_spend_has_no_return_but_free_leads() {
    let m = evaluate_campaign(&table()[2]).unwrap();
    // No clicks: no CPC. Spend 0 over 50 leads and 20 customers: CPL = CPA = 0.
    assert_eq!(m.cpc, None);
    assert_eq!(m.cpl, Some(d("0")));
    assert_eq!(m.cpa, Some(d("0")));
    // 20 ÷ 50 × 100 = 40 %
    assert_eq!(m.lead_to_customer_pct, Some(d("40")));
    // 30,000 × 60 ÷ 100 = 18,000
    assert_eq!(m.gross_profit, d("18000"));
    // Zero spend (and no operating cost): no ROAS, no ROMI.
    assert_eq!(m.roas, None);
    assert_eq!(m.romi_pct, None);
}

#[test]
fn totals_of_the_table() {
    let (total, m) = totals(&table()).unwrap();
    // Spend 10,000 + 8,000 + 0 = 18,000; clicks 8,000 + 20,000 + 0 = 28,000;
    // leads 400 + 160 + 50 = 610; customers 40 + 8 + 20 = 68;
    // revenue 60,000 + 12,000 + 30,000 = 102,000.
    assert_eq!(total.name, "");
    assert_eq!(total.spend, d("18000"));
    assert_eq!(total.clicks, d("28000"));
    assert_eq!(total.leads, d("610"));
    assert_eq!(total.customers, d("68"));
    assert_eq!(total.revenue, d("102000"));
    // Gross profit 24,000 + 6,000 + 18,000 = 48,000, exactly.
    assert_eq!(m.gross_profit, d("48000"));
    // Revenue-weighted margin = 48,000 ÷ 102,000 × 100 = 47.0588235294…
    assert_eq!(total.margin_pct.round_dp(10), d("47.0588235294"));
    // CPC = 18,000 ÷ 28,000 = 0.6428571428…
    assert_eq!(round10(m.cpc), Some(d("0.6428571429")));
    // CPL = 18,000 ÷ 610 = 29.5081967213…
    assert_eq!(round10(m.cpl), Some(d("29.5081967213")));
    // CPA = 18,000 ÷ 68 = 264.7058823529…
    assert_eq!(round10(m.cpa), Some(d("264.7058823529")));
    // Lead → customer = 68 ÷ 610 × 100 = 11.1475409836…
    assert_eq!(round10(m.lead_to_customer_pct), Some(d("11.1475409836")));
    // ROMI = (48,000 − 18,000) ÷ 18,000 × 100 = 166.666…
    assert_eq!(round10(m.romi_pct), Some(d("166.6666666667")));
    // ROAS = 102,000 ÷ 18,000 = 5.666…
    assert_eq!(round10(m.roas), Some(d("5.6666666667")));
    // No operating costs in this table.
    assert_eq!(total.operating_cost, d("0"));
}

#[test]
fn total_margin_reproduces_the_total_gross_profit() {
    let (total, m) = totals(&table()).unwrap();
    let again = total.revenue * total.margin_pct / d("100");
    assert_eq!(again.round_dp(10), m.gross_profit);
}

#[test]
fn totals_of_an_empty_table_are_zero_without_rates() {
    let (total, m) = totals(&[]).unwrap();
    assert_eq!(total, Campaign::default());
    assert_eq!(m, CampaignMetrics::default());
}

#[test]
fn ranking_of_the_table() {
    // ROMI: Search 140 %, Display −25 %, Referral none (zero spend, last); ROAS (6, 1.5,
    // none) puts them in the same order here.
    for by in [RankBy::Roas, RankBy::Romi] {
        assert_eq!(ranking(&table(), by), vec![0, 1, 2]);
        let mut reversed = table();
        reversed.reverse();
        assert_eq!(ranking(&reversed, by), vec![2, 1, 0]);
    }
}

#[test]
fn ranking_by_romi_follows_profit_and_by_roas_follows_revenue() {
    let rows = vec![
        // ROAS = 5,000 ÷ 1,000 = 5; gross profit 5,000 × 10 % = 500,
        // ROMI = (500 − 1,000) ÷ 1,000 = −50 %.
        campaign("Low margin", 1_000, 0, 0, 0, 5_000, 10),
        // ROAS = 3,000 ÷ 1,000 = 3; gross profit 3,000 × 80 % = 2,400,
        // ROMI = (2,400 − 1,000) ÷ 1,000 = 140 %.
        campaign("High margin", 1_000, 0, 0, 0, 3_000, 80),
    ];
    let low = evaluate_campaign(&rows[0]).unwrap();
    let high = evaluate_campaign(&rows[1]).unwrap();
    assert_eq!((low.roas, low.romi_pct), (Some(d("5")), Some(d("-50"))));
    assert_eq!((high.roas, high.romi_pct), (Some(d("3")), Some(d("140"))));
    assert_eq!(ranking(&rows, RankBy::Romi), vec![1, 0]);
    assert_eq!(ranking(&rows, RankBy::Roas), vec![0, 1]);
}

#[test]
fn issue_example_roas_above_one_loses_money_and_ranks_below_a_lower_roas() {
    let rows = vec![
        // Issue 11: revenue 12,000 on a spend of 10,000 at a 40 % margin.
        // ROAS = 12,000 ÷ 10,000 = 1.2; gross profit 12,000 × 40 ÷ 100 = 4,800;
        // ROMI = (4,800 − 10,000) ÷ 10,000 × 100 = −5,200 ÷ 10,000 × 100 = −52 %.
        campaign("Busy", 10_000, 0, 0, 0, 12_000, 40),
        // Lower ROAS, positive ROMI: revenue 11,000 on 10,000 at 95 %.
        // ROAS = 11,000 ÷ 10,000 = 1.1; gross profit 11,000 × 95 ÷ 100 = 10,450;
        // ROMI = (10,450 − 10,000) ÷ 10,000 × 100 = 4.5 %.
        campaign("Lean", 10_000, 0, 0, 0, 11_000, 95),
    ];
    let busy = evaluate_campaign(&rows[0]).unwrap();
    let lean = evaluate_campaign(&rows[1]).unwrap();
    assert_eq!(busy.roas, Some(d("1.2")));
    assert_eq!(busy.gross_profit, d("4800"));
    assert_eq!(busy.romi_pct, Some(d("-52")));
    assert_eq!((lean.roas, lean.romi_pct), (Some(d("1.1")), Some(d("4.5"))));
    // The default ranking is by ROMI: Lean first although its ROAS is lower.
    assert_eq!(RankBy::default(), RankBy::Romi);
    assert_eq!(ranking(&rows, RankBy::default()), vec![1, 0]);
    assert_eq!(ranking(&rows, RankBy::Roas), vec![0, 1]);
}

/// `c` with an operating cost.
fn with_operating(mut c: Campaign, operating_cost: i64) -> Campaign {
    c.operating_cost = Decimal::from(operating_cost);
    c
}

#[test]
fn operating_cost_weighs_on_romi_but_not_on_roas_or_unit_costs() {
    // Search with 2,000 of people and tools: gross profit 24,000 as before;
    // ROMI = (24,000 − 10,000 − 2,000) ÷ (10,000 + 2,000) × 100 = 12,000 ÷ 12,000 × 100
    // = 100 % (140 % without it). ROAS stays 60,000 ÷ 10,000 = 6, and the costs per
    // click, lead and customer stay on the media spend: 1.25, 25, 250.
    let m = evaluate_campaign(&with_operating(table()[0].clone(), 2_000)).unwrap();
    assert_eq!(m.romi_pct, Some(d("100")));
    assert_eq!(m.roas, Some(d("6")));
    assert_eq!(
        (m.cpc, m.cpl, m.cpa),
        (Some(d("1.25")), Some(d("25")), Some(d("250")))
    );
    // An operating cost without media spend: no ROAS, but a ROMI.
    // Gross profit 5,000 × 50 ÷ 100 = 2,500; ROMI = (2,500 − 0 − 1,000) ÷ 1,000 × 100 = 150 %.
    let m = evaluate_campaign(&with_operating(
        campaign("Events", 0, 0, 0, 0, 5_000, 50),
        1_000,
    ))
    .unwrap();
    assert_eq!((m.roas, m.romi_pct), (None, Some(d("150"))));
    // Nothing spent at all: neither.
    let m = evaluate_campaign(&campaign("Free", 0, 0, 0, 0, 5_000, 50)).unwrap();
    assert_eq!((m.roas, m.romi_pct), (None, None));
}

#[test]
fn totals_include_operating_costs() {
    let rows = vec![
        with_operating(table()[0].clone(), 1_000),
        with_operating(table()[1].clone(), 500),
        table()[2].clone(),
    ];
    let (total, m) = totals(&rows).unwrap();
    // 1,000 + 500 + 0 = 1,500.
    assert_eq!(total.operating_cost, d("1500"));
    // ROMI = (48,000 − 18,000 − 1,500) ÷ (18,000 + 1,500) × 100 = 28,500 ÷ 19,500 × 100
    // = 19 ÷ 13 × 100 = 146.153846153846…
    assert_eq!(round10(m.romi_pct), Some(d("146.1538461538")));
    // ROAS is unchanged: 102,000 ÷ 18,000 = 5.666…
    assert_eq!(round10(m.roas), Some(d("5.6666666667")));
}

#[test]
fn ranking_ties_by_name_and_puts_rows_without_return_last() {
    let rows = vec![
        campaign("zeta", 0, 0, 0, 0, 0, 0),            // no spend
        campaign("beta", 100, 0, 0, 0, 200, 100),      // ROMI 100 %
        campaign("Alpha", 100, 0, 0, 0, 200, 100),     // ROMI 100 %
        campaign("broken", -1, 0, 0, 0, 0, 0),         // invalid: last
        campaign("Best", 100, 0, 0, 0, 1_000, 100),    // ROMI 900 %
        campaign("Another free", 0, 0, 0, 0, 500, 50), // no spend
    ];
    // Best, then the tie Alpha/beta by name (case-insensitive), then the rows without a
    // return by name: Another free, broken, zeta.
    // ROAS gives the same order: Best 10, Alpha and beta 2.
    for by in [RankBy::Roas, RankBy::Romi] {
        assert_eq!(ranking(&rows, by), vec![4, 2, 1, 5, 3, 0]);
        assert_eq!(ranking(&[], by), Vec::<usize>::new());
    }
}

#[test]
fn negative_inputs_name_the_field() {
    let base = table()[0].clone();
    type Change = fn(&mut Campaign);
    let cases: [(Change, CampaignField); 6] = [
        (|c| c.spend = d("-1"), CampaignField::Spend),
        (|c| c.operating_cost = d("-1"), CampaignField::OperatingCost),
        (|c| c.clicks = d("-1"), CampaignField::Clicks),
        (|c| c.leads = d("-0.5"), CampaignField::Leads),
        (|c| c.customers = d("-1"), CampaignField::Customers),
        (|c| c.revenue = d("-100"), CampaignField::Revenue),
    ];
    for (change, field) in cases {
        let mut c = base.clone();
        change(&mut c);
        let error = evaluate_campaign(&c).unwrap_err();
        assert_eq!(error, CampaignError::Invalid(field, Problem::BelowMin));
    }
    // The first negative field in declaration order is the one reported.
    let mut both = base.clone();
    both.revenue = d("-1");
    both.clicks = d("-1");
    assert_eq!(
        evaluate_campaign(&both),
        Err(CampaignError::Invalid(
            CampaignField::Clicks,
            Problem::BelowMin
        ))
    );
}

#[test]
fn counts_must_be_whole_as_the_fields_require() {
    // The table's fields refuse 1.5 clicks (a count is whole: `Unit::Count`); so does the
    // engine, with the same rule.
    let mut c = table()[0].clone();
    c.clicks = d("1.5");
    assert_eq!(
        evaluate_campaign(&c),
        Err(CampaignError::Invalid(
            CampaignField::Clicks,
            Problem::NotWhole
        ))
    );
    // Amounts and the margin may have decimals.
    c.clicks = d("2");
    c.spend = d("10.25");
    c.margin_pct = d("37.5");
    assert!(evaluate_campaign(&c).is_ok());
}

#[test]
fn margin_must_be_within_0_and_100() {
    let mut c = table()[0].clone();
    for (bad, problem) in [
        ("-1", Problem::BelowMin),
        ("100.01", Problem::AboveMax),
        ("250", Problem::AboveMax),
    ] {
        c.margin_pct = d(bad);
        assert_eq!(
            evaluate_campaign(&c),
            Err(CampaignError::Invalid(CampaignField::MarginPct, problem))
        );
    }
    // The bounds themselves are fine: margin 0 → no gross profit, ROMI −100 %.
    c.margin_pct = d("0");
    let m = evaluate_campaign(&c).unwrap();
    assert_eq!((m.gross_profit, m.romi_pct), (d("0"), Some(d("-100"))));
    // Margin 100 %: gross profit = revenue, ROMI = (60,000 − 10,000) ÷ 10,000 = 500 %,
    // that is (ROAS − 1) × 100 with ROAS 6.
    c.margin_pct = d("100");
    assert_eq!(evaluate_campaign(&c).unwrap().romi_pct, Some(d("500")));
    assert_eq!(m.roas, Some(d("6")));
}

#[test]
fn customers_above_leads_only_when_leads_are_tracked() {
    // 41 customers from 40 leads is an error…
    let wrong = campaign("x", 100, 10, 40, 41, 1_000, 50);
    assert_eq!(
        evaluate_campaign(&wrong),
        Err(CampaignError::CustomersExceedLeads)
    );
    // …but a campaign without a lead stage (0 leads) may win customers: no rate.
    let direct = campaign("Shop", 100, 10, 0, 5, 1_000, 50);
    let m = evaluate_campaign(&direct).unwrap();
    assert_eq!(m.lead_to_customer_pct, None);
    assert_eq!(m.cpa, Some(d("20")));
    // In a total, that row can bring customers above leads: the rate is then none.
    let rows = vec![direct, campaign("Search", 100, 10, 2, 1, 0, 0)];
    let (total, m) = totals(&rows).unwrap();
    assert_eq!((total.customers, total.leads), (d("6"), d("2")));
    assert_eq!(m.lead_to_customer_pct, None);
}

#[test]
fn zero_denominators_give_none_not_errors() {
    let m = evaluate_campaign(&Campaign::default()).unwrap();
    assert_eq!(
        m,
        CampaignMetrics {
            cpc: None,
            cpl: None,
            cpa: None,
            lead_to_customer_pct: None,
            gross_profit: d("0"),
            roas: None,
            romi_pct: None,
        }
    );
    // Spend without any result: the costs per unit do not exist, ROAS 0 ÷ 500 = 0, ROMI
    // (0 − 500) ÷ 500 = −100 %.
    let m = evaluate_campaign(&campaign("Dud", 500, 0, 0, 0, 0, 40)).unwrap();
    assert_eq!((m.cpc, m.cpl, m.cpa), (None, None, None));
    assert_eq!((m.roas, m.romi_pct), (Some(d("0")), Some(d("-100"))));
}

#[test]
fn amounts_above_the_limit_are_refused_before_any_arithmetic() {
    // Revenue above MEASURE_MAX (10^12) breaks the field's rule: refused, not overflowed.
    let mut c = Campaign {
        revenue: Decimal::MAX,
        spend: d("0.5"),
        ..Campaign::default()
    };
    assert_eq!(
        evaluate_campaign(&c),
        Err(CampaignError::Invalid(
            CampaignField::Revenue,
            Problem::AboveMax
        ))
    );
    // At the limit everything fits: ROAS = 10^12 ÷ 0.5 = 2 × 10^12, and at margin 100 %
    // ROMI = (10^12 − 0.5) ÷ 0.5 × 100 = 199,999,999,999,900 %.
    c.revenue = MEASURE_MAX;
    c.margin_pct = d("100");
    let m = evaluate_campaign(&c).unwrap();
    assert_eq!(m.roas, Some(d("2000000000000")));
    assert_eq!(m.romi_pct, Some(d("199999999999900")));
    assert_eq!(m.gross_profit, MEASURE_MAX);
    // And a total of the largest table, 50 rows at the limit, fits too.
    let big = Campaign {
        spend: MEASURE_MAX,
        operating_cost: MEASURE_MAX,
        revenue: MEASURE_MAX,
        margin_pct: d("100"),
        ..Campaign::default()
    };
    let (total, _) = totals(&vec![big; 50]).unwrap();
    assert_eq!(total.spend, MEASURE_MAX * d("50"));
    assert_eq!(total.operating_cost, MEASURE_MAX * d("50"));
}

#[test]
fn totals_report_the_first_invalid_row() {
    let mut rows = table();
    rows[1].margin_pct = d("120");
    rows[2].spend = d("-5");
    assert_eq!(
        totals(&rows),
        Err(CampaignError::Invalid(
            CampaignField::MarginPct,
            Problem::AboveMax
        ))
    );
}

#[test]
fn serde_round_trip_and_defaults() {
    let rows = table();
    let json = serde_json::to_string(&rows).unwrap();
    let back: Vec<Campaign> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, rows);
    let metrics = evaluate_campaign(&rows[0]).unwrap();
    let json = serde_json::to_string(&metrics).unwrap();
    assert_eq!(
        serde_json::from_str::<CampaignMetrics>(&json).unwrap(),
        metrics
    );
    // Missing fields (an older scenario file) take their defaults.
    let partial: Campaign = serde_json::from_str(r#"{"name":"Old","spend":"10"}"#).unwrap();
    assert_eq!(partial.spend, d("10"));
    assert_eq!(partial.margin_pct, Decimal::ZERO);
    // A row stored before operating costs existed reads with none, and keeps its ROMI:
    // Search's 140 % (see `search_worked_example`).
    let old = r#"{"name":"Search","spend":"10000","clicks":"8000","leads":"400",
        "customers":"40","revenue":"60000","margin_pct":"40"}"#;
    let old: Campaign = serde_json::from_str(old).unwrap();
    assert_eq!(old, table()[0]);
    assert_eq!(old.operating_cost, Decimal::ZERO);
    assert_eq!(evaluate_campaign(&old).unwrap().romi_pct, Some(d("140")));
    // The stored key is the field's name.
    let json = serde_json::to_value(with_operating(table()[0].clone(), 7)).unwrap();
    assert_eq!(json["operating_cost"], serde_json::json!("7"));
}

/// A margin: mostly valid (0–100, with decimals), sometimes any non-negative value.
fn margin() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        4 => (0i64..=10_000).prop_map(|m| Decimal::new(m, 2)),
        1 => non_negative(),
    ]
}

fn any_campaign() -> impl Strategy<Value = Campaign> {
    (
        non_negative(),
        non_negative(),
        non_negative(),
        non_negative(),
        non_negative(),
        margin(),
        prop_oneof![Just(Decimal::ZERO), non_negative()],
    )
        .prop_map(
            |(spend, clicks, leads, customers, revenue, margin_pct, operating_cost)| Campaign {
                name: String::new(),
                spend,
                operating_cost,
                clicks,
                leads,
                customers,
                revenue,
                margin_pct,
            },
        )
}

proptest! {
    /// Evaluating, totalling and ranking never panic on non-negative inputs; whenever a
    /// row is valid its ROMI is at least −100 % and its gross profit at most its revenue.
    #[test]
    fn campaigns_never_panic(rows in prop::collection::vec(any_campaign(), 0..6)) {
        for row in &rows {
            if let Ok(m) = evaluate_campaign(row) {
                prop_assert!(m.gross_profit <= row.revenue);
                if let Some(romi) = m.romi_pct {
                    prop_assert!(romi >= d("-100"));
                }
            }
        }
        let _ = totals(&rows);
        for by in [RankBy::Roas, RankBy::Romi] {
            let mut sorted = ranking(&rows, by);
            sorted.sort_unstable();
            prop_assert_eq!(sorted, (0..rows.len()).collect::<Vec<_>>());
        }
    }

    /// When every row and the total evaluate, the total's gross profit is the sum of the
    /// rows' and its margin lies within 0–100.
    #[test]
    fn totals_add_up(rows in prop::collection::vec(any_campaign(), 0..6)) {
        let each: Result<Vec<CampaignMetrics>, CampaignError> =
            rows.iter().map(evaluate_campaign).collect();
        if let (Ok(each), Ok((total, m))) = (each, totals(&rows)) {
            let sum = each
                .iter()
                .try_fold(Decimal::ZERO, |acc, m| acc.checked_add(m.gross_profit));
            prop_assert_eq!(sum, Some(m.gross_profit));
            prop_assert!(total.margin_pct >= Decimal::ZERO);
            prop_assert!(total.margin_pct <= d("100"));
        }
    }
}

#[test]
fn a_table_is_its_rows_total_and_ranking_evaluated_once() {
    let rows = table();
    for by in [RankBy::Roas, RankBy::Romi] {
        let t = Table::of(&rows, by);
        let each: Vec<_> = rows.iter().map(evaluate_campaign).collect();
        assert_eq!(t.rows, each);
        assert_eq!(t.total, totals(&rows));
        assert_eq!(t.ranking, ranking(&rows, by));
    }
    // A bad row: its own error, the total's error, and last in the ranking.
    let mut bad = rows.clone();
    bad[0].clicks = d("1.5");
    let t = Table::of(&bad, RankBy::Roas);
    let invalid = CampaignError::Invalid(CampaignField::Clicks, Problem::NotWhole);
    assert_eq!(t.rows[0], Err(invalid));
    assert_eq!(t.total, Err(invalid));
    assert_eq!(t.ranking.last(), Some(&0));
}

#[test]
fn rank_by_picks_its_return() {
    // Search: revenue 60,000 on 10,000 → ROAS 6; 40 % margin → ROMI 140 %.
    let m = evaluate_campaign(&table()[0]).unwrap();
    assert_eq!(RankBy::Roas.pick(&m), Some(d("6")));
    assert_eq!(RankBy::Romi.pick(&m), Some(d("140")));
}

proptest! {
    /// Without operating cost, ROMI is `kpi::romi(gross profit, spend)` (what the KPI page
    /// shows, and what rows stored before operating costs gave) and ROAS is
    /// `revenue ÷ spend`.
    #[test]
    fn no_operating_cost_is_kpi_romi(mut row in any_campaign()) {
        row.operating_cost = Decimal::ZERO;
        if let Ok(m) = evaluate_campaign(&row) {
            let expected = kpi::romi(m.gross_profit, row.spend).ok();
            prop_assert_eq!(m.romi_pct, expected);
            let roas = (!row.spend.is_zero()).then(|| row.revenue.checked_div(row.spend)).flatten();
            prop_assert_eq!(m.roas, roas);
        }
    }
}
