//! What the page and the customer-value worker tell each other.
//!
//! The worker holds the screen's state (the file, how it is read, the result) and
//! writes the whole screen below the file picker as HTML; the page forwards what the
//! user changes in it and shows what comes back. So the page carries neither the engine
//! nor the screen's texts.
//!
//! A request is a line of text (with the file, a `Blob`, beside it for `file`); a reply
//! is a list of [`Cell`]s (a JS array of numbers and strings):
//!
//! - `[0, id, done, total]`: progress, in bytes read of the file;
//! - `[8, id, html, proposal]`: the screen as HTML, and the yearly churn with the CRM
//!   it proposes for the ROI model (exact decimal text, or empty for none);
//! - `[7, id, text]`: a CSV export;
//! - `[3]`: the worker listens (the same `READY` as the risk worker's).

use crate::engine::rfm::Role;
use crate::units::{Currency, Lang};
use rust_decimal::Decimal;

/// One element of a reply.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// A number.
    Num(f64),
    /// A text.
    Text(String),
}

/// What the screen is written for: the page's language and currency, and the ROI
/// model's churn, which the win-back proposal starts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct View {
    /// The language.
    pub lang: Lang,
    /// The currency of amounts (the scenario's).
    pub currency: Currency,
    /// The model's yearly churn before the CRM, %.
    pub churn_before: Decimal,
    /// The model's yearly churn with the CRM, %.
    pub churn_after: Decimal,
}

/// A control of the screen the user changed (its `data-set` attribute in the HTML).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Control {
    /// The column of a role (`role-customer`, …): a column index or `-`.
    Role(Role),
    /// `date-order`: `dmy` or `mdy`.
    DateOrder,
    /// `decimal`: `point` or `comma`.
    Decimal,
    /// `header`: `1` or `0`.
    Header,
    /// `reference`: `YYYY-MM-DD`, or `-` for the default.
    Reference,
    /// `segment`: the key of the segment whose top customers are listed.
    Segment,
    /// `won-back`: the share won back each year, % (as typed).
    WonBack,
}

/// The roles, in the order the form shows them, with their keys.
pub const ROLES: [(Role, &str); 6] = [
    (Role::Customer, "customer"),
    (Role::Date, "date"),
    (Role::Amount, "amount"),
    (Role::Quantity, "quantity"),
    (Role::Price, "price"),
    (Role::Invoice, "invoice"),
];

impl Control {
    /// The control's key, as written in `data-set`.
    pub fn key(self) -> String {
        match self {
            Control::Role(role) => {
                let key = ROLES
                    .iter()
                    .find(|(r, _)| *r == role)
                    .map_or("", |(_, k)| k);
                format!("role-{key}")
            }
            Control::DateOrder => "date-order".into(),
            Control::Decimal => "decimal".into(),
            Control::Header => "header".into(),
            Control::Reference => "reference".into(),
            Control::Segment => "segment".into(),
            Control::WonBack => "won-back".into(),
        }
    }

    /// The control of a key.
    pub fn from_key(key: &str) -> Option<Control> {
        if let Some(role) = key.strip_prefix("role-") {
            return ROLES
                .iter()
                .find(|(_, k)| *k == role)
                .map(|(r, _)| Control::Role(*r));
        }
        Some(match key {
            "date-order" => Control::DateOrder,
            "decimal" => Control::Decimal,
            "header" => Control::Header,
            "reference" => Control::Reference,
            "segment" => Control::Segment,
            "won-back" => Control::WonBack,
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
        /// What to write the screen for.
        view: View,
    },
    /// The user changed a control: the file is read again when it changes how.
    Set {
        /// The request's id.
        id: u32,
        /// Which control.
        control: Control,
        /// Its new value, as the control gives it (no spaces: a space ends it).
        value: String,
        /// What to write the screen for.
        view: View,
    },
    /// Write the screen again (another language, currency or model churn).
    Show {
        /// The request's id.
        id: u32,
        /// What to write it for.
        view: View,
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

fn view_text(v: &View) -> String {
    format!(
        "{} {} {} {}",
        v.lang.code(),
        v.currency.code(),
        v.churn_before,
        v.churn_after
    )
}

fn read_view<'a>(t: &mut impl Iterator<Item = &'a str>) -> Option<View> {
    Some(View {
        lang: Lang::from_code(t.next()?)?,
        currency: Currency::from_code(t.next()?)?,
        churn_before: t.next()?.parse().ok()?,
        churn_after: t.next()?.parse().ok()?,
    })
}

impl Request {
    /// The request as one line of text.
    pub fn encode(&self) -> String {
        match self {
            Request::File { id, view } => format!("file {id} {}", view_text(view)),
            Request::Set {
                id,
                control,
                value,
                view,
            } => {
                // A value the page could not read (or empty) travels as `-`.
                let value = match value.trim() {
                    "" => "-".to_string(),
                    v => v.replace(char::is_whitespace, ""),
                };
                format!("set {id} {} {value} {}", control.key(), view_text(view))
            }
            Request::Show { id, view } => format!("show {id} {}", view_text(view)),
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
            "file" => Request::File {
                id,
                view: read_view(&mut t)?,
            },
            "set" => Request::Set {
                id,
                control: Control::from_key(t.next()?)?,
                value: t.next()?.to_string(),
                view: read_view(&mut t)?,
            },
            "show" => Request::Show {
                id,
                view: read_view(&mut t)?,
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
    /// The screen, written anew.
    Html {
        /// The request's id.
        id: u32,
        /// The screen below the file picker.
        html: String,
        /// The yearly churn with the CRM the win-back proposal gives, % (`None`: no
        /// proposal, or the model already has it).
        proposal: Option<Decimal>,
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
            Reply::Progress { id, .. } | Reply::Html { id, .. } | Reply::Csv { id, .. } => *id,
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
        Reply::Html { id, html, proposal } => vec![
            num(8.0),
            num(f64::from(*id)),
            Cell::Text(html.clone()),
            Cell::Text(proposal.map(|p| p.to_string()).unwrap_or_default()),
        ],
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
        8 => {
            let proposal = match s(3)?.as_str() {
                "" => None,
                p => Some(p.parse().ok()?),
            };
            (
                Reply::Html {
                    id,
                    html: s(2)?,
                    proposal,
                },
                4,
            )
        }
        7 => (Reply::Csv { id, text: s(2)? }, 3),
        _ => return None,
    };
    (cells.len() == len).then_some(reply)
}
