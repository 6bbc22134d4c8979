//! On-demand hourly prices per instance type, region and OS ([`PriceTable`]), the metrics
//! derived from them ([`PriceMetric`]) and which prices to trust ([`PriceCheck`], [`flags()`]).
//!
//! The embedded table is `assets/data/prices-rates.csv` (rates per family, OS and region,
//! written by `scripts/price-rates.py` from `prices.csv`; read by `rates.rs`);
//! [`PriceTable::from_csv`] reads a plain table with the header
//! `instance_type,os,<region codes>` such as `prices.csv`, [`PriceTable::from_rates`] the
//! rate table (with a few string splits: the page links no CSV parser for it), and
//! [`PriceTable::parse`] either.
//! Prices are kept as whole micro-dollars in a `u32` (the source writes at most six decimals,
//! and the dearest type costs a few hundred dollars an hour), so each cell takes four bytes
//! and reads back as the exact `f64` the source's text means. `0` stands for "no price
//! known"; the cells where the source wrote `0.0` (its way of saying so, never "free") are
//! remembered apart from the cells it lacks, so a reason can tell them apart.

mod flags;
mod metric;
mod rates;
mod region;
mod steps;
mod trust;

use std::collections::HashMap;

use rates::Cell;

use thiserror::Error;

pub use flags::{flags, median};
pub use metric::{PriceMetric, HOURS_PER_MONTH};
pub use steps::PriceSteps;
pub use trust::{Suspicion, WINDOWS_LICENCE_PER_VCPU_HOUR};

/// The date of the embedded price list (`pricing.json` field `updated`, see
/// `assets/data/PROVENANCE.md`).
pub const PRICE_LIST_DATE: &str = "2025-03-02";

/// How many of the embedded prices [`PriceTable::assess`] finds suspect, per OS in the
/// order of [`Os::ALL`] (pinned by a test; the page footer says it without parsing the
/// prices, and `scripts/refresh-data.py` writes it into `PROVENANCE.md`).
pub const SUSPECT_PRICES_BY_OS: [usize; 5] = [1870, 4519, 680, 629, 1266];

/// How many of the embedded prices are suspect, over all regions and systems.
pub const SUSPECT_PRICES: usize = SUSPECT_PRICES_BY_OS[0]
    + SUSPECT_PRICES_BY_OS[1]
    + SUSPECT_PRICES_BY_OS[2]
    + SUSPECT_PRICES_BY_OS[3]
    + SUSPECT_PRICES_BY_OS[4];

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
    /// Red Hat Enterprise Linux (licence included).
    Rhel,
    /// Red Hat Enterprise Linux with High Availability (licence included).
    RhelHa,
    /// SUSE Linux Enterprise Server (licence included).
    Suse,
}

impl Os {
    /// Every system, Linux first, in the order of the menu and of the price table.
    pub const ALL: [Os; 5] = [Os::Linux, Os::Windows, Os::Rhel, Os::RhelHa, Os::Suse];

    /// The value of the CSV `os` column and of URLs: `linux`, `windows`, `rhel`, `rhel-ha`
    /// or `suse`.
    pub fn slug(self) -> &'static str {
        match self {
            Os::Linux => "linux",
            Os::Windows => "windows",
            Os::Rhel => "rhel",
            Os::RhelHa => "rhel-ha",
            Os::Suse => "suse",
        }
    }

    /// The name people read.
    pub fn label(self) -> &'static str {
        match self {
            Os::Linux => "Linux",
            Os::Windows => "Windows",
            Os::Rhel => "RHEL",
            Os::RhelHa => "RHEL HA",
            Os::Suse => "SUSE",
        }
    }

    /// Whether the price includes a licence on top of the Linux price.
    pub fn licensed(self) -> bool {
        self != Os::Linux
    }

    /// Reads a [`slug`](Os::slug) (any case, trimmed).
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
    /// The prices were to come from a file that could not be fetched (the embed page's).
    #[error("the prices could not be loaded ({0})")]
    Unavailable(String),
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
    /// A bit per cell of `micros`, set where the source wrote `0.0`.
    zeros: Vec<u64>,
    /// Per row, a bit per region column where the EC2 API does not offer the type (set by
    /// [`PriceTable::assess`] from the catalog's offerings).
    not_offered: Vec<u64>,
    /// Suspect cells by (row, os, region column), once [`PriceTable::assess`] ran.
    suspicions: trust::Suspicions,
}

impl PriceTable {
    /// Parses either kind of price file: the embedded rate table (first line `regions,...`)
    /// or a plain CSV (first line `instance_type,os,...`).
    pub fn parse(text: &str) -> Result<PriceTable, PriceError> {
        if text.starts_with("regions,") {
            rates::parse(text)
        } else {
            PriceTable::from_csv(text)
        }
    }

