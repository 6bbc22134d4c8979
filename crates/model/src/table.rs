//! The Table view's logic: its columns, which rows pass the filters, and sorting; export
//! to CSV and Markdown ([`to_csv`], [`to_markdown`]) lives in `table/export.rs`, reading
//! the filter boxes as typed ([`read_query`]) in `table/typed.rs`.
//!
//! [`rows`] runs on every keystroke (about 1,400 rows in WASM): it allocates the result and,
//! when sorting, one key per row; filtering and search allocate nothing per row.

use std::cmp::Ordering;

use crate::catalog::Catalog;
use crate::family::Family;
use crate::instance::InstanceType;
use crate::prices::{PriceMetric, Pricing, HOURS_PER_MONTH};
use crate::quantity::StorageKind;
use crate::query::{ColumnQuery, ColumnUnit, TextQuery};
use crate::shown::Shown;

mod cells;
mod clear;
mod export;
mod select;
mod typed;

pub use cells::{format_number, generation_of};
pub use clear::clear_all_filters;
pub use export::{
    export_file_name, export_note, to_csv, to_delimited, to_markdown, ExportContext, ExportFormat,
};
pub use select::{
    architecture_slug, family_letters, vendor_slug, LetterSet, SelectOption, StorageChoice,
    TableSelect, ARCHITECTURES, VENDORS,
};
pub use typed::{read_query, KeptConditions, QueryErrors, QueryInput};

/// A column of the table. New columns (prices, later) are appended to [`Column::ALL`];
/// slugs never change, as URLs and CSV headers use them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Column {
    /// The API name, `p3dn.24xlarge`.
    Name,
    /// The family, `p3dn`.
    Family,
    /// The category (General purpose ... Accelerated computing).
    Category,
    /// Virtual CPUs.
    Vcpu,
    /// Memory in GiB.
    Memory,
    /// Clock speed in GHz.
    Clock,
    /// The processor name as the source writes it.
    Processor,
    /// Processor vendor.
    Vendor,
    /// Instruction set architecture.
    Architecture,
    /// Network bandwidth in Gbps (the old grades "Moderate", "High" have no number).
    Network,
    /// Total local instance storage in GB (0 for EBS-only types).
    Storage,
    /// The kind of local storage: NVMe SSD, SSD or HDD (empty for EBS only).
    StorageKind,
    /// Number of GPUs.
    Gpus,
    /// Total accelerator memory in GiB.
    GpuMemory,
    /// Dedicated EBS throughput in Mbps.
    Ebs,
    /// Whether AWS lists the type as current generation.
    CurrentGeneration,
    /// On-demand price per hour in the chosen region and system (USD).
    PriceHour,
    /// On-demand price per month of 730 hours (USD).
    PriceMonth,
    /// Price per vCPU per hour (USD).
    PriceVcpuHour,
    /// Price per GiB of memory per hour (USD).
    PriceGibHour,
    /// GiB of memory per vCPU: the slope of a family's line on the Families chart.
    GibPerVcpu,
    /// The generation number in the name (`5` in `m5.large`, `1` in `u-6tb1.metal`).
    Generation,
    /// Network peak bandwidth in Gbps, all network cards together (`4x 100 Gigabit` = 400).
    NetworkGbps,
    /// EBS baseline bandwidth in Mbps, where it is below the maximum ([`Column::Ebs`]).
    EbsBaseline,
    /// GPU maker and model (`NVIDIA H200`).
    GpuModel,
    /// The share of one GPU, for fractional-GPU types (`0.125` on `g6f.large`).
    GpuFraction,
    /// Accelerators other than GPUs (`16 x AWS Trainium2`).
    Accelerators,
    /// Bare metal: the whole server.
    BareMetal,
    /// Burstable (CPU credits).
    Burstable,
    /// Supports the Elastic Fabric Adapter.
    Efa,
    /// How many regions offer the type (of those whose offerings are known).
    OfferedRegions,
    /// Whether the EC2 API still lists the type.
    ListedByApi,
    /// The region codes offering the type.
    OfferedIn,
}

