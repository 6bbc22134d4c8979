//! Instance type names taken apart: series, generation, capabilities, size.
//!
//! AWS names read `<series><generation><capabilities>[-flex].<size>` (`c7gn.16xlarge`,
//! `c7i-flex.large`); high-memory and Mac types add a variant after a hyphen
//! (`u-6tb1.112xlarge`, `u7i-12tb.224xlarge`, `mac2-m2pro.metal`). [`decode`] reads one.
//!
//! Decisions the AWS documentation leaves open:
//! - The series is the whole run of letters before the generation digits and must be known
//!   ([`series_meaning`]). As a digit always follows it, this is the longest known prefix:
//!   `hpc` not `h`, `inf`/`is`/`im` not `i`, `dl`/`trn`/`vt`/`gr`/`mac` not one letter.
//! - Retired families get series of their own: `cc2` cluster compute, `cr1` memory-optimised
//!   cluster, `hs1` high storage (and `cg1` cluster GPU, `hi1` high I/O).
//! - `is4gen` reads as the letters it is made of: `g` Graviton, `e` extra storage, `n`
//!   network. `g3s`, a smaller G3, gets variant `"s"` (AWS documents no meaning for the
//!   letter); `f` in `g6f` / `gr6f` is a fractional GPU and `u` in `trn2u` an UltraServer,
//!   each a variant of its series rather than a capability of every family.
//! - `e` means more GPU memory in accelerated series (`p4de`, `p5e`, `g6e`, `g7e`), extra
//!   memory or storage elsewhere, and nothing AWS documents in `c8ine` / `m8ine`.
//! - The GPU variants after a hyphen are named: `p6-b200` NVIDIA B200, `p6e-gb200` NVIDIA
//!   GB200 Grace Blackwell.
//! - `u-6tb1`: memory 6 TiB, variant `"6tb1"`, and the trailing `1` is the generation
//!   (AWS calls these the first generation); `u7in-32tb`: generation 7 from before the
//!   hyphen, capabilities `i` and `n`, memory 32 TiB, variant `"32tb"`.
//! - Letters after the generation that are not capabilities (AWS adds letters faster than
//!   this table) do not fail decoding: they are kept in [`DecodedName::unknown_letters`] and
//!   explained as unrecognised. Every other part that is not understood is a [`NameError`].
//! - Only `u-` and `mac-` names may leave out the generation (`mac-m4pro.metal`).
//! - Input is trimmed and lower-cased (ASCII); no input panics.

use std::fmt;

use thiserror::Error;

use crate::letters::{LetterMeaning, NO_MEANING};

/// Every known series, with its meaning in DESIGN.md's words (retired ones marked).
#[rustfmt::skip]
const SERIES: &[(&str, &str)] = &[
    ("a", "Arm (first Graviton)"), ("c", "compute"), ("cc", "cluster compute (retired)"),
    ("cg", "cluster GPU (retired)"), ("cr", "memory-optimised cluster (retired)"),
    ("d", "dense HDD storage"), ("dl", "deep learning"), ("f", "FPGA"), ("g", "graphics GPU"),
    ("gr", "graphics with more memory"), ("h", "HDD storage"), ("hi", "high I/O (retired)"),
    ("hpc", "high performance computing"), ("hs", "high storage (retired)"),
    ("i", "I/O (NVMe) storage"), ("im", "storage with 4 GiB per vCPU"), ("inf", "Inferentia"),
    ("is", "storage with 6 GiB per vCPU"), ("m", "general purpose"), ("mac", "macOS"),
    ("p", "GPU compute"), ("r", "memory"), ("t", "burstable"), ("trn", "Trainium"),
    ("u", "high memory"), ("vt", "video transcoding"), ("x", "extra-large memory"),
    ("z", "high frequency"),
];

/// The sizes below `xlarge`, with their power of two relative to it.
#[rustfmt::skip]
const FRACTIONAL_SIZES: [(&str, i32); 5] =
    [("nano", -5), ("micro", -4), ("small", -3), ("medium", -2), ("large", -1)];

/// Names longer than this are refused outright (the longest real one is about 20).
pub const MAX_NAME_CHARS: usize = 64;

/// Apple chip models as written after `mac2-m2` and as named.
#[rustfmt::skip]
const APPLE_MODELS: [(&str, &str); 4] =
    [("", ""), ("pro", " Pro"), ("max", " Max"), ("ultra", " Ultra")];

