//! `aws ec2 describe-instance-types` JSON read into instance types: one reader per shape
//! (pages, an array of pages, a bare array, one record) and the mapping of a typed record
//! (`describe_schema.rs`) to a draft. The output has no category at all: it is derived from
//! the name (see [`super::category_from_name`]), or from accelerators when there are any.

use crate::instance::{Details, Vendor};
use crate::quantity::{LocalStorage, Network};

use serde::de::{DeserializeSeed, IgnoredAny};

use super::describe_schema::{
    DeviceInfo, InstanceStorageInfo, InstanceTypeInfo, MemoryInfo, NetworkInfo,
};
use super::fields::{
    accelerator_gib, architecture_of, clock_ghz, disks, ebs_mbps, network_text, show, whole,
    MAX_NETWORK_GBPS,
};
use super::record::Draft;
use super::report::{Builder, Place};
use super::shapes::{Entry, List};
use super::stream::{Page, Pages, Records};
use super::{json_error, Format, ImportError};

/// The format these readers produce.
const FORMAT: Format = Format::DescribeInstanceTypes;

/// Reads one page, or several pages one after another (`{...}{...}` or on separate lines).
/// A first pass finds where each page ends (and any syntax error, with its true line); then
/// each page's records are read one at a time.
pub(crate) fn read_pages(text: &str, builder: &mut Builder) -> Result<Format, ImportError> {
    let mut pages = serde_json::Deserializer::from_str(text).into_iter::<IgnoredAny>();
    let mut start = 0;
    let mut number = 0;
    while let Some(page) = pages.next() {
        page.map_err(json_error(FORMAT))?;
        let end = pages.byte_offset();
        number += 1;
        let records = Records::new(&mut *builder, add);
        let seed = Page::<InstanceTypeInfo> { number, records };
        let mut reader = serde_json::Deserializer::from_str(&text[start..end]);
        seed.deserialize(&mut reader)
            .map_err(|e| shifted(json_error(FORMAT)(e), &text[..start]))?;
        start = end;
    }
    Ok(FORMAT)
}

/// An error found in a page that starts after `before`, placed in the whole file.
fn shifted(error: ImportError, before: &str) -> ImportError {
    let lines = before.matches('\n').count();
    let columns = before.len() - before.rfind('\n').map_or(0, |i| i + 1);
    let shift = |line: &mut usize, column: &mut usize| {
        if *line == 1 {
            *column += columns;
        }
        *line += lines;
    };
    match error {
        ImportError::UnexpectedJson {
            format,
            mut line,
            mut column,
            message,
        } => {
            shift(&mut line, &mut column);
            ImportError::UnexpectedJson {
                format,
                line,
                column,
                message,
            }
        }
        ImportError::MalformedJson {
            mut line,
            mut column,
            message,
        } => {
            shift(&mut line, &mut column);
            ImportError::MalformedJson {
                line,
                column,
                message,
            }
        }
        other => other,
    }
}

/// Reads an array of pages, one record at a time.
pub(crate) fn read_page_array(text: &str, builder: &mut Builder) -> Result<Format, ImportError> {
    let mut reader = serde_json::Deserializer::from_str(text);
    Pages(Records::<InstanceTypeInfo>::new(builder, add))
        .deserialize(&mut reader)
        .and_then(|()| reader.end())
        .map_err(json_error(FORMAT))?;
    Ok(FORMAT)
}

/// Reads a bare array of records, one at a time.
pub(crate) fn read_array(text: &str, builder: &mut Builder) -> Result<Format, ImportError> {
    let mut reader = serde_json::Deserializer::from_str(text);
    Records::<InstanceTypeInfo>::new(builder, add)
        .deserialize(&mut reader)
        .and_then(|()| reader.end())
        .map_err(json_error(FORMAT))?;
    Ok(FORMAT)
}

/// Reads a single record.
pub(crate) fn read_record(text: &str, builder: &mut Builder) -> Result<Format, ImportError> {
    let mut reader = serde_json::Deserializer::from_str(text);
    Records::<InstanceTypeInfo>::new(builder, add)
        .one(&mut reader)
        .and_then(|()| reader.end())
        .map_err(json_error(FORMAT))?;
    Ok(FORMAT)
}

/// Hands the n-th record to the builder.
fn add(builder: &mut Builder, n: usize, record: &Entry<InstanceTypeInfo<'_>>) {
    match record {
        Entry::Object(record) => {
            let name = record.instance_type.get().unwrap_or("");
            builder.add(Place::Record(n), name, || draft(record));
        }
        Entry::Other(found) => {
            builder.skip(format!("record {n}: {found}, not an instance type object"));
        }
    }
}

/// A `MemoryInfo` size in MiB.
fn mib(info: Option<&MemoryInfo>, what: &str) -> Result<Option<f64>, String> {
    info.map_or(Ok(None), |m| m.size_in_mi_b.number(what))
}

