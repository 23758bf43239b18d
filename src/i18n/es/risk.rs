//! Los textos de los rangos de riesgo en español.

use crate::i18n::{RiskMsg, RiskPanelMsg};

/// The text of a risk-ranges message.
pub(in crate::i18n) fn risk_text(msg: RiskMsg) -> &'static str {
    match msg {
        RiskMsg::Waiting => "Simulando…",
        RiskMsg::Running => "Simulando… {0} de {1} simulaciones",
        RiskMsg::Done => "{0} simulaciones, semilla {1}.",
        RiskMsg::Chance => "de probabilidad de que el VAN sea positivo",
        RiskMsg::TableCaption => "VAN, ROI y recuperación en las simulaciones",
        RiskMsg::Median => "P50 (mediana)",
        RiskMsg::Mean => "Media",
        RiskMsg::Never => "No se recupera dentro del horizonte en el {0} de las simulaciones.",
        RiskMsg::Headline => "El 80 % de las simulaciones: VAN entre {0} y {1} · {2} de probabilidad de VAN > 0",
        RiskMsg::ErrInputs => "Hay datos fuera de rango: corrígelos para simular.",
        RiskMsg::ErrTrials => "Las simulaciones deben estar entre 1 y 100.000.",
        RiskMsg::ErrOverflow => "Las cifras de una simulación son demasiado grandes para calcularlas.",
        RiskMsg::ErrLowAboveLikely => "{0}: el extremo bajo ({1}) supera el valor probable ({2}).",
        RiskMsg::ErrLikelyAboveHigh => "{0}: el valor probable ({1}) supera el extremo alto ({2}).",
        RiskMsg::ErrBelowMin => "{0}: el extremo bajo ({1}) es menor que el mínimo válido ({2}).",
        RiskMsg::ErrAboveMax => "{0}: el extremo alto ({1}) supera el máximo válido ({2}).",
        RiskMsg::ErrFixed => "{0} no admite un rango.",
        RiskMsg::ChartHistogram => "VAN en las simulaciones",
        RiskMsg::ChartHistogramAlt => "Histograma del VAN en {0} simulaciones: P10 {1}, mediana {2}, P90 {3}; VAN positivo en el {4}.",
        RiskMsg::ChartSCurve => "Probabilidad de que el VAN no supere un valor",
        RiskMsg::ChartSCurveAlt => "Proporción acumulada de simulaciones según el VAN: el 10 % hasta {0}, el 50 % hasta {1}, el 90 % hasta {2}.",
        RiskMsg::ChartContributions => "Qué explica la dispersión del VAN",
        RiskMsg::ChartContributionsAlt => "Correlación de rangos de cada variable con el VAN en las simulaciones: {0}.",
        RiskMsg::AxisTrials => "Simulaciones",
        RiskMsg::AxisShare => "Proporción de simulaciones",
        RiskMsg::AxisRho => "Correlación de rangos con el VAN (ρ de Spearman)",
        RiskMsg::MathPert => "PERT (por defecto): bajo + (alto − bajo) × Beta(α, β), α = 1 + 4 (probable − bajo) ÷ (alto − bajo), β = 1 + 4 (alto − probable) ÷ (alto − bajo); media (bajo + 4 × probable + alto) ÷ 6 (Vose, Risk Analysis, 2008).",
        RiskMsg::MathTriangular => "Triangular: la densidad sube en línea recta de bajo a probable y baja hasta alto; media (bajo + probable + alto) ÷ 3.",
        RiskMsg::MathQuantiles => "P10, P50 y P90: los valores por debajo de los cuales queda el 10 %, 50 % y 90 % de las simulaciones, con interpolación lineal entre simulaciones ordenadas (la definición 7 de Hyndman y Fan, como PERCENTIL.INC de las hojas de cálculo). Un percentil de recuperación que cae en simulaciones que no se recuperan es «nunca».",
        RiskMsg::MathIndependent => "Las variables se sortean de forma independiente: no se modela correlación entre ellas, así que variables que suelen moverse juntas (conversión y tamaño del trato, por ejemplo) pueden dispersarse más o menos de lo mostrado.",
        RiskMsg::ReportTitle => "Rangos de riesgo",
        RiskMsg::ReportIntro => "{0} variables tienen un valor bajo, probable y alto, y el modelo se calculó {1} veces con sorteos de ellas (Monte Carlo, semilla {2}).",
        RiskMsg::Rule => "Las cifras principales son el caso ajustado por riesgo (beneficios −{0}); {1} simulaciones sobre los rangos, alrededor de él, muestran cuánto puede variar, sin cambiarlo.",
        RiskMsg::ReportTop => "Variables que más mueven el VAN: {0}.",
    }
}

