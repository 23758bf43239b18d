//! Scenarios as text: share links, the stored JSON form and export files.
//!
//! Every decoder here reads untrusted text (a link anyone can edit, a file from anywhere,
//! data another version of the app left in storage). Each one caps the length of its
//! input before reading it, never panics, and returns either a [`Scenario`] that passed
//! [`Scenario::validate`] or a typed error.
//!
//! ## Share links
//!
//! `#s=<link version>.<base64url, no padding, of a UTF-8 JSON object>`, for example
//! `#s=1.eyJ2IjoxLCJjdXIiOiJFVVIi…`. The JSON object holds
//!
//! - `v`: the [`SCHEMA_VERSION`] the values follow;
//! - `cur`: the currency's ISO code;
//! - `on`: the benefit switches, one `1`/`0` per line in [`BenefitLine::ALL`] order;
//! - `num`: every numeric input as a plain decimal number, joined by `_`, in
//!   [`Field::ALL`] order (positional, so exact and short);
//! - `name`, `company`, `notes`: the texts, left out when empty;
//! - `m`: the [`Measurement`] in its stored form, left out when nothing was measured;
//!   in it, empty names, costs and targets are left out too. Schema 5 on: `periods`, a
//!   list; before, `baseline` and `current` (migrated like stored data);
//! - `pin` (schema 2 on): the [`Pins`] as positions in [`Field::ALL`] joined by `_`
//!   (empty when nothing is pinned), left out when they are the default pins. A link
//!   without it (every schema-1 link) has the default pins.
//! - `r` (schema 4 on): the [`Risk`] settings in their stored form, left
//!   out when they are the defaults (ranges off).
//!
//! A link is a copy, not a saved item: it carries no id and no timestamps.
//!
//! Fields appended to the end of [`Field::ALL`] (or lines to [`BenefitLine::ALL`]) keep
//! old links readable: missing trailing values take their defaults. Reordering,
//! renaming or removing a field changes what old links mean: it needs a new
//! [`SCHEMA_VERSION`], a migration in `migrate`, and a frozen copy of the old field
//! order for old links.
//!
//! ## Stored and exported JSON
//!
//! Storage holds one scenario in its full serde form ([`decode_stored`]). An export file
//! ([`ExportFile`], [`export_json`]) wraps one or many; [`import_json`] reads it, or a
//! single bare scenario. Both go through `migrate`, the one place that knows older
//! versions.

mod migrate;

use super::base64url::{base64url_decode, base64url_encode};
pub use super::names::unique_name;
use super::{Pins, Risk, Scenario, ScenarioError, SCHEMA_VERSION};
use crate::engine::measure::Measurement;
use crate::engine::model::{BenefitLine, Field, Inputs};
use crate::units::{Currency, MAX_NAME_CHARS};
use chrono::{DateTime, Utc};
use migrate::{migrate, read_version};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// Version of the link format (the number before the `.`): how a scenario is packed
/// into a link, independent of [`SCHEMA_VERSION`] (what its values mean).
pub const LINK_VERSION: u32 = 1;

/// Longest link text [`decode_link`] reads, in bytes (one byte per character in a real
/// link): 2,000,000, under Chromium's 2 MiB limit on a whole URL, so a link too long for
/// this app is still one a browser opens and the app can say so. The longest valid
/// scenario (every text at its limit with characters JSON escapes as `\u00XX`, four
/// pastes of deals and leads of 50,000 such characters, 50 campaigns, every number at
/// full precision) packs into 1,704,724 characters, so this cap never refuses a link this
/// app wrote; a default scenario's link is about 300 characters.
pub const MAX_LINK_CHARS: usize = 2_000_000;

/// Longest share link, in characters of the whole address, that the app hands out without
/// a warning: 2,000, the practical limit mail clients, chat tools and older browsers keep
/// (Internet Explorer's 2,083, the sitemaps protocol's 2,048), well under what a QR code
/// holds (2,953 bytes at most, version 40 level L, ISO/IEC 18004). Longer links still
/// work; the app says so and offers the scenario as a file.
pub const LONG_LINK_CHARS: usize = 2_000;

/// Largest stored scenario or import file read, in bytes (5 MiB, about the size of
/// localStorage; a typical scenario exports to about 2 KB).
pub const MAX_IMPORT_BYTES: usize = 5 * 1024 * 1024;

/// The `format` of an export file.
pub const EXPORT_FORMAT: &str = "retorno-scenarios";

/// Version of the export file's envelope (`format`, `version`, `exported`, `scenarios`);
/// each scenario inside carries its own [`SCHEMA_VERSION`].
pub const EXPORT_VERSION: u32 = 1;

