//! The A/B test screen's texts: those of its fields (`ui::abtest`) and of its results
//! (`ui::ab_results`), apart from [`super::AppMsg`] so only the full app links them.

use super::{en, es, Lang, Text};
use crate::engine::abtest::Arm;

/// A text of the A/B test screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum AbMsg {
    Title,
    Hint,
    Example,
    Name,
    VariantName(Arm),
    Visitors,
    Conversions,
    Confidence,
    ShareA,
    PlanTitle,
    PlanHint,
    Baseline,
    Mde,
    MdeRelative,
    MdeAbsolute,
    Power,
    Traffic,
    FeedTitle,
    FeedHint,
    FeedCampaign,
    FeedApply,
    FeedNone,
    FeedDone,
    FeedSee,
    LiftNoCustomers,
    LiftExceedsLeads,
}

/// A text of the A/B test's results (`ui::ab_results`), linked only by the A/B
/// screen's lazily loaded part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum AbResultMsg {
    Variant,
    Rate,
    ResultTitle,
    Empty,
    AbsLift,
    RelLift,
    Interval,
    PValue,
    PValueText,
    Split,
    SplitText,
    SplitBroken,
    VerdictSrm,
    VerdictNotEnough,
    VerdictB,
    VerdictA,
    VerdictNone,
    VerdictEarly,
    EarlyWarning,
    Progress,
    Reached,
    Sample,
    Days,
    ErrNoVisitors(Arm),
    ErrMoreConversions(Arm),
    ErrTooLarge,
    ErrConfidence,
    ErrPower,
    ErrShare,
    ErrBaseline,
    ErrNoEffect,
    ErrTargetRate,
    ErrNotFinite,
}

impl Text for AbResultMsg {
    fn text(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Es => es::ab::result_text(self),
            Lang::En => en::ab::result_text(self),
        }
    }
}

impl Text for AbMsg {
    fn text(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Es => es::ab::ab_text(self),
            Lang::En => en::ab::ab_text(self),
        }
    }
}
