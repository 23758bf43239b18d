//! Periods pasted from a spreadsheet (`src/engine/measure/paste.rs`).
//!
//! Where expected values come from: each pasted table is written here by hand, and the
//! periods, figures and line-numbered reasons it must give are read off it (line
//! numbers count blank lines, columns count from 1), following the rules in the module
//! docs.

mod common;

use common::measure::{d, date};
use retorno::engine::deals::DateOrder;
use retorno::engine::measure::{
    column_of, parse_number, parse_periods, Column, Layout, Measure, PasteProblem, Period,
    MAX_PERIODS,
};
use retorno::i18n::{AppMsg, Text};
use retorno::units::{Lang, Problem};

#[test]
fn one_row_per_period_with_spanish_headers() {
    let text = "Periodo\tInicio\tFin\tClientes al inicio\tPedidos\tIngresos\n\
                Línea base\t01/01/2025\t31/03/2025\t1.000\t500\t250.000,50\n\
                \n\
                Piloto\t01/04/2025\t30/06/2025\t1.020\t\t270.000\n";
    let p = parse_periods(text, DateOrder::DayFirst);
    assert_eq!(p.layout, Some(Layout::PeriodRows));
    assert_eq!(p.bad, vec![]);
    assert_eq!(p.periods.len(), 2);
    let base = &p.periods[0];
    assert_eq!(base.name, "Línea base");
    assert_eq!(
        (base.start, base.end),
        (Some(date(2025, 1, 1)), Some(date(2025, 3, 31)))
    );
    // 1.000 is a thousand; 250.000,50 is 250000.5.
    assert_eq!(base.values.customers_start, Some(d("1000")));
    assert_eq!(base.values.orders, Some(d("500")));
    assert_eq!(base.values.revenue, Some(d("250000.50")));
    let pilot = &p.periods[1];
    assert_eq!(pilot.name, "Piloto");
    assert_eq!(pilot.values.orders, None, "a blank cell is not measured");
    assert_eq!(pilot.values.revenue, Some(d("270000")));
    assert!(!p.truncated);
}

#[test]
fn one_row_per_figure_with_english_headers_and_keys() {
    // Line 1 names the periods; the figures by name, by key, with the interface's
    // parenthesis; month-first dates.
    let text = "Figure,Baseline,Pilot,Rollout\n\
                Start,1/1/2025,4/1/2025,7/1/2025\n\
                End,3/31/2025,6/30/2025,9/30/2025\n\
                New customers,100,120,\n\
                won_deals,\"1,250\",130,140\n\
                Promoters (NPS 9–10),80,90,95\n";
    let p = parse_periods(text, DateOrder::MonthFirst);
    assert_eq!(p.layout, Some(Layout::FigureRows));
    assert_eq!(p.bad, vec![]);
    let names: Vec<&str> = p.periods.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Baseline", "Pilot", "Rollout"]);
    assert_eq!(p.periods[1].start, Some(date(2025, 4, 1)));
    assert_eq!(p.periods[2].end, Some(date(2025, 9, 30)));
    assert_eq!(p.periods[0].values.customers_new, Some(d("100")));
    assert_eq!(p.periods[2].values.customers_new, None);
    // "1,250" in quotes keeps its comma: 1250 deals.
    assert_eq!(p.periods[0].values.won_deals, Some(d("1250")));
    assert_eq!(p.periods[2].values.promoters, Some(d("95")));
}

#[test]
fn bad_rows_are_reported_by_line_with_the_reason() {
    let text = "Name;Start;End;Orders;Revenue;Mood\n\
                Q1;2025-01-01;2025-03-31;10;100\n\
                Q2;2025-04-01;2025-03-01;10;100\n\
                Q3;2025-07-01;31/09/2025;10;100\n\
                Q4;2025-10-01;2025-12-31;2,5;100\n\
                Q5;2026-01-01;2026-03-31;-3;100\n\
                Q6;2026-04-01;2026-06-30;10;lots\n\
                Q7;2026-07-01;;7;\n";
    let p = parse_periods(text, DateOrder::DayFirst);
    let reasons: Vec<(usize, PasteProblem)> = p.bad.iter().map(|b| (b.line, b.reason)).collect();
    assert_eq!(
        reasons,
        [
            // "Mood" is no figure: column 6 of the header is ignored.
            (1, PasteProblem::UnknownColumn(6)),
            // Ends before it starts (the end is column 3).
            (3, PasteProblem::EndBeforeStart(3)),
            // 31 September does not exist.
            (4, PasteProblem::BadDate(3)),
            // 2.5 orders: a count must be whole.
            (5, PasteProblem::BadValue(4, Problem::NotWhole)),
            (6, PasteProblem::BadValue(4, Problem::BelowMin)),
            (7, PasteProblem::BadNumber(5)),
        ]
    );
    assert_eq!(p.bad[1].text, "Q2;2025-04-01;2025-03-01;10;100");
    // The good rows are kept: Q1 and Q7 (an empty end is no date).
    let names: Vec<&str> = p.periods.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Q1", "Q7"]);
    assert_eq!(p.periods[1].end, None);
    assert_eq!(p.periods[1].values.orders, Some(d("7")));
}

