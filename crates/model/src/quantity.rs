//! The source's spec strings ("768 GiB", "Up to 25 Gigabit", "2 x 900 NVMe SSD") as numbers.
//!
//! Each `parse_*` function reads one kind of string as the AWS Price List writes it and
//! returns a [`QuantityError`] (never a panic) for anything else: empty, garbage, negative,
//! `NaN`, `inf`, zero, or absurdly large values. No regexes, one pass, no allocation
//! besides the label each result keeps.
//!
//! Unit choices, from the data: memory and GPU memory written "GB" are read as GiB (AWS
//! writes GB for what are binary sizes); local disks are in (decimal) GB as AWS sells
//! them; a disk string with a size but no kind (`3 x 3750GB`, only on `i8g`, whose instance
//! store AWS documents as Nitro NVMe SSDs) is read as NVMe.

use thiserror::Error;

use crate::text::Quoted;

/// Why a spec string could not be read as a quantity.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum QuantityError {
    /// The string does not have the expected shape.
    #[error("not {what}: {} (expected something like {example})", Quoted(.input))]
    Invalid {
        /// What was expected, for example "a memory size".
        what: &'static str,
        /// The offending input.
        input: String,
        /// An example of a valid input.
        example: &'static str,
    },
    /// The number is readable but zero or implausibly large.
    #[error("{what} out of range: {} (must be more than 0 and at most {max})", Quoted(.input))]
    OutOfRange {
        /// What was expected, for example "a memory size".
        what: &'static str,
        /// The offending input.
        input: String,
        /// The largest accepted value, with its unit.
        max: &'static str,
    },
}

/// A processor clock speed.
#[derive(Debug, Clone, PartialEq)]
pub struct Clock {
    /// Gigahertz.
    pub ghz: f64,
    /// True for "Up to 3.5 GHz" (a turbo figure, not a sustained one).
    pub up_to: bool,
    /// The source string.
    pub label: String,
}

/// Network performance.
#[derive(Debug, Clone, PartialEq)]
pub struct Network {
    /// Gigabits per second; `None` for the old qualitative grades ("Moderate", "High").
    pub gbps: Option<f64>,
    /// True for "Up to 25 Gigabit" (a burst figure).
    pub up_to: bool,
    /// The source string.
    pub label: String,
}

/// The kind of local instance storage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum StorageKind {
    /// NVMe SSD.
    Nvme,
    /// SATA/SAS SSD.
    Ssd,
    /// Spinning disks.
    Hdd,
}

/// Local instance storage, such as `2 x 900 NVMe SSD`.
#[derive(Debug, Clone, PartialEq)]
pub struct LocalStorage {
    /// Number of disks.
    pub disks: u32,
    /// Size of each disk in GB.
    pub disk_gb: f64,
    /// The kind of disk.
    pub kind: StorageKind,
    /// The source string.
    pub label: String,
}

impl LocalStorage {
    /// Total local storage in GB.
    pub fn total_gb(&self) -> f64 {
        f64::from(self.disks) * self.disk_gb
    }
}

/// Dedicated EBS throughput.
#[derive(Debug, Clone, PartialEq)]
pub struct EbsThroughput {
    /// Megabits per second.
    pub mbps: f64,
    /// True for "Up to 10000 Mbps".
    pub up_to: bool,
    /// The source string.
    pub label: String,
}

