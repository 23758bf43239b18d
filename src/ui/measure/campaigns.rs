//! The campaign table: rows to add, remove and reorder, their metrics, the total, the
//! ranking and the chart.

use super::{update_measure, Derived};
use crate::engine::campaigns::{
    Campaign, CampaignError, CampaignField, CampaignMetrics, RankBy, Table,
};
use crate::i18n::{fill, AppMsg, ScreenMsg, Text};
use crate::ui::charts::CampaignChart;
use crate::ui::fields::{problem_text, rule_problem, suffix};
use crate::ui::format::Fmt;
use crate::ui::number::NumberBox;
use crate::ui::Ctx;
use crate::units::{MAX_CAMPAIGNS, MAX_NAME_CHARS};
use leptos::prelude::*;
use rust_decimal::Decimal;

/// A campaign field's column label.
fn campaign_label(f: CampaignField) -> AppMsg {
    match f {
        CampaignField::Spend => AppMsg::ColSpend,
        CampaignField::OperatingCost => AppMsg::ColOperatingCost,
        CampaignField::Clicks => AppMsg::ColClicks,
        CampaignField::Leads => AppMsg::ColLeads,
        CampaignField::Customers => AppMsg::ColCustomers,
        CampaignField::Revenue => AppMsg::ColRevenue,
        CampaignField::MarginPct => AppMsg::ColMargin,
    }
}

/// Why a campaign row has no metrics. The fields and the scenario's validation already
/// refuse values that break a field's rule; that case is here for completeness.
fn campaign_error_text(ctx: Ctx, e: CampaignError) -> String {
    match e {
        CampaignError::CustomersExceedLeads => {
            ctx.t(ScreenMsg::ErrCustomersExceedLeads).to_string()
        }
        CampaignError::Overflow => ctx.t(AppMsg::ErrOverflow).to_string(),
        CampaignError::Invalid(field, problem) => format!(
            "{}: {}",
            ctx.t(campaign_label(field)),
            problem_text(ctx, problem, field.rule())
        ),
    }
}

fn optional_money(fmt: Fmt, v: Option<Decimal>) -> String {
    v.map(|v| fmt.money_precise(v.round_dp(2)))
        .unwrap_or_else(|| "—".into())
}

fn optional_percent(fmt: Fmt, v: Option<Decimal>) -> String {
    v.map(|v| fmt.percent(v)).unwrap_or_else(|| "—".into())
}

/// The metrics of a campaign row or of the total, as a definition list.
fn metrics_view(ctx: Ctx, m: CampaignMetrics) -> impl IntoView {
    let fmt = ctx.fmt.get();
    let item = |label: AppMsg, value: String, key: &'static str| {
        view! { <div><dt>{ctx.t(label)}</dt><dd data-testid=key>{value}</dd></div> }
    };
    view! {
        <dl class="metrics">
            {item(AppMsg::MetricCpc, optional_money(fmt, m.cpc), "cpc")}
            {item(AppMsg::MetricCpl, optional_money(fmt, m.cpl), "cpl")}
            {item(AppMsg::MetricCpa, optional_money(fmt, m.cpa), "cpa")}
            {item(AppMsg::MetricLeadToCustomer, optional_percent(fmt, m.lead_to_customer_pct), "conversion")}
            {item(AppMsg::MetricRomi, optional_percent(fmt, m.romi_pct), "romi")}
            {item(AppMsg::MetricRoas, optional_percent(fmt, m.roas_pct()), "roas")}
        </dl>
    }
}

