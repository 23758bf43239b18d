//! Spanish and English: the messages and number parsing.
//!
//! Every visible text is a [`Msg`]; each language is one file with one exhaustive
//! function from message to text (`es.rs`, `en.rs`), so a missing translation is a
//! compile error and a third language is one more file and one more [`Lang`] (a leaf type, in [`crate::units`]). Messages
//! about the model (a field's label, a KPI's formula) carry what they name. Numbers are
//! formatted by the browser's `Intl` (see `format`, in wasm) and read back by
//! [`parse_number`].

mod ab;
mod customers;
mod en;
mod es;
#[cfg(target_arch = "wasm32")]
pub mod format;
mod parse;
mod part;
mod plural;
mod screen;
mod track;
mod visitor;

pub use crate::units::Lang;
pub use ab::{AbMsg, AbResultMsg};
pub use customers::{CustomersMsg, RfmMsg};
pub use parse::{parse_number, ParseError};
pub use part::PartMsg;
pub use plural::{of_written, plural, Plural};
pub use screen::{example_names, ScreenMsg};
pub use track::TrackMsg;
pub use visitor::VisitorMsg;

use crate::engine::measure::{Kpi, KpiGroup, Measure};
use crate::engine::model::{BenefitLine, CostLine, Field, Group};

/// A visible text. `{0}`, `{1}`… in a text are filled by [`fill`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
// The texts themselves, in each language, are the documentation: see `es.rs`, `en.rs`.
#[allow(missing_docs)]
pub enum Msg {
    Language,
    Currency,
    Privacy,
    Inputs,
    Results,
    Roi,
    RoiSub,
    Npv,
    NpvSub,
    Payback,
    PaybackDiscounted,
    Irr,
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
    MathPv,
    MathTco,
    Initial,
    ChartCumulative,
    ChartCumulativeAlt,
    BreakEvenPoint,
    AxisYear,
    AxisAmount,
    ErrEmpty,
    ErrNotANumber,
    ErrBelowMin,
    ErrAboveMax,
    ErrNotWhole,
    ErrKeptLast,
    UnitPercent,
    UnitHours,
    UnitMinutes,
    /// Days, weeks and years are plural forms ("{0|año|años}", see [`fill`]): after a
    /// number, filled with it; as a field's unit, filled with nothing (the plural).
    UnitDays,
    UnitWeeks,
    UnitYears,
    EmbedTitle,
    EmbedHeading,
    EmbedIntro,
    FullAnalysis,
    FullAnalysisHint,
    Counted,
    CountedHint,
    CostsBy,
    BenefitsBy,
    OptionsIgnored,
    /// The label of an input of the ROI model.
    Field(Field),
    /// The name of a cost line.
    Cost(CostLine),
    /// The name of a benefit line.
    LineName(BenefitLine),
}

/// A visible text of the full app's own screens (the measurement screen, the library of
/// scenarios, the inputs panel): apart from [`Msg`], so the visitor's calculator links
/// none of them. `{0}`, `{1}`… are filled by [`fill`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum AppMsg {
    AppTagline,
    PageTitle,
    SkipToResults,
    WhatIf,
    WhatIfHint,
    ResetDefaults,
    ResetDone,
    LiveSummary,
    Year,
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
    ChartCostsBenefits,
    ChartCostsBenefitsAlt,
    ChartTornado,
    ChartTornadoAlt,
    TornadoLow,
    TornadoHigh,
    AxisNpv,
    BreakEven,
    BreakEvenHint,
    BreakEvenDriver,
    BreakEvenAt,
    BreakEvenNone,
    ErrOverflow,
    Sources,
    NavCalculator,
    NavScenarios,
    NavCustomers,
    NavAbTests,
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
    LinkLong,
    LinkAsFile,
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
    Baseline,
    UnitPoints,
    ChartBeforeAfter,
    ChartBeforeAfterAlt,
    AxisPercent,
    MetricRoas,
    MetricRomi,
    ChartCampaigns,
    ChartCampaignsAlt,
    Pin,
    Unpin,
    PinFull,
    PinnedCount,
    Present,
    Report,
    /// Caption of the table of costs and benefits by line and year; {0} the rate.
    FlowsCaption,
    /// The calculator's disclosure of that table.
    ByLine,
    /// Title of the stacked chart of benefits by line.
    ChartByLine,
    /// Its text alternative; {0} the years with each line's amount.
    ChartByLineAlt,
    /// A benefit line's math: {0} its drivers with values, {1} year 1, {2} the last year, {3} its amount.
    LineMath,
    /// A switched-off line's math.
    LineOff,
    IrrMirrSub,
    IrrSeveralSub,
    MathIrr,
    MathIrrNone,
    MathIrrSeveral,
    MathMirr,
    GapZero,
    GapInconsistent,
    GapNoDeals,
    CampaignsTitle,
    ClvMargin,
    ClvTitle,
    ColSpend,
    DealsTitle,
    FeedTitle,
    LeadsTitle,
    MetricCpa,
    MetricCpc,
    MetricCpl,
    MetricLeadToCustomer,
    PeriodsTitle,
    RowBadDate,
    RowNoTime,
    ScorecardTitle,
    SiteAccent,
    SiteCtaText,
    SiteCtaUrl,
    SiteEvents,
    SiteHost,
    SitePresets,
    SiteThemeDark,
    ClvRetention,
    ColOperatingCost,
    DealsHint,
    LeadsHint,
    ClvDiscount,
    ColClicks,
    DealsTooLong,
    LeadsTooLong,
    ClvAcquisition,
    ColLeads,
    ClvServeCost,
    ColCustomers,
    ColMargin,
    ColRevenue,
    DealsNone,
    DealsStats,
    GapNoLeads,
    LeadsNone,
    /// The name of an input group.
    Group(Group),
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

