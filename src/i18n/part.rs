//! The texts of the full app's lazily loaded parts while they load (`ui::lazy`). Apart
//! from [`super::AppMsg`], so the other doors, which link that one, do not link these.

use super::{en, es, Lang, Text};

/// A text shown while a part of the full app loads, or when it cannot.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum PartMsg {
    Loading,
    LoadFailed,
    TryAgain,
}

impl Text for PartMsg {
    fn text(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Es => es::part::part_text(self),
            Lang::En => en::part::part_text(self),
        }
    }
}
