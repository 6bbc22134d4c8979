//! Reads the embedded price table: rates per family, OS and region (`prices-rates.csv`).
//!
//! The format is written by `scripts/price-rates.py`, whose notes describe it in full:
//! a `regions` header; `fees` and `other-fees` lines (the usual and the next most common
//! licence fee above Linux, by vCPUs); a `rates` line and a `prices` line (every rate token
//! and every exact price, in the order the fields use them); then per family a line of
//! `size:vcpu` and one line per OS with a pattern per region. A pattern has a letter per
//! size, its last letter repeated to the family's end: `-` no cell, `0` the source's 0.0,
//! `=` the next exact price, `a`..`i` the field's rate tokens (taken in turn from `rates`:
//! `rate[+offset][~decimals]` gives `round_half_up(rate * vcpu + offset)`), `L`/`K`/`J`
//! Linux plus the fee, exact / to 3 / to 2 decimals, `B` the Linux price itself, `M`/`N`
//! Linux plus the other fee, exact / to 3 decimals, and the letters of [`SCALED`]: the
//! family's standard price scaled by a factor, plus the fee. Decoding is integer
//! arithmetic, so every cell reads back as the source's exact figure.

use crate::sorted::SortedMap;

use super::{Os, PriceError, PriceTable};

/// Decimals a rate class rounds to unless its token says otherwise.
const DEFAULT_DECIMALS: u32 = 3;

/// Letters that name class tokens, in token order.
const CLASS_LETTERS: &str = "abcdefghi";

/// Letters for a price scaled from the family's standard price in the region (what the
/// first class of its Linux field gives for the size): the factor in hundredths and the
/// decimals the sum is rounded to. The price is
/// `round(round(standard * factor / 100, micro-dollars) + fee, decimals)`, the fee being the
/// OS's usual licence fee for the vCPUs (none on Linux). 1.1 and 1.06 are the
/// dedicated-tenancy and other SKUs the source mixes in.
const SCALED: [(char, u64, u32); 9] = [
    ('S', 100, 6),
    ('T', 100, 3),
    ('D', 110, 6),
    ('E', 110, 3),
    ('F', 106, 6),
    ('G', 106, 3),
    ('H', 106, 4),
    ('I', 110, 4),
    ('U', 100, 4),
];

/// What one cell of the source held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Cell {
    /// The region has no cell for the type and OS.
    Missing,
    /// The source wrote 0.0: no price known.
    Zero,
    /// A price in micro-dollars per hour.
    Micros(u32),
}

/// Which licence fee table a `fees` or `other-fees` line fills.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Fee {
    /// The usual fee above Linux (`L`, `K`, `J` and the scaled letters).
    Usual,
    /// The next most common fee (`M`, `N`).
    Other,
}

/// Licence fees in micro-dollars by (table, OS, vCPUs).
type Fees = SortedMap<(Fee, Os, u32), u32>;

/// One of the two streams the patterns draw from (`rates` or `prices`), read in order.
struct Stream<'a> {
    /// The line's values (its first field is the line's name).
    values: Vec<&'a str>,
    /// The next value to take (1 past the name at first).
    next: usize,
    /// The line's name, for a message.
    name: &'static str,
}

impl<'a> Stream<'a> {
    /// An empty stream named `name`.
    fn new(name: &'static str) -> Stream<'a> {
        Stream {
            values: Vec::new(),
            next: 1,
            name,
        }
    }

    /// The next value; an error when the line has no more.
    fn take(&mut self) -> Result<&'a str, String> {
        let value = self.values.get(self.next).copied().ok_or_else(|| {
            format!(
                "the patterns use more values than the `{}` line holds",
                self.name
            )
        })?;
        self.next += 1;
        Ok(value)
    }
}

/// The table's lines that hold something, as their 1-based number and their fields. The
/// format quotes nothing (`scripts/price-rates.py` writes region codes, family and size
/// names, numbers and pattern letters), so a field is what lies between two commas, and
/// reading it needs no CSV parser.
struct Lines<'t> {
    /// The text not read yet, split at line ends.
    rest: std::str::Split<'t, char>,
    /// The 1-based number of the next line.
    number: u64,
}

impl<'t> Iterator for Lines<'t> {
    type Item = (u64, Vec<&'t str>);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let line = self.rest.next()?;
            let number = self.number;
            self.number += 1;
            let line = line.strip_suffix('\r').unwrap_or(line);
            if !line.is_empty() {
                return Some((number, line.split(',').collect()));
            }
        }
    }
}

