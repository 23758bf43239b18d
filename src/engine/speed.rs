//! Speed to lead: how fast new leads get a first response, from pasted rows of
//! (lead created, first response) date-times, e.g. two columns of a CRM export.
//!
//! Article 004 (Convertia, "Cómo mejorar el ROI con tecnología") names the response time
//! to hot leads among the KPIs that move the ROI, and asks for an immediate answer; see
//! [`FAST_RESPONSE_SECONDS`] for the figure it cites.
//!
//! [`parse_leads`] reads the text like [`deals::parse_deals`] reads deals, and
//! [`speed_stats`] summarises the good rows.
//!
//! # What a line may look like
//!
//! - **Columns** as for deals: tabs, else semicolons, else commas, else runs of spaces
//!   (outside double quotes); cells are trimmed of spaces and quotes.
//! - **Date-times**: a date in any format [`deals::parse_date`] accepts, then a space or
//!   a `T`, then a time of day `H:MM` or `H:MM:SS` (24-hour; or 12-hour followed by `AM`
//!   or `PM`), optionally followed by `Z`: `2025-03-14 09:05`, `2025-03-14T09:05:30Z`,
//!   `14/03/2025 9:05`, `3/14/2025 9:05 PM`. A date without a time is refused
//!   ([`LeadProblem::MissingTime`]): minutes matter here. Time-zone offsets and fractions
//!   of a second are not read (the cell is a bad date-time).
//! - **Which columns**: the lead's creation, then its first response; further columns are
//!   ignored. When more rows have a date in the second cell but not in the first (a name
//!   or an id first) than a date in the first, the date-times are read from the second
//!   and third columns of every row. The choice is made once for the whole text.
//! - **No response yet**: an empty or missing response cell is a lead not answered yet;
//!   it counts as a lead, not as an error.
//! - **Blank lines** are ignored; the **first non-blank line is a header**, and skipped,
//!   when no cell of it is a date and both its date-time columns contain letters.
//!
//! A response at the very moment of creation is fine (0 seconds); one before it is a
//! [`BadRow`]. The size limits are those of deals ([`MAX_INPUT_BYTES`], [`MAX_LINES`]).

use super::deals::{self, DateOrder};
use super::kpi::KpiError;
use super::money;
use chrono::{NaiveDateTime, NaiveTime};
use rust_decimal::Decimal;

/// The most bytes of pasted text [`parse_leads`] reads (1 MiB, as for deals).
pub const MAX_INPUT_BYTES: usize = deals::MAX_INPUT_BYTES;

/// The most lines [`parse_leads`] reads, blank lines included (as for deals).
pub const MAX_LINES: usize = deals::MAX_LINES;

/// Five minutes, in seconds: a response within it (`response − created ≤ 300 s`) counts
/// in [`SpeedStats::within_five_minutes`].
///
/// Context only, not an input of any formula: article 004 cites a Harvard Business Review
/// report, "si se contacta al lead 5 minutos después de que dejó sus datos, hay 10 veces
/// menos posibilidades de cerrar la compra" (a lead contacted 5 minutes after leaving
/// their details is 10 times less likely to buy).
pub const FAST_RESPONSE_SECONDS: i64 = 300;

/// One lead: when it came in and when it was first answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Lead {
    /// When the lead was created (left their details).
    pub created: NaiveDateTime,
    /// The first response; `None` when not answered yet.
    pub responded: Option<NaiveDateTime>,
}

impl Lead {
    /// Seconds from creation to the first response; `None` when not answered yet.
    /// Negative when the response is before the creation (never from [`parse_leads`]).
    pub fn response_seconds(&self) -> Option<i64> {
        self.responded
            .map(|r| r.signed_duration_since(self.created).num_seconds())
    }
}

/// Why a pasted line is not a lead.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum LeadProblem {
    /// No creation column: a line with only the leading name column.
    #[default]
    WrongColumnCount,
    /// Not a date-time: 1 for the creation, 2 for the response (with a leading name
    /// column, the second and third columns of the line). When both are bad, the
    /// creation is reported.
    BadDateTime(usize),
    /// A date without a time of day (1 for the creation, 2 for the response).
    MissingTime(usize),
    /// The first response is before the lead was created.
    RespondedBeforeCreated,
}

/// A pasted line that is not a lead (the same shape as [`deals::BadRow`]).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BadRow {
    /// Its line number in the pasted text, from 1 (blank lines count).
    pub line: usize,
    /// The line as pasted, without surrounding spaces.
    pub text: String,
    /// What is wrong with it.
    pub reason: LeadProblem,
}

/// The result of [`parse_leads`]: the good rows and the bad ones.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct LeadsParse {
    /// Every good row, in the order of the text; a response is never before its lead.
    pub leads: Vec<Lead>,
    /// The lines that are not leads, in the order of the text (blank lines and a header
    /// are not listed).
    pub bad: Vec<BadRow>,
    /// Whether text beyond [`MAX_INPUT_BYTES`] or [`MAX_LINES`] was left unread.
    pub truncated: bool,
}

