//! The typed shape of one `aws ec2 describe-instance-types` record (pages are read by
//! `stream.rs`): only the fields the atlas uses,
//! all optional (older API vintages lack `ProcessorInfo.Manufacturer`, `NetworkCards`,
//! `NeuronInfo`), unknown ones skipped, strings borrowed from the input where possible.

use serde::Deserialize;

use super::lenient::{Flag, Num, Text, Words};
use super::shapes::{List, Obj};

/// One instance type as describe-instance-types prints it.
#[derive(Deserialize, Default)]
#[serde(default, rename_all = "PascalCase", bound(deserialize = "'de: 'a"))]
pub(super) struct InstanceTypeInfo<'a> {
    pub(super) instance_type: Text<'a>,
    pub(super) current_generation: Flag,
    pub(super) v_cpu_info: Obj<VCpuInfo>,
    pub(super) memory_info: Obj<MemoryInfo>,
    pub(super) processor_info: Obj<ProcessorInfo<'a>>,
    pub(super) network_info: Obj<NetworkInfo<'a>>,
    pub(super) instance_storage_info: Obj<InstanceStorageInfo<'a>>,
    pub(super) gpu_info: Obj<GpuInfo<'a>>,
    pub(super) inference_accelerator_info: Obj<InferenceAcceleratorInfo<'a>>,
    pub(super) neuron_info: Obj<NeuronInfo<'a>>,
    pub(super) fpga_info: Obj<FpgaInfo<'a>>,
    pub(super) media_accelerator_info: Obj<MediaAcceleratorInfo<'a>>,
    pub(super) ebs_info: Obj<EbsInfo>,
    pub(super) bare_metal: Flag,
    pub(super) burstable_performance_supported: Flag,
}

/// `VCpuInfo`.
#[derive(Deserialize, Default)]
#[serde(default, rename_all = "PascalCase")]
pub(super) struct VCpuInfo {
    pub(super) default_v_cpus: Num,
}

/// `{"SizeInMiB": ...}`, the shape of every `MemoryInfo`.
#[derive(Deserialize, Default)]
#[serde(default, rename_all = "PascalCase")]
pub(super) struct MemoryInfo {
    pub(super) size_in_mi_b: Num,
}

/// `ProcessorInfo`.
#[derive(Deserialize, Default)]
#[serde(default, rename_all = "PascalCase", bound(deserialize = "'de: 'a"))]
pub(super) struct ProcessorInfo<'a> {
    pub(super) supported_architectures: Words<'a>,
    pub(super) sustained_clock_speed_in_ghz: Num,
    pub(super) manufacturer: Text<'a>,
}

/// `NetworkInfo`.
#[derive(Deserialize, Default)]
#[serde(default, rename_all = "PascalCase", bound(deserialize = "'de: 'a"))]
pub(super) struct NetworkInfo<'a> {
    pub(super) network_performance: Text<'a>,
    pub(super) network_cards: List<NetworkCardInfo>,
    pub(super) efa_supported: Flag,
}

/// One of `NetworkInfo.NetworkCards` (newer API versions).
#[derive(Deserialize, Default)]
#[serde(default, rename_all = "PascalCase")]
pub(super) struct NetworkCardInfo {
    pub(super) peak_bandwidth_in_gbps: Num,
    pub(super) baseline_bandwidth_in_gbps: Num,
}

/// `InstanceStorageInfo`.
#[derive(Deserialize, Default)]
#[serde(default, rename_all = "PascalCase", bound(deserialize = "'de: 'a"))]
pub(super) struct InstanceStorageInfo<'a> {
    #[serde(rename = "TotalSizeInGB")]
    pub(super) total_size_in_gb: Num,
    pub(super) disks: List<DiskInfo<'a>>,
    pub(super) nvme_support: Text<'a>,
}

/// One of `InstanceStorageInfo.Disks`.
#[derive(Deserialize, Default)]
#[serde(default, rename_all = "PascalCase", bound(deserialize = "'de: 'a"))]
pub(super) struct DiskInfo<'a> {
    pub(super) count: Num,
    #[serde(rename = "SizeInGB")]
    pub(super) size_in_gb: Num,
    #[serde(rename = "Type")]
    pub(super) kind: Text<'a>,
}

/// A GPU, accelerator, Neuron device or FPGA entry: a count, memory, maker and name each
/// (and, for a GPU, the share of one it is when less than whole).
#[derive(Deserialize, Default)]
#[serde(default, rename_all = "PascalCase", bound(deserialize = "'de: 'a"))]
pub(super) struct DeviceInfo<'a> {
    pub(super) count: Num,
    pub(super) memory_info: Obj<MemoryInfo>,
    pub(super) manufacturer: Text<'a>,
    pub(super) name: Text<'a>,
    pub(super) gpu_partition_size: Num,
}

/// `GpuInfo`.
#[derive(Deserialize, Default)]
#[serde(default, rename_all = "PascalCase", bound(deserialize = "'de: 'a"))]
pub(super) struct GpuInfo<'a> {
    pub(super) gpus: List<DeviceInfo<'a>>,
    pub(super) total_gpu_memory_in_mi_b: Num,
}

/// `InferenceAcceleratorInfo`.
#[derive(Deserialize, Default)]
#[serde(default, rename_all = "PascalCase", bound(deserialize = "'de: 'a"))]
pub(super) struct InferenceAcceleratorInfo<'a> {
    pub(super) accelerators: List<DeviceInfo<'a>>,
    pub(super) total_inference_memory_in_mi_b: Num,
}

/// `NeuronInfo` (Inferentia2 and Trainium, newer API versions).
#[derive(Deserialize, Default)]
#[serde(default, rename_all = "PascalCase", bound(deserialize = "'de: 'a"))]
pub(super) struct NeuronInfo<'a> {
    pub(super) neuron_devices: List<DeviceInfo<'a>>,
    pub(super) total_neuron_device_memory_in_mi_b: Num,
}

/// `FpgaInfo`.
#[derive(Deserialize, Default)]
#[serde(default, rename_all = "PascalCase", bound(deserialize = "'de: 'a"))]
pub(super) struct FpgaInfo<'a> {
    pub(super) fpgas: List<DeviceInfo<'a>>,
}

/// `MediaAcceleratorInfo` (video transcoding cards, newer API versions).
#[derive(Deserialize, Default)]
#[serde(default, rename_all = "PascalCase", bound(deserialize = "'de: 'a"))]
pub(super) struct MediaAcceleratorInfo<'a> {
    pub(super) accelerators: List<DeviceInfo<'a>>,
}

/// `EbsInfo`.
#[derive(Deserialize, Default)]
#[serde(default, rename_all = "PascalCase")]
pub(super) struct EbsInfo {
    pub(super) ebs_optimized_info: Obj<EbsOptimizedInfo>,
}

/// `EbsInfo.EbsOptimizedInfo`.
#[derive(Deserialize, Default)]
#[serde(default, rename_all = "PascalCase")]
pub(super) struct EbsOptimizedInfo {
    pub(super) maximum_bandwidth_in_mbps: Num,
    pub(super) baseline_bandwidth_in_mbps: Num,
}
