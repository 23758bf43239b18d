//! Los textos de la página del informe en español.

use crate::i18n::ReportMsg;

pub(in crate::i18n) fn report_text(msg: ReportMsg) -> &'static str {
    match msg {
        ReportMsg::Back => "Volver a la calculadora",
        ReportMsg::PreparedBy => "Preparado por",
        ReportMsg::Print => "Imprimir o guardar como PDF",
        ReportMsg::PrintHint => "Elige A4 o Carta y «Guardar como PDF» en el diálogo de impresión. Las notas del escenario no se incluyen.",
        ReportMsg::Title => "Retorno de la inversión en CRM",
        ReportMsg::Date => "Fecha",
        ReportMsg::Charts => "Gráficos",
        ReportMsg::NoBenefits => "Con estos datos, ninguna línea de beneficio aporta valor.",
        ReportMsg::TopLines => "La mayor parte del valor viene de: {0} (parte del valor actual de los beneficios).",
        ReportMsg::Risk => "Los beneficios se reducen un {0} por el riesgo de estimación y crecen con la adopción: {1} el año 1, {2} el año 2, {3} desde el año 3 (práctica del Total Economic Impact de Forrester).",
        ReportMsg::Horizon => "A {0} {0|año|años} tras la inversión inicial, descontados al {1} anual.",
        ReportMsg::Summary => "Resumen ejecutivo",
        ReportMsg::Input => "Dato",
        ReportMsg::Value => "Valor",
        ReportMsg::DefaultIfChanged => "Por defecto (si cambió)",
        ReportMsg::On => "se cuenta",
        ReportMsg::Off => "no se cuenta",
        ReportMsg::Assumptions => "Supuestos",
        ReportMsg::AllDefaults => "Todos los datos del modelo, cada uno con su valor por defecto.",
        ReportMsg::ChangedNote => "Todos los datos del modelo. Las filas sombreadas, con su valor por defecto, se cambiaron.",
        ReportMsg::Flows => "Costes y beneficios por año y línea",
        ReportMsg::Gartner => "Cifra de referencia: Gartner sitúa el coste total de propiedad de un CRM en US$ {0}–{1} por usuario en tres años; aquí, el coste por usuario es el de la inversión inicial y los años 1 a 3 dividido entre las licencias.",
        ReportMsg::Method => "Método",
        ReportMsg::MethodFigures => "ROI = (valor actual de los beneficios − valor actual de los costes) ÷ valor actual de los costes. VAN = Σ flujo neto del año t ÷ (1 + {0})^t, desde la inversión inicial (t = 0) hasta el horizonte. La TIR es la tasa con la que el VAN es cero; cuando los flujos netos cambian de signo más de una vez lo son varias, y la TIRM (cobros reinvertidos y pagos financiados a la tasa de descuento) da una sola. La recuperación es cuándo el flujo neto acumulado pasa a positivo, en meses, interpolando dentro del año.",
        ReportMsg::MethodCosts => "Costes: implantación, integración, migración de datos y formación inicial al principio; licencias y el complemento de IA por usuario (con su subida anual de precio), mantenimiento, formación continua y tiempo del personal cada año; una contingencia sobre todos ellos. Beneficios contados, cada uno el valor de un año completo escalado por la adopción y el ajuste por riesgo:",
        ReportMsg::MethodTei => "Márgenes de riesgo como en el Total Economic Impact (TEI) de Forrester: cada beneficio se reduce por el ajuste por riesgo de su estimación y crece con la adopción (año 1, año 2 y luego régimen estable) en lugar de llegar completo el primer día.",
        ReportMsg::PaybackSentence => "Recuperación: {0} con flujos nominales, {1} con flujos descontados.",
        ReportMsg::Qr => "Código QR del enlace al escenario en vivo",
        ReportMsg::NoQr => "El enlace es demasiado largo para un código QR que se imprima legible: la dirección de arriba, aquí abreviada, es un enlace en el PDF.",
        ReportMsg::LinkTitle => "El escenario en vivo",
        ReportMsg::LinkHint => "Abre esta dirección (o escanea el código) para ver y cambiar este escenario en Retorno, en tu navegador.",
    }
}
