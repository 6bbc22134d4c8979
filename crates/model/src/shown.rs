//! The one answer to "which instance types does a view show": every shared filter
//! (category, series, current generation, offered in the region, capability) applied once, family by
//! family. Every view derives what it draws from a [`Shown`], so a new filter added in
//! [`Filter`] reaches them all.

use crate::catalog::Catalog;
use crate::family::Family;
use crate::filter::Filter;

/// The shown instance types, grouped by family in the families' order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Shown {
    /// The families with at least one shown type.
    pub families: Vec<ShownFamily>,
}

/// One family's shown types.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShownFamily {
    /// Index into the `families` given to [`shown_types`].
    pub family: usize,
    /// Catalog indices of its shown types, smallest size first.
    pub types: Vec<usize>,
}

impl Shown {
    /// Every shown type's catalog index, family by family, smallest size first.
    pub fn types(&self) -> impl Iterator<Item = usize> + '_ {
        self.families.iter().flat_map(|f| f.types.iter().copied())
    }

    /// How many instance types are shown.
    pub fn type_count(&self) -> usize {
        self.families.iter().map(|f| f.types.len()).sum()
    }

    /// How many families have at least one shown type.
    pub fn family_count(&self) -> usize {
        self.families.len()
    }
}

/// Applies every shared filter: a family must pass [`Filter::shows_family`] and
/// [`Filter::shows_feature`], a type
/// [`Filter::shows_type`] and [`Filter::shows_offered`] (in `region`, by the EC2 API's
/// offerings; without a region that filter lets everything through).
pub fn shown_types(
    catalog: &Catalog,
    families: &[Family],
    filter: &Filter,
    region: Option<&str>,
) -> Shown {
    let families = families
        .iter()
        .enumerate()
        .filter(|(_, family)| filter.shows_family(family) && filter.shows_feature(family, catalog))
        .filter_map(|(index, family)| {
            let types: Vec<usize> = family
                .members
                .iter()
                .copied()
                .filter(|&i| {
                    catalog
                        .types
                        .get(i)
                        .is_some_and(|t| filter.shows_type(t) && filter.shows_offered(t, region))
                })
                .collect();
            (!types.is_empty()).then_some(ShownFamily {
                family: index,
                types,
            })
        })
        .collect();
    Shown { families }
}
