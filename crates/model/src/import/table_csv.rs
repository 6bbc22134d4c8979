//! CSV with a header row: the atlas's own columns, AWS Price List columns, ec2instances.info
//! export columns, or lenient variants of them. Header names match ignoring case, spaces,
//! underscores and punctuation; the header is the first row (within the first
//! [`HEADER_SEARCH_ROWS`]) that names an instance type column, so a Price List preamble is
//! skipped. The delimiter is `,`, or `;` or tab when those are more common in the first lines.

use csv::StringRecord;

use crate::availability::OFFERING_REGIONS;
use crate::instance::{Architecture, Category, Details, Vendor};
use crate::quantity::{
    parse_ebs_throughput, parse_gpu_memory, parse_memory, parse_storage, LocalStorage, Network,
};
use crate::text::Quoted;

use super::fields::{
    accelerator_gib, clip, clock_text, ebs_mbps, is_blank, network_text, soft, whole,
};
use super::lenient::yes_no;
use super::record::Draft;
use super::report::{Builder, Gaps, Place};
use super::{Format, ImportError};

/// How many rows may come before the header (the Price List CSV has about five).
pub(crate) const HEADER_SEARCH_ROWS: usize = 50;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Column {
    Name,
    Category,
    Vcpu,
    Memory,
    Clock,
    Processor,
    Architecture,
    Network,
    Storage,
    Gpu,
    GpuMemory,
    Ebs,
    Generation,
    Vendor,
    StorageKind,
    NetworkPeak,
    EbsBaseline,
    GpuModel,
    GpuShare,
    Accelerators,
    BareMetal,
    Burstable,
    Efa,
    Listed,
    OfferedIn,
    Flags,
    RegionMask,
}

/// How many kinds of [`Column`] there are.
const KINDS: usize = 27;

/// Header names (lower case, letters and digits only) for each column, preferred first.
#[rustfmt::skip]
const ALIASES: [(Column, &[&str]); KINDS] = [
    (Column::Name, &["instancetype", "apiname", "instancetypename", "name", "instance"]),
    (Column::Category, &["instancefamily", "category", "instancecategory"]),
    (Column::Vcpu, &["vcpu", "vcpus", "vcpucount", "cpus", "cpu"]),
    (Column::Memory, &["memory", "memorygib", "memorygb", "memoryingib", "instancememory", "ram"]),
    (Column::Clock, &["clockspeed", "clock", "clockghz", "clockspeedghz", "sustainedclockspeed"]),
    (Column::Processor, &["physicalprocessor", "processor", "processorname", "cpumodel"]),
    (Column::Architecture, &["processorarchitecture", "architecture", "arch"]),
    (Column::Network, &["networkperformance", "network", "networkgbps"]),
    (Column::Storage, &["storage", "instancestorage", "localstorage", "localstoragegb"]),
    (Column::Gpu, &["gpu", "gpus", "gpucount"]),
    (Column::GpuMemory, &["gpumemory", "gpumemorygib", "acceleratormemory"]),
    (Column::Ebs, &["dedicatedebsthroughput", "ebsthroughput", "ebs", "ebsbandwidth", "ebsmbps", "ebsmaximummbps"]),
    (Column::Generation, &["currentgeneration", "generation"]),
    (Column::Vendor, &["vendor", "processorvendor", "manufacturer"]),
    (Column::StorageKind, &["storagekind", "storagetype"]),
    // The atlas's own export ("Network peak (Gbps)", ...) and dataset (`gpu_model`, ...).
    (Column::NetworkPeak, &["networkpeakgbps", "networkpeak"]),
    (Column::EbsBaseline, &["ebsbaselinembps", "ebsbaseline"]),
    (Column::GpuModel, &["gpumodel"]),
    (Column::GpuShare, &["gpushare", "gpufraction"]),
    (Column::Accelerators, &["accelerators"]),
    (Column::BareMetal, &["baremetal"]),
    (Column::Burstable, &["burstable"]),
    (Column::Efa, &["efa", "efasupported"]),
    (Column::Listed, &["listedbytheec2api", "listedbyapi"]),
    (Column::OfferedIn, &["offeredin"]),
    (Column::Flags, &["flags"]),
    (Column::RegionMask, &["regions"]),
];

/// Where each [`Column`] is in the header, if anywhere.
struct Columns([Option<usize>; KINDS]);

