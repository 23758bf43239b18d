//! The header cells of a pasted table of periods: which column (or, in figure rows,
//! which row) each one names, by the rules of the [paste module](super).

use crate::engine::measure::figures::Measure;

/// What a column (or, in figure rows, a row) of a pasted table holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// The period's name.
    Name,
    /// Its first day.
    Start,
    /// Its last day.
    End,
    /// A raw figure.
    Figure(Measure),
}

/// The words accepted for the name, start and end columns, in English and Spanish, as
/// [`column_of`] compares them (lower case, no accents).
pub const HEADER_WORDS: &[(&str, Column)] = &[
    ("name", Column::Name),
    ("period", Column::Name),
    ("nombre", Column::Name),
    ("periodo", Column::Name),
    ("start", Column::Start),
    ("from", Column::Start),
    ("start date", Column::Start),
    ("first day", Column::Start),
    ("inicio", Column::Start),
    ("desde", Column::Start),
    ("fecha de inicio", Column::Start),
    ("fecha inicio", Column::Start),
    ("end", Column::End),
    ("to", Column::End),
    ("until", Column::End),
    ("end date", Column::End),
    ("last day", Column::End),
    ("fin", Column::End),
    ("hasta", Column::End),
    ("fecha de fin", Column::End),
    ("fecha fin", Column::End),
];

/// Each figure's names as the interface shows them, English then Spanish (the same
/// texts as the i18n catalogue, which the engine may not depend on; a test keeps them
/// equal).
const FIGURE_NAMES: &[(Measure, &str, &str)] = &[
    (
        Measure::CustomersStart,
        "Customers at the start",
        "Clientes al inicio",
    ),
    (
        Measure::CustomersEnd,
        "Customers at the end",
        "Clientes al final",
    ),
    (Measure::CustomersNew, "New customers", "Clientes nuevos"),
    (
        Measure::Complaints,
        "Complaints received",
        "Quejas recibidas",
    ),
    (Measure::SurveysSent, "Surveys sent", "Encuestas enviadas"),
    (
        Measure::SurveyResponses,
        "Surveys answered",
        "Encuestas respondidas",
    ),
    (
        Measure::Satisfied,
        "Satisfied answers",
        "Respuestas satisfechas",
    ),
    (Measure::Promoters, "Promoters", "Promotores"),
    (Measure::Passives, "Passives", "Pasivos"),
    (Measure::Detractors, "Detractors", "Detractores"),
    (Measure::Revenue, "Revenue", "Ingresos"),
    (Measure::Orders, "Orders", "Pedidos"),
    (
        Measure::MarginPerCustomer,
        "Yearly gross margin per customer",
        "Margen bruto anual por cliente",
    ),
    (Measure::Leads, "Leads received", "Leads recibidos"),
    (Measure::WonDeals, "Deals won", "Tratos ganados"),
    (Measure::EmailsSent, "Emails sent", "Correos enviados"),
    (
        Measure::EmailsDelivered,
        "Emails delivered",
        "Correos entregados",
    ),
    (Measure::EmailsOpened, "Unique opens", "Aperturas únicas"),
    (Measure::EmailsClicked, "Unique clicks", "Clics únicos"),
    (Measure::Visits, "Website visits", "Visitas al sitio web"),
    (
        Measure::MinutesOnSite,
        "Total minutes on site",
        "Minutos totales en el sitio",
    ),
    (
        Measure::Downloads,
        "Content downloads",
        "Descargas de contenido",
    ),
    (
        Measure::Records,
        "Records in the CRM",
        "Registros en el CRM",
    ),
    (
        Measure::BadRecords,
        "Incorrect or incomplete records",
        "Registros incorrectos o incompletos",
    ),
    (
        Measure::MarketingSpend,
        "Marketing and sales spend",
        "Inversión en marketing y ventas",
    ),
    (Measure::AdClicks, "Paid clicks", "Clics pagados"),
    (
        Measure::MarketingProfit,
        "Gross profit from marketing",
        "Beneficio bruto atribuido al marketing",
    ),
    (
        Measure::ResponseHours,
        "Hours to first response",
        "Horas hasta la primera respuesta",
    ),
    (Measure::Tickets, "Tickets resolved", "Tickets resueltos"),
    (
        Measure::ResolutionHours,
        "Hours to resolve",
        "Horas de resolución",
    ),
    (
        Measure::Interactions,
        "Customer interactions",
        "Interacciones con clientes",
    ),
    (
        Measure::Predictions,
        "AI predictions checked",
        "Predicciones de la IA comprobadas",
    ),
    (
        Measure::CorrectPredictions,
        "Correct predictions",
        "Predicciones acertadas",
    ),
];

/// `text` lower case, without accents, without anything in parentheses, with `_` and
/// `-` as spaces and runs of spaces as one.
fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' => depth = depth.saturating_add(1),
            ')' => depth = depth.saturating_sub(1),
            _ if depth > 0 => {}
            '_' | '-' => out.push(' '),
            c => {
                for lower in c.to_lowercase() {
                    out.push(match lower {
                        'á' | 'à' | 'ä' | 'â' => 'a',
                        'é' | 'è' | 'ë' | 'ê' => 'e',
                        'í' | 'ì' | 'ï' | 'î' => 'i',
                        'ó' | 'ò' | 'ö' | 'ô' => 'o',
                        'ú' | 'ù' | 'ü' | 'û' => 'u',
                        'ñ' => 'n',
                        other => other,
                    });
                }
            }
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What a header cell names (see the module docs), if anything.
pub fn column_of(cell: &str) -> Option<Column> {
    let key = normalise(cell);
    if key.is_empty() {
        return None;
    }
    if let Some(&(_, column)) = HEADER_WORDS.iter().find(|(word, _)| *word == key) {
        return Some(column);
    }
    Measure::ALL
        .iter()
        .find(|m| normalise(m.key()) == key)
        .or_else(|| {
            FIGURE_NAMES
                .iter()
                .find(|(_, en, es)| normalise(en) == key || normalise(es) == key)
                .map(|(m, _, _)| m)
        })
        .map(|&m| Column::Figure(m))
}
