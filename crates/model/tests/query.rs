//! The Table's filter boxes: numeric filters and the name search read what people type,
//! and say where and why when they cannot.

use atlas_model::query::{parse_name_query, parse_number_query, NameQuery, NumberQuery};

fn number(s: &str) -> NumberQuery {
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
    assert_eq!(number(">=8"), NumberQuery::AtLeast(8.0));
    assert_eq!(number(" >= 1.5 "), NumberQuery::AtLeast(1.5));
    assert_eq!(number(">8"), NumberQuery::Greater(8.0));
    assert_eq!(number("<=2"), NumberQuery::AtMost(2.0));
    assert_eq!(number("< 2"), NumberQuery::Less(2.0));
    assert_eq!(number("=4"), NumberQuery::Equal(4.0));
    assert_eq!(number("==4"), NumberQuery::Equal(4.0));
    assert_eq!(number("4"), NumberQuery::Equal(4.0));
    assert_eq!(number("0.5"), NumberQuery::Equal(0.5));
    assert_eq!(number(".5"), NumberQuery::Equal(0.5));
    assert_eq!(number("!=0"), NumberQuery::NotEqual(0.0));
    assert_eq!(number("≥ 16"), NumberQuery::AtLeast(16.0));
    assert_eq!(number("16..64"), NumberQuery::Between(16.0, 64.0));
    assert_eq!(number(" 0.5 .. 1.5 "), NumberQuery::Between(0.5, 1.5));
    assert_eq!(number("8..8"), NumberQuery::Between(8.0, 8.0));
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
    assert!(reason.contains("unexpected '9'"), "{reason}");
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
        ">= 8 <= 16",
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

fn name(s: &str) -> NameQuery {
    parse_name_query(s)
        .unwrap_or_else(|e| panic!("{s:?}: {e}"))
        .unwrap_or_else(|| panic!("{s:?} parsed as empty"))
}

#[test]
fn substring_search_ignores_case() {
    let q = name("  C7GN ");
    assert!(matches!(&q, NameQuery::Substring(s) if s == "c7gn"));
    assert!(q.matches("c7gn.16xlarge"));
    assert!(!q.matches("c7g.16xlarge"));
    assert!(parse_name_query("   ").unwrap().is_none());
}

#[test]
fn slashes_make_a_case_insensitive_regex() {
    let q = name("/^M5A?\\.(large|xlarge)$/");
    assert!(matches!(q, NameQuery::Regex(_)));
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
    // A classic backtracking bomb: regex-lite stays linear.
    let q = name("/(a+)+$/");
    let start = std::time::Instant::now();
    assert!(!q.matches(&format!("{}!", "a".repeat(60))));
    assert!(start.elapsed().as_secs() < 2);
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