/// `(column, slug, label, dataset CSV column or None)`, in [`Column::ALL`] order.
#[rustfmt::skip]
const COLUMNS: [(Column, &str, &str, Option<&str>); 33] = [
    (Column::Name, "name", "Name", Some("instance_type")),
    (Column::Family, "family", "Family", None),
    (Column::Category, "category", "Category", Some("instance_family")),
    (Column::Vcpu, "vcpu", "vCPU", Some("vcpu")),
    (Column::Memory, "memory", "Memory (GiB)", Some("memory")),
    (Column::Clock, "clock", "Clock (GHz)", Some("clock_speed")),
    (Column::Processor, "processor", "Processor", Some("physical_processor")),
    (Column::Vendor, "vendor", "Vendor", None),
    (Column::Architecture, "architecture", "Architecture", Some("processor_architecture")),
    (Column::Network, "network", "Network (Gbps)", Some("network_performance")),
    (Column::Storage, "storage", "Local storage (GB)", Some("storage")),
    (Column::StorageKind, "storage_kind", "Storage kind", None),
    (Column::Gpus, "gpus", "GPUs", Some("gpu")),
    (Column::GpuMemory, "gpu_memory", "GPU memory (GiB)", Some("gpu_memory")),
    (Column::Ebs, "ebs", "EBS maximum (Mbps)", Some("dedicated_ebs_throughput")),
    (Column::CurrentGeneration, "current_generation", "Current generation", Some("current_generation")),
    (Column::PriceHour, "price-hour", "Price ($/h)", None),
    (Column::PriceMonth, "price-month", "Price ($/month)", None),
    (Column::PriceVcpuHour, "price-vcpu-hour", "$ per vCPU-hour", None),
    (Column::PriceGibHour, "price-gib-hour", "$ per GiB-hour", None),
    (Column::GibPerVcpu, "gib-per-vcpu", "GiB per vCPU", None),
    (Column::Generation, "generation", "Generation", None),
    (Column::NetworkGbps, "network-gbps", "Network peak (Gbps)", Some("network_gbps")),
    (Column::EbsBaseline, "ebs-baseline", "EBS baseline (Mbps)", Some("ebs_baseline_mbps")),
    (Column::GpuModel, "gpu-model", "GPU model", Some("gpu_model")),
    (Column::GpuFraction, "gpu-fraction", "GPU share", Some("gpu_fraction")),
    (Column::Accelerators, "accelerators", "Accelerators", Some("accelerators")),
    (Column::BareMetal, "bare-metal", "Bare metal", None),
    (Column::Burstable, "burstable", "Burstable", None),
    (Column::Efa, "efa", "EFA", None),
    (Column::OfferedRegions, "offered-regions", "Offered in (regions)", None),
    (Column::ListedByApi, "listed", "Listed by the EC2 API", None),
    (Column::OfferedIn, "offered-in", "Offered in", None),
];

impl Column {
    /// Every column, in picker order.
    pub const ALL: [Column; 33] = {
        let mut all = [Column::Name; 33];
        let mut i = 0;
        while i < all.len() {
            all[i] = COLUMNS[i].0;
            i += 1;
        }
        all
    };

