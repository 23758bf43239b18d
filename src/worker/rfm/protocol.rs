//! What the page and the customer-value worker tell each other.
//!
//! The worker holds the file (a `Blob` it reads in slices), how it is read and the
//! result; it reads, scores and exports. The page holds the screen: it renders the
//! worker's data with Leptos components (`ui::customers`) and sends each change of a
//! control as a typed [`Setting`].
//!
//! A request is a line of text (with the file, a `Blob`, beside it for `file`); a reply
//! is a list of [`Cell`]s (a JS array of numbers and strings):
//!
//! - `[0, id, done, total]`: progress, in bytes read of the file;
//! - `[8, id, …]`: what the screen shows, a [`Shown`] as cells ([`Shown::encode`]: counts
//!   as numbers, Decimals as their four exact 32-bit words, dates as day numbers, texts
//!   as texts, enums as their index, options and lists with a leading flag or length);
//! - `[7, id, text]`: a CSV export;
//! - `[3]`: the worker listens (the same `READY` as the risk worker's).

use crate::engine::deals::DateOrder;
use crate::engine::measure::{iso, parse_iso};
use crate::engine::rfm::export::{grid, segments, top, win_back_revenue, Grid, SegmentSummary};
use crate::engine::rfm::{
    AllThresholds, Cleaning, CustomerRfm, DecimalMark, FrequencyBasis, Mapping, RfmError,
    RfmResult, Role, Segment,
};
use chrono::NaiveDate;
use rust_decimal::Decimal;

mod cells;
use cells::{get_problem, get_reading, get_scored, put_problem, put_reading, put_scored, In, Out};

/// One element of a reply.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// A number.
    Num(f64),
    /// A text.
    Text(String),
}

/// How many customers the top list shows.
pub const TOP: usize = 10;

/// The roles, in the order the form shows them.
pub const ROLES: [Role; 6] = [
    Role::Customer,
    Role::Date,
    Role::Amount,
    Role::Quantity,
    Role::Price,
    Role::Invoice,
];

/// A control of the screen the worker needs to hear about, with its new value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Setting {
    /// The column of a role, or none.
    Role(Role, Option<usize>),
    /// How dates whose year comes last are read.
    DateOrder(DateOrder),
    /// The decimal mark of the amounts.
    Decimal(DecimalMark),
    /// Whether the first row names the columns.
    Header(bool),
    /// The day recency counts to (`None`: the day after the last purchase).
    Reference(Option<NaiveDate>),
    /// The segment whose top customers are listed.
    Segment(Segment),
}

/// The key of a role in a request.
fn role_key(role: Role) -> &'static str {
    match role {
        Role::Customer => "role-customer",
        Role::Date => "role-date",
        Role::Amount => "role-amount",
        Role::Quantity => "role-quantity",
        Role::Price => "role-price",
        Role::Invoice => "role-invoice",
    }
}

impl Setting {
    /// The setting as `key value` (no spaces inside either).
    fn encode(self) -> String {
        let flag = |b: bool| if b { "1" } else { "0" };
        match self {
            Setting::Role(role, column) => format!(
                "{} {}",
                role_key(role),
                column.map_or_else(|| "-".to_string(), |c| c.to_string())
            ),
            Setting::DateOrder(order) => {
                format!("date-order {}", flag(order == DateOrder::MonthFirst))
            }
            Setting::Decimal(mark) => format!("decimal {}", flag(mark == DecimalMark::Comma)),
            Setting::Header(on) => format!("header {}", flag(on)),
            Setting::Reference(day) => {
                format!("reference {}", day.map_or_else(|| "-".to_string(), iso))
            }
            Setting::Segment(segment) => format!("segment {}", segment.key()),
        }
    }

    /// Reads [`Setting::encode`]'s `key` and `value`.
    fn decode(key: &str, value: &str) -> Option<Setting> {
        let flag = || match value {
            "1" => Some(true),
            "0" => Some(false),
            _ => None,
        };
        if let Some(role) = ROLES.into_iter().find(|r| role_key(*r) == key) {
            let column = match value {
                "-" => None,
                v => Some(v.parse().ok()?),
            };
            return Some(Setting::Role(role, column));
        }
        Some(match key {
            "date-order" => Setting::DateOrder(match flag()? {
                true => DateOrder::MonthFirst,
                false => DateOrder::DayFirst,
            }),
            "decimal" => Setting::Decimal(match flag()? {
                true => DecimalMark::Comma,
                false => DecimalMark::Point,
            }),
            "header" => Setting::Header(flag()?),
            "reference" => Setting::Reference(match value {
                "-" => None,
                v => Some(parse_iso(v)?),
            }),
            "segment" => Setting::Segment(Segment::from_key(value)?),
            _ => return None,
        })
    }
}

