//! Speed to lead (`src/engine/speed.rs`): pasted (lead created, first response) rows in
//! every accepted format, headers and name columns, leads not answered yet, bad rows with
//! their line numbers, the statistics worked out by hand, and hostile input (binary junk,
//! text beyond the size limits, reversed times, any string).
//!
//! Every expected value is worked out by hand in the comment next to it: response times
//! are the seconds between the two date-times, "within five minutes" is ≤ 300 s, the
//! share is of all leads and the median is of the answered leads in minutes.

use chrono::{NaiveDate, NaiveDateTime};
use proptest::prelude::*;
use retorno::engine::deals::DateOrder::{self, DayFirst, MonthFirst};
use retorno::engine::kpi::KpiError;
use retorno::engine::speed::{
    parse_date_time, parse_leads, speed_stats, BadRow, Lead, LeadProblem, LeadsParse,
    FAST_RESPONSE_SECONDS, MAX_INPUT_BYTES, MAX_LINES,
};
use rust_decimal::Decimal;
use std::str::FromStr;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn at(y: i32, m: u32, day: u32, h: u32, min: u32, s: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(y, m, day)
        .unwrap()
        .and_hms_opt(h, min, s)
        .unwrap()
}

fn bad(line: usize, text: &str, reason: LeadProblem) -> BadRow {
    BadRow {
        line,
        text: text.to_owned(),
        reason,
    }
}

/// The leads of `text` when every row must be good.
fn all_good(text: &str, order: DateOrder) -> Vec<Lead> {
    let parse = parse_leads(text, order);
    assert_eq!(parse.bad, vec![], "bad rows in {text:?}");
    assert!(!parse.truncated);
    parse.leads
}

/// Response times in seconds of `leads` (`None` when not answered).
fn seconds(leads: &[Lead]) -> Vec<Option<i64>> {
    leads.iter().map(Lead::response_seconds).collect()
}

const FIVE_ROWS: &str = "2025-03-14 09:00\t2025-03-14 09:03\n\
                         2025-03-14 10:00\t2025-03-14 10:05\n\
                         2025-03-14 11:00\t2025-03-14 11:05:01\n\
                         2025-03-14 23:50\t2025-03-15 00:20\n\
                         2025-03-14 12:00\t\n";

#[test]
fn five_leads_worked_by_hand() {
    let leads = all_good(FIVE_ROWS, DayFirst);
    assert_eq!(leads.len(), 5);
    assert_eq!(leads[0].created, at(2025, 3, 14, 9, 0, 0));
    assert_eq!(leads[0].responded, Some(at(2025, 3, 14, 9, 3, 0)));
    assert_eq!(leads[4].responded, None);
    // 3 min = 180 s; 5 min = 300 s; 5 min 1 s = 301 s; 23:50 → 00:20 the next day is
    // 10 + 20 = 30 min = 1,800 s; the last one is not answered.
    assert_eq!(
        seconds(&leads),
        vec![Some(180), Some(300), Some(301), Some(1_800), None]
    );
    let stats = speed_stats(&leads).unwrap();
    assert_eq!((stats.leads, stats.answered, stats.unanswered), (5, 4, 1));
    // Within 300 s: 180 and 300 (the bound counts), not 301: 2 of the 5 leads, the
    // unanswered one included in the base: 2 ÷ 5 × 100 = 40 %.
    assert_eq!(stats.within_five_minutes, 2);
    assert_eq!(stats.within_five_minutes_pct, d("40"));
    // Median of the 4 answered, sorted 180, 300, 301, 1800: (300 + 301) ÷ 2 = 300.5 s
    // = 300.5 ÷ 60 = 5.008333… min.
    assert_eq!(
        stats.median_minutes.map(|m| m.round_dp(10)),
        Some(d("5.0083333333"))
    );
}

