//! The Table's filter boxes: numeric filters and the name search read what people type,
//! and say where and why when they cannot.

use atlas_model::query::{
    parse_column_query, parse_name_query, parse_number_query, ColumnQuery, ColumnUnit, NameQuery,
    NumberQuery, TextQuery,
};

fn number(s: &str) -> ColumnQuery {
    parse_number_query(s)
        .unwrap_or_else(|e| panic!("{s:?}: {e}"))
        .unwrap_or_else(|| panic!("{s:?} parsed as empty"))
}

fn error(s: &str) -> (usize, String) {
    let Err(e) = parse_number_query(s) else {
        panic!("{s:?} should not parse");
    };
    (e.position, e.reason)
}

#[test]
fn every_operator_parses_with_or_without_spaces() {
    assert_eq!(
        number(">=8"),
        ColumnQuery::single(NumberQuery::AtLeast(8.0))
    );
    assert_eq!(
        number(" >= 1.5 "),
        ColumnQuery::single(NumberQuery::AtLeast(1.5))
    );
    assert_eq!(number(">8"), ColumnQuery::single(NumberQuery::Greater(8.0)));
    assert_eq!(number("<=2"), ColumnQuery::single(NumberQuery::AtMost(2.0)));
    assert_eq!(number("< 2"), ColumnQuery::single(NumberQuery::Less(2.0)));
    assert_eq!(number("=4"), ColumnQuery::single(NumberQuery::Equal(4.0)));
    assert_eq!(number("==4"), ColumnQuery::single(NumberQuery::Equal(4.0)));
    assert_eq!(number("4"), ColumnQuery::single(NumberQuery::Equal(4.0)));
    assert_eq!(number("0.5"), ColumnQuery::single(NumberQuery::Equal(0.5)));
    assert_eq!(number(".5"), ColumnQuery::single(NumberQuery::Equal(0.5)));
    assert_eq!(
        number("!=0"),
        ColumnQuery::single(NumberQuery::NotEqual(0.0))
    );
    assert_eq!(
        number("≥ 16"),
        ColumnQuery::single(NumberQuery::AtLeast(16.0))
    );
    assert_eq!(
        number("16..64"),
        ColumnQuery::single(NumberQuery::Between(16.0, 64.0))
    );
    assert_eq!(
        number(" 0.5 .. 1.5 "),
        ColumnQuery::single(NumberQuery::Between(0.5, 1.5))
    );
    assert_eq!(
        number("8..8"),
        ColumnQuery::single(NumberQuery::Between(8.0, 8.0))
    );
}

#[test]
fn empty_text_is_no_filter() {
    assert_eq!(parse_number_query(""), Ok(None));
    assert_eq!(parse_number_query(" \t\n"), Ok(None));
}

#[test]
fn filters_match_the_values_they_describe() {
    assert!(number(">=8").matches(8.0) && !number(">=8").matches(7.99));
    assert!(!number(">8").matches(8.0) && number(">8").matches(8.5));
    assert!(number("16..64").matches(16.0) && number("16..64").matches(64.0));
    assert!(!number("16..64").matches(96.0));
    assert!(number("!=0").matches(1.0) && !number("!=0").matches(0.0));
    assert!(number("4").matches(4.0) && !number("4").matches(4.5));
}

#[test]
fn errors_say_where_and_what() {
    assert_eq!(error(">="), (2, "expected a number after '>='".to_owned()));
    assert_eq!(
        error("64..16"),
        (0, "range start 64 is above end 16".to_owned())
    );
    let (at, reason) = error("=>8");
    assert_eq!(at, 0);
    assert!(reason.contains("unknown operator '=>'"), "{reason}");
    let (at, reason) = error("8 9");
    assert_eq!(at, 2);
    assert_eq!(reason, "8 and 9 cannot both hold: for either, write 8|9");
    let (at, reason) = error(">=8 )");
    assert_eq!(at, 4);
    assert!(reason.contains("unexpected ')'"), "{reason}");
    let (at, reason) = error("16..");
    assert_eq!(at, 4);
    assert!(reason.contains("after '..'"), "{reason}");
    assert!(error("16.x").1.contains("second '.' for a range"));
}

#[test]
fn positions_count_characters_not_bytes() {
    // 'é' is two bytes; the stray 'x' is the fourth character.
    let e = parse_number_query("≥é").expect_err("letters are not numbers");
    assert_eq!(e.position, 1);
    assert_eq!(
        e.to_string(),
        "expected a number after '≥', found 'é' (at character 2)"
    );
}