/// The text of a risk-panel message.
pub(in crate::i18n) fn risk_panel_text(msg: RiskPanelMsg) -> &'static str {
    match msg {
        RiskPanelMsg::Title => "Rangos de riesgo (Monte Carlo)",
        RiskPanelMsg::Hint => "Una sola cifra oculta cuán segura es. Da a cada variable un valor bajo y uno alto y mira con qué frecuencia el CRM se paga solo.",
        RiskPanelMsg::Switch => "Simular rangos de las variables",
        RiskPanelMsg::LegacyAside => "Guardado cuando los rangos dejaban en suspenso el recorte por riesgo ({0}): aquí es 0 %; al desactivar los rangos vuelve.",
        RiskPanelMsg::Trials => "Simulaciones",
        RiskPanelMsg::Seed => "Semilla",
        RiskPanelMsg::Resimulate => "Volver a simular (nueva semilla)",
        RiskPanelMsg::RangesTitle => "Rangos de las variables ({0})",
        RiskPanelMsg::RangesHint => "El valor probable es el del modelo. Por defecto según el tipo: precios de licencia −5 %/+10 %, otros costes −10 %/+25 %, cifras actuales ±10 %, efectos del CRM ±25 %, adopción −20 %/+10 %. Un rango que fijes se mantiene aunque cambie el valor.",
        RiskPanelMsg::RangesCaption => "Valor bajo, probable y alto de cada variable",
        RiskPanelMsg::Driver => "Variable",
        RiskPanelMsg::Low => "Bajo",
        RiskPanelMsg::Likely => "Probable",
        RiskPanelMsg::High => "Alto",
        RiskPanelMsg::Shape => "Distribución",
        RiskPanelMsg::Pert => "PERT",
        RiskPanelMsg::Triangular => "Triangular",
        RiskPanelMsg::Default => "Por defecto",
        RiskPanelMsg::ResetRanges => "Todos los rangos por defecto",
        RiskPanelMsg::LowAboveLikely => "El extremo bajo no puede superar el valor probable.",
        RiskPanelMsg::HighBelowLikely => "El extremo alto no puede ser menor que el valor probable.",
        RiskPanelMsg::MathTrials => "Cada simulación sortea todas las variables con rango y calcula el modelo: VAN, ROI = (VA beneficios − VA costes) ÷ VA costes y recuperación sobre flujos nominales. La semilla hace que el sorteo sea igual en cualquier equipo: el mismo enlace da las mismas cifras.",
        RiskPanelMsg::MathContributions => "Qué explica la dispersión: correlación de rangos de Spearman entre el sorteo de cada variable y el VAN, de la propia simulación (el tornado mueve una variable cada vez un ±20 %).",
        RiskPanelMsg::CompareNpvRange => "VAN P10–P90 (rangos)",
        RiskPanelMsg::CompareChance => "Probabilidad de VAN > 0",
        RiskPanelMsg::CompareOff => "sin rangos",
        RiskPanelMsg::LineError => "Rangos de riesgo: hay rangos que corregir (ver el panel de riesgo).",
    }
}
