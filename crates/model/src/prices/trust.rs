//! Which prices to trust: every known price is trusted or suspect, and a suspect one says why.
//!
//! The source mixes kinds of SKU (dedicated tenancy, bring-your-own-licence, the Windows
//! licence fee alone). Rather than one fixed threshold, the checks use the consistency AWS's
//! own prices have:
//! - within a region, the sizes of a family cost the same per vCPU on Linux and Windows (or, for burstable and
//!   odd-vCPU sizes, per GiB of memory): a size a few per cent above the price most of its
//!   family agree on is probably a dedicated-tenancy price;
//! - many regions are priced identically ("twins"): a price a few per cent above the same
//!   type in a twin region is suspect too;
//! - a Windows, RHEL, RHEL HA or SUSE price equal to Linux is a bring-your-own-licence
//!   price; one below Linux cannot be right (the licence is extra); a Windows price equal to
//!   the Windows licence fee alone (0.046 USD per vCPU-hour) is not the instance's price.
//!
//! Suspect prices are left out of every metric ([`super::PriceMetric::value`]), so medians,
//! letter ratios and colour ramps use trusted prices only.

use crate::sorted::SortedMap;

use crate::catalog::Catalog;
use crate::decimal::{fixed, Shortest};

use super::{Os, PriceTable};

/// The Windows Server licence fee AWS adds per vCPU-hour (USD), as the source's
/// licence-only SKUs show it.
pub const WINDOWS_LICENCE_PER_VCPU_HOUR: f64 = 0.046;

/// Prices agreeing within this factor are "the same" price per vCPU (rounding in the source).
const SAME: f64 = 1.01;

/// Above its family's or twin region's price by more than [`SAME`] and at most this factor:
/// the pattern of a dedicated-tenancy or other special SKU.
const SPECIAL_SKU_MAX: f64 = 1.25;

/// Two regions are twins when at least this share of the types priced in both cost the same
/// (in the embedded data twins share 65-77% of their prices exactly, other pairs under 1%).
const TWIN_SHARE: f64 = 0.5;

/// ...and they have at least this many types priced in common.
const TWIN_MIN_TYPES: usize = 20;

/// Why a price is not trusted.
#[derive(Debug, Clone, PartialEq)]
pub enum Suspicion {
    /// A licensed system (Windows, RHEL, RHEL HA, SUSE) costs exactly the Linux price: the
    /// licence is missing.
    EqualsLinux(Os),
    /// The Windows price is the licence fee alone.
    WindowsLicenceOnly,
    /// A licensed system costs less than Linux.
    BelowLinux(Os),
    /// Above the price per vCPU most sizes of the family share in the region.
    AboveFamily {
        /// How much above, in per cent (to a tenth).
        percent: f64,
    },
    /// Above the same type's price in a region AWS prices identically.
    AboveTwinRegion {
        /// How much above, in per cent (to a tenth).
        percent: f64,
        /// The twin region's code.
        twin: String,
    },
}

impl Suspicion {
    /// The reason in words, for a tooltip or a note beside the price.
    pub fn describe(&self) -> String {
        match self {
            Suspicion::EqualsLinux(os) => format!(
                "{} price equals the Linux price: a bring-your-own-licence price",
                os.label()
            ),
            Suspicion::WindowsLicenceOnly => format!(
                "Windows price is the licence fee alone ({} per vCPU-hour), not the \
                 instance's price",
                Shortest(WINDOWS_LICENCE_PER_VCPU_HOUR)
            ),
            Suspicion::BelowLinux(os) => format!(
                "{} price is below the Linux price, though the licence is extra",
                os.label()
            ),
            Suspicion::AboveFamily { percent } => format!(
                "{}% above its family's per-vCPU price in this region: {}",
                fixed(*percent, 0),
                special(*percent)
            ),
            Suspicion::AboveTwinRegion { percent, twin } => format!(
                "{}% above the same type in {twin}, which AWS prices like this \
                 region: {}",
                fixed(*percent, 0),
                special(*percent)
            ),
        }
    }
}

/// How far above 1 `ratio` is, in per cent to a tenth: the reason shows whole per cents,
/// and a tenth keeps the region files short (`f9.9`, not `f9.933774834437092`).
fn excess_percent(ratio: f64) -> f64 {
    ((ratio - 1.0) * 1000.0).round() / 10.0
}

/// What an excess of `percent` most likely is.
fn special(percent: f64) -> &'static str {
    if (8.0..=12.0).contains(&percent) {
        "probably a dedicated-tenancy price"
    } else {
        "probably the price of another kind of SKU"
    }
}

/// The suspicions of a whole table, by (row, os, region column).
pub(super) type Suspicions = SortedMap<(usize, Os, usize), Suspicion>;

/// How many rows one step of the twin-region check covers (a few hundred microseconds).
const ROWS_PER_STEP: usize = 100;