    /// The columns shown before a person picks any.
    /// They fit a 1280 px window with the price in view; the processor and clock are a
    /// tick away in the column picker (the vendor chips select by processor). In
    /// [`Column::ALL`] order, as the picker puts a column back where it belongs.
    pub const DEFAULT: &'static [Column] = &[
        Column::Name,
        Column::Category,
        Column::Vcpu,
        Column::Memory,
        Column::Network,
        Column::Storage,
        Column::Gpus,
        Column::PriceHour,
        Column::GibPerVcpu,
    ];

    fn entry(self) -> &'static (Column, &'static str, &'static str, Option<&'static str>) {
        &COLUMNS[self as usize]
    }

    /// A short stable identifier for URLs and test ids, such as `"vcpu"`.
    pub fn slug(self) -> &'static str {
        self.entry().1
    }

    /// The inverse of [`Column::slug`].
    pub fn from_slug(slug: &str) -> Option<Column> {
        Column::ALL.into_iter().find(|c| c.slug() == slug)
    }

    /// The column heading people read, such as `"Memory (GiB)"`.
    pub fn label(self) -> &'static str {
        self.entry().2
    }

    /// The built-in dataset's column name where the column comes from the dataset
    /// (`instance_type`, `memory`, ...), else the slug (`family`, `vendor`). Exports write
    /// [`Column::label`] instead.
    pub fn csv_header(self) -> &'static str {
        self.entry().3.unwrap_or(self.slug())
    }

    /// Whether the column holds numbers (sorted numerically, filtered with a [`ColumnQuery`]).
    pub fn is_numeric(self) -> bool {
        self.unit().is_some()
    }

    /// The unit of a numeric column (a bare number in its filter is in it); `None` for text.
    pub fn unit(self) -> Option<ColumnUnit> {
        Some(match self {
            Column::Vcpu | Column::Gpus | Column::Generation => ColumnUnit::Count,
            Column::Memory | Column::GpuMemory => ColumnUnit::Memory,
            Column::Clock => ColumnUnit::Clock,
            Column::Network => ColumnUnit::Network,
            Column::Storage => ColumnUnit::Storage,
            Column::Ebs => ColumnUnit::Ebs,
            Column::PriceHour
            | Column::PriceMonth
            | Column::PriceVcpuHour
            | Column::PriceGibHour => ColumnUnit::Usd,
            Column::GibPerVcpu => ColumnUnit::GibPerVcpu,
            Column::NetworkGbps => ColumnUnit::Network,
            Column::EbsBaseline => ColumnUnit::Ebs,
            Column::OfferedRegions => ColumnUnit::Count,
            Column::GpuFraction => ColumnUnit::Share,
            _ => return None,
        })
    }

    /// The column's number for a type; `None` for text columns and missing values.
    pub fn number(self, t: &InstanceType) -> Option<f64> {
        match self {
            Column::Vcpu => Some(f64::from(t.vcpu)),
            Column::Memory => Some(t.memory_gib),
            Column::Clock => t.clock.as_ref().map(|c| c.ghz),
            Column::Network => t.network.gbps,
            Column::Storage => Some(t.storage.as_ref().map_or(0.0, |s| s.total_gb())),
            Column::Gpus => Some(f64::from(t.gpus)),
            Column::GpuMemory => t.gpu_memory_gib,
            Column::Ebs => t.ebs.as_ref().map(|e| e.mbps),
            Column::GibPerVcpu => (t.vcpu > 0).then(|| t.memory_gib / f64::from(t.vcpu)),
            Column::Generation => generation_of(&t.family).map(f64::from),
            Column::NetworkGbps => t.network.gbps,
            Column::EbsBaseline => t.details.ebs_baseline_mbps,
            Column::GpuFraction => t.details.gpu_fraction,
            Column::OfferedRegions => t.details.offered.map(|m| f64::from(m.count_ones())),
            _ => None,
        }
    }

    /// The text of a text column, borrowed (for sorting without allocating).
    pub(crate) fn text_ref(self, t: &InstanceType) -> &str {
        match self {
            Column::Name => &t.name,
            Column::Family => &t.family,
            Column::Category => t.category.label(),
            Column::Processor => &t.processor,
            Column::Vendor => t.vendor.label(),
            Column::Architecture => t.architecture.label(),
            Column::StorageKind => t.storage.as_ref().map_or("", |s| kind_label(s.kind)),
            Column::CurrentGeneration => yes_no(t.current_generation),
            Column::GpuModel => t.details.gpu_model.as_deref().unwrap_or(""),
            Column::BareMetal => yes_no(t.details.bare_metal),
            Column::Burstable => yes_no(t.details.burstable),
            Column::Efa => yes_no(t.details.efa),
            Column::ListedByApi => yes_no(!t.details.retired),
            _ => "",
        }
    }
}

impl Column {
    /// The price metric a price column shows.
    pub fn price_metric(self) -> Option<PriceMetric> {
        match self {
            Column::PriceHour => Some(PriceMetric::Hourly),
            Column::PriceMonth => Some(PriceMetric::Monthly),
            Column::PriceVcpuHour => Some(PriceMetric::PerVcpuHour),
            Column::PriceGibHour => Some(PriceMetric::PerGibHour),
            _ => None,
        }
    }

    /// The column's number for a type, given its hourly price where the column needs one.
    pub fn number_at(self, t: &InstanceType, hourly: Option<f64>) -> Option<f64> {
        match self.price_metric() {
            Some(metric) => metric_from_hourly(metric, t, hourly?),
            None => self.number(t),
        }
    }
}