/// Letters after the generation that one series spells its own way: (series, letters,
/// capability they stand for, meaning). They become the variant.
#[rustfmt::skip]
const ODD_SPELLINGS: [(&str, &str, Option<Capability>, &str); 4] = [
    ("g", "s", None, "smaller variant (AWS documents no meaning for this letter)"),
    ("g", "f", None, "fractional GPU: a share of one GPU"),
    ("gr", "f", None, "fractional GPU: a share of one GPU"),
    ("trn", "u", None, "UltraServer: part of a group of servers joined by NeuronLink"),
];

/// Letters AWS writes in one series without documenting them: (series, letter).
const UNDOCUMENTED: [(&str, &str); 1] = [("u", "h")];

/// GPU variants written after a hyphen (`p6-b200`), and the GPU they name.
#[rustfmt::skip]
const GPU_VARIANTS: [(&str, &str); 3] = [
    ("b200", "NVIDIA B200 GPUs"),
    ("b300", "NVIDIA B300 GPUs"),
    ("gb200", "NVIDIA GB200 Grace Blackwell superchips"),
];

/// What a series letter group means (`"p"` -> `"GPU compute"`), or `None` if unknown.
pub fn series_meaning(series: &str) -> Option<&'static str> {
    SERIES.iter().find(|(s, _)| *s == series).map(|(_, m)| *m)
}

/// A capability letter after the generation (`d` in `m5d`), or `-flex` after the family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Capability {
    /// `a`: AMD processor.
    Amd,
    /// `b`: EBS (block storage) optimised.
    EbsOptimised,
    /// `d`: local NVMe instance storage.
    LocalNvme,
    /// `e`: extra memory or storage.
    ExtraMemory,
    /// `-flex`: cheaper, not always full speed.
    Flex,
    /// `g`: AWS Graviton (Arm) processor.
    Graviton,
    /// `i`: Intel processor.
    Intel,
    /// `n`: network (and EBS) optimised.
    Network,
    /// `q`: Qualcomm inference accelerators.
    Qualcomm,
    /// `z`: high frequency.
    HighFrequency,
}

impl Capability {
    /// Every capability, in letter order.
    #[rustfmt::skip]
    pub const ALL: [Capability; 10] = {
        use Capability::*;
        [Amd, EbsOptimised, LocalNvme, ExtraMemory, Flex,
         Graviton, Intel, Network, Qualcomm, HighFrequency]
    };

    /// The letter(s) as written in a name: `"a"`, `"b"`, ..., `"flex"`.
    pub fn letter(self) -> &'static str {
        LetterMeaning::of(self).letter
    }

    /// What it buys, in DESIGN.md's words (`d` -> `"local NVMe instance storage"`).
    pub fn meaning(self) -> &'static str {
        LetterMeaning::of(self).long
    }

    /// The capability written `letter` (`"d"`, `"flex"`), if there is one.
    pub fn from_letter(letter: &str) -> Option<Capability> {
        Capability::ALL.into_iter().find(|c| c.letter() == letter)
    }
}

/// Where a size sits on the ladder; the derived order is the ladder order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Rung {
    /// nano .. large, as a power of two of an xlarge.
    Fraction(i32),
    /// xlarge (1) and `Nxlarge`.
    Multiple(u32),
    /// `metal-Nxl`: bare metal as big as `Nxlarge`.
    MetalOf(u32),
    /// Plain `metal`.
    Metal,
}

/// A size after the dot (`large`, `24xlarge`, `metal-48xl`), ordered along the ladder:
/// nano < ... < large < xlarge < 2xlarge < ... < 224xlarge < metal-16xl < ... < metal.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Size {
    rung: Rung,
    text: String,
}

impl Size {
    /// Reads a size (trimmed, any case); `None` if it is not on the ladder.
    pub fn parse(s: &str) -> Option<Size> {
        let text = s.trim().to_ascii_lowercase();
        let rung = if let Some((_, power)) = FRACTIONAL_SIZES.iter().find(|(n, _)| *n == text) {
            Rung::Fraction(*power)
        } else if text == "xlarge" {
            Rung::Multiple(1)
        } else if text == "metal" {
            Rung::Metal
        } else if let Some(n) = text.strip_suffix("xlarge") {
            Rung::Multiple(count(n).filter(|n| *n >= 2)?)
        } else {
            Rung::MetalOf(count(text.strip_prefix("metal-")?.strip_suffix("xl")?)?)
        };
        Some(Size { rung, text })
    }

    /// The size as written (lower case), such as `"24xlarge"`.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// True for bare-metal sizes (`metal`, `metal-48xl`).
    pub fn is_metal(&self) -> bool {
        matches!(self.rung, Rung::Metal | Rung::MetalOf(_))
    }