/// The campaign table: rows to add, remove and reorder, their metrics, the total, the
/// ranking and the chart.
#[component]
pub(super) fn Campaigns(ctx: Ctx, d: Derived) -> impl IntoView {
    let rank_by = RwSignal::new(RankBy::default());
    let count = Memo::new(move |_| d.measure.with(|m| m.campaigns.len()));
    let campaigns = Memo::new(move |_| d.measure.with(|m| m.campaigns.clone()));
    // Every row evaluated once per change; rows, total, ranking and chart read this.
    let table = Memo::new(move |_| campaigns.with(|rows| Table::of(rows, rank_by.get())));
    let full = move || count.get() >= MAX_CAMPAIGNS;
    let has_rows = move || count.get() > 0;
    let add = move |_| {
        let lang = ctx.lang.get_untracked();
        update_measure(ctx, |m| {
            if m.campaigns.len() < MAX_CAMPAIGNS {
                let name = fill(
                    ScreenMsg::CampaignN.text(lang),
                    &[&(m.campaigns.len() + 1).to_string()],
                );
                m.campaigns.push(Campaign {
                    name,
                    ..Campaign::default()
                });
            }
        });
    };
    let row = move |i: usize| {
        let get = move |f: fn(&Campaign) -> String| {
            move || campaigns.with(|rows| rows.get(i).map(f).unwrap_or_default())
        };
        let metrics = Memo::new(move |_| table.with(|t| t.rows.get(i).copied()));
        let rank = move || {
            table
                .with(|t| t.ranking.iter().position(|&r| r == i))
                .map(|p| format!("#{}", p + 1))
        };
        // Moving or removing a row changes what every row's fields show.
        let swap = move |other: Option<usize>| {
            if let Some(j) = other {
                ctx.rewrite(|s| {
                    let rows = &mut s.measure.campaigns;
                    if j < rows.len() && i < rows.len() {
                        rows.swap(i, j);
                    }
                });
            }
        };
        let remove = move |_| {
            ctx.rewrite(|s| {
                if i < s.measure.campaigns.len() {
                    s.measure.campaigns.remove(i);
                }
            });
        };
        let is_last = move || i + 1 >= count.get();
        let name_id = format!("campaign-{i}-name");
        let cells = CampaignField::ALL
            .into_iter()
            .map(|col| {
                let id = format!("campaign-{i}-{}", col.key());
                let value =
                    Signal::derive(move || campaigns.with(|rows| rows.get(i).map(|c| col.get(c))));
                let set = Callback::new(move |v: Option<Decimal>| {
                    update_measure(ctx, |m| {
                        if let (Some(c), Some(v)) = (m.campaigns.get_mut(i), v) {
                            col.set(c, v);
                        }
                    })
                });
                let check = Callback::new(move |v| rule_problem(ctx, v, col.rule()));
                view! {
                    <div class="field">
                        <label for=id.clone()>{ctx.tr(campaign_label(col))}</label>
                        <NumberBox
                            ctx
                            id
                            value
                            set
                            check
                            whole=col.unit().is_whole()
                            suffix=Signal::derive(move || suffix(ctx, col.unit()))
                        />
                    </div>
                }
            })
            .collect_view();
        view! {
            <article class="campaign" data-testid=format!("campaign-{i}")>
                <div class="campaign-head">
                    <span class="rank" data-testid="rank">{rank}</span>
                    <label class="sr-only" for=name_id.clone()>{ctx.tr(ScreenMsg::CampaignName)}</label>
                    <input
                        type="text"
                        class="campaign-name"
                        id=name_id.clone()
                        data-testid=name_id
                        maxlength=MAX_NAME_CHARS.to_string()
                        prop:value=get(|c| c.name.clone())
                        on:input=move |ev| {
                            let text: String = event_target_value(&ev).chars().take(MAX_NAME_CHARS).collect();
                            update_measure(ctx, |m| if let Some(c) = m.campaigns.get_mut(i) { c.name = text; });
                        }
                    />
                    <button type="button" class="icon secondary" aria-label=ctx.tr(ScreenMsg::MoveUp)
                        disabled=move || i == 0 on:click=move |_| swap(i.checked_sub(1))>"↑"</button>
                    <button type="button" class="icon secondary" aria-label=ctx.tr(ScreenMsg::MoveDown)
                        disabled=is_last on:click=move |_| swap(Some(i + 1))>"↓"</button>
                    <button type="button" class="icon secondary danger" aria-label=ctx.tr(ScreenMsg::Remove)
                        data-testid="remove" on:click=remove>"×"</button>
                </div>
                <div class="campaign-inputs">{cells}</div>
                {move || match metrics.get() {
                    Some(Ok(m)) => metrics_view(ctx, m).into_any(),
                    Some(Err(e)) => view! { <p class="warn-text">{campaign_error_text(ctx, e)}</p> }.into_any(),
                    None => ().into_any(),
                }}
            </article>
        }
    };
    let total = move || {
        table.with(|t| {
            if t.rows.is_empty() {
                return ().into_any();
            }
            match &t.total {
                Ok((t, m)) => {
                    let fmt = ctx.fmt.get();
                    view! {
                        <article class="campaign total" data-testid="campaign-total">
                            <h3>{ctx.tr(AppMsg::Total)}</h3>
                            <p class="total-line">
                                {fill(ctx.t(ScreenMsg::TotalLine), &[&fmt.money(t.spend), &fmt.money(t.revenue), &fmt.money(m.gross_profit)])}
                            </p>
                            {metrics_view(ctx, *m)}
                        </article>
                    }
                    .into_any()
                }
                Err(e) => view! { <p class="warn-text">{campaign_error_text(ctx, *e)}</p> }.into_any(),
            }
        })
    };
    let ranking_list = move || {
        let fmt = ctx.fmt.get();
        let by = rank_by.get();
        campaigns.with(|rows| {
            table.with(|t| {
                t.ranking
                    .iter()
                    .filter_map(|&i| {
                        let row = rows.get(i)?;
                        let value = t.rows.get(i)?.as_ref().ok().and_then(|m| match by {
                            RankBy::Romi => m.romi_pct,
                            RankBy::Roas => m.roas_pct(),
                        });
                        Some(view! { <li>{row.name.clone()} ": " <b>{optional_percent(fmt, value)}</b></li> })
                    })
                    .collect_view()
            })
        })
    };
    view! {
        <section class="panel" id="campaigns" aria-labelledby="campaigns-title">
            <h2 id="campaigns-title">{ctx.tr(AppMsg::CampaignsTitle)}</h2>
            <p class="hint">{ctx.tr(ScreenMsg::CampaignsHint)}</p>
            <div class="campaigns">
                <For each=move || 0..count.get() key=|i| *i let:i>
                    {row(i)}
                </For>
                {total}
            </div>
            <div class="actions">
                <button type="button" data-testid="add-campaign" on:click=add disabled=full>
                    {ctx.tr(ScreenMsg::AddCampaign)}
                </button>
            </div>
            <Show when=has_rows>
                <div class="ranking">
                    <label class="inline-select">
                        <span>{ctx.tr(ScreenMsg::RankBy)}</span>
                        <select
                            data-testid="rank-by"
                            prop:value=move || if rank_by.get() == RankBy::Romi { "romi" } else { "roas" }
                            on:change=move |ev| rank_by.set(if event_target_value(&ev) == "roas" { RankBy::Roas } else { RankBy::Romi })
                        >
                            <option value="romi">{ctx.tr(AppMsg::MetricRomi)}</option>
                            <option value="roas">{ctx.tr(AppMsg::MetricRoas)}</option>
                        </select>
                    </label>
                    <ol data-testid="ranking">{ranking_list}</ol>
                </div>
                <CampaignChart ctx campaigns table />
            </Show>
        </section>
    }
}