/// A price metric from the hourly price.
pub(crate) fn metric_from_hourly(
    metric: PriceMetric,
    t: &InstanceType,
    hourly: f64,
) -> Option<f64> {
    match metric {
        PriceMetric::Hourly => Some(hourly),
        PriceMetric::Monthly => Some(hourly * HOURS_PER_MONTH),
        PriceMetric::PerVcpuHour => (t.vcpu > 0).then(|| hourly / f64::from(t.vcpu)),
        PriceMetric::PerGibHour => (t.memory_gib > 0.0).then(|| hourly / t.memory_gib),
    }
}

/// Hourly prices by catalog index in the chosen region and system, for the price columns
/// and the "offered there only" filter. Empty when the table needs no prices.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RowPrices {
    hourly: Vec<Option<f64>>,
    /// The region the prices are for, which "offered there only" asks about.
    region: Option<String>,
}

impl RowPrices {
    /// Looks up every type's hourly price once: suspect ones too, which the Table shows
    /// marked with their reason ([`crate::prices::flags`]).
    pub fn new(catalog: &Catalog, pricing: &Pricing) -> RowPrices {
        let hourly = catalog
            .types
            .iter()
            .map(|t| {
                pricing
                    .table
                    .hourly(&t.name, pricing.region, pricing.os)
                    .known()
            })
            .collect();
        let region = Some(pricing.region.to_owned());
        RowPrices { hourly, region }
    }

    /// The region the prices are for, when they were looked up.
    pub fn region(&self) -> Option<&str> {
        self.region.as_deref()
    }

    /// The hourly price of the type at `index`, when known.
    pub fn hourly(&self, index: usize) -> Option<f64> {
        self.hourly.get(index).copied().flatten()
    }

    /// Whether prices were looked up at all.
    pub fn is_empty(&self) -> bool {
        self.hourly.is_empty()
    }
}

/// A flag as the Table writes it.
fn yes_no(flag: bool) -> &'static str {
    if flag {
        "Yes"
    } else {
        "No"
    }
}

/// How a storage kind is written.
pub(crate) fn kind_label(kind: StorageKind) -> &'static str {
    match kind {
        StorageKind::Nvme => "NVMe SSD",
        StorageKind::Ssd => "SSD",
        StorageKind::Hdd => "HDD",
    }
}

/// Which way a column is sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SortDirection {
    /// Smallest (or A) first.
    #[default]
    Ascending,
    /// Largest (or Z) first.
    Descending,
}

impl SortDirection {
    /// The other direction (a second click on a heading).
    pub fn toggled(self) -> SortDirection {
        match self {
            SortDirection::Ascending => SortDirection::Descending,
            SortDirection::Descending => SortDirection::Ascending,
        }
    }

    fn apply(self, ordering: Ordering) -> Ordering {
        match self {
            SortDirection::Ascending => ordering,
            SortDirection::Descending => ordering.reverse(),
        }
    }
}

/// The Table's own narrowing, on top of the shared [`Filter`]: a name search, numeric
/// column filters and text column filters (all must pass).
#[derive(Debug, Clone, Default)]
pub struct TableQuery {
    /// The name search, if any.
    pub search: Option<TextQuery>,
    /// Numeric conditions; a type with no number in that column fails its condition.
    pub filters: Vec<(Column, ColumnQuery)>,
    /// Searches in text columns (category, vendor, processor ...), against the cell text.
    pub texts: Vec<(Column, TextQuery)>,
    /// The selector's choices (vendor, architecture, storage kind, letters, generation).
    pub select: TableSelect,
}

impl TableQuery {
    /// Whether a type passes the search and every column filter. Allocates nothing.
    pub fn matches(&self, t: &InstanceType) -> bool {
        self.matches_at(t, None)
    }

    /// [`TableQuery::matches`], with the type's hourly price for price-column filters.
    pub fn matches_at(&self, t: &InstanceType, hourly: Option<f64>) -> bool {
        let letters = if self.select.letters.is_empty() {
            LetterSet::default()
        } else {
            family_letters(&t.name)
        };
        self.matches_with(t, hourly, letters)
    }

