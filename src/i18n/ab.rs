//! The A/B test screen's texts (`ui::abtest`): apart from [`super::AppMsg`], so only the
//! full app links them.

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
    Variant,
    VariantName(Arm),
    Visitors,
    Conversions,
    Rate,
    Confidence,
    ShareA,
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
    EarlyWarning,
    Progress,
    Reached,
    PlanTitle,
    PlanHint,
    Baseline,
    Mde,
    MdeRelative,
    MdeAbsolute,
    Power,
    Traffic,
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

impl Text for AbMsg {
    fn text(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Es => es::ab::ab_text(self),
            Lang::En => en::ab::ab_text(self),
        }
    }
}
