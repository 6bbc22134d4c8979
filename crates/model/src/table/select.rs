//! The Table as an instance selector: choices by vendor, architecture, storage kind,
//! capability letters and generation (what `ec2-instance-selector` selects by), on top of
//! the shared filters and the column boxes. Each group is a set of chosen options; an empty
//! set lets every type through, several options in one group are alternatives, and the
//! groups must all hold. Capability letters are the exception: every chosen letter must be
//! in the name (`d` and `n` keep `m5dn`, not `m5d`).

use crate::sorted::SortedSet;

use crate::instance::{Architecture, InstanceType, Vendor};
use crate::name::{decode, Capability};
use crate::quantity::StorageKind;

use super::generation_of;

/// The kind of local storage a type has, as the selector offers it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum StorageChoice {
    /// No local instance storage: EBS only.
    EbsOnly,
    /// Local NVMe SSD.
    Nvme,
    /// Local SATA/SAS SSD.
    Ssd,
    /// Local hard disks.
    Hdd,
}

impl StorageChoice {
    /// Every choice, in the order the chips show them.
    pub const ALL: [StorageChoice; 4] = [
        StorageChoice::EbsOnly,
        StorageChoice::Nvme,
        StorageChoice::Ssd,
        StorageChoice::Hdd,
    ];

    /// The type's storage kind.
    pub fn of(t: &InstanceType) -> StorageChoice {
        match t.storage.as_ref().map(|s| s.kind) {
            None => StorageChoice::EbsOnly,
            Some(StorageKind::Nvme) => StorageChoice::Nvme,
            Some(StorageKind::Ssd) => StorageChoice::Ssd,
            Some(StorageKind::Hdd) => StorageChoice::Hdd,
        }
    }

    /// A short stable identifier for the address.
    pub fn slug(self) -> &'static str {
        match self {
            StorageChoice::EbsOnly => "ebs",
            StorageChoice::Nvme => "nvme",
            StorageChoice::Ssd => "ssd",
            StorageChoice::Hdd => "hdd",
        }
    }

    /// The words on the chip.
    pub fn label(self) -> &'static str {
        match self {
            StorageChoice::EbsOnly => "EBS only",
            StorageChoice::Nvme => "NVMe SSD",
            StorageChoice::Ssd => "SSD",
            StorageChoice::Hdd => "HDD",
        }
    }

    /// The inverse of [`StorageChoice::slug`].
    pub fn from_slug(slug: &str) -> Option<StorageChoice> {
        StorageChoice::ALL.into_iter().find(|c| c.slug() == slug)
    }
}

/// Every vendor, in the order the chips show them.
pub const VENDORS: [Vendor; 4] = [Vendor::Intel, Vendor::Amd, Vendor::Graviton, Vendor::Other];

/// Every architecture, in the order the chips show them.
pub const ARCHITECTURES: [Architecture; 2] = [Architecture::X86_64, Architecture::Arm64];

/// A vendor's identifier in the address.
pub fn vendor_slug(vendor: Vendor) -> &'static str {
    match vendor {
        Vendor::Intel => "intel",
        Vendor::Amd => "amd",
        Vendor::Graviton => "graviton",
        Vendor::Other => "other",
    }
}

/// An architecture's identifier in the address.
pub fn architecture_slug(architecture: Architecture) -> &'static str {
    match architecture {
        Architecture::X86_64 => "x86_64",
        Architecture::Arm64 => "arm64",
    }
}

/// One option of the selector, as an [`crate::state::Action`] toggles it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SelectOption {
    /// A processor vendor.
    Vendor(Vendor),
    /// An instruction set.
    Architecture(Architecture),
    /// A kind of local storage.
    Storage(StorageChoice),
    /// A capability letter that must be in the name.
    Letter(Capability),
    /// A generation number.
    Generation(u32),
}

/// What the Table selects by, beyond the shared filters. The default selects everything.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct TableSelect {
    /// Vendors chosen (any of them).
    pub vendors: SortedSet<Vendor>,
    /// Architectures chosen (any of them).
    pub architectures: SortedSet<Architecture>,
    /// Storage kinds chosen (any of them).
    pub storage: SortedSet<StorageChoice>,
    /// Capability letters chosen (all of them must be in the name).
    pub letters: SortedSet<Capability>,
    /// Generations chosen (any of them).
    pub generations: SortedSet<u32>,
}