#[test]
fn median_of_an_odd_count_is_the_middle_value() {
    // Without the 301 s row: 180, 300, 1800 → 300 s = 5 min; 2 of 4 leads within five
    // minutes = 50 %.
    let text = "2025-03-14 09:00\t2025-03-14 09:03\n\
                2025-03-14 10:00\t2025-03-14 10:05\n\
                2025-03-14 23:50\t2025-03-15 00:20\n\
                2025-03-14 12:00\n";
    let stats = speed_stats(&all_good(text, DayFirst)).unwrap();
    assert_eq!(stats.median_minutes, Some(d("5")));
    assert_eq!((stats.leads, stats.answered), (4, 3));
    assert_eq!(stats.within_five_minutes_pct, d("50"));
    // One lead, 90 s: median 1.5 min, 100 % within.
    let one = speed_stats(&all_good(
        "2025-03-14 09:00:00;2025-03-14 09:01:30",
        DayFirst,
    ));
    let one = one.unwrap();
    assert_eq!(
        (one.median_minutes, one.within_five_minutes_pct),
        (Some(d("1.5")), d("100"))
    );
    // Three leads, one within: 1 ÷ 3 × 100 = 33.33…
    let text = "2025-03-14 09:00,2025-03-14 09:01\n2025-03-14 09:00,\n2025-03-14 09:00,";
    let stats = speed_stats(&all_good(text, DayFirst)).unwrap();
    assert_eq!(
        stats.within_five_minutes_pct.round_dp(10),
        d("33.3333333333")
    );
    // Its median is that one answer, 1 min.
    assert_eq!(stats.median_minutes, Some(d("1")));
}

#[test]
fn unanswered_leads_count_but_have_no_median() {
    // Three leads, none answered (an empty cell after a separator, a missing one, and
    // an empty quoted cell): 0 within five minutes of 3, 0 %, no median.
    let text = "2025-03-14 09:00;\n2025-03-14 10:00\n2025-03-14 11:00;\"\"\n";
    let leads = all_good(text, DayFirst);
    assert_eq!(seconds(&leads), vec![None, None, None]);
    let stats = speed_stats(&leads).unwrap();
    assert_eq!((stats.leads, stats.answered, stats.unanswered), (3, 0, 3));
    assert_eq!(stats.within_five_minutes, 0);
    assert_eq!(stats.within_five_minutes_pct, d("0"));
    assert_eq!(stats.median_minutes, None);
}

#[test]
fn the_threshold_is_five_minutes() {
    assert_eq!(FAST_RESPONSE_SECONDS, 5 * 60);
    // A response at the moment of creation is 0 s, within.
    let stats = speed_stats(&all_good("2025-03-14 09:00\t2025-03-14 09:00", DayFirst)).unwrap();
    assert_eq!(
        (stats.within_five_minutes, stats.median_minutes),
        (1, Some(d("0")))
    );
}

#[test]
fn every_format_and_separator_gives_the_same_leads() {
    // Lead 1: 14 March 2025 09:05 → 09:07:30 (150 s); lead 2: 09:10 → not answered.
    let expected = vec![
        Lead {
            created: at(2025, 3, 14, 9, 5, 0),
            responded: Some(at(2025, 3, 14, 9, 7, 30)),
        },
        Lead {
            created: at(2025, 3, 14, 9, 10, 0),
            responded: None,
        },
    ];
    let day_first = [
        "2025-03-14 09:05\t2025-03-14 09:07:30\n2025-03-14 09:10\t\n",
        "2025-03-14T09:05:00Z;2025-03-14T09:07:30Z\n2025-03-14T09:10Z;\n",
        "14/03/2025 9:05,14/03/2025 9:07:30\n14/03/2025 09:10,\n",
        "14-03-25 09:05;14-03-25 09:07:30\n14.03.2025 09:10\n",
        "\"14/03/2025 09:05\",\"14/03/2025 09:07:30\"\n'14/03/2025 09:10'\n",
        // Runs of spaces: the time is joined to its date.
        "2025-03-14 09:05   2025-03-14  09:07:30\n2025-03-14 09:10\n",
        "2025/03/14 9:05 AM\t2025/03/14 9:07:30 am\n2025.03.14 9:10AM\n",
    ];
    for text in day_first {
        assert_eq!(all_good(text, DayFirst), expected, "{text:?}");
    }
    let month_first = [
        "3/14/2025 9:05 AM\t3/14/2025 9:07:30 AM\n3/14/2025 9:10 AM\n",
        "3/14/2025 9:05 AM 3/14/2025 9:07:30 AM\n3/14/2025 9:10 AM\n",
        "03/14/25 09:05,03/14/25 09:07:30\n03/14/25 09:10,\n",
    ];
    for text in month_first {
        assert_eq!(all_good(text, MonthFirst), expected, "{text:?}");
    }
}

