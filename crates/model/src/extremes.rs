//! The catalogue's record holders: the most memory, the most vCPUs, the fastest clock,
//! and so on, for the Capabilities view's "extremes" panel.

use std::cmp::Ordering;

use crate::catalog::Catalog;
use crate::decimal::Shortest;
use crate::instance::InstanceType;

/// One record: which type holds it and by how much.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Extreme {
    /// A stable identifier for test ids, such as `"most-memory"`.
    pub slug: &'static str,
    /// What the record is, such as `"Most memory"`.
    pub title: &'static str,
    /// The record holder: an index into [`Catalog::types`].
    pub instance: usize,
    /// The record value as people read it, such as `"32768 GiB"` or `"up to 3.9 GHz"`.
    pub value: String,
    /// How many other types share the record value (the holder is the first by name).
    pub ties: usize,
}

/// A record: its slug, title, ranking key (larger wins; `None` takes no part) and value text.
struct Record {
    slug: &'static str,
    title: &'static str,
    key: fn(&InstanceType) -> Option<[f64; 2]>,
    value: fn(&InstanceType) -> String,
}

/// The records, in display order.
const RECORDS: [Record; 8] = [
    Record {
        slug: "most-memory",
        title: "Most memory",
        key: |t| positive(t.memory_gib),
        value: |t| t.memory_label.clone(),
    },
    Record {
        slug: "most-vcpus",
        title: "Most vCPUs",
        key: |t| positive(f64::from(t.vcpu)),
        value: |t| format!("{} vCPUs", t.vcpu),
    },
    Record {
        // Sustained clocks beat turbo ("up to") ones of the same speed.
        slug: "highest-clock",
        title: "Highest clock",
        key: |t| {
            let clock = t.clock.as_ref()?;
            Some([clock.ghz, if clock.up_to { 0.0 } else { 1.0 }])
        },
        value: |t| match &t.clock {
            Some(c) if c.up_to => format!("up to {} GHz", Shortest(c.ghz)),
            Some(c) => format!("{} GHz", Shortest(c.ghz)),
            None => String::new(),
        },
    },
    Record {
        slug: "most-gpus",
        title: "Most GPUs",
        key: |t| positive(f64::from(t.gpus)),
        value: |t| format!("{} GPUs", t.gpus),
    },
    Record {
        slug: "most-gpu-memory",
        title: "Most accelerator memory",
        key: |t| positive(t.gpu_memory_gib?),
        value: |t| format!("{} GiB", Shortest(t.gpu_memory_gib.unwrap_or_default())),
    },
    Record {
        slug: "fastest-network",
        title: "Fastest network",
        key: |t| positive(t.network.gbps?),
        value: |t| t.network.label.clone(),
    },
    Record {
        slug: "most-local-storage",
        title: "Largest local storage",
        key: |t| positive(t.storage.as_ref()?.total_gb()),
        value: |t| match &t.storage {
            Some(s) => format!("{} GB ({})", Shortest(s.total_gb()), s.label),
            None => String::new(),
        },
    },
    Record {
        // The smallest type wins: least memory, then fewest vCPUs.
        slug: "smallest",
        title: "Smallest type",
        key: |t| Some([-t.memory_gib, -f64::from(t.vcpu)]),
        value: |t| {
            let plural = if t.vcpu == 1 { "" } else { "s" };
            format!("{}, {} vCPU{plural}", t.memory_label, t.vcpu)
        },
    },
];

/// A one-part key for values that only count when more than zero.
fn positive(value: f64) -> Option<[f64; 2]> {
    (value > 0.0).then_some([value, 0.0])
}

fn compare(a: &[f64; 2], b: &[f64; 2]) -> Ordering {
    a[0].total_cmp(&b[0]).then(a[1].total_cmp(&b[1]))
}

/// The catalogue's records, in display order: most memory, most vCPUs, highest clock
/// (a sustained clock beats an "up to" one of the same speed; the value says "up to" when
/// the winner is a turbo figure), most GPUs, most GPU memory, fastest network, largest
/// local storage, smallest type (least memory, then fewest vCPUs).
///
/// Ties go to the first name in byte order, and [`Extreme::ties`] counts the others. A
/// record nobody holds (no type has a GPU, say) is left out, so an empty catalog gives none.
pub fn extremes(catalog: &Catalog) -> Vec<Extreme> {
    RECORDS
        .iter()
        .filter_map(|record| {
            let mut best: Option<(usize, [f64; 2])> = None;
            let mut ties = 0;
            for (i, t) in catalog.types.iter().enumerate() {
                let Some(key) = (record.key)(t).filter(|k| k.iter().all(|v| v.is_finite())) else {
                    continue;
                };
                let order = match best {
                    None => Ordering::Greater,
                    Some((holder, best_key)) => compare(&key, &best_key)
                        .then_with(|| catalog.types[holder].name.cmp(&t.name)),
                };
                let tied = best.is_some_and(|(_, b)| compare(&key, &b).is_eq());
                match (order, tied) {
                    (Ordering::Greater, true) => {
                        ties += 1;
                        best = Some((i, key));
                    }
                    (Ordering::Greater, false) => {
                        ties = 0;
                        best = Some((i, key));
                    }
                    (_, true) => ties += 1,
                    _ => {}
                }
            }
            let (instance, _) = best?;
            let holder = catalog.types.get(instance)?;
            Some(Extreme {
                slug: record.slug,
                title: record.title,
                instance,
                value: (record.value)(holder),
                ties,
            })
        })
        .collect()
}
