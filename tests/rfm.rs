//! RFM engine (issue 12): the sample against the independent pandas implementation,
//! chunked reading, file variants, hostile files, and properties of the scores.

use chrono::NaiveDate;
use proptest::prelude::*;
use retorno::engine::rfm::export::{self, customers_csv, segments_csv};
use retorno::engine::rfm::read::{self, sniff};
use retorno::engine::rfm::score::{score_all, Direction};
use retorno::engine::rfm::{
    analyse, analyse_with, check_size, Aggregator, FrequencyBasis, Mapping, Reason, RfmError,
    RfmResult, Role, Segment, MAX_FILE_BYTES,
};
use rust_decimal::Decimal;
use std::str::FromStr;

const SAMPLE: &[u8] = include_bytes!("fixtures/rfm_sample.csv");
const EXPECTED: &str = include_str!("fixtures/rfm_expected.csv");
const EXPECTED_CLEANING: &str = include_str!("fixtures/rfm_expected_cleaning.csv");

fn ok(result: Result<RfmResult, RfmError>) -> RfmResult {
    result.unwrap_or_else(|e| panic!("{e:?}"))
}

fn dec(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap_or_else(|e| panic!("{s}: {e}"))
}

#[test]
fn sample_matches_pandas_exactly() {
    let result = ok(analyse(SAMPLE, None));
    let mut expected = EXPECTED.lines();
    assert_eq!(
        expected.next(),
        Some(export::CUSTOMER_COLUMNS.join(",").as_str())
    );
    let expected: Vec<Vec<&str>> = expected.map(|l| l.split(',').collect()).collect();
    assert_eq!(result.customers.len(), expected.len());
    for (c, want) in result.customers.iter().zip(&expected) {
        let got = [
            c.customer.clone(),
            c.recency.to_string(),
            c.frequency.to_string(),
            c.r.to_string(),
            c.f.to_string(),
            c.m.to_string(),
            c.segment.key().to_string(),
        ];
        let want_cols = [
            want[0], want[1], want[2], want[4], want[5], want[6], want[7],
        ];
        assert_eq!(
            got.map(|s| s),
            want_cols.map(String::from),
            "customer {}",
            c.customer
        );
        // Monetary to the cent (the engine's is exact).
        assert_eq!(
            c.monetary.round_dp(2),
            dec(want[3]),
            "monetary of {}",
            c.customer
        );
    }
    // And the CSV writer's text is the expected file byte for byte.
    assert_eq!(customers_csv(&result), EXPECTED);
    assert_eq!(
        result.reference,
        NaiveDate::from_ymd_opt(2011, 12, 10).unwrap_or_default()
    );
    assert_eq!(result.frequency_basis, FrequencyBasis::Invoices);
}

#[test]
fn sample_cleaning_matches_pandas() {
    let result = ok(analyse(SAMPLE, None));
    let c = &result.cleaning;
    for line in EXPECTED_CLEANING.lines().skip(1) {
        let cols: Vec<&str> = line.split(',').collect();
        let count: u64 = cols[1].parse().unwrap_or(u64::MAX);
        let lines: Vec<u64> = cols[2]
            .split_whitespace()
            .filter_map(|x| x.parse().ok())
            .collect();
        let (got_count, got_lines) = match cols[0] {
            "Rows" => (c.rows, vec![]),
            "Kept" => (c.kept, vec![]),
            name => {
                let reason = Reason::ALL
                    .into_iter()
                    .find(|r| format!("{r:?}") == name)
                    .unwrap_or_else(|| panic!("{name}"));
                let e = c.excluded.iter().find(|e| e.reason == reason);
                let e = e.unwrap_or_else(|| panic!("{name}"));
                (e.count, e.examples.iter().map(|x| x.line).collect())
            }
        };
        assert_eq!(got_count, count, "{}", cols[0]);
        assert_eq!(got_lines, lines, "{}", cols[0]);
    }
    assert_eq!(
        c.rows,
        c.kept + Reason::ALL.iter().map(|r| c.count(*r)).sum::<u64>()
    );
}

