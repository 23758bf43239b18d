//! What the full app adds to the shared [`Ctx`]: storage and the library of scenarios,
//! and which screen is on show. The visitor's calculator has none of it.

use super::rfm::Customers;
use super::risk::RiskRun;
use super::session::Session;
use super::Ctx;
use crate::engine::campaigns::Campaign;
use leptos::prelude::*;

/// The campaigns before the A/B screen carried a lift into one (for undo), and what its
/// note says (or why the lift was refused).
pub type Lifted = Option<(Vec<Campaign>, Result<String, String>)>;

/// The full app's screens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    /// The ROI calculator.
    Calculator,
    /// KPIs before and after, campaigns, CLV.
    Measure,
    /// Saved scenarios, comparison, export and import.
    Scenarios,
    /// Customer value (RFM) from a transactions file.
    Customers,
    /// A/B tests: a test's verdict and the sample it needs.
    AbTests,
    /// Presentation mode: the calculator for a prospect, full screen.
    Present,
}

impl Screen {
    /// The screens with a place in the address bar (`ui::route`), by their name there.
    const SLUGS: [(Screen, &'static str); 4] = [
        (Screen::Measure, "measure"),
        (Screen::Scenarios, "scenarios"),
        (Screen::Customers, "customers"),
        (Screen::AbTests, "ab-tests"),
    ];

    /// The screen's name in the address bar; none for the calculator and presentation.
    pub fn slug(self) -> Option<&'static str> {
        Self::SLUGS
            .iter()
            .find(|(s, _)| *s == self)
            .map(|(_, slug)| *slug)
    }

    /// The screen named `slug` in the address bar.
    pub fn from_slug(slug: &str) -> Option<Screen> {
        Self::SLUGS
            .iter()
            .find(|(_, s)| *s == slug)
            .map(|(screen, _)| *screen)
    }
}

/// What the full app adds to the shared [`Ctx`]: storage and the library, and the
/// screen on show.
#[derive(Clone, Copy)]
pub struct Workspace {
    /// The shared state.
    pub ctx: Ctx,
    /// Storage, the library of named scenarios, notices and undo.
    pub session: Session,
    /// The screen on show.
    pub screen: RwSignal<Screen>,
    /// The simulation of the scenario's risk ranges (kept across screens).
    pub risk: RiskRun,
    /// The customer screen's file and results (kept across screens).
    pub customers: Customers,
    /// The A/B screen's lift carried into a campaign, for its note and undo (kept across
    /// screens, so "See the campaigns" and back still offers the undo).
    pub lifted: RwSignal<Lifted>,
}
