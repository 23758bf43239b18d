//! The HTML text builder (`retorno::html`): texts and attribute values escaped by
//! construction. Expected strings written by hand from the HTML spec's five special
//! characters (`& < > " '`).

use retorno::html::{el, table, text, void, Html};

#[test]
fn text_escapes_the_five_characters_and_nothing_else() {
    let hostile = r#"<script>alert("x & 'y'")</script> ñ €"#;
    assert_eq!(
        String::from(text(hostile)),
        "&lt;script&gt;alert(&quot;x &amp; &#39;y&#39;&quot;)&lt;/script&gt; ñ €"
    );
}

#[test]
fn attribute_values_are_escaped_and_cannot_end_the_attribute() {
    let name = r#"" onclick="steal()"#;
    let html = el("p", &[("class", "note"), ("title", name)], text("hi"));
    assert_eq!(
        html.as_str(),
        r#"<p class="note" title="&quot; onclick=&quot;steal()">hi</p>"#
    );
    assert_eq!(
        void("circle", &[("cx", "3"), ("r", "4")]).as_str(),
        r#"<circle cx="3" r="4"/>"#
    );
}

#[test]
fn pieces_join_in_order() {
    let items: Html = ["a", "<b>"]
        .iter()
        .map(|s| el("li", &[], text(s)))
        .collect();
    let list = el("ul", &[], items) + text(" & more");
    assert_eq!(
        list.as_str(),
        "<ul><li>a</li><li>&lt;b&gt;</li></ul> &amp; more"
    );
    assert!(Html::default().is_empty());
}

#[test]
fn a_table_has_its_caption_heads_and_rows_in_a_scrolling_region() {
    let rows = el("tr", &[], el("td", &[], text("1 & 2")));
    let html = table("flows", "Costs <by> year", &["", "Year 1"], rows);
    assert_eq!(
        html.as_str(),
        concat!(
            r#"<div class="report-scroll" tabindex="0" role="region" aria-label="Costs &lt;by&gt; year">"#,
            r#"<table class="report-table flows"><caption>Costs &lt;by&gt; year</caption>"#,
            r#"<thead><tr><th scope="col"></th><th scope="col">Year 1</th></tr></thead>"#,
            r#"<tbody><tr><td>1 &amp; 2</td></tr></tbody></table></div>"#
        )
    );
}
