//! What the atlas holds and draws: the budgets an imported file must fit, checked as the
//! records arrive (the count) and once they are read (families and sizes). A file over a
//! budget is refused as a whole, so the data shown before stays.

use std::collections::HashSet;
use std::fmt;

use crate::instance::InstanceType;
use crate::name::Size;

use super::ImportError;

/// The most instance type records a file may hold: ten times the whole EC2 catalogue
/// (about 1,000 types), few enough that every view and its DOM stay small.
pub const MAX_INSTANCE_TYPES: usize = 10_000;
/// The most families the loaded types may form (the Sizes and Capabilities rows).
pub const MAX_FAMILIES: usize = 2_000;
/// The most cells the Sizes table may have: families times the different sizes on the
/// ladder (the built-in data has 142 × 45).
pub const MAX_SIZE_CELLS: usize = 100_000;
/// Text from a file (processor names, labels) is cut to this many characters, with `…`.
pub const MAX_TEXT_CHARS: usize = 200;

/// A count written with thousands separators: `1,000,000`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Count(pub usize);

impl fmt::Display for Count {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let digits = self.0.to_string();
        let mut out = String::with_capacity(digits.len() + digits.len() / 3);
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(',');
            }
            out.push(c);
        }
        f.write_str(&out)
    }
}

/// Checks the families and sizes the kept types form against [`MAX_FAMILIES`] and
/// [`MAX_SIZE_CELLS`].
pub(crate) fn check(types: &[InstanceType]) -> Result<(), ImportError> {
    let families: HashSet<&str> = types.iter().map(|t| t.family.as_str()).collect();
    if families.len() > MAX_FAMILIES {
        return Err(ImportError::TooManyFamilies {
            found: Count(families.len()),
        });
    }
    let sizes: HashSet<&str> = types.iter().map(|t| t.size.as_str()).collect();
    let on_ladder = sizes
        .into_iter()
        .filter(|s| Size::parse(s).is_some())
        .count();
    let cells = families.len().saturating_mul(on_ladder);
    if cells > MAX_SIZE_CELLS {
        return Err(ImportError::TooManySizes {
            families: Count(families.len()),
            sizes: Count(on_ladder),
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::Count;

    #[test]
    fn counts_read_with_thousands_separators() {
        let shown: Vec<String> = [0, 999, 1000, 10_000, 1_000_000, 123_456_789]
            .map(|n| Count(n).to_string())
            .into();
        assert_eq!(
            shown,
            ["0", "999", "1,000", "10,000", "1,000,000", "123,456,789"]
        );
    }
}