#[test]
fn twelve_hour_times() {
    // 12 AM is midnight, 12 PM is noon, 1 PM is 13:00.
    let read = |text: &str| parse_date_time(text, MonthFirst);
    assert_eq!(read("3/14/2025 12:00 AM"), Some(at(2025, 3, 14, 0, 0, 0)));
    assert_eq!(read("3/14/2025 12:30 PM"), Some(at(2025, 3, 14, 12, 30, 0)));
    assert_eq!(
        read("3/14/2025 1:15:09 PM"),
        Some(at(2025, 3, 14, 13, 15, 9))
    );
    assert_eq!(read("3/14/2025 11:59 pm"), Some(at(2025, 3, 14, 23, 59, 0)));
    // Not 12-hour times: 0 and 13 with AM/PM.
    assert_eq!(read("3/14/2025 0:30 AM"), None);
    assert_eq!(read("3/14/2025 13:00 PM"), None);
    // Across noon: 11:58 AM → 12:02 PM is 4 min.
    let leads = all_good("3/14/2025 11:58 AM\t3/14/2025 12:02 PM", MonthFirst);
    assert_eq!(seconds(&leads), vec![Some(240)]);
}

#[test]
fn date_times_that_are_not() {
    let read = |text: &str| parse_date_time(text, DayFirst);
    for text in [
        "",
        "2025-03-14",       // no time: refused here, minutes matter
        "2025-03-14 25:00", // no hour 25
        "2025-03-14 10:60", // no minute 60
        "2025-03-14 10:30:60",
        "2025-03-14 10",     // an hour alone
        "2025-03-14 10:3",   // one-digit minutes
        "2025-03-14 100:30", // three-digit hours
        "2025-03-14 10:30:00.5",
        "2025-03-14 10:30+02:00",
        "2025-03-14 10:30 +02:00",
        "2025-03-14 10:30:00:00",
        "31/02/2025 10:30", // no 31 February
        "yesterday 10:30",
        "45730.4375", // a spreadsheet serial number
        "10:30",
    ] {
        assert_eq!(read(text), None, "{text:?}");
    }
    assert_eq!(
        read(" \"2025-03-14 10:30\" "),
        Some(at(2025, 3, 14, 10, 30, 0))
    );
    assert_eq!(read("2025-03-14t10:30"), Some(at(2025, 3, 14, 10, 30, 0)));
    // A leap day exists in 2024: 23:59 on the 28th to 00:01 on the 29th is 2 min.
    let leads = all_good("2024-02-28 23:59\t2024-02-29 00:01", DayFirst);
    assert_eq!(seconds(&leads), vec![Some(120)]);
}

#[test]
fn header_rows_are_skipped() {
    let text = "Lead created\tFirst response\n2025-03-14 09:00\t2025-03-14 09:02\n";
    assert_eq!(seconds(&all_good(text, DayFirst)), vec![Some(120)]);
    let text = "Creado;Primera respuesta;Canal\n2025-03-14 09:00;;web\n";
    assert_eq!(seconds(&all_good(text, DayFirst)), vec![None]);
    // A header is only the first non-blank line: later, it is a bad row.
    let parse = parse_leads(
        "\n2025-03-14 09:00\t2025-03-14 09:02\nCreated\tResponse\n",
        DayFirst,
    );
    assert_eq!(parse.leads.len(), 1);
    assert_eq!(
        parse.bad,
        vec![bad(3, "Created\tResponse", LeadProblem::BadDateTime(1))]
    );
}

