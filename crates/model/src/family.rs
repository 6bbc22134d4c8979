//! Families: the instance types of one family (`m5`, `c7gn`, `u-6tb1`) in size-ladder order.

use crate::catalog::Catalog;
use crate::instance::{Category, InstanceType};
use crate::name::{self, Size};

/// One family and its members, ordered along the size ladder.
#[derive(Debug, Clone, PartialEq)]
pub struct Family {
    /// The family name, for example `m5` or `c7i-flex`.
    pub name: String,
    /// The series letters, for example `m`, `hpc` or `u`; the family's leading letters
    /// when the name decoder does not recognise it.
    pub series: String,
    /// The generation number, when the name has one.
    pub generation: Option<u32>,
    /// The category most of its members belong to.
    pub category: Category,
    /// Indices into [`Catalog::types`], smallest size first.
    pub members: Vec<usize>,
}

/// Groups a catalog's instance types into families, sorted by category, series,
/// generation and name; members sorted by size (unknown sizes last, by name).
pub fn families(catalog: &Catalog) -> Vec<Family> {
    let family_of = |index: &usize| catalog.types[*index].family.as_str();
    let mut by_name: Vec<usize> = (0..catalog.types.len()).collect();
    crate::order::sort_by(&mut by_name, |a, b| family_of(a).cmp(family_of(b)));
    let mut families: Vec<Family> = by_name
        .chunk_by(|a, b| family_of(a) == family_of(b))
        .filter_map(|members| {
            let family = family_of(members.first()?);
            let mut members = members.to_vec();
            crate::order::sort_by_cached_key(&mut members, |&i| size_key(&catalog.types[i]));
            let first = catalog.types.get(*members.first()?)?;
            let (series, generation) = match name::decode(&first.name) {
                Ok(decoded) => (decoded.series, decoded.generation),
                Err(_) => (leading_letters(family), None),
            };
            Some(Family {
                name: family.to_owned(),
                series,
                generation,
                category: majority_category(catalog, &members),
                members,
            })
        })
        .collect();
    crate::order::sort_by(&mut families, |a, b| {
        (a.category, &a.series, a.generation, &a.name).cmp(&(
            b.category,
            &b.series,
            b.generation,
            &b.name,
        ))
    });
    families
}

/// The distinct series of the given families, sorted (single letters first, then longer ones).
pub fn series_of(families: &[Family]) -> Vec<String> {
    let mut series: Vec<String> = families.iter().map(|f| f.series.clone()).collect();
    crate::order::sort_by(&mut series, |a, b| (a.len() > 1, a).cmp(&(b.len() > 1, b)));
    series.dedup();
    series
}

fn size_key(instance: &InstanceType) -> (bool, Option<Size>, &str) {
    // `None` sorts first in Option's order; the leading flag puts unknown sizes last. The
    // name is borrowed, so grouping the catalogue at start-up copies no name.
    let size = Size::parse(&instance.size);
    (size.is_none(), size, instance.name.as_str())
}

fn leading_letters(family: &str) -> String {
    family
        .chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .collect()
}

fn majority_category(catalog: &Catalog, members: &[usize]) -> Category {
    let mut counts = [0usize; Category::ALL.len()];
    for &i in members {
        if let Some(slot) = Category::ALL
            .iter()
            .position(|c| *c == catalog.types[i].category)
        {
            counts[slot] += 1;
        }
    }
    let best = (0..counts.len())
        .max_by_key(|&slot| (counts[slot], usize::MAX - slot))
        .unwrap_or(0);
    Category::ALL[best]
}
