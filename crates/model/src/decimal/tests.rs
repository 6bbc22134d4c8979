//! Tests of the model's decimal reading and writing against core's.

use super::*;
use proptest::prelude::*;

/// Every token of a data file written as a decimal (digits and a point; not a hex mask).
fn numbers_in(text: &str) -> Vec<&str> {
    text.split([',', ':', '\n', '\r', ' ', ';', '|'])
        .filter(|t| t.bytes().any(|b| b.is_ascii_digit()))
        .filter(|t| t.bytes().all(|b| b.is_ascii_digit() || b == b'.'))
        .filter(|t| t.parse::<f64>().is_ok())
        .collect()
}

#[test]
fn every_number_in_the_data_reads_as_core_reads_it() {
    let catalogue = include_str!("../../../../assets/data/instance-types.csv");
    let rates = include_str!("../../../../assets/data/prices-rates.csv");
    let mut seen = 0;
    for token in numbers_in(catalogue).into_iter().chain(numbers_in(rates)) {
        let core: f64 = token
            .parse()
            .unwrap_or_else(|e| panic!("core reads {token}: {e}"));
        let ours = read(token).unwrap_or_else(|e| panic!("{token}: {e}"));
        assert_eq!(ours.to_bits(), core.to_bits(), "{token}");
        seen += 1;
    }
    assert!(seen > 10_000, "only {seen} numbers found in the data");
}

#[test]
fn reads_what_people_type() {
    for (text, value) in [
        ("16", 16.0),
        ("-1.5", -1.5),
        ("+2", 2.0),
        (".25", 0.25),
        ("1.", 1.0),
        ("2e3", 2000.0),
        ("2.5E-1", 0.25),
        ("1.500000000000000000000", 1.5),
        ("0.1", 0.1),
    ] {
        assert_eq!(read(text), Ok(value), "{text}");
    }
    assert!(
        read("-0").is_ok_and(|zero| zero.is_sign_negative()),
        "-0 reads as a negative zero"
    );
}

#[test]
fn refuses_what_is_not_a_number_with_a_reason() {
    for text in [
        "", ".", "-", "e5", "1e", "1.2.3", "1,5", "inf", "NaN", " 1", "0x10", "1e+",
    ] {
        assert_eq!(
            read(text),
            Err(DecimalError::NotANumber(text.to_owned())),
            "{text}"
        );
    }
}

#[test]
fn reads_long_and_extreme_texts_as_core() {
    for text in [
        "1e400",
        "-1e400",
        "1e-400",
        "12345678901234567890",
        "1e-30",
        "9007199254740993",
        "-153355.95933997244",
        "0.30000000000000004",
        "2.2250738585072011e-308",
        "2.4703282292062327e-324",
        "2.4703282292062328e-324",
        "1.7976931348623157e308",
        "1.7976931348623158e308",
        "1.7976931348623159e308",
        "4.9406564584124654e-324",
        "123456789012345678901234567890e-10",
        "1e99999999999999",
        "0.000000000000000000000000000000000000000000001",
    ] {
        let core: f64 = text
            .parse()
            .unwrap_or_else(|e| panic!("core reads {text}: {e}"));
        assert_eq!(read(text).map(f64::to_bits), Ok(core.to_bits()), "{text}");
    }
}

#[test]
fn writes_as_core_writes_the_awkward_cases() {
    for value in [
        0.0,
        -0.0,
        0.5,
        1.5,
        2.5,
        0.25,
        1.125,
        -0.04,
        0.1 + 0.2,
        1e21,
        5e-324,
        f64::MAX,
        f64::MIN_POSITIVE,
        f64::NAN,
        f64::INFINITY,
        f64::NEG_INFINITY,
        9.995,
        999.9999,
        2f64.powi(-1022),
        2f64.powi(60),
    ] {
        assert_eq!(shortest(value), format!("{value}"), "{value:e}");
        for places in 0..8 {
            assert_eq!(
                fixed(value, places),
                format!("{value:.places$}"),
                "{value:e} .{places}"
            );
        }
    }
}

#[test]
fn rounds_to_significant_digits_as_core_does() {
    for value in [
        0.30000000000000004,
        0.05000000000000001,
        123456.789,
        -7.25e-3,
        1.0,
    ] {
        for digits in [1, 3, 7, 13] {
            let places = digits as usize - 1;
            let rounded = format!("{value:.places$e}");
            let core: f64 = rounded
                .parse()
                .unwrap_or_else(|e| panic!("core reads {rounded}: {e}"));
            assert_eq!(round_significant(value, digits).to_bits(), core.to_bits());
        }
    }
}

/// A decimal text in the exact range: mantissa below 2^53, power of ten within 22.
fn fast_path_text() -> impl Strategy<Value = String> {
    (0u64..(1 << 53), -22i32..=22, any::<bool>(), 0usize..4).prop_map(
        |(mantissa, power, negative, style)| {
            let sign = if negative { "-" } else { "" };
            match style {
                0 => format!("{sign}{mantissa}e{power}"),
                _ if power >= 0 => format!("{sign}{mantissa}{}", "0".repeat(power as usize)),
                _ => {
                    let digits = format!("{mantissa:0>23}");
                    let at = digits.len() - power.unsigned_abs() as usize;
                    format!("{sign}{}.{}", &digits[..at], &digits[at..])
                }
            }
        },
    )
}

proptest! {
    #[test]
    fn reads_bit_for_bit_as_core_in_the_fast_path(text in fast_path_text()) {
        let core: f64 = text.parse().unwrap_or_else(|e| panic!("core reads {text}: {e}"));
        prop_assert_eq!(read(&text).map(f64::to_bits), Ok(core.to_bits()), "{}", text);
    }

    #[test]
    fn reads_any_double_written_shortest_or_long_as_core(bits in any::<u64>()) {
        let value = f64::from_bits(bits);
        prop_assume!(value.is_finite());
        for text in [format!("{value}"), format!("{value:e}"), format!("{value:.20e}")] {
            let core: f64 = text.parse().unwrap_or_else(|e| panic!("core reads {text}: {e}"));
            prop_assert_eq!(read(&text).map(f64::to_bits), Ok(core.to_bits()), "{}", text);
        }
    }

    #[test]
    fn writes_any_double_as_core(bits in any::<u64>()) {
        let value = f64::from_bits(bits);
        prop_assert_eq!(shortest(value), format!("{value}"));
        prop_assert_eq!(fixed(value, 2), format!("{value:.2}"));
    }

    #[test]
    fn writes_decimals_of_few_places_as_core(
        n in 0u64..1_100_000_000_000,
        places in 0i32..=7,
        negative in any::<bool>(),
    ) {
        let value = n as f64 / 10f64.powi(places);
        let value = if negative { -value } else { value };
        prop_assert_eq!(shortest(value), format!("{value}"));
    }

    #[test]
    fn writes_the_app_range_as_core(value in -1e7f64..1e7, places in 0usize..7) {
        prop_assert_eq!(shortest(value), format!("{value}"));
        prop_assert_eq!(fixed(value, places), format!("{value:.places$}"));
        let cents = (value * 100.0).round() / 100.0;
        prop_assert_eq!(shortest(cents), format!("{cents}"));
    }

    #[test]
    fn rounds_significant_digits_as_core(value in -1e9f64..1e9, digits in 1u32..=13) {
        let places = digits as usize - 1;
        let rounded = format!("{value:.places$e}");
        let core: f64 = rounded.parse().unwrap_or_else(|e| panic!("core reads {rounded}: {e}"));
        prop_assert_eq!(round_significant(value, digits).to_bits(), core.to_bits());
    }
}
