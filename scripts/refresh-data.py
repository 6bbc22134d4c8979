#!/usr/bin/env python3
"""Refreshes the embedded EC2 dataset from the pinned PyPI package apache-libcloud.

Usage:
    python3 scripts/refresh-data.py             # downloads the wheel with pip
    python3 scripts/refresh-data.py --wheel W   # uses an already downloaded wheel

Writes, under assets/data/:
    instance-types.csv  one row per instance type, the source's own strings verbatim
    prices.csv          on-demand hourly USD per (type, os) and region, as the source wrote it
    PROVENANCE.md       where the data comes from, its dates, counts and checksums

Deterministic: every date written is read from the source, never today's date, so two
runs on the same pinned wheel produce byte-identical files. Standard library only.
"""

from __future__ import annotations

import argparse
import ast
import csv
import datetime as dt
import hashlib
import io
import json
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

PACKAGE = "apache-libcloud"
VERSION = "3.9.1"
WHEEL_NAME = "apache_libcloud-3.9.1-py3-none-any.whl"
WHEEL_SHA256 = "362806efe3602a781afa0b0c8ad2e8963a708c8d5957fb999735c1cc1e0762d2"
TYPES_PATH = "libcloud/compute/constants/ec2_instance_types.py"
PRICING_PATH = "libcloud/data/pricing.json"
METADATA_PATH = f"apache_libcloud-{VERSION}.dist-info/METADATA"

# CSV column -> key under each entry's "extra" in INSTANCE_TYPES.
COLUMNS = [
    ("instance_type", "instanceType"),
    ("instance_family", "instanceFamily"),
    ("vcpu", "vcpu"),
    ("memory", "memory"),
    ("clock_speed", "clockSpeed"),
    ("physical_processor", "physicalProcessor"),
    ("processor_architecture", "processorArchitecture"),
    ("network_performance", "networkPerformance"),
    ("storage", "storage"),
    ("gpu", "gpu"),
    ("gpu_memory", "gpuMemory"),
    ("dedicated_ebs_throughput", "dedicatedEbsThroughput"),
    ("current_generation", "currentGeneration"),
]
PRICE_SECTIONS = [("linux", "ec2_linux"), ("windows", "ec2_windows")]

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "assets" / "data"


def fail(message: str) -> None:
    """Stops the script with a message a person can act on."""
    sys.exit(f"refresh-data: {message}")


def download_wheel(tmpdir: Path) -> Path:
    """Downloads the pinned wheel with pip into tmpdir and returns its path."""
    cmd = [
        sys.executable, "-m", "pip", "download", f"{PACKAGE}=={VERSION}",
        "--no-deps", "--only-binary=:all:", "--disable-pip-version-check", "-d", str(tmpdir),
    ]
    result = subprocess.run(cmd, stdout=sys.stderr, stderr=sys.stderr, check=False)
    if result.returncode != 0:
        fail(f"`{' '.join(cmd)}` failed (exit {result.returncode}); is PyPI reachable?")
    wheel = tmpdir / WHEEL_NAME
    if not wheel.is_file():
        fail(f"pip did not produce {WHEEL_NAME} in {tmpdir}")
    return wheel


def load_instance_types(source: str) -> dict:
    """Reads the INSTANCE_TYPES dict literal without executing the module."""
    for node in ast.parse(source).body:
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "INSTANCE_TYPES" for t in node.targets
        ):
            return ast.literal_eval(node.value)
    fail(f"{TYPES_PATH} has no INSTANCE_TYPES assignment")
    return {}


def csv_text(rows: list[list[str]]) -> str:
    """Renders rows as CSV with minimal quoting and \\n line endings."""
    buf = io.StringIO()
    writer = csv.writer(buf, quoting=csv.QUOTE_MINIMAL, lineterminator="\n")
    writer.writerows(rows)
    return buf.getvalue()


def instance_rows(types: dict) -> list[list[str]]:
    """One row per instance type, sorted by name, the source's strings verbatim."""
    rows = [[name for name, _ in COLUMNS]]
    for name in sorted(types):
        extra = types[name].get("extra", {})
        if extra.get("instanceType", name) != name:
            fail(f"{name}: extra.instanceType says {extra['instanceType']!r}")
        row = [name]
        for column, key in COLUMNS[1:]:
            value = extra.get(key, "")
            if not isinstance(value, str):
                fail(f"{name}: {key} is {value!r}, expected a string")
            row.append(value)
        rows.append(row)
    return rows


def price_rows(compute: dict) -> tuple[list[list[str]], list[str]]:
    """One row per (type, os); cells are the source's number text, empty when missing."""
    regions = sorted({r for _, key in PRICE_SECTIONS for prices in compute[key].values()
                      for r in prices})
    rows = [["instance_type", "os", *regions]]
    keyed = []
    for os_name, key in PRICE_SECTIONS:
        for name, prices in compute[key].items():
            keyed.append(((name, os_name), [prices.get(r, "") for r in regions]))
    for (name, os_name), cells in sorted(keyed):
        rows.append([name, os_name, *cells])
    return rows, regions


def release_date(wheel: zipfile.ZipFile) -> str:
    """The wheel's build date: the timestamp of its METADATA entry (METADATA has no date)."""
    year, month, day, *_ = wheel.getinfo(METADATA_PATH).date_time
    return dt.date(year, month, day).isoformat()