/// Total count and memory (MiB, when every entry gives it) of a device list.
fn devices(list: Option<&List<DeviceInfo<'_>>>, what: &str) -> Result<(u32, Option<f64>), String> {
    let (mut count, mut memory) = (0u32, Some(0.0));
    for device in list.map_or(&[][..], |l| l.0.as_slice()) {
        let n = whole(what, device.count.number(what)?, 4096)?;
        count = count.saturating_add(n);
        if count > 4096 {
            return Err(format!("{what} {count} is more than 4096"));
        }
        let each = mib(device.memory_info.get(), "device memory")?;
        memory = memory
            .zip(each)
            .map(|(total, each)| total + f64::from(n) * each);
    }
    Ok((count, memory.filter(|m| *m > 0.0)))
}

/// Builds a draft from one record.
fn draft(r: &InstanceTypeInfo<'_>) -> Result<Draft, String> {
    let vcpu = r.v_cpu_info.get();
    let vcpu = vcpu.map_or(Ok(None), |v| v.default_v_cpus.number("vCPU"))?;
    let memory_gib = mib(r.memory_info.get(), "memory")?.map(|m| m / 1024.0);
    let p = r.processor_info.get();
    let manufacturer = p.and_then(|p| p.manufacturer.get());
    let clock = p.map_or(Ok(None), |p| p.sustained_clock_speed_in_ghz.number("clock"))?;
    let clock = clock.map_or(Ok(None), clock_ghz)?;

    let gpu = r.gpu_info.get();
    let (gpus, gpu_mib) = devices(gpu.map(|g| &g.gpus), "GPU count")?;
    let gpu_total = gpu.map_or(Ok(None), |g| {
        g.total_gpu_memory_in_mi_b.number("GPU memory")
    })?;
    let neuron = r.neuron_info.get();
    let (chips, chip_mib) = devices(neuron.map(|n| &n.neuron_devices), "Neuron count")?;
    let chip_total = neuron.map_or(Ok(None), |n| {
        n.total_neuron_device_memory_in_mi_b.number("Neuron memory")
    })?;
    let inference = r.inference_accelerator_info.get();
    let (accelerators, acc_mib) = devices(inference.map(|i| &i.accelerators), "accelerator count")?;
    let acc_total = inference.map_or(Ok(None), |i| {
        i.total_inference_memory_in_mi_b
            .number("accelerator memory")
    })?;
    let fpgas = devices(r.fpga_info.get().map(|f| &f.fpgas), "FPGA count")?.0;
    let accelerator_mib = [gpu_total, gpu_mib, chip_total, chip_mib, acc_total, acc_mib];
    let accelerator_mib = accelerator_mib.into_iter().flatten().find(|m| *m != 0.0);

    let ebs = r.ebs_info.get().and_then(|e| e.ebs_optimized_info.get());
    let ebs = match ebs {
        Some(e) => ebs_mbps(
            e.maximum_bandwidth_in_mbps.number("EBS bandwidth")?,
            e.baseline_bandwidth_in_mbps.number("EBS bandwidth")?,
        )?,
        None => None,
    };
    Ok(Draft {
        vcpu,
        memory_gib,
        accelerated: [gpus, chips, accelerators, fpgas].iter().any(|n| *n > 0),
        clock,
        processor: manufacturer.map(str::to_owned),
        vendor: manufacturer.map(vendor_of),
        architecture: p.and_then(|p| architecture_of(&p.supported_architectures)),
        network: network(r.network_info.get())?,
        storage: storage(r.instance_storage_info.get())?,
        gpus,
        gpu_memory_gib: accelerator_gib(accelerator_mib.map(|m| m / 1024.0))?,
        ebs,
        current_generation: r.current_generation.0,
        details: details(r)?,
        ..Draft::default()
    })
}

/// The API's further facts, by the rules `scripts/refresh-data.py` writes the built-in data
/// with (see `assets/data/PROVENANCE.md`): GPU maker and model, the share of one GPU below
/// 1, other accelerators as `count x maker name`, the EBS baseline where below the maximum,
/// bare metal, burstable and EFA.
fn details(r: &InstanceTypeInfo<'_>) -> Result<Details, String> {
    let gpus = r.gpu_info.get().map_or(&[][..], |g| g.gpus.0.as_slice());
    let mut models: Vec<String> = gpus.iter().filter_map(device_name).collect();
    models.sort();
    models.dedup();
    let mut fraction: Option<f64> = None;
    for gpu in gpus {
        if let Some(part) = gpu.gpu_partition_size.number("GPU partition size")? {
            fraction = Some(fraction.map_or(part, |f| f.min(part)));
        }
    }
    let neuron = r.neuron_info.get();
    let mut accelerators = Vec::new();
    for chip in neuron.map_or(&[][..], |n| n.neuron_devices.0.as_slice()) {
        let name = chip.name.get().unwrap_or("Neuron");
        accelerators.push(format!("{} x AWS {name}", count(chip)?));
    }
    if neuron.is_none() {
        let inference = r.inference_accelerator_info.get();
        for chip in inference.map_or(&[][..], |i| i.accelerators.0.as_slice()) {
            accelerators.push(counted(chip)?);
        }
    }
    let fpgas = r.fpga_info.get().map_or(&[][..], |f| f.fpgas.0.as_slice());
    let media = r.media_accelerator_info.get();
    let media = media.map_or(&[][..], |m| m.accelerators.0.as_slice());
    for device in fpgas.iter().chain(media) {
        accelerators.push(counted(device)?);
    }
    let ebs = r.ebs_info.get().and_then(|e| e.ebs_optimized_info.get());
    let ebs_baseline_mbps = match ebs {
        Some(e) => {
            let base = e.baseline_bandwidth_in_mbps.number("EBS baseline")?;
            let top = e.maximum_bandwidth_in_mbps.number("EBS bandwidth")?;
            base.filter(|b| top.is_some_and(|t| b < &t))
        }
        None => None,
    };
    let flag = |f: &super::lenient::Flag| f.0 == Some(true);
    Ok(Details {
        gpu_model: (!models.is_empty()).then(|| models.join(" + ")),
        gpu_fraction: fraction.filter(|f| *f > 0.0 && *f < 1.0),
        accelerators,
        ebs_baseline_mbps,
        bare_metal: flag(&r.bare_metal),
        burstable: flag(&r.burstable_performance_supported),
        efa: r.network_info.get().is_some_and(|n| flag(&n.efa_supported)),
        ..Details::default()
    })
}

