//! The whole dataset: parsing the dataset CSV into [`InstanceType`] records.
//!
//! The CSV is the one `scripts/refresh-data.py` writes from the EC2 API's records (numbers
//! without units) and, for types the API no longer lists, the Price List's strings ("61 GiB",
//! "High"); see `assets/data/PROVENANCE.md`. The category comes from the name
//! ([`Category::from_name`]). Parsing is one pass with one reused record: a row that
//! cannot be read becomes a [`RejectedRow`] and the others still load; only a missing or
//! wrong header is a [`CatalogError`]. The page does not run it: the build does
//! (`build.rs`), and embeds the records as [`crate::wire`] text.

use std::collections::HashMap;

use serde::Deserialize;
use thiserror::Error;

use crate::instance::{Architecture, Category, Details, InstanceType, Vendor};
use crate::quantity::{
    parse_clock, parse_ebs_throughput, parse_gpu_memory, parse_memory, parse_network,
    parse_storage, Network, QuantityError,
};
use crate::text::Quoted;

/// A row of the dataset that could not be read, with the reason.
#[derive(Debug, Clone, PartialEq)]
pub struct RejectedRow {
    /// 1-based line in the CSV text.
    pub line: u64,
    /// The instance type name on that row, if it could be read.
    pub name: String,
    /// What is wrong, in words a person can act on.
    pub reason: String,
}

/// Every instance type of a dataset, plus the rows that failed to parse.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Catalog {
    /// The instance types, in the order of the source.
    pub types: Vec<InstanceType>,
    /// Rows that could not be read; never dropped silently.
    pub rejected: Vec<RejectedRow>,
}

/// Why a whole CSV file could not be read (single bad rows are [`RejectedRow`]s instead).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum CatalogError {
    /// The text has no header row at all.
    #[error("the instance-type CSV is empty: expected a header row starting with `instance_type`")]
    Empty,
    /// The header row lacks columns the catalog needs.
    #[error(
        "the instance-type CSV header lacks the column(s) {missing}; it must name {} \
         (and may name {})",
        REQUIRED.join(","),
        COLUMNS[REQUIRED.len()..].join(",")
    )]
    MissingColumns {
        /// The missing column names, comma separated.
        missing: String,
    },
    /// The CSV reader failed on the file as a whole.
    #[error("could not read the instance-type CSV near line {line}: {message}")]
    Unreadable {
        /// 1-based line where reading failed.
        line: u64,
        /// What the CSV reader said.
        message: String,
    },
}

/// The columns the CSV must have (in any order; unknown columns are ignored).
pub const REQUIRED: [&str; 3] = ["instance_type", "vcpu", "memory"];

/// Every column the catalog reads; all but [`REQUIRED`] may be absent (read as empty).
/// See `assets/data/PROVENANCE.md` for what each holds.
pub const COLUMNS: [&str; 19] = [
    "instance_type",
    "vcpu",
    "memory",
    "clock_speed",
    "physical_processor",
    "processor_architecture",
    "network_performance",
    "network_gbps",
    "storage",
    "gpu",
    "gpu_memory",
    "gpu_model",
    "gpu_fraction",
    "accelerators",
    "dedicated_ebs_throughput",
    "ebs_baseline_mbps",
    "current_generation",
    "flags",
    "regions",
];

/// One CSV row, borrowed from the reader's record; the strings as the file wrote them.
#[derive(Deserialize)]
#[serde(default)]
#[derive(Default)]
struct Row<'a> {
    instance_type: &'a str,
    vcpu: &'a str,
    memory: &'a str,
    clock_speed: &'a str,
    physical_processor: &'a str,
    processor_architecture: &'a str,
    network_performance: &'a str,
    network_gbps: &'a str,
    storage: &'a str,
    gpu: &'a str,
    gpu_memory: &'a str,
    gpu_model: &'a str,
    gpu_fraction: &'a str,
    accelerators: &'a str,
    dedicated_ebs_throughput: &'a str,
    ebs_baseline_mbps: &'a str,
    current_generation: &'a str,
    flags: &'a str,
    regions: &'a str,
}