    /// [`TableQuery::matches_at`], with the capability letters of the type's family read
    /// once per family by the caller.
    pub fn matches_with(&self, t: &InstanceType, hourly: Option<f64>, letters: LetterSet) -> bool {
        self.select.matches(t, letters)
            && self.search.as_ref().is_none_or(|q| q.matches(&t.name))
            && self
                .filters
                .iter()
                .all(|(column, q)| column.number_at(t, hourly).is_some_and(|v| q.matches(v)))
            && self
                .texts
                .iter()
                .all(|(column, q)| q.matches(column.text_ref(t)))
    }
}

/// The catalog indices the table shows, in order.
///
/// Rows are the `shown` types (every shared filter applied) that pass `query`, in family
/// order then size order. `sort` then orders them stably: numbers numerically, text
/// ignoring ASCII case, Category in its display order, Name by family then size ladder;
/// missing values (and empty text) go last in both directions.
pub fn rows(
    catalog: &Catalog,
    families: &[Family],
    shown: &Shown,
    query: &TableQuery,
    sort: Option<(Column, SortDirection)>,
    prices: &RowPrices,
) -> Vec<usize> {
    let mut rows = Vec::with_capacity(shown.type_count());
    let by_letter = !query.select.letters.is_empty();
    for family in &shown.families {
        // A family's members share its letters: read them from its first member's name.
        let letters = match family.types.first().and_then(|&i| catalog.types.get(i)) {
            Some(first) if by_letter => family_letters(&first.name),
            _ => LetterSet::default(),
        };
        for &i in &family.types {
            let Some(t) = catalog.types.get(i) else {
                continue;
            };
            if query.matches_with(t, prices.hourly(i), letters) {
                rows.push(i);
            }
        }
    }
    if let Some((column, direction)) = sort {
        sort_rows(catalog, families, &mut rows, column, direction, prices);
    }
    rows
}

fn sort_rows(
    catalog: &Catalog,
    families: &[Family],
    rows: &mut Vec<usize>,
    column: Column,
    direction: SortDirection,
    prices: &RowPrices,
) {
    let types = &catalog.types;
    match column {
        Column::Name => {
            let mut rank = vec![u32::MAX; types.len()];
            for family in families {
                for (position, &i) in family.members.iter().enumerate() {
                    if let Some(slot) = rank.get_mut(i) {
                        *slot = u32::try_from(position).unwrap_or(u32::MAX);
                    }
                }
            }
            let key = |i: usize| Some((types[i].family.as_str(), rank[i]));
            let cmp =
                |a: &(&str, u32), b: &(&str, u32)| cmp_ignore_case(a.0, b.0).then(a.1.cmp(&b.1));
            sort_missing_last(rows, key, cmp, direction);
        }
        Column::Category => {
            sort_missing_last(rows, |i| Some(types[i].category), Ord::cmp, direction);
        }
        c if c.is_numeric() => {
            let key = |i: usize| {
                c.number_at(&types[i], prices.hourly(i))
                    .filter(|v| !v.is_nan())
            };
            sort_missing_last(rows, key, f64::total_cmp, direction);
        }
        c => {
            let key = |i: usize| Some(c.text_ref(&types[i])).filter(|s| !s.is_empty());
            sort_missing_last(rows, key, |a, b| cmp_ignore_case(a, b), direction);
        }
    }
}

/// Compares ignoring ASCII case, without allocating.
fn cmp_ignore_case(a: &str, b: &str) -> Ordering {
    a.bytes()
        .map(|b| b.to_ascii_lowercase())
        .cmp(b.bytes().map(|b| b.to_ascii_lowercase()))
}

/// Stable sort of `rows` by `key`, `cmp` turned by `direction`, rows without a key last.
fn sort_missing_last<K>(
    rows: &mut Vec<usize>,
    key: impl Fn(usize) -> Option<K>,
    cmp: impl Fn(&K, &K) -> Ordering,
    direction: SortDirection,
) {
    let mut keyed: Vec<(Option<K>, usize)> = rows.iter().map(|&i| (key(i), i)).collect();
    crate::order::sort_by(&mut keyed, |(a, _), (b, _)| match (a, b) {
        (Some(a), Some(b)) => direction.apply(cmp(a, b)),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    });
    rows.clear();
    rows.extend(keyed.into_iter().map(|(_, i)| i));
}
