//! On-demand hourly prices per instance type, region and OS ([`PriceTable`]), the metrics
//! derived from them ([`PriceMetric`]) and which prices to trust ([`PriceCheck`], [`flags()`]).
//!
//! The embedded table is `assets/data/prices-compact.csv` (written by
//! `scripts/compact-prices.py` from `prices.csv`); [`PriceTable::from_csv`] reads both, as
//! they share the header `instance_type,os,<region codes>`. Prices are kept as whole
//! micro-dollars in a `u32` (the source writes at most six decimals, and the dearest type
//! costs a few hundred dollars an hour), so each cell takes four bytes and reads back as the
//! exact `f64` the source's text means. `0` stands for "no price known": the source writes
//! `0.0` for that, never for "free".

mod flags;
mod metric;
mod trust;

use std::collections::HashMap;

use thiserror::Error;

pub use flags::{flags, median};
pub use metric::{PriceMetric, HOURS_PER_MONTH};
pub use trust::{Suspicion, WINDOWS_LICENCE_PER_VCPU_HOUR};

/// The date of the embedded price list (`pricing.json` field `updated`, see
/// `assets/data/PROVENANCE.md`).
pub const PRICE_LIST_DATE: &str = "2025-03-02";

/// How many of the embedded prices [`PriceTable::assess`] finds suspect, over all regions
/// and systems (pinned by a test; the page footer says it without parsing the prices).
pub const SUSPECT_PRICES: usize = 6389;

/// One price cell judged: trusted, suspect (with the reason), or unknown.
#[derive(Debug, Clone, PartialEq)]
pub enum PriceCheck {
    /// A price the consistency checks found nothing against (USD per hour).
    Trusted(f64),
    /// A price that is probably of another kind of SKU; never shown as fact.
    Suspect(f64, Suspicion),
    /// No price known: the words say why.
    Unknown(String),
}

/// An operating system the source prices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Os {
    /// Linux (the plain on-demand price).
    Linux,
    /// Windows Server (licence included).
    Windows,
}

impl Os {
    /// Both systems, Linux first.
    pub const ALL: [Os; 2] = [Os::Linux, Os::Windows];

    /// The value of the CSV `os` column and of URLs: `linux` or `windows`.
    pub fn slug(self) -> &'static str {
        match self {
            Os::Linux => "linux",
            Os::Windows => "windows",
        }
    }

    /// The name people read.
    pub fn label(self) -> &'static str {
        match self {
            Os::Linux => "Linux",
            Os::Windows => "Windows",
        }
    }

    /// Reads `linux` or `windows` (any case, trimmed).
    pub fn from_slug(text: &str) -> Option<Os> {
        Os::ALL
            .into_iter()
            .find(|os| text.trim().eq_ignore_ascii_case(os.slug()))
    }
}

/// One hourly price, or the fact that none is known.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Price {
    /// US dollars per hour, always positive.
    Known(f64),
    /// Missing, `0.0` in the source, or not a positive finite number.
    Unknown,
}

impl Price {
    /// The price in USD per hour, if known.
    pub fn known(self) -> Option<f64> {
        match self {
            Price::Known(usd) => Some(usd),
            Price::Unknown => None,
        }
    }
}

/// Why a price file could not be read.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum PriceError {
    /// The text has no header row.
    #[error("the price CSV is empty: expected a header `instance_type,os,<region codes>`")]
    Empty,
    /// The header is not `instance_type,os,<region codes>`.
    #[error("the price CSV header is wrong: {0}; expected `instance_type,os,<region codes>`")]
    BadHeader(String),
    /// The CSV reader failed.
    #[error("could not read the price CSV near line {line}: {message}")]
    Unreadable {
        /// 1-based line where reading failed.
        line: u64,
        /// What the CSV reader said.
        message: String,
    },
    /// A row is wrong as a whole (field count, name, OS, duplicate).
    #[error("price CSV line {line}: {reason}")]
    BadRow {
        /// 1-based line of the row.
        line: u64,
        /// What is wrong, in words a person can act on.
        reason: String,
    },
    /// A cell is not a price.
    #[error("price CSV line {line}, region {region}: `{text}` is not an hourly price in USD (like 0.096, at most 4294.967295)")]
    BadPrice {
        /// 1-based line of the row.
        line: u64,
        /// The region column.
        region: String,
        /// The cell as written.
        text: String,
    },
}

/// Hourly prices per (instance type, OS, region), parsed once at start-up.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PriceTable {
    /// Region codes in column order.
    regions: Vec<String>,
    /// Row of each instance type name.
    rows: HashMap<String, usize>,
    /// Micro-dollars per hour, `0` = unknown; `[row][os][region]`.
    micros: Vec<u32>,
    /// Suspect cells by (row, os, region column), once [`PriceTable::assess`] ran.
    suspicions: trust::Suspicions,
}