#[test]
fn a_leading_name_column_is_recognised() {
    // Name, created, response: 4 min, not answered, 10 min.
    let text = "Lead;Created;Responded\n\
                Ana;2025-03-14 09:00;2025-03-14 09:04\n\
                Bea;2025-03-14 09:30\n\
                Carmen;2025-03-14 10:00;2025-03-14 10:10\n";
    let leads = all_good(text, DayFirst);
    assert_eq!(seconds(&leads), vec![Some(240), None, Some(600)]);
    let stats = speed_stats(&leads).unwrap();
    // 1 of 3 within: 33.33… %; median of 240 and 600 s = 420 s = 7 min.
    assert_eq!(stats.within_five_minutes, 1);
    assert_eq!(stats.median_minutes, Some(d("7")));
    // A row with only the name has no creation column.
    let parse = parse_leads("Ana;2025-03-14 09:00;2025-03-14 09:04\nBea\n", DayFirst);
    assert_eq!(
        parse.bad,
        vec![bad(2, "Bea", LeadProblem::WrongColumnCount)]
    );
    // Extra columns after the response are ignored.
    let text = "2025-03-14 09:00\t2025-03-14 09:01\tweb\tAna\n";
    assert_eq!(seconds(&all_good(text, DayFirst)), vec![Some(60)]);
}

#[test]
fn bad_rows_have_their_line_and_reason() {
    let text = "2025-03-14 09:00\t2025-03-14 09:02\n\
                \n\
                2025-03-14\t2025-03-14 09:02\n\
                2025-03-14 09:00\t2025-03-14\n\
                banana\t2025-03-14 09:02\n\
                2025-03-14 09:00\tsoon\n\
                2025-03-14 09:10\t2025-03-14 09:05\n\
                2025-03-15 00:10\t2025-03-14 23:55\n\
                2025-03-14 09:00\t2025-03-14 25:00\n\
                2025-03-14 09:00\t2025-03-14 09:05\n";
    let parse = parse_leads(text, DayFirst);
    assert_eq!(
        parse.bad,
        vec![
            bad(
                3,
                "2025-03-14\t2025-03-14 09:02",
                LeadProblem::MissingTime(1)
            ),
            bad(
                4,
                "2025-03-14 09:00\t2025-03-14",
                LeadProblem::MissingTime(2)
            ),
            bad(5, "banana\t2025-03-14 09:02", LeadProblem::BadDateTime(1)),
            bad(6, "2025-03-14 09:00\tsoon", LeadProblem::BadDateTime(2)),
            bad(
                7,
                "2025-03-14 09:10\t2025-03-14 09:05",
                LeadProblem::RespondedBeforeCreated
            ),
            bad(
                8,
                "2025-03-15 00:10\t2025-03-14 23:55",
                LeadProblem::RespondedBeforeCreated
            ),
            bad(
                9,
                "2025-03-14 09:00\t2025-03-14 25:00",
                LeadProblem::BadDateTime(2)
            ),
        ]
    );
    // The good rows, lines 1 and 10: 120 s and 300 s; both within, median 210 s = 3.5 min.
    assert_eq!(seconds(&parse.leads), vec![Some(120), Some(300)]);
    let stats = speed_stats(&parse.leads).unwrap();
    assert_eq!(stats.within_five_minutes_pct, d("100"));
    assert_eq!(stats.median_minutes, Some(d("3.5")));
}