impl Columns {
    /// Reads a header row; `None` unless it names an instance type column.
    fn from_header(header: &StringRecord) -> Option<Columns> {
        let names: Vec<String> = header.iter().map(normalise).collect();
        let mut at = [None; KINDS];
        for (column, aliases) in ALIASES {
            let found = aliases
                .iter()
                .find_map(|a| names.iter().position(|n| n == a));
            at[column as usize] = found;
        }
        at[Column::Name as usize].map(|_| Columns(at))
    }

    /// Whether the header has `column`.
    fn has(&self, column: Column) -> bool {
        self.0[column as usize].is_some()
    }

    /// The trimmed cell of `column` in `record`; empty when the column or cell is absent.
    fn cell<'r>(&self, record: &'r StringRecord, column: Column) -> &'r str {
        let cell = self.0[column as usize].and_then(|i| record.get(i));
        cell.unwrap_or("").trim()
    }
}

/// A header name without case, spaces, underscores or punctuation: `Instance Type` -> `instancetype`.
fn normalise(header: &str) -> String {
    let letters = header.chars().filter(char::is_ascii_alphanumeric);
    letters.map(|c| c.to_ascii_lowercase()).collect()
}

/// The delimiter most common in the first 16 KiB: `,` unless `;` or tab beat it.
fn sniff(text: &str) -> u8 {
    let head = &text.as_bytes()[..text.len().min(16 * 1024)];
    let count = |d: u8| head.iter().filter(|b| **b == d).count();
    let (comma, semicolon, tab) = (count(b','), count(b';'), count(b'\t'));
    if semicolon > comma && semicolon >= tab {
        b';'
    } else if tab > comma && tab > semicolon {
        b'\t'
    } else {
        b','
    }
}

/// Reads a CSV into `builder`; [`ImportError::NotJsonOrCsv`] if no header row is found.
pub(crate) fn read(
    text: &str,
    file_name: Option<&str>,
    builder: &mut Builder,
) -> Result<Format, ImportError> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(sniff(text))
        .from_reader(text.as_bytes());
    let mut record = StringRecord::new();
    let mut columns = None;
    for _ in 0..HEADER_SEARCH_ROWS {
        if !matches!(reader.read_record(&mut record), Ok(true)) {
            break;
        }
        columns = Columns::from_header(&record);
        if columns.is_some() {
            break;
        }
    }
    let Some(columns) = columns else {
        return Err(not_csv(text, file_name));
    };
    while reader.read_record(&mut record).map_err(csv_error)? {
        let line = record.position().map_or(0, csv::Position::line);
        let name = columns.cell(&record, Column::Name);
        if !name.is_empty() && builder.full() {
            builder.arrived();
            continue;
        }
        if !name.is_empty() {
            builder.arrived();
        }
        builder.add(Place::Line(line), name, || draft(&record, &columns));
    }
    Ok(Format::Csv)
}

/// The error for text that is neither JSON nor a CSV with a header.
fn not_csv(text: &str, file_name: Option<&str>) -> ImportError {
    let first = text.lines().map(str::trim).find(|l| !l.is_empty());
    let start = clip(first.unwrap_or(""));
    let detail = match file_name {
        Some(name) if name.to_ascii_lowercase().ends_with(".json") => format!(
            "{} should hold JSON, which starts with {{ or [, but it starts with {}",
            Quoted(clip(name)),
            Quoted(start)
        ),
        _ => format!(
            "the file starts with {}; JSON starts with {{ or [, and a CSV needs a header \
             row naming an instance type column (such as instance_type, \"Instance Type\" or \
             \"API Name\") within its first {HEADER_SEARCH_ROWS} rows",
            Quoted(start)
        ),
    };
    ImportError::NotJsonOrCsv { detail }
}

/// A CSV reader failure as an [`ImportError`].
fn csv_error(error: csv::Error) -> ImportError {
    let line = error.position().map_or(0, csv::Position::line);
    let message = error.to_string();
    ImportError::Csv { line, message }
}

/// A plain number cell (`8`, `2.5`), or `None`.
fn plain(s: &str) -> Option<f64> {
    s.parse::<f64>().ok()
}

