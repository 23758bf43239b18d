//! Reading numbers as typed in Spanish and English, and the catalogue's completeness.
use retorno::i18n::{parse_number, Lang, ParseError};
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

#[test]
fn spanish_and_english_conventions() {
    // Spanish writes 1.234,56; English 1,234.56 (the issue's own examples).
    assert_eq!(parse_number("1.234,56", Lang::Es), Ok(d("1234.56")));
    assert_eq!(parse_number("1,234.56", Lang::En), Ok(d("1234.56")));
    assert_eq!(parse_number("12,5", Lang::Es), Ok(d("12.5")));
    assert_eq!(parse_number("12.5", Lang::En), Ok(d("12.5")));
    // A lone "thousands" separator not followed by three digits is a decimal point.
    assert_eq!(parse_number("1.5", Lang::Es), Ok(d("1.5")));
    assert_eq!(parse_number("1.500", Lang::Es), Ok(d("1500")));
    assert_eq!(parse_number("1,500", Lang::En), Ok(d("1500")));
    assert_eq!(parse_number("1.234.567", Lang::Es), Ok(d("1234567")));
    assert_eq!(parse_number("-3", Lang::En), Ok(d("-3")));
    assert_eq!(parse_number(",5", Lang::Es), Ok(d("0.5")));
}

#[test]
fn values_pasted_back_as_displayed() {
    // What Intl shows: "45.000 €" (es-ES, with a no-break space), "€45,000", "US$", "12,5 %".
    assert_eq!(parse_number("45.000\u{a0}€", Lang::Es), Ok(d("45000")));
    assert_eq!(parse_number("€45,000", Lang::En), Ok(d("45000")));
    assert_eq!(parse_number("45.000\u{a0}US$", Lang::Es), Ok(d("45000")));
    assert_eq!(parse_number("12,5\u{a0}%", Lang::Es), Ok(d("12.5")));
    assert_eq!(parse_number("MXN 1,200", Lang::En), Ok(d("1200")));
    assert_eq!(parse_number("\u{2212}7", Lang::En), Ok(d("-7")));
}

#[test]
fn anything_else_is_refused() {
    assert_eq!(parse_number("", Lang::Es), Err(ParseError::Empty));
    assert_eq!(parse_number("   ", Lang::En), Err(ParseError::Empty));
    for bad in [
        "abc", "4o", "40abc", "50 seats", "1e3", "1,2,3", "12,5,0", "--3", "1.23.4", "NaN", "inf",
        ".",
    ] {
        assert_eq!(
            parse_number(bad, Lang::En),
            Err(ParseError::NotANumber),
            "{bad}"
        );
    }
    assert_eq!(
        parse_number("1,23,4", Lang::Es),
        Err(ParseError::NotANumber)
    );
}

#[test]
fn fill_replaces_each_placeholder_once() {
    use retorno::i18n::fill;
    // Worked by hand: each `{n}` names the n-th argument; an argument's own text is not
    // read again; a placeholder without an argument, or braces around something else,
    // stay as they are.
    assert_eq!(fill("{0} of {1}", &["2", "11"]), "2 of 11");
    assert_eq!(fill("{1}, {0}, {1}", &["a", "b"]), "b, a, b");
    assert_eq!(fill("{0}", &["{1}", "x"]), "{1}");
    assert_eq!(fill("{2} {x} {} {", &["a"]), "{2} {x} {} {");
    assert_eq!(fill("{10}", &["a"; 11]), "a");
    assert_eq!(fill("ñ {0} €", &["é"]), "ñ é €");
}

#[test]
fn plural_rules_are_cldrs_for_spanish_and_english() {
    use retorno::i18n::{plural, Plural::*};
    // CLDR plurals.xml: es one "n = 1", en one "i = 1 and v = 0"; everything else other.
    // For whole numbers (v = 0, f = 0) both are "one" for exactly 1 only.
    for lang in [Lang::Es, Lang::En] {
        for (n, want) in [(0, Other), (1, One), (2, Other), (5, Other), (21, Other)] {
            assert_eq!(plural(lang, n, 0, 0), want, "{lang:?} {n}");
        }
        // 1.5 and 0.1: other in both.
        assert_eq!(plural(lang, 1, 1, 5), Other);
        assert_eq!(plural(lang, 0, 1, 1), Other);
    }
    // "1,0" is n = 1 in Spanish (one, CLDR's own example "1.0"); "1.0" in English has a
    // visible decimal (other).
    assert_eq!(plural(Lang::Es, 1, 1, 0), One);
    assert_eq!(plural(Lang::En, 1, 1, 0), Other);
}

