//! Spanish and English: the messages and number parsing.
//!
//! Every visible text is a [`Msg`]; each language is one file with one exhaustive
//! function from message to text (`es.rs`, `en.rs`), so a missing translation is a
//! compile error and a third language is one more file and one more [`Lang`]. Messages
//! about the model (a field's label, a KPI's formula) carry what they name. Numbers are
//! formatted by the browser's `Intl` (see `ui::format`) and read back by
//! [`parse_number`].

mod en;
mod es;
mod parse;

pub use parse::{parse_number, ParseError};

use crate::engine::measure::{Kpi, KpiGroup, Measure};
use crate::engine::model::{BenefitLine, CostLine, Field, Group};
use serde::{Deserialize, Serialize};

/// The app's languages (serialized as their two-letter code).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Español (the default: most users speak Spanish).
    #[default]
    Es,
    /// English.
    En,
}

impl Lang {
    /// Every language, in the order offered.
    pub const ALL: [Lang; 2] = [Lang::Es, Lang::En];

    /// The language with two-letter code `code`.
    pub fn from_code(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// BCP 47 tag used for `lang` attributes and `Intl` formatting.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Es => "es-ES",
            Lang::En => "en-US",
        }
    }

    /// Two-letter code, as stored.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Es => "es",
            Lang::En => "en",
        }
    }

    /// The language for a browser language tag (`navigator.language`): English for
    /// `en…`, Spanish otherwise.
    pub fn from_browser(tag: &str) -> Lang {
        if tag.to_ascii_lowercase().starts_with("en") {
            Lang::En
        } else {
            Lang::Es
        }
    }
}