#[test]
fn any_chunk_size_gives_the_same_result() {
    let whole = ok(analyse(SAMPLE, None));
    let options = sniff(SAMPLE).unwrap_or_else(|e| panic!("{e:?}")).options();
    let options = options.unwrap_or_else(|e| panic!("{e:?}"));
    for size in [1, 2, 3, 7, 64, 1000, 65536] {
        let mut agg = Aggregator::new(options);
        for chunk in SAMPLE.chunks(size) {
            agg.push(chunk).unwrap_or_else(|e| panic!("{e:?}"));
        }
        assert_eq!(agg.bytes_read(), SAMPLE.len() as u64);
        assert_eq!(ok(agg.finish(None)), whole, "chunks of {size}");
    }
}

#[test]
fn summaries_add_up() {
    let result = ok(analyse(SAMPLE, None));
    let segments = export::segments(&result);
    assert_eq!(segments.len(), 10);
    let customers: u64 = segments.iter().map(|s| s.customers).sum();
    assert_eq!(customers, result.customers.len() as u64);
    let revenue: Decimal = segments.iter().map(|s| s.revenue).sum();
    assert_eq!(revenue, result.revenue);
    let grid = export::grid(&result);
    assert_eq!(grid.customers.iter().flatten().sum::<u64>(), customers);
    assert_eq!(
        grid.revenue.iter().flatten().copied().sum::<Decimal>(),
        result.revenue
    );
    let (win_back, share) = export::win_back_revenue(&result);
    let expected: Decimal = segments
        .iter()
        .filter(|s| matches!(s.segment, Segment::AtRisk | Segment::CantLose))
        .map(|s| s.revenue)
        .sum();
    assert_eq!(win_back, expected);
    assert!(share > Decimal::ZERO && share < Decimal::ONE);
    let top = export::top(&result, Segment::Champions, 3);
    assert_eq!(top.len(), 3);
    assert!(top.windows(2).all(|w| w[0].monetary >= w[1].monetary));
    assert!(top.iter().all(|c| c.segment == Segment::Champions));
    let csv = segments_csv(&result);
    assert_eq!(csv.lines().count(), 11);
    assert!(csv.starts_with(
        "segment,customers,customer_share,revenue,revenue_share,avg_recency,avg_frequency,avg_monetary\nchampions,"
    ));
}

#[test]
fn variants_of_one_file_read_the_same() {
    let plain = "Invoice,InvoiceDate,Customer ID,Quantity,Price\n\
                 1,2024-01-05 10:00:00,A,2,1.50\n\
                 2,2024-02-01 09:00:00,B,1,10\n\
                 3,2024-02-01 09:30:00,A,1,0.25\n";
    let base = ok(analyse(plain.as_bytes(), None));
    let semicolon_comma = "\u{feff}Factura;Fecha;Cliente;Cantidad;Precio\r\n\
                 1;05/01/2024 10:00;A;2;1,50\r\n\
                 \r\n\
                 2;01/02/2024;\"B\";1;10,00\r\n\
                 3;01/02/2024 9:30;A;1;0,25";
    let other = ok(analyse(semicolon_comma.as_bytes(), None));
    assert_eq!(other.customers, base.customers);
    let tab_month_first = "invoice\tdate\tcustomer\tamount\n\
                 1\t1/5/2024 10:00 AM\tA\t3.00\n\
                 2\t2/1/2024\tB\t\"1,000.00\"\n\
                 3\t2/13/2024\tA\t0.25\n";
    let s = sniff(tab_month_first.as_bytes()).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(s.delimiter, b'\t');
    assert!(s.date_order_certain);
    let r = ok(analyse(tab_month_first.as_bytes(), None));
    assert_eq!(r.customers[1].monetary, dec("1000.00"));
    assert_eq!(r.customers[0].recency, 1);
    // Without an invoice column, frequency counts distinct dates.
    let no_invoice =
        "date,customer,amount\n2024-01-01,A,1\n2024-01-01,A,2\n2024-01-03,A,1\n2024-01-02,B,5\n";
    let r = ok(analyse(no_invoice.as_bytes(), None));
    assert_eq!(r.frequency_basis, FrequencyBasis::Dates);
    assert_eq!((r.customers[0].frequency, r.customers[1].frequency), (2, 1));
    assert_eq!(r.customers[0].monetary, dec("4"));
    // A reference date may be given, not before the last purchase.
    let day = NaiveDate::from_ymd_opt(2024, 1, 10);
    assert_eq!(
        ok(analyse(no_invoice.as_bytes(), day)).customers[0].recency,
        7
    );
    let early = NaiveDate::from_ymd_opt(2024, 1, 2);
    assert_eq!(
        analyse(no_invoice.as_bytes(), early).map(|_| ()),
        Err(RfmError::ReferenceBeforeLastPurchase {
            last: NaiveDate::from_ymd_opt(2024, 1, 3).unwrap_or_default()
        })
    );
}