/// Parses the rate table text into a [`PriceTable`] in one go.
pub(super) fn parse(text: &str) -> Result<PriceTable, PriceError> {
    let mut reader = Reader::new(text)?;
    while !reader.read(usize::MAX)? {}
    Ok(reader.into_table())
}

/// The rate table read so far: where reading stands, so it can go on a few lines at a
/// time ([`Reader::read`]) and give the very table [`parse`] gives.
pub(super) struct Reader<'t> {
    /// The lines not read yet.
    lines: Lines<'t>,
    /// The cells decoded so far.
    table: PriceTable,
    /// The licence fees read so far.
    fees: Fees,
    /// The `rates` line and how far the patterns have taken from it.
    rates: Stream<'t>,
    /// The `prices` line and how far the patterns have taken from it.
    prices: Stream<'t>,
    /// The current family's sizes: table row and vCPUs.
    sizes: Vec<(usize, u32)>,
    /// The family's standard rate token (its Linux field's first) per region column, as an
    /// index into the `rates` line.
    standards: Vec<Option<usize>>,
}

impl<'t> Reader<'t> {
    /// Reads the header (`regions,<region codes>`); the rest is read by [`Reader::read`].
    pub(super) fn new(text: &'t str) -> Result<Reader<'t>, PriceError> {
        let mut lines = Lines {
            rest: text.split('\n'),
            number: 1,
        };
        let Some((_, header)) = lines.next() else {
            return Err(PriceError::Empty);
        };
        if header.first() != Some(&"regions") || header.len() < 2 {
            return Err(PriceError::BadHeader(
                "a rate table starts with regions,<region codes>".into(),
            ));
        }
        let regions: Vec<String> = header.iter().skip(1).map(|r| (*r).to_owned()).collect();
        Ok(Reader {
            lines,
            table: PriceTable::with_regions(regions)?,
            fees: Fees::new(),
            rates: Stream::new("rates"),
            prices: Stream::new("prices"),
            sizes: Vec::new(),
            standards: Vec::new(),
        })
    }

    /// Reads at most `count` more lines; `Ok(true)` once the text is read to its end.
    pub(super) fn read(&mut self, count: usize) -> Result<bool, PriceError> {
        for _ in 0..count {
            let Some((line, record)) = self.lines.next() else {
                return Ok(true);
            };
            self.line(record)
                .map_err(|reason| PriceError::BadRow { line, reason })?;
        }
        Ok(false)
    }

    /// The table read so far (all of it once [`Reader::read`] said so).
    pub(super) fn into_table(self) -> PriceTable {
        self.table
    }

    /// Reads one line's fields.
    fn line(&mut self, record: Vec<&'t str>) -> Result<(), String> {
        let first = record.first().copied().unwrap_or("");
        if let Some(kind) = fee_line(first) {
            let os = os_of(record.get(1).copied().unwrap_or(""))?;
            for entry in record.iter().skip(2) {
                let (vcpu, fee) = size_pair(entry)?;
                let fee = decimal_micros(fee).ok_or_else(|| format!("fee `{fee}`"))?;
                self.fees.insert((kind, os, vcpu), fee);
            }
        } else if first == self.rates.name {
            self.rates.values = record;
        } else if first == self.prices.name {
            self.prices.values = record;
        } else if let Ok(os) = os_of(first) {
            self.os_line(os, &record)?;
        } else {
            self.family_line(first, &record)?;
        }
        Ok(())
    }

    /// A line of one OS's patterns, one per region, for the current family.
    fn os_line(&mut self, os: Os, record: &[&str]) -> Result<(), String> {
        let first = record.first().copied().unwrap_or("");
        if self.sizes.is_empty() {
            return Err(format!("a {first} line before any family line"));
        }
        if record.len() != self.table.regions.len() + 1 {
            let (found, expected) = (record.len() - 1, self.table.regions.len());
            return Err(format!("{found} region fields, expected {expected}"));
        }
        for (column, pattern) in record.iter().skip(1).enumerate() {
            let mut context = Context {
                sizes: &self.sizes,
                os,
                column,
                fees: &self.fees,
                rates: &mut self.rates,
                prices: &mut self.prices,
                standard: self.standards.get(column).copied().flatten(),
            };
            let standard = decode_field(&mut self.table, &mut context, pattern)?;
            if os == Os::Linux {
                if let Some(slot) = self.standards.get_mut(column) {
                    *slot = standard;
                }
            }
        }
        Ok(())
    }

    /// A family's line of `size:vcpu` entries: the sizes the next OS lines price.
    fn family_line(&mut self, family: &str, record: &[&str]) -> Result<(), String> {
        self.sizes.clear();
        self.standards = vec![None; self.table.regions.len()];
        for entry in record.iter().skip(1) {
            let (size, vcpu) = entry
                .split_once(':')
                .ok_or_else(|| format!("size `{entry}` is not size:vcpu"))?;
            let vcpu = vcpu
                .parse()
                .map_err(|_| format!("size `{entry}` has no vCPU count"))?;
            let row = self.table.add_row(&format!("{family}.{size}"));
            self.sizes.push((row, vcpu));
        }
        Ok(())
    }
}

/// The fee table a line's first field names, if it is a fee line.
fn fee_line(first: &str) -> Option<Fee> {
    match first {
        "fees" => Some(Fee::Usual),
        "other-fees" => Some(Fee::Other),
        _ => None,
    }
}

/// The OS of a line's first field.
fn os_of(slug: &str) -> Result<Os, String> {
    Os::from_slug(slug).ok_or_else(|| format!("`{slug}` is not an operating system"))
}

/// `vcpu:text` of a `fees` entry.
fn size_pair(entry: &str) -> Result<(u32, &str), String> {
    let (vcpu, text) = entry
        .split_once(':')
        .ok_or_else(|| format!("fee `{entry}` is not vcpu:usd"))?;
    let vcpu = vcpu.parse().map_err(|_| format!("fee `{entry}`"))?;
    Ok((vcpu, text))
}

/// What a field is decoded against.
struct Context<'a, 't> {
    /// The family's sizes: table row and vCPUs.
    sizes: &'a [(usize, u32)],
    /// The OS of the line.
    os: Os,
    /// The region column.
    column: usize,
    /// The licence fees.
    fees: &'a Fees,
    /// The rate tokens, taken in turn.
    rates: &'a mut Stream<'t>,
    /// The exact prices, taken in turn.
    prices: &'a mut Stream<'t>,
    /// Where in `rates` the family's standard rate in this region is (Linux lines: none yet).
    standard: Option<usize>,
}

impl Context<'_, '_> {
    /// The licence fee of the line's OS for `vcpu` vCPUs (none on Linux).
    fn fee(&self, kind: Fee, vcpu: u32) -> Result<u32, String> {
        if self.os == Os::Linux {
            return Ok(0);
        }
        let name = if kind == Fee::Usual { "" } else { "other " };
        self.fees
            .get(&(kind, self.os, vcpu))
            .copied()
            .ok_or_else(|| format!("no {} {name}fee for {vcpu} vCPUs", self.os.slug()))
    }
}

/// Decodes one field (one family, OS and region) into the table's cells; returns where in
/// `rates` its first rate token is (the standard rate, on a Linux line).
fn decode_field(
    table: &mut PriceTable,
    context: &mut Context<'_, '_>,
    pattern: &str,
) -> Result<Option<usize>, String> {
    let (sizes, os, column) = (context.sizes, context.os, context.column);
    if pattern.is_empty() {
        return Ok(None);
    }
    if pattern.chars().count() > sizes.len() {
        return Err(format!("pattern `{pattern}` is longer than the family"));
    }
    let classes = pattern
        .chars()
        .filter_map(|letter| CLASS_LETTERS.find(letter))
        .max()
        .map_or(0, |last| last + 1);
    let first = (classes > 0).then_some(context.rates.next);
    let mut tokens = Vec::with_capacity(classes);
    for _ in 0..classes {
        tokens.push(context.rates.take()?);
    }
    let standard = if os == Os::Linux {
        first
    } else {
        context.standard
    };
    let last = pattern.chars().last().unwrap_or('-');
    let letters = pattern.chars().chain(std::iter::repeat(last));
    for (letter, &(row, vcpu)) in letters.zip(sizes) {
        let linux = || match table.cell(row, Os::Linux, column) {
            Cell::Micros(linux) => Ok(u64::from(linux)),
            _ => Err(format!("`{letter}` where the Linux price is not known")),
        };
        let cell = match letter {
            '-' => Cell::Missing,
            '0' => Cell::Zero,
            '=' => {
                let exact = context.prices.take()?;
                Cell::Micros(decimal_micros(exact).ok_or_else(|| format!("price `{exact}`"))?)
            }
            'B' => Cell::Micros(to_u32(linux()?)?),
            'L' | 'K' | 'J' | 'M' | 'N' => {
                let (kind, places) = match letter {
                    'L' => (Fee::Usual, 6),
                    'K' => (Fee::Usual, 3),
                    'J' => (Fee::Usual, 2),
                    'M' => (Fee::Other, 6),
                    _ => (Fee::Other, 3),
                };
                let sum = linux()? + u64::from(context.fee(kind, vcpu)?);
                Cell::Micros(to_u32(round_half_up(sum, 6, places))?)
            }
            _ if SCALED.iter().any(|s| s.0 == letter) => {
                let token = standard
                    .and_then(|index| context.rates.values.get(index).copied())
                    .ok_or_else(|| format!("`{letter}` where the family has no standard rate"))?;
                let fee = context.fee(Fee::Usual, vcpu)?;
                Cell::Micros(scaled_price(letter, token, vcpu, fee)?)
            }
            _ => {
                let index = CLASS_LETTERS
                    .find(letter)
                    .ok_or_else(|| format!("`{letter}` is not a pattern letter"))?;
                let token = tokens
                    .get(index)
                    .ok_or_else(|| format!("`{letter}` names a class the field lacks"))?;
                Cell::Micros(class_price(token, vcpu)?)
            }
        };
        table.set_cell(row, os, column, cell);
    }
    Ok(first)
}

/// The price a rate token gives for `vcpu` vCPUs, in micro-dollars.
fn class_price(token: &str, vcpu: u32) -> Result<u32, String> {
    let bad = || format!("`{token}` is not a rate");
    let (token, places) = match token.split_once('~') {
        Some((t, p)) => (
            t,
            p.parse::<u32>().ok().filter(|&p| p <= 6).ok_or_else(bad)?,
        ),
        None => (token, DEFAULT_DECIMALS),
    };
    let (rate, offset) = match token.split_once('+') {
        Some((r, o)) => (r, decimal_micros(o).ok_or_else(bad)?),
        None => (token, 0),
    };
    let (digits, scale) = decimal_parts(rate).ok_or_else(bad)?;
    let top = scale.max(6);
    let x = digits
        .checked_mul(u64::from(vcpu))
        .and_then(|x| x.checked_mul(10u64.pow(top - scale)))
        .and_then(|x| x.checked_add(u64::from(offset) * 10u64.pow(top - 6)))
        .filter(|x| *x < u64::MAX / 4)
        .ok_or_else(bad)?;
    to_u32(round_half_up(x, top, places))
}

/// The price a [`SCALED`] letter gives from the standard class token, in micro-dollars.
fn scaled_price(letter: char, standard: &str, vcpu: u32, fee: u32) -> Result<u32, String> {
    let Some(&(_, factor, places)) = SCALED.iter().find(|s| s.0 == letter) else {
        return Err(format!("`{letter}` is not a pattern letter"));
    };
    let standard = u64::from(class_price(standard, vcpu)?);
    let micros = (2 * standard * factor + 100) / 200 + u64::from(fee);
    to_u32(round_half_up(micros, 6, places))
}

/// `value / 10^scale` rounded half up to `places` decimals, in micro-dollars.
fn round_half_up(value: u64, scale: u32, places: u32) -> u64 {
    let unit = 10u64.pow(scale - places);
    (2 * value + unit) / (2 * unit) * 10u64.pow(6 - places)
}

/// A decimal text (`.0255`, `2`, `1.5`) as its digits and how many are decimals (at most
/// 12, and at most 15 digits in all, so the arithmetic above fits a `u64`).
fn decimal_parts(text: &str) -> Option<(u64, u32)> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let scale = u32::try_from(fraction.len()).ok().filter(|&s| s <= 12)?;
    let all = format!("{whole}{fraction}");
    if all.is_empty() || !all.bytes().all(|b| b.is_ascii_digit()) || all.len() > 15 {
        return None;
    }
    Some((all.parse().ok()?, scale))
}

