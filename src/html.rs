//! HTML written as text, for read-only content redrawn whole (the report, the calculator's
//! tables of figures, the risk figures, the realised costs): a fraction of the code
//! reactive views of the same content would take. Every such text is an [`Html`], built
//! here and escaped by construction: texts and attribute values go through [`text`] and
//! [`el`], tag and attribute names are the code's own (`&'static str`), so nothing a user
//! typed or a link carried can become markup. Screens themselves are Leptos components
//! (docs/ARCHITECTURE.md, "One way to write a screen").

use std::fmt::Write;

/// An element's attributes: names the code's own, values escaped when written.
pub type Attrs<'a> = [(&'static str, &'a str)];

/// A piece of HTML text, made only by [`text`], [`el`], [`void`] and [`table`] and by
/// joining such pieces, so every text and attribute value in it was escaped.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Html(String);

impl Html {
    /// The text, to set as an element's inner HTML.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// Whether there is nothing in it.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Appends `more`.
    pub fn push(&mut self, more: Html) {
        self.0.push_str(&more.0);
    }
}

impl From<Html> for String {
    fn from(html: Html) -> String {
        html.0
    }
}

impl FromIterator<Html> for Html {
    fn from_iter<I: IntoIterator<Item = Html>>(pieces: I) -> Html {
        let mut all = Html::default();
        for piece in pieces {
            all.push(piece);
        }
        all
    }
}

impl std::ops::Add for Html {
    type Output = Html;
    fn add(mut self, more: Html) -> Html {
        self.push(more);
        self
    }
}

/// `s` with the five characters HTML gives meaning escaped, appended to `out`.
fn escape_into(out: &mut String, s: &str) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

/// `s` as text (names come from users and links).
pub fn text(s: &str) -> Html {
    let mut out = String::with_capacity(s.len());
    escape_into(&mut out, s);
    Html(out)
}

/// `<tag name="value"…>`, without its end.
fn start(tag: &'static str, attrs: &Attrs) -> String {
    let mut out = String::new();
    let _ = write!(out, "<{tag}");
    for (name, value) in attrs {
        let _ = write!(out, " {name}=\"");
        escape_into(&mut out, value);
        out.push('"');
    }
    out
}

/// `<tag name="value"…>inner</tag>`.
pub fn el(tag: &'static str, attrs: &Attrs, inner: Html) -> Html {
    let mut out = start(tag, attrs);
    let _ = write!(out, ">{}</{tag}>", inner.0);
    Html(out)
}

/// `<tag name="value"…/>`, an element without content (SVG's `circle`, `polyline`…).
pub fn void(tag: &'static str, attrs: &Attrs) -> Html {
    let mut out = start(tag, attrs);
    out.push_str("/>");
    Html(out)
}

/// A table with a caption, a header row and body rows already written, in a box that
/// scrolls sideways on a phone rather than the page (printed, it is the page).
pub fn table(class: &'static str, caption: &str, heads: &[&str], rows: Html) -> Html {
    let heads = heads
        .iter()
        .map(|h| el("th", &[("scope", "col")], text(h)))
        .collect();
    let classes = format!("report-table {class}");
    el(
        "div",
        &[
            ("class", "report-scroll"),
            ("tabindex", "0"),
            ("role", "region"),
            ("aria-label", caption),
        ],
        el(
            "table",
            &[("class", &classes)],
            el("caption", &[], text(caption))
                + el("thead", &[], el("tr", &[], heads))
                + el("tbody", &[], rows),
        ),
    )
}
