//! Decimal numbers read and written by the model itself, in place of `str::parse::<f64>`
//! and `format!("{}")`/`format!("{:.N}")` on floats, so the page's WebAssembly need not carry
//! core's float machinery: `dec2flt` (Eisel-Lemire with its tables of powers of five, 8.4 KB
//! and 5.2 KB of data that gzip cannot shrink) and `flt2dec` (Grisu and Dragon, ~14 KB of
//! code). Measured with `tests/e2e/bench_bytes.mjs`: reading every number here took the
//! page's wasm from 499.2 to 482.2 KB gzip -9 and the embed page's from 307.1 to 296.7 KB.
//! The page and the embed page link no `flt2dec` either: the charts paint through the app's
//! own canvas backend and pictures are written by `chart::svg`, both with [`Shortest`], and
//! the axes give plotters' mesh their own labels (`{:?}` on an f64 is its default).
//!
//! No crate is smaller than core here: the crates that exist (ryu, lexical, fast-float)
//! trade size for speed with tables of their own. What is here is plain and small, and
//! exact: both ways go through a digit string of a float's exact value (a big integer in
//! base 10^9), then round or compare decimal digits.
//!
//! - [`read`]: digits, at most one point, an optional exponent and sign; bit-for-bit what
//!   `str::parse::<f64>` gives. In the fast path (the digits without leading and trailing
//!   zeros form an integer below 2^53 and the power of ten is at most 22 either way, which
//!   covers every number in the data and what people type) it is one correctly rounded IEEE
//!   multiplication or division by an exact power of ten; longer texts (a zoomed range's
//!   17 digits in an address) take a float estimate, corrected against the exact halfway
//!   points to the neighbouring doubles. `inf` and `NaN` are not numbers here.
//! - [`fixed`]: the text of `format!("{value:.places$}")` (half to even on the exact value).
//! - [`shortest`]: the text of `format!("{value}")` (the fewest digits that read back).
//! - [`round_significant`]: the value of `format!("{value:.Ne}").parse()`.

use std::fmt::Write as _;

mod read;

pub use read::{read, DecimalError};

/// What an exact half rounds to: the even neighbour (`{:.N}`) or up (the last digit of
/// the shortest text, as core's Dragon does).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Tie {
    ToEven,
    Up,
}

/// A float's exact value in decimal: `digits` (no leading zero unless the value is zero)
/// with the decimal point `point` places from their start (negative: zeros before them).
struct ExactDigits {
    digits: Vec<u8>,
    point: i32,
}

/// Limbs of a big integer in base 10^9, least significant first.
const LIMB: u64 = 1_000_000_000;

/// Multiplies a base-10^9 integer by `factor` (at most 2^32).
fn multiply(limbs: &mut Vec<u64>, factor: u64) {
    let mut carry = 0;
    for limb in limbs.iter_mut() {
        let product = *limb * factor + carry;
        *limb = product % LIMB;
        carry = product / LIMB;
    }
    while carry > 0 {
        limbs.push(carry % LIMB);
        carry /= LIMB;
    }
}

/// The exact decimal digits of `mantissa * 2^exponent`.
fn exact_digits(mantissa: u64, exponent: i32) -> ExactDigits {
    let mut limbs = vec![
        mantissa % LIMB,
        mantissa / LIMB % LIMB,
        mantissa / LIMB / LIMB,
    ];
    let (factor, chunk_factor, chunk, mut times) = match exponent >= 0 {
        true => (2, 1 << 29, 29, exponent.unsigned_abs()),
        // m / 2^k is m * 5^k / 10^k.
        false => (5, 1_220_703_125, 13, exponent.unsigned_abs()),
    };
    while times >= chunk {
        multiply(&mut limbs, chunk_factor);
        times -= chunk;
    }
    for _ in 0..times {
        multiply(&mut limbs, factor);
    }
    let mut text = String::new();
    for limb in limbs.iter().rev() {
        let _ = write!(text, "{limb:09}");
    }
    let digits: Vec<u8> = text
        .bytes()
        .map(|b| b - b'0')
        .skip_while(|&d| d == 0)
        .collect();
    let fraction = if exponent < 0 { -exponent } else { 0 };
    let point = digits.len() as i32 - fraction;
    ExactDigits { digits, point }
}

/// A finite double as `(negative, mantissa, binary exponent)` with value `mantissa * 2^exponent`.
fn parts(value: f64) -> (bool, u64, i32) {
    let bits = value.to_bits();
    let negative = bits >> 63 == 1;
    let biased = ((bits >> 52) & 0x7ff) as i32;
    let fraction = bits & ((1 << 52) - 1);
    match biased {
        0 => (negative, fraction, -1074),
        _ => (negative, fraction | (1 << 52), biased - 1075),
    }
}

impl ExactDigits {
    /// Of a finite value's magnitude.
    fn of(value: f64) -> ExactDigits {
        let (_, mantissa, exponent) = parts(value);
        exact_digits(mantissa, exponent)
    }