/// Numbers in a link of link format 1 when it was introduced: fewer is a damaged link.
const LINK_V1_FIELDS: usize = 42;
/// Benefit switches in a link of link format 1 when it was introduced.
const LINK_V1_LINES: usize = 7;
const _: () = assert!(Field::COUNT >= LINK_V1_FIELDS && BenefitLine::ALL.len() >= LINK_V1_LINES);

/// Longest number accepted in a link, in characters (a `Decimal` prints in at most 31).
const MAX_NUMBER_CHARS: usize = 40;

/// Why a share link was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkError {
    /// Longer than [`MAX_LINK_CHARS`]; nothing was decoded.
    TooLong,
    /// Not a scenario link: empty, or no `<version>.` at the start.
    NotALink,
    /// A scenario link, but damaged (typically cut short when copied): bad base64, bad
    /// UTF-8 or JSON, a missing key, the wrong count of numbers or switches, something
    /// that is not a number, an unknown currency.
    Corrupt,
    /// Written by a newer version of the app (link format or schema version).
    FutureVersion(u32),
    /// Read correctly, but refused by [`Scenario::validate`].
    Invalid(ScenarioError),
}

/// Why a stored scenario or an import file was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Larger than [`MAX_IMPORT_BYTES`]; nothing was parsed.
    TooLarge,
    /// Not JSON; holds the parser's message, with line and column.
    Syntax(String),
    /// JSON, but not a scenario or an export file; holds what is wrong.
    NotAScenario(String),
    /// Written by a newer version of the app (scenario schema or export file version).
    FutureVersion(u32),
    /// Read correctly, but refused by [`Scenario::validate`].
    Invalid(ScenarioError),
    /// An export file with no scenarios.
    Empty,
    /// One scenario of an export file was refused, so the whole file was: nothing is
    /// imported from a file with an error in it.
    InScenario {
        /// Its position in the file's `scenarios`, from 0.
        index: usize,
        /// Its name as written (empty if it has none; cut to [`MAX_NAME_CHARS`]).
        name: String,
        /// Why it was refused.
        error: Box<DecodeError>,
    },
}

/// An export file: one or many scenarios, as written by [`export_json`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ExportFile {
    /// Always [`EXPORT_FORMAT`]: tells the file apart from any other JSON.
    pub format: String,
    /// [`EXPORT_VERSION`] when written.
    pub version: u32,
    /// When the file was written (milliseconds since 1970, like the scenarios' dates).
    #[serde(with = "chrono::serde::ts_milliseconds_option")]
    pub exported: Option<DateTime<Utc>>,
    /// The scenarios, each in its stored form.
    pub scenarios: Vec<Scenario>,
}

// ---------------------------------------------------------------------------------------
// Share links

/// The JSON object inside a link (see the module docs), as read.
#[derive(Deserialize)]
struct LinkBody {
    v: u32,
    cur: String,
    on: String,
    num: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    company: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    notes: String,
    /// Read as plain JSON and handed to `migrate` with the rest, like `r`: a link of an
    /// older schema holds the measurements in that schema's form.
    #[serde(default)]
    m: Option<Value>,
    pin: Option<String>,
    /// Read as plain JSON and handed to `migrate` with the rest, so the risk settings
    /// have one reader (the stored form's), not a second one for link text.
    #[serde(default)]
    r: Option<Value>,
}

/// What a link carries, by reference, in [`LinkBody`]'s order; the measurements as `M`
/// and the risk settings as `R`, so a caller that never carries any
/// ([`encode_inputs_link`]) links no code for them.
#[derive(Serialize)]
struct LinkOut<'a, M: Serialize, R: Serialize> {
    v: u32,
    cur: &'a str,
    on: String,
    num: String,
    #[serde(skip_serializing_if = "str::is_empty")]
    name: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    company: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    notes: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    m: Option<&'a M>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pin: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    r: Option<&'a R>,
}

/// The share-link payload of `s` (what goes after `#s=`): URL-safe characters only
/// (`A–Z a–z 0–9 - _ .`). Leaves out the id and timestamps: a link is a copy.
pub fn encode_link(s: &Scenario) -> String {
    let measured = (!s.measure.is_empty()).then_some(&s.measure);
    let pins = (s.pins != Pins::default()).then(|| {
        let positions: Vec<String> = s.pins.positions().map(|k| k.to_string()).collect();
        positions.join("_")
    });
    let risk = (s.risk != Risk::default()).then_some(&s.risk);
    pack(
        s.currency,
        &s.inputs,
        [&s.name, &s.company, &s.notes],
        measured,
        pins,
        risk,
    )
}