impl Catalog {
    /// Parses a CSV with the [`COLUMNS`] header into a catalog.
    ///
    /// Rows that fail (a bad number, an unknown `instance_family`, zero vCPUs, a duplicate
    /// name...) go into [`Catalog::rejected`] with their line and the reason.
    pub fn from_csv(text: &str) -> Result<Catalog, CatalogError> {
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .from_reader(text.as_bytes());
        let headers = reader.headers().map_err(unreadable)?.clone();
        if headers.iter().all(|h| h.trim().is_empty()) {
            return Err(CatalogError::Empty);
        }
        let missing: Vec<&str> = REQUIRED
            .into_iter()
            .filter(|c| !headers.iter().any(|h| h == *c))
            .collect();
        if !missing.is_empty() {
            let missing = missing.join(", ");
            return Err(CatalogError::MissingColumns { missing });
        }
        let name_column = headers.iter().position(|h| h == "instance_type");

        let mut catalog = Catalog::default();
        let mut lines: HashMap<String, u64> = HashMap::new();
        let mut record = csv::StringRecord::new();
        while reader.read_record(&mut record).map_err(unreadable)? {
            let line = record.position().map_or(0, csv::Position::line);
            let parsed = if record.len() == headers.len() {
                record
                    .deserialize::<Row>(Some(&headers))
                    .map_err(|e| format!("cannot read the row: {e}"))
                    .and_then(instance_type)
            } else {
                let (found, expected) = (record.len(), headers.len());
                Err(format!("has {found} fields, the header has {expected}"))
            };
            let parsed = parsed.and_then(|t| match lines.get(&t.name) {
                Some(first) => Err(format!("duplicate of the type on line {first}")),
                None => Ok(t),
            });
            match parsed {
                Ok(t) => {
                    lines.insert(t.name.clone(), line);
                    catalog.types.push(t);
                }
                Err(reason) => {
                    let name = name_column.and_then(|i| record.get(i)).unwrap_or("");
                    let name = name.trim().to_owned();
                    catalog.rejected.push(RejectedRow { line, name, reason });
                }
            }
        }
        Ok(catalog)
    }

    /// The instance type with this exact API name, such as `p3dn.24xlarge`.
    pub fn get(&self, name: &str) -> Option<&InstanceType> {
        self.types.iter().find(|t| t.name == name)
    }
}

/// A CSV reader failure as a [`CatalogError`].
fn unreadable(error: csv::Error) -> CatalogError {
    let line = error.position().map_or(0, csv::Position::line);
    let message = error.to_string();
    CatalogError::Unreadable { line, message }
}

/// Prefixes a quantity error with its column.
fn in_column(column: &'static str) -> impl Fn(QuantityError) -> String {
    move |e| format!("{column}: {e}")
}

/// Reads a count of whole things (vCPUs, GPUs): ASCII digits only.
fn count(column: &str, s: &str) -> Result<u32, String> {
    let digits = s.trim();
    match digits.parse::<u32>() {
        Ok(n) if digits.bytes().all(|b| b.is_ascii_digit()) => Ok(n),
        _ => Err(format!("{column}: {} is not a whole number", Quoted(s))),
    }
}

