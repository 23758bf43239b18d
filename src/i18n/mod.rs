//! Spanish and English: the message catalogue and number parsing.
//!
//! Every visible string lives here, each message with both languages side by side, so a
//! missing translation is a compile error. Numbers are formatted by the browser's `Intl`
//! (see `ui::format`) and read back by [`parse_number`].

mod measure;
mod parse;

pub use measure::{kpi_group_label, kpi_label, measure_label};
pub use parse::{parse_number, ParseError};

use crate::engine::model::{BenefitLine, CostLine, Field, Group};
use serde::{Deserialize, Serialize};

/// The app's languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Lang {
    /// Español (the default: most users speak Spanish).
    #[default]
    Es,
    /// English.
    En,
}

impl Lang {
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

    /// Picks the text for this language.
    pub fn pick(self, es: &'static str, en: &'static str) -> &'static str {
        match self {
            Lang::Es => es,
            Lang::En => en,
        }
    }
}

macro_rules! catalogue {
    ($( $key:ident => $es:expr, $en:expr; )*) => {
        /// A visible message. `{0}`, `{1}`… are filled by [`fill`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[allow(missing_docs)]
        pub enum Msg { $( $key, )* }

        impl Msg {
            /// The message in `lang`.
            pub fn text(self, lang: Lang) -> &'static str {
                match self { $( Msg::$key => lang.pick($es, $en), )* }
            }
        }
    };
}

