//! One instance type in the wire text: its name, one hexadecimal word of flags and small
//! enums ([`Bits`]), then its numbers and texts, each in its own [`Column`]. A label that
//! reads just as its number would be written ("16 GiB", "Up to 10 Gigabit", "2 x 900 NVMe
//! SSD") is left out and written again on reading, as is a family and size that are the
//! name's two halves; the encoder only leaves out what reads back the same.

use crate::instance::{Architecture, Category, Details, InstanceType, Vendor};
use crate::quantity::{Clock, EbsThroughput, LocalStorage, Network, StorageKind};
use crate::text::Quoted;

use super::tokens::{Column, Reader, Writer};

const VENDORS: [Vendor; 4] = [Vendor::Intel, Vendor::Amd, Vendor::Graviton, Vendor::Other];
const ARCHITECTURES: [Architecture; 2] = [Architecture::X86_64, Architecture::Arm64];
const STORAGE_KINDS: [StorageKind; 3] = [StorageKind::Nvme, StorageKind::Ssd, StorageKind::Hdd];

/// The flags of one type, each a bit of the word after its name.
#[derive(Clone, Copy)]
enum Flag {
    Clock,
    ClockUpTo,
    NetworkUpTo,
    Storage,
    Ebs,
    EbsUpTo,
    CurrentGeneration,
    GpuModel,
    BareMetal,
    Burstable,
    Efa,
    Retired,
    /// Family and size are the parts of the name around its first dot.
    SplitName,
    MemoryLabel,
    ClockLabel,
    NetworkLabel,
    StorageLabel,
    EbsLabel,
}

/// Where the small enums sit in the word, above the flags: (first bit, bits).
const CATEGORY_BITS: (u32, u32) = (18, 3);
const VENDOR_BITS: (u32, u32) = (21, 2);
const ARCHITECTURE_BITS: (u32, u32) = (23, 1);
const STORAGE_KIND_BITS: (u32, u32) = (24, 2);

/// The word of flags and small enums of one type.
#[derive(Default)]
struct Bits(u32);

impl Bits {
    fn set(&mut self, flag: Flag, on: bool) {
        self.0 |= u32::from(on) << flag as u32;
    }

    fn has(&self, flag: Flag) -> bool {
        self.0 & (1 << flag as u32) != 0
    }

    fn put(&mut self, (first, _): (u32, u32), index: usize) {
        // Every table above has at most 8 entries: the cast is exact.
        self.0 |= (index as u32) << first;
    }

    fn pick<T: Copy>(
        &self,
        (first, width): (u32, u32),
        all: &[T],
        what: &str,
    ) -> Result<T, String> {
        let index = (self.0 >> first) & ((1 << width) - 1);
        all.get(index as usize)
            .copied()
            .ok_or_else(|| format!("unknown {what} {index}"))
    }
}

fn index_of<T: PartialEq>(all: &[T], value: &T) -> usize {
    all.iter().position(|v| v == value).unwrap_or(0)
}

/// A label made of the numbers as the text writes them (`16` -> `16 GiB`), after
/// "Up to " for a burst figure. Both sides build labels this way, the reader from the
/// tokens themselves, so reading formats no float.
fn spelled(up_to: bool, parts: &[&str]) -> String {
    let prefix = if up_to { "Up to " } else { "" };
    let mut label =
        String::with_capacity(prefix.len() + parts.iter().map(|p| p.len()).sum::<usize>());
    label.push_str(prefix);
    for part in parts {
        label.push_str(part);
    }
    label
}

fn memory_label(gib: &str) -> String {
    spelled(false, &[gib, " GiB"])
}

fn clock_label(ghz: &str, up_to: bool) -> String {
    spelled(up_to, &[ghz, " GHz"])
}

fn network_label(gbps: Option<&str>, up_to: bool) -> String {
    gbps.map_or_else(String::new, |g| spelled(up_to, &[g, " Gigabit"]))
}

fn storage_label(disks: &str, disk_gb: &str, kind: StorageKind) -> String {
    let kind = match kind {
        StorageKind::Nvme => "NVMe SSD",
        StorageKind::Ssd => "SSD",
        StorageKind::Hdd => "HDD",
    };
    spelled(false, &[disks, " x ", disk_gb, " ", kind])
}

fn ebs_label(mbps: &str, up_to: bool) -> String {
    spelled(up_to, &[mbps, " Mbps"])
}

/// Writes `label` to `column` unless `flag` says it reads as its number.
fn label(w: &mut Writer, column: Column, bits: &Bits, flag: Flag, label: &str) {
    if !bits.has(flag) {
        w.at(column).text(label);
    }
}

