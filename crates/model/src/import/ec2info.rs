//! ec2instances.info `instances.json` (an array of records, or one record) in any vintage:
//! numbers also written as strings, `vCPU` or `vcpu`, memory in GiB as a number or as
//! "768 GiB", `storage` as an object or `null`, clock as "2.5 GHz", "up to 3.5" or a number.
//! Everything else in a record (prices, regions, ...) is skipped without being built.

use serde::de::DeserializeSeed;
use serde::Deserialize;

use crate::instance::Category;
use crate::quantity::{parse_gpu_memory, parse_memory, LocalStorage};

use super::fields::{
    accelerator_gib, architecture_of, clock_ghz, clock_text, disks, ebs_mbps, network_text, soft,
    whole,
};
use super::lenient::{yes_no, Flag, Num, Text, Words};
use super::record::Draft;
use super::report::{Builder, Place};
use super::shapes::{Entry, Obj};
use super::stream::Records;
use super::{json_error, Format, ImportError};

/// The format these readers produce.
const FORMAT: Format = Format::Ec2InstancesInfo;

/// One record of `instances.json`, only the fields the atlas uses.
#[derive(Deserialize, Default)]
#[serde(default, bound(deserialize = "'de: 'a"))]
struct Instance<'a> {
    instance_type: Text<'a>,
    family: Text<'a>,
    #[serde(rename = "vCPU")]
    vcpu_upper: Num,
    vcpu: Num,
    memory: Num,
    clock_speed_ghz: Num,
    physical_processor: Text<'a>,
    arch: Words<'a>,
    network_performance: Text<'a>,
    storage: Obj<Storage<'a>>,
    #[serde(rename = "GPU")]
    gpu: Num,
    #[serde(rename = "GPU_memory")]
    gpu_memory: Num,
    #[serde(rename = "FPGA")]
    fpga: Num,
    generation: Text<'a>,
    ebs_max_bandwidth: Num,
    ebs_baseline_bandwidth: Num,
}

/// Local disks: `size` is per device, in `size_unit` (GB unless it says TB).
#[derive(Deserialize, Default)]
#[serde(default, bound(deserialize = "'de: 'a"))]
struct Storage<'a> {
    devices: Num,
    size: Num,
    size_unit: Text<'a>,
    nvme_ssd: Flag,
    ssd: Flag,
}

/// Reads an array of records, one at a time.
pub(crate) fn read_array(text: &str, builder: &mut Builder) -> Result<Format, ImportError> {
    let mut reader = serde_json::Deserializer::from_str(text);
    Records::<Instance>::new(builder, add)
        .deserialize(&mut reader)
        .and_then(|()| reader.end())
        .map_err(json_error(FORMAT))?;
    Ok(FORMAT)
}

/// Reads a single record.
pub(crate) fn read_record(text: &str, builder: &mut Builder) -> Result<Format, ImportError> {
    let mut reader = serde_json::Deserializer::from_str(text);
    Records::<Instance>::new(builder, add)
        .one(&mut reader)
        .and_then(|()| reader.end())
        .map_err(json_error(FORMAT))?;
    Ok(FORMAT)
}

/// Hands the n-th record to the builder.
fn add(builder: &mut Builder, n: usize, record: &Entry<Instance<'_>>) {
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

/// Builds a draft from one record.
fn draft(r: &Instance<'_>) -> Result<Draft, String> {
    let vcpu = match r.vcpu_upper.number("vCPU")? {
        Some(x) => Some(x),
        None => r.vcpu.number("vCPU")?,
    };
    let (memory_gib, memory_label) = match &r.memory {
        Num::Text(t) => {
            let gib = parse_memory(t).map_err(|e| format!("memory: {e}"))?;
            (Some(gib), Some(t.clone()))
        }
        other => (other.number("memory")?, None),
    };
    let clock = match &r.clock_speed_ghz {
        Num::Text(t) => clock_text(t)?,
        Num::Number(x) => clock_ghz(*x)?,
        Num::Absent | Num::Other => None,
    };
    let gpu_memory_gib = match &r.gpu_memory {
        Num::Text(t) => soft("GPU memory", parse_gpu_memory(t))?.flatten(),
        other => accelerator_gib(other.number("GPU memory")?)?,
    };
    let gpus = whole("GPU count", r.gpu.number("GPU count")?, 4096)?;
    let fpgas = whole("FPGA count", r.fpga.number("FPGA count")?, 4096)?;
    let ebs = ebs_mbps(
        r.ebs_max_bandwidth.number("EBS bandwidth")?,
        r.ebs_baseline_bandwidth.number("EBS bandwidth")?,
    )?;
    Ok(Draft {
        vcpu,
        memory_gib,
        memory_label,
        category: r.family.get().and_then(Category::from_price_list),
        accelerated: gpus > 0 || fpgas > 0 || gpu_memory_gib.is_some(),
        clock,
        processor: r.physical_processor.get().map(str::to_owned),
        architecture: architecture_of(&r.arch),
        network: r.network_performance.get().map_or(Ok(None), network_text)?,
        storage: storage(r.storage.get())?,
        gpus,
        gpu_memory_gib,
        ebs,
        current_generation: r.generation.get().and_then(yes_no),
        ..Draft::default()
    })
}

/// Local storage from the `storage` object.
fn storage(storage: Option<&Storage<'_>>) -> Result<Option<LocalStorage>, String> {
    let Some(s) = storage else {
        return Ok(None);
    };
    let Some(size) = s.size.number("storage size")?.filter(|x| *x != 0.0) else {
        return Ok(None);
    };
    let terabytes = s
        .size_unit
        .get()
        .is_some_and(|u| u.eq_ignore_ascii_case("TB"));
    let size = if terabytes { size * 1000.0 } else { size };
    let devices = s.devices.number("storage devices")?.unwrap_or(1.0);
    let kind = match (s.nvme_ssd.0, s.ssd.0) {
        (Some(true), _) => "NVMe SSD",
        (_, Some(false)) => "HDD",
        _ => "SSD",
    };
    disks(devices, size, kind)
}
