//! AWS region codes and the names people read (`us-east-1` is "US East (N. Virginia)").
//!
//! The list covers every region code in the embedded price table (apache-libcloud 3.9.1's
//! `pricing.json`), with the names AWS uses in its console and in its Price List
//! `location` field. `us-west-2-lax-1` is not a region but a Local Zone of `us-west-2`
//! in Los Angeles; the Price List prices it as a location of its own.

/// One AWS region (or priced Local Zone): its code, its name, and where it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Region {
    /// The code used in APIs and URLs, for example `eu-west-1`.
    pub code: &'static str,
    /// The name people read, for example `Europe (Ireland)`.
    pub name: &'static str,
    /// The part of the world the menu groups it under, one of [`AREAS`].
    pub area: &'static str,
    /// The name within its area, short enough for a phone's menu: `Ireland`.
    pub place: &'static str,
}

/// The menu's groups, in the order it shows them.
pub const AREAS: [&str; 9] = [
    "United States",
    "Canada",
    "Latin America",
    "Europe",
    "Middle East",
    "Africa",
    "Asia Pacific",
    "AWS GovCloud (US)",
    "Local Zones",
];

/// Every region code in the embedded price data, sorted by code.
#[rustfmt::skip]
pub const REGIONS: &[Region] = &[
    Region { code: "af-south-1", name: "Africa (Cape Town)", area: "Africa", place: "Cape Town" },
    Region { code: "ap-east-1", name: "Asia Pacific (Hong Kong)", area: "Asia Pacific", place: "Hong Kong" },
    Region { code: "ap-northeast-1", name: "Asia Pacific (Tokyo)", area: "Asia Pacific", place: "Tokyo" },
    Region { code: "ap-northeast-2", name: "Asia Pacific (Seoul)", area: "Asia Pacific", place: "Seoul" },
    Region { code: "ap-northeast-3", name: "Asia Pacific (Osaka)", area: "Asia Pacific", place: "Osaka" },
    Region { code: "ap-south-1", name: "Asia Pacific (Mumbai)", area: "Asia Pacific", place: "Mumbai" },
    Region { code: "ap-south-2", name: "Asia Pacific (Hyderabad)", area: "Asia Pacific", place: "Hyderabad" },
    Region { code: "ap-southeast-1", name: "Asia Pacific (Singapore)", area: "Asia Pacific", place: "Singapore" },
    Region { code: "ap-southeast-2", name: "Asia Pacific (Sydney)", area: "Asia Pacific", place: "Sydney" },
    Region { code: "ap-southeast-3", name: "Asia Pacific (Jakarta)", area: "Asia Pacific", place: "Jakarta" },
    Region { code: "ap-southeast-4", name: "Asia Pacific (Melbourne)", area: "Asia Pacific", place: "Melbourne" },
    Region { code: "ap-southeast-5", name: "Asia Pacific (Malaysia)", area: "Asia Pacific", place: "Malaysia" },
    Region { code: "ap-southeast-7", name: "Asia Pacific (Thailand)", area: "Asia Pacific", place: "Thailand" },
    Region { code: "ca-central-1", name: "Canada (Central)", area: "Canada", place: "Central" },
    Region { code: "ca-west-1", name: "Canada West (Calgary)", area: "Canada", place: "Calgary" },
    Region { code: "eu-central-1", name: "Europe (Frankfurt)", area: "Europe", place: "Frankfurt" },
    Region { code: "eu-central-2", name: "Europe (Zurich)", area: "Europe", place: "Zurich" },
    Region { code: "eu-north-1", name: "Europe (Stockholm)", area: "Europe", place: "Stockholm" },
    Region { code: "eu-south-1", name: "Europe (Milan)", area: "Europe", place: "Milan" },
    Region { code: "eu-south-2", name: "Europe (Spain)", area: "Europe", place: "Spain" },
    Region { code: "eu-west-1", name: "Europe (Ireland)", area: "Europe", place: "Ireland" },
    Region { code: "eu-west-2", name: "Europe (London)", area: "Europe", place: "London" },
    Region { code: "eu-west-3", name: "Europe (Paris)", area: "Europe", place: "Paris" },
    Region { code: "il-central-1", name: "Israel (Tel Aviv)", area: "Middle East", place: "Tel Aviv" },
    Region { code: "me-central-1", name: "Middle East (UAE)", area: "Middle East", place: "UAE" },
    Region { code: "me-south-1", name: "Middle East (Bahrain)", area: "Middle East", place: "Bahrain" },
    Region { code: "mx-central-1", name: "Mexico (Central)", area: "Latin America", place: "Mexico" },
    Region { code: "sa-east-1", name: "South America (São Paulo)", area: "Latin America", place: "São Paulo" },
    Region { code: "us-east-1", name: "US East (N. Virginia)", area: "United States", place: "N. Virginia" },
    Region { code: "us-east-2", name: "US East (Ohio)", area: "United States", place: "Ohio" },
    Region { code: "us-gov-east-1", name: "AWS GovCloud (US-East)", area: "AWS GovCloud (US)", place: "US-East" },
    Region { code: "us-gov-west-1", name: "AWS GovCloud (US-West)", area: "AWS GovCloud (US)", place: "US-West" },
    Region { code: "us-west-1", name: "US West (N. California)", area: "United States", place: "N. California" },
    Region { code: "us-west-2", name: "US West (Oregon)", area: "United States", place: "Oregon" },
    Region { code: "us-west-2-lax-1", name: "US West (Los Angeles) Local Zone", area: "Local Zones", place: "Los Angeles" },
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
    /// The menu label, short enough for a 360 px phone: `"Ireland · eu-west-1 · 812 types"`,
    /// or `"... · offerings unknown"` for a region without offerings data. The group it sits
    /// in ([`Region::area`]) and [`RegionChoice::description`] carry the rest of the name.
    pub fn label(&self) -> String {
        let Region { code, place, .. } = self.region;
        match self.offered {
            Some(1) => format!("{place} · {code} · 1 type"),
            Some(n) => format!("{place} · {code} · {n} types"),
            None => format!("{place} · {code} · offerings unknown"),
        }
    }

    /// The whole story, as the option's tooltip: `"Europe (Ireland), eu-west-1: the EC2 API
    /// offers 812 instance types there"`.
    pub fn description(&self) -> String {
        let Region { code, name, .. } = self.region;
        match self.offered {
            Some(n) => format!(
                "{name}, {code}: the EC2 API offers {} there",
                crate::text::count(n, "instance type", "instance types")
            ),
            None => format!("{name}, {code}: which instance types it offers is not in the data"),
        }
    }
}

