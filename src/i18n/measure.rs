//! Names and formulas of the measurement screen: KPI groups, raw figures and KPIs.

use super::Lang;
use crate::engine::measure::{Kpi, KpiGroup, Measure};

/// Name of a KPI group.
pub fn kpi_group_label(group: KpiGroup, lang: Lang) -> &'static str {
    use KpiGroup as G;
    let (es, en) = match group {
        G::Loyalty => ("Retención y fidelidad", "Retention and loyalty"),
        G::Satisfaction => ("Satisfacción", "Satisfaction"),
        G::Value => ("Valor del cliente", "Customer value"),
        G::Sales => ("Conversión y ciclo de ventas", "Conversion and sales cycle"),
        G::Engagement => ("Compromiso", "Engagement"),
        G::DataQuality => ("Calidad de los datos", "Data quality"),
        G::MarketingCost => ("Coste de marketing", "Marketing cost"),
        G::Service => ("Servicio al cliente", "Customer service"),
        G::Ai => ("Inteligencia artificial", "Artificial intelligence"),
    };
    lang.pick(es, en)
}

/// Name of a raw figure entered per period.
pub fn measure_label(m: Measure, lang: Lang) -> &'static str {
    use Measure as M;
    let (es, en) = match m {
        M::CustomersStart => ("Clientes al inicio", "Customers at the start"),
        M::CustomersEnd => ("Clientes al final", "Customers at the end"),
        M::CustomersNew => ("Clientes nuevos", "New customers"),
        M::Complaints => ("Quejas recibidas", "Complaints received"),
        M::SurveysSent => ("Encuestas enviadas", "Surveys sent"),
        M::SurveyResponses => ("Encuestas respondidas", "Surveys answered"),
        M::Satisfied => (
            "Respuestas satisfechas (4–5 de 5)",
            "Satisfied answers (4–5 of 5)",
        ),
        M::Promoters => ("Promotores (NPS 9–10)", "Promoters (NPS 9–10)"),
        M::Passives => ("Pasivos (NPS 7–8)", "Passives (NPS 7–8)"),
        M::Detractors => ("Detractores (NPS 0–6)", "Detractors (NPS 0–6)"),
        M::Revenue => ("Ingresos", "Revenue"),
        M::Orders => ("Pedidos", "Orders"),
        M::MarginPerCustomer => (
            "Margen bruto anual por cliente",
            "Yearly gross margin per customer",
        ),
        M::Leads => ("Leads recibidos", "Leads received"),
        M::WonDeals => ("Tratos ganados", "Deals won"),
        M::EmailsSent => ("Correos enviados", "Emails sent"),
        M::EmailsDelivered => ("Correos entregados", "Emails delivered"),
        M::EmailsOpened => ("Aperturas únicas", "Unique opens"),
        M::EmailsClicked => ("Clics únicos", "Unique clicks"),
        M::Visits => ("Visitas al sitio web", "Website visits"),
        M::MinutesOnSite => ("Minutos totales en el sitio", "Total minutes on site"),
        M::Downloads => ("Descargas de contenido", "Content downloads"),
        M::Records => ("Registros en el CRM", "Records in the CRM"),
        M::BadRecords => (
            "Registros incorrectos o incompletos",
            "Incorrect or incomplete records",
        ),
        M::MarketingSpend => (
            "Inversión en marketing y ventas",
            "Marketing and sales spend",
        ),
        M::AdClicks => ("Clics pagados", "Paid clicks"),
        M::MarketingProfit => (
            "Beneficio bruto atribuido al marketing",
            "Gross profit from marketing",
        ),
        M::ResponseHours => (
            "Horas hasta la primera respuesta (suma de todos los leads)",
            "Hours to first response (sum over all leads)",
        ),
        M::Tickets => ("Tickets resueltos", "Tickets resolved"),
        M::ResolutionHours => (
            "Horas de resolución (suma de todos los tickets)",
            "Hours to resolve (sum over all tickets)",
        ),
        M::Interactions => ("Interacciones con clientes", "Customer interactions"),
        M::Predictions => (
            "Predicciones de la IA comprobadas",
            "AI predictions checked",
        ),
        M::CorrectPredictions => ("Predicciones acertadas", "Correct predictions"),
    };
    lang.pick(es, en)
}

