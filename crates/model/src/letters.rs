//! What each capability letter means, in one table read by the Decoder (the long
//! explanation), Letter prices (the short label on chips and in sentences) and Capabilities
//! (the column label and where the column's letter shows in a name).
//!
//! A letter means the same in every series except where [`LetterMeaning::in_series`] says
//! otherwise: `e` buys more GPU memory in the GPU series and has no documented meaning in
//! `c` and `m`.

use crate::name::Capability;

/// What the Decoder says of a letter AWS gives no meaning.
pub const NO_MEANING: &str = "AWS documents no meaning for this letter here";

/// Everything the views say about one capability letter.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LetterMeaning {
    /// The capability the letter stands for.
    pub capability: Capability,
    /// The letter(s) as written in a name: `"d"`, `"flex"`.
    pub letter: &'static str,
    /// A short label for chips and sentences (Letter prices): `"local NVMe"`.
    pub short: &'static str,
    /// The long explanation (Decoder): `"local NVMe instance storage"`.
    pub long: &'static str,
    /// The feature's label as a column heading (Capabilities): `"Local NVMe storage"`.
    pub heading: &'static str,
    /// Where the feature shows, for the column's title: `"the letter d, or NVMe instance
    /// storage"`.
    pub source: &'static str,
    /// Series where the letter means something else: (series, meaning there).
    pub in_series: &'static [(&'static [&'static str], &'static str)],
}

/// Series whose `e` buys more GPU memory rather than more host memory.
const GPU_SERIES: &[&str] = &["p", "g", "gr"];

/// One entry per capability, in [`Capability`] order.
#[rustfmt::skip]
pub const LETTERS: [LetterMeaning; 10] = [
    LetterMeaning { capability: Capability::Amd, letter: "a", short: "AMD", long: "AMD",
        heading: "AMD", source: "the letter a, or an AMD processor", in_series: &[] },
    LetterMeaning { capability: Capability::EbsOptimised, letter: "b", short: "EBS-optimised",
        long: "EBS (block storage) optimised", heading: "EBS optimised",
        source: "the letter b", in_series: &[] },
    LetterMeaning { capability: Capability::LocalNvme, letter: "d", short: "local NVMe",
        long: "local NVMe instance storage", heading: "Local NVMe storage",
        source: "the letter d, or NVMe instance storage", in_series: &[] },
    LetterMeaning { capability: Capability::ExtraMemory, letter: "e", short: "extra memory",
        long: "extra memory or storage", heading: "Extra memory or storage",
        source: "the letter e",
        in_series: &[(GPU_SERIES, "more GPU memory"), (&["c", "m"], NO_MEANING)] },
    LetterMeaning { capability: Capability::Flex, letter: "flex", short: "flexible",
        long: "flexible (cheaper, not always full speed)", heading: "Flex",
        source: "-flex after the family", in_series: &[] },
    LetterMeaning { capability: Capability::Graviton, letter: "g", short: "Graviton",
        long: "Graviton", heading: "AWS Graviton",
        source: "the letter g, or an AWS Graviton processor", in_series: &[] },
    LetterMeaning { capability: Capability::Intel, letter: "i", short: "Intel", long: "Intel",
        heading: "Intel", source: "the letter i, or an Intel processor", in_series: &[] },
    LetterMeaning { capability: Capability::Network, letter: "n", short: "network",
        long: "network (and EBS) optimised", heading: "Network optimised",
        source: "the letter n", in_series: &[] },
    LetterMeaning { capability: Capability::Qualcomm, letter: "q", short: "Qualcomm",
        long: "Qualcomm inference accelerators", heading: "Inference accelerator",
        source: "the inf series, or the letter q", in_series: &[] },
    LetterMeaning { capability: Capability::HighFrequency, letter: "z", short: "high frequency",
        long: "high frequency", heading: "High frequency",
        source: "the letter z, or the z series", in_series: &[] },
];

impl LetterMeaning {
    /// The entry for `capability`.
    pub fn of(capability: Capability) -> &'static LetterMeaning {
        &LETTERS[capability as usize]
    }

    /// The entry for the letter(s) `letter` (`"d"`, `"flex"`), if it is a capability.
    pub fn of_letter(letter: &str) -> Option<&'static LetterMeaning> {
        LETTERS.iter().find(|m| m.letter == letter)
    }

    /// What the letter means in `series` (the Decoder's words).
    pub fn long_in(&self, series: &str) -> &'static str {
        self.in_series
            .iter()
            .find(|(names, _)| names.contains(&series))
            .map_or(self.long, |(_, meaning)| meaning)
    }
}

/// A letter's short name for chips and sentences: `a` is `AMD`, `d` is `local NVMe`.
pub fn short_label(letter: &str) -> &'static str {
    LetterMeaning::of_letter(letter).map_or("other letter", |m| m.short)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_in_capability_order() {
        for (i, m) in LETTERS.iter().enumerate() {
            assert_eq!(m.capability as usize, i, "{}", m.letter);
            assert_eq!(Capability::ALL[i], m.capability);
        }
    }

    #[test]
    fn e_means_more_gpu_memory_in_gpu_series_only() {
        let e = LetterMeaning::of(Capability::ExtraMemory);
        assert_eq!(e.long_in("p"), "more GPU memory");
        assert_eq!(e.long_in("c"), NO_MEANING);
        assert_eq!(e.long_in("x"), "extra memory or storage");
        assert_eq!(short_label("d"), "local NVMe");
        assert_eq!(short_label("xx"), "other letter");
    }
}
