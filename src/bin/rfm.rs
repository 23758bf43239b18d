//! RFM scores of a transactions file, natively, from the same engine as the browser
//! (`engine::rfm`): `cargo run --profile cli --bin rfm -- FILE [--reference-date
//! YYYY-MM-DD] [--dates dmy|mdy] [--decimal point|comma]`. The `cli` profile is the
//! release one at opt-level 3: release is opt-level "z" for the wasm download, slower
//! natively. The per-customer CSV goes to stdout, the cleaning report to stderr. In wasm
//! this binary is empty (it is not a Trunk target).

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    native::main()
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use chrono::NaiveDate;
    use retorno::engine::deals::DateOrder;
    use retorno::engine::rfm::{
        check_size, export, read, Aggregator, Cleaning, DecimalMark, RfmError, RfmResult,
    };
    use std::io::{Read, Write};
    use std::process::ExitCode;

    const USAGE: &str = "usage: rfm FILE [--reference-date YYYY-MM-DD] [--dates dmy|mdy] \
                         [--decimal point|comma]";

    struct Args {
        file: String,
        reference: Option<NaiveDate>,
        dates: Option<DateOrder>,
        decimal: Option<DecimalMark>,
    }

    fn parse_args() -> Result<Args, String> {
        let mut args = std::env::args().skip(1);
        let (mut file, mut reference, mut dates, mut decimal) = (None, None, None, None);
        while let Some(arg) = args.next() {
            let mut value = || args.next().ok_or_else(|| format!("{arg} needs a value"));
            match arg.as_str() {
                "--reference-date" => {
                    let text = value()?;
                    let day = read::parse_date(text.as_bytes(), DateOrder::DayFirst)
                        .filter(|_| text.len() == 10 && text.as_bytes().get(4) == Some(&b'-'))
                        .ok_or_else(|| format!("not a YYYY-MM-DD date: {text}"))?;
                    reference = Some(day);
                }
                "--dates" => {
                    dates = Some(match value()?.as_str() {
                        "dmy" => DateOrder::DayFirst,
                        "mdy" => DateOrder::MonthFirst,
                        other => return Err(format!("--dates dmy or mdy, not {other}")),
                    })
                }
                "--decimal" => {
                    decimal = Some(match value()?.as_str() {
                        "point" => DecimalMark::Point,
                        "comma" => DecimalMark::Comma,
                        other => return Err(format!("--decimal point or comma, not {other}")),
                    })
                }
                "-h" | "--help" => return Err(USAGE.to_string()),
                _ if file.is_none() && !arg.starts_with("--") => file = Some(arg),
                _ => return Err(format!("unexpected argument {arg}\n{USAGE}")),
            }
        }
        Ok(Args {
            file: file.ok_or_else(|| USAGE.to_string())?,
            reference,
            dates,
            decimal,
        })
    }

    /// The CLI's own English for each error (the engine's errors carry no text).
    fn describe(error: &RfmError) -> String {
        match error {
            RfmError::Empty => "the file is empty".into(),
            RfmError::Binary => "the file is not text (binary data)".into(),
            RfmError::NotUtf8 { line } => format!("line {line} is not UTF-8 text"),
            RfmError::TooLarge { bytes, cap } => {
                format!("the file has {bytes} bytes, more than the {cap}-byte cap")
            }
            RfmError::TooFewColumns { found } => {
                format!("fewer than 3 columns (found {found}) with , ; or tab")
            }
            RfmError::MissingColumn(role) => format!("no column found for {role:?}"),
            RfmError::NoRows => "a header and no data rows".into(),
            RfmError::NoValidRows(cleaning) => {
                format!("every row was left out:\n{}", report(cleaning))
            }
            RfmError::RecordTooLong { line } => {
                format!("the record at line {line} is too long (an unclosed quote?)")
            }
            RfmError::TooManyFields { line } => format!("too many fields at line {line}"),
            RfmError::Overflow => "an amount too large to add exactly".into(),
            RfmError::ReferenceBeforeLastPurchase { last } => {
                format!("the reference date is before the last purchase ({last})")
            }
        }
    }

    fn report(cleaning: &Cleaning) -> String {
        let mut out = format!("rows read: {}, kept: {}\n", cleaning.rows, cleaning.kept);
        for e in &cleaning.excluded {
            if e.count == 0 {
                continue;
            }
            out += &format!(
                "{:?}: {} rows {:?}\n",
                e.reason,
                e.count,
                e.reason.treatment()
            );
            for x in &e.examples {
                out += &format!("  line {}: {}\n", x.line, x.text);
            }
        }
        out
    }

    enum Failure {
        Io(std::io::Error),
        Engine(RfmError),
    }

    impl From<RfmError> for Failure {
        fn from(e: RfmError) -> Self {
            Failure::Engine(e)
        }
    }

    impl From<std::io::Error> for Failure {
        fn from(e: std::io::Error) -> Self {
            Failure::Io(e)
        }
    }

    /// `fmt::Write` into an `io::Write`, keeping the first I/O error. The CSV is written
    /// to stdout as it is formatted rather than built whole first: for 2 million
    /// customers that string was about 90 MB more at the peak (issue 28).
    struct Out<W: Write> {
        inner: W,
        error: Option<std::io::Error>,
    }

    impl<W: Write> std::fmt::Write for Out<W> {
        fn write_str(&mut self, s: &str) -> std::fmt::Result {
            self.inner.write_all(s.as_bytes()).map_err(|e| {
                self.error = Some(e);
                std::fmt::Error
            })
        }
    }

    fn run(args: &Args) -> Result<RfmResult, Failure> {
        let mut file = std::fs::File::open(&args.file)?;
        let meta = file.metadata()?;
        if meta.is_file() {
            // A pipe has no length: the aggregator still stops at the cap.
            check_size(meta.len())?;
        }
        let mut chunk = vec![0u8; 1 << 20];
        let mut filled = 0;
        // The first chunk whole (up to 1 MiB) for sniffing.
        while filled < chunk.len() {
            match file.read(chunk.get_mut(filled..).unwrap_or_default()) {
                Ok(0) => break,
                Ok(n) => filled += n,
                Err(e) => return Err(e.into()),
            }
        }
        let first = chunk.get(..filled).unwrap_or_default();
        let sniffed = read::sniff(first)?;
        let mut options = sniffed.options()?;
        if let Some(order) = args.dates {
            options.date_order = order;
        } else if !sniffed.date_order_certain {
            eprintln!(
                "rfm: date order not certain from the file; reading {:?} (--dates)",
                options.date_order
            );
        }
        if let Some(mark) = args.decimal {
            options.decimal = mark;
        }
        let mut agg = Aggregator::new(options);
        agg.push(first)?;
        loop {
            match file.read(&mut chunk) {
                Ok(0) => break,
                Ok(n) => agg.push(chunk.get(..n).unwrap_or_default())?,
                Err(e) => return Err(e.into()),
            }
        }
        let result = agg.finish(args.reference)?;
        eprint!("{}", report(&result.cleaning));
        eprintln!(
            "customers: {}, reference date: {}, purchases {} to {}",
            result.customers.len(),
            result.reference,
            result.first_purchase,
            result.last_purchase
        );
        Ok(result)
    }

    pub fn main() -> ExitCode {
        let args = match parse_args() {
            Ok(args) => args,
            Err(message) => {
                eprintln!("{message}");
                return ExitCode::from(2);
            }
        };
        match run(&args) {
            Ok(result) => {
                let mut out = Out {
                    inner: std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock()),
                    error: None,
                };
                let written = export::write_customers_csv(&mut out, &result);
                if written.is_err() || out.error.is_some() || out.inner.flush().is_err() {
                    return ExitCode::FAILURE;
                }
                ExitCode::SUCCESS
            }
            Err(Failure::Io(error)) => {
                eprintln!("rfm: {}: {error}", args.file);
                ExitCode::FAILURE
            }
            Err(Failure::Engine(error)) => {
                eprintln!("rfm: {}: {}", args.file, describe(&error));
                ExitCode::FAILURE
            }
        }
    }
}
