//! The customer-value worker's messages (`worker::rfm::protocol`): every request and
//! reply the page and the worker exchange reads back as written, damaged ones are
//! refused rather than misread, and the data the screen is drawn from ([`Shown`])
//! holds what the independent pandas implementation finds in the sample file.
//!
//! Where expected values come from: `tests/fixtures/rfm_expected.csv` (per customer:
//! monetary value and segment, from `tests/fixtures/rfm_pandas.py`); the segment counts,
//! the top customers and the win-back share below are computed here from that file.

use chrono::NaiveDate;
use retorno::engine::deals::DateOrder;
use retorno::engine::rfm::{analyse, DecimalMark, Role, Segment};
use retorno::worker::rfm::protocol::{
    decode_reply, encode_reply, Cell, Problem, Reading, Reply, Request, Scored, Setting, Shown,
    ROLES, TOP,
};
use rust_decimal::Decimal;
use std::str::FromStr;

const SAMPLE: &[u8] = include_bytes!("fixtures/rfm_sample.csv");
const EXPECTED: &str = include_str!("fixtures/rfm_expected.csv");

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap_or_else(|e| panic!("{s}: {e}"))
}

#[test]
fn requests_round_trip() {
    let day = NaiveDate::from_ymd_opt(2024, 3, 16);
    let mut requests = vec![
        Request::File { id: 1 },
        Request::Export {
            id: 7,
            customers: true,
        },
        Request::Export {
            id: 8,
            customers: false,
        },
        Request::Cancel { id: 4_000_000_000 },
    ];
    let mut settings: Vec<Setting> = ROLES
        .iter()
        .flat_map(|r| [Setting::Role(*r, Some(12)), Setting::Role(*r, None)])
        .collect();
    settings.extend([
        Setting::DateOrder(DateOrder::DayFirst),
        Setting::DateOrder(DateOrder::MonthFirst),
        Setting::Decimal(DecimalMark::Point),
        Setting::Decimal(DecimalMark::Comma),
        Setting::Header(true),
        Setting::Header(false),
        Setting::Reference(day),
        Setting::Reference(None),
    ]);
    settings.extend(Segment::ALL.map(Setting::Segment));
    for (i, setting) in settings.into_iter().enumerate() {
        requests.push(Request::Set {
            id: 100 + i as u32,
            setting,
        });
    }
    for r in &requests {
        assert_eq!(
            Request::decode(&r.encode()).as_ref(),
            Some(r),
            "{}",
            r.encode()
        );
    }
    // The lines, by hand.
    let set = |setting| Request::Set { id: 5, setting }.encode();
    assert_eq!(
        set(Setting::Role(Role::Customer, Some(6))),
        "set 5 role-customer 6"
    );
    assert_eq!(
        set(Setting::Role(Role::Invoice, None)),
        "set 5 role-invoice -"
    );
    assert_eq!(set(Setting::Reference(day)), "set 5 reference 2024-03-16");
    assert_eq!(
        set(Setting::Segment(Segment::AtRisk)),
        "set 5 segment at_risk"
    );
    assert_eq!(Request::File { id: 3 }.encode(), "file 3");
}

#[test]
fn damaged_requests_are_refused() {
    for text in [
        "",
        "file",
        "file x",
        "file 1 extra",
        "set 1 colour red",
        "set 1 role-nobody 3",
        "set 1 role-customer three",
        "set 1 role-customer",
        "set 1 header yes",
        "set 1 date-order dmy",
        "set 1 reference 2024-02-30",
        "set 1 segment nobody",
        "set 1 segment at_risk more",
        "export 1 everything",
        "cancel",
        "risk 1 abc",
        // The A/B test's statistics run in its screen now: the worker refuses them.
        "ab 1 en USD 1 1000 100 1000 130 95 50 10 20 80 500",
        // Requests of the screen written as HTML, with its language and churn: gone.
        "show 1 es EUR 15 13",
        "file 1 es EUR 15 13",
    ] {
        assert_eq!(Request::decode(text), None, "{text:?}");
    }
}

#[test]
fn replies_round_trip_and_damaged_ones_are_refused() {
    let replies = [
        Reply::Progress {
            id: 3,
            done: 2_097_152.0,
            total: 91_234_567.0,
        },
        Reply::Shown {
            id: 4,
            cells: Shown::default().encode(),
        },
        Reply::Csv {
            id: 6,
            text: "customer,recency\n12345,3\n".into(),
        },
    ];
    for r in &replies {
        assert_eq!(decode_reply(&encode_reply(r)).as_ref(), Some(r));
    }
    let t = |s: &str| Cell::Text(s.into());
    let n = Cell::Num;
    for cells in [
        vec![],
        vec![n(8.0)],
        vec![n(8.0), n(1.5), n(0.0)],
        vec![n(8.0), n(-1.0), n(0.0)],
        vec![n(7.0), n(1.0), n(2.0)],
        vec![n(0.0), n(1.0), t("2"), n(3.0)],
        // Reply 9 (the A/B results) is no more.
        vec![n(9.0), n(1.0), t("r"), t("p"), t("")],
    ] {
        assert_eq!(decode_reply(&cells), None, "{cells:?}");
    }
    // Reply 8 carries its data as it comes; the screen's reader refuses what is not a
    // `Shown` (the former reply 8, HTML and a proposal, among them).
    for cells in [
        vec![],
        vec![t("<p>x</p>"), t("10.2")],
        // No name, a size of −1.
        vec![n(0.0), n(-1.0), n(0.0), n(0.0), n(0.0)],
        // A name that is a number.
        vec![n(1.0), n(3.0), n(10.0), n(0.0), n(0.0), n(0.0)],
        // A problem of an unknown kind.
        vec![n(0.0), n(10.0), n(1.0), n(7.0), n(0.0), n(0.0)],
        // One cell too many.
        vec![n(0.0), n(10.0), n(0.0), n(0.0), n(0.0), n(0.0)],
        // A flag that is neither 0 nor 1.
        vec![n(0.0), n(10.0), n(2.0), n(0.0), n(0.0)],
    ] {
        assert_eq!(Shown::decode(&cells), None, "{cells:?}");
    }
}