#[test]
fn no_good_rows_is_an_error() {
    assert_eq!(speed_stats(&[]), Err(KpiError::Empty));
    for text in ["", "\n\n  \n", "Created\tResponse\n", "x\ty\nfoo\n"] {
        let parse = parse_leads(text, DayFirst);
        assert!(parse.leads.is_empty(), "{text:?}");
        assert_eq!(speed_stats(&parse.leads), Err(KpiError::Empty), "{text:?}");
    }
    // A lead answered before it came in, built by hand (the parser refuses it).
    let reversed = Lead {
        created: at(2025, 3, 14, 9, 5, 0),
        responded: Some(at(2025, 3, 14, 9, 0, 0)),
    };
    assert_eq!(reversed.response_seconds(), Some(-300));
    assert_eq!(speed_stats(&[reversed]), Err(KpiError::EndBeforeStart));
}

#[test]
fn reversed_times_are_bad_rows_not_negative_times() {
    // Every row answered before it was created, by a second to a century.
    let text = "2025-03-14 09:00:01\t2025-03-14 09:00:00\n\
                2025-03-14 09:00\t2025-03-13 09:00\n\
                2125-01-01 00:00\t2025-01-01 00:00\n";
    let parse = parse_leads(text, DayFirst);
    assert!(parse.leads.is_empty());
    assert_eq!(parse.bad.len(), 3);
    assert!(parse
        .bad
        .iter()
        .all(|b| b.reason == LeadProblem::RespondedBeforeCreated));
    // The widest span of four-digit years, 1000-01-01 00:00 to 9999-12-31 23:59:59, counts
    // its seconds exactly. Python: `(datetime(9999, 12, 31, 23, 59, 59) -
    // datetime(1000, 1, 1)).total_seconds()` = 284,012,524,799 (3,287,181 days and
    // 86,399 s).
    let far = all_good("1000-01-01 00:00\t9999-12-31 23:59:59", DayFirst);
    assert_eq!(seconds(&far), vec![Some(284_012_524_799)]);
    let stats = speed_stats(&far).unwrap();
    assert_eq!(stats.within_five_minutes, 0);
    // 284,012,524,799 ÷ 60 = 4,733,542,079.98333… minutes.
    assert_eq!(
        stats.median_minutes.map(|m| m.round_dp(5)),
        Some(d("4733542079.98333"))
    );
}

#[test]
fn binary_junk_never_panics() {
    let bytes: Vec<u8> = (0..=255u8).cycle().take(20_000).collect();
    let junk = String::from_utf8_lossy(&bytes);
    for order in [DayFirst, MonthFirst] {
        let parse = parse_leads(&junk, order);
        check_invariants(&junk, &parse).unwrap();
        let _ = speed_stats(&parse.leads);
    }
    // NULs, a byte-order mark, control characters around a good row.
    let text = "\u{feff}2025-03-14 09:00\t2025-03-14 09:01\n\0\0\u{7}\n\u{202e}x;y;z\n";
    let parse = parse_leads(text, DayFirst);
    assert_eq!(seconds(&parse.leads), vec![Some(60)]);
    assert_eq!(parse.bad.len(), 2);
}

#[test]
fn text_beyond_the_limits_is_left_unread() {
    // Lines of 34 bytes (33 and the line feed), one answered in 60 s each.
    let row = "2025-03-14 09:00\t2025-03-14 09:01\n";
    assert_eq!(row.len(), 34);
    // More than 1 MiB: cut at the end of the last whole line within it,
    // 1,048,576 ÷ 34 = 30,840 whole lines (30,840 × 34 = 1,048,560).
    let huge = row.repeat(40_000);
    assert!(huge.len() > MAX_INPUT_BYTES);
    let parse = parse_leads(&huge, DayFirst);
    assert!(parse.truncated);
    assert!(parse.bad.is_empty());
    assert_eq!(parse.leads.len(), 30_840);
    // More than MAX_LINES lines within 1 MiB: 99,999 blank lines, then two rows; the row
    // on line 100,000 is read, the one on line 100,001 is not.
    let many = format!("{}{row}{row}", "\n".repeat(MAX_LINES - 1));
    assert!(many.len() < MAX_INPUT_BYTES);
    let parse = parse_leads(&many, DayFirst);
    assert!(parse.truncated);
    assert_eq!(parse.leads.len(), 1);
    // Blank text beyond the limits does not count as left out.
    let padded = format!("{row}{}", "\n".repeat(MAX_LINES + 5));
    assert!(!parse_leads(&padded, DayFirst).truncated);
    // One huge line without a line feed: nothing whole fits, nothing is read.
    let line = "x".repeat(MAX_INPUT_BYTES + 1);
    let parse = parse_leads(&line, DayFirst);
    assert!(parse.truncated && parse.leads.is_empty() && parse.bad.is_empty());
}