/// The checks of one table, done a step at a time ([`Judging::step`]): per region column
/// the family lines, then per region its twins, then a few rows at a time the prices above
/// a twin region's. The steps give the very suspicions one pass would.
pub(super) struct Judging {
    /// Each family's priced sizes: table row, vCPUs (at least 1) and GiB (above 0).
    families: Vec<Vec<(usize, f64, f64)>>,
    /// The Linux micro-dollars per region column and row (`0` where unknown).
    linux: Vec<Vec<u32>>,
    /// Each region's twins, as region columns (filled by the twin steps).
    twins: Vec<Vec<usize>>,
    /// What the checks found so far.
    found: Found,
    /// The next step.
    next: Step,
}

/// Where [`Judging`] stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Step {
    /// The licence and family-line checks of one region column.
    Families(usize),
    /// Finding the twins of one region among the regions after it.
    Twins(usize),
    /// The twin-region check of the rows from `row` on, for the OS at `os` in [`Os::ALL`].
    AboveTwin {
        /// Index into [`Os::ALL`].
        os: usize,
        /// The first row of the step.
        row: usize,
    },
    /// Every check is done.
    Done,
}

/// Suspicions found so far, with a bit per cell to ask quickly whether one is suspect.
struct Found {
    /// The reasons, by cell, in the order found (a later one for a cell replaces an
    /// earlier one); sorted into [`Suspicions`] once, at the end.
    reasons: Vec<((usize, Os, usize), Suspicion)>,
    /// A bit per cell, in the order of the table's cells.
    bits: Vec<u64>,
    /// The table's region columns.
    regions: usize,
}

impl Found {
    /// The bit of a cell.
    fn bit(&self, row: usize, os: Os, column: usize) -> usize {
        (row * Os::ALL.len() + os as usize) * self.regions + column
    }

    /// Whether a cell is suspect.
    fn contains(&self, row: usize, os: Os, column: usize) -> bool {
        let bit = self.bit(row, os, column);
        self.bits
            .get(bit / 64)
            .is_some_and(|w| w & (1 << (bit % 64)) != 0)
    }

    /// Marks a cell suspect for `reason`.
    fn insert(&mut self, row: usize, os: Os, column: usize, reason: Suspicion) {
        let bit = self.bit(row, os, column);
        if self.bits.len() <= bit / 64 {
            self.bits.resize(bit / 64 + 1, 0);
        }
        self.bits[bit / 64] |= 1 << (bit % 64);
        self.reasons.push(((row, os, column), reason));
    }
}

impl Judging {
    /// The checks of `table` against `catalog`, none done yet.
    pub(super) fn new(table: &PriceTable, catalog: &Catalog) -> Judging {
        let priced = catalog.types.iter().filter_map(|t| {
            let &row = table.rows.get(&t.name)?;
            let sizes = (row, f64::from(t.vcpu.max(1)), t.memory_gib.max(0.001));
            Some((t.family.as_str(), sizes))
        });
        let families: Vec<Vec<(usize, f64, f64)>> = SortedMap::grouped(priced)
            .into_iter()
            .map(|(_, sizes)| sizes)
            .collect();
        let regions = table.regions.len();
        let linux = (0..regions)
            .map(|column| {
                (0..table.rows.len())
                    .map(|row| match table.cell(row, Os::Linux, column) {
                        super::Cell::Micros(m) => m,
                        _ => 0,
                    })
                    .collect()
            })
            .collect();
        Judging {
            families,
            linux,
            twins: vec![Vec::new(); regions],
            found: Found {
                reasons: Vec::new(),
                bits: Vec::new(),
                regions,
            },
            next: if regions == 0 {
                Step::Done
            } else {
                Step::Families(0)
            },
        }
    }

    /// Does the next step (at most a few milliseconds of work); `true` once all are done.
    pub(super) fn step(&mut self, table: &PriceTable) -> bool {
        let regions = table.regions.len();
        let rows = table.rows.len();
        self.next = match self.next {
            Step::Families(column) => {
                self.families_in(table, column);
                if column + 1 < regions {
                    Step::Families(column + 1)
                } else {
                    Step::Twins(0)
                }
            }
            Step::Twins(region) => {
                self.twins_of(region);
                if region + 1 < regions {
                    Step::Twins(region + 1)
                } else {
                    Step::AboveTwin { os: 0, row: 0 }
                }
            }
            Step::AboveTwin { os, row } => {
                let end = (row + ROWS_PER_STEP).min(rows);
                if let Some(&system) = Os::ALL.get(os) {
                    self.above_twin(table, system, row..end);
                }
                match (end < rows, os + 1 < Os::ALL.len()) {
                    (true, _) => Step::AboveTwin { os, row: end },
                    (false, true) => Step::AboveTwin { os: os + 1, row: 0 },
                    (false, false) => Step::Done,
                }
            }
            Step::Done => Step::Done,
        };
        self.next == Step::Done
    }

    /// What the checks found (all of it once [`Judging::step`] said so).
    pub(super) fn into_suspicions(self) -> Suspicions {
        self.found.reasons.into_iter().collect()
    }

