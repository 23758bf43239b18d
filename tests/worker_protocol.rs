//! The page–worker protocol (`retorno::worker::protocol`): every reply survives its trip
//! as numbers bit for bit, requests survive theirs as text, and anything else is refused.

use retorno::engine::model::Inputs;
use retorno::engine::risk::{default_ranges, simulate, Settings};
use retorno::scenario::codec::{decode_link, encode_simulation_link};
use retorno::scenario::Scenario;
use retorno::worker::protocol::{decode_reply, encode_reply, Reply, Request};

fn summary_reply() -> Reply {
    let inputs = Inputs::default();
    let settings = Settings {
        trials: 2_000,
        seed: 7,
    };
    let summary = simulate(&inputs, &default_ranges(&inputs), settings).unwrap();
    Reply::Risk { id: 41, summary }
}

#[test]
fn replies_come_back_exactly() {
    for reply in [
        summary_reply(),
        Reply::Progress {
            id: 3,
            done: 1_000,
            total: 10_000,
        },
        Reply::Failed { id: u32::MAX },
    ] {
        assert_eq!(decode_reply(&encode_reply(&reply)), Some(reply));
    }
    // A summary with no ROI spread and paybacks that never come also survives.
    let Reply::Risk { id, mut summary } = summary_reply() else {
        unreachable!()
    };
    summary.roi_pct = None;
    summary.payback.p90 = None;
    summary.marks.zero = None;
    let reply = Reply::Risk { id, summary };
    assert_eq!(decode_reply(&encode_reply(&reply)), Some(reply));
}

#[test]
fn damaged_replies_are_refused() {
    let numbers = encode_reply(&summary_reply());
    assert_eq!(decode_reply(&[]), None);
    assert_eq!(
        decode_reply(&numbers[..numbers.len() - 1]),
        None,
        "cut short"
    );
    let mut longer = numbers.clone();
    longer.push(0.0);
    assert_eq!(decode_reply(&longer), None, "one number too many");
    assert_eq!(decode_reply(&[3.0, 1.0]), None, "unknown kind");
    assert_eq!(decode_reply(&[0.0, 1.5, 1.0, 2.0]), None, "fractional id");
    assert_eq!(decode_reply(&[0.0, -1.0, 1.0, 2.0]), None, "negative id");
    assert_eq!(decode_reply(&[2.0, f64::NAN]), None, "NaN id");
    // A contribution naming no field: the last pair is (field position, ρ).
    let mut bad_field = numbers.clone();
    let k = bad_field.len() - 2;
    bad_field[k] = 999.0;
    assert_eq!(decode_reply(&bad_field), None);
}

#[test]
fn requests_come_back_exactly() {
    let mut scenario = Scenario::default();
    scenario.set_ranges_on(true);
    let link = encode_simulation_link(&scenario);
    let request = Request::Risk {
        id: 9,
        link: link.clone(),
    };
    assert_eq!(Request::decode(&request.encode()), Some(request));
    assert_eq!(
        Request::decode(&Request::Cancel { id: 9 }.encode()),
        Some(Request::Cancel { id: 9 })
    );
    for bad in [
        "",
        "risk",
        "risk 9",
        "risk x abc",
        "cancel",
        "cancel 9 more",
        "stop 9",
    ] {
        assert_eq!(Request::decode(bad), None, "{bad:?}");
    }
    // The worker reads the scenario back from the link: its inputs and risk settings,
    // nothing else.
    let back = decode_link(&link).unwrap();
    assert_eq!((back.inputs, back.risk), (scenario.inputs, scenario.risk));
    assert!(back.name.is_empty() && back.measure.is_empty());
}
