//! The customer screen's texts (`ui::customers`, `ui::rfm`): apart from
//! [`super::AppMsg`], so only the full app links them (the worker sends data, no text).

use super::{en, es, Lang, Text};
use crate::engine::rfm::{Role, Segment};

/// The customer screen's texts the page writes itself (the file picker, the progress):
/// apart from [`AppMsg`](super::AppMsg), so only the full app links them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum CustomersMsg {
    Title,
    Hint,
    ChooseFile,
    DropHere,
    PasteSummary,
    PasteLabel,
    PasteScore,
    Reading,
    Cancel,
    WinBackDone,
    WorkerFailed,
}

/// The rest of the customer screen: what the page shows of the worker's data (the
/// reading, the results, the win-back proposal), linked only by the customer screen's
/// lazily loaded part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum RfmMsg {
    Example,
    ExampleFailed,
    SegmentName(Segment),
    RoleName(Role),
    FileInfo,
    Pasted,
    Cancelled,
    MappingTitle,
    MappingHint,
    NoColumn,
    HasHeader,
    DateOrder,
    DayFirst,
    MonthFirst,
    Guessed,
    Decimal,
    DecimalPoint,
    DecimalComma,
    Reference,
    ReferenceHint,
    PreviewSummary,
    TopSegment,
    ExportCustomers,
    ExportSegments,
    WinBackTitle,
    WinBackHeld,
    WinBackShare,
    WinBackShareBad,
    WinBackProposal,
    WinBackMath,
    WinBackSame,
    WinBackApply,
    Summary,
    BasisInvoices,
    BasisDates,
    CleaningTitle,
    CleaningSummary,
    CleaningNone,
    CleaningCaption,
    Reason,
    Rows,
    Done,
    Examples,
    Line,
    Excluded,
    ReasonShort,
    ReasonNoCustomer,
    ReasonBadDate,
    ReasonBadAmount,
    ReasonCancelled,
    SegmentsTitle,
    SegmentsCaption,
    SegmentHead,
    Customers,
    CustomerShare,
    Revenue,
    RevenueShare,
    AvgRecency,
    AvgFrequency,
    AvgMonetary,
    BarsTitle,
    BarsAlt,
    HeatTitle,
    HeatHint,
    HeatCaption,
    TopCaption,
    TopEmpty,
    Customer,
    Recency,
    Frequency,
    Monetary,
    RuleTitle,
    RuleMeasures,
    RuleScores,
    RuleSegments,
    ThresholdsCaption,
    SqlTitle,
    SqlHint,
    PreviewCaption,
    ColumnN,
    ErrEmpty,
    ErrBinary,
    ErrNotUtf8,
    ErrTooLarge,
    ErrTooFewColumns,
    ErrMissingColumn,
    ErrNoRows,
    ErrNoValidRows,
    ErrRecordTooLong,
    ErrTooManyFields,
    ErrOverflow,
    ErrReference,
    ErrUnreadable,
}

impl Text for CustomersMsg {
    fn text(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Es => es::customers::customers_text(self),
            Lang::En => en::customers::customers_text(self),
        }
    }
}

impl Text for RfmMsg {
    fn text(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Es => es::customers::rfm_text(self),
            Lang::En => en::customers::rfm_text(self),
        }
    }
}