    /// Parses the embedded rate table (first line `regions,...`) alone: the page's way in,
    /// which needs no CSV parser (the format quotes nothing).
    pub fn from_rates(text: &str) -> Result<PriceTable, PriceError> {
        rates::parse(text)
    }

    /// An empty table over these region columns (at most 64, each named once).
    fn with_regions(regions: Vec<String>) -> Result<PriceTable, PriceError> {
        if regions.is_empty() || regions.iter().any(String::is_empty) {
            return Err(PriceError::BadHeader("a region column has no code".into()));
        }
        if regions.len() > 64 {
            return Err(PriceError::BadHeader(format!(
                "{} region columns; at most 64 are read",
                regions.len()
            )));
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
        Ok(PriceTable {
            regions,
            ..PriceTable::default()
        })
    }

    /// The row of `name`, added with no cells if new.
    fn add_row(&mut self, name: &str) -> usize {
        let next = self.rows.len();
        let row = *self.rows.entry(name.to_owned()).or_insert(next);
        if row == next {
            let stride = Os::ALL.len() * self.regions.len();
            self.micros.resize(self.micros.len() + stride, 0);
            self.not_offered.push(0);
        }
        row
    }

    /// Index into `micros` of a cell.
    fn index(&self, row: usize, os: Os, column: usize) -> usize {
        (row * Os::ALL.len() + os as usize) * self.regions.len() + column
    }

    /// What the source held in one cell.
    fn cell(&self, row: usize, os: Os, column: usize) -> Cell {
        let index = self.index(row, os, column);
        match self.micros.get(index) {
            Some(&m) if m > 0 => Cell::Micros(m),
            _ if self
                .zeros
                .get(index / 64)
                .is_some_and(|w| w & (1 << (index % 64)) != 0) =>
            {
                Cell::Zero
            }
            _ => Cell::Missing,
        }
    }

    /// Sets one cell.
    fn set_cell(&mut self, row: usize, os: Os, column: usize, cell: Cell) {
        let index = self.index(row, os, column);
        let micros = match cell {
            Cell::Micros(m) => m,
            Cell::Zero => {
                if self.zeros.len() <= index / 64 {
                    self.zeros.resize(index / 64 + 1, 0);
                }
                self.zeros[index / 64] |= 1 << (index % 64);
                0
            }
            Cell::Missing => 0,
        };
        if let Some(slot) = self.micros.get_mut(index) {
            *slot = micros;
        }
    }

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
        let mut table = PriceTable::with_regions(regions)?;
        let mut seen: Vec<[bool; 5]> = Vec::new();
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
                    "os `{os_text}` is not one of linux, windows, rhel, rhel-ha, suse"
                )));
            };
            let row = table.add_row(name);
            if row == seen.len() {
                seen.push([false; 5]);
            }
            if std::mem::replace(&mut seen[row][os as usize], true) {
                return Err(bad_row(format!("a second {} row for {name}", os.slug())));
            }
            for (i, text) in record.iter().skip(2).enumerate() {
                let cell = micros(text).ok_or_else(|| PriceError::BadPrice {
                    line,
                    region: table.regions[i].clone(),
                    text: text.to_owned(),
                })?;
                table.set_cell(row, os, i, cell);
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
        let known = self.rows.get(instance_type).and_then(|&row| {
            let column = self.regions.iter().position(|r| r == region)?;
            self.micros_at(row, os, column)
        });
        known.map_or(Price::Unknown, Price::Known)
    }

    /// A known cell in USD, by row, OS and region column.
    fn micros_at(&self, row: usize, os: Os, column: usize) -> Option<f64> {
        let micros = *self.micros.get(self.index(row, os, column))?;
        (micros > 0).then(|| f64::from(micros) / 1e6)
    }

    /// Every cell as the source held it, for comparing two tables: (type, OS, region)
    /// with `None` for 0.0 and absent cells left out, sorted.
    pub fn cells(&self) -> Vec<(String, Os, String, Option<u32>)> {
        let mut all = Vec::new();
        for (name, &row) in &self.rows {
            for os in Os::ALL {
                for (column, region) in self.regions.iter().enumerate() {
                    let value = match self.cell(row, os, column) {
                        Cell::Missing => continue,
                        Cell::Zero => None,
                        Cell::Micros(m) => Some(m),
                    };
                    all.push((name.clone(), os, region.clone(), value));
                }
            }
        }
        all.sort();
        all
    }

    /// Judges every price against the catalog's vCPUs, memory and families (see
    /// [`Suspicion`]); until this runs every known price counts as trusted.
    pub fn assess(&mut self, catalog: &crate::catalog::Catalog) {
        let mut judging = trust::Judging::new(self, catalog);
        while !judging.step(self) {}
        self.judged(judging, catalog);
    }

    /// Keeps what `judging` found and where the catalog says each type is not offered.
    fn judged(&mut self, judging: trust::Judging, catalog: &crate::catalog::Catalog) {
        self.suspicions = judging.into_suspicions();
        self.mark_offerings(catalog);
    }

    /// Marks where the catalog says each type is not offered (the EC2 API's offerings), so
    /// a missing price can say so; [`PriceTable::assess`] does it too.
    pub fn mark_offerings(&mut self, catalog: &crate::catalog::Catalog) {
        // Each region's bit in the catalog's offerings, found once rather than per type.
        let bits: Vec<Option<usize>> = self
            .regions
            .iter()
            .map(|r| {
                crate::availability::OFFERING_REGIONS
                    .iter()
                    .position(|o| o == r)
            })
            .collect();
        for t in &catalog.types {
            let Some(&row) = self.rows.get(&t.name) else {
                continue;
            };
            let mask = bits.iter().enumerate().fold(0u64, |mask, (i, bit)| {
                let no = bit
                    .zip(t.details.offered)
                    .is_some_and(|(bit, offered)| offered & (1 << bit) == 0);
                mask | (u64::from(no) << i)
            });
            if let Some(slot) = self.not_offered.get_mut(row) {
                *slot = mask;
            }
        }
    }

    /// The price cell judged: trusted, suspect with its reason, or unknown with why.
    pub fn check(&self, instance_type: &str, region: &str, os: Os) -> PriceCheck {
        let Some(&row) = self.rows.get(instance_type) else {
            return PriceCheck::Unknown(format!(
                "no price: newer than the price list of {PRICE_LIST_DATE}"
            ));
        };
        let Some(column) = self.regions.iter().position(|r| r == region) else {
            return PriceCheck::Unknown(format!(
                "no price: the price list of {PRICE_LIST_DATE} has no region {region}"
            ));
        };
        let offered = self
            .not_offered
            .get(row)
            .is_none_or(|mask| mask & (1 << column) == 0);
        match self.cell(row, os, column) {
            Cell::Micros(m) => {
                let usd = f64::from(m) / 1e6;
                match self.suspicions.get(&(row, os, column)) {
                    Some(s) => PriceCheck::Suspect(usd, s.clone()),
                    None => PriceCheck::Trusted(usd),
                }
            }
            Cell::Zero if offered => {
                PriceCheck::Unknown("0.0 in the source: no price known".to_owned())
            }
            Cell::Zero => PriceCheck::Unknown(format!(
                "0.0 in the source: no price known (not offered in {region})"
            )),
            Cell::Missing if !offered => PriceCheck::Unknown(format!("not offered in {region}")),
            Cell::Missing => PriceCheck::Unknown(format!(
                "no {} price for {region} in the price list of {PRICE_LIST_DATE}",
                os.label()
            )),
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

    /// How many known prices of `os` are suspect, over all regions.
    pub fn suspect_count_for(&self, os: Os) -> usize {
        self.suspicions.keys().filter(|(_, o, _)| *o == os).count()
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

/// Whether a cell spells a value that is not finite (`nan`, `inf`, `-infinity`).
fn not_finite(cell: &str) -> bool {
    let word = cell.trim_start_matches(['+', '-']).to_ascii_lowercase();
    matches!(word.as_str(), "nan" | "inf" | "infinity")
}

/// A cell as the source held it (empty: missing; `0.0`, negative or not finite: no price
/// known), or `None` if it is not a number or too large.
fn micros(cell: &str) -> Option<Cell> {
    let cell = cell.trim();
    if cell.is_empty() {
        return Some(Cell::Missing);
    }
    let usd = match crate::decimal::read(cell) {
        Ok(usd) => usd,
        // `nan`, `inf`, `-Infinity`: not finite, so no price known (as `0.0` is).
        Err(_) if not_finite(cell) => return Some(Cell::Zero),
        Err(_) => return None,
    };
    if !usd.is_finite() || usd <= 0.0 {
        return Some(Cell::Zero);
    }
    let micros = (usd * 1e6).round();
    // In range, so the cast is exact.
    if micros < 1.0 {
        return Some(Cell::Zero);
    }
    (micros <= f64::from(u32::MAX)).then_some(Cell::Micros(micros as u32))
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
