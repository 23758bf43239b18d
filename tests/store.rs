//! Storage rules on the in-memory backend: corrupt data moved aside, a full storage,
//! two tabs, and the scenario variants.

use chrono::DateTime;
use retorno::engine::model::Field;
use retorno::scenario::store::{
    self, Backend, External, MemoryBackend, Notice, StorageFault, Written, CURRENT_KEY,
    SAVED_PREFIX,
};
use retorno::scenario::{Scenario, Variant};
use rust_decimal::Decimal;

fn named(id: &str, name: &str, updated_ms: i64) -> Scenario {
    Scenario {
        id: id.into(),
        name: name.into(),
        updated: DateTime::from_timestamp_millis(updated_ms),
        ..Scenario::default()
    }
}

#[test]
fn saved_scenarios_come_back_most_recent_first() {
    let mut b = MemoryBackend::default();
    store::write_current(&mut b, &named("", "draft", 5)).unwrap();
    for s in [
        named("a", "Alpha", 10),
        named("b", "Beta", 30),
        named("c", "Gamma", 20),
    ] {
        assert_eq!(store::write_saved(&mut b, &s).unwrap(), Written::Stored);
    }
    let loaded = store::load(&mut b, 99);
    assert_eq!(loaded.current.unwrap().name, "draft");
    let names: Vec<&str> = loaded.saved.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["Beta", "Gamma", "Alpha"]);
    assert!(loaded.notices.is_empty());
}

#[test]
fn corrupt_data_is_moved_aside_not_lost() {
    let mut b = MemoryBackend::default();
    b.set(CURRENT_KEY, "{not json").unwrap();
    b.set(&format!("{SAVED_PREFIX}x"), "[1,2").unwrap();
    store::write_saved(&mut b, &named("ok", "Fine", 1)).unwrap();
    let loaded = store::load(&mut b, 1234);
    assert!(loaded.current.is_none());
    assert_eq!(loaded.saved.len(), 1);
    let backup = "retorno.backup.retorno.current.1234";
    assert!(loaded.notices.contains(&Notice::MovedAside {
        key: CURRENT_KEY.into(),
        backup_key: backup.into()
    }));
    // The unreadable text is kept, byte for byte, and the original key is gone.
    assert_eq!(b.get(backup).unwrap().as_deref(), Some("{not json"));
    assert_eq!(b.get(CURRENT_KEY).unwrap(), None);
    assert_eq!(
        b.get("retorno.backup.retorno.saved.x.1234")
            .unwrap()
            .as_deref(),
        Some("[1,2")
    );
}

#[test]
fn a_full_storage_is_reported() {
    let mut b = MemoryBackend::with_quota(100);
    assert_eq!(
        store::write_current(&mut b, &Scenario::default()),
        Err(StorageFault::QuotaExceeded)
    );
}

#[test]
fn a_newer_copy_from_another_tab_is_never_overwritten() {
    let mut b = MemoryBackend::default();
    store::write_saved(&mut b, &named("a", "Newer there", 50)).unwrap();
    let stale = named("a", "Older here", 40);
    let Written::NewerInStorage(kept) = store::write_saved(&mut b, &stale).unwrap() else {
        panic!("stale write went through")
    };
    assert_eq!(kept.name, "Newer there");
}

#[test]
fn storage_events_from_another_tab() {
    let json = serde_json::to_string(&named("a", "A", 10)).unwrap();
    let External::Saved(s) = store::external_change(&format!("{SAVED_PREFIX}a"), Some(&json))
    else {
        panic!("expected a saved scenario")
    };
    assert_eq!(s.name, "A");
    assert_eq!(
        store::external_change(&format!("{SAVED_PREFIX}a"), None),
        External::Deleted("a".into())
    );
    assert_eq!(
        store::external_change("retorno.lang", Some("es")),
        External::Ignore
    );
    assert_eq!(
        store::external_change(CURRENT_KEY, Some("garbage")),
        External::Ignore
    );

    let mut list = vec![named("a", "A", 10)];
    assert!(!store::merge_saved(&mut list, named("a", "A old", 5)));
    assert_eq!(list[0].name, "A");
    assert!(store::merge_saved(&mut list, named("a", "A new", 20)));
    assert!(store::merge_saved(&mut list, named("b", "B", 30)));
    let names: Vec<&str> = list.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["B", "A new"]);
}

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

#[test]
fn variants_follow_the_stated_rule() {
    // Defaults: conversion 10 → 11.5, churn 15 → 13, cycle 60 → 55, uplift 4, hours 2,
    // minutes 4, CPA reduction 8, contingency 10.
    let base = Scenario::default().inputs;
    let c = Variant::Conservative.apply(&base);
    // Gaps halved: 10 + 1.5/2 = 10.75; 15 − 2/2 = 14; 60 − 5/2 = 57.5.
    assert_eq!(c.conversion_after_pct, d("10.75"));
    assert_eq!(c.churn_after_pct, d("14"));
    assert_eq!(c.cycle_days_after, d("57.5"));
    assert_eq!(c.deal_size_uplift_pct, d("2"));
    assert_eq!(c.hours_saved_per_rep_week, d("1"));
    assert_eq!(c.contingency_pct, d("20"));
    let o = Variant::Optimistic.apply(&base);
    // Gaps × 1.5: 10 + 2.25 = 12.25; 15 − 3 = 12; 60 − 7.5 = 52.5; contingency unchanged.
    assert_eq!(o.conversion_after_pct, d("12.25"));
    assert_eq!(o.churn_after_pct, d("12"));
    assert_eq!(o.cycle_days_after, d("52.5"));
    assert_eq!(o.cpa_reduction_pct, d("12"));
    assert_eq!(o.contingency_pct, d("10"));
    assert_eq!(Variant::Expected.apply(&base), base);
    // Everything stays valid, and the three order by NPV.
    let npv = |i| retorno::engine::model::evaluate(i).unwrap().npv;
    assert!(npv(&c) < npv(&base) && npv(&base) < npv(&o));
    // Clamped at the edge of the range: churn cannot go below 0 %.
    let mut edge = base.clone();
    Field::ChurnAfterPct.set(&mut edge, d("2"));
    Field::ChurnBeforePct.set(&mut edge, d("20"));
    assert_eq!(
        Variant::Optimistic.apply(&edge).churn_after_pct,
        Decimal::ZERO
    );
}
