//! The visitor's calculator's options, read from its URL (`embed.html?lang=en&…`), and
//! what its call-to-action carries back to the site owner.
//!
//! The URL is as untrusted as a share link: every option is checked, and one that does
//! not pass is left out with an [`OptionProblem`] (the frame says so and goes on),
//! never a crash. The options:
//!
//! | key | value |
//! | --- | --- |
//! | `lang` | `es` or `en` |
//! | `currency` | an ISO code the app offers (`EUR`, `USD`, …) |
//! | `accent` | a colour as 3 or 6 hex digits, with or without `#` |
//! | `theme` | `light` or `dark` |
//! | `v.<field>` | a preset value for any input, written as a link writes it (`v.seats=25`); checked with the field's [`Rule`](crate::units::Rule) |
//! | `show` | the inputs shown, comma-separated field keys (default [`VISITOR_FIELDS`]) |
//! | `lock` | inputs shown but not editable, comma-separated field keys |
//! | `cta`, `cta_url` | a call-to-action: its text (at most [`MAX_CTA_CHARS`]) and an `https` URL |
//! | `host` | the origin of the page that embeds the frame (`https://example.com`) |
//! | `events` | `1` to post each result to `host` (only with `host`) |

use super::codec::parse_number;
use crate::engine::model::Field;
use crate::units::{Currency, Lang};
use rust_decimal::Decimal;

/// The inputs the visitor's calculator shows unless told otherwise: the few that matter
/// most, in the order a visitor thinks of them.
pub const VISITOR_FIELDS: [Field; 12] = [
    Field::Seats,
    Field::LicencePerSeatMonth,
    Field::Implementation,
    Field::Customers,
    Field::RevenuePerCustomer,
    Field::GrossMarginPct,
    Field::ChurnBeforePct,
    Field::ChurnAfterPct,
    Field::LeadsPerYear,
    Field::ConversionBeforePct,
    Field::ConversionAfterPct,
    Field::AvgDealValue,
];

/// Longest call-to-action text, in characters.
pub const MAX_CTA_CHARS: usize = 60;
/// Longest URL accepted in an option, in characters.
pub const MAX_URL_CHARS: usize = 2_000;

/// A call-to-action button: its text and where it leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cta {
    /// The button's text.
    pub text: String,
    /// An `https` URL, opened in the top window with the result in its query.
    pub url: String,
}

/// Light or dark.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Dark text on light surfaces (the default).
    #[default]
    Light,
    /// Light text on dark surfaces.
    Dark,
}

/// Everything the frame's URL may ask for, once checked.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EmbedOptions {
    /// The language, else the browser's.
    pub lang: Option<Lang>,
    /// The currency, else the default.
    pub currency: Option<Currency>,
    /// The accent colour as `#rrggbb`.
    pub accent: Option<String>,
    /// Light or dark.
    pub theme: Theme,
    /// Preset input values, each within its field's rule.
    pub presets: Vec<(Field, Decimal)>,
    /// The inputs shown, in order.
    pub shown: Vec<Field>,
    /// Inputs shown but not editable.
    pub locked: Vec<Field>,
    /// The call-to-action, when both its text and a valid URL are given.
    pub cta: Option<Cta>,
    /// The embedding page's origin (`scheme://host[:port]`, lower case).
    pub host: Option<String>,
    /// Whether results are posted to `host`.
    pub events: bool,
}

/// Why an option was left out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OptionProblem {
    /// No such option.
    Unknown(String),
    /// The option exists, but its value is not one it accepts.
    BadValue(String),
    /// `cta` without a valid `cta_url`, or the other way round.
    HalfCta,
    /// `events=1` without a valid `host`: results are posted only to a named origin.
    EventsWithoutHost,
}

impl OptionProblem {
    /// The option's name, as written in the URL.
    pub fn key(&self) -> &str {
        match self {
            OptionProblem::Unknown(key) | OptionProblem::BadValue(key) => key,
            OptionProblem::HalfCta => "cta",
            OptionProblem::EventsWithoutHost => "events",
        }
    }
}