impl PriceTable {
    /// Parses a CSV with the header `instance_type,os,<region codes>` and one row per
    /// (type, os); empty, `0.0`, negative and non-finite cells mean "no price known".
    pub fn from_csv(text: &str) -> Result<PriceTable, PriceError> {
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .from_reader(text.as_bytes());
        let headers = reader.headers().map_err(unreadable)?.clone();
        if headers.iter().all(|h| h.trim().is_empty()) {
            return Err(PriceError::Empty);
        }
        if headers.get(0) != Some("instance_type") || headers.get(1) != Some("os") {
            return Err(PriceError::BadHeader(
                "it must start with instance_type,os".into(),
            ));
        }
        let regions: Vec<String> = headers.iter().skip(2).map(|h| h.trim().into()).collect();
        if regions.is_empty() || regions.iter().any(String::is_empty) {
            return Err(PriceError::BadHeader("a region column has no code".into()));
        }
        if let Some(dup) = regions
            .iter()
            .enumerate()
            .find(|(i, r)| regions[..*i].contains(r))
        {
            return Err(PriceError::BadHeader(format!(
                "region {} appears twice",
                dup.1
            )));
        }
        let stride = Os::ALL.len() * regions.len();
        let mut table = PriceTable {
            regions,
            ..PriceTable::default()
        };
        let mut seen: Vec<[bool; 2]> = Vec::new();
        let mut record = csv::StringRecord::new();
        while reader.read_record(&mut record).map_err(unreadable)? {
            let line = record.position().map_or(0, csv::Position::line);
            let bad_row = |reason: String| PriceError::BadRow { line, reason };
            if record.len() != headers.len() {
                let (found, expected) = (record.len(), headers.len());
                return Err(bad_row(format!(
                    "{found} fields, the header has {expected}"
                )));
            }
            let name = record.get(0).unwrap_or("").trim();
            if name.is_empty() {
                return Err(bad_row("no instance type name".into()));
            }
            let os_text = record.get(1).unwrap_or("");
            let Some(os) = Os::from_slug(os_text) else {
                return Err(bad_row(format!(
                    "os `{os_text}` is neither linux nor windows"
                )));
            };
            let next = table.rows.len();
            let row = *table.rows.entry(name.to_owned()).or_insert(next);
            if row == next {
                table.micros.resize(table.micros.len() + stride, 0);
                seen.push([false; 2]);
            }
            if std::mem::replace(&mut seen[row][os as usize], true) {
                return Err(bad_row(format!("a second {} row for {name}", os.slug())));
            }
            let start = row * stride + os as usize * table.regions.len();
            for (i, cell) in record.iter().skip(2).enumerate() {
                table.micros[start + i] = micros(cell).ok_or_else(|| PriceError::BadPrice {
                    line,
                    region: table.regions[i].clone(),
                    text: cell.to_owned(),
                })?;
            }
        }
        Ok(table)
    }

    /// The region codes, in the file's column order.
    pub fn regions(&self) -> &[String] {
        &self.regions
    }

    /// Number of instance types with at least one row.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// True if the table has no rows.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The hourly on-demand price of `instance_type` in `region` on `os`.
    pub fn hourly(&self, instance_type: &str, region: &str, os: Os) -> Price {
        let cell = self.rows.get(instance_type).and_then(|&row| {
            let column = self.regions.iter().position(|r| r == region)?;
            let stride = Os::ALL.len() * self.regions.len();
            self.micros
                .get(row * stride + os as usize * self.regions.len() + column)
        });
        match cell {
            Some(&micros) if micros > 0 => Price::Known(f64::from(micros) / 1e6),
            _ => Price::Unknown,
        }
    }

    /// A known cell in USD, by row, OS and region column.
    fn micros_at(&self, row: usize, os: Os, column: usize) -> Option<f64> {
        let stride = Os::ALL.len() * self.regions.len();
        let micros = *self
            .micros
            .get(row * stride + os as usize * self.regions.len() + column)?;
        (micros > 0).then(|| f64::from(micros) / 1e6)
    }

    /// Judges every price against the catalog's vCPUs, memory and families (see
    /// [`Suspicion`]); until this runs every known price counts as trusted.
    pub fn assess(&mut self, catalog: &crate::catalog::Catalog) {
        self.suspicions = trust::assess(self, catalog);
    }

