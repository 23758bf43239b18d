//! Spanish and English: the message catalogue and number parsing.
//!
//! Every visible string lives here, each message with both languages side by side, so a
//! missing translation is a compile error. Numbers are formatted by the browser's `Intl`
//! (see `ui::format`) and read back by [`parse_number`].

mod parse;

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