/// Reads the frame's options from its query pairs (already percent-decoded, as
/// `URLSearchParams` gives them). Later duplicates of a key win.
pub fn parse_options<I, K, V>(pairs: I) -> (EmbedOptions, Vec<OptionProblem>)
where
    I: IntoIterator<Item = (K, V)>,
    K: AsRef<str>,
    V: AsRef<str>,
{
    let mut o = EmbedOptions {
        shown: VISITOR_FIELDS.to_vec(),
        ..EmbedOptions::default()
    };
    let mut problems = Vec::new();
    let (mut cta_text, mut cta_url, mut events) = (None, None, false);
    for (key, value) in pairs {
        let (key, value) = (key.as_ref(), value.as_ref().trim());
        let accepted = match key {
            "lang" => set(&mut o.lang, Lang::from_code(value)),
            "currency" => set(&mut o.currency, Currency::from_code(value)),
            "accent" => set(&mut o.accent, colour(value)),
            "theme" => {
                let theme = match value {
                    "light" => Some(Theme::Light),
                    "dark" => Some(Theme::Dark),
                    _ => None,
                };
                theme.map(|t| o.theme = t).is_some()
            }
            "show" => fields(value).map(|f| o.shown = f).is_some(),
            "lock" => fields(value).map(|f| o.locked = f).is_some(),
            "cta" => {
                let fits = !value.is_empty() && value.chars().count() <= MAX_CTA_CHARS;
                set(&mut cta_text, fits.then(|| value.to_string()))
            }
            "cta_url" => set(&mut cta_url, https_url(value)),
            "host" => set(&mut o.host, origin(value)),
            "events" => {
                let on = match value {
                    "1" => Some(true),
                    "0" => Some(false),
                    _ => None,
                };
                on.map(|on| events = on).is_some()
            }
            _ => match key.strip_prefix("v.").and_then(|name| preset(name, value)) {
                Some(Ok((field, v))) => {
                    o.presets.retain(|(f, _)| *f != field);
                    o.presets.push((field, v));
                    true
                }
                Some(Err(())) => false,
                None => {
                    problems.push(OptionProblem::Unknown(short(key)));
                    continue;
                }
            },
        };
        if !accepted {
            problems.push(OptionProblem::BadValue(short(key)));
        }
    }
    match (cta_text, cta_url) {
        (Some(text), Some(url)) => o.cta = Some(Cta { text, url }),
        (None, None) => {}
        _ => problems.push(OptionProblem::HalfCta),
    }
    if events && o.host.is_none() {
        problems.push(OptionProblem::EventsWithoutHost);
    }
    o.events = events && o.host.is_some();
    (o, problems)
}

/// Stores `value` in `slot` when there is one; whether there was.
fn set<T>(slot: &mut Option<T>, value: Option<T>) -> bool {
    let found = value.is_some();
    if found {
        *slot = value;
    }
    found
}

/// A key as it may be shown back: at most 40 characters.
fn short(key: &str) -> String {
    key.chars().take(40).collect()
}

/// `#rrggbb` from `rgb`, `rrggbb`, `#rgb` or `#rrggbb` (hex digits, any case).
fn colour(value: &str) -> Option<String> {
    let hex = value.strip_prefix('#').unwrap_or(value);
    if !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
        return None;
    }
    let hex = hex.to_ascii_lowercase();
    match hex.len() {
        6 => Some(format!("#{hex}")),
        3 => Some(hex.chars().fold(String::from("#"), |mut s, c| {
            s.push(c);
            s.push(c);
            s
        })),
        _ => None,
    }
}

/// Field keys, comma-separated, each once, at least one.
fn fields(value: &str) -> Option<Vec<Field>> {
    let mut out: Vec<Field> = Vec::new();
    for key in value.split(',').map(str::trim).filter(|k| !k.is_empty()) {
        let field = Field::ALL.iter().copied().find(|f| f.key() == key)?;
        if !out.contains(&field) {
            out.push(field);
        }
    }
    (!out.is_empty()).then_some(out)
}

/// A preset: `None` when `name` is no field, `Some(Err)` for a value the field refuses.
fn preset(name: &str, value: &str) -> Option<Result<(Field, Decimal), ()>> {
    let field = Field::ALL.iter().copied().find(|f| f.key() == name)?;
    Some(
        parse_number(value)
            .filter(|v| field.check(*v).is_ok())
            .map(|v| (field, v))
            .ok_or(()),
    )
}

/// `scheme://host[:port]` of `value` when it is exactly an origin (no path, query or
/// credentials), `http` or `https`, lower-cased.
fn origin(value: &str) -> Option<String> {
    let lower = value.to_ascii_lowercase();
    let lower = lower.strip_suffix('/').unwrap_or(&lower);
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))?;
    let host_ok = !rest.is_empty()
        && rest.len() <= 253
        && rest
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':' | b'[' | b']'));
    host_ok.then(|| lower.to_string())
}

/// An absolute `https` URL with a host, at most [`MAX_URL_CHARS`], without spaces,
/// control characters or credentials.
fn https_url(value: &str) -> Option<String> {
    let rest = value.strip_prefix("https://")?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let ok = value.chars().count() <= MAX_URL_CHARS
        && !host.is_empty()
        && !host.contains('@')
        && value.chars().all(|c| !c.is_whitespace() && !c.is_control());
    ok.then(|| value.to_string())
}