/// A device's maker and name (`NVIDIA H200`), when it gives a name.
fn device_name(device: &DeviceInfo<'_>) -> Option<String> {
    let name = device.name.get()?;
    Some(match device.manufacturer.get() {
        Some(maker) if !name.starts_with(maker) => format!("{maker} {name}"),
        _ => name.to_owned(),
    })
}

/// A device's count, checked.
fn count(device: &DeviceInfo<'_>) -> Result<u32, String> {
    whole(
        "accelerator count",
        device.count.number("accelerator count")?,
        4096,
    )
}

/// `count x maker name` of an accelerator (`1 x Xilinx U30`).
fn counted(device: &DeviceInfo<'_>) -> Result<String, String> {
    let name = device_name(device).unwrap_or_else(|| "accelerator".to_owned());
    Ok(format!("{} x {name}", count(device)?))
}

/// The vendor a `ProcessorInfo.Manufacturer` names (`Intel`, `AMD`, `AWS`).
fn vendor_of(manufacturer: &str) -> Vendor {
    match manufacturer.trim().to_ascii_lowercase().as_str() {
        "aws" | "amazon" | "amazon web services" => Vendor::Graviton,
        other => Vendor::from_processor(other),
    }
}

/// `NetworkPerformance`, with the `NetworkCards` bandwidth as its number where they give one.
fn network(info: Option<&NetworkInfo<'_>>) -> Result<Option<Network>, String> {
    let Some(info) = info else {
        return Ok(None);
    };
    let said = info
        .network_performance
        .get()
        .map_or(Ok(None), network_text)?;
    let (mut peak, mut baseline) = (0.0, 0.0);
    for card in &info.network_cards.0 {
        let base = card
            .baseline_bandwidth_in_gbps
            .number("network bandwidth")?;
        let top = card
            .peak_bandwidth_in_gbps
            .number("network bandwidth")?
            .or(base);
        peak += top.unwrap_or(0.0);
        baseline += base.or(top).unwrap_or(0.0);
    }
    if !(peak.is_finite() && (0.0..=MAX_NETWORK_GBPS).contains(&peak)) {
        return Err(format!(
            "network bandwidth {} Gbps is out of range",
            show(peak)
        ));
    }
    let from_cards = (peak > 0.0).then_some(peak);
    // The cards' sum is the number, as in the built-in data: the label rounds it
    // ("3.12 Gigabit" for 3.125) or has none ("Moderate").
    Ok(match said {
        Some(n) => Some(Network {
            gbps: from_cards.or(n.gbps),
            ..n
        }),
        None => from_cards.map(|gbps| Network {
            gbps: Some(gbps),
            up_to: baseline < gbps,
            label: format!("{} Gigabit", show(gbps)),
        }),
    })
}

/// `InstanceStorageInfo`: the first disk entry, NVMe when `NvmeSupport` says so.
fn storage(info: Option<&InstanceStorageInfo<'_>>) -> Result<Option<LocalStorage>, String> {
    let Some(info) = info else {
        return Ok(None);
    };
    let nvme = info
        .nvme_support
        .get()
        .is_some_and(|s| s.eq_ignore_ascii_case("required") || s.eq_ignore_ascii_case("supported"));
    let (count, size, kind) = match info.disks.0.first() {
        Some(d) => {
            let count = d.count.number("disk count")?.unwrap_or(1.0);
            (count, d.size_in_gb.number("disk size")?, d.kind.get())
        }
        None => (1.0, info.total_size_in_gb.number("storage size")?, None),
    };
    let Some(size) = size.filter(|s| *s != 0.0) else {
        return Ok(None);
    };
    let kind = match kind {
        Some(k) if k.eq_ignore_ascii_case("hdd") => "HDD",
        _ if nvme => "NVMe SSD",
        _ => "SSD",
    };
    disks(count, size, kind)
}