/// pandas' customers: (id, monetary to the cent, segment key).
fn expected_customers() -> Vec<(String, Decimal, String)> {
    EXPECTED
        .lines()
        .skip(1)
        .map(|l| {
            let c: Vec<&str> = l.split(',').collect();
            (c[0].to_string(), dec(c[3]), c[7].to_string())
        })
        .collect()
}

#[test]
fn the_sample_scored_as_the_screen_gets_it() {
    let result = analyse(SAMPLE, None).unwrap_or_else(|e| panic!("{e:?}"));
    let expected = expected_customers();
    let scored = Scored::of(&result, Segment::Champions);
    // Every field survives the trip as cells exactly.
    let shown = Shown {
        name: Some("rfm_sample.csv".into()),
        size: SAMPLE.len() as u64,
        problem: None,
        reading: Some(Reading {
            headers: vec!["Invoice".into(), "Customer ID".into()],
            preview: vec![vec!["489434".into(), "13085".into()]],
            mapping: Default::default(),
            date_order: DateOrder::DayFirst,
            date_order_certain: false,
            decimal: DecimalMark::Comma,
            decimal_certain: true,
            has_header: true,
            reference: Some(result.reference),
        }),
        scored: Some(scored.clone()),
    };
    assert_eq!(Shown::decode(&shown.encode()).as_ref(), Some(&shown));
    // A damaged copy is refused: cut short anywhere.
    let cells = shown.encode();
    for cut in [1, cells.len() / 3, cells.len() / 2, cells.len() - 1] {
        assert_eq!(Shown::decode(&cells[..cut]), None, "cut at {cut}");
    }

    assert_eq!(scored.customers, expected.len() as u64);
    // Each segment's count, as pandas assigns them.
    for s in &scored.segments {
        let want = expected.iter().filter(|c| c.2 == s.segment.key()).count() as u64;
        assert_eq!(s.customers, want, "{}", s.segment.key());
    }
    // The grid holds every customer once.
    let cells: u64 = scored.grid.customers.iter().flatten().sum();
    assert_eq!(cells, expected.len() as u64);
    // The top champions: largest monetary value first, then by id.
    let mut champions: Vec<&(String, Decimal, String)> =
        expected.iter().filter(|c| c.2 == "champions").collect();
    champions.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let want: Vec<&str> = champions.iter().take(TOP).map(|c| c.0.as_str()).collect();
    let got: Vec<&str> = scored.top.iter().map(|c| c.customer.as_str()).collect();
    assert_eq!(got, want);
    assert_eq!(scored.segment, Segment::Champions);
    // The win-back share: the revenue of "at risk" and "can't lose" over all, to within
    // pandas' rounding to the cent.
    let total: Decimal = expected.iter().map(|c| c.1).sum();
    let at_risk: Decimal = expected
        .iter()
        .filter(|c| c.2 == "at_risk" || c.2 == "cant_lose")
        .map(|c| c.1)
        .sum();
    let cents = dec("0.005") * Decimal::from(expected.len() as u64);
    assert!((scored.win_back_revenue - at_risk).abs() <= cents);
    assert!((scored.at_risk - at_risk / total).abs() <= cents / total);
}

#[test]
fn decimals_travel_exactly_and_a_bad_scale_is_refused() {
    let result = analyse(SAMPLE, None).unwrap_or_else(|e| panic!("{e:?}"));
    let mut scored = Scored::of(&result, Segment::AtRisk);
    scored.revenue = Decimal::MAX;
    scored.win_back_revenue = Decimal::MIN;
    scored.at_risk = Decimal::new(-1, 28);
    let shown = Shown {
        scored: Some(scored),
        ..Shown::default()
    };
    let mut cells = shown.encode();
    assert_eq!(Shown::decode(&cells).as_ref(), Some(&shown));
    // The last four cells are the share at risk: its flags word with a scale of 29.
    let flags = cells.len() - 4;
    cells[flags] = Cell::Num(f64::from(29_u32 << 16));
    assert_eq!(Shown::decode(&cells), None);
    // Or with a bit that is neither the sign nor the scale.
    cells[flags] = Cell::Num(1.0);
    assert_eq!(Shown::decode(&cells), None);
}

#[test]
fn a_problem_travels_with_its_details() {
    for problem in [
        Problem::Cancelled,
        Problem::Unreadable,
        Problem::Rfm(retorno::engine::rfm::RfmError::MissingColumn(
            Role::Customer,
        )),
        Problem::Rfm(retorno::engine::rfm::RfmError::TooLarge {
            bytes: 314_572_800,
            cap: 268_435_456,
        }),
    ] {
        let shown = Shown {
            name: None,
            size: 10,
            problem: Some(problem),
            ..Shown::default()
        };
        assert_eq!(Shown::decode(&shown.encode()).as_ref(), Some(&shown));
    }
}