#[test]
fn quoted_newlines_keep_line_numbers() {
    let text =
        "invoice,date,customer,amount\n1,2024-01-01,A,1\n2,2024-01-02,\"B\nC\",x\n3,bad,D,1\n";
    let r = ok(analyse(text.as_bytes(), None));
    let lines = |reason| {
        let e = r.cleaning.excluded.iter().find(|e| e.reason == reason);
        e.map(|e| e.examples.iter().map(|x| x.line).collect::<Vec<_>>())
    };
    assert_eq!(lines(Reason::BadAmount), Some(vec![3]));
    assert_eq!(lines(Reason::BadDate), Some(vec![5]));
}

#[test]
fn hostile_files_end_in_typed_errors() {
    let err = |bytes: &[u8]| analyse(bytes, None).err();
    assert_eq!(err(b""), Some(RfmError::Empty));
    assert_eq!(err(b"  \n\n"), Some(RfmError::Empty));
    assert_eq!(err(b"PK\x03\x04\x14\0\x06\0binary"), Some(RfmError::Binary));
    assert_eq!(
        err(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
        Some(RfmError::Binary)
    );
    assert_eq!(
        err(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"),
        Some(RfmError::NotUtf8 { line: 1 })
    );
    assert_eq!(
        err(b"customer\nA\nB\n"),
        Some(RfmError::TooFewColumns { found: 1 })
    );
    assert_eq!(err(b"customer,date,amount\n"), Some(RfmError::NoRows));
    assert_eq!(err(b"one,two,three\n"), Some(RfmError::NoRows));
    assert_eq!(
        err(b"x,y,z\n1,2,3\n"),
        Some(RfmError::MissingColumn(Role::Customer))
    );
    assert_eq!(
        err(b"customer,date,price\nA,2024-01-01,1\n"),
        Some(RfmError::MissingColumn(Role::Quantity))
    );
    match err(b"customer,date,amount\n,2024-01-01,1\nA,never,1\nB,2024-01-01,lots\n") {
        Some(RfmError::NoValidRows(cleaning)) => {
            assert_eq!(cleaning.rows, 3);
            assert_eq!(cleaning.count(Reason::NoCustomer), 1);
            assert_eq!(cleaning.count(Reason::BadDate), 1);
            assert_eq!(cleaning.count(Reason::BadAmount), 1);
        }
        other => panic!("{other:?}"),
    }
    // A short row, a huge amount, an unclosed quote.
    let r = ok(analyse(
        b"customer,date,amount\nA,2024-01-01\nA,2024-01-01,1\n",
        None,
    ));
    assert_eq!(r.cleaning.count(Reason::ShortRow), 1);
    // Nine amounts of 28 nines: more than Decimal's 7.9e28.
    let big = format!(
        "customer,date,amount\n{}",
        format!("A,2024-01-01,{}\n", "9".repeat(28)).repeat(9)
    );
    assert_eq!(
        analyse(big.as_bytes(), None).err(),
        Some(RfmError::Overflow)
    );
    let mut unclosed = b"customer,date,amount\nA,2024-01-01,\"1".to_vec();
    unclosed.extend(std::iter::repeat_n(b'x', (1 << 20) + 10));
    // The sniffed start is only the header (the rest is one unfinished line)…
    assert_eq!(analyse(&unclosed, None).err(), Some(RfmError::NoRows));
    // …and read with the options of a good start, the record is too long.
    let options = sniff(b"customer,date,amount\nA,2024-01-01,1\n").and_then(|s| s.options());
    let options = options.unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(
        analyse_with(&unclosed, options, None).err(),
        Some(RfmError::RecordTooLong { line: 2 })
    );
    // A NUL past the sniffed start.
    let mut late_nul = b"customer,date,amount\n".to_vec();
    for _ in 0..5000 {
        late_nul.extend(b"A,2024-01-01,1\n");
    }
    late_nul.extend(b"A,2024-01-01,\0\n");
    assert_eq!(analyse(&late_nul, None).err(), Some(RfmError::Binary));
}

#[test]
fn size_cap() {
    assert_eq!(check_size(0), Err(RfmError::Empty));
    assert_eq!(check_size(200_000_000), Ok(()));
    assert_eq!(check_size(MAX_FILE_BYTES), Ok(()));
    assert_eq!(
        check_size(MAX_FILE_BYTES + 1),
        Err(RfmError::TooLarge {
            bytes: MAX_FILE_BYTES + 1,
            cap: MAX_FILE_BYTES
        })
    );
    // Past the cap while reading (without writing 256 MiB: one 1 MiB chunk pushed 257 times).
    let options = sniff(SAMPLE)
        .and_then(|s| s.options())
        .unwrap_or_else(|e| panic!("{e:?}"));
    let mut agg = Aggregator::new(options);
    let header_only = vec![b'\n'; 1 << 20];
    let mut refused = None;
    for i in 0..300 {
        if let Err(e) = agg.push(&header_only) {
            refused = Some((i, e));
            break;
        }
    }
    assert_eq!(
        refused,
        Some((
            256,
            RfmError::TooLarge {
                bytes: MAX_FILE_BYTES + (1 << 20),
                cap: MAX_FILE_BYTES
            }
        ))
    );
}

#[test]
fn cancellations() {
    let text = "Invoice,InvoiceDate,Customer ID,Quantity,Price\n\
                1,2024-01-01,A,2,1\n\
                C2,2024-01-02,A,1,1\n\
                3,2024-01-03,A,-1,1\n\
                4,2024-01-04,A,-1,-1\n\
                5,2024-01-05,A,1,-1\n\
                6,2024-01-06,A,0,1\n";
    let r = ok(analyse(text.as_bytes(), None));
    assert_eq!(r.cleaning.count(Reason::Cancelled), 4);
    let a = &r.customers[0];
    assert_eq!((a.frequency, a.monetary, a.recency), (2, dec("2"), 1));
    let opts = sniff(text.as_bytes())
        .and_then(|s| s.options())
        .unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(ok(analyse_with(text.as_bytes(), opts, None)), r);
}

/// Each customer's id and frequency, in the order they come out.
fn frequencies(r: &RfmResult) -> Vec<(&str, u64)> {
    r.customers
        .iter()
        .map(|c| (c.customer.as_str(), c.frequency))
        .collect()
}

/// Issue 28 counts distinct invoices without a set of every (customer, invoice) pair: an
/// invoice counts for the customer of its first row at once, and only a second customer's
/// rows go through the set. Expected by hand from the rule (frequency = distinct invoices
/// of the customer's kept rows): A has invoices 1, 2 (1 again after 2 and after B's
/// rows), 4 → 3; B has 1 (shared with A, twice) and 3 → 2; C only rows left out (a
/// cancellation, an unreadable price) before its one invoice 2 (A's) → 1.
#[test]
fn frequency_counts_shared_and_interleaved_invoices() {
    let text = "Invoice,InvoiceDate,Customer ID,Quantity,Price\n\
                1,2024-01-01,A,1,1\n\
                2,2024-01-02,A,1,1\n\
                1,2024-01-01,B,1,1\n\
                3,2024-01-03,B,1,1\n\
                1,2024-01-01,A,1,1\n\
                1,2024-01-01,B,1,1\n\
                C9,2024-01-04,C,1,1\n\
                9,2024-01-04,C,1,x\n\
                2,2024-01-02,C,1,1\n\
                4,2024-01-05,A,1,1\n\
                2,2024-01-02,A,1,1\n";
    let r = ok(analyse(text.as_bytes(), None));
    assert_eq!(frequencies(&r), [("A", 3), ("B", 2), ("C", 1)]);
    // Without the invoice column: distinct days. A bought on 01-01, 01-02, 01-05 → 3; B
    // on 01-01, 01-03 → 2; C on 01-02 → 1 (its 01-04 rows are left out).
    let no_invoice: String = text
        .lines()
        .map(|l| l.split_once(',').map_or(l, |(_, rest)| rest).to_string() + "\n")
        .filter(|l| !l.starts_with("2024-01-04"))
        .collect();
    let r = ok(analyse(no_invoice.as_bytes(), None));
    assert_eq!(r.frequency_basis, FrequencyBasis::Dates);
    assert_eq!(frequencies(&r), [("A", 3), ("B", 2), ("C", 1)]);
}

/// The customers come out in the byte order of their ids (issue 28 sorts by the first 8
/// bytes, then the length or the rest). The reference order is std's sort of the ids'
/// bytes; the ids share 8-byte prefixes, end inside them, and differ past them.
#[test]
fn customers_in_byte_order_of_ids() {
    let ids = [
        "12345678",
        "1234567",
        "123456789",
        "12345678a",
        "12345678A",
        "1",
        "10",
        "2",
        "a",
        "ab",
        "abcdefghij",
        "abcdefghi",
        "abcdefgh",
        "abcdefgg",
        "Zoë",
        "Zoe",
        "Zoe ",
        "~",
        "árbol",
        "arbol",
        "aaaaaaaaaaaaaaaa",
        "aaaaaaaaaaaaaaab",
        "aaaaaaaa",
    ];
    let mut text = String::from("Invoice,InvoiceDate,Customer ID,Quantity,Price\n");
    for (i, id) in ids.iter().enumerate() {
        text += &format!("{i},2024-01-01,{id},1,1\n");
    }
    let r = ok(analyse(text.as_bytes(), None));
    let got: Vec<&str> = r.customers.iter().map(|c| c.customer.as_str()).collect();
    let mut want: Vec<&str> = ids.iter().map(|s| s.trim()).collect();
    want.sort_by(|a, b| a.as_bytes().cmp(b.as_bytes()));
    want.dedup();
    assert_eq!(got, want);
}

#[test]
fn mapping_slots_are_its_fields() {
    let roles = [
        Role::Customer,
        Role::Date,
        Role::Amount,
        Role::Quantity,
        Role::Price,
        Role::Invoice,
    ];
    let mut m = Mapping::default();
    for (i, role) in roles.into_iter().enumerate() {
        assert_eq!(m.slot(role), None);
        *m.slot_mut(role) = Some(i);
        assert_eq!(m.slot(role), Some(i));
        assert_eq!(m.role_of(i), Some(role));
    }
    let all = Mapping {
        customer: Some(0),
        date: Some(1),
        amount: Some(2),
        quantity: Some(3),
        price: Some(4),
        invoice: Some(5),
    };
    assert_eq!(m, all);
    *m.slot_mut(Role::Amount) = None;
    assert_eq!((m.amount, m.slot(Role::Amount)), (None, None));
    assert_eq!(m.slot(Role::Price), Some(4));
}

#[test]
fn sql_is_embedded() {
    assert!(retorno::engine::rfm::RFM_SQL.contains("ROW_NUMBER() OVER"));
    assert!(read::HEADER_NAMES
        .iter()
        .all(|(_, names)| names.iter().all(|n| read::normalize_header(n) == *n)));
}

fn values() -> impl Strategy<Value = Vec<i64>> {
    prop::collection::vec(0i64..60, 1..80)
}

proptest! {
    #[test]
    fn equal_values_share_a_score(v in values(), dir in prop::bool::ANY) {
        let d: Vec<Decimal> = v.iter().map(|&x| Decimal::from(x)).collect();
        let dir = if dir { Direction::HigherBetter } else { Direction::LowerBetter };
        let (_, s) = score_all(&d, dir).unwrap_or_default();
        for (i, a) in v.iter().enumerate() {
            for (j, b) in v.iter().enumerate() {
                if a == b {
                    prop_assert_eq!(s[i], s[j]);
                }
            }
        }
        prop_assert!(s.iter().all(|x| (1..=5).contains(x)));
    }

    #[test]
    fn more_money_never_scores_lower(v in prop::collection::vec(0i64..1_000_000, 1..80)) {
        let d: Vec<Decimal> = v.iter().map(|&x| Decimal::new(x, 2)).collect();
        let (_, s) = score_all(&d, Direction::HigherBetter).unwrap_or_default();
        for i in 0..v.len() {
            for j in 0..v.len() {
                if v[i] > v[j] {
                    prop_assert!(s[i] >= s[j]);
                }
            }
        }
    }

    /// Through the whole engine: a customer whose last purchase is later never gets a
    /// lower R, and equal recencies share R.
    #[test]
    fn more_recent_never_lower_r(days in prop::collection::vec(0u32..400, 1..40)) {
        let mut text = String::from("customer,date,amount\n");
        let start = NaiveDate::from_ymd_opt(2023, 1, 1).unwrap_or_default();
        for (i, d) in days.iter().enumerate() {
            let day = start + chrono::Duration::days(i64::from(*d));
            text += &format!("c{i:03},{day},1\n");
        }
        let r = analyse(text.as_bytes(), None);
        prop_assert!(r.is_ok());
        let r = r.unwrap_or_else(|_| unreachable!());
        for a in &r.customers {
            for b in &r.customers {
                if a.recency < b.recency {
                    prop_assert!(a.r >= b.r);
                }
                if a.recency == b.recency {
                    prop_assert_eq!(a.r, b.r);
                }
            }
        }
    }
}

/// The retention proposal, worked by hand: churn before 15 %, 20 % of an at-risk revenue
/// share of 0.24 won back → 15 − 20 × 0.24 = 15 − 4.8 = 10.2 %; a share that would take
/// churn below zero stops at 0; values out of range propose nothing.
#[test]
fn win_back_churn_by_hand() {
    let d = |s: &str| s.parse::<Decimal>().unwrap_or_default();
    assert_eq!(
        export::win_back_churn(d("15"), d("20"), d("0.24")),
        Some(d("10.2"))
    );
    assert_eq!(
        export::win_back_churn(d("15"), d("0"), d("0.24")),
        Some(d("15"))
    );
    assert_eq!(
        export::win_back_churn(d("5"), d("100"), d("0.5")),
        Some(d("0"))
    );
    // 12.5 − 33.3333 × 0.1234 = 12.5 − 4.11333… → 8.3867 (4 decimals)
    assert_eq!(
        export::win_back_churn(d("12.5"), d("33.3333"), d("0.1234")),
        Some(d("8.3867"))
    );
    assert_eq!(export::win_back_churn(d("15"), d("101"), d("0.2")), None);
    assert_eq!(export::win_back_churn(d("15"), d("20"), d("1.5")), None);
    assert_eq!(export::win_back_churn(d("-1"), d("20"), d("0.2")), None);
}