catalogue! {
    AppTagline => "¿Se paga solo tu CRM? Calcula su ROI en minutos.", "Does your CRM pay for itself? Work out its ROI in minutes.";
    Language => "Idioma", "Language";
    Currency => "Moneda", "Currency";
    Privacy => "Todo se calcula en tu navegador: ningún dato sale de esta página.", "Everything is computed in your browser: no data leaves this page.";
    SkipToResults => "Saltar a los resultados", "Skip to results";
    WhatIf => "¿Y si…?", "What if…?";
    WhatIfHint => "Mueve un control y mira cómo cambian los resultados.", "Move a control and watch the results change.";
    Inputs => "Datos de partida", "Your figures";
    Results => "Resultados", "Results";
    ResetDefaults => "Restablecer valores", "Reset to defaults";
    ResetDone => "Valores restablecidos.", "Defaults restored.";
    Include => "Incluir", "Include";
    LineOff => "Línea desactivada: no suma al resultado.", "Line switched off: it adds nothing.";
    Roi => "ROI", "ROI";
    RoiSub => "sobre valores actuales", "on present values";
    Npv => "VAN", "NPV";
    NpvSub => "valor actual neto", "net present value";
    Payback => "Recuperación", "Payback";
    PaybackDiscounted => "descontada: {0}", "discounted: {0}";
    Irr => "TIR", "IRR";
    IrrSub => "tasa interna de retorno", "internal rate of return";
    PvBenefits => "Beneficios (valor actual)", "Benefits (present value)";
    PvCosts => "Costes (valor actual)", "Costs (present value)";
    Tco => "Coste total por usuario (3 años)", "Total cost per user (3 years)";
    GartnerBand => "Gartner sitúa el coste de un CRM entre 15.000 y 30.000 US$ por usuario en tres años.", "Gartner puts a CRM's cost at US$15,000–30,000 per user over three years.";
    GartnerBelow => "Por debajo de la referencia de Gartner.", "Below Gartner's reference band.";
    GartnerWithin => "Dentro de la referencia de Gartner.", "Within Gartner's reference band.";
    GartnerAbove => "Por encima de la referencia de Gartner.", "Above Gartner's reference band.";
    GartnerNotUsd => "La banda está en dólares y no se convierte: compárala con tu tipo de cambio.", "The band is in US dollars and is not converted: compare at your exchange rate.";
    Months => "{0} meses", "{0} months";
    Never => "No en el horizonte", "Not within horizon";
    NoIrr => "No existe", "None";
    NoRoi => "Sin costes", "No costs";
    ShowMath => "Ver el cálculo", "Show the math";
    MathRoi => "ROI = (beneficios VA − costes VA) ÷ costes VA", "ROI = (PV benefits − PV costs) ÷ PV costs";
    MathNpv => "VAN = Σ flujo neto del año t ÷ (1 + {0})^t, con el año inicial sin descontar", "NPV = Σ net flow of year t ÷ (1 + {0})^t, the initial year undiscounted";
    MathPayback => "Meses hasta que el flujo acumulado llega a cero: {0} años completos + {1} ÷ {2} del año siguiente", "Months until the cumulative flow reaches zero: {0} full years + {1} ÷ {2} of the next year";
    MathPaybackNever => "El flujo acumulado sigue negativo al final del horizonte: {0}.", "The cumulative flow is still negative at the end of the horizon: {0}.";
    MathPaybackZero => "El flujo acumulado nunca es negativo: recuperación inmediata.", "The cumulative flow is never negative: immediate payback.";
    MathIrr => "La TIR es la tasa que hace VAN = 0 para los flujos netos {0}.", "The IRR is the rate that makes NPV = 0 for the net flows {0}.";
    MathIrrNone => "Sin cambio de signo en los flujos netos, ninguna tasa los anula.", "Without a sign change in the net flows, no rate makes them net to zero.";
    MathPv => "Suma de cada año × factor de descuento 1 ÷ (1 + {0})^t", "Sum of each year × discount factor 1 ÷ (1 + {0})^t";
    MathTco => "TCO por usuario = costes de los años 0 a 3 ÷ licencias = {0} ÷ {1}", "TCO per user = costs of years 0 to 3 ÷ seats = {0} ÷ {1}";
    LiveSummary => "ROI {0}, VAN {1}, recuperación {2}.", "ROI {0}, NPV {1}, payback {2}.";
    Year => "Año", "Year";
    Initial => "Inicial", "Initial";
    YearN => "Año {0}", "Year {0}";
    Total => "Total", "Total";
    PresentValue => "Valor actual", "Present value";
    Costs => "Costes", "Costs";
    Benefits => "Beneficios", "Benefits";
    Net => "Neto", "Net";
    Cumulative => "Acumulado", "Cumulative";
    DiscountedNet => "Neto descontado", "Discounted net";
    CashFlowTable => "Flujo de caja año a año", "Year-by-year cash flow";
    CashFlowCaption => "Importes nominales; el valor actual descuenta cada año a la tasa elegida.", "Nominal amounts; present value discounts each year at the chosen rate.";
    ChartCumulative => "Flujo de caja neto acumulado", "Cumulative net cash flow";
    ChartCumulativeAlt => "Flujo acumulado por año: {0}.", "Cumulative flow by year: {0}.";
    BreakEvenPoint => "Punto de equilibrio", "Break-even point";
    ChartCostsBenefits => "Costes y beneficios por año", "Costs and benefits by year";
    ChartCostsBenefitsAlt => "Costes y beneficios por año: {0}.", "Costs and benefits by year: {0}.";
    ChartTornado => "Qué pesa más en el VAN (±20 %)", "What weighs most on NPV (±20 %)";
    ChartTornadoAlt => "VAN con cada variable un 20 % menor y mayor: {0}.", "NPV with each driver 20 % lower and higher: {0}.";
    TornadoLow => "−20 %", "−20 %";
    TornadoHigh => "+20 %", "+20 %";
    AxisYear => "Año", "Year";
    AxisAmount => "Importe ({0})", "Amount ({0})";
    AxisNpv => "VAN ({0})", "NPV ({0})";
    BreakEven => "Punto de equilibrio", "Break-even";
    BreakEvenHint => "Elige una variable: ¿con qué valor el VAN es cero, con todo lo demás igual?", "Pick a driver: at what value is NPV zero, all else unchanged?";
    BreakEvenDriver => "Variable", "Driver";
    BreakEvenAt => "El VAN es cero con {0} = {1} (ahora: {2}).", "NPV is zero at {0} = {1} (now: {2}).";
    BreakEvenNone => "El VAN no llega a cero en todo el rango de {0}.", "NPV does not reach zero anywhere in the range of {0}.";
    ErrEmpty => "Escribe un número.", "Enter a number.";
    ErrNotANumber => "No es un número válido.", "Not a valid number.";
    ErrBelowMin => "El mínimo es {0}.", "The minimum is {0}.";
    ErrAboveMax => "El máximo es {0}.", "The maximum is {0}.";
    ErrNotWhole => "Debe ser un número entero.", "Must be a whole number.";
    ErrKeptLast => "Los resultados usan el último valor válido.", "Results use the last valid value.";
    ErrOverflow => "Las cifras son demasiado grandes para calcularlas con exactitud.", "The figures are too large to compute exactly.";
    Sources => "Basado en artículos sobre cómo medir el ROI y los KPI de un CRM.", "Based on articles on measuring CRM ROI and KPIs.";
    PerMonthSeat => "por licencia y mes", "per seat per month";
    UnitPercent => "%", "%";
    UnitHours => "h", "h";
    UnitMinutes => "min", "min";
    UnitDays => "días", "days";
    UnitWeeks => "semanas", "weeks";
    UnitYears => "años", "years";
    GroupCompany => "Empresa y equipo", "Company and team";
    GroupCosts => "Costes del CRM", "CRM costs";
    GroupBenefits => "Beneficios", "Benefits";
    GroupAssumptions => "Supuestos", "Assumptions";
    CostOneTime => "Implantación (única vez)", "Implementation (one-time)";
    CostLicences => "Licencias e IA", "Licences and AI";
    CostMaintenance => "Mantenimiento", "Maintenance";
    CostTraining => "Formación continua", "Continuous training";
    CostStaff => "Tiempo del personal", "Staff time";
    CostContingency => "Contingencia", "Contingency";
    NavCalculator => "Calculadora", "Calculator";
    NavScenarios => "Escenarios", "Scenarios";
    NavLabel => "Secciones", "Sections";
    Scenario => "Escenario", "Scenario";
    ScenarioName => "Nombre del escenario", "Scenario name";
    ScenarioCompany => "Cliente o empresa", "Prospect or company";
    ScenarioNotes => "Notas", "Notes";
    Untitled => "Sin nombre", "Untitled";
    Save => "Guardar", "Save";
    SaveAsNew => "Guardar como nuevo", "Save as new";
    Saved => "Guardado «{0}».", "Saved “{0}”.";
    CopyLink => "Copiar enlace", "Copy link";
    LinkCopied => "Enlace copiado ({0} caracteres). Los datos van en el propio enlace, tras el #: no pasan por ningún servidor.", "Link copied ({0} characters). The data travels in the link itself, after the #: no server sees it.";
    LinkManual => "Copia este enlace:", "Copy this link:";
    ViewingLink => "Estás viendo un escenario compartido. Tus escenarios no se han tocado.", "You are viewing a shared scenario. Your own scenarios are untouched.";
    KeepLink => "Guardarlo como nuevo", "Save it as new";
    BackToMine => "Volver a mi escenario", "Back to my scenario";
    LinkBad => "Este enlace está dañado o incompleto; seguimos con tus datos.", "This link is damaged or incomplete; carrying on with your own data.";
    LinkTooLong => "Este enlace es demasiado largo para ser de Retorno; seguimos con tus datos.", "This link is too long to be a Retorno link; carrying on with your own data.";
    LinkFuture => "Este enlace es de una versión más nueva de Retorno; seguimos con tus datos.", "This link comes from a newer version of Retorno; carrying on with your own data.";
    LinkInvalid => "Este enlace trae valores fuera de rango; seguimos con tus datos.", "This link carries values out of range; carrying on with your own data.";
    MovedAside => "Había datos guardados ilegibles; se han apartado en «{0}» y la app sigue.", "Some stored data could not be read; it was kept aside as “{0}” and the app carries on.";
    QuotaFull => "El almacenamiento del navegador está lleno: los cambios se conservan solo mientras la página esté abierta. Exporta tus escenarios.", "The browser's storage is full: changes are kept only while this page is open. Export your scenarios.";
    StorageOff => "El navegador no permite guardar datos aquí: la app funciona en memoria y nada se conserva al cerrar. Exporta tus escenarios.", "This browser does not allow storage here: the app works in memory and nothing is kept on close. Export your scenarios.";
    Dismiss => "Cerrar aviso", "Dismiss";
    Library => "Mis escenarios", "My scenarios";
    LibraryEmpty => "Aún no hay escenarios guardados. Usa «Guardar» en la calculadora o crea variantes.", "No saved scenarios yet. Use “Save” in the calculator or create variants.";
    Updated => "Modificado", "Changed";
    Open => "Abrir", "Open";
    Rename => "Renombrar", "Rename";
    Duplicate => "Duplicar", "Duplicate";
    Delete => "Eliminar", "Delete";
    Deleted => "Eliminado «{0}».", "Deleted “{0}”.";
    Undo => "Deshacer", "Undo";
    CopyOf => "{0} (copia)", "{0} (copy)";
    Compare => "Comparar", "Compare";
    CompareHint => "Marca de 2 a 4 escenarios para verlos lado a lado. Se resaltan los datos que difieren.", "Tick 2 to 4 scenarios to see them side by side. Inputs that differ are highlighted.";
    CompareTitle => "Comparación", "Comparison";
    Variants => "Variantes", "Variants";
    VariantsHint => "Crea tres escenarios a partir del actual: las mejoras esperadas (conversión, abandono, tamaño del trato, horas y minutos ahorrados, coste por adquisición, días de ciclo) se reducen a la mitad en el conservador y suben un 50 % en el optimista; el conservador suma 10 puntos de contingencia.", "Creates three scenarios from the current one: the expected improvements (conversion, churn, deal size, hours and minutes saved, cost per acquisition, cycle days) are halved in the conservative one and raised by 50 % in the optimistic one; the conservative one adds 10 points of contingency.";
    MakeVariants => "Crear variantes", "Create variants";
    Conservative => "conservador", "conservative";
    Expected => "esperado", "expected";
    Optimistic => "optimista", "optimistic";
    VariantsMade => "Creados tres escenarios: conservador, esperado y optimista.", "Created three scenarios: conservative, expected and optimistic.";
    ExportImport => "Exportar e importar", "Export and import";
    ExportCurrent => "Exportar el actual (JSON)", "Export current (JSON)";
    ExportAll => "Exportar todos (JSON)", "Export all (JSON)";
    Import => "Importar JSON", "Import JSON";
    Imported => "Importados {0} escenarios.", "Imported {0} scenarios.";
    ImportedRenamed => "«{0}» ya existía: importado como «{1}».", "“{0}” already existed: imported as “{1}”.";
    ImportBad => "No se pudo importar el archivo: no es un archivo de escenarios de Retorno válido ({0}).", "Could not import the file: it is not a valid Retorno scenarios file ({0}).";
    WhyTooLarge => "el archivo es demasiado grande", "the file is too large";
    WhySyntax => "no es JSON", "it is not JSON";
    WhyNotScenario => "no contiene escenarios de Retorno", "it holds no Retorno scenarios";
    WhyFuture => "es de una versión más nueva de Retorno", "it comes from a newer version of Retorno";
    WhyInvalid => "trae valores fuera de rango o textos demasiado largos", "it has values out of range or texts too long";
    WhyEmpty => "no tiene ningún escenario", "it has no scenarios";
    WhyInScenario => "escenario {0} «{1}»: {2}", "scenario {0} “{1}”: {2}";
    Current => "Actual", "Current";
    Currency2 => "Moneda", "Currency";
    LinesOn => "Líneas de beneficio", "Benefit lines";
    NewerElsewhere => "Otra pestaña guardó una versión más reciente de «{0}»; se muestra esa.", "Another tab saved a newer version of “{0}”; showing that one.";
    NavMeasure => "Medición", "Measure";
    MeasureTitle => "Mide antes y después", "Measure before and after";
    MeasureIntro => "Fija una línea base antes del CRM, mide el periodo actual y compara: los KPI son los capítulos y el ROI, el desenlace. Deja en blanco lo que no midas.", "Set a baseline before the CRM, measure the current period and compare: KPIs are the chapters, ROI is the ending. Leave blank what you do not measure.";
    MeasureSections => "Secciones de la medición", "Measurement sections";
    LoadExample => "Cargar un ejemplo", "Load an example";
    ClearMeasurements => "Borrar todas las mediciones", "Clear all measurements";
    RestoreMeasurements => "Deshacer el borrado", "Undo clearing";
    PeriodsTitle => "Periodos", "Periods";
    PeriodsHint => "Compara periodos de la misma duración (por ejemplo, el mismo semestre de dos años) para que los recuentos sean comparables.", "Compare periods of the same length (for example the same half of two years) so that counts are comparable.";
    Baseline => "Línea base", "Baseline";
    PeriodStart => "Desde", "From";
    PeriodEnd => "Hasta", "To";
    DatesReversed => "{0}: la fecha final es anterior a la inicial.", "{0}: the end date is before the start date.";
    PeriodsDiffer => "Los periodos duran {0} y {1} días: los recuentos (quejas, descargas…) no son comparables directamente.", "The periods last {0} and {1} days: counts (complaints, downloads…) are not directly comparable.";
    CycleFromDeals => "El ciclo de ventas sale de los tratos pegados más abajo.", "The sales cycle comes from the deals pasted below.";
    Better => "Mejora", "Better";
    Worse => "Empeora", "Worse";
    Same => "Igual", "Same";
    Changed => "Cambia", "Changed";
    UnitPoints => "p. p.", "pp";
    GapZero => "sin base (÷ 0)", "no base (÷ 0)";
    GapInconsistent => "cifras incoherentes", "figures disagree";
    GapNoDeals => "ningún trato válido", "no valid deals";
    ScorecardTitle => "Cuadro de mando", "Scorecard";
    ScoreSummary => "{0} KPI mejoran, {1} empeoran, {2} igual.", "{0} KPIs better, {1} worse, {2} unchanged.";
    Kpi => "KPI", "KPI";
    Change => "Cambio", "Change";
    Verdict => "Valoración", "Verdict";
    ChartBeforeAfter => "Tasas antes y después", "Rates before and after";
    ChartBeforeAfterAlt => "Línea base y periodo actual de cada tasa: {0}.", "Baseline and current period of each rate: {0}.";
    AxisPercent => "Porcentaje", "Percent";
    DealsTitle => "Ciclo de ventas desde tus tratos", "Sales cycle from your deals";
    DealsHint => "Pega filas con fecha de alta y fecha de cierre (dos columnas de una hoja de cálculo o una exportación del CRM). Fechas ISO (2025-03-14) o en el formato elegido; una columna de nombre delante y una fila de encabezado se reconocen solas.", "Paste rows of created date and closed date (two columns from a spreadsheet or a CRM export). ISO dates (2025-03-14) or the format chosen; a leading name column and a header row are recognised.";
    DateFormat => "Formato de fecha", "Date format";
    DayFirst => "día/mes/año", "day/month/year";
    MonthFirst => "mes/día/año", "month/day/year";
    DealsStats => "Tratos: {0} · media {1} días · mediana {2} días", "Deals: {0} · mean {1} days · median {2} days";
    DealsNone => "Sin tratos pegados.", "No deals pasted.";
    DealsTooLong => "Demasiado largo: {0} caracteres, el límite es {1} (unos 2.000 tratos). No se ha guardado este pegado; pega solo los tratos del periodo.", "Too long: {0} characters, the limit is {1} (about 2,000 deals). This paste was not kept; paste only the period's deals.";
    RowsSkipped => "{0} filas no cuentan:", "{0} rows do not count:";
    RowLine => "Línea {0}:", "Line {0}:";
    RowColumns => "faltan columnas (se esperan dos fechas).", "missing columns (two dates expected).";
    RowBadDate => "la fecha {0} no es válida.", "date {0} is not valid.";
    RowClosedBefore => "se cerró antes de crearse.", "closed before it was created.";
    CampaignsTitle => "Campañas y canales", "Campaigns and channels";
    CampaignsHint => "ROI = (ingresos − inversión) ÷ inversión, como lo muestran las plataformas; ROMI = (ingresos × margen − inversión) ÷ inversión, lo que de verdad queda. Un dato con denominador cero se muestra como «—».", "ROI = (revenue − spend) ÷ spend, as ad platforms show it; ROMI = (revenue × margin − spend) ÷ spend, what is really left. A figure with a zero denominator shows as “—”.";
    AddCampaign => "Añadir campaña", "Add campaign";
    CampaignN => "Campaña {0}", "Campaign {0}";
    CampaignName => "Nombre de la campaña", "Campaign name";
    ColSpend => "Inversión", "Spend";
    ColClicks => "Clics", "Clicks";
    ColLeads => "Leads", "Leads";
    ColCustomers => "Clientes", "Customers";
    ColRevenue => "Ingresos", "Revenue";
    ColMargin => "Margen", "Margin";
    MetricCpc => "CPC", "CPC";
    MetricCpl => "CPL", "CPL";
    MetricCpa => "CPA / CAC", "CPA / CAC";
    MetricLeadToCustomer => "Lead → cliente", "Lead → customer";
    MetricRoi => "ROI", "ROI";
    MetricRomi => "ROMI", "ROMI";
    MoveUp => "Subir", "Move up";
    MoveDown => "Bajar", "Move down";
    Remove => "Quitar", "Remove";
    ErrCustomersExceedLeads => "Más clientes que leads: revisa las cifras.", "More customers than leads: check the figures.";
    ErrRange => "Debe estar entre {0} y {1}.", "Must be between {0} and {1}.";
    TotalLine => "Inversión {0} · ingresos {1} · beneficio bruto {2}", "Spend {0} · revenue {1} · gross profit {2}";
    RankBy => "Ordenar por", "Rank by";
    ChartCampaigns => "ROI y ROMI por campaña", "ROI and ROMI by campaign";
    ChartCampaignsAlt => "Retorno de cada campaña: {0}.", "Return of each campaign: {0}.";
    ClvTitle => "Valor de vida del cliente (CLV)", "Customer lifetime value (CLV)";
    ClvHint => "Mueve la retención, el margen y la tasa de descuento para ver cómo cambia lo que vale un cliente.", "Move retention, margin and discount rate to see how much a customer is worth.";
    ClvMargin => "Margen bruto anual por cliente", "Yearly gross margin per customer";
    ClvRetention => "Retención anual", "Yearly retention";
    ClvDiscount => "Tasa de descuento", "Discount rate";
    ClvAcquisition => "Coste de adquisición", "Acquisition cost";
    ClvUseMeasured => "Usar lo medido en el periodo actual", "Use the current period's measurements";
    ClvLifetime => "Vida media", "Expected lifetime";
    ClvChurnIs => "abandono anual {0}", "yearly churn {0}";
    ClvSimple => "CLV simple", "Simple CLV";
    ClvDiscounted => "CLV descontado", "Discounted CLV";
    ClvSimpleMath => "{0} × {1} años − {2}", "{0} × {1} years − {2}";
    ClvDiscountedMath => "{0} × r ÷ (1 + d − r) − {3}, r = {1}, d = {2}", "{0} × r ÷ (1 + d − r) − {3}, r = {1}, d = {2}";
    ClvInfinite => "sin límite", "unbounded";
    YearsN => "{0} años", "{0} years";
    FeedTitle => "Llevar lo medido al ROI", "Feed the ROI model";
    FeedHint => "La conversión, el abandono (pasado a anual), el ciclo de ventas, el valor del pedido y el CAC medidos se convierten en los impulsores de beneficio de la calculadora.", "The measured conversion, churn (made yearly), sales cycle, order value and CAC become the calculator's benefit drivers.";
    FeedNothing => "Mide la conversión, el abandono, el ciclo, el valor del pedido o el CAC en ambos periodos para llevarlos al modelo.", "Measure conversion, churn, cycle, order value or CAC in both periods to feed them to the model.";
    RoiInput => "Dato del modelo", "Model input";
    InModel => "Ahora", "Now";
    Measured => "Medido", "Measured";
    FeedOutcome => "ROI {0} → {1} · VAN {2} → {3}", "ROI {0} → {1} · NPV {2} → {3}";
    FeedApply => "Usar en el modelo de ROI", "Use in the ROI model";
    FeedDone => "Valores medidos aplicados a la calculadora.", "Measured values applied to the calculator.";
    FeedSee => "Ver el ROI", "See the ROI";
}