/// A decimal text with at most six decimals as micro-dollars.
fn decimal_micros(text: &str) -> Option<u32> {
    let (digits, scale) = decimal_parts(text)?;
    let micros = digits.checked_mul(10u64.pow(6u32.checked_sub(scale)?))?;
    u32::try_from(micros).ok()
}

/// A micro-dollar amount that fits the table's cells.
fn to_u32(micros: u64) -> Result<u32, String> {
    u32::try_from(micros).map_err(|_| "a price above 4294 USD an hour".to_owned())
}

#[cfg(test)]
mod tests {
    use super::super::Price;
    use super::*;

    #[test]
    fn rates_round_half_up_like_the_encoder() {
        // .0255 per vCPU x 2 = .051; x 3 = .0765 rounds to .077 at 3 decimals.
        assert_eq!(class_price(".0255", 2), Ok(51_000));
        assert_eq!(class_price(".0255", 3), Ok(77_000));
        assert_eq!(class_price(".0255~4", 3), Ok(76_500));
        assert_eq!(class_price(".0635+.1", 8), Ok(608_000));
        assert!(class_price(".0x", 2).is_err());
    }

    /// A small table in the embedded format: two regions, one family of three sizes.
    const SMALL: &str = "regions,r1,r2\n\
        fees,windows,2:.092,4:.184,8:.368\n\
        rates,.048,.05\n\
        prices,.5,.9\n\
        m5,large:2,xlarge:4,2xlarge:8\n\
        linux,a,a=\n\
        windows,L,B0-\n";

