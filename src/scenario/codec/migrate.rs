//! Stored scenarios and links of every schema version this app ever wrote, brought to
//! the current [`SCHEMA_VERSION`]: one `upgrade` arm per version (see its docs there).

use super::{json_value, message, not_a_scenario, DecodeError};
use crate::scenario::{Pins, Scenario, SCHEMA_VERSION};
use serde_json::{Map, Value};

/// A `version` key: missing means 1 (the first version); anything but a whole number
/// that fits in a `u32` is refused.
pub(super) fn read_version(value: Option<&Value>) -> Result<u32, DecodeError> {
    match value {
        None => Ok(1),
        Some(v) => v
            .as_u64()
            .and_then(|v| u32::try_from(v).ok())
            .ok_or_else(|| not_a_scenario("version is not a whole number")),
    }
}

/// Brings a scenario in stored form, of any version this app ever wrote, to the current
/// [`SCHEMA_VERSION`] and reads it (unvalidated: callers validate).
///
/// Reads `version` first (missing: 1) and refuses versions newer than
/// [`SCHEMA_VERSION`] with [`DecodeError::FutureVersion`]. Then it applies
/// [`upgrade`] one version at a time (v1 → v2 → …), so each change of the stored form
/// is written once, as one match arm there, and old data of any age follows the chain.
///
/// Changes that need no migration (serde handles them): a field added with a default
/// (missing keys take defaults, through `#[serde(default)]`), and unknown keys, which
/// are ignored. The object must hold `inputs`, present since the first version: that
/// tells a scenario apart from any other JSON object.
pub(super) fn migrate(value: Value) -> Result<Scenario, DecodeError> {
    let Value::Object(mut map) = value else {
        return Err(not_a_scenario("expected a JSON object"));
    };
    let mut version = read_version(map.get("version"))?;
    if version > SCHEMA_VERSION {
        return Err(DecodeError::FutureVersion(version));
    }
    while version < SCHEMA_VERSION {
        version = upgrade(version, &mut map)?;
    }
    if version != SCHEMA_VERSION {
        return Err(not_a_scenario("unknown version"));
    }
    if !matches!(map.get("inputs"), Some(Value::Object(_))) {
        return Err(not_a_scenario("no inputs"));
    }
    map.insert("version".to_string(), Value::from(SCHEMA_VERSION));
    serde_json::from_value(Value::Object(map)).map_err(|e| DecodeError::NotAScenario(message(e)))
}

/// Rewrites a stored scenario of version `from` into version `from + 1`, returning the
/// new version: one arm per schema change (see [`SCHEMA_VERSION`]). An arm that renames
/// a key moves its value (`inputs.remove(old)` then `inputs.insert(new, value)`).
fn upgrade(from: u32, map: &mut Map<String, Value>) -> Result<u32, DecodeError> {
    match from {
        1 => {
            // v2 added the presentation pins; version-1 scenarios get the defaults.
            let defaults =
                json_value(&Pins::default()).map_err(|e| DecodeError::NotAScenario(message(e)))?;
            map.insert("pins".to_string(), defaults);
            Ok(2)
        }
        2 => {
            // v3 added four benefit lines; the AI ones are on by default, so a version-2
            // scenario, which counted none of them, gets all four off: same figures.
            let inputs = map
                .get_mut("inputs")
                .and_then(Value::as_object_mut)
                .ok_or_else(|| not_a_scenario("no inputs"))?;
            let lines = inputs
                .entry("lines")
                .or_insert_with(|| Value::Object(Map::new()))
                .as_object_mut()
                .ok_or_else(|| not_a_scenario("lines is not an object"))?;
            for key in ["lifetime", "ai_churn", "ai_scoring", "ai_offers"] {
                lines.insert(key.to_string(), Value::Bool(false));
            }
            Ok(3)
        }
        3 => {
            // v4 added the risk ranges; a version-3 scenario has none: ranges off, the
            // defaults (serde fills them in).
            Ok(4)
        }
        4 => {
            // v5 keeps the periods in a list: {baseline, current} becomes periods
            // [baseline, current], each moved whole (missing ones are empty periods).
            if let Some(measure) = map.get_mut("measure") {
                let measure = measure
                    .as_object_mut()
                    .ok_or_else(|| not_a_scenario("measure is not an object"))?;
                let mut take = |key: &str| {
                    measure
                        .remove(key)
                        .unwrap_or_else(|| Value::Object(Map::new()))
                };
                let periods = vec![take("baseline"), take("current")];
                measure.insert("periods".to_string(), Value::Array(periods));
            }
            Ok(5)
        }
        5 => {
            // v6 added the A/B test; a version-5 scenario has none (serde fills in the
            // defaults).
            Ok(6)
        }
        0 => Err(not_a_scenario(
            "version 0 was never written: the first is 1",
        )),
        other => Err(DecodeError::NotAScenario(format!(
            "unknown version {other}"
        ))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_written_versions_upgrade() {
        let mut map = Map::new();
        assert!(matches!(
            upgrade(0, &mut map),
            Err(DecodeError::NotAScenario(_))
        ));
        assert_eq!(upgrade(1, &mut map), Ok(2));
        assert!(matches!(
            upgrade(SCHEMA_VERSION, &mut map),
            Err(DecodeError::NotAScenario(_))
        ));
        assert!(matches!(
            migrate(Value::from(3)),
            Err(DecodeError::NotAScenario(_))
        ));
    }
}
