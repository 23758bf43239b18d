//! HTML written as text, for read-only content redrawn whole (the report, the
//! calculator's "what is counted", the tables of figures): the one builder every such
//! text goes through ([`Html`]: the code's own tags and attribute names, every text and
//! attribute value escaped), and the captioned table the calculator and the report
//! share. Text rather than reactive views, for figures redrawn whole anyway: a fraction
//! of the code. Screens are Leptos components (docs/ARCHITECTURE.md, "One way to write
//! a screen").

/// Appends `text` to `out` with the five characters HTML gives meaning escaped.
fn push_escaped(out: &mut String, text: &str) {
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
}

/// `text` with the five characters HTML gives meaning escaped: every text written as
/// HTML goes through here (names come from users and links).
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_escaped(&mut out, text);
    out
}

/// HTML written element by element. Tags and attribute names are the code's own
/// (`&'static str`); every text and attribute value is escaped on the way in, so a name
/// from a user or a link can never become markup.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Html(String);

impl Html {
    /// Nothing written yet.
    pub fn new() -> Html {
        Html(String::new())
    }

    /// Opens `tag` with its attributes (name, value).
    pub fn open(&mut self, tag: &'static str, attrs: &[(&'static str, &str)]) -> &mut Html {
        self.0.push('<');
        self.0.push_str(tag);
        for (name, value) in attrs {
            self.0.push(' ');
            self.0.push_str(name);
            self.0.push_str("=\"");
            push_escaped(&mut self.0, value);
            self.0.push('"');
        }
        self.0.push('>');
        self
    }

    /// Closes `tag`.
    pub fn close(&mut self, tag: &'static str) -> &mut Html {
        self.0.push_str("</");
        self.0.push_str(tag);
        self.0.push('>');
        self
    }

    /// Text, escaped.
    pub fn text(&mut self, text: &str) -> &mut Html {
        push_escaped(&mut self.0, text);
        self
    }

    /// `tag` with its attributes, holding `text`.
    pub fn element(
        &mut self,
        tag: &'static str,
        attrs: &[(&'static str, &str)],
        text: &str,
    ) -> &mut Html {
        self.open(tag, attrs).text(text).close(tag)
    }

    /// HTML written with another builder.
    pub fn html(&mut self, other: &Html) -> &mut Html {
        self.0.push_str(&other.0);
        self
    }

    /// Whether nothing was written.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The text written.
    pub fn into_string(self) -> String {
        self.0
    }

    /// The text written, borrowed.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A table with a caption, a header row and body rows already written, in a box that
/// scrolls sideways on a phone rather than the page (printed, it is the page).
pub fn table(class: &str, caption: &str, heads: &[&str], rows: &str) -> String {
    let mut h = Html::new();
    h.open(
        "div",
        &[
            ("class", "report-scroll"),
            ("tabindex", "0"),
            ("role", "region"),
            ("aria-label", caption),
        ],
    )
    .open("table", &[("class", &format!("report-table {class}"))])
    .element("caption", &[], caption)
    .open("thead", &[])
    .open("tr", &[]);
    for head in heads {
        h.element("th", &[("scope", "col")], head);
    }
    h.close("tr").close("thead").open("tbody", &[]);
    // The rows come from the other callers of this module (`esc`, or an `Html`).
    h.0.push_str(rows);
    h.close("tbody").close("table").close("div");
    h.into_string()
}
