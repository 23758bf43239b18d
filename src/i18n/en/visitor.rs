//! The visitor's calculator's own texts in English.

use crate::i18n::VisitorMsg;

pub(in crate::i18n) fn visitor_text(msg: VisitorMsg) -> &'static str {
    use VisitorMsg as V;
    match msg {
        V::Summary => "What is counted: {0} of {1} benefit lines, {2} of {3} cost lines",
        V::Needs => "needs {0}",
        V::Without => "without {0}",
        V::LeftOut => "Not counted here (set them in the full analysis)",
        V::SwitchedOff => "switched off",
        V::SetBySite => "Set by this website",
        V::Assumptions => "Assumptions",
        V::Margin => "Gross margin 40%: a sale or a customer kept is worth its margin, not its revenue.",
        V::Horizon => "3 years after the initial investment: Gartner's period for a CRM's cost per user (US$15,000–30,000 over three years).",
        V::Discount => "NPV discounts each year at 10%, the full analysis's default rate.",
        V::Adoption => "Benefits ramp up as the team adopts the CRM: 60% of the full effect in year 1, 85% in year 2, 100% from year 3 (Forrester's Total Economic Impact practice).",
        V::Risk => "Every benefit is reduced 10% for estimation risk (Forrester's Total Economic Impact risk adjustment).",
        V::Live => "ROI {0}, NPV {1}, payback {2}.",
    }
}