/// A visible text of the leave-behind report's own (`report.html`): apart from
/// [`AppMsg`], so the full app links none of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum ReportMsg {
    AllDefaults,
    Back,
    PreparedBy,
    Print,
    PrintHint,
    Title,
    Date,
    Charts,
    NoBenefits,
    TopLines,
    Risk,
    Horizon,
    Summary,
    Input,
    Value,
    DefaultIfChanged,
    On,
    Off,
    Assumptions,
    ChangedNote,
    Flows,
    Gartner,
    Method,
    MethodFigures,
    MethodCosts,
    MethodTei,
    PaybackSentence,
    Qr,
    NoQr,
    LinkTitle,
    LinkHint,
}

/// A visible text of the risk ranges (issue 15), shown by the full app and the report:
/// apart from [`Msg`], so the visitor's calculator links none of them. `{0}`, `{1}`… are
/// filled by [`fill`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum RiskMsg {
    Waiting,
    Running,
    Done,
    Chance,
    TableCaption,
    Median,
    Mean,
    Never,
    Headline,
    ErrInputs,
    ErrTrials,
    ErrOverflow,
    ErrLowAboveLikely,
    ErrLikelyAboveHigh,
    ErrBelowMin,
    ErrAboveMax,
    ErrFixed,
    ChartHistogram,
    ChartHistogramAlt,
    ChartSCurve,
    ChartSCurveAlt,
    ChartContributions,
    ChartContributionsAlt,
    AxisTrials,
    AxisShare,
    AxisRho,
    MathPert,
    MathTriangular,
    MathQuantiles,
    MathIndependent,
    ReportTitle,
    ReportIntro,
    ReportTop,
    Rule,
}

/// A visible text of the calculator's risk panel only (the switch, the ranges, the
/// controls): apart from [`RiskMsg`], so the report links none of them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum RiskPanelMsg {
    Title,
    Hint,
    Switch,
    LegacyAside,
    Trials,
    Seed,
    Resimulate,
    RangesTitle,
    RangesHint,
    RangesCaption,
    Driver,
    Low,
    Likely,
    High,
    Shape,
    Pert,
    Triangular,
    Default,
    ResetRanges,
    LowAboveLikely,
    HighBelowLikely,
    MathTrials,
    MathContributions,
    CompareNpvRange,
    CompareChance,
    CompareOff,
    LineError,
}

/// Something with a text in each language: a [`Msg`], an [`AppMsg`] or a [`ReportMsg`].
pub trait Text: Copy + Send + Sync + 'static {
    /// The text in `lang`.
    fn text(self, lang: Lang) -> &'static str;
}

impl Text for Msg {
    fn text(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Es => es::text(self),
            Lang::En => en::text(self),
        }
    }
}

impl Text for AppMsg {
    fn text(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Es => es::app_text(self),
            Lang::En => en::app_text(self),
        }
    }
}

impl Text for RiskMsg {
    fn text(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Es => es::risk::risk_text(self),
            Lang::En => en::risk::risk_text(self),
        }
    }
}

impl Text for RiskPanelMsg {
    fn text(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Es => es::risk::risk_panel_text(self),
            Lang::En => en::risk::risk_panel_text(self),
        }
    }
}

impl Text for ReportMsg {
    fn text(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Es => es::report::report_text(self),
            Lang::En => en::report::report_text(self),
        }
    }
}

/// `template` with `{0}`, `{1}`… replaced by `args`, in one pass (an argument's own
/// text is never read as a placeholder); a placeholder with no argument is kept.
///
/// `{0|one|other}` is the plural form of a noun counted by argument 0: `one` when that
/// number, as written, is in CLDR's "one" category, else `other` ([`of_written`]):
/// `"{0} {0|año|años}"` gives "1 año", "21 años".
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out =
        String::with_capacity(template.len() + args.iter().map(|a| a.len()).sum::<usize>());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let digits = after.bytes().take_while(u8::is_ascii_digit).count();
        let index = after[..digits].bytes().try_fold(0usize, |n, d| {
            n.checked_mul(10)?.checked_add(usize::from(d - b'0'))
        });
        // Byte searches: `}` and `|` are ASCII, so every position is a char boundary.
        let close = after.bytes().position(|b| b == b'}').unwrap_or(0);
        let inner = after.get(digits..close).unwrap_or("{");
        match index.and_then(|i| args.get(i)) {
            Some(arg) if digits > 0 && (inner.is_empty() || inner.starts_with('|')) => {
                if inner.is_empty() {
                    out.push_str(arg);
                } else {
                    // "|one|other": the second bar splits them.
                    let forms = &inner[1..];
                    let bar = forms.bytes().position(|b| b == b'|').unwrap_or(forms.len());
                    out.push_str(match of_written(arg) {
                        Plural::One => &forms[..bar],
                        Plural::Other => forms.get(bar + 1..).unwrap_or(&forms[..bar]),
                    });
                }
                rest = &after[close + 1..];
            }
            _ => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}