/// `template` with `{0}`, `{1}`… replaced by `args`.
pub fn fill(template: &str, args: &[&str]) -> String {
    args.iter()
        .enumerate()
        .fold(template.to_string(), |text, (i, arg)| {
            text.replace(&format!("{{{i}}}"), arg)
        })
}

/// Name of an input group.
pub fn group_label(group: Group, lang: Lang) -> &'static str {
    match group {
        Group::Company => Msg::GroupCompany,
        Group::Costs => Msg::GroupCosts,
        Group::Benefits => Msg::GroupBenefits,
        Group::Assumptions => Msg::GroupAssumptions,
    }
    .text(lang)
}

/// Name of a cost line.
pub fn cost_label(line: CostLine, lang: Lang) -> &'static str {
    match line {
        CostLine::OneTime => Msg::CostOneTime,
        CostLine::Licences => Msg::CostLicences,
        CostLine::Maintenance => Msg::CostMaintenance,
        CostLine::Training => Msg::CostTraining,
        CostLine::Staff => Msg::CostStaff,
        CostLine::Contingency => Msg::CostContingency,
    }
    .text(lang)
}

/// Name and one-line explanation of a benefit line.
pub fn line_label(line: BenefitLine, lang: Lang) -> (&'static str, &'static str) {
    use BenefitLine as L;
    let (es, en) = match line {
        L::Conversion => (
            (
                "Más ventas por conversión",
                "leads × (conversión después − antes) × valor del trato × margen",
            ),
            (
                "More sales from conversion",
                "leads × (conversion after − before) × deal value × margin",
            ),
        ),
        L::DealSize => (
            (
                "Tratos más grandes",
                "tratos ganados hoy × valor del trato × aumento × margen",
            ),
            (
                "Larger deals",
                "deals won today × deal value × uplift × margin",
            ),
        ),
        L::Retention => (
            (
                "Retención de clientes",
                "clientes × (abandono antes − después), que siguen comprando cada año",
            ),
            (
                "Customer retention",
                "customers × (churn before − after), who keep buying year after year",
            ),
        ),
        L::Productivity => (
            (
                "Productividad comercial",
                "comerciales × horas ahorradas × semanas × coste por hora",
            ),
            (
                "Sales productivity",
                "reps × hours saved × weeks × hourly cost",
            ),
        ),
        L::Service => (
            (
                "Ahorro en atención al cliente",
                "tickets × minutos ahorrados ÷ 60 × coste por hora (CRM operativo)",
            ),
            (
                "Service cost savings",
                "tickets × minutes saved ÷ 60 × hourly cost (operational CRM)",
            ),
        ),
        L::Marketing => (
            (
                "Marketing más eficiente",
                "inversión en marketing × reducción del coste por adquisición (CRM analítico)",
            ),
            (
                "More efficient marketing",
                "marketing spend × cost-per-acquisition reduction (analytical CRM)",
            ),
        ),
        L::SalesCycle => (
            (
                "Ciclo de venta más corto",
                "oportunidades × tasa de cierre × valor × (días antes ÷ días después − 1) × margen",
            ),
            (
                "Shorter sales cycle",
                "opportunities × win rate × value × (days before ÷ days after − 1) × margin",
            ),
        ),
    };
    match lang {
        Lang::Es => es,
        Lang::En => en,
    }
}

