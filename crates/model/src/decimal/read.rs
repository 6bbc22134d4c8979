//! Reading a decimal text as the double `str::parse::<f64>` gives, without core's `dec2flt`.

use std::cmp::Ordering;

use super::{compare, halfway, parts, ExactDigits};

/// Why a text is not a number [`read`] gives.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecimalError {
    /// Not digits with at most one point, an optional sign and exponent.
    #[error("\"{0}\" is not a number: type digits with at most one point, such as 800 or 0.5")]
    NotANumber(String),
}

/// The powers of ten a double holds exactly.
const POWERS_OF_TEN: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// The integer below which every integer is a double.
const EXACT_INTEGERS: u64 = 1 << 53;

/// The largest power of ten an exponent is read to: beyond it every number is 0 or infinite.
const LARGEST_POWER: i64 = 1_000_000;

/// Reads a decimal number (`16`, `-1.5`, `.25`, `2e3`) as `str::parse::<f64>` does.
pub fn read(text: &str) -> Result<f64, DecimalError> {
    if let Some(value) = plain(text) {
        return Ok(value);
    }
    let number = written(text).ok_or_else(|| DecimalError::NotANumber(text.to_owned()))?;
    let sign = if text.starts_with('-') { -1.0 } else { 1.0 };
    Ok(sign * magnitude(&number))
}

/// The usual text (`16`, `1.699`, `0.125`: at most 15 digits, no sign or exponent) without
/// building a digit string: below 10^15 < 2^53 the digits are exactly a double, so one
/// division by an exact power of ten rounds as core does.
fn plain(text: &str) -> Option<f64> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    let length = whole.len() + fraction.len();
    if length == 0 || length > 15 || !digits(whole) || !digits(fraction) {
        return None;
    }
    let mantissa = whole
        .bytes()
        .chain(fraction.bytes())
        .fold(0u64, |n, b| n * 10 + u64::from(b - b'0'));
    // Below 10^15, so the conversion is exact.
    Some(mantissa as f64 / POWERS_OF_TEN[fraction.len()])
}

/// The significant digits of a text (no leading or trailing zeros) with its point.
fn written(text: &str) -> Option<ExactDigits> {
    let rest = text.strip_prefix(['-', '+']).unwrap_or(text);
    let (number, exponent) = match rest.find(['e', 'E']) {
        Some(at) => (&rest[..at], Some(&rest[at + 1..])),
        None => (rest, None),
    };
    let (whole, fraction) = number.split_once('.').unwrap_or((number, ""));
    let plain = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    if (whole.is_empty() && fraction.is_empty()) || !plain(whole) || !plain(fraction) {
        return None;
    }
    let power = match exponent {
        None => 0,
        Some(e) => {
            let e_digits = e.strip_prefix(['-', '+']).unwrap_or(e);
            if e_digits.is_empty() || !plain(e_digits) {
                return None;
            }
            let magnitude = e_digits.bytes().fold(0i64, |n, b| {
                (n * 10 + i64::from(b - b'0')).min(LARGEST_POWER)
            });
            if e.starts_with('-') {
                -magnitude
            } else {
                magnitude
            }
        }
    };
    let all = whole.bytes().chain(fraction.bytes()).map(|b| b - b'0');
    let leading = all.clone().take_while(|&d| d == 0).count();
    let mut digits: Vec<u8> = all.skip(leading).collect();
    while digits.last() == Some(&0) {
        digits.pop();
    }
    let point = whole.len() as i64 - leading as i64 + power;
    let point = point.clamp(-2 * LARGEST_POWER, 2 * LARGEST_POWER) as i32;
    Some(ExactDigits { digits, point })
}

/// The double nearest the digits (ties to even), as IEEE rounding of the exact value.
fn magnitude(number: &ExactDigits) -> f64 {
    if number.digits.is_empty() {
        return 0.0;
    }
    if let Some(value) = fast_path(number) {
        return value;
    }
    // Below half the least double, or at least 10^309: no finite double is nearer.
    if number.point <= -324 {
        return 0.0;
    }
    if number.point > 310 {
        return f64::INFINITY;
    }
    nearest(number, estimate(number))
}

/// One correctly rounded operation, when the digits are an integer below 2^53 and the
/// power of ten is exact.
fn fast_path(number: &ExactDigits) -> Option<f64> {
    if number.digits.len() > 16 {
        return None;
    }
    let mut mantissa = number
        .digits
        .iter()
        .fold(0u64, |m, &d| m * 10 + u64::from(d));
    let mut power = number.point - number.digits.len() as i32;
    while power > 22 && mantissa * 10 < EXACT_INTEGERS {
        mantissa *= 10;
        power -= 1;
    }
    if mantissa >= EXACT_INTEGERS || power.abs() > 22 {
        return None;
    }
    let scale = POWERS_OF_TEN[power.unsigned_abs() as usize];
    // An integer below 2^53 is exactly a double.
    let value = mantissa as f64;
    Some(if power < 0 {
        value / scale
    } else {
        value * scale
    })
}

/// A double within a few units of the last place of the digits' value.
fn estimate(number: &ExactDigits) -> f64 {
    let used = number.digits.len().min(19);
    let mantissa = number.digits[..used]
        .iter()
        .fold(0u64, |m, &d| m * 10 + u64::from(d));
    // Below 10^19 < 2^64: one rounding.
    let mut value = mantissa as f64;
    let mut power = number.point - used as i32;
    while power > 22 {
        value *= 1e22;
        power -= 22;
    }
    while power < -22 {
        value /= 1e22;
        power += 22;
    }
    let scale = POWERS_OF_TEN[power.unsigned_abs() as usize];
    if power < 0 {
        value / scale
    } else {
        value * scale
    }
}

/// Walks from `guess` to the double whose halfway points hold the exact value.
fn nearest(number: &ExactDigits, guess: f64) -> f64 {
    let mut value = match guess {
        g if g.is_infinite() => f64::MAX,
        0.0 => f64::from_bits(1),
        g => g,
    };
    loop {
        let (_, mantissa, exponent) = parts(value);
        let (low, high) = halfway(mantissa, exponent);
        let odd = mantissa % 2 == 1;
        match compare(number, &high) {
            Ordering::Greater => {
                value = f64::from_bits(value.to_bits() + 1);
                if value.is_infinite() {
                    return value;
                }
                continue;
            }
            Ordering::Equal if odd => return f64::from_bits(value.to_bits() + 1),
            _ => {}
        }
        match compare(number, &low) {
            Ordering::Less => {
                if value.to_bits() == 1 {
                    return 0.0;
                }
                value = f64::from_bits(value.to_bits() - 1);
            }
            Ordering::Equal if odd => return f64::from_bits(value.to_bits() - 1),
            _ => return value,
        }
    }
}
