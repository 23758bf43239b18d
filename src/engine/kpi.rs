//! KPI formulas (being written).