    /// How many xlarges this size is: large 0.5, xlarge 1, 24xlarge 24, metal-48xl 48;
    /// `None` for plain `metal`, whose size depends on the family.
    pub fn xlarge_multiple(&self) -> Option<f64> {
        match self.rung {
            Rung::Fraction(power) => Some(2f64.powi(power)),
            Rung::Multiple(n) | Rung::MetalOf(n) => Some(f64::from(n)),
            Rung::Metal => None,
        }
    }

    /// Steps up the doubling ladder from xlarge (log2 of [`Size::xlarge_multiple`]):
    /// large -1, xlarge 0, 2xlarge 1, 3xlarge about 1.58.
    pub fn ladder_step(&self) -> Option<f64> {
        self.xlarge_multiple().map(f64::log2)
    }

    /// What the size means, such as `"size: 24 x xlarge"`.
    pub fn meaning(&self) -> String {
        match self.rung {
            Rung::Fraction(power) => {
                format!("size: {} = 1/{} of an xlarge", self.text, 1 << -power)
            }
            Rung::Multiple(1) => "size: xlarge, the unit of the ladder".to_string(),
            Rung::Multiple(n) => format!("size: {n} x xlarge"),
            Rung::MetalOf(n) => format!("size: bare metal, as big as {n} x xlarge"),
            Rung::Metal => "size: bare metal, the whole host without a hypervisor".to_string(),
        }
    }
}

impl fmt::Display for Size {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

/// A positive count written without a leading zero.
fn count(digits: &str) -> Option<u32> {
    let plain = !digits.is_empty() && !digits.starts_with('0');
    if plain && digits.bytes().all(|b| b.is_ascii_digit()) {
        digits.parse().ok()
    } else {
        None
    }
}

/// An instance type name taken apart by [`decode`].
#[derive(Debug, Clone, PartialEq)]
pub struct DecodedName {
    /// The whole name, trimmed and lower-cased: `"p3dn.24xlarge"`.
    pub name: String,
    /// Everything before the dot: `"p3dn"`, `"c7i-flex"`, `"u-6tb1"`.
    pub family: String,
    /// The series letters: `"p"`, `"hpc"`, `"is"`.
    pub series: String,
    /// The generation: `3` in `p3dn`, `1` in `u-6tb1`; `None` only for `u-`/`mac-` names
    /// that write none (`mac-m4`).
    pub generation: Option<u32>,
    /// The capabilities in the order written, `-flex` last.
    pub capabilities: Vec<Capability>,
    /// Letters after the generation that are not known capabilities (usually empty).
    pub unknown_letters: String,
    /// What follows the hyphen (`"6tb1"`, `"12tb"`, `"m2pro"`), or letters spelled a series'
    /// own way (`"gen"` in `is4gen`, `"s"` in `g3s`); `None` for `-flex`, a capability.
    pub variant: Option<String>,
    /// Memory named in a high-memory variant: 6 for `u-6tb1`, 12 for `u7i-12tb`.
    pub memory_tib: Option<u32>,
    /// The size after the dot.
    pub size: Size,
}

impl DecodedName {
    /// True if the name carries `capability`.
    pub fn has(&self, capability: Capability) -> bool {
        self.capabilities.contains(&capability)
    }

