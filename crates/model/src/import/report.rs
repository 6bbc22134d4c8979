//! What an import says besides its types: which fields each record lacked, which names
//! repeated, which rows were skipped and why; and filling the gaps from the built-in data.

use std::collections::{HashMap, HashSet};

use crate::catalog::{Catalog, RejectedRow};
use crate::instance::InstanceType;

use super::budget::{self, Count, MAX_INSTANCE_TYPES};
use super::fields::clip;
use super::record::{check_name, finish, Draft};
use super::{Format, ImportError, Imported};

/// At most this many skipped rows and duplicate names are listed; the rest are counted in
/// [`Imported::unlisted`], so a huge bad file cannot fill the memory with messages.
pub const MAX_LISTED: usize = 1000;

/// Fields an imported record lacked, as a small set of flags (one per [`Gaps::FIELDS`] entry).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Gaps(u8);

impl Gaps {
    /// No category in the source: derived from the name ([`super::category_from_name`]).
    pub const CATEGORY: Gaps = Gaps(1);
    /// No processor name: the architecture stands in.
    pub const PROCESSOR: Gaps = Gaps(1 << 1);
    /// No processor vendor, and none to read from a processor name or an Arm architecture.
    pub const VENDOR: Gaps = Gaps(1 << 2);
    /// No clock speed.
    pub const CLOCK: Gaps = Gaps(1 << 3);
    /// No network performance.
    pub const NETWORK: Gaps = Gaps(1 << 4);
    /// No storage column (CSV): shown as EBS only.
    pub const STORAGE: Gaps = Gaps(1 << 5);
    /// No GPU column (CSV): shown as no GPUs.
    pub const GPU: Gaps = Gaps(1 << 6);
    /// No EBS throughput column (CSV).
    pub const EBS: Gaps = Gaps(1 << 7);

    /// Every flag with its field name (as in [`Imported::missing_fields`]) and what the
    /// atlas shows instead.
    pub const FIELDS: [(Gaps, &'static str, &'static str); 8] = [
        (Gaps::CATEGORY, "category", "derived from the name"),
        (
            Gaps::PROCESSOR,
            "processor",
            "the architecture is shown instead",
        ),
        (Gaps::VENDOR, "vendor", "shown as Other"),
        (Gaps::CLOCK, "clock", "left empty"),
        (Gaps::NETWORK, "network", "left empty"),
        (Gaps::STORAGE, "storage", "shown as EBS only"),
        (Gaps::GPU, "gpu", "shown as no GPUs"),
        (Gaps::EBS, "ebs", "left empty"),
    ];

    /// Whether every flag of `other` is set here.
    pub fn contains(self, other: Gaps) -> bool {
        self.0 & other.0 == other.0
    }

    /// Sets the flags of `other`.
    pub fn insert(&mut self, other: Gaps) {
        self.0 |= other.0;
    }

    /// Clears the flags of `other`.
    pub fn remove(&mut self, other: Gaps) {
        self.0 &= !other.0;
    }

    /// Whether no flag is set.
    pub fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// What the atlas shows for a missing `field` (a name from [`Gaps::FIELDS`]).
    pub fn note(field: &str) -> Option<&'static str> {
        Gaps::FIELDS
            .iter()
            .find(|(_, name, _)| *name == field)
            .map(|(_, _, note)| *note)
    }
}

/// The fields no record had: a flag set in every one of `gaps`.
pub(crate) fn missing_fields(gaps: &[Gaps]) -> Vec<&'static str> {
    if gaps.is_empty() {
        return Vec::new();
    }
    let all = gaps.iter().fold(Gaps(u8::MAX), |acc, g| Gaps(acc.0 & g.0));
    Gaps::FIELDS
        .iter()
        .filter(|(flag, _, _)| all.contains(*flag))
        .map(|(_, name, _)| *name)
        .collect()
}

/// How many imported records [`fill_from`] completed from the built-in catalogue.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FillReport {
    /// Records whose derived category was replaced by the built-in one.
    pub filled_category: usize,
    /// Records that got the built-in processor name.
    pub filled_processor: usize,
    /// Records that got the built-in clock speed.
    pub filled_clock: usize,
    /// Records that got the built-in processor vendor.
    pub filled_vendor: usize,
}