#[test]
fn odd_inputs_are_errors_never_panics() {
    let odd = [
        "NaN",
        "nan",
        "inf",
        "-inf",
        "+5",
        "-1",
        "1e5",
        "1e400",
        "..",
        "...",
        "..5",
        ">",
        "<<3",
        "!",
        "!==3",
        "=",
        "5..",
        "5..6..7",
        "١٢",
        "🦀",
        "\u{0}",
        "0x10",
        "1,000",
        "8 GiB",
        "$8",
        "8|",
        "\u{200b}8",
    ];
    for s in odd {
        assert!(parse_number_query(s).is_err(), "{s:?} should be an error");
    }
    let huge = "9".repeat(150);
    let e = parse_number_query(&huge).expect_err("150 nines");
    assert!(e.reason.contains("too large"), "{}", e.reason);
    assert!(parse_number_query(&"1".repeat(10_000)).is_err());
    assert!(parse_number_query(&">".repeat(150)).is_err());
}

fn name(s: &str) -> TextQuery {
    parse_name_query(s)
        .unwrap_or_else(|e| panic!("{s:?}: {e}"))
        .unwrap_or_else(|| panic!("{s:?} parsed as empty"))
}

#[test]
fn substring_search_ignores_case() {
    let q = name("  C7GN ");
    let word = &q.conditions[0].any_of[0];
    assert!(matches!(word, NameQuery::Substring(s) if s == "c7gn"));
    assert!(q.matches("c7gn.16xlarge"));
    assert!(!q.matches("c7g.16xlarge"));
    assert!(parse_name_query("   ").unwrap().is_none());
}

#[test]
fn slashes_make_a_case_insensitive_regex() {
    let q = name("/^M5A?\\.(large|xlarge)$/");
    assert!(matches!(q.conditions[0].any_of[0], NameQuery::Regex(_)));
    assert!(q.matches("m5.large") && q.matches("m5a.xlarge"));
    assert!(!q.matches("m5ad.large") && !q.matches("m5.2xlarge"));
    assert!(parse_name_query("//").unwrap().is_none());
}

#[test]
fn bad_regexes_are_errors_with_a_reason() {
    let e = parse_name_query("/m5(/").expect_err("unclosed group");
    assert_eq!(e.position, 1);
    assert!(e.reason.starts_with("not a valid regex: "), "{}", e.reason);
    let e = parse_name_query(" /m5").expect_err("no closing slash");
    assert!(e.reason.contains("closing '/'"), "{}", e.reason);
    assert_eq!(e.position, 4);
}

#[test]
fn hostile_regexes_are_refused_or_fast() {
    let e = parse_name_query("/(a{1000}){1000}/").expect_err("far too big compiled");
    assert!(e.reason.contains("too large"), "{}", e.reason);
    let nested = format!("/{}a{}/", "(".repeat(90), ")".repeat(90));
    assert!(parse_name_query(&nested).is_err());
    // A classic backtracking bomb is refused before any engine sees it (the browser's
    // RegExp backtracks), with what to do instead.
    let e = parse_name_query("/(a+)+$/").expect_err("nested repetition");
    assert!(e.reason.contains("repeat only once"), "{}", e.reason);
    assert_eq!(e.position, 1);
    // The same group repeated once is an ordinary search.
    assert!(name("/(a+)$/").matches("m5a"));
}

/// Strings built from the characters that matter to the parsers, plus unicode.
fn odd_strings() -> impl Iterator<Item = String> {
    const ALPHABET: [char; 20] = [
        '>', '<', '=', '!', '.', '/', '0', '9', ' ', '(', '*', '+', '[', '\\', '≥', 'é', '🦀', 'e',
        'x', '{',
    ];
    let mut seed: u64 = 0x5eed;
    (0..5_000).map(move |_| {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let length = (seed >> 59) as usize;
        (0..length)
            .map(|k| ALPHABET[((seed >> (k * 3 % 56)) % ALPHABET.len() as u64) as usize])
            .collect()
    })
}

#[test]
fn thousands_of_odd_strings_never_panic() {
    for s in odd_strings() {
        if let Ok(Some(q)) = parse_number_query(&s) {
            let _ = q.matches(1.0);
        }
        if let Err(e) = parse_number_query(&s) {
            assert!(e.position <= s.chars().count(), "{s:?}: {e}");
        }
        if let Ok(Some(q)) = parse_name_query(&s) {
            let _ = q.matches("m5.large");
        }
        if let Err(e) = parse_name_query(&s) {
            assert!(!e.reason.is_empty());
        }
    }
}

fn memory(s: &str) -> ColumnQuery {
    parse_column_query(s, ColumnUnit::Memory, "Memory (GiB)")
        .unwrap_or_else(|e| panic!("{s:?}: {e}"))
        .unwrap_or_else(|| panic!("{s:?} parsed as empty"))
}

