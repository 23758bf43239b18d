//! Los textos de la pantalla de tests A/B en español.

use crate::engine::abtest::Arm;
use crate::i18n::{AbMsg, AbResultMsg};

pub(in crate::i18n) fn ab_text(msg: AbMsg) -> &'static str {
    use AbMsg as M;
    match msg {
        M::Title => "Test A/B",
        M::Hint => "Prueba un cambio (B) con una parte de tu público frente a lo que haces hoy (A) antes de lanzarlo. Indica los visitantes o leads de cada variante y cuántos convirtieron.",
        M::Example => "Rellenar con un ejemplo",
        M::Name => "Qué se prueba",
        M::VariantName(Arm::A) => "A (control)",
        M::VariantName(Arm::B) => "B (alternativa)",
        M::Visitors => "Visitantes o leads",
        M::Conversions => "Conversiones",
        M::Confidence => "Confianza",
        M::ShareA => "Parte prevista de visitantes enviada a A",
        M::PlanTitle => "Tamaño de la muestra",
        M::PlanHint => "Cuántos visitantes necesita cada variante para que el test detecte el cambio que te interesa, con la confianza de arriba.",
        M::Baseline => "Tasa de conversión actual",
        M::Mde => "Cambio mínimo que interesa detectar",
        M::MdeRelative => "% de la tasa actual",
        M::MdeAbsolute => "puntos de la tasa",
        M::Power => "Potencia",
        M::Traffic => "Visitantes al día en el test",
        M::FeedTitle => "Usar la mejora de B en una campaña",
        M::FeedHint => "Multiplica los clientes y los ingresos de la campaña por {0}, como si hubiera usado B.",
        M::FeedCampaign => "Campaña",
        M::FeedApply => "Aplicar la mejora",
        M::FeedNone => "Añade una campaña en la pantalla Medición para usar allí esta mejora.",
        M::FeedDone => "{0}: clientes {1} → {2}, ingresos {3} → {4}.",
        M::FeedSee => "Ver las campañas",
        M::LiftNoCustomers => "Esta campaña no tiene clientes que multiplicar.",
        M::LiftExceedsLeads => "Con esta mejora la campaña tendría más clientes que leads.",
    }
}

pub(in crate::i18n) fn result_text(msg: AbResultMsg) -> &'static str {
    use AbResultMsg as R;
    match msg {
        R::Variant => "Variante",
        R::Rate => "Tasa de conversión",
        R::ResultTitle => "Resultado",
        R::Empty => "Indica los visitantes y las conversiones de cada variante para ver el resultado.",
        R::AbsLift => "Mejora absoluta (B − A)",
        R::RelLift => "Mejora relativa",
        R::Interval => "Intervalo de confianza del {0}: de {1} a {2}",
        R::PValue => "Valor p (prueba z de dos proporciones, combinada)",
        R::PValueText => "{0} (z = {1})",
        R::Split => "Reparto de visitantes",
        R::SplitText => "A recibió el {0} (previsto: {1}); valor p de chi cuadrado {2}: según lo previsto.",
        R::SplitBroken => "A recibió el {0} (previsto: {1}); valor p de chi cuadrado {2}: un desajuste del reparto (SRM).",
        R::VerdictSrm => "El reparto de visitantes no es el previsto (un desajuste del reparto, SRM): algo falla en la configuración (una redirección, un filtro, la medición) y las tasas no se pueden comparar. Busca la causa antes de leer el resultado.",
        R::VerdictNotEnough => "Aún faltan datos: el test necesita al menos 5 conversiones y 5 no conversiones esperadas en cada variante para poder leerse.",
        R::VerdictB => "B convierte mejor que A: la diferencia es significativa con una confianza del {0}.",
        R::VerdictA => "B convierte peor que A: la diferencia es significativa con una confianza del {0}. Quédate con A.",
        R::VerdictNone => "Por ahora no hay una diferencia significativa con una confianza del {0}.",
        R::VerdictEarly => "Aún no es concluyente: cifras provisionales.",
        R::EarlyWarning => "Decide solo cuando las dos variantes lleguen a la muestra prevista. Parar un test en cuanto parece significativo multiplica los falsos ganadores mucho más de lo que dice la confianza (Evan Miller, «How Not To Run an A/B Test», 2010).",
        R::Progress => "Muestra prevista: {0} por variante. A tiene {1} y B {2}: un {3} del camino.",
        R::Reached => "Las dos variantes han llegado a la muestra prevista de {0}.",
        R::Sample => "{0} {0|visitante|visitantes} por variante ({1} en total) para detectar {2} → {3}.",
        R::Days => "Con {0} al día: {1} {1|día|días}.",
        R::ErrNoVisitors(Arm::A) => "Indica los visitantes de la variante A.",
        R::ErrNoVisitors(Arm::B) => "Indica los visitantes de la variante B.",
        R::ErrMoreConversions(Arm::A) => "La variante A tiene más conversiones que visitantes.",
        R::ErrMoreConversions(Arm::B) => "La variante B tiene más conversiones que visitantes.",
        R::ErrTooLarge => "Un recuento es demasiado grande.",
        R::ErrConfidence => "La confianza debe estar entre el 0 y el 100 %.",
        R::ErrPower => "La potencia debe estar entre el 0 y el 100 %.",
        R::ErrShare => "La parte enviada a A debe estar entre el 0 y el 100 %.",
        R::ErrBaseline => "La tasa de conversión actual debe estar entre el 0 y el 100 %.",
        R::ErrNoEffect => "Indica un cambio distinto de cero.",
        R::ErrTargetRate => "Ese cambio saca la tasa de conversión del intervalo 0–100 %.",
        R::ErrNotFinite => "Estas cifras no se pueden calcular.",
    }
}