/// Builds a draft from one row.
fn draft(record: &StringRecord, columns: &Columns) -> Result<Draft, String> {
    let cell = |column| columns.cell(record, column);
    let mut gaps = Gaps::default();
    for (column, gap) in [
        (Column::Storage, Gaps::STORAGE),
        (Column::Gpu, Gaps::GPU),
        (Column::Ebs, Gaps::EBS),
    ] {
        if !columns.has(column) {
            gaps.insert(gap);
        }
    }
    let vcpu = match cell(Column::Vcpu) {
        s if is_blank(s) => None,
        s => Some(vcpu_count(s)?),
    };
    let (memory_gib, memory_label) = match cell(Column::Memory) {
        s if is_blank(s) => (None, None),
        s => match plain(s) {
            Some(gib) => (Some(gib), None),
            None => {
                let gib = parse_memory(s).map_err(|e| format!("memory: {e}"))?;
                (Some(gib), Some(s.to_owned()))
            }
        },
    };
    let storage = match cell(Column::Storage) {
        s if is_blank(s) || s.eq_ignore_ascii_case("EBS only") => None,
        // A plain total in GB (the atlas's own export), its kind in its own column.
        s if plain(s).is_some() => storage_total(s, cell(Column::StorageKind))?,
        s => match soft("storage", parse_storage(s))? {
            Some(storage) => storage,
            None => {
                gaps.insert(Gaps::STORAGE);
                None
            }
        },
    };
    let gpus = match cell(Column::Gpu) {
        s if is_blank(s) => 0,
        s => whole(
            "GPU count",
            Some(plain(s).ok_or_else(|| format!("GPU count {} is not a number", Quoted(clip(s))))?),
            4096,
        )?,
    };
    let gpu_memory_gib = match cell(Column::GpuMemory) {
        s if is_blank(s) => None,
        s => match plain(s) {
            Some(gib) => accelerator_gib(Some(gib))?,
            None => soft("GPU memory", parse_gpu_memory(s))?.flatten(),
        },
    };
    let ebs = match cell(Column::Ebs) {
        s if is_blank(s) => None,
        s => match plain(s) {
            Some(mbps) => ebs_mbps(Some(mbps), None)?,
            None => soft("EBS throughput", parse_ebs_throughput(s))?,
        },
    };
    let current_generation =
        match cell(Column::Generation) {
            // A generation number (the atlas's "Generation" column) says nothing about currency.
            s if is_blank(s) || plain(s).is_some() => None,
            s => Some(yes_no(s).ok_or_else(|| {
                format!("current generation {} is not Yes or No", Quoted(clip(s)))
            })?),
        };
    Ok(Draft {
        vcpu,
        memory_gib,
        memory_label,
        category: category(cell(Column::Category)),
        accelerated: gpus > 0 || gpu_memory_gib.is_some(),
        clock: clock_text(cell(Column::Clock))?,
        processor: Some(cell(Column::Processor).to_owned()).filter(|p| !is_blank(p)),
        vendor: Some(cell(Column::Vendor))
            .filter(|v| !is_blank(v))
            .map(vendor),
        architecture: architecture(cell(Column::Architecture)),
        network: network(cell(Column::Network), cell(Column::NetworkPeak))?,
        storage,
        gpus,
        gpu_memory_gib,
        ebs,
        current_generation,
        gaps,
        details: details(record, columns)?,
    })
}

/// The columns of the atlas's own export and dataset beyond the Price List's: network peak
/// is read into the network's number by [`draft`]'s caller, the rest into [`Details`].
fn details(record: &StringRecord, columns: &Columns) -> Result<Details, String> {
    let cell = |column| columns.cell(record, column);
    let number = |column: Column, what: &str| -> Result<Option<f64>, String> {
        match cell(column) {
            s if is_blank(s) => Ok(None),
            s => plain(s)
                .filter(|x| x.is_finite() && *x >= 0.0)
                .map(Some)
                .ok_or_else(|| format!("{what} {} is not a number", Quoted(clip(s)))),
        }
    };
    let yes = |column: Column| yes_no(cell(column)) == Some(true);
    let flags = cell(Column::Flags);
    let retired = yes_no(cell(Column::Listed)) == Some(false) || flags.contains('x');
    let mask = cell(Column::RegionMask);
    let offered = if retired {
        Some(0)
    } else if !is_blank(cell(Column::OfferedIn)) {
        offered_in(cell(Column::OfferedIn))?
    } else if !is_blank(mask) {
        let mask = u32::from_str_radix(mask, 16)
            .map_err(|_| format!("regions {} is not a hexadecimal mask", Quoted(clip(mask))))?;
        Some(mask)
    } else {
        None
    };
    let accelerators = cell(Column::Accelerators)
        .split(';')
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(str::to_owned)
        .collect();
    Ok(Details {
        gpu_model: Some(cell(Column::GpuModel).to_owned()).filter(|m| !is_blank(m)),
        gpu_fraction: number(Column::GpuShare, "GPU share")?.filter(|f| *f > 0.0 && *f < 1.0),
        accelerators,
        ebs_baseline_mbps: number(Column::EbsBaseline, "EBS baseline")?,
        bare_metal: yes(Column::BareMetal) || flags.contains('m'),
        burstable: yes(Column::Burstable) || flags.contains('b'),
        efa: yes(Column::Efa) || flags.contains('e'),
        retired,
        offered,
    })
}

