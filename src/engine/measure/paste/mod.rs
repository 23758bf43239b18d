//! Periods pasted from a spreadsheet ([`parse_periods`]), in either shape:
//!
//! - **one row per period** ([`Layout::PeriodRows`]): a header row naming the columns
//!   (name, start, end, then any raw figures), then one row per period;
//! - **one row per figure** ([`Layout::FigureRows`]): the first column names the figure
//!   (or name, start, end), then one column per period; a first row whose first cell is
//!   not a figure gives the periods' names.
//!
//! Like the deals paste ([`deals`], whose cell splitting and date
//! reading this reuses, [`DateOrder`] included): columns split on tabs, else
//! semicolons, else commas (outside double quotes); cells trimmed of spaces and quotes;
//! blank lines ignored; at most 1 MiB and 100,000 lines read. Every line that cannot be
//! used is a [`PasteRow`] with its line number and the reason, and is skipped whole
//! (a period row with a bad cell adds no period; a figure row with a bad cell sets that
//! figure for no period); the rest is kept.
//!
//! **Headers** are matched by [`column_of`]: the figure's stored key
//! (`customers_start`), or its name in English or Spanish as the interface shows it
//! (`New customers`, `Clientes nuevos`), in any case, with or without accents, and with
//! anything in parentheses left out (`Promoters (NPS 9–10)` is `promoters`); name,
//! start and end as in [`HEADER_WORDS`]. In period rows, an unrecognised first column
//! is the name.
//!
//! **Numbers**: digits with an optional leading `-`, a decimal separator and
//! thousands separators, as spreadsheets copy them in English or Spanish: with both `.`
//! and `,`, the last one is the decimal separator (`1.234,5`, `1,234.5`); with one of
//! them several times, it groups thousands (`1.234.567`); once, followed by exactly
//! three digits and after 1–3 digits other than a lone 0, it groups thousands too
//! (`1.500` and `1,500` are 1500: figures are mostly counts), otherwise it is the
//! decimal separator (`12,5`, `0,125`). Spaces (also non-breaking) between digits, a
//! trailing `%` and a leading or trailing currency sign (`€ $ £`) are ignored. Each
//! value must then pass its figure's rule ([`Measure::rule`]).

mod headers;

pub use headers::{column_of, Column, HEADER_WORDS};

use super::figures::Measure;
use super::{Period, MAX_PERIODS};
use crate::engine::deals::{self, DateOrder};
use crate::units::{Problem, MAX_NAME_CHARS};
use rust_decimal::Decimal;
use std::str::FromStr;

/// A number as a spreadsheet copies it (see the module docs).
pub fn parse_number(cell: &str) -> Option<Decimal> {
    let text: String = cell
        .trim()
        .trim_end_matches('%')
        .trim_matches(|c: char| matches!(c, '€' | '$' | '£') || c.is_whitespace())
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.as_str()),
    };
    if digits.is_empty()
        || !digits
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return None;
    }
    let dots = digits.matches('.').count();
    let commas = digits.matches(',').count();
    let decimal = match (dots, commas) {
        (0, 0) => None,
        (_, 0) | (0, _) => {
            let sep = if dots > 0 { '.' } else { ',' };
            let count = dots.max(commas);
            let (whole, fraction) = digits.rsplit_once(sep)?;
            let grouping = count > 1
                || (fraction.len() == 3 && (1..=3).contains(&whole.len()) && whole != "0");
            (!grouping).then_some(sep)
        }
        _ => {
            let last_dot = digits.rfind('.')?;
            let last_comma = digits.rfind(',')?;
            Some(if last_dot > last_comma { '.' } else { ',' })
        }
    };
    let (whole, fraction) = match decimal {
        Some(sep) => digits.rsplit_once(sep)?,
        None => (digits, ""),
    };
    // Thousands groups: 1–3 digits first, then groups of exactly 3.
    let mut groups = whole.split(['.', ',']);
    let first = groups.next()?;
    let rest: Vec<&str> = groups.collect();
    let grouped_ok = (rest.is_empty() && !first.is_empty())
        || ((1..=3).contains(&first.len()) && rest.iter().all(|g| g.len() == 3));
    if !grouped_ok || fraction.contains(['.', ',']) || (decimal.is_some() && fraction.is_empty()) {
        return None;
    }
    let mut plain = String::with_capacity(digits.len().saturating_add(2));
    if negative {
        plain.push('-');
    }
    plain.push_str(first);
    for g in rest {
        plain.push_str(g);
    }
    if !fraction.is_empty() {
        plain.push('.');
        plain.push_str(fraction);
    }
    if plain.len() > 40 {
        return None;
    }
    Decimal::from_str(&plain).ok()
}

/// Which shape a paste was read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// A header row, then one row per period.
    PeriodRows,
    /// One row per figure, one column per period.
    FigureRows,
}

