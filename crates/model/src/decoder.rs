//! The Decoder view's logic: a typed name explained part by part, with its specs when the
//! data knows it, its neighbouring sizes, its sibling families and "did you mean".

use crate::catalog::Catalog;
use crate::family::Family;
use crate::name::{decode, DecodedName, NameError};
use crate::suggest::suggest;

/// How many "did you mean" suggestions to offer.
const SUGGESTIONS: usize = 5;

/// Everything the Decoder shows for one input.
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation {
    /// The name taken apart, or which part could not be read.
    pub decoded: Result<DecodedName, NameError>,
    /// The type's index in the catalog, when the data knows it.
    pub known: Option<usize>,
    /// Names from the data close to the input, when the input is not one of them.
    pub suggestions: Vec<String>,
    /// The family's sizes in ladder order (names), when the family is in the data.
    pub family_sizes: Vec<String>,
    /// The next smaller and next larger size of the same family in the data.
    pub neighbours: (Option<String>, Option<String>),
    /// Sibling families: same series and generation, other letters. Each with the type to
    /// open there: the same size if it exists, else the family's smallest.
    pub siblings: Vec<(String, String)>,
}

/// Explains `input` against the data. Never fails: an unreadable name is an explanation too.
pub fn explain(input: &str, catalog: &Catalog, families: &[Family]) -> Explanation {
    let decoded = decode(input);
    let normalised = input.trim().to_ascii_lowercase();
    let known = catalog.types.iter().position(|t| t.name == normalised);
    let suggestions = if known.is_some() {
        Vec::new()
    } else {
        suggest(
            input,
            catalog.types.iter().map(|t| t.name.as_str()),
            SUGGESTIONS,
        )
    };
    let family_name = match &decoded {
        Ok(d) => d.family.clone(),
        Err(_) => normalised.split('.').next().unwrap_or_default().to_owned(),
    };
    let family = families.iter().find(|f| f.name == family_name);
    let family_sizes: Vec<String> = family
        .map(|f| {
            f.members
                .iter()
                .filter_map(|&i| catalog.types.get(i))
                .map(|t| t.name.clone())
                .collect()
        })
        .unwrap_or_default();
    let neighbours = match family_sizes.iter().position(|n| *n == normalised) {
        Some(at) => (
            at.checked_sub(1).and_then(|i| family_sizes.get(i)).cloned(),
            family_sizes.get(at + 1).cloned(),
        ),
        None => (None, None),
    };
    let siblings = match (&decoded, family) {
        (Ok(d), _) => siblings(d, catalog, families),
        _ => Vec::new(),
    };
    Explanation {
        decoded,
        known,
        suggestions,
        family_sizes,
        neighbours,
        siblings,
    }
}

/// Families with the same series and generation as `decoded`, other than its own.
fn siblings(
    decoded: &DecodedName,
    catalog: &Catalog,
    families: &[Family],
) -> Vec<(String, String)> {
    families
        .iter()
        .filter(|f| {
            f.series == decoded.series
                && f.generation == decoded.generation
                && f.name != decoded.family
        })
        .filter_map(|f| {
            let same_size = f
                .members
                .iter()
                .filter_map(|&i| catalog.types.get(i))
                .find(|t| t.size == decoded.size.as_str());
            let target =
                same_size.or_else(|| f.members.first().and_then(|&i| catalog.types.get(i)))?;
            Some((f.name.clone(), target.name.clone()))
        })
        .collect()
}
