//! The page's side of the A/B test's results: the analysis worker
//! ([`crate::worker::rfm`], which also hosts the customer scoring) computes them and
//! writes them as HTML, so the full app carries neither the statistics nor their texts.
//! Kept across screens, so coming back shows the last results at once.

use super::rfm::client;
use super::Ctx;
use crate::engine::measure::AbTest;
use crate::worker::rfm::protocol::{Reply, Request};
use leptos::prelude::*;
use rust_decimal::Decimal;

/// What the worker last wrote for the A/B screen.
#[derive(Clone, Copy)]
pub struct AbResults {
    /// The result: verdict, rates, lifts, progress (HTML).
    pub(in crate::ui) result: RwSignal<String>,
    /// The sample the plan needs (HTML).
    pub(in crate::ui) plan: RwSignal<String>,
    /// B's relative lift, when B wins: what "apply the lift" carries into a campaign.
    pub(in crate::ui) lift: RwSignal<Option<Decimal>>,
    /// The worker could not start or crashed.
    pub(in crate::ui) unavailable: RwSignal<bool>,
    /// The request whose reply counts.
    current: RwSignal<u32>,
}

impl AbResults {
    /// The state, listening to the worker (started by the first request).
    pub fn new() -> AbResults {
        let r = AbResults {
            result: RwSignal::new(String::new()),
            plan: RwSignal::new(String::new()),
            lift: RwSignal::new(None),
            unavailable: RwSignal::new(false),
            current: RwSignal::new(0),
        };
        client::listen(move |reply| r.hear(reply));
        r
    }

    /// Asks for the results of `test`, written for the context's language and currency;
    /// a reply to an earlier request is ignored from now on.
    pub(in crate::ui) fn ask(self, ctx: Ctx, test: &AbTest) {
        let fmt = ctx.fmt.get_untracked();
        self.current.update(|n| *n = n.wrapping_add(1));
        client::send(
            &Request::Ab {
                id: self.current.get_untracked(),
                lang: fmt.lang,
                currency: fmt.currency,
                test: test.clone(),
            },
            None,
        );
    }

    fn hear(self, reply: Option<Reply>) {
        match reply {
            None => self.unavailable.set(true),
            Some(Reply::Ab {
                id,
                result,
                plan,
                lift,
            }) if id == self.current.get_untracked() => {
                self.unavailable.set(false);
                self.result.set(result);
                self.plan.set(plan);
                self.lift.set(lift);
            }
            Some(_) => {}
        }
    }
}
