//! Pasted deal rows: ISO, day-first and month-first dates, every separator, headers,
//! name columns, good, bad and mixed rows with their exact line numbers, the sales cycle
//! worked out by hand, leap years, the size limit, and a property that nothing panics.

use chrono::NaiveDate;
use proptest::prelude::*;
use retorno::engine::deals::{
    cycle_stats, parse_date, parse_deals, BadRow, DateOrder, DealsParse, RowProblem,
    MAX_INPUT_BYTES, MAX_LINES,
};
use retorno::engine::kpi::KpiError;
use rust_decimal::Decimal;
use std::str::FromStr;

use DateOrder::{DayFirst, MonthFirst};

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn date(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn deal(a: (i32, u32, u32), b: (i32, u32, u32)) -> (NaiveDate, NaiveDate) {
    (date(a.0, a.1, a.2), date(b.0, b.1, b.2))
}

fn bad(line: usize, text: &str, reason: RowProblem) -> BadRow {
    BadRow {
        line,
        text: text.to_owned(),
        reason,
    }
}

/// The parse of `text` when every row must be good.
fn all_good(text: &str, order: DateOrder) -> Vec<(NaiveDate, NaiveDate)> {
    let parse = parse_deals(text, order);
    assert_eq!(parse.bad, vec![], "bad rows in {text:?}");
    assert!(!parse.truncated);
    parse.deals
}

#[test]
fn iso_rows_and_their_cycle() {
    let text = "2025-01-01\t2025-01-11\n2025-02-01\t2025-02-01\n2025-03-01\t2025-03-31\n";
    let deals = all_good(text, DayFirst);
    assert_eq!(
        deals,
        vec![
            deal((2025, 1, 1), (2025, 1, 11)),
            deal((2025, 2, 1), (2025, 2, 1)),
            deal((2025, 3, 1), (2025, 3, 31)),
        ]
    );
    // ISO is read the same whatever the language's order.
    assert_eq!(all_good(text, MonthFirst), deals);
    // Spans 10, 0 and 30 days: mean 40 ÷ 3 = 13.33…, median 10.
    let stats = cycle_stats(&parse_deals(text, DayFirst)).unwrap();
    assert_eq!(stats.count, 3);
    assert_eq!(stats.mean_days.round_dp(4), d("13.3333"));
    assert_eq!(stats.median_days, d("10"));
}

#[test]
fn spanish_day_first() {
    let text = "14/03/2025;20/03/2025\n01.04.2025;15.04.2025\n31-12-24;2-1-25\n";
    assert_eq!(
        all_good(text, DayFirst),
        vec![
            deal((2025, 3, 14), (2025, 3, 20)),
            deal((2025, 4, 1), (2025, 4, 15)),
            // Two-digit years are 20yy.
            deal((2024, 12, 31), (2025, 1, 2)),
        ]
    );
    // Spans 6, 14 and 2 days: mean 22 ÷ 3 = 7.33…, median 6.
    let stats = cycle_stats(&parse_deals(text, DayFirst)).unwrap();
    assert_eq!(stats.mean_days.round_dp(4), d("7.3333"));
    assert_eq!(stats.median_days, d("6"));
    // Read month first, 14/03/2025 has month 14: not a date.
    let wrong = parse_deals(text, MonthFirst);
    assert_eq!(
        wrong.bad.first().map(|b| b.reason),
        Some(RowProblem::BadDate(1))
    );
}

#[test]
fn english_month_first() {
    let text = "3/14/2025,3/20/2025\n12/31/2025,1/5/2026\n04.01.2025,04.15.2025\n";
    assert_eq!(
        all_good(text, MonthFirst),
        vec![
            deal((2025, 3, 14), (2025, 3, 20)),
            deal((2025, 12, 31), (2026, 1, 5)),
            deal((2025, 4, 1), (2025, 4, 15)),
        ]
    );
    // Spans 6, 5 and 14 days: mean 25 ÷ 3 = 8.33…, median 6.
    let stats = cycle_stats(&parse_deals(text, MonthFirst)).unwrap();
    assert_eq!(stats.mean_days.round_dp(4), d("8.3333"));
    assert_eq!(stats.median_days, d("6"));
}

#[test]
fn ambiguous_dates_follow_the_order() {
    // 02/03/2025 is 2 March day first, 3 February month first.
    assert_eq!(parse_date("02/03/2025", DayFirst), Some(date(2025, 3, 2)));
    assert_eq!(parse_date("02/03/2025", MonthFirst), Some(date(2025, 2, 3)));
}

#[test]
fn every_separator_gives_the_same_deals() {
    let expected = vec![
        deal((2025, 3, 14), (2025, 3, 20)),
        deal((2025, 4, 1), (2025, 5, 1)),
    ];
    for text in [
        "14/03/2025\t20/03/2025\n01/04/2025\t01/05/2025",
        "14/03/2025;20/03/2025\n01/04/2025;01/05/2025",
        "14/03/2025,20/03/2025\n01/04/2025,01/05/2025",
        "14/03/2025   20/03/2025\n01/04/2025 01/05/2025",
        "  14/03/2025 ; 20/03/2025  \n 01/04/2025 , 01/05/2025 ",
        "\"14/03/2025\",\"20/03/2025\"\n'01/04/2025';'01/05/2025'",
        "14/03/2025\t20/03/2025\r\n01/04/2025\t01/05/2025\r\n",
        "\u{feff}14/03/2025;20/03/2025\n\u{a0}01/04/2025\u{a0};01/05/2025",
    ] {
        assert_eq!(all_good(text, DayFirst), expected, "{text:?}");
    }
}

#[test]
fn header_row_is_skipped() {
    for text in [
        "Created\tClosed\n2025-01-01\t2025-01-11",
        "Fecha de alta;Fecha de cierre\n01/01/2025;11/01/2025",
        "\n\n  created date , closed date\n2025-01-01,2025-01-11",
        "\u{feff}\"Created\",\"Closed\"\n2025-01-01,2025-01-11",
    ] {
        assert_eq!(
            all_good(text, DayFirst),
            vec![deal((2025, 1, 1), (2025, 1, 11))],
            "{text:?}"
        );
    }
    // Only the first non-blank line can be a header: the same text later is a bad row.
    let parse = parse_deals("2025-01-01\t2025-01-11\nCreated\tClosed\n", DayFirst);
    assert_eq!(
        parse.bad,
        vec![bad(2, "Created\tClosed", RowProblem::BadDate(1))]
    );
    // A first line with a date in it is not a header.
    let parse = parse_deals("Someday\t2025-01-11\n", DayFirst);
    assert_eq!(parse.bad.len(), 1);
}

#[test]
fn extra_columns_are_ignored() {
    let text = "2025-01-01\t2025-01-11\t5000\tAna\n2025-02-01\t2025-02-03\t\t\n";
    assert_eq!(
        all_good(text, DayFirst),
        vec![
            deal((2025, 1, 1), (2025, 1, 11)),
            deal((2025, 2, 1), (2025, 2, 3)),
        ]
    );
}

#[test]
fn a_leading_name_column_is_recognised() {
    let text = "Deal,Created,Closed\n\
                \"Acme, Inc\",14/03/2025,20/03/2025\n\
                Beta,01/04/2025,15/04/2025\n\
                Gamma,01/05/2025,soon\n\
                02/05/2025,09/05/2025\n";
    let parse = parse_deals(text, DayFirst);
    assert_eq!(
        parse.deals,
        vec![
            deal((2025, 3, 14), (2025, 3, 20)),
            deal((2025, 4, 1), (2025, 4, 15)),
        ]
    );
    // Two rows have dates after a name, none at the start: dates are columns 2 and 3
    // for every row, and BadDate numbers the dates (2 = closed), not the columns.
    assert_eq!(
        parse.bad,
        vec![
            bad(4, "Gamma,01/05/2025,soon", RowProblem::BadDate(2)),
            bad(5, "02/05/2025,09/05/2025", RowProblem::WrongColumnCount),
        ]
    );
}

#[test]
fn mixed_good_and_bad_rows() {
    let text = "Created;Closed\n\
                14/03/2025;20/03/2025\n\
                \n\
                14/03/2025\n\
                31/02/2025;01/03/2025\n\
                01/03/2025;soon\n\
                20/03/2025;14/03/2025\n\
                \t \n\
                01/04/2025;15/04/2025\n\
                tomorrow;yesterday\n";
    let parse = parse_deals(text, DayFirst);
    assert_eq!(
        parse,
        DealsParse {
            deals: vec![
                deal((2025, 3, 14), (2025, 3, 20)),
                deal((2025, 4, 1), (2025, 4, 15)),
            ],
            bad: vec![
                bad(4, "14/03/2025", RowProblem::WrongColumnCount),
                bad(5, "31/02/2025;01/03/2025", RowProblem::BadDate(1)),
                bad(6, "01/03/2025;soon", RowProblem::BadDate(2)),
                bad(7, "20/03/2025;14/03/2025", RowProblem::ClosedBeforeCreated),
                bad(10, "tomorrow;yesterday", RowProblem::BadDate(1)),
            ],
            truncated: false,
        }
    );
    // The good rows still count: spans 6 and 14 days, mean and median 10.
    let stats = cycle_stats(&parse).unwrap();
    assert_eq!(stats.count, 2);
    assert_eq!(stats.mean_days, d("10"));
    assert_eq!(stats.median_days, d("10"));
}

#[test]
fn impossible_dates_are_bad() {
    for cell in [
        "31/02/2025",
        "29/02/2025",
        "31/04/2025",
        "00/01/2025",
        "01/13/2025",
        "2025-02-30",
        "2025-13-01",
        "1/1/025",
        "001/01/2025",
        "14/03-2025",
        "14/03/2025/01",
        "14 03 2025",
        "45730",
        "Mar 14, 2025",
        "",
    ] {
        assert_eq!(parse_date(cell, DayFirst), None, "{cell:?}");
    }
    assert_eq!(parse_date("29/02/2024", DayFirst), Some(date(2024, 2, 29)));
    let parse = parse_deals("2025-01-01\t2025-02-29\n", DayFirst);
    assert_eq!(parse.deals, vec![]);
    assert_eq!(
        parse.bad,
        vec![bad(1, "2025-01-01\t2025-02-29", RowProblem::BadDate(2))]
    );
}

#[test]
fn closed_before_created_is_bad_and_same_day_is_zero() {
    let parse = parse_deals("2025-03-02,2025-03-01\n2025-03-02,2025-03-02\n", DayFirst);
    assert_eq!(
        parse.bad,
        vec![bad(
            1,
            "2025-03-02,2025-03-01",
            RowProblem::ClosedBeforeCreated
        )]
    );
    let stats = cycle_stats(&parse).unwrap();
    assert_eq!((stats.count, stats.mean_days), (1, d("0")));
}

#[test]
fn mean_and_median_by_hand() {
    // Spans: 3 (1→4 Jan), 10 (1→11 Feb), 20 (1→21 Mar), 45 (1 Apr → 16 May).
    // Mean (3 + 10 + 20 + 45) ÷ 4 = 78 ÷ 4 = 19.5; median (10 + 20) ÷ 2 = 15.
    let text = "01/01/2025 04/01/2025\n\
                01/04/2025 16/05/2025\n\
                01/02/2025 11/02/2025\n\
                01/03/2025 21/03/2025\n";
    let stats = cycle_stats(&parse_deals(text, DayFirst)).unwrap();
    assert_eq!(stats.count, 4);
    assert_eq!(stats.mean_days, d("19.5"));
    assert_eq!(stats.median_days, d("15"));
}

#[test]
fn leap_year_spans() {
    // 2024-02-28 → 2024-03-01: 2 days (29 Feb 2024 exists);
    // 2025-02-28 → 2025-03-01: 1 day;
    // 2023-12-31 → 2024-12-31: 366 days (leap year 2024);
    // 2024-12-31 → 2025-12-31: 365 days.
    // Sorted 1, 2, 365, 366: mean 734 ÷ 4 = 183.5, median (2 + 365) ÷ 2 = 183.5.
    let text = "2024-02-28;2024-03-01\n\
                2025-02-28;2025-03-01\n\
                31/12/2023;31/12/2024\n\
                31/12/2024;31/12/2025\n";
    let parse = parse_deals(text, DayFirst);
    assert_eq!(parse.bad, vec![]);
    let stats = cycle_stats(&parse).unwrap();
    assert_eq!(stats.mean_days, d("183.5"));
    assert_eq!(stats.median_days, d("183.5"));
    // 29 Feb 2024 itself.
    let text = "2/29/2024\t3/1/2024\n";
    assert_eq!(
        all_good(text, MonthFirst),
        vec![deal((2024, 2, 29), (2024, 3, 1))]
    );
}

#[test]
fn times_of_day_are_ignored() {
    let expected = vec![deal((2025, 3, 14), (2025, 3, 20))];
    for (text, order) in [
        ("2025-03-14 10:30\t2025-03-20 17:00:05", DayFirst),
        (
            "2025-03-14T10:30:00Z,2025-03-20T08:00:00.000+02:00",
            DayFirst,
        ),
        ("14/03/2025 10:30;20/03/2025 9:00", DayFirst),
        ("3/14/2025 9:05 AM\t3/20/2025 5:00 PM", MonthFirst),
        ("3/14/2025 9:05 AM 3/20/2025 5:00 PM", MonthFirst),
        ("2025-03-14 10:30 2025-03-20 11:00", DayFirst),
    ] {
        assert_eq!(all_good(text, order), expected, "{text:?}");
    }
    assert_eq!(parse_date("2025-03-14 soon", DayFirst), None);
}

#[test]
fn two_digit_years_are_2000_and_later() {
    assert_eq!(parse_date("31/12/99", DayFirst), Some(date(2099, 12, 31)));
    assert_eq!(parse_date("1/2/00", MonthFirst), Some(date(2000, 1, 2)));
}

#[test]
fn no_good_rows_is_empty() {
    assert_eq!(
        cycle_stats(&parse_deals("", DayFirst)),
        Err(KpiError::Empty)
    );
    let parse = parse_deals("Created;Closed\n\n", DayFirst);
    assert_eq!(parse, DealsParse::default());
    assert_eq!(cycle_stats(&parse), Err(KpiError::Empty));
    let parse = parse_deals("x;y\n1;2", DayFirst);
    assert_eq!(parse.bad.len(), 1);
    assert_eq!(cycle_stats(&parse), Err(KpiError::Empty));
}

#[test]
fn lines_beyond_the_line_limit_are_dropped() {
    // 99,999 blank lines, a deal on line 100,000, another on line 100,001.
    let mut text = "\n".repeat(MAX_LINES - 1);
    text.push_str("2025-01-01,2025-01-02\n2025-01-01,2025-01-03\n");
    let parse = parse_deals(&text, DayFirst);
    assert_eq!(parse.deals, vec![deal((2025, 1, 1), (2025, 1, 2))]);
    assert!(parse.truncated);
    // A bad row keeps its real line number.
    let mut text = "\n".repeat(MAX_LINES - 1);
    text.push_str("oops");
    let parse = parse_deals(&text, DayFirst);
    assert_eq!(
        parse.bad,
        vec![bad(MAX_LINES, "oops", RowProblem::WrongColumnCount)]
    );
    assert!(!parse.truncated);
    // Blank lines beyond the limit are not worth a warning.
    let mut text = "2025-01-01,2025-01-02\n".to_owned();
    text.push_str(&"\n".repeat(MAX_LINES + 10));
    assert!(!parse_deals(&text, DayFirst).truncated);
}

#[test]
fn text_beyond_the_size_limit_is_cut_at_a_whole_line() {
    let row = "2025-01-01\t2025-01-02\n"; // 22 bytes
    let rows = MAX_INPUT_BYTES / row.len() + 100;
    let text = row.repeat(rows);
    let parse = parse_deals(&text, DayFirst);
    assert!(parse.truncated);
    assert_eq!(parse.bad, vec![]);
    // Only whole lines within the first MiB: 1,048,576 ÷ 22 = 47,662 lines.
    assert_eq!(parse.deals.len(), MAX_INPUT_BYTES / row.len());
    // One line longer than the limit: nothing is read.
    let long = "x".repeat(MAX_INPUT_BYTES + 1);
    let parse = parse_deals(&long, DayFirst);
    assert_eq!(
        (parse.deals.len(), parse.bad.len(), parse.truncated),
        (0, 0, true)
    );
    // Exactly at the limit is read in full.
    let mut exact = "2025-01-01\t2025-01-02".to_owned();
    exact.push_str(&" ".repeat(MAX_INPUT_BYTES - exact.len()));
    let parse = parse_deals(&exact, DayFirst);
    assert_eq!((parse.deals.len(), parse.truncated), (1, false));
}

#[test]
fn serde_round_trip_and_defaults() {
    let parse = parse_deals("2025-01-01;2025-01-11\nx;y\n", DayFirst);
    let json = serde_json::to_string(&parse).unwrap();
    assert_eq!(serde_json::from_str::<DealsParse>(&json).unwrap(), parse);
    let old: DealsParse =
        serde_json::from_str(r#"{"deals":[["2025-01-01","2025-01-02"]]}"#).unwrap();
    assert_eq!(old.deals, vec![deal((2025, 1, 1), (2025, 1, 2))]);
    assert_eq!((old.bad.len(), old.truncated), (0, false));
    let order: DateOrder = serde_json::from_str("\"MonthFirst\"").unwrap();
    assert_eq!(order, MonthFirst);
    assert_eq!(DateOrder::default(), DayFirst);
}

/// Text made of the characters a date parser cares about, so that random inputs often
/// come close to dates, separators, quotes and times.
fn date_like_text() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec![
            "0", "1", "2", "3", "9", "12", "29", "31", "2024", "2025", "/", "-", ".", ";", ",",
            "\t", " ", "\n", "\r\n", "\"", "'", "T", ":", "AM", "a", "é", "\u{feff}", "\u{a0}",
        ]),
        0..80,
    )
    .prop_map(|parts| parts.concat())
}