    /// The licence checks and family lines of one region column.
    fn families_in(&mut self, table: &PriceTable, column: usize) {
        let cell = |row: usize, os: Os| table.micros_at(row, os, column);
        let found = &mut self.found;
        for sizes in &self.families {
            for &(row, vcpu, _) in sizes {
                let Some(linux) = cell(row, Os::Linux) else {
                    continue;
                };
                for os in Os::ALL.into_iter().filter(|os| os.licensed()) {
                    if let Some(s) = cell(row, os).and_then(|p| licence(os, p, linux, vcpu)) {
                        found.insert(row, os, column, s);
                    }
                }
            }
            // RHEL, RHEL HA and SUSE add a fee that is not proportional to the vCPUs (it
            // steps at some sizes), so only Linux and Windows have a family line.
            for os in [Os::Linux, Os::Windows] {
                let priced: Vec<(usize, f64, f64)> = sizes
                    .iter()
                    .filter(|(row, ..)| !found.contains(*row, os, column))
                    .filter_map(|&(row, vcpu, gib)| cell(row, os).map(|p| (row, p / vcpu, p / gib)))
                    .collect();
                family_line(&priced, os, column, found);
            }
        }
    }

    /// Finds which of the regions after `a` are twins of `a` (see the module notes).
    fn twins_of(&mut self, a: usize) {
        let Some(first) = self.linux.get(a) else {
            return;
        };
        for b in (a + 1)..self.linux.len() {
            let (mut common, mut same) = (0usize, 0usize);
            for (&x, &y) in first.iter().zip(&self.linux[b]) {
                if x > 0 && y > 0 {
                    common += 1;
                    same += usize::from(x == y);
                }
            }
            if common >= TWIN_MIN_TYPES && same as f64 >= TWIN_SHARE * common as f64 {
                self.twins[a].push(b);
                self.twins[b].push(a);
            }
        }
    }

    /// Marks the prices of `os` in `rows` above the same type in a twin region.
    fn above_twin(&mut self, table: &PriceTable, os: Os, rows: std::ops::Range<usize>) {
        let found = &mut self.found;
        for row in rows {
            for (column, peers) in self.twins.iter().enumerate() {
                if found.contains(row, os, column) {
                    continue;
                }
                let Some(price) = table.micros_at(row, os, column) else {
                    continue;
                };
                let lowest = peers
                    .iter()
                    .filter(|&&p| !found.contains(row, os, p))
                    .filter_map(|&p| table.micros_at(row, os, p).map(|v| (v, p)))
                    .min_by(|x, y| x.0.total_cmp(&y.0));
                if let Some((twin_price, twin)) = lowest {
                    let ratio = price / twin_price;
                    if ratio > SAME && ratio <= SPECIAL_SKU_MAX {
                        let suspicion = Suspicion::AboveTwinRegion {
                            percent: excess_percent(ratio),
                            twin: table.regions[twin].clone(),
                        };
                        found.insert(row, os, column, suspicion);
                    }
                }
            }
        }
    }
}

/// What is wrong with the price of a licensed system `os` against Linux, if anything.
fn licence(os: Os, price: f64, linux: f64, vcpu: f64) -> Option<Suspicion> {
    let windows_fee = WINDOWS_LICENCE_PER_VCPU_HOUR * vcpu;
    if price == linux {
        Some(Suspicion::EqualsLinux(os))
    } else if os == Os::Windows
        && (price - windows_fee).abs() <= windows_fee * 0.01
        && price < linux
    {
        Some(Suspicion::WindowsLicenceOnly)
    } else {
        (price < linux).then_some(Suspicion::BelowLinux(os))
    }
}

/// Marks the sizes above the price most of their family agree on (per vCPU or per GiB).
fn family_line(priced: &[(usize, f64, f64)], os: Os, column: usize, found: &mut Found) {
    let per_vcpu: Vec<f64> = priced.iter().map(|p| p.1).collect();
    let per_gib: Vec<f64> = priced.iter().map(|p| p.2).collect();
    let (Some(vcpu_line), gib_line) = (consensus(&per_vcpu), consensus(&per_gib)) else {
        return;
    };
    for &(row, vcpu, gib) in priced {
        let on = |line: Option<f64>, v: f64| line.is_some_and(|l| v / l <= SAME && l / v <= SAME);
        if on(Some(vcpu_line), vcpu) || on(gib_line, gib) {
            continue;
        }
        let ratio = vcpu / vcpu_line;
        if ratio > SAME && ratio <= SPECIAL_SKU_MAX {
            let percent = excess_percent(ratio);
            found.insert(row, os, column, Suspicion::AboveFamily { percent });
        }
    }
}

/// The value most of `values` agree on (within [`SAME`]), when at least two and at least
/// half of them do; else `None` (a family priced with no common rate, such as GPU sizes).
fn consensus(values: &[f64]) -> Option<f64> {
    let mut sorted = values.to_vec();
    crate::order::sort_floats(&mut sorted);
    let mut best: Option<(usize, f64)> = None;
    for (start, &low) in sorted.iter().enumerate() {
        let end = sorted[start..].partition_point(|&v| v <= low * SAME) + start;
        let count = end - start;
        if best.is_none_or(|(n, _)| count > n) {
            best = Some((count, sorted[start + count / 2]));
        }
    }
    best.filter(|&(n, _)| n >= 2 && 2 * n >= values.len())
        .map(|(_, v)| v)
}