/// Why a pasted line was not used. Columns count from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasteProblem {
    /// The first line names no column this app knows, nor do the first cells of the
    /// other lines: the table cannot be read.
    NoHeader,
    /// This column's header (or, in figure rows, this row's first cell) is not a known
    /// figure, name, start or end; the column (row) is ignored.
    UnknownColumn(usize),
    /// The same figure (or name, start, end) a second time; ignored.
    DuplicateColumn(usize),
    /// Not a date.
    BadDate(usize),
    /// A period ends before it starts (in figure rows, the end row's column).
    EndBeforeStart(usize),
    /// Not a number.
    BadNumber(usize),
    /// A number its figure refuses (negative, too large, a fraction of a count).
    BadValue(usize, Problem),
    /// A name longer than [`MAX_NAME_CHARS`].
    NameTooLong(usize),
    /// More than [`MAX_PERIODS`] periods: the ones after are not read.
    TooManyPeriods,
}

/// A pasted line that was not used, or not all of it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PasteRow {
    /// Its line number in the pasted text, from 1 (blank lines count).
    pub line: usize,
    /// The line as pasted, without surrounding spaces (tabs kept).
    pub text: String,
    /// What is wrong with it.
    pub reason: PasteProblem,
}

/// The result of [`parse_periods`].
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PeriodsParse {
    /// The shape it was read in; `None` when it could not be read (or was blank).
    pub layout: Option<Layout>,
    /// The periods read, in the order of the text (names, dates and figures only).
    pub periods: Vec<Period>,
    /// The lines not used, with why, in the order of the text.
    pub bad: Vec<PasteRow>,
    /// Whether text beyond the size limits was left unread.
    pub truncated: bool,
}

/// One non-blank line and its cells.
struct Line<'a> {
    number: usize,
    text: &'a str,
    cells: Vec<&'a str>,
}

/// A cell's value for a column, or the problem (column `at`, from 1).
enum Cell {
    Name(String),
    Date(Option<chrono::NaiveDate>),
    Figure(Measure, Option<Decimal>),
}

fn read_cell(
    column: Column,
    cell: &str,
    at: usize,
    order: DateOrder,
) -> Result<Cell, PasteProblem> {
    let cell = cell.trim();
    match column {
        Column::Name if cell.chars().count() > MAX_NAME_CHARS => Err(PasteProblem::NameTooLong(at)),
        Column::Name => Ok(Cell::Name(cell.to_string())),
        Column::Start | Column::End if cell.is_empty() => Ok(Cell::Date(None)),
        Column::Start | Column::End => deals::parse_date(cell, order)
            .map(|d| Cell::Date(Some(d)))
            .ok_or(PasteProblem::BadDate(at)),
        Column::Figure(m) if cell.is_empty() => Ok(Cell::Figure(m, None)),
        Column::Figure(m) => {
            let value = parse_number(cell).ok_or(PasteProblem::BadNumber(at))?;
            m.rule()
                .check(value)
                .map_err(|p| PasteProblem::BadValue(at, p))?;
            Ok(Cell::Figure(m, Some(value)))
        }
    }
}

fn put(period: &mut Period, column: Column, cell: Cell) {
    match (cell, column) {
        (Cell::Name(name), _) => period.name = name,
        (Cell::Date(d), Column::Start) => period.start = d,
        (Cell::Date(d), _) => period.end = d,
        (Cell::Figure(m, v), _) => m.set(&mut period.values, v),
    }
}

