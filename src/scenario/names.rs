//! Names for imported and kept scenarios that never clash with the library's.

use crate::units::MAX_NAME_CHARS;
use std::collections::HashSet;

/// `wanted`, or, when another scenario already has that name, the first free
/// `"wanted (2)"`, `"wanted (3)"`… A name already numbered continues from its number
/// (`"Plan (2)"` → `"Plan (3)"`). The result never exceeds [`MAX_NAME_CHARS`]: a long
/// name is shortened before its number. Names compare exactly.
pub fn unique_name(wanted: &str, taken: &[&str]) -> String {
    if !taken.contains(&wanted) {
        return wanted.to_string();
    }
    let taken: HashSet<&str> = taken.iter().copied().collect();
    let (base, first) = split_number(wanted);
    // `taken` holds at most `taken.len()` of these distinct candidates, so one is free.
    let last = first.saturating_add(taken.len() as u64);
    for n in first..=last {
        let candidate = numbered(base, n);
        if !taken.contains(candidate.as_str()) {
            return candidate;
        }
    }
    numbered(base, last.saturating_add(1))
}

/// `"Plan (4)"` → `("Plan", 5)`; anything else → `(name, 2)`.
fn split_number(name: &str) -> (&str, u64) {
    let numbered = name
        .strip_suffix(')')
        .and_then(|rest| rest.rsplit_once(" ("))
        .filter(|(_, n)| !n.is_empty() && n.len() <= 9 && !n.starts_with('0'))
        .and_then(|(base, n)| Some((base, n.parse::<u64>().ok()?)))
        .filter(|&(_, n)| n >= 2);
    match numbered {
        Some((base, n)) => (base, n.saturating_add(1)),
        None => (name, 2),
    }
}

/// `"base (n)"`, with `base` shortened so the whole fits in [`MAX_NAME_CHARS`].
fn numbered(base: &str, n: u64) -> String {
    let suffix = format!("({n})");
    let room = MAX_NAME_CHARS.saturating_sub(suffix.chars().count().saturating_add(1));
    let base: String = base.chars().take(room).collect();
    let base = base.trim_end();
    if base.is_empty() {
        suffix
    } else {
        format!("{base} {suffix}")
    }
}
