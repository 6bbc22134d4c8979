//! Which instance types are shown: the filters every view shares.

use crate::sorted::SortedSet;

use crate::availability::{offered, Offered};
use crate::capabilities::{family_has, Feature};
use crate::catalog::Catalog;
use crate::family::Family;
use crate::instance::{Category, InstanceType};

/// The filters a person has set. The default shows everything.
///
/// Hidden sets rather than shown sets, so the default is empty, new data needs no
/// set-up, and a shared URL only names what was switched off.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Categories switched off.
    pub hidden_categories: SortedSet<Category>,
    /// Series (`m`, `hpc`, ...) switched off.
    pub hidden_series: SortedSet<String>,
    /// Show only current-generation types.
    pub current_only: bool,
    /// Hide types the EC2 API does not offer in the chosen region.
    pub offered_only: bool,
    /// Show only families with this capability (chosen from a Capabilities column).
    pub feature: Option<Feature>,
}

impl Filter {
    /// Whether a category is shown.
    pub fn shows_category(&self, category: Category) -> bool {
        !self.hidden_categories.contains(&category)
    }

    /// Whether a series is shown.
    pub fn shows_series(&self, series: &str) -> bool {
        !self.hidden_series.contains(series)
    }

    /// Whether a family passes the family-level filters (category, series).
    pub fn shows_family(&self, family: &Family) -> bool {
        self.shows_category(family.category) && self.shows_series(&family.series)
    }

    /// Whether a family has the chosen capability (every family does when none is chosen).
    pub fn shows_feature(&self, family: &Family, catalog: &Catalog) -> bool {
        self.feature
            .is_none_or(|feature| family_has(family, catalog, feature))
    }

    /// Whether an instance type of a shown family passes the type-level filters.
    pub fn shows_type(&self, instance: &InstanceType) -> bool {
        !self.current_only || instance.current_generation
    }

    /// How many filters are set (each hidden category and series counts once), for the
    /// "filtered" hints of every view; zero means everything is shown.
    pub fn set_count(&self) -> usize {
        self.hidden_categories.len()
            + self.hidden_series.len()
            + usize::from(self.current_only)
            + usize::from(self.offered_only)
            + usize::from(self.feature.is_some())
    }

    /// Whether a type passes "offered in the region only": by the region's offerings, never
    /// by whether it has a price. Without a region, or where the offerings are not known
    /// (a region outside [`crate::availability::OFFERING_REGIONS`], imported data without
    /// them), the type is shown.
    pub fn shows_offered(&self, instance: &InstanceType, region: Option<&str>) -> bool {
        !self.offered_only || region.is_none_or(|r| offered(instance, r) != Offered::No)
    }
}