/// Reads a label from `column`, or writes it again from its number when `flag` says so.
fn read_label(
    r: &mut Reader,
    column: Column,
    bits: &Bits,
    flag: Flag,
    derive: impl FnOnce() -> String,
) -> Result<String, String> {
    if bits.has(flag) {
        Ok(derive())
    } else {
        r.at(column).text()
    }
}

/// The word for `t`.
fn bits_of(t: &InstanceType) -> Bits {
    let d = &t.details;
    let mut bits = Bits::default();
    // Each number as the writer spells it, which is what a reader's label is made of.
    let written = |x: f64| x.to_string();
    let split = t.name.split_once('.');
    let split_name = split == Some((t.family.as_str(), t.size.as_str()));
    bits.set(Flag::SplitName, split_name);
    let memory = memory_label(&written(t.memory_gib));
    bits.set(Flag::MemoryLabel, t.memory_label == memory);
    if let Some(c) = &t.clock {
        bits.set(Flag::Clock, true);
        bits.set(Flag::ClockUpTo, c.up_to);
        let clock = clock_label(&written(c.ghz), c.up_to);
        bits.set(Flag::ClockLabel, c.label == clock);
    }
    let n = &t.network;
    bits.set(Flag::NetworkUpTo, n.up_to);
    let network = network_label(n.gbps.map(written).as_deref(), n.up_to);
    bits.set(Flag::NetworkLabel, n.label == network);
    if let Some(s) = &t.storage {
        bits.set(Flag::Storage, true);
        let storage = storage_label(&s.disks.to_string(), &written(s.disk_gb), s.kind);
        bits.set(Flag::StorageLabel, s.label == storage);
        bits.put(STORAGE_KIND_BITS, index_of(&STORAGE_KINDS, &s.kind));
    }
    if let Some(e) = &t.ebs {
        bits.set(Flag::Ebs, true);
        bits.set(Flag::EbsUpTo, e.up_to);
        let ebs = ebs_label(&written(e.mbps), e.up_to);
        bits.set(Flag::EbsLabel, e.label == ebs);
    }
    bits.set(Flag::CurrentGeneration, t.current_generation);
    bits.set(Flag::GpuModel, d.gpu_model.is_some());
    bits.set(Flag::BareMetal, d.bare_metal);
    bits.set(Flag::Burstable, d.burstable);
    bits.set(Flag::Efa, d.efa);
    bits.set(Flag::Retired, d.retired);
    bits.put(CATEGORY_BITS, index_of(&Category::ALL, &t.category));
    bits.put(VENDOR_BITS, index_of(&VENDORS, &t.vendor));
    bits.put(ARCHITECTURE_BITS, index_of(&ARCHITECTURES, &t.architecture));
    bits
}

/// Writes one instance type.
pub(super) fn write(w: &mut Writer, t: &InstanceType) {
    let bits = bits_of(t);
    w.at(Column::Name).text(&t.name);
    w.at(Column::Bits).hex(bits.0);
    if !bits.has(Flag::SplitName) {
        w.at(Column::Parts).text(&t.family);
        w.at(Column::Parts).text(&t.size);
    }
    w.at(Column::Vcpu).number(t.vcpu);
    w.at(Column::Memory).number(t.memory_gib);
    label(
        w,
        Column::MemoryLabel,
        &bits,
        Flag::MemoryLabel,
        &t.memory_label,
    );
    if let Some(c) = &t.clock {
        w.at(Column::Clock).number(c.ghz);
        label(w, Column::ClockLabel, &bits, Flag::ClockLabel, &c.label);
    }
    w.at(Column::Processor).text(&t.processor);
    w.at(Column::Network).maybe(t.network.gbps);
    label(
        w,
        Column::NetworkLabel,
        &bits,
        Flag::NetworkLabel,
        &t.network.label,
    );
    if let Some(s) = &t.storage {
        w.at(Column::Disks).number(s.disks);
        w.at(Column::DiskSize).number(s.disk_gb);
        label(w, Column::StorageLabel, &bits, Flag::StorageLabel, &s.label);
    }
    w.at(Column::Gpus).number(t.gpus);
    w.at(Column::GpuMemory).maybe(t.gpu_memory_gib);
    if let Some(e) = &t.ebs {
        w.at(Column::Ebs).number(e.mbps);
        label(w, Column::EbsLabel, &bits, Flag::EbsLabel, &e.label);
    }
    let d = &t.details;
    if let Some(model) = &d.gpu_model {
        w.at(Column::GpuModel).text(model);
    }
    w.at(Column::GpuFraction).maybe(d.gpu_fraction);
    w.at(Column::Accelerators).list(&d.accelerators);
    w.at(Column::EbsBaseline).maybe(d.ebs_baseline_mbps);
    w.at(Column::Offered).maybe_hex(d.offered);
}