/// A visible text. `{0}`, `{1}`… in a text are filled by [`fill`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
// The texts themselves, in each language, are the documentation: see `es.rs`, `en.rs`.
#[allow(missing_docs)]
pub enum Msg {
    AppTagline,
    PageTitle,
    Language,
    Currency,
    Privacy,
    SkipToResults,
    WhatIf,
    WhatIfHint,
    Inputs,
    Results,
    ResetDefaults,
    ResetDone,
    Roi,
    RoiSub,
    Npv,
    NpvSub,
    Payback,
    PaybackDiscounted,
    Irr,
    IrrSub,
    PvBenefits,
    PvCosts,
    Tco,
    GartnerBand,
    GartnerBelow,
    GartnerWithin,
    GartnerAbove,
    GartnerNotUsd,
    Months,
    Never,
    NoIrr,
    NoRoi,
    ShowMath,
    MathRoi,
    MathNpv,
    MathPayback,
    MathPaybackNever,
    MathPaybackZero,
    MathIrr,
    MathIrrNone,
    MathPv,
    MathTco,
    LiveSummary,
    Year,
    Initial,
    YearN,
    Total,
    PresentValue,
    Costs,
    Benefits,
    Net,
    Cumulative,
    DiscountedNet,
    CashFlowTable,
    CashFlowCaption,
    ChartCumulative,
    ChartCumulativeAlt,
    BreakEvenPoint,
    ChartCostsBenefits,
    ChartCostsBenefitsAlt,
    ChartTornado,
    ChartTornadoAlt,
    TornadoLow,
    TornadoHigh,
    AxisYear,
    AxisAmount,
    AxisNpv,
    BreakEven,
    BreakEvenHint,
    BreakEvenDriver,
    BreakEvenAt,
    BreakEvenNone,
    ErrEmpty,
    ErrNotANumber,
    ErrBelowMin,
    ErrAboveMax,
    ErrNotWhole,
    ErrKeptLast,
    ErrOverflow,
    Sources,
    UnitPercent,
    UnitHours,
    UnitMinutes,
    UnitDays,
    UnitWeeks,
    UnitYears,
    NavCalculator,
    NavScenarios,
    NavLabel,
    Scenario,
    ScenarioName,
    ScenarioCompany,
    ScenarioNotes,
    Untitled,
    Save,
    SaveAsNew,
    Saved,
    CopyLink,
    LinkCopied,
    LinkManual,
    ViewingLink,
    KeepLink,
    BackToMine,
    LinkBad,
    LinkTooLong,
    LinkFuture,
    LinkInvalid,
    MovedAside,
    QuotaFull,
    StorageOff,
    Dismiss,
    Library,
    LibraryEmpty,
    Updated,
    Open,
    Rename,
    Duplicate,
    Delete,
    Deleted,
    Undo,
    CopyOf,
    Compare,
    CompareHint,
    CompareTitle,
    Variants,
    VariantsHint,
    MakeVariants,
    Conservative,
    Expected,
    Optimistic,
    VariantsMade,
    ExportImport,
    ExportCurrent,
    ExportAll,
    Import,
    Imported,
    ImportedRenamed,
    ImportBad,
    WhyTooLarge,
    WhySyntax,
    WhyNotScenario,
    WhyFuture,
    WhyInvalid,
    WhyEmpty,
    WhyInScenario,
    Current,
    NewerElsewhere,
    NavMeasure,
    MeasureTitle,
    MeasureIntro,
    MeasureSections,
    LoadExample,
    ClearMeasurements,
    RestoreMeasurements,
    PeriodsTitle,
    PeriodsHint,
    Baseline,
    PeriodStart,
    PeriodEnd,
    DatesReversed,
    PeriodsDiffer,
    CycleFromDeals,
    Better,
    Worse,
    Same,
    Changed,
    UnitPoints,
    GapZero,
    GapInconsistent,
    GapNoDeals,
    ScorecardTitle,
    ScoreSummary,
    Kpi,
    Change,
    Verdict,
    ChartBeforeAfter,
    ChartBeforeAfterAlt,
    AxisPercent,
    DealsTitle,
    DealsHint,
    DateFormat,
    DayFirst,
    MonthFirst,
    DealsStats,
    DealsNone,
    DealsTooLong,
    RowsSkipped,
    RowLine,
    RowColumns,
    RowBadDate,
    RowClosedBefore,
    CampaignsTitle,
    CampaignsHint,
    AddCampaign,
    CampaignN,
    CampaignName,
    ColSpend,
    ColClicks,
    ColLeads,
    ColCustomers,
    ColRevenue,
    ColMargin,
    MetricCpc,
    MetricCpl,
    MetricCpa,
    MetricLeadToCustomer,
    MetricRoi,
    MetricRomi,
    MoveUp,
    MoveDown,
    Remove,
    ErrCustomersExceedLeads,
    ErrRange,
    TotalLine,
    RankBy,
    ChartCampaigns,
    ChartCampaignsAlt,
    ClvTitle,
    ClvHint,
    ClvMargin,
    ClvRetention,
    ClvDiscount,
    ClvAcquisition,
    ClvUseMeasured,
    ClvLifetime,
    ClvChurnIs,
    ClvSimple,
    ClvDiscounted,
    ClvSimpleMath,
    ClvDiscountedMath,
    ClvInfinite,
    YearsN,
    FeedTitle,
    FeedHint,
    FeedNothing,
    RoiInput,
    InModel,
    Measured,
    FeedOutcome,
    FeedApply,
    FeedDone,
    FeedSee,
    /// The label of an input of the ROI model.
    Field(Field),
    /// The name of an input group.
    Group(Group),
    /// The name of a cost line.
    Cost(CostLine),
    /// The name of a benefit line.
    LineName(BenefitLine),
    /// A benefit line's formula in words.
    LineFormula(BenefitLine),
    /// The name of a KPI group.
    KpiGroup(KpiGroup),
    /// The name of a raw figure entered per period.
    Measure(Measure),
    /// The name of a KPI.
    KpiName(Kpi),
    /// A KPI's formula in words.
    KpiFormula(Kpi),
}

impl Msg {
    /// The text in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Es => es::text(self),
            Lang::En => en::text(self),
        }
    }
}

/// `template` with `{0}`, `{1}`… replaced by `args`.
pub fn fill(template: &str, args: &[&str]) -> String {
    args.iter()
        .enumerate()
        .fold(template.to_string(), |text, (i, arg)| {
            text.replace(&format!("{{{i}}}"), arg)
        })
}