/// What one parser reads: its name in messages, an example, and its largest value.
struct Kind(&'static str, &'static str, f64, &'static str);

#[rustfmt::skip]
const MEMORY: Kind = Kind("a memory size", r#""768 GiB""#, 1e6, "1000000 GiB");
#[rustfmt::skip]
const CLOCK: Kind = Kind("a clock speed", r#""Up to 3.7 GHz""#, 20.0, "20 GHz");
#[rustfmt::skip]
const NETWORK: Kind = Kind("a network speed", r#""25 Gigabit" or "High""#, 1e5, "100000 Gbps");
#[rustfmt::skip]
const STORAGE: Kind = Kind("a local storage", r#""2 x 900 NVMe SSD""#, 1e6, "1000000 GB a disk");
#[rustfmt::skip]
const GPU_MEMORY: Kind = Kind("a GPU memory size", r#""320 GB HBM2" or "NA""#, 1e6, "1000000 GiB");
#[rustfmt::skip]
const EBS: Kind = Kind("an EBS throughput", r#""Up to 10000 Mbps""#, 1e8, "100000000 Mbps");

impl Kind {
    fn invalid(&self, input: &str) -> QuantityError {
        let (what, input, example) = (self.0, input.to_owned(), self.1);
        QuantityError::Invalid {
            what,
            input,
            example,
        }
    }

    fn out_of_range(&self, input: &str) -> QuantityError {
        let (what, input, max) = (self.0, input.to_owned(), self.3);
        QuantityError::OutOfRange { what, input, max }
    }

    /// Checks `value` is finite, more than zero and at most the maximum.
    fn check(&self, input: &str, value: f64) -> Result<f64, QuantityError> {
        if value.is_finite() && value > 0.0 && value <= self.2 {
            Ok(value)
        } else {
            Err(self.out_of_range(input))
        }
    }

    /// Reads "<number> <unit>" (space optional, unit in any case) where the unit is one of
    /// `units`, each with the factor to the result unit.
    fn scaled(&self, input: &str, s: &str, units: &[(&str, f64)]) -> Result<f64, QuantityError> {
        let (digits, unit) = split_number(s);
        let value = number(digits).ok_or_else(|| self.invalid(input))?;
        let (_, factor) = units
            .iter()
            .find(|(name, _)| unit.eq_ignore_ascii_case(name))
            .ok_or_else(|| self.invalid(input))?;
        self.check(input, value * factor)
    }
}

/// Splits `s` into a leading number (digits, '.', ',') and the trimmed rest.
fn split_number(s: &str) -> (&str, &str) {
    let end = s
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ','))
        .unwrap_or(s.len());
    (&s[..end], s[end..].trim())
}

/// Reads a plain decimal number: digits with at most one '.', commas only as thousands
/// separators ("1,952"). Signs, exponents, "inf" and "NaN" never get this far.
fn number(text: &str) -> Option<f64> {
    let (int, frac) = text.split_once('.').unwrap_or((text, ""));
    if (int.is_empty() && frac.is_empty()) || !frac.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if !int.contains(',') {
        return int
            .bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| crate::decimal::read(text).ok())?;
    }
    let mut groups = int.split(',');
    let first = groups.next()?;
    let grouped = (1..=3).contains(&first.len())
        && first.bytes().all(|b| b.is_ascii_digit())
        && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()));
    grouped.then(|| crate::decimal::read(&text.replace(',', "")).ok())?
}

/// Whether `s` starts with `prefix`, in any case (never splitting a character).
fn starts_with_ignore_case(s: &str, prefix: &str) -> bool {
    s.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

/// Strips a leading "Up to " (any case); says whether it was there.
fn strip_up_to(s: &str) -> (bool, &str) {
    if starts_with_ignore_case(s, "up to ") {
        (true, s[6..].trim_start())
    } else {
        (false, s)
    }
}

/// Parses a memory size such as `768 GiB`, `0.5 GiB` or `1,952 GiB` into GiB.
///
/// `GB`/`TB`/`MB` are read as their binary counterparts (AWS means GiB when it writes GB
/// for memory). A bare number without a unit is an error.
pub fn parse_memory(s: &str) -> Result<f64, QuantityError> {
    let units = [
        ("GiB", 1.0),
        ("GB", 1.0),
        ("TiB", 1024.0),
        ("TB", 1024.0),
        ("MiB", 1.0 / 1024.0),
        ("MB", 1.0 / 1024.0),
    ];
    MEMORY.scaled(s, s.trim(), &units)
}

/// Parses a clock speed such as `2.5 GHz` or `Up to 3.7 GHz` (a turbo figure).
pub fn parse_clock(s: &str) -> Result<Clock, QuantityError> {
    let (up_to, rest) = strip_up_to(s.trim());
    let ghz = CLOCK.scaled(s, rest, &[("GHz", 1.0), ("MHz", 0.001)])?;
    let label = s.trim().to_owned();
    Ok(Clock { ghz, up_to, label })
}

/// The old qualitative network grades, which carry no number.
const NETWORK_GRADES: [&str; 5] = ["Very Low", "Low", "Low to Moderate", "Moderate", "High"];

/// Parses network performance: `Up to 25 Gigabit`, `25000 Megabit` (25 Gbps),
/// `3200 Gigabit`, several cards as the API writes them (`4x 100 Gigabit` = 400 Gbps), or a
/// qualitative grade (`Very Low` .. `High`, with `gbps: None`).
pub fn parse_network(s: &str) -> Result<Network, QuantityError> {
    let trimmed = s.trim();
    if NETWORK_GRADES
        .iter()
        .any(|g| trimmed.eq_ignore_ascii_case(g))
    {
        let label = trimmed.to_owned();
        return Ok(Network {
            gbps: None,
            up_to: false,
            label,
        });
    }
    let (up_to, rest) = strip_up_to(trimmed);
    let (cards, rest) = match rest.split_once("x ") {
        Some((n, rest)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => (
            number(n).ok_or_else(|| NETWORK.invalid(s))?,
            rest.trim_start(),
        ),
        _ => (1.0, rest),
    };
    let units = [
        ("Gigabit", 1.0),
        ("Gbps", 1.0),
        ("Megabit", 0.001),
        ("Mbps", 0.001),
    ];
    let gbps = Some(NETWORK.check(s, cards * NETWORK.scaled(s, rest, &units)?)?);
    let label = trimmed.to_owned();
    Ok(Network { gbps, up_to, label })
}

/// Parses local instance storage: `EBS only` is `Ok(None)`; otherwise
/// `[<disks> x] <size>[ GB] [NVMe SSD | SSD | HDD]` with sizes in GB, for example
/// `2 x 900 NVMe SSD`, `1 x 600 GB NVMe SSD`, `900 GB NVMe SSD`, `4 X 940 GB NVMe SSD`,
/// `24 x 2000 HDD`. A size with a unit but no kind (`3 x 3750GB`) is NVMe (see the module
/// notes); a size with neither unit nor kind is an error. At most 1000 disks.
pub fn parse_storage(s: &str) -> Result<Option<LocalStorage>, QuantityError> {
    let trimmed = s.trim();
    if trimmed.eq_ignore_ascii_case("EBS only") {
        return Ok(None);
    }
    let (first, rest) = split_number(trimmed);
    let (disks, size, rest) = match rest.strip_prefix(['x', 'X']) {
        Some(after) => {
            let count = number(first).ok_or_else(|| STORAGE.invalid(s))?;
            if count.fract() != 0.0 || !(1.0..=1000.0).contains(&count) {
                return Err(STORAGE.out_of_range(s));
            }
            let (size, rest) = split_number(after.trim_start());
            // A whole number in 1..=1000: the cast is exact.
            (count as u32, size, rest)
        }
        None => (1, first, rest),
    };
    let disk_gb = STORAGE.check(s, number(size).ok_or_else(|| STORAGE.invalid(s))?)?;
    let has_unit = starts_with_ignore_case(rest, "GB");
    let rest = if has_unit {
        rest[2..].trim_start()
    } else {
        rest
    };
    let nvme = ["NVMe SSD", "NVMe"]
        .iter()
        .any(|k| rest.eq_ignore_ascii_case(k));
    let kind = if nvme || (rest.is_empty() && has_unit) {
        StorageKind::Nvme
    } else if rest.eq_ignore_ascii_case("SSD") {
        StorageKind::Ssd
    } else if rest.eq_ignore_ascii_case("HDD") {
        StorageKind::Hdd
    } else {
        return Err(STORAGE.invalid(s));
    };
    let label = trimmed.to_owned();
    Ok(Some(LocalStorage {
        disks,
        disk_gb,
        kind,
        label,
    }))
}

/// Parses total GPU (or accelerator) memory into GiB: `NA` is `Ok(None)`; `24 GB`,
/// `128 GiB`, `320 GB HBM2`, `1128 GB HBM3`. "GB" is taken as the number given (GiB),
/// and a trailing memory technology (`HBM…`, `GDDR…`) is ignored.
pub fn parse_gpu_memory(s: &str) -> Result<Option<f64>, QuantityError> {
    let trimmed = s.trim();
    if trimmed.eq_ignore_ascii_case("NA") {
        return Ok(None);
    }
    let is_technology = |t: &str| {
        ["HBM", "GDDR"]
            .iter()
            .any(|p| starts_with_ignore_case(t, p))
            && t.bytes().all(|b| b.is_ascii_alphanumeric())
    };
    let size = match trimmed.rsplit_once(' ') {
        Some((head, tail)) if is_technology(tail) => head,
        _ => trimmed,
    };
    let units = [("GB", 1.0), ("GiB", 1.0), ("TB", 1024.0), ("TiB", 1024.0)];
    GPU_MEMORY.scaled(s, size, &units).map(Some)
}

/// Parses dedicated EBS throughput into Mbps: `Up to 10000 Mbps`, `60 Gbps`, `Up to 10 Gbps`.
pub fn parse_ebs_throughput(s: &str) -> Result<EbsThroughput, QuantityError> {
    let (up_to, rest) = strip_up_to(s.trim());
    let mbps = EBS.scaled(s, rest, &[("Mbps", 1.0), ("Gbps", 1000.0)])?;
    let label = s.trim().to_owned();
    Ok(EbsThroughput { mbps, up_to, label })
}
