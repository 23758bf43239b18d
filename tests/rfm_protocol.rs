//! The analysis worker's messages (`worker::rfm::protocol`, the customer screen's):
//! every request and reply the page and the worker exchange reads back as written, and damaged ones are
//! refused rather than misread.

use retorno::engine::rfm::Role;
use retorno::units::{Currency, Lang};
use retorno::worker::rfm::protocol::{
    decode_reply, encode_reply, Cell, Control, Reply, Request, View, ROLES,
};
use rust_decimal::Decimal;

fn view() -> View {
    View {
        lang: Lang::Es,
        currency: Currency::MXN,
        churn_before: "15.25".parse().unwrap_or_default(),
        churn_after: Decimal::from(13),
    }
}

#[test]
fn requests_round_trip() {
    let mut requests = vec![
        Request::File {
            id: 1,
            view: view(),
        },
        Request::Show {
            id: 4_000_000_000,
            view: View {
                lang: Lang::En,
                ..view()
            },
        },
        Request::Export {
            id: 7,
            customers: true,
        },
        Request::Export {
            id: 8,
            customers: false,
        },
        Request::Cancel { id: 9 },
    ];
    let controls = ROLES.iter().map(|(r, _)| Control::Role(*r)).chain([
        Control::DateOrder,
        Control::Decimal,
        Control::Header,
        Control::Reference,
        Control::Segment,
        Control::WonBack,
    ]);
    for (i, control) in controls.enumerate() {
        requests.push(Request::Set {
            id: 100 + i as u32,
            control,
            value: format!("v{i}"),
            view: view(),
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
    // The keys the screen's HTML carries, by hand.
    assert_eq!(Control::Role(Role::Customer).key(), "role-customer");
    assert_eq!(
        Control::from_key("role-invoice"),
        Some(Control::Role(Role::Invoice))
    );
    assert_eq!(Control::from_key("won-back"), Some(Control::WonBack));
}

#[test]
fn set_values_travel_without_spaces() {
    // An empty value travels as `-`; spaces inside one are dropped, so the line keeps
    // its shape.
    let empty = Request::Set {
        id: 1,
        control: Control::WonBack,
        value: "  ".into(),
        view: view(),
    };
    assert_eq!(empty.encode(), "set 1 won-back - es MXN 15.25 13");
    let spaced = Request::Set {
        id: 2,
        control: Control::WonBack,
        value: "1 5".into(),
        view: view(),
    };
    assert!(matches!(
        Request::decode(&spaced.encode()),
        Some(Request::Set { value, .. }) if value == "15"
    ));
}

#[test]
fn damaged_requests_are_refused() {
    for text in [
        "",
        "file",
        "file x es EUR 15 13",
        "file 1 fr EUR 15 13",
        "file 1 es XXX 15 13",
        "file 1 es EUR quince 13",
        "file 1 es EUR 15",
        "file 1 es EUR 15 13 extra",
        "set 1 colour red es EUR 15 13",
        "set 1 role-nobody 3 es EUR 15 13",
        "export 1 everything",
        "cancel",
        "risk 1 abc",
        // The A/B test's statistics run in its screen now: the worker refuses them.
        "ab 1 en USD 1 1000 100 1000 130 95 50 10 20 80",
        "ab 1 en USD 1 1000 100 1000 130 95 50 10 20 80 500 7",
        "ab 1 en USD 2 1000 100 1000 130 95 50 10 20 80 500",
        "ab 1 en USD 1 mil 100 1000 130 95 50 10 20 80 500",
        "ab 1 de USD 1 1000 100 1000 130 95 50 10 20 80 500",
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
        Reply::Html {
            id: 4,
            html: "<p>ok</p>".into(),
            proposal: Some("10.2".parse().unwrap_or_default()),
        },
        Reply::Html {
            id: 5,
            html: String::new(),
            proposal: None,
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
        vec![n(8.0), n(1.5), t("x"), t("")],
        vec![n(8.0), n(-1.0), t("x"), t("")],
        vec![n(8.0), n(1.0), t("x"), t("ten")],
        vec![n(8.0), n(1.0), t("x")],
        vec![n(8.0), n(1.0), t("x"), t(""), t("more")],
        vec![n(7.0), n(1.0), n(2.0)],
        vec![n(0.0), n(1.0), t("2"), n(3.0)],
        // Reply 9 (the A/B results) is no more.
        vec![n(9.0), n(1.0)],
        vec![n(9.0), n(1.0), t("r"), t("p")],
        vec![n(9.0), n(1.0), t("r"), t("p"), t("thirty")],
        vec![n(9.0), n(1.0), t("r"), t("p"), t(""), t("more")],
    ] {
        assert_eq!(decode_reply(&cells), None, "{cells:?}");
    }
}
