//! HTML written as text (`retorno::html`): the builder escapes every text and attribute
//! value, so a name typed by a user or carried by a link never becomes markup; the
//! captioned table keeps its markup. Expected strings are written here by hand.

use retorno::html::{esc, table, Html};

#[test]
fn texts_and_values_are_escaped() {
    let hostile = "<script>alert('x')</script> & \"quoted\"";
    assert_eq!(
        esc(hostile),
        "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;"
    );
    let mut h = Html::new();
    h.open("ul", &[("data-testid", "a\" onclick=\"x")])
        .element("li", &[("title", "<b>")], hostile)
        .close("ul");
    assert_eq!(
        h.as_str(),
        "<ul data-testid=\"a&quot; onclick=&quot;x\"><li title=\"&lt;b&gt;\">\
         &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;</li></ul>"
    );
}

#[test]
fn pieces_nest_and_an_empty_one_is_empty() {
    let mut inner = Html::new();
    assert!(inner.is_empty());
    inner.element("li", &[], "Año 1");
    let mut outer = Html::new();
    outer
        .open("ul", &[])
        .html(&inner)
        .close("ul")
        .text(" & más");
    assert!(!outer.is_empty());
    assert_eq!(outer.into_string(), "<ul><li>Año 1</li></ul> &amp; más");
}

#[test]
fn the_table_has_its_caption_heads_and_rows() {
    let rows = "<tr><th scope=\"row\">A</th><td>1</td></tr>";
    assert_eq!(
        table("flows", "Costs & benefits", &["", "Year <1>"], rows),
        "<div class=\"report-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Costs &amp; benefits\">\
         <table class=\"report-table flows\"><caption>Costs &amp; benefits</caption>\
         <thead><tr><th scope=\"col\"></th><th scope=\"col\">Year &lt;1&gt;</th></tr></thead>\
         <tbody><tr><th scope=\"row\">A</th><td>1</td></tr></tbody></table></div>"
    );
}