/// The speed to lead of a set of leads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SpeedStats {
    /// Leads read (the good rows), answered or not.
    pub leads: usize,
    /// Leads with a first response.
    pub answered: usize,
    /// Leads not answered yet.
    pub unanswered: usize,
    /// Leads answered within [`FAST_RESPONSE_SECONDS`] (at most 300 s after creation).
    pub within_five_minutes: usize,
    /// `within five minutes ÷ leads × 100`, in percent of **all** leads: a lead not
    /// answered yet was not answered within five minutes.
    pub within_five_minutes_pct: Decimal,
    /// Median minutes from creation to first response of the answered leads (for an
    /// even count, the mean of the two middle values); `None` when none was answered.
    pub median_minutes: Option<Decimal>,
}

/// The speed to lead of `leads`: counts, the share answered within five minutes and the
/// median response time (see [`SpeedStats`]).
///
/// Errors: no leads → [`KpiError::Empty`]; a response before its lead →
/// [`KpiError::EndBeforeStart`] (never for the leads of [`parse_leads`]).
pub fn speed_stats(leads: &[Lead]) -> Result<SpeedStats, KpiError> {
    if leads.is_empty() {
        return Err(KpiError::Empty);
    }
    let mut seconds: Vec<i64> = leads.iter().filter_map(Lead::response_seconds).collect();
    if seconds.iter().any(|&s| s < 0) {
        return Err(KpiError::EndBeforeStart);
    }
    seconds.sort_unstable();
    let count = leads.len();
    let answered = seconds.len();
    let within = seconds
        .iter()
        .filter(|&&s| s <= FAST_RESPONSE_SECONDS)
        .count();
    let within_five_minutes_pct = money::div(
        money::mul(Decimal::from(within), Decimal::ONE_HUNDRED)?,
        Decimal::from(count),
    )?;

    let middle = answered / 2;
    let median_minutes = match (seconds.get(middle), middle.checked_sub(1)) {
        (None, _) => None,
        (Some(&upper), _) if answered % 2 == 1 => {
            Some(money::div(Decimal::from(upper), Decimal::from(60))?)
        }
        (Some(&upper), lower) => {
            let lower = lower
                .and_then(|i| seconds.get(i))
                .copied()
                .ok_or(KpiError::Empty)?;
            // (lower + upper) ÷ 2 seconds, in minutes: one division, by 120.
            let sum = money::add(Decimal::from(lower), Decimal::from(upper))?;
            Some(money::div(sum, Decimal::from(120))?)
        }
    };

    Ok(SpeedStats {
        leads: count,
        answered,
        unanswered: count - answered,
        within_five_minutes: within,
        within_five_minutes_pct,
        median_minutes,
    })
}