impl TableSelect {
    /// Whether nothing is chosen (every type passes).
    pub fn is_empty(&self) -> bool {
        self.chosen_count() == 0
    }

    /// How many options are chosen, over every group.
    pub fn chosen_count(&self) -> usize {
        self.vendors.len()
            + self.architectures.len()
            + self.storage.len()
            + self.letters.len()
            + self.generations.len()
    }

    /// Whether an option is chosen.
    pub fn is_chosen(&self, option: &SelectOption) -> bool {
        match option {
            SelectOption::Vendor(v) => self.vendors.contains(v),
            SelectOption::Architecture(a) => self.architectures.contains(a),
            SelectOption::Storage(s) => self.storage.contains(s),
            SelectOption::Letter(c) => self.letters.contains(c),
            SelectOption::Generation(g) => self.generations.contains(g),
        }
    }

    /// Chooses an option, or un-chooses a chosen one.
    pub fn toggle(&mut self, option: SelectOption) {
        fn flip<T: Ord>(set: &mut SortedSet<T>, item: T) {
            if !set.remove(&item) {
                set.insert(item);
            }
        }
        match option {
            SelectOption::Vendor(v) => flip(&mut self.vendors, v),
            SelectOption::Architecture(a) => flip(&mut self.architectures, a),
            SelectOption::Storage(s) => flip(&mut self.storage, s),
            SelectOption::Letter(c) => flip(&mut self.letters, c),
            SelectOption::Generation(g) => flip(&mut self.generations, g),
        }
    }

    /// Whether a type passes every group, given its family's capability letters
    /// ([`family_letters`]). Allocates nothing.
    pub fn matches(&self, t: &InstanceType, letters: LetterSet) -> bool {
        (self.vendors.is_empty() || self.vendors.contains(&t.vendor))
            && (self.architectures.is_empty() || self.architectures.contains(&t.architecture))
            && (self.storage.is_empty() || self.storage.contains(&StorageChoice::of(t)))
            && self.letters.iter().all(|c| letters.has(*c))
            && (self.generations.is_empty()
                || generation_of(&t.family).is_some_and(|g| self.generations.contains(&g)))
    }
}

/// The capability letters in a family's name, as bits (one per [`Capability::ALL`]).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct LetterSet(u16);

impl LetterSet {
    /// Whether the set holds `capability`.
    pub fn has(self, capability: Capability) -> bool {
        self.0 & bit(capability) != 0
    }
}

fn bit(capability: Capability) -> u16 {
    let at = Capability::ALL
        .iter()
        .position(|c| *c == capability)
        .unwrap_or(0);
    1 << at
}

/// The capability letters of an instance type's name (`m5dn.large`: `d`, `n`); none for a
/// name the decoder cannot read.
pub fn family_letters(name: &str) -> LetterSet {
    match decode(name) {
        Ok(decoded) => LetterSet(decoded.capabilities.iter().fold(0, |m, c| m | bit(*c))),
        Err(_) => LetterSet::default(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn letters_read_from_the_name_and_all_chosen_must_be_there() {
        let dn = family_letters("m5dn.large");
        assert!(dn.has(Capability::LocalNvme) && dn.has(Capability::Network));
        assert!(!dn.has(Capability::Amd));
        let flex = family_letters("c7i-flex.large");
        assert!(flex.has(Capability::Intel) && flex.has(Capability::Flex));
        assert_eq!(family_letters("not a name"), LetterSet::default());
    }

    #[test]
    fn toggling_twice_restores_and_counts_follow() {
        let mut select = TableSelect::default();
        select.toggle(SelectOption::Generation(7));
        select.toggle(SelectOption::Letter(Capability::Graviton));
        assert_eq!(select.chosen_count(), 2);
        assert!(select.is_chosen(&SelectOption::Generation(7)));
        select.toggle(SelectOption::Generation(7));
        select.toggle(SelectOption::Letter(Capability::Graviton));
        assert!(select.is_empty());
        assert_eq!(StorageChoice::from_slug("nvme"), Some(StorageChoice::Nvme));
    }
}