    /// Keeps the first `keep` digits (rounding half to even on the rest, which are exact),
    /// so the result has `point` digits before the point and `keep` in all.
    fn rounded(&self, keep: i32) -> ExactDigits {
        self.rounded_with(keep, Tie::ToEven)
    }

    /// [`ExactDigits::rounded`] with the given rule for an exact half.
    fn rounded_with(&self, keep: i32, tie: Tie) -> ExactDigits {
        let keep_len = keep.max(0) as usize;
        let mut digits: Vec<u8> = self.digits.iter().copied().take(keep_len).collect();
        let rest = self.digits.get(keep_len..).unwrap_or(&[]);
        let up = match rest.split_first() {
            _ if keep < 0 => false,
            None => false,
            Some((&next, after)) => {
                let odd = digits.last().is_some_and(|d| d % 2 == 1) || tie == Tie::Up;
                next > 5 || (next == 5 && (after.iter().any(|&d| d != 0) || odd))
            }
        };
        digits.resize(keep_len, 0);
        let mut point = self.point;
        if up {
            let mut carried = true;
            for digit in digits.iter_mut().rev() {
                if *digit == 9 {
                    *digit = 0;
                } else {
                    *digit += 1;
                    carried = false;
                    break;
                }
            }
            if carried {
                digits.insert(0, 1);
                digits.truncate(keep_len.max(1));
                point += 1;
            }
        }
        ExactDigits { digits, point }
    }
}

/// The text of a value that is not finite, as core spells it.
fn special(value: f64) -> Option<&'static str> {
    match value {
        v if v.is_nan() => Some("NaN"),
        f64::INFINITY => Some("inf"),
        f64::NEG_INFINITY => Some("-inf"),
        _ => None,
    }
}

/// Writes `digits` with `point` before the point, then `places` decimals (zero-padded).
fn write_plain(out: &mut String, negative: bool, digits: &[u8], point: i32, places: usize) {
    if negative {
        out.push('-');
    }
    let digit = |at: i32| match usize::try_from(at) {
        Ok(at) => char::from(b'0' + digits.get(at).copied().unwrap_or(0)),
        Err(_) => '0',
    };
    if point <= 0 {
        out.push('0');
    }
    for at in 0..point {
        out.push(digit(at));
    }
    if places > 0 {
        out.push('.');
        for at in point..point + places as i32 {
            out.push(digit(at));
        }
    }
}

/// `format!("{value:.places$}")`: `places` decimals, half to even on the exact value.
pub fn fixed(value: f64, places: usize) -> String {
    if let Some(text) = special(value) {
        return text.to_owned();
    }
    let exact = ExactDigits::of(value);
    let places_i = i32::try_from(places).unwrap_or(i32::MAX / 2);
    let rounded = exact.rounded(exact.point + places_i);
    let mut out = String::new();
    let negative = value.is_sign_negative();
    write_plain(&mut out, negative, &rounded.digits, rounded.point, places);
    out
}

/// `value` rounded to `digits` significant digits (at least 1): what
/// `format!("{value:.N$e}").parse()` gives for N = digits - 1.
pub fn round_significant(value: f64, digits: u32) -> f64 {
    if !value.is_finite() || value == 0.0 {
        return value;
    }
    let exact = ExactDigits::of(value);
    let rounded = exact.rounded(digits.max(1) as i32);
    let mut text = String::new();
    write_scientific(&mut text, value.is_sign_negative(), &rounded);
    read(&text).unwrap_or(value)
}

/// `digits` as `d.ddde±p` text for [`read`].
fn write_scientific(out: &mut String, negative: bool, number: &ExactDigits) {
    if negative {
        out.push('-');
    }
    let end = number
        .digits
        .iter()
        .rposition(|&d| d != 0)
        .map_or(1, |at| at + 1);
    for &d in &number.digits[..end] {
        out.push(char::from(b'0' + d));
    }
    let _ = write!(out, "e{}", number.point - end as i32);
}

/// The exact halfway points from a positive double `mantissa * 2^exponent` to the doubles
/// below and above it (a narrower step below a power of two): what reads as it lies between.
fn halfway(mantissa: u64, exponent: i32) -> (ExactDigits, ExactDigits) {
    let narrow_below = mantissa == 1 << 52 && exponent > -1074;
    let high = exact_digits(2 * mantissa + 1, exponent - 1);
    let low = match narrow_below {
        true => exact_digits(4 * mantissa - 1, exponent - 2),
        false => exact_digits(2 * mantissa - 1, exponent - 1),
    };
    (low, high)
}

/// Whether `candidate` (a decimal with `point`) is strictly between `low` and `high`, or
/// equal to one of them when `ties_in` (the float's mantissa is even).
fn between(candidate: &ExactDigits, low: &ExactDigits, high: &ExactDigits, ties_in: bool) -> bool {
    let above_low = compare(candidate, low);
    let below_high = compare(high, candidate);
    let ok = |o: std::cmp::Ordering| o.is_gt() || (ties_in && o.is_eq());
    ok(above_low) && ok(below_high)
}