/// Builds one instance type from a row, or says what is wrong with it.
fn instance_type(row: Row<'_>) -> Result<InstanceType, String> {
    let name = row.instance_type.trim();
    let (family, size) = match name.split_once('.') {
        Some((family, size)) if !family.is_empty() && !size.is_empty() => (family, size),
        _ => {
            return Err(format!(
                "instance_type: {} is not a name like \"m5.large\" (family.size)",
                Quoted(name)
            ))
        }
    };
    let vcpu = count("vcpu", row.vcpu)?;
    if vcpu == 0 {
        return Err("vcpu: 0 is not a possible number of vCPUs".to_owned());
    }
    let memory = with_unit(row.memory, "GiB");
    let memory_gib = parse_memory(&memory).map_err(in_column("memory"))?;
    let clock = optional(&with_unit(row.clock_speed, "GHz"), parse_clock)
        .map_err(in_column("clock_speed"))?;
    let processor = row.physical_processor.trim();
    let vendor = Vendor::from_processor(processor);
    let architecture = if vendor == Vendor::Graviton
        || mentions_arm(processor)
        || mentions_arm(row.processor_architecture)
    {
        Architecture::Arm64
    } else {
        Architecture::X86_64
    };
    let mut network = match row.network_performance.trim() {
        "" => Network {
            gbps: None,
            up_to: false,
            label: String::new(),
        },
        s => parse_network(s).map_err(in_column("network_performance"))?,
    };
    if let Some(gbps) = decimal("network_gbps", row.network_gbps)? {
        network.gbps = Some(gbps);
    }
    let storage = match row.storage.trim() {
        "" => None,
        s => parse_storage(s).map_err(in_column("storage"))?,
    };
    let gpus = match row.gpu.trim() {
        "" => 0,
        s => count("gpu", s)?,
    };
    let gpu_memory_gib = match row.gpu_memory.trim() {
        "" => None,
        s => parse_gpu_memory(&with_unit(s, "GiB")).map_err(in_column("gpu_memory"))?,
    };
    let ebs_baseline_mbps = decimal("ebs_baseline_mbps", row.ebs_baseline_mbps)?;
    let ebs_text = match (
        ebs_baseline_mbps,
        plain_number(row.dedicated_ebs_throughput),
    ) {
        (Some(_), true) => format!("Up to {} Mbps", row.dedicated_ebs_throughput.trim()),
        _ => with_unit(row.dedicated_ebs_throughput, "Mbps"),
    };
    let ebs =
        optional(&ebs_text, parse_ebs_throughput).map_err(in_column("dedicated_ebs_throughput"))?;
    let current_generation = match row.current_generation.trim() {
        g if g.eq_ignore_ascii_case("yes") || g.eq_ignore_ascii_case("true") => true,
        g if g.eq_ignore_ascii_case("no") || g.eq_ignore_ascii_case("false") => false,
        g => {
            return Err(format!(
                "current_generation: {} is not Yes or No",
                Quoted(g)
            ))
        }
    };
    let flags = row.flags.trim();
    if let Some(bad) = flags.chars().find(|c| !"mbex".contains(*c)) {
        return Err(format!(
            "flags: {} is not one of m (bare metal), b (burstable), e (EFA), x (retired)",
            Quoted(bad.encode_utf8(&mut [0; 4]))
        ));
    }
    let offered = match row.regions.trim() {
        "" => None,
        hex => Some(u32::from_str_radix(hex, 16).map_err(|_| {
            format!(
                "regions: {} is not a hexadecimal mask of offering regions",
                Quoted(hex)
            )
        })?),
    };
    let retired = flags.contains('x');
    let details = Details {
        gpu_model: Some(row.gpu_model.trim().to_owned()).filter(|m| !m.is_empty()),
        gpu_fraction: decimal("gpu_fraction", row.gpu_fraction)?,
        accelerators: row
            .accelerators
            .split(';')
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .map(str::to_owned)
            .collect(),
        ebs_baseline_mbps,
        bare_metal: flags.contains('m'),
        burstable: flags.contains('b'),
        efa: flags.contains('e'),
        retired,
        offered: if retired { Some(0) } else { offered },
    };
    Ok(InstanceType {
        name: name.to_owned(),
        family: family.to_owned(),
        size: size.to_owned(),
        category: Category::from_name(name),
        vcpu,
        memory_gib,
        memory_label: memory.trim().to_owned(),
        clock,
        processor: processor.to_owned(),
        vendor,
        architecture,
        network,
        storage,
        gpus,
        gpu_memory_gib,
        ebs,
        current_generation,
        details,
    })
}

/// Whether a cell is a plain decimal number (the API-derived rows write numbers without units).
fn plain_number(cell: &str) -> bool {
    let cell = cell.trim();
    !cell.is_empty() && cell.bytes().all(|b| b.is_ascii_digit() || b == b'.')
}

/// A plain number with its unit appended (`16` -> `16 GiB`); any other text unchanged.
fn with_unit(cell: &str, unit: &str) -> String {
    if plain_number(cell) {
        format!("{} {unit}", cell.trim())
    } else {
        cell.trim().to_owned()
    }
}

/// An optional positive decimal cell.
fn decimal(column: &str, cell: &str) -> Result<Option<f64>, String> {
    match cell.trim() {
        "" => Ok(None),
        s => match crate::decimal::read(s) {
            Ok(x) if plain_number(s) && x.is_finite() && x > 0.0 => Ok(Some(x)),
            _ => Err(format!("{column}: {} is not a positive number", Quoted(s))),
        },
    }
}

/// Parses a cell that may be empty (the source had no such key): empty is `None`.
fn optional<T>(
    cell: &str,
    parse: impl Fn(&str) -> Result<T, QuantityError>,
) -> Result<Option<T>, QuantityError> {
    match cell.trim() {
        "" => Ok(None),
        s => parse(s).map(Some),
    }
}

/// Whether a processor or architecture string names Arm ("Arm", "arm64", "AArch64").
fn mentions_arm(s: &str) -> bool {
    s.split(|c: char| !c.is_ascii_alphanumeric()).any(|w| {
        ["arm", "arm64", "aarch64"]
            .iter()
            .any(|a| w.eq_ignore_ascii_case(a))
    })
}