/// From the page to the worker.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Request {
    /// A new file (sent with it): propose how to read it, read it, score it.
    File {
        /// The request's id.
        id: u32,
    },
    /// The user changed a control: the file is read again when it changes how.
    Set {
        /// The request's id.
        id: u32,
        /// The control and its new value.
        setting: Setting,
    },
    /// The result as CSV: per customer (`true`) or per segment.
    Export {
        /// The request's id.
        id: u32,
        /// `true` for the per-customer file.
        customers: bool,
    },
    /// Stop request `id`.
    Cancel {
        /// The request to stop.
        id: u32,
    },
}

impl Request {
    /// The request as one line of text.
    pub fn encode(&self) -> String {
        match self {
            Request::File { id } => format!("file {id}"),
            Request::Set { id, setting } => format!("set {id} {}", setting.encode()),
            Request::Export { id, customers } => {
                format!(
                    "export {id} {}",
                    if *customers { "customers" } else { "segments" }
                )
            }
            Request::Cancel { id } => format!("cancel {id}"),
        }
    }

    /// Reads [`Request::encode`]'s text; `None` for anything else.
    pub fn decode(text: &str) -> Option<Request> {
        let mut t = text.split(' ');
        let kind = t.next()?;
        let id = t.next()?.parse().ok()?;
        let request = match kind {
            "file" => Request::File { id },
            "set" => Request::Set {
                id,
                setting: Setting::decode(t.next()?, t.next()?)?,
            },
            "export" => Request::Export {
                id,
                customers: match t.next()? {
                    "customers" => true,
                    "segments" => false,
                    _ => return None,
                },
            },
            "cancel" => Request::Cancel { id },
            _ => return None,
        };
        // Nothing may follow a complete request.
        t.next().is_none().then_some(request)
    }
}

/// Why there is no result.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Problem {
    /// The engine refused the file or its reading.
    Rfm(RfmError),
    /// The browser could not read the file (moved, changed).
    Unreadable,
    /// The user stopped the reading.
    Cancelled,
}

/// How the file is read, as proposed from its first rows and corrected by the user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    /// Column names (empty without a header).
    pub headers: Vec<String>,
    /// The first rows, split into fields.
    pub preview: Vec<Vec<String>>,
    /// The column of each role.
    pub mapping: Mapping,
    /// How dates whose year comes last are read.
    pub date_order: DateOrder,
    /// Whether the first rows settled the date order (otherwise it is a guess).
    pub date_order_certain: bool,
    /// The decimal mark of the amounts.
    pub decimal: DecimalMark,
    /// Whether the first rows settled the decimal mark.
    pub decimal_certain: bool,
    /// Whether the first row names the columns.
    pub has_header: bool,
    /// The day recency counts to: the result's, or the one chosen.
    pub reference: Option<NaiveDate>,
}

/// A scored file, as the screen shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scored {
    /// How many customers.
    pub customers: u64,
    /// The sum of every kept line amount.
    pub revenue: Decimal,
    /// The first purchase date kept.
    pub first_purchase: NaiveDate,
    /// The last purchase date kept.
    pub last_purchase: NaiveDate,
    /// The day recency counts to.
    pub reference: NaiveDate,
    /// What frequency counts.
    pub basis: FrequencyBasis,
    /// The cleaning report.
    pub cleaning: Cleaning,
    /// One summary per segment, in [`Segment::ALL`] order.
    pub segments: Vec<SegmentSummary>,
    /// The R×F grid.
    pub grid: Grid,
    /// The segment whose top customers are listed.
    pub segment: Segment,
    /// Its [`TOP`] customers by monetary value.
    pub top: Vec<CustomerRfm>,
    /// The quintile thresholds used.
    pub thresholds: AllThresholds,
    /// The revenue of the win-back segments.
    pub win_back_revenue: Decimal,
    /// Its share of all revenue (0–1).
    pub at_risk: Decimal,
}