/// The query string (`lang=en&currency=USD&…`, without `?`) that [`parse_options`]
/// reads back as `o`: what "Put it on your website" writes into the snippet. Options at
/// their defaults are left out.
pub fn options_query(o: &EmbedOptions) -> String {
    let mut pairs: Vec<(String, String)> = Vec::new();
    let mut push = |k: &str, v: String| pairs.push((k.to_string(), v));
    if let Some(lang) = o.lang {
        push("lang", lang.code().into());
    }
    if let Some(currency) = o.currency {
        push("currency", currency.code().into());
    }
    if let Some(accent) = &o.accent {
        push("accent", accent.trim_start_matches('#').into());
    }
    if o.theme == Theme::Dark {
        push("theme", "dark".into());
    }
    for (field, value) in &o.presets {
        push(&format!("v.{}", field.key()), value.normalize().to_string());
    }
    let keys = |fields: &[Field]| fields.iter().map(|f| f.key()).collect::<Vec<_>>().join(",");
    if o.shown != VISITOR_FIELDS {
        push("show", keys(&o.shown));
    }
    if !o.locked.is_empty() {
        push("lock", keys(&o.locked));
    }
    if let Some(cta) = &o.cta {
        push("cta", cta.text.clone());
        push("cta_url", cta.url.clone());
    }
    if let Some(host) = &o.host {
        push("host", host.clone());
    }
    if o.events {
        push("events", "1".into());
    }
    pairs
        .iter()
        .map(|(k, v)| format!("{}={}", percent_encode(k), percent_encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// What the call-to-action carries to the owner's page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CtaResult {
    /// ROI in percent, rounded to one decimal; `None` without costs.
    pub roi_pct: Option<Decimal>,
    /// NPV in whole currency units.
    pub npv: Decimal,
    /// Months to pay back, one decimal; `None` when not within the horizon.
    pub payback_months: Option<Decimal>,
    /// The currency's ISO code.
    pub currency: Currency,
    /// The full analysis as a share link.
    pub link: String,
}

/// `url` with the result appended to its query (`roi`, `npv`, `payback_months`,
/// `currency`, `link`), so the owner's own form can capture it. A figure that does not
/// exist is left out. Any fragment of `url` stays at the end.
pub fn cta_href(url: &str, r: &CtaResult) -> String {
    let (base, fragment) = match url.split_once('#') {
        Some((b, f)) => (b, Some(f)),
        None => (url, None),
    };
    let mut pairs: Vec<(&str, String)> = Vec::new();
    if let Some(roi) = r.roi_pct {
        pairs.push(("roi", roi.round_dp(1).normalize().to_string()));
    }
    pairs.push(("npv", r.npv.round_dp(0).normalize().to_string()));
    if let Some(m) = r.payback_months {
        pairs.push(("payback_months", m.round_dp(1).normalize().to_string()));
    }
    pairs.push(("currency", r.currency.code().to_string()));
    pairs.push(("link", r.link.clone()));
    let query: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{k}={}", percent_encode(v)))
        .collect();
    let joiner = if base.contains('?') { '&' } else { '?' };
    let mut out = format!("{base}{joiner}{}", query.join("&"));
    if let Some(f) = fragment {
        out.push('#');
        out.push_str(f);
    }
    out
}

/// Percent-encoding of a query value: everything but `A–Z a–z 0–9 - . _ ~` (RFC 3986's
/// unreserved characters) as `%XX` of its UTF-8 bytes.
pub fn percent_encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for b in text.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colours_and_origins() {
        assert_eq!(colour("0F4C5C").as_deref(), Some("#0f4c5c"));
        assert_eq!(colour("#abc").as_deref(), Some("#aabbcc"));
        for bad in ["", "#12", "12345", "ggg", "#0f4c5c;x", "red"] {
            assert_eq!(colour(bad), None, "{bad}");
        }
        assert_eq!(
            origin("HTTPS://Shop.Example.com/").as_deref(),
            Some("https://shop.example.com")
        );
        assert_eq!(
            origin("http://127.0.0.1:8080").as_deref(),
            Some("http://127.0.0.1:8080")
        );
        for bad in [
            "example.com",
            "https://",
            "https://a.com/path",
            "javascript:alert(1)",
        ] {
            assert_eq!(origin(bad), None, "{bad}");
        }
    }

    #[test]
    fn https_urls_only() {
        assert!(https_url("https://example.com/contact?x=1").is_some());
        for bad in [
            "http://example.com",
            "javascript:alert(1)",
            "https://",
            "https://user@evil.com",
            "https://a.com/x y",
        ] {
            assert_eq!(https_url(bad), None, "{bad}");
        }
    }

    #[test]
    fn percent_encoding_keeps_only_unreserved_characters() {
        // RFC 3986 §2.3 unreserved set kept; space, '#', '&', '=' and 'é' (C3 A9) encoded.
        assert_eq!(percent_encode("a-Z_0.~"), "a-Z_0.~");
        assert_eq!(percent_encode("a b#&=é"), "a%20b%23%26%3D%C3%A9");
    }
}