/// Reads one instance type as [`write`] wrote it. Kept out of line, so that the browser
/// can compile it optimised after its first calls while the loop over types goes on.
#[inline(never)]
pub(super) fn read(r: &mut Reader) -> Result<InstanceType, String> {
    let name = r.at(Column::Name).text()?;
    let bits = Bits(r.at(Column::Bits).hex()?);
    let (family, size) = match (bits.has(Flag::SplitName), name.split_once('.')) {
        (true, Some((family, size))) => (family.to_owned(), size.to_owned()),
        (true, None) => return Err(format!("{} has no dot to split at", Quoted(&name))),
        (false, _) => (r.at(Column::Parts).text()?, r.at(Column::Parts).text()?),
    };
    let vcpu = r.at(Column::Vcpu).number()?;
    let (memory_gib, gib) = r.at(Column::Memory).figure()?;
    let derive = || memory_label(gib);
    let memory_label = read_label(r, Column::MemoryLabel, &bits, Flag::MemoryLabel, derive)?;
    let clock = match bits.has(Flag::Clock) {
        true => {
            let (ghz, written) = r.at(Column::Clock).figure()?;
            let up_to = bits.has(Flag::ClockUpTo);
            let derive = || clock_label(written, up_to);
            let label = read_label(r, Column::ClockLabel, &bits, Flag::ClockLabel, derive)?;
            Some(Clock { ghz, up_to, label })
        }
        false => None,
    };
    let processor = r.at(Column::Processor).text()?;
    let (gbps, up_to) = (
        r.at(Column::Network).maybe_figure()?,
        bits.has(Flag::NetworkUpTo),
    );
    let derive = || network_label(gbps.map(|(_, written)| written), up_to);
    let label = read_label(r, Column::NetworkLabel, &bits, Flag::NetworkLabel, derive)?;
    let gbps = gbps.map(|(value, _)| value);
    let network = Network { gbps, up_to, label };
    let storage = match bits.has(Flag::Storage) {
        true => {
            let count = r.at(Column::Disks).raw()?;
            let disks = count
                .parse()
                .map_err(|_| format!("{} is not a number", Quoted(count)))?;
            let (disk_gb, size) = r.at(Column::DiskSize).figure()?;
            let kind = bits.pick(STORAGE_KIND_BITS, &STORAGE_KINDS, "storage kind")?;
            let derive = || storage_label(count, size, kind);
            let label = read_label(r, Column::StorageLabel, &bits, Flag::StorageLabel, derive)?;
            Some(LocalStorage {
                disks,
                disk_gb,
                kind,
                label,
            })
        }
        false => None,
    };
    let gpus = r.at(Column::Gpus).number()?;
    let gpu_memory_gib = r.at(Column::GpuMemory).maybe_decimal()?;
    let ebs = match bits.has(Flag::Ebs) {
        true => {
            let (mbps, written) = r.at(Column::Ebs).figure()?;
            let up_to = bits.has(Flag::EbsUpTo);
            let derive = || ebs_label(written, up_to);
            let label = read_label(r, Column::EbsLabel, &bits, Flag::EbsLabel, derive)?;
            Some(EbsThroughput { mbps, up_to, label })
        }
        false => None,
    };
    let gpu_model = match bits.has(Flag::GpuModel) {
        true => Some(r.at(Column::GpuModel).text()?),
        false => None,
    };
    let details = Details {
        gpu_model,
        gpu_fraction: r.at(Column::GpuFraction).maybe_decimal()?,
        accelerators: r.at(Column::Accelerators).list()?,
        ebs_baseline_mbps: r.at(Column::EbsBaseline).maybe_decimal()?,
        bare_metal: bits.has(Flag::BareMetal),
        burstable: bits.has(Flag::Burstable),
        efa: bits.has(Flag::Efa),
        retired: bits.has(Flag::Retired),
        offered: r.at(Column::Offered).maybe_hex()?,
    };
    Ok(InstanceType {
        name,
        family,
        size,
        category: bits.pick(CATEGORY_BITS, &Category::ALL, "category")?,
        vcpu,
        memory_gib,
        memory_label,
        clock,
        processor,
        vendor: bits.pick(VENDOR_BITS, &VENDORS, "vendor")?,
        architecture: bits.pick(ARCHITECTURE_BITS, &ARCHITECTURES, "architecture")?,
        network,
        storage,
        gpus,
        gpu_memory_gib,
        ebs,
        current_generation: bits.has(Flag::CurrentGeneration),
        details,
    })
}