/// Orders two non-negative decimals.
fn compare(a: &ExactDigits, b: &ExactDigits) -> std::cmp::Ordering {
    let zero = |x: &ExactDigits| x.digits.iter().all(|&d| d == 0);
    match (zero(a), zero(b)) {
        (true, true) => return std::cmp::Ordering::Equal,
        (true, false) => return std::cmp::Ordering::Less,
        (false, true) => return std::cmp::Ordering::Greater,
        _ => {}
    }
    let lead = |x: &ExactDigits| x.digits.iter().position(|&d| d != 0).unwrap_or(0) as i32;
    let (pa, pb) = (a.point - lead(a), b.point - lead(b));
    if pa != pb {
        return pa.cmp(&pb);
    }
    let (da, db) = (&a.digits[lead(a) as usize..], &b.digits[lead(b) as usize..]);
    let len = da.len().max(db.len());
    let at = |d: &[u8], i: usize| d.get(i).copied().unwrap_or(0);
    (0..len)
        .map(|i| at(da, i).cmp(&at(db, i)))
        .find(|o| o.is_ne())
        .unwrap_or(std::cmp::Ordering::Equal)
}

/// `format!("{value}")`: the fewest significant digits that read back as `value`, closest
/// to it among those, written without an exponent.
pub fn shortest(value: f64) -> String {
    if let Some(text) = special(value) {
        return text.to_owned();
    }
    let mut out = String::new();
    if value == 0.0 {
        out.push_str(if value.is_sign_negative() { "-0" } else { "0" });
        return out;
    }
    if let Some(text) = few_places(value) {
        return text;
    }
    let (negative, mantissa, exponent) = parts(value);
    let exact = exact_digits(mantissa, exponent);
    let (low, high) = halfway(mantissa, exponent);
    let ties_in = mantissa % 2 == 0;
    for keep in 1..=17 {
        let nearest = exact.rounded_with(keep, Tie::Up);
        if between(&nearest, &low, &high, ties_in) {
            return finish(out, negative, &nearest);
        }
        let other = step(&exact, keep, &nearest);
        if between(&other, &low, &high, ties_in) {
            return finish(out, negative, &other);
        }
    }
    finish(out, negative, &exact)
}

/// [`shortest`] without the big integers, for the values a page writes most (colours'
/// opacities, font sizes, prices, GiB): below 2^20 in size with at most six decimals. There
/// floats lie far closer together than 10^-6 (2^-32 apart at most), so at most one decimal
/// of a given number of places reads back as `value`; the first number of places for which
/// one does is the shortest, and the one `{}` writes. `n / 10^places`, both exact, divides to
/// the float nearest the decimal, so comparing it with `value` is the reading-back.
fn few_places(value: f64) -> Option<String> {
    let size = value.abs();
    // NaN is written before this is asked; infinity fails here.
    if size >= 1_048_576.0 {
        return None;
    }
    let mut scale = 1.0;
    for places in 0..=6 {
        let scaled = (size * scale).round();
        if scaled / scale == size {
            // Below 2^20 x 10^6 < 2^53: the integer is exact.
            let digits = (scaled as u64).to_string();
            let digits = format!("{digits:0>width$}", width = places + 1);
            let (whole, decimals) = digits.split_at(digits.len() - places);
            let sign = if value.is_sign_negative() { "-" } else { "" };
            let point = if places == 0 { "" } else { "." };
            return Some(format!("{sign}{whole}{point}{decimals}"));
        }
        scale *= 10.0;
    }
    None
}

/// The `keep`-digit decimal on the other side of `exact` from `nearest`.
fn step(exact: &ExactDigits, keep: i32, nearest: &ExactDigits) -> ExactDigits {
    let truncated = ExactDigits {
        digits: exact.digits.iter().copied().take(keep as usize).collect(),
        point: exact.point,
    };
    if compare(&truncated, nearest).is_ne() {
        return truncated;
    }
    // `nearest` is the truncation: the other one is a unit up in its last digit.
    let mut digits = truncated.digits.clone();
    digits.push(9);
    let nudged = ExactDigits {
        digits,
        point: exact.point,
    };
    nudged.rounded(keep)
}

/// Writes a decimal as Display does: no exponent, no trailing zeros after the point.
fn finish(mut out: String, negative: bool, number: &ExactDigits) -> String {
    let end = number
        .digits
        .iter()
        .rposition(|&d| d != 0)
        .map_or(0, |at| at + 1);
    let places = (end as i32 - number.point).max(0) as usize;
    write_plain(
        &mut out,
        negative,
        &number.digits[..end],
        number.point,
        places,
    );
    out
}

/// A float in a format string as `{}` would write it ([`shortest`]), padding and all.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Shortest(pub f64);

impl std::fmt::Display for Shortest {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(&shortest(self.0))
    }
}

#[cfg(test)]
mod tests;
