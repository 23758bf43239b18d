//! Los textos de las partes de la aplicación mientras se cargan, en español.

use crate::i18n::PartMsg;

pub(in crate::i18n) fn part_text(msg: PartMsg) -> &'static str {
    match msg {
        PartMsg::Loading => "Cargando…",
        PartMsg::LoadFailed => "No se ha podido cargar esta parte de Retorno. Comprueba la conexión y vuelve a intentarlo: no se pierde nada de lo que has introducido.",
        PartMsg::TryAgain => "Reintentar",
    }
}