fn check_invariants(text: &str, parse: &DealsParse) -> Result<(), TestCaseError> {
    let lines = text.lines().count();
    for (created, closed) in &parse.deals {
        prop_assert!(created <= closed);
    }
    for pair in parse.bad.windows(2) {
        prop_assert!(pair[0].line < pair[1].line);
    }
    for row in &parse.bad {
        prop_assert!(row.line >= 1 && row.line <= lines);
        if let RowProblem::BadDate(which) = row.reason {
            prop_assert!(which == 1 || which == 2);
        }
    }
    prop_assert!(parse.deals.len() + parse.bad.len() <= lines);
    match cycle_stats(parse) {
        Ok(stats) => prop_assert_eq!(stats.count, parse.deals.len()),
        Err(error) => {
            prop_assert_eq!(error, KpiError::Empty);
            prop_assert!(parse.deals.is_empty());
        }
    }
    Ok(())
}

proptest! {
    /// Any string, in either order: no panic, and the result is consistent.
    #[test]
    fn parse_never_panics_on_any_string(text in any::<String>(), month_first in any::<bool>()) {
        let order = if month_first { MonthFirst } else { DayFirst };
        let parse = parse_deals(&text, order);
        check_invariants(&text, &parse)?;
    }

    /// Strings close to dates exercise the date, separator and header paths.
    #[test]
    fn parse_never_panics_on_date_like_text(text in date_like_text(), month_first in any::<bool>()) {
        let order = if month_first { MonthFirst } else { DayFirst };
        let parse = parse_deals(&text, order);
        check_invariants(&text, &parse)?;
    }

    /// Every real date written ISO, day first or month first reads back as itself.
    #[test]
    fn written_dates_read_back(days in 0i32..80_000) {
        let day = date(2000, 1, 1) + chrono::Duration::days(i64::from(days) - 36_500);
        let (y, m, dd) = (day.format("%Y"), day.format("%-m"), day.format("%-d"));
        prop_assert_eq!(parse_date(&day.format("%Y-%m-%d").to_string(), MonthFirst), Some(day));
        prop_assert_eq!(parse_date(&format!("{dd}/{m}/{y}"), DayFirst), Some(day));
        prop_assert_eq!(parse_date(&format!("{m}/{dd}/{y}"), MonthFirst), Some(day));
        prop_assert_eq!(parse_date(&day.format("%d.%m.%Y").to_string(), DayFirst), Some(day));
    }
}