/// What holds for any parse: bad rows in increasing line order within the text, no more
/// rows than lines, responses never before their lead, and statistics that add up.
fn check_invariants(text: &str, parse: &LeadsParse) -> Result<(), TestCaseError> {
    let lines = text.lines().count();
    prop_assert!(parse.leads.len() + parse.bad.len() <= lines.max(1));
    for pair in parse.bad.windows(2) {
        prop_assert!(pair[0].line < pair[1].line);
    }
    for b in &parse.bad {
        prop_assert!(b.line >= 1 && b.line <= lines);
    }
    for lead in &parse.leads {
        prop_assert!(lead.response_seconds().is_none_or(|s| s >= 0));
    }
    match speed_stats(&parse.leads) {
        Ok(s) => {
            prop_assert_eq!(s.leads, parse.leads.len());
            prop_assert_eq!(s.answered + s.unanswered, s.leads);
            prop_assert!(s.within_five_minutes <= s.answered);
            prop_assert!(s.within_five_minutes_pct >= Decimal::ZERO);
            prop_assert!(s.within_five_minutes_pct <= d("100"));
            prop_assert_eq!(s.median_minutes.is_some(), s.answered > 0);
        }
        Err(e) => {
            prop_assert_eq!(e, KpiError::Empty);
            prop_assert!(parse.leads.is_empty());
        }
    }
    Ok(())
}

/// Text made of the pieces date-times are made of.
fn date_time_like_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            Just("2025-03-14".to_owned()),
            Just("14/03/2025".to_owned()),
            Just("3/14/25".to_owned()),
            (0u32..30, 0u32..70).prop_map(|(h, m)| format!("{h}:{m:02}")),
            Just("AM".to_owned()),
            Just("PM".to_owned()),
            Just("T".to_owned()),
            Just("Z".to_owned()),
            Just(" ".to_owned()),
            Just("\t".to_owned()),
            Just(";".to_owned()),
            Just(",".to_owned()),
            Just("\"".to_owned()),
            Just("\n".to_owned()),
            Just("Lead".to_owned()),
        ],
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #[test]
    fn parse_never_panics_on_any_string(text in any::<String>(), month_first in any::<bool>()) {
        let order = if month_first { MonthFirst } else { DayFirst };
        let parse = parse_leads(&text, order);
        check_invariants(&text, &parse)?;
    }

    #[test]
    fn parse_never_panics_on_date_time_like_text(
        text in date_time_like_text(),
        month_first in any::<bool>(),
    ) {
        let order = if month_first { MonthFirst } else { DayFirst };
        let parse = parse_leads(&text, order);
        check_invariants(&text, &parse)?;
    }

    /// A written pair reads back with its response time in seconds.
    #[test]
    fn written_pairs_read_back(start in 0i64..3_000_000_000, wait in 0i64..1_000_000) {
        let created = at(1950, 1, 1, 0, 0, 0) + chrono::TimeDelta::seconds(start);
        let responded = created + chrono::TimeDelta::seconds(wait);
        let text = format!(
            "{}\t{}",
            created.format("%Y-%m-%d %H:%M:%S"),
            responded.format("%d/%m/%Y %H:%M:%S")
        );
        let leads = all_good(&text, DayFirst);
        prop_assert_eq!(seconds(&leads), vec![Some(wait)]);
        let stats = speed_stats(&leads).unwrap();
        prop_assert_eq!(stats.within_five_minutes, usize::from(wait <= 300));
    }
}