/// One group of the region menu: an area and its regions, by place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegionGroup<'a> {
    /// The area, as the group's heading ([`AREAS`]).
    pub area: &'static str,
    /// Its regions, in menu order.
    pub choices: &'a [RegionChoice],
}

/// The region menu, grouped by area: every region with known offerings (counting the types
/// of `catalog` each offers) and every priced region, the latter marked "offerings unknown"
/// when the EC2 API's offerings for it are not in the data. Ordered by [`AREAS`], then by
/// place; [`region_groups`] cuts it into its groups.
pub fn region_menu(catalog: &crate::catalog::Catalog) -> Vec<RegionChoice> {
    let mut menu: Vec<RegionChoice> = REGIONS
        .iter()
        .map(|&region| RegionChoice {
            region,
            offered: crate::availability::offered_count(&catalog.types, region.code),
        })
        .collect();
    let area_rank = |r: &Region| {
        AREAS
            .iter()
            .position(|a| *a == r.area)
            .unwrap_or(AREAS.len())
    };
    crate::order::sort_by(&mut menu, |a, b| {
        (area_rank(&a.region), a.region.place).cmp(&(area_rank(&b.region), b.region.place))
    });
    menu
}

/// `menu` cut into runs of one area each, in its order (a `<select>`'s `<optgroup>`s).
pub fn region_groups(menu: &[RegionChoice]) -> Vec<RegionGroup<'_>> {
    menu.chunk_by(|a, b| a.region.area == b.region.area)
        .filter_map(|choices| {
            Some(RegionGroup {
                area: choices.first()?.region.area,
                choices,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_region_sits_in_a_known_area_with_a_place_its_name_contains() {
        for region in REGIONS {
            assert!(AREAS.contains(&region.area), "{region:?}");
            assert!(region.name.contains(region.place), "{region:?}");
        }
    }

    #[test]
    fn every_menu_line_fits_a_phone() {
        // About 45 characters of a 12 px system font fill a 360 px screen's menu.
        let longest = REGIONS
            .iter()
            .flat_map(|&region| {
                [Some(1000), None].map(|offered| RegionChoice { region, offered }.label())
            })
            .max_by_key(|label| label.chars().count())
            .unwrap_or_default();
        assert!(longest.chars().count() <= 50, "{longest}");
    }

    #[test]
    fn groups_follow_the_areas_and_hold_every_region_once() {
        let menu = region_menu(&crate::catalog::Catalog::default());
        let groups = region_groups(&menu);
        let areas: Vec<&str> = groups.iter().map(|g| g.area).collect();
        assert_eq!(areas, AREAS);
        assert_eq!(
            groups.iter().map(|g| g.choices.len()).sum::<usize>(),
            REGIONS.len()
        );
        let us: Vec<&str> = groups[0].choices.iter().map(|c| c.region.place).collect();
        assert_eq!(us, ["N. California", "N. Virginia", "Ohio", "Oregon"]);
    }
}
