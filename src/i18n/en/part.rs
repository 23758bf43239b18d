//! The texts of the full app's parts while they load, in English.

use crate::i18n::PartMsg;

pub(in crate::i18n) fn part_text(msg: PartMsg) -> &'static str {
    match msg {
        PartMsg::Loading => "Loading…",
        PartMsg::LoadFailed => "This part of Retorno could not be loaded. Check the connection and try again: nothing you entered is lost.",
        PartMsg::TryAgain => "Try again",
    }
}