#[test]
fn figure_rows_report_unknown_duplicate_and_reversed_rows() {
    let text = "\tA\tB\n\
                Orders\t1\t2\n\
                Happiness\t3\t4\n\
                Pedidos\t5\t6\n\
                Start\t2025-01-01\t2025-06-01\n\
                End\t2025-03-31\t2025-05-01\n\
                Leads\t10\tmany\n";
    let p = parse_periods(text, DateOrder::DayFirst);
    assert_eq!(p.layout, Some(Layout::FigureRows));
    let reasons: Vec<(usize, PasteProblem)> = p.bad.iter().map(|b| (b.line, b.reason)).collect();
    assert_eq!(
        reasons,
        [
            (3, PasteProblem::UnknownColumn(1)),
            // "Pedidos" is Orders again.
            (4, PasteProblem::DuplicateColumn(1)),
            // B ends (05-01) before it starts (06-01): column 3 of the end row.
            (6, PasteProblem::EndBeforeStart(3)),
            (7, PasteProblem::BadNumber(3)),
        ]
    );
    // Orders from the first row only; no leads (that row was bad); ends dropped.
    assert_eq!(p.periods[1].values.orders, Some(d("2")));
    assert_eq!(p.periods[0].values.leads, None);
    assert_eq!(
        p.periods.iter().map(|p| p.end).collect::<Vec<_>>(),
        [None, None]
    );
    assert_eq!(p.periods[1].start, Some(date(2025, 6, 1)));
}

#[test]
fn limits_and_unreadable_pastes() {
    // Nothing known anywhere: the first line is reported, nothing read.
    let p = parse_periods("foo\tbar\n1\t2\n", DateOrder::DayFirst);
    assert_eq!((p.layout, p.periods.len()), (None, 0));
    assert_eq!(p.bad.len(), 1);
    assert_eq!(
        (p.bad[0].line, p.bad[0].reason),
        (1, PasteProblem::NoHeader)
    );
    assert_eq!(parse_periods("", DateOrder::DayFirst).layout, None);
    assert_eq!(parse_periods(" \n\n", DateOrder::DayFirst).bad, vec![]);
    // More than 24 period rows: the 25th and later are reported.
    let mut text = String::from("Name\tOrders\n");
    for k in 0..26 {
        text.push_str(&format!("P{k}\t{k}\n"));
    }
    let p = parse_periods(&text, DateOrder::DayFirst);
    assert_eq!(p.periods.len(), MAX_PERIODS);
    let lines: Vec<usize> = p.bad.iter().map(|b| b.line).collect();
    assert_eq!(lines, [26, 27]);
    assert!(p
        .bad
        .iter()
        .all(|b| b.reason == PasteProblem::TooManyPeriods));
    // More than 24 period columns: the first 24 are read and line 1 says so.
    let header = std::iter::once("Figure".to_string())
        .chain((0..30).map(|k| format!("P{k}")))
        .collect::<Vec<_>>()
        .join("\t");
    let p = parse_periods(&format!("{header}\nOrders\t1\n"), DateOrder::DayFirst);
    assert_eq!(p.periods.len(), MAX_PERIODS);
    assert_eq!(p.bad[0].reason, PasteProblem::TooManyPeriods);
    // A name over 120 characters.
    let long = "n".repeat(121);
    let p = parse_periods(&format!("Name\tOrders\n{long}\t1\n"), DateOrder::DayFirst);
    assert_eq!(p.bad[0].reason, PasteProblem::NameTooLong(1));
    // Hostile text never panics, whatever it holds.
    for junk in [
        "\u{0}\t\u{feff}\"",
        "\"\"\"\t;,",
        "Orders\n\t\t\t\t",
        "(((\t)))",
        "Start\t-",
    ] {
        let _ = parse_periods(junk, DateOrder::MonthFirst);
    }
}

#[test]
fn numbers_as_spreadsheets_copy_them() {
    for (text, value) in [
        ("1234", "1234"),
        ("1.234", "1234"),
        ("1,234", "1234"),
        ("1.234,5", "1234.5"),
        ("1,234.5", "1234.5"),
        ("1.234.567", "1234567"),
        ("1 234 567,25", "1234567.25"),
        ("1\u{a0}500", "1500"),
        ("12,5", "12.5"),
        ("12.5", "12.5"),
        ("0,125", "0.125"),
        ("1234,567", "1234.567"),
        ("-3", "-3"),
        ("45%", "45"),
        ("€ 1.200,00", "1200.00"),
        ("$1,200.00", "1200.00"),
    ] {
        assert_eq!(parse_number(text), Some(d(value)), "{text}");
    }
    for bad in [
        "",
        "-",
        "abc",
        "1.2.3,4,5",
        "12,34,5",
        "1e3",
        "1..2",
        "1,",
        "--1",
        "1-2",
    ] {
        assert_eq!(parse_number(bad), None, "{bad}");
    }
}