/// The share-link payload of a scenario that is only `inputs` in `currency` (no texts,
/// no measurements): what the visitor's calculator hands to the full app. The same as
/// [`encode_link`] of such a scenario.
pub fn encode_inputs_link(currency: Currency, inputs: &Inputs) -> String {
    pack::<Nothing, Nothing>(currency, inputs, ["", "", ""], None, None, None)
}

/// What the background worker needs to simulate `s`: its currency, inputs and risk
/// settings as a share-link payload (no texts, measurements or pins), read back with
/// [`decode_link`].
pub fn encode_simulation_link(s: &Scenario) -> String {
    pack::<Nothing, Risk>(
        s.currency,
        &s.inputs,
        ["", "", ""],
        None,
        None,
        Some(&s.risk),
    )
}

/// Measurements or risk settings a link leaves out: a caller that passes this type links
/// no code to write them.
enum Nothing {}

impl Serialize for Nothing {
    fn serialize<S: serde::Serializer>(&self, _: S) -> Result<S::Ok, S::Error> {
        match *self {}
    }
}

fn pack<M: Serialize, R: Serialize>(
    currency: Currency,
    inputs: &Inputs,
    [name, company, notes]: [&str; 3],
    m: Option<&M>,
    pin: Option<String>,
    r: Option<&R>,
) -> String {
    let on: String = BenefitLine::ALL
        .iter()
        .map(|&line| if inputs.lines.is_on(line) { '1' } else { '0' })
        .collect();
    let num: Vec<String> = Field::ALL
        .iter()
        .map(|field| field.get(inputs).normalize().to_string())
        .collect();
    let body = LinkOut {
        v: SCHEMA_VERSION,
        cur: currency.code(),
        on,
        num: num.join("_"),
        name,
        company,
        notes,
        m,
        pin,
        r,
    };
    // Serializing strings, numbers and validated measurements cannot fail; were it to,
    // the link would read back as `LinkError::Corrupt` rather than crash the app.
    let json = serde_json::to_string(&body).unwrap_or_default();
    let packed = base64url_encode(json.as_bytes());
    format!("{LINK_VERSION}.{packed}.{}", checksum(&packed))
}

/// FNV-1a (32 bits) of the packed payload, as 6 base64url characters. It catches a link
/// damaged on the way (a character changed, lost or added by a chat app or a careless
/// copy), which would otherwise often still read as a different valid scenario; it is
/// not meant to stop a deliberate forgery, which validation handles like any input.
fn checksum(packed: &str) -> String {
    let hash = packed.bytes().fold(0x811c_9dc5_u32, |h, b| {
        (h ^ u32::from(b)).wrapping_mul(0x0100_0193)
    });
    base64url_encode(&hash.to_be_bytes())
}

/// Reads a share link: the payload alone (`1.eyJ…`), the fragment (`#s=1.eyJ…` or
/// `s=1.eyJ…`) or a whole URL containing `#s=`. Surrounding whitespace is ignored.
///
/// The scenario comes back validated, with an empty id and no timestamps.
pub fn decode_link(fragment: &str) -> Result<Scenario, LinkError> {
    if fragment.len() > MAX_LINK_CHARS {
        return Err(LinkError::TooLong);
    }
    let text = fragment.trim();
    let payload = match text.split_once("#s=") {
        Some((_, after)) => after,
        None => text.strip_prefix("s=").unwrap_or(text),
    };
    let (version, packed) = payload.split_once('.').ok_or(LinkError::NotALink)?;
    if version.is_empty() || version.len() > 9 || !version.bytes().all(|b| b.is_ascii_digit()) {
        return Err(LinkError::NotALink);
    }
    match version.parse::<u32>() {
        Ok(1) => decode_link_v1(packed),
        Ok(v) if v > LINK_VERSION => Err(LinkError::FutureVersion(v)),
        _ => Err(LinkError::NotALink),
    }
}

