#!/usr/bin/env python3
"""Derives the compact price table the app embeds from assets/data/prices.csv.

Usage:
    python3 scripts/compact-prices.py

Reads assets/data/prices.csv (written by refresh-data.py) and assets/data/instance-types.csv,
writes assets/data/prices-compact.csv. Same header (`instance_type,os,<region codes>`), same
row order, same prices; only what carries no information is left out:
    - rows for keys that are not instance types the app shows: kept are the types in
      instance-types.csv; dropped are bare family names such as `c7a` and odd keys such
      as `i3p.16xlarge`;
    - 0.0 cells: the source writes 0.0 for "no price known", so they become empty, like
      missing cells;
    - redundant digits: `0.0960` -> `.096`, `2.0` -> `2` (exact decimal rewriting, no
      rounding; the script checks every cell reads back as the same decimal);
    - rows left with no price at all.

Deterministic and standard library only: the same input gives byte-identical output.
"""

from __future__ import annotations

import csv
import io
import sys
from decimal import Decimal, InvalidOperation
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "assets" / "data"
SOURCE = DATA / "prices.csv"
TYPES = DATA / "instance-types.csv"
TARGET = DATA / "prices-compact.csv"


def fail(message: str) -> None:
    """Stops the script with a message a person can act on."""
    sys.exit(f"compact-prices: {message}")


def short(cell: str, where: str) -> str:
    """The shortest exact spelling of a price; empty for missing, zero or negative."""
    if not cell.strip():
        return ""
    try:
        value = Decimal(cell)
    except InvalidOperation:
        fail(f"{where}: {cell!r} is not a number")
    if not value.is_finite() or value <= 0:
        return ""
    text = format(value.normalize(), "f")
    if text.startswith("0."):
        text = text[1:]
    if Decimal(text) != value:
        fail(f"{where}: {cell!r} rewritten as {text!r} is not the same number")
    return text


def keep(name: str, catalog: set[str]) -> bool:
    """True for keys the app shows: the catalog's types."""
    return name in catalog


def compact(rows: list[list[str]], catalog: set[str]) -> str:
    """The compact CSV text of the price rows (header first) for the catalog's types."""
    if not rows or rows[0][:2] != ["instance_type", "os"]:
        fail(f"{SOURCE.name} must start with the header instance_type,os,<regions>")
    header = rows[0]
    out = [header]
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != len(header):
            fail(f"{SOURCE.name} line {number}: {len(row)} fields, the header has {len(header)}")
        if not keep(row[0], catalog):
            continue
        cells = [short(c, f"{SOURCE.name} line {number}, {r}") for c, r in zip(row[2:], header[2:])]
        if any(cells):
            out.append([row[0], row[1], *cells])
    buf = io.StringIO()
    csv.writer(buf, quoting=csv.QUOTE_MINIMAL, lineterminator="\n").writerows(out)
    return buf.getvalue()


def main() -> None:
    with TYPES.open(encoding="utf-8", newline="") as f:
        catalog = {row["instance_type"] for row in csv.DictReader(f)}
    with SOURCE.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    text = compact(rows, catalog)
    temp = TARGET.with_name(f".{TARGET.name}.tmp")
    temp.write_text(text, encoding="utf-8", newline="")
    temp.replace(TARGET)
    print(f"compact-prices: {text.count(chr(10)) - 1} of {len(rows) - 1} rows -> {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
