//! A worked example for demos.

use super::{AbTest, ClvInputs, Measure, Measurement, Period, Values};
use crate::engine::campaigns::Campaign;
use crate::engine::deals::DateOrder;
use crate::engine::model::CostLine;
use chrono::NaiveDate;
use rust_decimal::Decimal;

/// The example's names, in the language it is shown in: the engine holds no text of its
/// own, so the screen passes them in (`i18n::example_names`).
#[derive(Debug, Clone, Copy)]
pub struct ExampleNames<'a> {
    /// The three campaigns: an email nurturing, a search ads and a trade fair campaign.
    pub campaigns: [&'a str; 3],
    /// What the example's A/B test tries ([`AbTest::example`]).
    pub ab_test: &'a str,
}

impl Measurement {
    /// A believable company measured in the first half of 2025 (before) and of 2026
    /// (after), with three campaigns, an A/B test and what the CRM actually cost in the
    /// first half of 2026: what a demo starts from, named by `names`.
    pub fn example(names: ExampleNames) -> Measurement {
        fn period(
            start: (i32, u32, u32),
            end: (i32, u32, u32),
            figures: [u64; 33],
            deals: &str,
            leads: &str,
        ) -> Period {
            let date = |(y, m, d): (i32, u32, u32)| NaiveDate::from_ymd_opt(y, m, d);
            let mut values = Values::default();
            for (m, v) in Measure::ALL.iter().zip(figures) {
                m.set(&mut values, Some(Decimal::from(v)));
            }
            Period {
                name: String::new(),
                start: date(start),
                end: date(end),
                values,
                deals: deals.to_string(),
                leads: leads.to_string(),
                costs: Default::default(),
            }
        }
        // In `Measure::ALL` order.
        const _: () = assert!(Measure::ALL.len() == 33);
        let before = [
            1_200, 1_240, 130, 84, 2_000, 440, 330, 180, 160, 100, 1_440_000, 1_800, 960, 2_400,
            240, 20_000, 19_000, 4_180, 570, 30_000, 75_000, 900, 12_000, 1_800, 90_000, 45_000,
            117_000, 57_600, 3_000, 72_000, 9_200, 500, 310,
        ];
        let after = [
            1_240, 1_309, 150, 61, 2_000, 520, 421, 250, 170, 100, 1_600_000, 1_900, 1_010, 2_600,
            299, 22_000, 21_340, 5_335, 854, 34_000, 95_200, 1_190, 13_000, 1_040, 95_000, 50_000,
            142_500, 10_400, 3_200, 51_200, 9_520, 600, 462,
        ];
        let campaign =
            |name: &str,
             [spend, operating, clicks, leads, customers, revenue, margin]: [u64; 7]| {
                Campaign {
                    name: name.to_string(),
                    spend: spend.into(),
                    operating_cost: operating.into(),
                    clicks: clicks.into(),
                    leads: leads.into(),
                    customers: customers.into(),
                    revenue: revenue.into(),
                    margin_pct: margin.into(),
                }
            };
        let mut m = Measurement {
            periods: vec![
                period(
                    (2025, 1, 1),
                    (2025, 6, 30),
                    before,
                    "2024-11-04\t2025-01-10\n2024-12-02\t2025-02-14\n2025-01-08\t2025-03-03\n\
                 2025-01-20\t2025-03-28\n2025-02-11\t2025-04-15\n2025-03-03\t2025-04-30\n\
                 2025-03-24\t2025-05-26\n2025-04-14\t2025-06-20\n",
                    // Two of eight answered within five minutes, one never.
                    "2025-02-03 09:12\t2025-02-03 09:15\n2025-02-03 11:40\t2025-02-03 15:05\n\
                 2025-02-04 16:55\t2025-02-05 10:20\n2025-02-05 10:02\t2025-02-05 10:06\n\
                 2025-02-06 12:30\t2025-02-06 14:00\n2025-02-07 08:45\t\n\
                 2025-02-10 17:20\t2025-02-11 09:00\n2025-02-11 13:15\t2025-02-11 13:48\n",
                ),
                period(
                    (2026, 1, 1),
                    (2026, 6, 30),
                    after,
                    "2025-11-17\t2026-01-09\n2025-12-09\t2026-01-27\n2026-01-12\t2026-02-24\n\
                 2026-02-02\t2026-03-20\n2026-02-23\t2026-04-08\n2026-03-16\t2026-05-05\n\
                 2026-04-06\t2026-05-22\n2026-04-27\t2026-06-16\n",
                    // Six of eight answered within five minutes.
                    "2026-02-02 09:10\t2026-02-02 09:12\n2026-02-02 11:41\t2026-02-02 11:44\n\
                 2026-02-03 16:50\t2026-02-03 16:53\n2026-02-04 10:05\t2026-02-04 10:09\n\
                 2026-02-05 12:31\t2026-02-05 12:58\n2026-02-06 08:40\t2026-02-06 08:41\n\
                 2026-02-09 17:25\t2026-02-10 08:30\n2026-02-10 13:10\t2026-02-10 13:15\n",
                ),
            ],
            campaigns: vec![
                campaign(names.campaigns[0], [8_000, 0, 12_000, 600, 60, 72_000, 40]),
                campaign(names.campaigns[1], [30_000, 0, 20_000, 900, 45, 90_000, 40]),
                // The stand, travel and the team's days: what the trade fair really costs.
                campaign(names.campaigns[2], [25_000, 6_000, 0, 300, 30, 60_000, 50]),
            ],
            clv: ClvInputs::default(),
            ab: AbTest::example(names.ab_test),
            targets: Default::default(),
            plan_start: None,
            date_order: Some(DateOrder::DayFirst),
        };
        // What the first half of 2026 actually cost: the integration ran over and a
        // consultant nobody planned was hired (contingency); the plan starts with it.
        for (line, amount) in [
            (CostLine::OneTime, 98_500),
            (CostLine::Licences, 20_400),
            (CostLine::Maintenance, 5_000),
            (CostLine::Training, 3_600),
            (CostLine::Staff, 18_500),
            (CostLine::Contingency, 4_000),
        ] {
            if let Some(after) = m.periods.get_mut(1) {
                after.costs.set(line, Some(Decimal::from(amount)));
            }
        }
        m
    }
}
