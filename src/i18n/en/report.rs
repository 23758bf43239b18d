//! The report page's texts in English.

use crate::i18n::ReportMsg;

pub(in crate::i18n) fn report_text(msg: ReportMsg) -> &'static str {
    match msg {
        ReportMsg::Back => "Back to the calculator",
        ReportMsg::PreparedBy => "Prepared by",
        ReportMsg::Print => "Print or save as PDF",
        ReportMsg::PrintHint => "Choose A4 or Letter and “Save as PDF” in the print dialog. The scenario's notes are not included.",
        ReportMsg::Title => "CRM return on investment",
        ReportMsg::Date => "Date",
        ReportMsg::Charts => "Charts",
        ReportMsg::NoBenefits => "No benefit line brings any value with these inputs.",
        ReportMsg::TopLines => "Most of the value comes from: {0} (share of the present value of benefits).",
        ReportMsg::Risk => "Benefits are reduced by {0} for estimation risk and ramp up with adoption: {1} in year 1, {2} in year 2, {3} from year 3 (Forrester's Total Economic Impact practice).",
        ReportMsg::Horizon => "Over {0} {0|year|years} after the initial investment, discounted at {1} a year.",
        ReportMsg::Summary => "Executive summary",
        ReportMsg::Input => "Input",
        ReportMsg::Value => "Value",
        ReportMsg::DefaultIfChanged => "Default (if changed)",
        ReportMsg::On => "counted",
        ReportMsg::Off => "not counted",
        ReportMsg::Assumptions => "Assumptions",
        ReportMsg::AllDefaults => "Every input of the model, each at its default.",
        ReportMsg::ChangedNote => "Every input of the model. Rows shaded and showing a default were changed from the defaults.",
        ReportMsg::Flows => "Costs and benefits by year and line",
        ReportMsg::Gartner => "Reference figure: Gartner puts a CRM's total cost of ownership at US$ {0}–{1} per user over three years; the cost per user here is the costs of the initial investment and years 1–3 divided by the seats.",
        ReportMsg::Method => "Method",
        ReportMsg::MethodFigures => "ROI = (present value of benefits − present value of costs) ÷ present value of costs. NPV = Σ net flow of year t ÷ (1 + {0})^t, from the initial investment (t = 0) to the horizon. IRR is the rate at which the NPV is zero; when the net flows change sign more than once several rates are, and the MIRR (the inflows reinvested and the outflows financed at the discount rate) gives one. Payback is when the cumulative net flow turns positive, in months, interpolated within the year.",
        ReportMsg::MethodCosts => "Costs: implementation, integration, data migration and initial training at the start; licences and the AI add-on per seat (with their yearly price rise), maintenance, continuous training and staff time every year; a contingency on all of them. Benefits counted, each a full year's value scaled by adoption and the risk haircut:",
        ReportMsg::MethodTei => "Risk allowances as in Forrester's Total Economic Impact (TEI): each benefit is reduced by the risk haircut for the uncertainty of its estimate, and grows with adoption (year 1, year 2, then steady state) rather than arriving in full on day one.",
        ReportMsg::PaybackSentence => "Payback: {0} on nominal flows, {1} on discounted flows.",
        ReportMsg::Qr => "QR code of the link to the live scenario",
        ReportMsg::NoQr => "The link is too long for a QR code that prints legibly: the address above, shortened here, is a link in the PDF.",
        ReportMsg::LinkTitle => "The live scenario",
        ReportMsg::LinkHint => "Open this address (or scan the code) to see and change this scenario in Retorno, in your browser.",
    }
}
