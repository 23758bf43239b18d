//! HTML written as text: the escaping every such text goes through, and the captioned
//! table the calculator, the report and the customer-value worker share. Text rather
//! than reactive views, for figures redrawn whole anyway: a fraction of the code.

/// `text` with the five characters HTML gives meaning escaped: every text written as
/// HTML goes through here (names come from users and links).
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A table with a caption, a header row and body rows already written, in a box that
/// scrolls sideways on a phone rather than the page (printed, it is the page).
pub fn table(class: &str, caption: &str, heads: &[&str], rows: &str) -> String {
    let heads: String = heads
        .iter()
        .map(|h| format!("<th scope=\"col\">{}</th>", esc(h)))
        .collect();
    let caption = esc(caption);
    format!(
        "<div class=\"report-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"{caption}\"><table class=\"report-table {class}\"><caption>{caption}</caption><thead><tr>{heads}</tr></thead><tbody>{rows}</tbody></table></div>"
    )
}