/// Name and formula of a KPI.
pub fn kpi_label(k: Kpi, lang: Lang) -> (&'static str, &'static str) {
    let ((es, es_f), (en, en_f)) = match k {
        Kpi::Retention => (
            ("Retención", "(clientes al final − nuevos) ÷ clientes al inicio"),
            ("Retention", "(customers at end − new) ÷ customers at start"),
        ),
        Kpi::Churn => (
            (
                "Abandono (churn)",
                "clientes del inicio perdidos ÷ clientes al inicio",
            ),
            ("Churn", "customers of the start lost ÷ customers at start"),
        ),
        Kpi::Complaints => (
            ("Quejas", "quejas recibidas en el periodo"),
            ("Complaints", "complaints received in the period"),
        ),
        Kpi::Csat => (
            ("CSAT", "respuestas satisfechas ÷ encuestas respondidas"),
            ("CSAT", "satisfied answers ÷ surveys answered"),
        ),
        Kpi::Nps => (
            ("NPS", "(promotores − detractores) ÷ respuestas × 100"),
            ("NPS", "(promoters − detractors) ÷ answers × 100"),
        ),
        Kpi::SurveyResponse => (
            ("Respuesta a encuestas", "respondidas ÷ enviadas"),
            ("Survey response", "answered ÷ sent"),
        ),
        Kpi::Clv => (
            (
                "Valor de vida del cliente (CLV)",
                "margen × r ÷ (1 + d − r) − CAC, con r = retención anual y d = tasa de descuento de la calculadora de CLV",
            ),
            (
                "Customer lifetime value (CLV)",
                "margin × r ÷ (1 + d − r) − CAC, with r = yearly retention and d = the CLV calculator's discount rate",
            ),
        ),
        Kpi::OrderValue => (
            ("Valor medio del pedido", "ingresos ÷ pedidos"),
            ("Average order value", "revenue ÷ orders"),
        ),
        Kpi::Conversion => (
            ("Conversión de leads", "tratos ganados ÷ leads"),
            ("Lead conversion", "deals won ÷ leads"),
        ),
        Kpi::SalesCycle => (
            (
                "Ciclo de ventas",
                "media de días entre alta y cierre de los tratos pegados",
            ),
            (
                "Sales cycle",
                "mean days from creation to close of the pasted deals",
            ),
        ),
        Kpi::OpenRate => (
            ("Tasa de apertura", "aperturas únicas ÷ correos entregados"),
            ("Open rate", "unique opens ÷ emails delivered"),
        ),
        Kpi::ClickRate => (
            ("Tasa de clics", "clics únicos ÷ correos entregados"),
            ("Click-through rate", "unique clicks ÷ emails delivered"),
        ),
        Kpi::TimeOnSite => (
            ("Tiempo en el sitio", "minutos totales ÷ visitas"),
            ("Time on site", "total minutes ÷ visits"),
        ),
        Kpi::Downloads => (
            ("Descargas por 100 visitas", "descargas ÷ visitas × 100"),
            ("Downloads per 100 visits", "downloads ÷ visits × 100"),
        ),
        Kpi::BadRecords => (
            ("Registros malos", "registros incorrectos o incompletos ÷ registros"),
            ("Bad records", "incorrect or incomplete records ÷ records"),
        ),
        Kpi::Delivery => (
            ("Entrega de correos", "entregados ÷ enviados"),
            ("Email delivery", "delivered ÷ sent"),
        ),
        Kpi::Cac => (
            ("Coste de adquisición (CAC)", "inversión ÷ clientes nuevos"),
            ("Acquisition cost (CAC)", "spend ÷ new customers"),
        ),
        Kpi::Romi => (
            ("ROMI", "(beneficio bruto − inversión) ÷ inversión"),
            ("ROMI", "(gross profit − spend) ÷ spend"),
        ),
        Kpi::Cpc => (
            ("Coste por clic (CPC)", "inversión ÷ clics pagados"),
            ("Cost per click (CPC)", "spend ÷ paid clicks"),
        ),
        Kpi::Cpl => (
            ("Coste por lead (CPL)", "inversión ÷ leads"),
            ("Cost per lead (CPL)", "spend ÷ leads"),
        ),
        Kpi::Cpa => (
            ("Coste por adquisición (CPA)", "inversión ÷ tratos ganados"),
            ("Cost per acquisition (CPA)", "spend ÷ deals won"),
        ),
        Kpi::LeadResponse => (
            ("Respuesta a leads", "horas hasta la primera respuesta ÷ leads"),
            ("Lead response time", "hours to first response ÷ leads"),
        ),
        Kpi::Resolution => (
            ("Tiempo de resolución", "horas de resolución ÷ tickets"),
            ("Resolution time", "hours to resolve ÷ tickets"),
        ),
        Kpi::Interactions => (
            (
                "Interacciones por cliente",
                "interacciones ÷ clientes al final (ni subir ni bajar es bueno en sí)",
            ),
            (
                "Interactions per customer",
                "interactions ÷ customers at end (neither way is good in itself)",
            ),
        ),
        Kpi::AiAccuracy => (
            ("Precisión de la IA", "predicciones acertadas ÷ comprobadas"),
            ("AI accuracy", "correct predictions ÷ predictions checked"),
        ),
    };
    match lang {
        Lang::Es => (es, es_f),
        Lang::En => (en, en_f),
    }
}