impl Scored {
    /// What the screen shows of `result`, with the top customers of `segment`.
    pub fn of(result: &RfmResult, segment: Segment) -> Scored {
        let (win_back_revenue, at_risk) = win_back_revenue(result);
        Scored {
            customers: result.customers.len() as u64,
            revenue: result.revenue,
            first_purchase: result.first_purchase,
            last_purchase: result.last_purchase,
            reference: result.reference,
            basis: result.frequency_basis,
            cleaning: result.cleaning.clone(),
            segments: segments(result),
            grid: grid(result),
            segment,
            top: top(result, segment, TOP).into_iter().cloned().collect(),
            thresholds: result.thresholds,
            win_back_revenue,
            at_risk,
        }
    }
}

/// Everything the screen shows of the worker's state: the file, why nothing is scored,
/// how it is read, the result.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Shown {
    /// The file's name (`None` for pasted rows).
    pub name: Option<String>,
    /// Its size in bytes.
    pub size: u64,
    /// Why there is no result, if so.
    pub problem: Option<Problem>,
    /// How it is read, once its first rows are sniffed.
    pub reading: Option<Reading>,
    /// The result.
    pub scored: Option<Scored>,
}

impl Shown {
    /// As cells, for reply 8.
    pub fn encode(&self) -> Vec<Cell> {
        let mut o = Out(Vec::new());
        o.opt(self.name.as_deref(), |o, n| o.text(n));
        o.count(self.size);
        o.opt(self.problem.as_ref(), put_problem);
        o.opt(self.reading.as_ref(), put_reading);
        o.opt(self.scored.as_ref(), put_scored);
        o.0
    }

    /// Reads [`Shown::encode`]'s cells; `None` for anything else.
    pub fn decode(cells: &[Cell]) -> Option<Shown> {
        let mut i = In { cells, at: 0 };
        let shown = Shown {
            name: i.opt(In::text)?,
            size: i.count()?,
            problem: i.opt(get_problem)?,
            reading: i.opt(get_reading)?,
            scored: i.opt(get_scored)?,
        };
        (i.at == cells.len()).then_some(shown)
    }
}

/// From the worker to the page.
#[derive(Debug, Clone, PartialEq)]
pub enum Reply {
    /// `done` of `total` bytes read.
    Progress {
        /// The request's id.
        id: u32,
        /// Bytes read.
        done: f64,
        /// The file's size.
        total: f64,
    },
    /// What the screen shows, anew.
    Shown {
        /// The request's id.
        id: u32,
        /// A [`Shown`] as cells: read by the screen's part ([`Shown::decode`]), so the
        /// first load carries no reader for it.
        cells: Vec<Cell>,
    },
    /// The answer to [`Request::Export`].
    Csv {
        /// The request's id.
        id: u32,
        /// The file's text.
        text: String,
    },
}

impl Reply {
    /// The request this replies to.
    pub fn id(&self) -> u32 {
        match self {
            Reply::Progress { id, .. } | Reply::Shown { id, .. } | Reply::Csv { id, .. } => *id,
        }
    }
}

/// The reply as cells.
pub fn encode_reply(reply: &Reply) -> Vec<Cell> {
    let num = |x: f64| Cell::Num(x);
    match reply {
        Reply::Progress { id, done, total } => {
            vec![num(0.0), num(f64::from(*id)), num(*done), num(*total)]
        }
        Reply::Shown { id, cells } => {
            let mut all = vec![num(8.0), num(f64::from(*id))];
            all.extend(cells.iter().cloned());
            all
        }
        Reply::Csv { id, text } => vec![num(7.0), num(f64::from(*id)), Cell::Text(text.clone())],
    }
}

/// Reads [`encode_reply`]'s cells; `None` for anything else.
pub fn decode_reply(cells: &[Cell]) -> Option<Reply> {
    let n = |i: usize| match cells.get(i)? {
        Cell::Num(x) => Some(*x),
        Cell::Text(_) => None,
    };
    let s = |i: usize| match cells.get(i)? {
        Cell::Text(t) => Some(t.clone()),
        Cell::Num(_) => None,
    };
    let id = n(1)?;
    if !(id.fract() == 0.0 && (0.0..=f64::from(u32::MAX)).contains(&id)) {
        return None;
    }
    let id = id as u32;
    let tag = n(0)?;
    if tag.fract() != 0.0 {
        return None;
    }
    let (reply, len) = match tag as i32 {
        0 => (
            Reply::Progress {
                id,
                done: n(2)?,
                total: n(3)?,
            },
            4,
        ),
        8 => (
            Reply::Shown {
                id,
                cells: cells.get(2..)?.to_vec(),
            },
            cells.len(),
        ),
        7 => (Reply::Csv { id, text: s(2)? }, 3),
        _ => return None,
    };
    (cells.len() == len).then_some(reply)
}