/// Link format 1: base64url of the [`LinkBody`] JSON, a dot, and its [`checksum`].
fn decode_link_v1(packed_and_check: &str) -> Result<Scenario, LinkError> {
    let (packed, check) = packed_and_check
        .rsplit_once('.')
        .ok_or(LinkError::Corrupt)?;
    if checksum(packed) != check {
        return Err(LinkError::Corrupt);
    }
    let bytes = base64url_decode(packed).ok_or(LinkError::Corrupt)?;
    let json = std::str::from_utf8(&bytes).map_err(|_| LinkError::Corrupt)?;
    let mut body: LinkBody = serde_json::from_str(json).map_err(|_| LinkError::Corrupt)?;
    if body.v > SCHEMA_VERSION {
        return Err(LinkError::FutureVersion(body.v));
    }
    let risk = body.r.take();
    let measure = body.m.take();
    let unpacked = unpack(body)?;
    // The link's values follow schema `v`: the same migrations as stored data apply.
    let mut value = json_value(&unpacked).map_err(|_| LinkError::Corrupt)?;
    if let Value::Object(map) = &mut value {
        if let Some(risk) = risk {
            map.insert("risk".to_string(), risk);
        }
        match measure {
            Some(Value::Object(m)) => {
                map.insert("measure".to_string(), Value::Object(m));
            }
            // Measurements left out: the default, whatever the schema.
            None => {
                map.remove("measure");
            }
            Some(_) => return Err(LinkError::Corrupt),
        }
    }
    let scenario = migrate(value).map_err(|error| match error {
        DecodeError::FutureVersion(v) => LinkError::FutureVersion(v),
        DecodeError::Invalid(e) => LinkError::Invalid(e),
        _ => LinkError::Corrupt,
    })?;
    scenario.validate().map_err(LinkError::Invalid)?;
    Ok(scenario)
}

/// The scenario a [`LinkBody`] describes, unvalidated, in the link's schema version.
fn unpack(body: LinkBody) -> Result<Scenario, LinkError> {
    let currency = Currency::from_code(&body.cur).ok_or(LinkError::Corrupt)?;
    let mut inputs = Inputs::default();

    let switches = body.on.as_bytes();
    if switches.len() < LINK_V1_LINES {
        return Err(LinkError::Corrupt);
    }
    for (k, &flag) in switches.iter().enumerate() {
        let line = BenefitLine::ALL.get(k).ok_or(LinkError::Corrupt)?;
        let on = match flag {
            b'1' => true,
            b'0' => false,
            _ => return Err(LinkError::Corrupt),
        };
        inputs.lines.set(*line, on);
    }

    let mut count = 0;
    for (k, text) in body.num.split('_').enumerate() {
        let field = Field::ALL.get(k).ok_or(LinkError::Corrupt)?;
        field.set(&mut inputs, parse_number(text).ok_or(LinkError::Corrupt)?);
        count = k.saturating_add(1);
    }
    if count < LINK_V1_FIELDS {
        return Err(LinkError::Corrupt);
    }

    let pins = match body.pin.as_deref() {
        None => Pins::default(),
        Some("") => Pins::none(),
        Some(text) => {
            let positions = text
                .split('_')
                .map(|k| {
                    if k.len() <= 3 {
                        k.parse::<usize>().ok()
                    } else {
                        None
                    }
                })
                .collect::<Option<Vec<_>>>()
                .ok_or(LinkError::Corrupt)?;
            Pins::from_positions(positions).ok_or(LinkError::Corrupt)?
        }
    };

    Ok(Scenario {
        version: body.v,
        id: String::new(),
        name: body.name,
        company: body.company,
        notes: body.notes,
        created: None,
        updated: None,
        currency,
        inputs,
        measure: Measurement::default(),
        pins,
        risk: Risk::default(),
    })
}

/// A plain decimal number (`-?digits(.digits)?`), as `Decimal` prints them; no
/// exponents, signs other than a leading `-`, spaces or separators. The one reader of
/// numbers written for machines: share links and the visitor's calculator's options.
pub(crate) fn parse_number(text: &str) -> Option<Decimal> {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let unsigned = text.strip_prefix('-').unwrap_or(text);
    let plain = match unsigned.split_once('.') {
        Some((whole, fraction)) => digits(whole) && digits(fraction),
        None => digits(unsigned),
    };
    if !plain || text.len() > MAX_NUMBER_CHARS {
        return None;
    }
    Decimal::from_str_exact(text).ok()
}

// ---------------------------------------------------------------------------------------
// Stored and exported JSON

/// Reads one scenario in its stored form (the full serde form of [`Scenario`], any
/// schema version up to [`SCHEMA_VERSION`]), migrated and validated.
pub fn decode_stored(json: &str) -> Result<Scenario, DecodeError> {
    decode_value(parse_capped(json)?)
}