def provenance(sha256: str, built: str, updated: int, counts: dict, regions: list[str]) -> str:
    """The PROVENANCE.md text."""
    updated_iso = dt.datetime.fromtimestamp(updated, dt.timezone.utc).strftime("%Y-%m-%d")
    return f"""# Provenance of the embedded EC2 dataset

Generated by `scripts/refresh-data.py`; do not edit these files by hand.

## Source
- PyPI package **{PACKAGE} {VERSION}** (`{WHEEL_NAME}`),
  sha256 `{sha256}`.
- `{TYPES_PATH}`: the `INSTANCE_TYPES` dict
  (specs per instance type, under each entry's `extra`), scraped by libcloud's
  `contrib/scrape-ec2-sizes.py` from the AWS Price List.
- `{PRICING_PATH}`: `compute.ec2_linux` and `compute.ec2_windows`, on-demand hourly USD
  per instance type and region, extracted by libcloud from the AWS Price List.
- Licence: Apache-2.0 (Apache Software Foundation; the wheel carries LICENSE and NOTICE).

## Dates
- Package build date: {built}, the timestamp of `{METADATA_PATH}` inside the
  wheel (the metadata has no release-date field; PyPI shows the upload date).
- Prices updated: {updated_iso} (`pricing.json` field `updated` = {updated}, UTC).
- Refresh date: the data is as of the dates above. The script writes only dates read from
  the source, never today's date, so rerunning it on the pinned wheel gives byte-identical
  files.

## Files
| file | rows (without header) | content |
|---|---|---|
| `instance-types.csv` | {counts['types']} | one row per instance type, sorted by name; the source's strings verbatim; a missing key is an empty cell |
| `prices.csv` | {counts['prices']} ({counts['linux']} linux, {counts['windows']} windows) | `instance_type,os`, then {len(regions)} region codes; hourly USD exactly as written in the source, empty when missing |
| `prices-compact.csv` | (see `scripts/compact-prices.py`) | what the app embeds: the rows of `prices.csv` for the types above and their `.metal` sizes, `0.0` written as empty (no price known), numbers without redundant digits; the same values |

## Notes on the source
- `instance-types.csv` has no `.metal` sizes: the libcloud list has none.
- `prices.csv` has {counts['price_only']} price keys that are not in `instance-types.csv`:
  {counts['metal']} `.metal` sizes, {counts['bare']} bare family names such as `c7a` (no size;
  kept as the source has them) and {counts['other']} other size(s): {counts['others']}.
- {counts['zeros']} price cells are `0.0` in the source; they are kept as written, not
  read as "free" or "missing".

## Refresh
```sh
python3 scripts/refresh-data.py
```
It runs `pip download {PACKAGE}=={VERSION} --no-deps -d <tmpdir>`, checks the wheel's
sha256, and reads the two files above from the wheel with `zipfile`. To move to a newer
release, change `VERSION`, `WHEEL_NAME` and `WHEEL_SHA256` at the top of the script.
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--wheel", type=Path, help="use this wheel instead of downloading it")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        wheel_path = args.wheel or download_wheel(Path(tmp))
        blob = wheel_path.read_bytes()
        sha256 = hashlib.sha256(blob).hexdigest()
        if sha256 != WHEEL_SHA256:
            fail(f"{wheel_path} has sha256 {sha256}, expected the pinned {WHEEL_SHA256}")
        with zipfile.ZipFile(io.BytesIO(blob)) as wheel:
            types_source = wheel.read(TYPES_PATH).decode("utf-8")
            # Keep every number as the text the source wrote.
            pricing = json.loads(wheel.read(PRICING_PATH), parse_float=str, parse_int=str)
            built = release_date(wheel)

    types = load_instance_types(types_source)
    rows = instance_rows(types)
    prices, regions = price_rows(pricing["compute"])
    counts = {
        "types": len(rows) - 1,
        "prices": len(prices) - 1,
        "linux": sum(1 for r in prices[1:] if r[1] == "linux"),
        "windows": sum(1 for r in prices[1:] if r[1] == "windows"),
        "zeros": sum(1 for r in prices[1:] for cell in r[2:] if cell and float(cell) == 0.0),
    }
    price_only = {r[0] for r in prices[1:]} - set(types)
    counts["price_only"] = len(price_only)
    counts["metal"] = sum(1 for name in price_only if name.split(".")[-1].startswith("metal"))
    counts["bare"] = sum(1 for name in price_only if "." not in name)
    others = sorted(n for n in price_only if "." in n and not n.split(".")[-1].startswith("metal"))
    counts["other"] = len(others)
    counts["others"] = ", ".join(f"`{n}`" for n in others)

    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "instance-types.csv").write_text(csv_text(rows), encoding="utf-8", newline="")
    (OUT / "prices.csv").write_text(csv_text(prices), encoding="utf-8", newline="")
    text = provenance(sha256, built, int(pricing["updated"]), counts, regions)
    (OUT / "PROVENANCE.md").write_text(text, encoding="utf-8", newline="")
    print(f"refresh-data: {counts['types']} instance types, {counts['prices']} price rows "
          f"({len(regions)} regions) written to {OUT.relative_to(ROOT)}", file=sys.stderr)
    # The app embeds the compact form of the price table (same numbers, fewer bytes).
    subprocess.run([sys.executable, str(ROOT / "scripts" / "compact-prices.py")], check=True)


if __name__ == "__main__":
    main()
