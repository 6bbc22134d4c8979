//! AWS region codes and the names people read (`us-east-1` is "US East (N. Virginia)").
//!
//! The list covers every region code in the embedded price table (apache-libcloud 3.9.1's
//! `pricing.json`), with the names AWS uses in its console and in its Price List
//! `location` field. `us-west-2-lax-1` is not a region but a Local Zone of `us-west-2`
//! in Los Angeles; the Price List prices it as a location of its own.

/// One AWS region (or priced Local Zone): its code and its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Region {
    /// The code used in APIs and URLs, for example `eu-west-1`.
    pub code: &'static str,
    /// The name people read, for example `Europe (Ireland)`.
    pub name: &'static str,
}

/// Every region code in the embedded price data, sorted by code.
#[rustfmt::skip]
pub const REGIONS: &[Region] = &[
    Region { code: "af-south-1", name: "Africa (Cape Town)" },
    Region { code: "ap-east-1", name: "Asia Pacific (Hong Kong)" },
    Region { code: "ap-northeast-1", name: "Asia Pacific (Tokyo)" },
    Region { code: "ap-northeast-2", name: "Asia Pacific (Seoul)" },
    Region { code: "ap-northeast-3", name: "Asia Pacific (Osaka)" },
    Region { code: "ap-south-1", name: "Asia Pacific (Mumbai)" },
    Region { code: "ap-south-2", name: "Asia Pacific (Hyderabad)" },
    Region { code: "ap-southeast-1", name: "Asia Pacific (Singapore)" },
    Region { code: "ap-southeast-2", name: "Asia Pacific (Sydney)" },
    Region { code: "ap-southeast-3", name: "Asia Pacific (Jakarta)" },
    Region { code: "ap-southeast-4", name: "Asia Pacific (Melbourne)" },
    Region { code: "ap-southeast-5", name: "Asia Pacific (Malaysia)" },
    Region { code: "ap-southeast-7", name: "Asia Pacific (Thailand)" },
    Region { code: "ca-central-1", name: "Canada (Central)" },
    Region { code: "ca-west-1", name: "Canada West (Calgary)" },
    Region { code: "eu-central-1", name: "Europe (Frankfurt)" },
    Region { code: "eu-central-2", name: "Europe (Zurich)" },
    Region { code: "eu-north-1", name: "Europe (Stockholm)" },
    Region { code: "eu-south-1", name: "Europe (Milan)" },
    Region { code: "eu-south-2", name: "Europe (Spain)" },
    Region { code: "eu-west-1", name: "Europe (Ireland)" },
    Region { code: "eu-west-2", name: "Europe (London)" },
    Region { code: "eu-west-3", name: "Europe (Paris)" },
    Region { code: "il-central-1", name: "Israel (Tel Aviv)" },
    Region { code: "me-central-1", name: "Middle East (UAE)" },
    Region { code: "me-south-1", name: "Middle East (Bahrain)" },
    Region { code: "mx-central-1", name: "Mexico (Central)" },
    Region { code: "sa-east-1", name: "South America (São Paulo)" },
    Region { code: "us-east-1", name: "US East (N. Virginia)" },
    Region { code: "us-east-2", name: "US East (Ohio)" },
    Region { code: "us-gov-east-1", name: "AWS GovCloud (US-East)" },
    Region { code: "us-gov-west-1", name: "AWS GovCloud (US-West)" },
    Region { code: "us-west-1", name: "US West (N. California)" },
    Region { code: "us-west-2", name: "US West (Oregon)" },
    Region { code: "us-west-2-lax-1", name: "US West (Los Angeles) Local Zone" },
];

/// The region whose prices the app shows first: the largest and usually cheapest one.
pub const DEFAULT_REGION: &str = "us-east-1";

/// The name of a region code (`"us-east-1"` -> `"US East (N. Virginia)"`), or `None` if the
/// code is not in [`REGIONS`].
pub fn region_name(code: &str) -> Option<&'static str> {
    REGIONS.iter().find(|r| r.code == code).map(|r| r.name)
}

/// One entry of the region menu: the region, and how many types the EC2 API offers there.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegionChoice {
    /// The region.
    pub region: Region,
    /// How many catalogue types the region offers, or `None` when its offerings are not in
    /// the data (it has prices, so it stays selectable).
    pub offered: Option<usize>,
}

impl RegionChoice {
    /// The menu label: `"Europe (Ireland) · eu-west-1 · 812 types"`, or
    /// `"... · offerings unknown"` for a region without offerings data.
    pub fn label(&self) -> String {
        let Region { code, name } = self.region;
        match self.offered {
            Some(1) => format!("{name} · {code} · 1 type"),
            Some(n) => format!("{name} · {code} · {n} types"),
            None => format!("{name} · {code} · offerings unknown"),
        }
    }
}

/// The region menu, by name: every region with known offerings (counting the types of
/// `catalog` each offers) and every priced region, the latter marked "offerings unknown"
/// when the EC2 API's offerings for it are not in the data.
pub fn region_menu(catalog: &crate::catalog::Catalog) -> Vec<RegionChoice> {
    let mut menu: Vec<RegionChoice> = REGIONS
        .iter()
        .map(|&region| RegionChoice {
            region,
            offered: crate::availability::offered_count(&catalog.types, region.code),
        })
        .collect();
    crate::order::sort_by(&mut menu, |a, b| a.region.name.cmp(b.region.name));
    menu
}