/// Completes imported records from the built-in record of the same name: category,
/// processor, vendor and clock, each only where the import lacked it (its [`Gaps`] flag),
/// which is then cleared. [`Imported::missing_fields`] is recomputed.
pub fn fill_from(imported: &mut Imported, builtin: &Catalog) -> FillReport {
    let by_name: HashMap<&str, &InstanceType> =
        builtin.types.iter().map(|t| (t.name.as_str(), t)).collect();
    let mut report = FillReport::default();
    let records = imported.catalog.types.iter_mut().zip(&mut imported.gaps);
    for (t, gaps) in records.filter(|(_, g)| !g.is_empty()) {
        let Some(known) = by_name.get(t.name.as_str()) else {
            continue;
        };
        if gaps.contains(Gaps::CATEGORY) {
            t.category = known.category;
            gaps.remove(Gaps::CATEGORY);
            report.filled_category += 1;
        }
        if gaps.contains(Gaps::PROCESSOR) && !known.processor.is_empty() {
            t.processor.clone_from(&known.processor);
            gaps.remove(Gaps::PROCESSOR);
            report.filled_processor += 1;
        }
        if gaps.contains(Gaps::VENDOR) {
            t.vendor = known.vendor;
            gaps.remove(Gaps::VENDOR);
            report.filled_vendor += 1;
        }
        if let (true, Some(clock)) = (gaps.contains(Gaps::CLOCK), &known.clock) {
            t.clock = Some(clock.clone());
            gaps.remove(Gaps::CLOCK);
            report.filled_clock += 1;
        }
    }
    imported.missing_fields = missing_fields(&imported.gaps);
    report
}

/// Where a record sits in its file, for messages.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Place {
    /// The n-th (1-based) record of a JSON file, counted across pages.
    Record(usize),
    /// A 1-based line of a CSV file.
    Line(u64),
}

/// Collects the records of one file as they are read.
#[derive(Default)]
pub(crate) struct Builder {
    catalog: Catalog,
    gaps: Vec<Gaps>,
    seen: HashSet<String>,
    duplicates: Vec<String>,
    listed_duplicates: HashSet<String>,
    unlisted: usize,
    blank_rows: usize,
    records: usize,
}

impl Builder {
    /// Counts one more record of the file and returns its number (1-based).
    pub(crate) fn arrived(&mut self) -> usize {
        self.records += 1;
        self.records
    }

    /// Whether [`MAX_INSTANCE_TYPES`] records have arrived: the rest are only counted.
    pub(crate) fn full(&self) -> bool {
        self.records >= MAX_INSTANCE_TYPES
    }

    /// Checks `raw_name`, builds the record with `draft` and keeps it, or notes why not.
    pub(crate) fn add(
        &mut self,
        place: Place,
        raw_name: &str,
        draft: impl FnOnce() -> Result<Draft, String>,
    ) {
        let (at, line) = match place {
            Place::Record(n) => (format!("record {n}"), 0),
            Place::Line(l) => (format!("line {l}"), l),
        };
        let shown = clip(raw_name.trim()).to_owned();
        if shown.is_empty() {
            match place {
                Place::Line(_) => self.blank_rows += 1,
                Place::Record(_) => {
                    self.reject(line, shown, format!("{at}: no instance type name"))
                }
            }
            return;
        }
        let name = match check_name(raw_name) {
            Ok(name) => name,
            Err(why) => return self.reject(line, shown, format!("{at}: {why}")),
        };
        match draft().and_then(|d| finish(name, d)) {
            Ok((t, _)) if self.seen.contains(&t.name) => {
                if self.listed_duplicates.insert(t.name.clone()) {
                    if self.duplicates.len() < MAX_LISTED {
                        self.duplicates.push(t.name);
                    } else {
                        self.unlisted += 1;
                    }
                }
            }
            Ok((t, gaps)) => {
                self.seen.insert(t.name.clone());
                self.catalog.types.push(t);
                self.gaps.push(gaps);
            }
            Err(why) => self.reject(line, shown.clone(), format!("{at} ({shown}): {why}")),
        }
    }

    /// Notes an entry that is not a record at all (`reason` says where and what it is).
    pub(crate) fn skip(&mut self, reason: String) {
        self.reject(0, String::new(), reason);
    }

    /// Notes a skipped row (listed while fewer than [`MAX_LISTED`], counted after).
    fn reject(&mut self, line: u64, name: String, reason: String) {
        if self.catalog.rejected.len() < MAX_LISTED {
            self.catalog
                .rejected
                .push(RejectedRow { line, name, reason });
        } else {
            self.unlisted += 1;
        }
    }

    /// The import; [`ImportError::NoInstanceTypes`] when no record could be kept, or the
    /// budget error when the file holds more than the atlas shows (see `budget.rs`).
    pub(crate) fn finish(self, format: Format) -> Result<Imported, ImportError> {
        if self.records > MAX_INSTANCE_TYPES {
            return Err(ImportError::TooManyTypes {
                found: Count(self.records),
            });
        }
        budget::check(&self.catalog.types)?;
        if self.catalog.types.is_empty() {
            let skipped = self.catalog.rejected.len() + self.unlisted;
            let detail = match self.catalog.rejected.first() {
                Some(only) if skipped == 1 => {
                    format!(": its one record was skipped: {}", only.reason)
                }
                Some(first) => format!(
                    ": all {skipped} records were skipped; the first: {}",
                    first.reason
                ),
                None => String::new(),
            };
            return Err(ImportError::NoInstanceTypes { detail });
        }
        Ok(Imported {
            missing_fields: missing_fields(&self.gaps),
            catalog: self.catalog,
            format,
            gaps: self.gaps,
            duplicates: self.duplicates,
            unlisted: self.unlisted,
            blank_rows: self.blank_rows,
        })
    }
}