/// The network cell, with the peak bandwidth column's number where there is one.
fn network(text: &str, peak: &str) -> Result<Option<Network>, String> {
    let said = network_text(text)?;
    let peak = match peak {
        p if is_blank(p) => return Ok(said),
        p => plain(p).ok_or_else(|| format!("network peak {} is not a number", Quoted(clip(p))))?,
    };
    Ok(Some(match said {
        Some(n) => Network {
            gbps: Some(peak),
            ..n
        },
        None => Network {
            gbps: Some(peak),
            up_to: false,
            label: format!("{} Gigabit", super::fields::show(peak)),
        },
    }))
}

/// An "Offered in" cell: region codes separated by commas (a mask over
/// [`OFFERING_REGIONS`]), or the atlas's sentence for none or unknown.
fn offered_in(text: &str) -> Result<Option<u32>, String> {
    if text.starts_with("offered in none") || text.starts_with("offered nowhere") {
        return Ok(Some(0));
    }
    if text.starts_with("availability not known") {
        return Ok(None);
    }
    let mut mask = 0u32;
    for code in text.split(',').map(str::trim).filter(|c| !c.is_empty()) {
        let bit = OFFERING_REGIONS
            .iter()
            .position(|r| *r == code)
            .ok_or_else(|| {
                format!(
                    "offered in: {} is not one of the {} regions with known offerings",
                    Quoted(clip(code)),
                    OFFERING_REGIONS.len()
                )
            })?;
        mask |= 1 << bit;
    }
    Ok(Some(mask))
}

/// A storage total in GB with its kind (`NVMe SSD`, `SSD`, `HDD`; NVMe when blank): one
/// disk of that size, or none for 0.
fn storage_total(total: &str, kind: &str) -> Result<Option<LocalStorage>, String> {
    let text = match kind.trim() {
        k if is_blank(k) => format!("{total} GB NVMe SSD"),
        k => format!("{total} GB {k}"),
    };
    match plain(total) {
        Some(0.0) => Ok(None),
        _ => parse_storage(&text).map_err(|e| format!("storage: {e}")),
    }
}

/// A vCPU cell: `8`, or `8 vCPUs` as ec2instances.info exports write it.
fn vcpu_count(s: &str) -> Result<f64, String> {
    let mut words = s.split_whitespace();
    let first = words.next().unwrap_or("");
    let rest_ok = words
        .next()
        .is_none_or(|w| w.to_ascii_lowercase().starts_with("vcpu"));
    match plain(s).or(plain(first).filter(|_| rest_ok)) {
        Some(x) => Ok(x),
        None => Err(format!("vCPU {} is not a number", Quoted(clip(s)))),
    }
}

/// A category cell: Price List wording, or the atlas's own labels and slugs.
fn category(s: &str) -> Option<Category> {
    Category::from_price_list(s).or_else(|| {
        let same =
            |c: &Category| s.eq_ignore_ascii_case(c.label()) || s.eq_ignore_ascii_case(c.slug());
        Category::ALL.into_iter().find(same)
    })
}

/// A vendor cell: `Intel`, `AMD`, `AWS Graviton`, `AWS`, ...
fn vendor(s: &str) -> Vendor {
    match s.trim() {
        s if s.eq_ignore_ascii_case("aws") => Vendor::Graviton,
        s => Vendor::from_processor(s),
    }
}

/// An architecture cell; the Price List's `64-bit` says nothing either way.
fn architecture(s: &str) -> Option<Architecture> {
    let s = s.to_ascii_lowercase();
    let words = || s.split(|c: char| !c.is_ascii_alphanumeric() && c != '_');
    if words().any(|w| matches!(w, "arm" | "arm64" | "aarch64")) {
        Some(Architecture::Arm64)
    } else if words().any(|w| matches!(w, "x86_64" | "x86" | "amd64" | "i386")) {
        Some(Architecture::X86_64)
    } else {
        None
    }
}
