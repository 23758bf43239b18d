//! The texts of following a CRM project over time on the measurement screen (`ui::measure`):
//! periods pasted from a spreadsheet, actual costs and the realised figures against the
//! plan. Apart from [`super::AppMsg`], so only the full app links them.

use super::{en, es, Lang, Text};

/// A text of the periods paste or of the actual costs panel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum TrackMsg {
    PasteTitle,
    PasteHint,
    PasteLabel,
    PasteReadRows,
    PasteReadFigures,
    PasteNone,
    PasteTooFew,
    PasteTruncated,
    PasteApply,
    PasteDone,
    NoHeader,
    UnknownColumn,
    DuplicateColumn,
    BadDate,
    EndBeforeStart,
    BadNumber,
    BelowMin,
    AboveMax,
    NotWhole,
    NameTooLong,
    TooManyPeriods,
    CostsTitle,
    CostsHint,
    CostsTable,
    PlanStart,
    PlanStartDefault,
    PlanStartNone,
    RealisedTitle,
    RealisedHow,
    NoPlanStart,
    ModelRefused,
    NothingCounted,
    SummaryCosts,
    SummaryBenefits,
    SummaryRoi,
    Over,
    Under,
    OnPlan,
    ByPeriod,
    ByLine,
    Period,
    Days,
    PlanCosts,
    ActualCosts,
    Variance,
    PlanBenefits,
    RealisedBenefits,
    Roi,
    Line,
    Planned,
    Actual,
    VariancePct,
    NotEntered,
    SkippedNoDates,
    SkippedReversed,
    SkippedNoCosts,
    Baseline,
    Measured,
    NothingMeasured,
    Total,
    Overlap,
}

impl Text for TrackMsg {
    fn text(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Es => es::track::track_text(self),
            Lang::En => en::track::track_text(self),
        }
    }
}