    /// The name's parts in written order, each with its meaning: for `p3dn.24xlarge`,
    /// `("p", "GPU compute series")`, `("3", "generation 3")`,
    /// `("d", "local NVMe instance storage")`, `("n", "network (and EBS) optimised")`,
    /// `("24xlarge", "size: 24 x xlarge")`. Joined, the parts spell the name
    /// without its `-` and `.`.
    pub fn explain(&self) -> Vec<(String, String)> {
        let pieces = pieces(&self.name, &self.family).unwrap_or_default();
        let mut parts: Vec<(String, String)> = pieces
            .into_iter()
            .map(|(text, piece)| {
                let meaning = match piece {
                    Piece::Series(meaning) => format!("{meaning} series"),
                    Piece::Generation(g) => format!("generation {g}"),
                    Piece::Letter(c) => LetterMeaning::of(c).long_in(&self.series).to_string(),
                    Piece::Odd(_, meaning) => meaning.to_string(),
                    Piece::Unknown => "unrecognised capability letter".to_string(),
                    Piece::Undocumented => NO_MEANING.to_string(),
                    Piece::Memory(tib) => format!("{tib} TiB of memory"),
                    Piece::Chip(chip) => format!("Apple {chip} chip"),
                    Piece::Gpu(gpu) => gpu.to_string(),
                    Piece::Variant => format!("variant {text}"),
                };
                (text.to_string(), meaning)
            })
            .collect();
        parts.push((self.size.as_str().to_string(), self.size.meaning()));
        parts
    }
}

/// Why a name could not be decoded; each message names the part that is not understood.
/// The first field of each variant is the name (trimmed, lower case).
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum NameError {
    /// Nothing was given.
    #[error("no instance type name given: expected something like m5.large")]
    Empty,
    /// Far longer than any instance type name (the field is its length in characters).
    #[error("unrecognised instance type name: {0} characters is too long for one")]
    TooLong(usize),
    /// No dot between family and size.
    #[error("unrecognised instance type name `{0}`: no dot between family and size (expected something like m5.large)")]
    NoDot(String),
    /// Nothing before the dot.
    #[error("unrecognised instance type name `{0}`: nothing before the dot, where the family (like m5) goes")]
    EmptyFamily(String),
    /// Nothing after the dot.
    #[error("unrecognised instance type name `{0}`: nothing after the dot, where the size (like large) goes")]
    EmptySize(String),
    /// The family (second field) does not start with letters.
    #[error("unrecognised instance type name `{0}`: family `{1}` does not start with series letters (like m or c)")]
    NoSeries(String, String),
    /// The series letters (second field) are not a known series.
    #[error("unrecognised instance type name `{0}`: `{1}` is not a known EC2 series")]
    UnrecognisedSeries(String, String),
    /// The family (second field) has no generation number after its series.
    #[error("unrecognised instance type name `{0}`: family `{1}` has no generation number after its series")]
    NoGeneration(String, String),
    /// A part (third field) of the family (second field) fits nowhere.
    #[error("unrecognised instance type name `{0}`: `{2}` in family `{1}` is not understood")]
    UnreadableFamily(String, String, String),
    /// The size (second field) is not on the ladder.
    #[error("unrecognised instance type name `{0}`: size `{1}` is not on the ladder (nano ... large, xlarge, 2xlarge ... 224xlarge, metal, metal-48xl)")]
    UnreadableSize(String, String),
}

/// Decodes an instance type name such as `p3dn.24xlarge` (trimmed, any case).
pub fn decode(name: &str) -> Result<DecodedName, NameError> {
    let name = name.trim().to_ascii_lowercase();
    let chars = name.chars().count();
    if chars == 0 {
        return Err(NameError::Empty);
    } else if chars > MAX_NAME_CHARS {
        return Err(NameError::TooLong(chars));
    }
    let Some((family, size_text)) = name.split_once('.') else {
        return Err(NameError::NoDot(name));
    };
    if family.is_empty() {
        return Err(NameError::EmptyFamily(name));
    } else if size_text.is_empty() {
        return Err(NameError::EmptySize(name));
    }
    let pieces = pieces(&name, family)?;
    let Some(size) = Size::parse(size_text).filter(|size| size.as_str() == size_text) else {
        return Err(NameError::UnreadableSize(name.clone(), size_text.into()));
    };
    let tail = family.split_once('-').filter(|(_, t)| *t != "flex");
    let mut decoded = DecodedName {
        name: name.clone(),
        family: family.to_string(),
        series: String::new(),
        generation: None,
        capabilities: Vec::new(),
        unknown_letters: String::new(),
        variant: tail.map(|(_, tail)| tail.to_string()),
        memory_tib: None,
        size,
    };
    for (text, piece) in pieces {
        match piece {
            Piece::Series(_) => decoded.series = text.to_string(),
            Piece::Generation(g) => decoded.generation = Some(g),
            Piece::Letter(c) => decoded.capabilities.push(c),
            Piece::Odd(capability, _) => {
                decoded.capabilities.extend(capability);
                decoded.variant = Some(text.to_string());
            }
            Piece::Unknown => decoded.unknown_letters.push_str(text),
            Piece::Memory(tib) => decoded.memory_tib = Some(tib),
            Piece::Chip(_) | Piece::Gpu(_) | Piece::Undocumented | Piece::Variant => {}
        }
    }
    Ok(decoded)
}

/// What one written part of a family is.
enum Piece {
    /// The series letters, with their meaning.
    Series(&'static str),
    /// The generation digits.
    Generation(u32),
    /// A capability letter, or `flex`.
    Letter(Capability),
    /// Letters one series spells its own way (`gen` in `is4gen`), from [`ODD_SPELLINGS`].
    Odd(Option<Capability>, &'static str),
    /// A letter after the generation that is not a capability.
    Unknown,
    /// A letter AWS writes without documenting a meaning, from [`UNDOCUMENTED`].
    Undocumented,
    /// `6tb` in `u-6tb1`: memory in TiB.
    Memory(u32),
    /// `m2pro` in `mac2-m2pro`: the Apple chip, such as `"M2 Pro"`.
    Chip(String),
    /// `b200` in `p6-b200`: the GPU the variant names, from [`GPU_VARIANTS`].
    Gpu(&'static str),
    /// Any other part after the hyphen.
    Variant,
}

/// Splits `family` into its written parts, in order.
fn pieces<'a>(name: &str, family: &'a str) -> Result<Vec<(&'a str, Piece)>, NameError> {
    let (name, family_text) = (name.to_string(), family.to_string());
    let unreadable = |part: &str| {
        NameError::UnreadableFamily(name.clone(), family_text.clone(), part.to_string())
    };
    let allowed = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-';
    if let Some(bad) = family.chars().find(|c| !allowed(*c)) {
        return Err(unreadable(&bad.to_string()));
    }
    let (head, tail) = match family.split_once('-') {
        Some((_, tail)) if tail.is_empty() || tail.contains('-') => {
            return Err(unreadable(&format!("-{tail}")))
        }
        Some((head, tail)) => (head, Some(tail)),
        None => (family, None),
    };
    let (series, rest) = split_run(head, |c| c.is_ascii_lowercase());
    if series.is_empty() {
        return Err(NameError::NoSeries(name, family_text));
    }
    let Some(meaning) = series_meaning(series) else {
        return Err(NameError::UnrecognisedSeries(name, series.to_string()));
    };
    let mut pieces = vec![(series, Piece::Series(meaning))];
    let (digits, rest) = split_run(rest, |c| c.is_ascii_digit());
    let (letters, extra) = split_run(rest, |c| c.is_ascii_lowercase());
    if !extra.is_empty() {
        return Err(unreadable(extra));
    }
    if !digits.is_empty() {
        let generation = digits.parse().map_err(|_| unreadable(digits))?;
        pieces.push((digits, Piece::Generation(generation)));
    } else if tail.is_none() || !matches!(series, "u" | "mac") {
        return Err(NameError::NoGeneration(name, family_text));
    }
    let odd = ODD_SPELLINGS
        .iter()
        .find(|o| o.0 == series && o.1 == letters);
    if let Some(&(_, _, capability, meaning)) = odd {
        pieces.push((letters, Piece::Odd(capability, meaning)));
    } else {
        for letter in letters.matches(|_: char| true) {
            let piece = match Capability::from_letter(letter) {
                Some(c) => Piece::Letter(c),
                None if UNDOCUMENTED.contains(&(series, letter)) => Piece::Undocumented,
                None => Piece::Unknown,
            };
            pieces.push((letter, piece));
        }
    }
    if let Some(tail) = tail {
        pieces.extend(tail_pieces(series, !digits.is_empty(), tail));
    }
    Ok(pieces)
}

/// The written parts after the hyphen: `flex`, `6tb` + `1`, `12tb`, `m2pro`, or a variant.
fn tail_pieces<'a>(series: &str, has_generation: bool, tail: &'a str) -> Vec<(&'a str, Piece)> {
    if tail == "flex" {
        return vec![(tail, Piece::Letter(Capability::Flex))];
    }
    if let Some((_, gpu)) = GPU_VARIANTS.iter().find(|(written, _)| *written == tail) {
        return vec![(tail, Piece::Gpu(gpu))];
    }
    let memory = tail
        .split_once("tb")
        .and_then(|(n, after)| Some((count(n)?, after)));
    if let Some((tib, after)) = memory {
        let memory = (tail.strip_suffix(after).unwrap_or(tail), Piece::Memory(tib));
        match count(after) {
            _ if after.is_empty() => return vec![memory],
            Some(g) if !has_generation => return vec![memory, (after, Piece::Generation(g))],
            _ => {}
        }
    }
    if let Some(chip) = tail.strip_prefix('m').filter(|_| series == "mac") {
        let (number, model) = split_run(chip, |c| c.is_ascii_digit());
        let model = APPLE_MODELS.iter().find(|(written, _)| *written == model);
        if let (Some(n), Some((_, model))) = (count(number), model) {
            return vec![(tail, Piece::Chip(format!("M{n}{model}")))];
        }
    }
    vec![(tail, Piece::Variant)]
}

/// Splits `text` after its leading run of characters that satisfy `pred`.
fn split_run(text: &str, pred: impl Fn(char) -> bool) -> (&str, &str) {
    text.split_at(text.find(|c: char| !pred(c)).unwrap_or(text.len()))
}