/// An export file of `scenarios`, as pretty JSON, stamped `now` (if known). Each
/// scenario is written in full (id and timestamps included) as [`SCHEMA_VERSION`].
///
/// An export of no scenarios is written, but [`import_json`] refuses it.
pub fn export_json(scenarios: &[Scenario], now: Option<DateTime<Utc>>) -> String {
    let file = ExportFile {
        format: EXPORT_FORMAT.to_string(),
        version: EXPORT_VERSION,
        exported: now,
        // A scenario in memory is current: it was migrated when read.
        scenarios: scenarios
            .iter()
            .map(|s| Scenario {
                version: SCHEMA_VERSION,
                ..s.clone()
            })
            .collect(),
    };
    // Only maps with non-string keys fail to serialize, and there are none here.
    serde_json::to_string_pretty(&file).unwrap_or_default()
}

/// Reads an import file: an export file ([`ExportFile`]) or a single bare scenario in
/// its stored form. A leading byte-order mark is ignored.
///
/// All or nothing: if any scenario fails (unreadable, from a newer version, or refused
/// by [`Scenario::validate`]) the whole file is refused with
/// [`DecodeError::InScenario`], naming the first one that failed, so nothing is
/// imported half-way. A file with no scenarios is [`DecodeError::Empty`].
pub fn import_json(text: &str) -> Result<Vec<Scenario>, DecodeError> {
    let Value::Object(map) = parse_capped(text)? else {
        return Err(not_a_scenario("expected a JSON object"));
    };
    if !map.contains_key("format") {
        return decode_value(Value::Object(map)).map(|s| vec![s]);
    }
    match map.get("format") {
        Some(Value::String(format)) if format == EXPORT_FORMAT => {}
        _ => return Err(not_a_scenario("unknown file format")),
    }
    let version = read_version(map.get("version"))?;
    if version > EXPORT_VERSION {
        return Err(DecodeError::FutureVersion(version));
    }
    if version == 0 {
        return Err(not_a_scenario("unknown export file version 0"));
    }
    let Some(Value::Array(items)) = map.get("scenarios") else {
        return Err(not_a_scenario("no list of scenarios"));
    };
    if items.is_empty() {
        return Err(DecodeError::Empty);
    }
    items
        .iter()
        .enumerate()
        .map(|(index, item)| {
            decode_value(item.clone()).map_err(|error| DecodeError::InScenario {
                index,
                name: entry_name(item),
                error: Box::new(error),
            })
        })
        .collect()
}

/// `value` as a JSON tree, by way of its text. `serde_json::to_value` would compile a
/// second serializer for every stored type (the tree one beside the text one that
/// storage and links use): about 4 KB gzip of the full app's first load.
pub(super) fn json_value<T: Serialize>(value: &T) -> Result<Value, serde_json::Error> {
    serde_json::from_str(&serde_json::to_string(value)?)
}

/// The size check, then the JSON parse (serde_json limits nesting to 128 levels, so deep
/// nesting is an error, not a stack overflow).
fn parse_capped(text: &str) -> Result<Value, DecodeError> {
    if text.len() > MAX_IMPORT_BYTES {
        return Err(DecodeError::TooLarge);
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    serde_json::from_str(text).map_err(|e| DecodeError::Syntax(message(e)))
}

/// One scenario in stored form: migrated, then validated.
fn decode_value(value: Value) -> Result<Scenario, DecodeError> {
    let scenario = migrate(value)?;
    scenario.validate().map_err(DecodeError::Invalid)?;
    Ok(scenario)
}

/// The `name` of an export file's entry, for an error message.
fn entry_name(item: &Value) -> String {
    match item.get("name") {
        Some(Value::String(name)) => name.chars().take(MAX_NAME_CHARS).collect(),
        _ => String::new(),
    }
}

/// A parser's message, cut short: serde quotes offending strings whole, and a hostile
/// file could make that megabytes long.
pub(super) fn message(error: serde_json::Error) -> String {
    const MAX_MESSAGE_CHARS: usize = 200;
    let text = error.to_string();
    if text.chars().count() <= MAX_MESSAGE_CHARS {
        return text;
    }
    let mut short: String = text.chars().take(MAX_MESSAGE_CHARS).collect();
    short.push('…');
    short
}

pub(super) fn not_a_scenario(why: &str) -> DecodeError {
    DecodeError::NotAScenario(why.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_plain_decimals_only() {
        assert_eq!(parse_number("11.5"), Some(Decimal::new(115, 1)));
        assert_eq!(parse_number("-5"), Some(Decimal::new(-5, 0)));
        for bad in [
            "", "-", ".5", "5.", "1e3", "+5", " 5", "1_0", "NaN", "inf", "0x10", "1.2.3",
        ] {
            assert_eq!(parse_number(bad), None, "{bad:?}");
        }
        // More digits than a Decimal holds.
        assert_eq!(parse_number("100000000000000000000000000000"), None);
    }
}