#[test]
fn plural_forms_follow_the_number_as_written() {
    use retorno::i18n::{fill, of_written, Plural::*};
    for (text, want) in [
        ("0", Other),
        ("1", One),
        ("2", Other),
        ("5", Other),
        ("21", Other),
        ("−1", One),
        ("1,0", Other), // never written (no trailing zeros); see of_written
        ("1.0", Other), // English 1.0: v = 1
        ("1,5", Other),
        ("1.5", Other),
        ("1.000", Other), // a thousand, grouped (Spanish)
        ("1,000", Other), // a thousand, grouped (English)
        ("10.001", Other),
    ] {
        assert_eq!(of_written(text), want, "{text}");
    }
    // The same as CLDR's rules on the operands, for numbers written as Intl writes them
    // (es-ES groups from five digits with ".", en-US from four with ","; up to four
    // decimals, without trailing zeros, and Spanish "1,0" as a one-decimal format would).
    fn group(n: u64, mark: char, from: u64) -> String {
        let digits = n.to_string();
        if n < from {
            return digits;
        }
        let mut out = String::new();
        for (k, c) in digits.chars().enumerate() {
            if k > 0 && (digits.len() - k).is_multiple_of(3) {
                out.push(mark);
            }
            out.push(c);
        }
        out
    }
    for i in (0..=25_000).chain([1_000_000, 21_000_001]) {
        for (lang, mark, decimal, from) in
            [(Lang::Es, '.', ',', 10_000), (Lang::En, ',', '.', 1_000)]
        {
            let int = group(i, mark, from);
            assert_eq!(
                of_written(&int),
                retorno::i18n::plural(lang, i, 0, 0),
                "{int}"
            );
            for (frac, v, f) in [("5", 1, 5), ("25", 2, 25), ("125", 3, 125), ("0001", 4, 1)] {
                let text = format!("{int}{decimal}{frac}");
                assert_eq!(
                    of_written(&text),
                    retorno::i18n::plural(lang, i, v, f),
                    "{text}"
                );
            }
        }
    }
    // The catalogue's forms, worked by hand in both languages.
    let es = "{0} {0|año|años}";
    let en = "{0} full {0|year|years}";
    for (n, want_es, want_en) in [
        ("0", "0 años", "0 full years"),
        ("1", "1 año", "1 full year"),
        ("2", "2 años", "2 full years"),
        ("5", "5 años", "5 full years"),
        ("21", "21 años", "21 full years"),
    ] {
        assert_eq!(fill(es, &[n]), want_es);
        assert_eq!(fill(en, &[n]), want_en);
    }
    assert_eq!(
        fill(
            "{0} {0|fila leída|filas leídas}: {1} {1|usada|usadas}",
            &["1", "0"]
        ),
        "1 fila leída: 0 usadas"
    );
    // A form without an argument, or an unfinished one, stays as it was.
    assert_eq!(fill("{1|a|b} {0|x", &["1"]), "{1|a|b} {0|x");
}

#[test]
fn every_counted_noun_has_its_plural_form() {
    use retorno::i18n::{fill, Msg, Text};
    // "1 años completos" (issue 27): the payback's math, the months and the units.
    for (lang, one, two) in [
        (Lang::Es, "1 año completo", "2 años completos"),
        (Lang::En, "1 full year", "2 full years"),
    ] {
        let math = |n: &str| fill(Msg::MathPayback.text(lang), &[n, "a", "b"]);
        assert!(math("1").contains(one), "{}", math("1"));
        assert!(math("2").contains(two), "{}", math("2"));
    }
    assert_eq!(fill(Msg::Months.text(Lang::Es), &["1"]), "1 mes");
    assert_eq!(fill(Msg::Months.text(Lang::Es), &["1,5"]), "1,5 meses");
    assert_eq!(fill(Msg::Months.text(Lang::En), &["1"]), "1 month");
    assert_eq!(fill(Msg::Months.text(Lang::En), &["21"]), "21 months");
    assert_eq!(fill(Msg::UnitYears.text(Lang::Es), &["1"]), "año");
    assert_eq!(fill(Msg::UnitYears.text(Lang::En), &["2"]), "years");
    assert_eq!(fill(Msg::UnitDays.text(Lang::En), &["1"]), "day");
    // As a field's unit: the plural.
    assert_eq!(fill(Msg::UnitWeeks.text(Lang::Es), &[""]), "semanas");
}

#[test]
fn the_visitor_assumptions_state_the_default_values() {
    use retorno::engine::model::Inputs;
    use retorno::i18n::{Text, VisitorMsg};
    use retorno::units::Lang;
    // The visitor's calculator states its assumptions as fixed texts: an assumption
    // nobody sees is always at its default (engine::visitor), so the texts must say the
    // defaults. EN writes "10%", ES "10 %".
    let d = Inputs::default();
    let whole = |v: rust_decimal::Decimal| v.normalize().to_string();
    let cases = [
        (VisitorMsg::Margin, vec![whole(d.gross_margin_pct)]),
        (VisitorMsg::Horizon, vec![whole(d.horizon_years)]),
        (VisitorMsg::Discount, vec![whole(d.discount_rate_pct)]),
        (
            VisitorMsg::Adoption,
            vec![
                whole(d.adoption_year1_pct),
                whole(d.adoption_year2_pct),
                whole(d.adoption_steady_pct),
            ],
        ),
        (VisitorMsg::Risk, vec![whole(d.risk_haircut_pct)]),
    ];
    for (msg, values) in cases {
        for (lang, pct) in [(Lang::En, "%"), (Lang::Es, " %")] {
            let text = msg.text(lang);
            for v in &values {
                let stated = if msg == VisitorMsg::Horizon {
                    format!("{v} ")
                } else {
                    format!("{v}{pct}")
                };
                assert!(text.contains(&stated), "{msg:?} {lang:?}: {text}");
            }
        }
    }
}