/// Reads periods pasted from a spreadsheet, following the rules of the
/// [module documentation](self). Never fails: every line is used, blank, or a
/// [`PasteRow`].
pub fn parse_periods(text: &str, order: DateOrder) -> PeriodsParse {
    let (lines, truncated) = deals::pasted_lines(text, |number, raw| {
        // Leading tabs are kept: they are the empty corner of a figures table.
        let trimmed = raw.trim_matches(|c: char| c.is_whitespace() && c != '\t');
        Line {
            number,
            text: trimmed,
            cells: deals::split_cells(trimmed).1,
        }
    });
    let mut parse = PeriodsParse {
        truncated,
        ..PeriodsParse::default()
    };
    let Some(header) = lines.first() else {
        return parse;
    };
    let bad = |line: &Line<'_>, reason| PasteRow {
        line: line.number,
        text: line.text.to_owned(),
        reason,
    };
    let across = header
        .cells
        .iter()
        .skip(1)
        .filter(|c| column_of(c).is_some())
        .count();
    let down = lines
        .iter()
        .filter(|l| l.cells.first().is_some_and(|c| column_of(c).is_some()))
        .count();
    if across == 0 && down == 0 {
        parse.bad.push(bad(header, PasteProblem::NoHeader));
        return parse;
    }
    if across >= down {
        parse.layout = Some(Layout::PeriodRows);
        // The header's columns: known ones once each; an unknown first one is the name.
        let mut columns: Vec<Option<Column>> = Vec::with_capacity(header.cells.len());
        for (j, cell) in header.cells.iter().enumerate() {
            let at = j.saturating_add(1);
            let column = match column_of(cell) {
                None if j == 0 => Some(Column::Name),
                None if cell.is_empty() => None,
                None => {
                    parse.bad.push(bad(header, PasteProblem::UnknownColumn(at)));
                    None
                }
                Some(c) if columns.contains(&Some(c)) => {
                    parse
                        .bad
                        .push(bad(header, PasteProblem::DuplicateColumn(at)));
                    None
                }
                Some(c) => Some(c),
            };
            columns.push(column);
        }
        for line in lines.iter().skip(1) {
            if parse.periods.len() >= MAX_PERIODS {
                parse.bad.push(bad(line, PasteProblem::TooManyPeriods));
                continue;
            }
            let mut period = Period::default();
            let read = columns.iter().enumerate().try_for_each(|(j, column)| {
                let Some(column) = *column else { return Ok(()) };
                let cell = line.cells.get(j).copied().unwrap_or("");
                let value = read_cell(column, cell, j.saturating_add(1), order)?;
                put(&mut period, column, value);
                Ok(())
            });
            let end_at = columns
                .iter()
                .position(|c| *c == Some(Column::End))
                .map_or(0, |j| j.saturating_add(1));
            match read {
                Err(reason) => parse.bad.push(bad(line, reason)),
                Ok(()) if period.dates_reversed() => {
                    parse
                        .bad
                        .push(bad(line, PasteProblem::EndBeforeStart(end_at)));
                }
                Ok(()) => parse.periods.push(period),
            }
        }
        return parse;
    }

    parse.layout = Some(Layout::FigureRows);
    // A first line whose first cell is not a figure names the periods.
    let named = header.cells.first().is_none_or(|c| column_of(c).is_none());
    let rows: &[Line<'_>] = if named {
        lines.get(1..).unwrap_or(&[])
    } else {
        &lines
    };
    let mut count = if named {
        let mut names = header.cells.len().saturating_sub(1);
        while names > 0 && header.cells.get(names).is_some_and(|c| c.is_empty()) {
            names -= 1;
        }
        names
    } else {
        rows.iter()
            .map(|l| l.cells.len().saturating_sub(1))
            .max()
            .unwrap_or(0)
    };
    if count > MAX_PERIODS {
        parse.bad.push(bad(header, PasteProblem::TooManyPeriods));
        count = MAX_PERIODS;
    }
    parse.periods = vec![Period::default(); count];
    if named {
        for (k, period) in parse.periods.iter_mut().enumerate() {
            let cell = header.cells.get(k.saturating_add(1)).copied().unwrap_or("");
            match read_cell(Column::Name, cell, k.saturating_add(2), order) {
                Ok(Cell::Name(name)) => period.name = name,
                Ok(_) => {}
                Err(reason) => parse.bad.push(bad(header, reason)),
            }
        }
    }
    let mut seen: Vec<Column> = Vec::new();
    let mut end_line: Option<&Line<'_>> = None;
    for line in rows {
        let Some(column) = line.cells.first().and_then(|c| column_of(c)) else {
            parse.bad.push(bad(line, PasteProblem::UnknownColumn(1)));
            continue;
        };
        if seen.contains(&column) {
            parse.bad.push(bad(line, PasteProblem::DuplicateColumn(1)));
            continue;
        }
        seen.push(column);
        let read: Result<Vec<Cell>, PasteProblem> = (0..count)
            .map(|k| {
                let cell = line.cells.get(k.saturating_add(1)).copied().unwrap_or("");
                read_cell(column, cell, k.saturating_add(2), order)
            })
            .collect();
        match read {
            Err(reason) => parse.bad.push(bad(line, reason)),
            Ok(cells) => {
                for (period, cell) in parse.periods.iter_mut().zip(cells) {
                    put(period, column, cell);
                }
                if column == Column::End {
                    end_line = Some(line);
                }
            }
        }
    }
    // A period ending before it starts: the end row is reported and its dates dropped.
    if let Some(k) = parse.periods.iter().position(Period::dates_reversed) {
        if let Some(line) = end_line {
            parse
                .bad
                .push(bad(line, PasteProblem::EndBeforeStart(k.saturating_add(2))));
        }
        for period in &mut parse.periods {
            period.end = None;
        }
    }
    parse.bad.sort_by_key(|b| b.line);
    parse
}

/// The periods a measurement has once `pasted` ones are taken in: one per pasted
/// period, in the paste's order, each starting from what the period at the same
/// position had (`existing`), overwritten by what the paste gives: a name that is not
/// blank, a date, a figure. So a blank cell keeps what was entered, and the pastes of
/// deals and leads and the actual costs, which a table of periods does not carry, stay
/// with their period. Periods past the paste's are dropped (the screen offers undo).
pub fn merge_pasted(existing: &[Period], pasted: &[Period]) -> Vec<Period> {
    pasted
        .iter()
        .enumerate()
        .map(|(k, new)| {
            let mut period = existing.get(k).cloned().unwrap_or_default();
            if !new.name.is_empty() {
                period.name.clone_from(&new.name);
            }
            period.start = new.start.or(period.start);
            period.end = new.end.or(period.end);
            for &m in Measure::ALL {
                if let Some(v) = m.get(&new.values) {
                    m.set(&mut period.values, Some(v));
                }
            }
            period
        })
        .collect()
}
