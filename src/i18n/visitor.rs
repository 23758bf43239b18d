//! The texts of the visitor's calculator's own parts (`ui::embed`): what its estimate
//! counts and why, and its result strip. Apart from [`super::Msg`], so only that door
//! links them.

use super::{en, es, Lang, Text};

/// A text of the visitor's calculator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum VisitorMsg {
    Summary,
    Needs,
    Without,
    SwitchedOff,
    LeftOut,
    Assumptions,
    SetBySite,
    Margin,
    Horizon,
    Discount,
    Adoption,
    Risk,
    Live,
}

impl Text for VisitorMsg {
    fn text(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Es => es::visitor::visitor_text(self),
            Lang::En => en::visitor::visitor_text(self),
        }
    }
}