#[test]
fn every_name_the_interface_shows_is_a_header() {
    // The engine's own list of names must follow the i18n catalogue in both languages.
    for &m in Measure::ALL {
        for lang in [Lang::En, Lang::Es] {
            let shown = AppMsg::Measure(m).text(lang);
            assert_eq!(column_of(shown), Some(Column::Figure(m)), "{shown}");
            assert_eq!(
                column_of(&shown.to_uppercase()),
                Some(Column::Figure(m)),
                "{shown}"
            );
        }
        assert_eq!(column_of(m.key()), Some(Column::Figure(m)));
    }
    // Accents optional.
    assert_eq!(
        column_of("Aperturas unicas"),
        Some(Column::Figure(Measure::EmailsOpened))
    );
    assert_eq!(column_of("Fecha de inicio"), Some(Column::Start));
    assert_eq!(column_of("hasta"), Some(Column::End));
    assert_eq!(column_of("Período"), Some(Column::Name));
    assert_eq!(column_of("nothing"), None);
    // The pasted periods fit a measurement.
    let p = parse_periods("Name\tOrders\nA\t1\nB\t2\nC\t3\n", DateOrder::DayFirst);
    let mut m = retorno::engine::measure::Measurement::default();
    m.replace_periods(p.periods).unwrap();
    assert_eq!(m.periods.len(), 3);
    assert_eq!(
        m.current(),
        &Period {
            name: "C".into(),
            ..common::measure::period(&[(Measure::Orders, "3")])
        }
    );
}

/// `merge_pasted`, read off its rule: each pasted period overwrites the period at its
/// position with what it gives; blanks keep what was there; deals, leads and actual
/// costs stay; periods past the paste's go.
#[test]
fn pasted_periods_keep_what_the_paste_leaves_blank() {
    use retorno::engine::measure::{merge_pasted, ActualCosts};
    use retorno::engine::model::CostLine;
    let mut spent = ActualCosts::default();
    spent.set(CostLine::Licences, Some(d("900")));
    let existing = vec![
        Period {
            name: "Before".into(),
            start: Some(date(2025, 1, 1)),
            end: Some(date(2025, 3, 31)),
            deals: "2025-01-02\t2025-01-12".into(),
            ..common::measure::period(&[(Measure::Leads, "1000"), (Measure::WonDeals, "80")])
        },
        Period {
            costs: spent,
            ..common::measure::period(&[(Measure::Leads, "900")])
        },
        Period {
            name: "Dropped".into(),
            ..Period::default()
        },
    ];
    // A figures table: no name row, no dates; won deals for both, leads blank for the
    // first.
    let p = parse_periods(
        "Deals won\t90\t120\nLeads received\t\t1000\n",
        DateOrder::DayFirst,
    );
    assert_eq!(p.bad, vec![]);
    let merged = merge_pasted(&existing, &p.periods);
    assert_eq!(merged.len(), 2);
    let (first, second) = (&merged[0], &merged[1]);
    // Kept: name, dates, the deals paste, the blank cell's 1,000 leads; new: 90 won.
    assert_eq!(first.name, "Before");
    assert_eq!(
        (first.start, first.end),
        (Some(date(2025, 1, 1)), Some(date(2025, 3, 31)))
    );
    assert_eq!(first.deals, "2025-01-02\t2025-01-12");
    assert_eq!(first.values.leads, Some(d("1000")));
    assert_eq!(first.values.won_deals, Some(d("90")));
    // The second: its actual costs kept, leads 900 → 1,000, won 120.
    assert_eq!(second.costs, spent);
    assert_eq!(second.values.leads, Some(d("1000")));
    assert_eq!(second.values.won_deals, Some(d("120")));
    // A named, dated paste renames and re-dates; a period beyond the existing ones
    // starts empty.
    let p = parse_periods(
        "Name\tStart\tEnd\nQ1\t01/01/2026\t31/03/2026\nQ2\t01/04/2026\t30/06/2026\nQ3\t01/07/2026\t30/09/2026\n",
        DateOrder::DayFirst,
    );
    let merged = merge_pasted(&existing, &p.periods);
    assert_eq!(
        merged.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
        ["Q1", "Q2", "Q3"]
    );
    assert_eq!(merged[0].values.won_deals, Some(d("80")));
    assert_eq!(merged[2].end, Some(date(2026, 9, 30)));
    assert_eq!(merged[2].values, Period::default().values);
}