/// Label of an input field.
pub fn field_label(field: Field, lang: Lang) -> &'static str {
    use Field as F;
    let (es, en) = match field {
        F::Seats => ("Licencias (usuarios del CRM)", "Seats (CRM users)"),
        F::SalesReps => ("Comerciales", "Sales reps"),
        F::Customers => ("Clientes activos", "Active customers"),
        F::LeadsPerYear => ("Leads al año", "Leads per year"),
        F::AvgDealValue => ("Valor medio de un trato", "Average deal value"),
        F::GrossMarginPct => ("Margen bruto", "Gross margin"),
        F::RevenuePerCustomer => (
            "Ingresos anuales por cliente",
            "Yearly revenue per customer",
        ),
        F::LicencePerSeatMonth => ("Licencia por usuario y mes", "Licence per seat per month"),
        F::LicenceEscalationPct => ("Subida anual de precios", "Yearly price rise"),
        F::AiAddonPerSeatMonth => (
            "Complemento de IA por usuario y mes",
            "AI add-on per seat per month",
        ),
        F::Implementation => (
            "Implantación y configuración",
            "Implementation and configuration",
        ),
        F::Integration => (
            "Integración con otros sistemas",
            "Integration with other systems",
        ),
        F::DataMigration => ("Migración de datos", "Data migration"),
        F::InitialTraining => ("Formación inicial", "Initial training"),
        F::MaintenancePerYear => (
            "Mantenimiento y soporte al año",
            "Maintenance and support per year",
        ),
        F::ContinuousTrainingPerYear => (
            "Formación continua (incl. IA) al año",
            "Continuous training (incl. AI) per year",
        ),
        F::AdminHoursPerMonth => (
            "Horas internas de gestión al mes",
            "Internal admin hours per month",
        ),
        F::AdminHourlyRate => (
            "Coste por hora del personal interno",
            "Hourly cost of internal staff",
        ),
        F::ContingencyPct => ("Contingencia sobre costes", "Cost contingency"),
        F::ConversionBeforePct => ("Conversión de leads antes", "Lead conversion before"),
        F::ConversionAfterPct => ("Conversión de leads con CRM", "Lead conversion with CRM"),
        F::DealSizeUpliftPct => (
            "Aumento del valor medio del trato",
            "Average deal value uplift",
        ),
        F::ChurnBeforePct => ("Abandono anual antes", "Yearly churn before"),
        F::ChurnAfterPct => ("Abandono anual con CRM", "Yearly churn with CRM"),
        F::HoursSavedPerRepWeek => (
            "Horas ahorradas por comercial y semana",
            "Hours saved per rep per week",
        ),
        F::WorkingWeeks => ("Semanas laborables al año", "Working weeks per year"),
        F::RepHourlyRate => ("Coste por hora de un comercial", "Hourly cost of a rep"),
        F::TicketsPerYear => ("Tickets o llamadas al año", "Tickets or calls per year"),
        F::HandleMinutesSaved => ("Minutos ahorrados por ticket", "Minutes saved per ticket"),
        F::ServiceCostPerHour => ("Coste por hora de atención", "Service cost per hour"),
        F::MarketingSpend => ("Inversión anual en marketing", "Yearly marketing spend"),
        F::CpaReductionPct => (
            "Reducción del coste por adquisición",
            "Cost-per-acquisition reduction",
        ),
        F::OpportunitiesPerYear => ("Oportunidades al año", "Opportunities per year"),
        F::WinRatePct => ("Tasa de cierre", "Win rate"),
        F::CycleDaysBefore => ("Ciclo de venta antes", "Sales cycle before"),
        F::CycleDaysAfter => ("Ciclo de venta con CRM", "Sales cycle with CRM"),
        F::HorizonYears => ("Horizonte", "Horizon"),
        F::DiscountRatePct => ("Tasa de descuento", "Discount rate"),
        F::AdoptionYear1Pct => ("Adopción el año 1", "Adoption in year 1"),
        F::AdoptionYear2Pct => ("Adopción el año 2", "Adoption in year 2"),
        F::AdoptionSteadyPct => ("Adopción desde el año 3", "Adoption from year 3"),
        F::RiskHaircutPct => (
            "Recorte por riesgo de los beneficios",
            "Risk haircut on benefits",
        ),
    };
    lang.pick(es, en)
}
