//! The Sizes view's logic: which sizes each family has (a family × size matrix), and how
//! vCPU and memory double along the size ladder, with the sizes that break the pattern.

use crate::catalog::Catalog;
use crate::family::Family;
use crate::name::Size;
use crate::shown::Shown;

/// Families (rows) against the sizes present (columns).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SizeMatrix {
    /// The distinct sizes of the shown types, in ladder order (nano ... 224xlarge,
    /// metal-16xl ... metal).
    pub columns: Vec<Size>,
    /// One row per shown family with at least one shown type, in the order of the
    /// `families` given (category, series, generation).
    pub rows: Vec<SizeRow>,
}

/// One family's row of the [`SizeMatrix`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SizeRow {
    /// Index into the `families` slice given to [`shown_types`](crate::shown::shown_types).
    pub family: usize,
    /// One cell per [`SizeMatrix::columns`] entry: the catalog index of the family's type
    /// of that size, or `None` where the family has no such size.
    pub cells: Vec<Option<usize>>,
}

/// Builds the size matrix of the `shown` types. Types whose size is not on the ladder
/// (see [`Size::parse`]) are left out, and so are families left with no type.
pub fn size_matrix(catalog: &Catalog, shown: &Shown) -> SizeMatrix {
    let shown: Vec<(usize, Vec<(Size, usize)>)> = shown
        .families
        .iter()
        .map(|f| {
            let sized = f
                .types
                .iter()
                .filter_map(|&i| Some((Size::parse(&catalog.types.get(i)?.size)?, i)))
                .collect::<Vec<_>>();
            (f.family, sized)
        })
        .filter(|(_, sized)| !sized.is_empty())
        .collect();
    let mut columns: Vec<Size> = shown
        .iter()
        .flat_map(|(_, sized)| sized.iter().map(|(size, _)| size.clone()))
        .collect();
    crate::order::sort(&mut columns);
    columns.dedup();
    let rows = shown
        .into_iter()
        .map(|(family, sized)| {
            let mut cells = vec![None; columns.len()];
            for (size, i) in sized {
                if let Ok(column) = columns.binary_search(&size) {
                    cells[column] = Some(i);
                }
            }
            SizeRow { family, cells }
        })
        .collect();
    SizeMatrix { columns, rows }
}

/// One size of a family on the doubling chart.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LadderPoint {
    /// Index into [`Catalog::types`].
    pub instance: usize,
    /// Steps up the ladder from xlarge ([`Size::ladder_step`]): large -1, xlarge 0, 2xlarge 1.
    pub step: f64,
    /// Virtual CPUs.
    pub vcpu: u32,
    /// Memory in GiB.
    pub memory: f64,
}

impl LadderPoint {
    /// How many xlarges the size is (2 to the power of `step`).
    pub fn multiple(&self) -> f64 {
        self.step.exp2()
    }
}

/// A family's sizes on the ladder, smallest first. Plain `metal` is left out: its size
/// depends on the family, so it has no step (`metal-48xl` has one).
pub fn doubling(catalog: &Catalog, family: &Family) -> Vec<LadderPoint> {
    let mut points: Vec<LadderPoint> = family
        .members
        .iter()
        .filter_map(|&instance| {
            let t = catalog.types.get(instance)?;
            let step = Size::parse(&t.size)?.ladder_step()?;
            let (vcpu, memory) = (t.vcpu, t.memory_gib);
            Some(LadderPoint {
                instance,
                step,
                vcpu,
                memory,
            })
        })
        .collect();
    crate::order::sort_by(&mut points, |a, b| a.step.total_cmp(&b.step));
    points
}

/// Two ratios this close (relative difference at most 5%) count as the same.
const TOLERANCE: f64 = 0.05;

fn same_ratio(a: f64, b: f64) -> bool {
    (a - b).abs() <= TOLERANCE * a.abs().max(b.abs())
}

/// The sizes that do not double like the rest of their family: catalog indices of the
/// points whose vCPU or memory is out of proportion to the size.
///
/// The rule: divide each point's vCPU and memory by its xlarge multiple (large 0.5,
/// 24xlarge 24) to get per-xlarge ratios. The family's reference ratio is the one most
/// points share (within 5%); when several are shared equally often, the one of the size
/// nearest to xlarge wins. A point breaks the doubling when its vCPU or its memory ratio
/// differs from the reference by more than 5%.
///
/// In the AWS catalogue the breakers are the small burstables (`t3.nano` .. `t3.medium`
/// keep 2 vCPUs while memory halves), old odd sizes (`c4.8xlarge` has 36 vCPUs, not 32;
/// `m1.small`, `p2.16xlarge`, `d2.8xlarge`), and HPC and high-memory families whose
/// memory stays fixed while vCPUs change (`hpc7a`, `hpc7g`, `u-6tb1`).
pub fn breaks_doubling(points: &[LadderPoint]) -> Vec<usize> {
    let vcpu = |p: &LadderPoint| f64::from(p.vcpu) / p.multiple();
    let memory = |p: &LadderPoint| p.memory / p.multiple();
    let (Some(vcpu_ref), Some(memory_ref)) = (reference(points, vcpu), reference(points, memory))
    else {
        return Vec::new();
    };
    points
        .iter()
        .filter(|p| !same_ratio(vcpu(p), vcpu_ref) || !same_ratio(memory(p), memory_ref))
        .map(|p| p.instance)
        .collect()
}

/// The ratio most points share; ties go to the point nearest xlarge. `None` if no points.
///
/// The ratios are sorted once; the points sharing a ratio `r` (within [`TOLERANCE`]) form
/// a run of the sorted ratios around `r`, found by binary search, so this takes
/// n log n steps, not n² (a family of 30,000 sizes is a fraction of a second).
fn reference(points: &[LadderPoint], ratio: impl Fn(&LadderPoint) -> f64) -> Option<f64> {
    let ratios: Vec<f64> = points.iter().map(&ratio).collect();
    let mut sorted = ratios.clone();
    crate::order::sort_floats(&mut sorted);
    points
        .iter()
        .zip(&ratios)
        .map(|(p, &r)| (sharing(&sorted, r), -p.step.abs(), r))
        .max_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)))
        .map(|(_, _, r)| r)
}

/// How many of the `sorted` ratios are the same as `r` ([`same_ratio`]). For finite
/// ratios those form one run around `r` (both below and above it), found by binary search;
/// an infinite or NaN ratio is the same as none.
fn sharing(sorted: &[f64], r: f64) -> usize {
    if !r.is_finite() {
        return 0;
    }
    let at = sorted.partition_point(|&q| q.total_cmp(&r).is_lt());
    let (below, above) = sorted.split_at(at);
    let low = below.partition_point(|&q| !same_ratio(q, r));
    let high = above.partition_point(|&q| same_ratio(q, r));
    (below.len() - low) + high
}
