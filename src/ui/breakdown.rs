//! Tables written as HTML text, shared by the calculator and the report: a fraction of
//! the code reactive views of the same tables would take, for figures that are redrawn
//! whole on every change anyway.

use super::format::Fmt;
use crate::engine::model::{BenefitLine, CostLine, LineTotals, Report};
use crate::html::{el, table, text, Html};
use crate::i18n::{fill, AppMsg, Msg, Text};
use rust_decimal::Decimal;

/// Costs and benefits by line and year, with totals and present values, as a captioned
/// table; `id` prefixes each row's `data-testid` (`{id}-cost-0`, `{id}-benefits`, …).
pub fn flows_table(fmt: Fmt, report: &Report, id: &str) -> Html {
    let lang = fmt.lang;
    // Past five years the columns are narrow: amounts go compact ("1,2 M").
    let cell = |v: Option<Decimal>| {
        let shown = match v {
            Some(v) if report.years.len() > 6 => fmt.money_compact(v),
            Some(v) => fmt.money(v),
            None => String::new(),
        };
        el("td", &[], text(&shown))
    };
    let row = |class: &str,
               testid: &str,
               label: &str,
               amounts: &mut dyn Iterator<Item = Decimal>,
               totals: Option<LineTotals>| {
        let cells: Html = amounts.map(|v| cell(Some(v))).collect();
        el(
            "tr",
            &[("class", class), ("data-testid", testid)],
            el("th", &[("scope", "row")], text(label))
                + cells
                + cell(totals.map(|t| t.total))
                + cell(totals.map(|t| t.present_value)),
        )
    };
    let (costs, benefits) = match (report.cost_line_totals(), report.benefit_line_totals()) {
        (Ok(c), Ok(b)) => (c, b),
        _ => return Html::default(),
    };
    let mut rows = Html::default();
    for (k, (&line, totals)) in CostLine::ALL.iter().zip(costs).enumerate() {
        let mut amounts = report.years.iter().map(|y| y.cost_lines[k]);
        rows.push(row(
            "line",
            &format!("{id}-cost-{k}"),
            Msg::Cost(line).text(lang),
            &mut amounts,
            Some(totals),
        ));
    }
    let sum = |total, present_value| {
        Some(LineTotals {
            total,
            present_value,
        })
    };
    rows.push(row(
        "sum",
        &format!("{id}-costs"),
        AppMsg::Costs.text(lang),
        &mut report.years.iter().map(|y| y.costs),
        sum(report.total_costs, report.pv_costs),
    ));
    for (line, totals) in BenefitLine::ALL.into_iter().zip(benefits) {
        if totals.total.is_zero() {
            continue;
        }
        let k = line.index();
        let mut amounts = report.years.iter().map(|y| y.benefit_lines[k]);
        rows.push(row(
            "line",
            &format!("{id}-benefit-{k}"),
            Msg::LineName(line).text(lang),
            &mut amounts,
            Some(totals),
        ));
    }
    rows.push(row(
        "sum",
        &format!("{id}-benefits"),
        AppMsg::Benefits.text(lang),
        &mut report.years.iter().map(|y| y.benefits),
        sum(report.total_benefits, report.pv_benefits),
    ));
    rows.push(row(
        "sum",
        &format!("{id}-net"),
        AppMsg::Net.text(lang),
        &mut report.years.iter().map(|y| y.net),
        sum(report.total_net, report.npv),
    ));
    rows.push(row(
        "",
        &format!("{id}-cumulative"),
        AppMsg::Cumulative.text(lang),
        &mut report.years.iter().map(|y| y.cumulative),
        None,
    ));

    let years: Vec<String> = report
        .years
        .iter()
        .map(|y| {
            if y.year == 0 {
                Msg::Initial.text(lang).to_string()
            } else {
                fill(AppMsg::YearN.text(lang), &[&y.year.to_string()])
            }
        })
        .collect();
    let mut heads: Vec<&str> = vec![""];
    heads.extend(years.iter().map(String::as_str));
    heads.push(AppMsg::Total.text(lang));
    heads.push(AppMsg::PresentValue.text(lang));
    let caption = fill(
        AppMsg::FlowsCaption.text(lang),
        &[&fmt.percent(report.discount_rate_pct)],
    );
    table("flows", &caption, &heads, rows)
}