    /// The price cell judged: trusted, suspect with its reason, or unknown with why.
    pub fn check(&self, instance_type: &str, region: &str, os: Os) -> PriceCheck {
        let Some(&row) = self.rows.get(instance_type) else {
            return PriceCheck::Unknown(format!(
                "no price: newer than the price list of {PRICE_LIST_DATE}"
            ));
        };
        let column = self.regions.iter().position(|r| r == region);
        match column.and_then(|c| self.micros_at(row, os, c).map(|p| (c, p))) {
            None => PriceCheck::Unknown(format!(
                "no {} price known in {region} (missing or 0.0 in the source)",
                os.label()
            )),
            Some((c, usd)) => match self.suspicions.get(&(row, os, c)) {
                Some(s) => PriceCheck::Suspect(usd, s.clone()),
                None => PriceCheck::Trusted(usd),
            },
        }
    }

    /// The price if it is known and trusted.
    pub fn trusted(&self, instance_type: &str, region: &str, os: Os) -> Option<f64> {
        match self.check(instance_type, region, os) {
            PriceCheck::Trusted(usd) => Some(usd),
            _ => None,
        }
    }

    /// The price to count in medians, ratios, metrics and ramps: a trusted one, or also a
    /// suspect one when `include_suspect` (the person asked for it).
    pub fn counted(
        &self,
        instance_type: &str,
        region: &str,
        os: Os,
        include_suspect: bool,
    ) -> Option<f64> {
        match self.check(instance_type, region, os) {
            PriceCheck::Trusted(usd) => Some(usd),
            PriceCheck::Suspect(usd, _) if include_suspect => Some(usd),
            _ => None,
        }
    }

    /// How many known prices are suspect, over all regions and systems.
    pub fn suspect_count(&self) -> usize {
        self.suspicions.len()
    }

    /// How many prices are known, over all regions and systems.
    pub fn known_count(&self) -> usize {
        self.micros.iter().filter(|&&m| m > 0).count()
    }

    /// True if `instance_type` has a known price in `region` on any OS (which says nothing
    /// about whether it is offered there: see [`crate::availability`]).
    pub fn priced_in(&self, instance_type: &str, region: &str) -> bool {
        Os::ALL
            .into_iter()
            .any(|os| self.hourly(instance_type, region, os) != Price::Unknown)
    }
}

/// A CSV reader failure as a [`PriceError`].
fn unreadable(error: csv::Error) -> PriceError {
    let line = error.position().map_or(0, csv::Position::line);
    let message = error.to_string();
    PriceError::Unreadable { line, message }
}

/// A cell as whole micro-dollars (`0` = unknown), or `None` if it is not a number or too large.
fn micros(cell: &str) -> Option<u32> {
    let cell = cell.trim();
    if cell.is_empty() {
        return Some(0);
    }
    let usd: f64 = cell.parse().ok()?;
    if !usd.is_finite() || usd <= 0.0 {
        return Some(0);
    }
    let micros = (usd * 1e6).round();
    // In range, so the cast is exact.
    (micros <= f64::from(u32::MAX)).then_some(micros as u32)
}

/// Prices as the person chose to see them: a table, a region and an operating system.
#[derive(Debug, Clone, Copy)]
pub struct Pricing<'a> {
    /// The price table.
    pub table: &'a PriceTable,
    /// The region code, for example `us-east-1`.
    pub region: &'a str,
    /// The operating system.
    pub os: Os,
    /// Whether suspect prices count too (see [`PriceTable::counted`]).
    pub include_suspect: bool,
}

impl<'a> Pricing<'a> {
    /// Prices of `table` in `region` for `os`, counting trusted prices only.
    pub fn new(table: &'a PriceTable, region: &'a str, os: Os) -> Pricing<'a> {
        Pricing {
            table,
            region,
            os,
            include_suspect: false,
        }
    }

    /// The same prices, counting suspect ones too when `include_suspect`.
    pub fn including_suspect(self, include_suspect: bool) -> Pricing<'a> {
        Pricing {
            include_suspect,
            ..self
        }
    }

    /// The hourly price of `instance_type` to count: trusted, or suspect when asked for.
    pub fn counted(&self, instance_type: &str) -> Option<f64> {
        self.table
            .counted(instance_type, self.region, self.os, self.include_suspect)
    }

    /// A price metric for one instance type, or `None` when its price is unknown.
    pub fn value(
        &self,
        metric: PriceMetric,
        instance: &crate::instance::InstanceType,
    ) -> Option<f64> {
        metric.value(self, instance)
    }

    /// Whether the type is offered in the region, by the EC2 API's offerings (not by
    /// whether it has a price); unknown counts as offered.
    pub fn offered(&self, instance: &crate::instance::InstanceType) -> bool {
        crate::availability::offered(instance, self.region) != crate::availability::Offered::No
    }
}
