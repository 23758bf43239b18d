//! Los textos propios de la calculadora del visitante, en español.

use crate::i18n::VisitorMsg;

pub(in crate::i18n) fn visitor_text(msg: VisitorMsg) -> &'static str {
    use VisitorMsg as V;
    match msg {
        V::Summary => "Qué se cuenta: {0} de {1} líneas de beneficio, {2} de {3} líneas de coste",
        V::Needs => "necesita {0}",
        V::Without => "sin {0}",
        V::LeftOut => "No se cuenta aquí (indícalo en el análisis completo)",
        V::SwitchedOff => "desactivada",
        V::SetBySite => "Fijado por este sitio web",
        V::Assumptions => "Supuestos",
        V::Margin => "Margen bruto del 40 %: una venta o un cliente retenido vale su margen, no sus ingresos.",
        V::Horizon => "3 años tras la inversión inicial: el periodo de Gartner para el coste de un CRM por usuario (15.000–30.000 US$ en tres años).",
        V::Discount => "El VAN descuenta cada año al 10 %, la tasa por defecto del análisis completo.",
        V::Adoption => "Los beneficios crecen a medida que el equipo adopta el CRM: 60 % del efecto completo el año 1, 85 % el año 2 y 100 % desde el año 3 (práctica Total Economic Impact de Forrester).",
        V::Risk => "Cada beneficio se reduce un 10 % por el riesgo de estimación (ajuste por riesgo del Total Economic Impact de Forrester).",
        V::Live => "ROI {0}, VAN {1}, recuperación {2}.",
    }
}