    #[test]
    fn lines_read_alike_with_crlf_and_blank_lines_and_a_bad_one_is_named_by_number() {
        let small = parse(SMALL);
        assert!(small.is_ok());
        assert_eq!(parse(&SMALL.replace('\n', "\r\n")), small);
        assert_eq!(parse(&SMALL.replacen("rates", "\nrates", 1)), small);
        assert_eq!(parse(""), Err(PriceError::Empty));
        assert!(matches!(parse("prices,1\n"), Err(PriceError::BadHeader(_))));
        let short = parse(&SMALL.replace("windows,L,B0-", "windows,L"));
        let expected = PriceError::BadRow {
            line: 7,
            reason: "1 region fields, expected 2".into(),
        };
        assert_eq!(short, Err(expected));
        let too_few_rates = parse(&SMALL.replace("rates,.048,.05", "rates,.048"));
        assert!(
            matches!(&too_few_rates, Err(PriceError::BadRow { line: 6, reason }) if reason.contains("`rates` line")),
            "{too_few_rates:?}"
        );
    }

    #[test]
    fn patterns_repeat_their_last_letter_and_draw_rates_and_prices_in_turn() {
        let table = match parse(SMALL) {
            Ok(table) => table,
            Err(error) => panic!("the small rate table reads: {error}"),
        };
        let usd = |name: &str, region: &str, os: Os| table.hourly(name, region, os);
        // `a` alone prices every size at the first rate: 0.048 per vCPU.
        assert_eq!(usd("m5.2xlarge", "r1", Os::Linux), Price::Known(0.384));
        // `a=`: the first size from the second rate, the next two the exact prices in turn.
        assert_eq!(usd("m5.large", "r2", Os::Linux), Price::Known(0.1));
        assert_eq!(usd("m5.xlarge", "r2", Os::Linux), Price::Known(0.5));
        assert_eq!(usd("m5.2xlarge", "r2", Os::Linux), Price::Known(0.9));
        // `L`: Linux plus the usual fee; `B`: the Linux price itself; `0` and `-` unknown.
        assert_eq!(usd("m5.xlarge", "r1", Os::Windows), Price::Known(0.376));
        assert_eq!(usd("m5.large", "r2", Os::Windows), Price::Known(0.1));
        assert_eq!(usd("m5.xlarge", "r2", Os::Windows), Price::Unknown);
        assert_eq!(usd("m5.2xlarge", "r2", Os::Windows), Price::Unknown);
    }

    #[test]
    fn a_pattern_that_asks_for_more_than_a_line_holds_is_refused() {
        let short = SMALL.replace("prices,.5,.9", "prices,.5");
        let Err(PriceError::BadRow { line, reason }) = parse(&short) else {
            panic!("a missing exact price was not noticed");
        };
        assert_eq!(line, 6);
        assert_eq!(
            reason,
            "the patterns use more values than the `prices` line holds"
        );
        let no_fee = SMALL.replace(",8:.368", "");
        let Err(PriceError::BadRow { reason, .. }) = parse(&no_fee) else {
            panic!("a missing fee was not noticed");
        };
        assert_eq!(reason, "no windows fee for 8 vCPUs");
    }
}