/// A time of day as the [module documentation](self) describes: `H:MM` or `H:MM:SS`,
/// 24-hour or 12-hour with `AM`/`PM`, optionally followed by `Z`.
fn parse_time(text: &str) -> Option<NaiveTime> {
    let lower = text.trim().to_ascii_lowercase();
    let (core, pm) = if let Some(core) = lower.strip_suffix("am") {
        (core.trim_end(), Some(false))
    } else if let Some(core) = lower.strip_suffix("pm") {
        (core.trim_end(), Some(true))
    } else {
        (lower.strip_suffix('z').unwrap_or(&lower), None)
    };
    let digits = |s: &str, lengths: std::ops::RangeInclusive<usize>| {
        (lengths.contains(&s.len()) && s.bytes().all(|b| b.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    let mut parts = core.split(':');
    let hour = digits(parts.next()?, 1..=2)?;
    let minute = digits(parts.next()?, 2..=2)?;
    let second = match parts.next() {
        Some(s) => digits(s, 2..=2)?,
        None => 0,
    };
    if parts.next().is_some() {
        return None;
    }
    let hour = match pm {
        None => hour,
        Some(_) if !(1..=12).contains(&hour) => return None,
        Some(false) => hour % 12,
        Some(true) => hour % 12 + 12,
    };
    NaiveTime::from_hms_opt(hour, minute, second)
}

/// What one cell holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Cell {
    /// Nothing.
    Empty,
    /// A date and a time of day.
    Moment(NaiveDateTime),
    /// A date without a time of day.
    DateOnly,
    /// Anything else.
    Bad,
}

impl Cell {
    fn read(cell: &str, order: DateOrder) -> Cell {
        let cell = deals::clean(cell);
        if cell.is_empty() {
            return Cell::Empty;
        }
        let Some(at) = cell.find(|c: char| c.is_whitespace() || c == 'T' || c == 't') else {
            return match deals::parse_date(cell, order) {
                Some(_) => Cell::DateOnly,
                None => Cell::Bad,
            };
        };
        let (date, time) = cell.split_at(at);
        let time = time.trim_start_matches(|c: char| c.is_whitespace() || c == 'T' || c == 't');
        match (deals::parse_date(date, order), parse_time(time)) {
            (Some(date), Some(time)) => Cell::Moment(date.and_time(time)),
            _ => Cell::Bad,
        }
    }

    fn is_date(self) -> bool {
        matches!(self, Cell::Moment(_) | Cell::DateOnly)
    }
}

/// Whether `text` is a time of day or an `AM`/`PM` standing alone, which belongs to the
/// date before it when columns are split on spaces.
fn is_time_part(text: &str) -> bool {
    parse_time(text).is_some() || deals::is_meridiem(text)
}

/// The cells of a line, as for deals, except that without a separator a time of day
/// standing alone is joined to the cell before it (`2025-03-14 10:30` is one cell).
fn cells(line: &str) -> Vec<String> {
    let (separator, split) = deals::split_cells(line);
    if separator.is_some() {
        return split.into_iter().map(str::to_owned).collect();
    }
    let mut out: Vec<String> = Vec::new();
    for cell in split.into_iter().filter(|c| !c.is_empty()) {
        match out.last_mut() {
            Some(last) if is_time_part(cell) => {
                last.push(' ');
                last.push_str(cell);
            }
            _ => out.push(cell.to_owned()),
        }
    }
    out
}

/// One non-blank line, split and read.
struct Line<'a> {
    /// Line number, from 1.
    number: usize,
    /// The line without surrounding spaces.
    text: &'a str,
    /// The first three cells (fewer when the line has fewer).
    cells: Vec<Cell>,
    /// Whether each of the first three cells contains a letter.
    letters: [bool; 3],
    /// Whether any cell of the line is a date.
    any_date: bool,
}

impl<'a> Line<'a> {
    fn read(number: usize, text: &'a str, order: DateOrder) -> Self {
        let raw = cells(text);
        let read: Vec<Cell> = raw.iter().map(|c| Cell::read(c, order)).collect();
        let letter_at = |i: usize| {
            raw.get(i)
                .is_some_and(|cell| cell.chars().any(char::is_alphabetic))
        };
        Line {
            number,
            text,
            any_date: read.iter().any(|c| c.is_date()),
            cells: read.into_iter().take(3).collect(),
            letters: [letter_at(0), letter_at(1), letter_at(2)],
        }
    }

    fn cell(&self, index: usize) -> Option<Cell> {
        self.cells.get(index).copied()
    }

    /// Where this line's dates start: column 0 when the first cell is a date, column 1
    /// when only the second is (after a name), `None` otherwise.
    fn dates_from(&self) -> Option<usize> {
        let date_at = |i: usize| self.cell(i).is_some_and(Cell::is_date);
        if date_at(0) {
            Some(0)
        } else if date_at(1) {
            Some(1)
        } else {
            None
        }
    }

    /// Whether this line, if it is the first, is a header for columns starting at `first`.
    fn is_header(&self, first: usize) -> bool {
        let letter = |i: usize| self.letters.get(i).copied().unwrap_or(false);
        !self.any_date && letter(first) && letter(first + 1)
    }

    /// The lead on this line, with its creation at column `first` (0-based).
    fn lead(&self, first: usize) -> Result<Lead, LeadProblem> {
        let created = match self.cell(first) {
            None => return Err(LeadProblem::WrongColumnCount),
            Some(Cell::Moment(at)) => at,
            Some(Cell::DateOnly) => return Err(LeadProblem::MissingTime(1)),
            Some(Cell::Empty | Cell::Bad) => return Err(LeadProblem::BadDateTime(1)),
        };
        let responded = match self.cell(first + 1) {
            None | Some(Cell::Empty) => None,
            Some(Cell::Moment(at)) => Some(at),
            Some(Cell::DateOnly) => return Err(LeadProblem::MissingTime(2)),
            Some(Cell::Bad) => return Err(LeadProblem::BadDateTime(2)),
        };
        if responded.is_some_and(|r| r < created) {
            return Err(LeadProblem::RespondedBeforeCreated);
        }
        Ok(Lead { created, responded })
    }
}

/// Reads pasted rows of (lead created, first response), following the rules of the
/// [module documentation](self). Never fails: every line is a lead, a [`BadRow`], blank,
/// or the header.
pub fn parse_leads(text: &str, order: DateOrder) -> LeadsParse {
    let (lines, truncated) =
        deals::pasted_lines(text, |number, raw| Line::read(number, raw.trim(), order));

    // The creation in the first column, or after a leading name column if more rows say so.
    let at_start = lines.iter().filter(|l| l.dates_from() == Some(0)).count();
    let after_name = lines.iter().filter(|l| l.dates_from() == Some(1)).count();
    let first = usize::from(after_name > at_start);

    let skip = usize::from(lines.first().is_some_and(|l| l.is_header(first)));

    let mut parse = LeadsParse {
        truncated,
        ..LeadsParse::default()
    };
    for line in lines.iter().skip(skip) {
        match line.lead(first) {
            Ok(lead) => parse.leads.push(lead),
            Err(reason) => parse.bad.push(BadRow {
                line: line.number,
                text: line.text.to_owned(),
                reason,
            }),
        }
    }
    parse
}

/// One cell as a date-time (see the [module documentation](self)), ignoring surrounding
/// spaces and quotes; `None` when it is not one, including a date without a time of day.
pub fn parse_date_time(cell: &str, order: DateOrder) -> Option<NaiveDateTime> {
    match Cell::read(cell, order) {
        Cell::Moment(at) => Some(at),
        _ => None,
    }
}
