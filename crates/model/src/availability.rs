//! Which regions offer each instance type, from the EC2 API's offerings (not from prices).
//!
//! The embedded data carries, per type, a bit mask over [`OFFERING_REGIONS`] (the regions
//! whose `describe-instance-type-offerings` the source ships; see
//! `assets/data/PROVENANCE.md`). A type the API no longer lists is offered nowhere; for a
//! region outside the list, or a type whose source says nothing, the answer is unknown.

use crate::instance::InstanceType;

/// The regions whose offerings are known, in the order of the mask's bits (bit `i` is
/// `OFFERING_REGIONS[i]`). `scripts/refresh-data.py` writes the masks in this order.
pub const OFFERING_REGIONS: [&str; 30] = [
    "af-south-1",
    "ap-east-1",
    "ap-northeast-1",
    "ap-northeast-2",
    "ap-northeast-3",
    "ap-south-1",
    "ap-south-2",
    "ap-southeast-1",
    "ap-southeast-2",
    "ap-southeast-3",
    "ap-southeast-4",
    "ap-southeast-5",
    "ca-central-1",
    "ca-west-1",
    "eu-central-1",
    "eu-central-2",
    "eu-north-1",
    "eu-south-1",
    "eu-south-2",
    "eu-west-1",
    "eu-west-2",
    "eu-west-3",
    "il-central-1",
    "me-central-1",
    "me-south-1",
    "sa-east-1",
    "us-east-1",
    "us-east-2",
    "us-west-1",
    "us-west-2",
];

/// Whether a type is offered in a region.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Offered {
    /// The EC2 API lists the type in the region.
    Yes,
    /// The EC2 API does not offer it there (or no longer lists the type at all).
    No,
    /// Not known: the region's offerings are not in the data, or the type's source gives none.
    Unknown,
}

/// Whether `instance` is offered in `region` (a code such as `us-east-1`).
pub fn offered(instance: &InstanceType, region: &str) -> Offered {
    let Some(bit) = OFFERING_REGIONS.iter().position(|r| *r == region) else {
        return Offered::Unknown;
    };
    match instance.details.offered {
        None => Offered::Unknown,
        Some(mask) if mask & (1 << bit) != 0 => Offered::Yes,
        Some(_) => Offered::No,
    }
}

/// How many of `types` `region` offers, or `None` when its offerings are not known: the
/// region's bit is found once, not once per type.
pub fn offered_count(types: &[InstanceType], region: &str) -> Option<usize> {
    let bit = OFFERING_REGIONS.iter().position(|r| *r == region)?;
    Some(
        types
            .iter()
            .filter(|t| t.details.offered.is_some_and(|mask| mask & (1 << bit) != 0))
            .count(),
    )
}

/// The regions offering `instance`, in [`OFFERING_REGIONS`] order; empty when none or unknown.
pub fn regions(instance: &InstanceType) -> Vec<&'static str> {
    let mask = instance.details.offered.unwrap_or(0);
    OFFERING_REGIONS
        .iter()
        .enumerate()
        .filter(|(bit, _)| mask & (1 << bit) != 0)
        .map(|(_, r)| *r)
        .collect()
}

/// A sentence for people: where the type is offered.
pub fn describe(instance: &InstanceType) -> String {
    if instance.details.retired {
        return "offered nowhere: no longer listed by the EC2 API".to_owned();
    }
    match instance.details.offered {
        None => "availability not known (the data loaded gives none)".to_owned(),
        Some(0) => format!(
            "offered in none of the {} regions with known offerings",
            OFFERING_REGIONS.len()
        ),
        Some(mask) => format!(
            "offered in {} of {} regions",
            mask.count_ones(),
            OFFERING_REGIONS.len()
        ),
    }
}
