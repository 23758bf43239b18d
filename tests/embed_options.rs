//! The visitor's calculator's URL options (`src/scenario/embed.rs`): every option read,
//! every bad one left out with its reason, and what the call-to-action carries.
//!
//! Expected values: the option table in the module docs; field ranges from
//! `src/engine/model/inputs.rs` (seats 1–1,000,000 whole, churn 0–100 %); percent-encoding
//! by RFC 3986 §2 (worked out by hand below).

use retorno::engine::model::Field;
use retorno::scenario::embed::{
    cta_href, parse_options, Cta, CtaResult, EmbedOptions, OptionProblem, Theme, VISITOR_FIELDS,
};
use retorno::units::{Currency, Lang};
use rust_decimal::Decimal;
use std::str::FromStr;

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

fn parse(pairs: &[(&str, &str)]) -> (EmbedOptions, Vec<OptionProblem>) {
    parse_options(pairs.iter().copied())
}

#[test]
fn no_options_is_the_default_calculator() {
    let (o, problems) = parse(&[]);
    assert!(problems.is_empty());
    assert_eq!(o.shown, VISITOR_FIELDS.to_vec());
    assert_eq!(
        (o.lang, o.currency, o.theme, o.events),
        (None, None, Theme::Light, false)
    );
    assert!(o.presets.is_empty() && o.locked.is_empty() && o.cta.is_none());
}

#[test]
fn every_option_read() {
    let (o, problems) = parse(&[
        ("lang", "en"),
        ("currency", "USD"),
        ("accent", "#C2410C"),
        ("theme", "dark"),
        ("v.seats", "25"),
        ("v.churn_after_pct", "11.5"),
        ("show", "seats,churn_after_pct"),
        ("lock", "seats"),
        ("cta", "Talk to sales"),
        ("cta_url", "https://shop.example/contact?src=roi"),
        ("host", "https://shop.example"),
        ("events", "1"),
    ]);
    assert_eq!(problems, vec![]);
    assert_eq!(o.lang, Some(Lang::En));
    assert_eq!(o.currency, Some(Currency::USD));
    assert_eq!(o.accent.as_deref(), Some("#c2410c"));
    assert_eq!(o.theme, Theme::Dark);
    assert_eq!(
        o.presets,
        vec![(Field::Seats, d("25")), (Field::ChurnAfterPct, d("11.5"))]
    );
    assert_eq!(o.shown, vec![Field::Seats, Field::ChurnAfterPct]);
    assert_eq!(o.locked, vec![Field::Seats]);
    assert_eq!(
        o.cta,
        Some(Cta {
            text: "Talk to sales".into(),
            url: "https://shop.example/contact?src=roi".into()
        })
    );
    assert_eq!(o.host.as_deref(), Some("https://shop.example"));
    assert!(o.events);
}

#[test]
fn bad_options_are_left_out_with_their_reason() {
    let (o, problems) = parse(&[
        ("lang", "fr"),
        ("currency", "XYZ"),
        ("accent", "red"),
        ("v.seats", "2.5"),            // seats are whole
        ("v.churn_before_pct", "101"), // above 100 %
        ("v.seats", "1e3"),            // not a plain number
        ("v.nope", "1"),               // no such input
        ("show", "seats,nope"),
        ("cta_url", "javascript:alert(1)"),
        ("events", "1"),
        ("colour", "blue"),
    ]);
    use OptionProblem::*;
    assert_eq!(
        problems,
        vec![
            BadValue("lang".into()),
            BadValue("currency".into()),
            BadValue("accent".into()),
            BadValue("v.seats".into()),
            BadValue("v.churn_before_pct".into()),
            BadValue("v.seats".into()),
            Unknown("v.nope".into()),
            BadValue("show".into()),
            BadValue("cta_url".into()),
            Unknown("colour".into()),
            EventsWithoutHost,
        ]
    );
    // Nothing bad was taken; the defaults stand.
    assert_eq!(o, parse(&[]).0);
}

#[test]
fn a_call_to_action_needs_both_halves() {
    let (o, problems) = parse(&[("cta", "Call us")]);
    assert_eq!((o.cta, problems), (None, vec![OptionProblem::HalfCta]));
    let long = "x".repeat(61);
    let (_, problems) = parse(&[("cta", long.as_str()), ("cta_url", "https://a.example")]);
    assert_eq!(
        problems,
        vec![
            OptionProblem::BadValue("cta".into()),
            OptionProblem::HalfCta
        ]
    );
}

#[test]
fn the_call_to_action_carries_the_result() {
    let r = CtaResult {
        roi_pct: Some(d("34.4567")),
        npv: d("120021.4"),
        payback_months: Some(d("20.04")),
        currency: Currency::EUR,
        link: "https://a.example/index.html#s=1.eyJ.abc".into(),
    };
    // roi 34.4567 → 34.5; npv → 120021; payback → 20.0 → "20"; the link's ':' '/' '#' '='
    // percent-encoded (%3A %2F %23 %3D).
    assert_eq!(
        cta_href("https://shop.example/contact?src=roi#form", &r),
        "https://shop.example/contact?src=roi&roi=34.5&npv=120021&payback_months=20\
         &currency=EUR&link=https%3A%2F%2Fa.example%2Findex.html%23s%3D1.eyJ.abc#form"
    );
    let none = CtaResult {
        roi_pct: None,
        payback_months: None,
        ..r
    };
    assert!(cta_href("https://x.example", &none)
        .starts_with("https://x.example?npv=120021&currency=EUR&link="));
}

/// Percent-decoding of a query (the inverse of `percent_encode`), written here
/// independently of the app: `%XX` bytes, everything else as is.
fn decode_query(query: &str) -> Vec<(String, String)> {
    let decode = |s: &str| {
        let b = s.as_bytes();
        let mut out = Vec::new();
        let mut i = 0;
        while i < b.len() {
            if b[i] == b'%' {
                out.push(u8::from_str_radix(&s[i + 1..i + 3], 16).unwrap());
                i += 3;
            } else {
                out.push(b[i]);
                i += 1;
            }
        }
        String::from_utf8(out).unwrap()
    };
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap();
            (decode(k), decode(v))
        })
        .collect()
}

#[test]
fn the_snippets_query_reads_back_as_its_options() {
    let (defaults, _) = parse(&[]);
    assert_eq!(retorno::scenario::embed::options_query(&defaults), "");
    let (o, problems) = parse(&[
        ("lang", "es"),
        ("currency", "MXN"),
        ("accent", "abc"),
        ("theme", "dark"),
        ("v.seats", "12"),
        ("v.avg_deal_value", "1234.5"),
        ("show", "seats,avg_deal_value"),
        ("lock", "avg_deal_value"),
        ("cta", "¿Hablamos? & más"),
        ("cta_url", "https://tienda.example/contacto?x=1&y=2"),
        ("host", "https://tienda.example"),
        ("events", "1"),
    ]);
    assert!(problems.is_empty());
    let query = retorno::scenario::embed::options_query(&o);
    // Only unreserved characters and the separators are left unencoded.
    assert!(query
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b"-._~%=&".contains(&b)));
    let (back, problems) = parse_options(decode_query(&query));
    assert_eq!((back, problems), (o, vec![]));
}