#[test]
fn units_convert_to_the_columns_own_unit() {
    assert_eq!(
        memory(">=1TiB"),
        ColumnQuery::single(NumberQuery::AtLeast(1024.0))
    );
    assert_eq!(
        memory("<=512MiB"),
        ColumnQuery::single(NumberQuery::AtMost(0.5))
    );
    assert_eq!(
        memory(">= 2 tib"),
        ColumnQuery::single(NumberQuery::AtLeast(2048.0))
    );
    assert_eq!(
        memory("16"),
        ColumnQuery::single(NumberQuery::Equal(16.0)),
        "bare is GiB"
    );
    assert_eq!(
        memory("1..2TiB"),
        ColumnQuery::single(NumberQuery::Between(1024.0, 2048.0))
    );
    assert_eq!(
        memory("512MiB..2GiB"),
        ColumnQuery::single(NumberQuery::Between(0.5, 2.0))
    );
    let not_eight = memory("! 8");
    assert!(
        not_eight.matches(16.0) && !not_eight.matches(8.0),
        "a space may follow the !"
    );
    let network = |s: &str| parse_column_query(s, ColumnUnit::Network, "Network (Gbps)");
    assert_eq!(
        network(">=25Gbps").unwrap(),
        Some(ColumnQuery::single(NumberQuery::AtLeast(25.0)))
    );
    assert!(network(">=500Mbps").unwrap().unwrap().matches(0.5));
    let clock = parse_column_query(">=3.5GHz", ColumnUnit::Clock, "Clock (GHz)")
        .unwrap()
        .unwrap();
    assert!(clock.matches(3.5) && !clock.matches(3.4));
    let mhz = parse_column_query("<2500 MHz", ColumnUnit::Clock, "Clock (GHz)")
        .unwrap()
        .unwrap();
    assert!(mhz.matches(2.4) && !mhz.matches(2.5));
    let storage = parse_column_query(">=1TB", ColumnUnit::Storage, "Local storage (GB)")
        .unwrap()
        .unwrap();
    assert!(storage.matches(1000.0) && !storage.matches(950.0));
    let price = parse_column_query("<=$0.10", ColumnUnit::Usd, "Price ($/h)")
        .unwrap()
        .unwrap();
    assert!(price.matches(0.096) && !price.matches(0.192));
}

#[test]
fn a_wrong_unit_says_which_units_the_column_takes() {
    let e = parse_column_query(">=1GHz", ColumnUnit::Memory, "Memory (GiB)").expect_err("GHz");
    assert_eq!(e.position, 3);
    assert_eq!(
        e.reason,
        "'GHz' is not a unit for Memory (GiB): use MiB, GiB or TiB"
    );
    let e = parse_column_query("8GiB", ColumnUnit::Count, "vCPU").expect_err("vCPU has no unit");
    assert_eq!(
        e.to_string(),
        "vCPU takes plain numbers, not 'GiB' (at character 2)"
    );
    let e = parse_column_query("$5", ColumnUnit::Memory, "Memory (GiB)").expect_err("$");
    assert!(e.reason.contains("only in price columns"), "{}", e.reason);
    let e =
        parse_column_query("2TiB..1TiB", ColumnUnit::Memory, "Memory (GiB)").expect_err("range");
    assert_eq!(e.reason, "range start 2 is above end 1");
}

#[test]
fn alternatives_negation_and_several_conditions() {
    let either = number("8|16");
    assert!(either.matches(8.0) && either.matches(16.0) && !either.matches(12.0));
    let spaced = number(" 8 | 16 | >=96 ");
    assert!(spaced.matches(16.0) && spaced.matches(128.0) && !spaced.matches(32.0));
    let neither = number("!8|16");
    assert!(!neither.matches(8.0) && !neither.matches(16.0) && neither.matches(12.0));
    assert!(
        !neither.matches(f64::NAN),
        "no value never passes, negated or not"
    );
    let outside = number("!16..64");
    assert!(outside.matches(8.0) && outside.matches(96.0) && !outside.matches(32.0));
    let both = number(">=8 <=64");
    assert_eq!(both.conditions.len(), 2);
    assert!(both.matches(8.0) && both.matches(64.0) && !both.matches(4.0) && !both.matches(96.0));
    let spaced = number(">= 8 <= 16");
    assert!(spaced.matches(12.0) && !spaced.matches(32.0));
    assert!(number("!=4").matches(8.0) && !number("!=4").matches(4.0));
    assert!(number("16..64 !32").matches(48.0) && !number("16..64 !32").matches(32.0));
}

#[test]
fn text_searches_take_words_alternatives_and_exclusions() {
    let q = name("m5 !m5a !/metal/");
    assert!(q.matches("m5.large") && q.matches("m5d.xlarge"));
    assert!(!q.matches("m5a.large") && !q.matches("m5.metal") && !q.matches("c5.large"));
    let either = name("c7gn|/^m7i\\./");
    assert!(
        either.matches("c7gn.large") && either.matches("m7i.large") && !either.matches("m7a.large")
    );
    let slash_in_regex = name("/^(c|m)5\\.(large|xlarge)$/ !xlarge");
    assert!(slash_in_regex.matches("m5.large") && !slash_in_regex.matches("c5.xlarge"));
    let e = parse_name_query("! m5").expect_err("a lone '!'");
    assert_eq!(e.position, 1);
    assert!(e.reason.contains("right after '!'"), "{}", e.reason);
    assert!(parse_name_query("// //").unwrap().is_none());
}
