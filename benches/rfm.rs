//! RFM engine speed (issue 12): a generated Online Retail II-like file of 200,000 lines
//! (about 17 MB), read whole and in 1 MiB chunks, and the scoring of its customers.
//! Run with `cargo bench --bench rfm`; the figures are recorded in docs/PERFORMANCE.md
//! (the 1M-line CLI-versus-pandas comparison is tests/fixtures/bench_rfm.sh).

use retorno::engine::rfm::{analyse, export, read, Aggregator};

fn main() {
    divan::main();
}

const LINES: usize = 200_000;

/// A deterministic file: invoices of 1–40 lines, 4,000 customers, a fifth of the
/// invoices without a customer, a few cancellations, ISO date-times.
fn file() -> Vec<u8> {
    let mut state: u64 = 12;
    let mut next = move |n: u64| {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) % n
    };
    let mut out = String::from(
        "Invoice,StockCode,Description,Quantity,InvoiceDate,Price,Customer ID,Country\n",
    );
    let (mut lines, mut invoice, mut minute) = (0, 489_434u64, 0u64);
    while lines < LINES {
        minute += next(300);
        let day = minute / 600;
        let (y, m, d) = (2010 + day / 360, 1 + (day % 360) / 30, 1 + day % 30);
        let date = format!(
            "{y}-{m:02}-{d:02} {:02}:{:02}:00",
            8 + (minute % 600) / 60,
            minute % 60
        );
        let customer = if next(5) == 0 {
            String::new()
        } else {
            (12_346 + next(4_000)).to_string()
        };
        let cancel = next(50) == 0;
        for _ in 0..1 + next(40) {
            let qty = 1 + next(24);
            let price = format!("{}.{:02}", next(15), next(100));
            let (inv, qty) = if cancel {
                (format!("C{invoice}"), format!("-{qty}"))
            } else {
                (invoice.to_string(), qty.to_string())
            };
            out += &format!(
                "{inv},{},\"SET OF {} TINS, PANTRY\",{qty},{date},{price},{customer},United Kingdom\n",
                20_000 + next(80_000),
                1 + next(6)
            );
            lines += 1;
        }
        invoice += 1;
    }
    out.into_bytes()
}

#[divan::bench(sample_count = 10)]
fn whole_file(bencher: divan::Bencher) {
    let bytes = file();
    bencher.bench(|| analyse(divan::black_box(&bytes), None));
}

#[divan::bench(sample_count = 10)]
fn chunks_of_1_mib(bencher: divan::Bencher) {
    let bytes = file();
    let options = read::sniff(&bytes).and_then(|s| s.options());
    let Ok(options) = options else { return };
    bencher.bench(|| {
        let mut agg = Aggregator::new(options);
        for chunk in bytes.chunks(1 << 20) {
            if agg.push(divan::black_box(chunk)).is_err() {
                break;
            }
        }
        agg.finish(None)
    });
}

#[divan::bench(sample_count = 10)]
fn customers_csv(bencher: divan::Bencher) {
    let Ok(result) = analyse(&file(), None) else {
        return;
    };
    bencher.bench(|| export::customers_csv(divan::black_box(&result)));
}
