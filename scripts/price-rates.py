#!/usr/bin/env python3
"""Encodes assets/data/prices.csv as the per-family rate table the app embeds.

Usage:
    python3 scripts/price-rates.py

Reads assets/data/prices.csv (written by refresh-data.py) and assets/data/instance-types.csv,
writes assets/data/prices-rates.csv. AWS prices the sizes of a family in proportion to their
vCPUs within a region, and RHEL, RHEL HA, SUSE and Windows cost the Linux price plus a licence
fee that depends on the vCPUs. So instead of one cell per (type, OS, region) the file holds,
per family, per OS and per region, a few rates and which size uses which:

    regions,<region codes>                 the columns of every OS line
    fees,<os>,<vcpu>:<usd>,...             per OS but Linux: the usual licence fee by vCPUs
    <family>,<size>:<vcpu>,...             a family: its sizes (those in the price list) in order
    <os>,<field per region>                one line per OS the family has prices for, Linux first

A field is empty when no size of the family has a cell for that OS in that region. Otherwise
it is a pattern with one letter per size (trailing `-` left out), then the classes' tokens:
    `-` no cell in the source, `0` the source says 0.0 (no price known),
    `a`..`i` the n-th token: `=<usd>` an exact price, or `<rate>[+<offset>][~<d>]`:
        round_half_up(rate * vcpu + offset, d decimals), d = 3 unless written;
    `L` / `K` / `J`: the Linux price of the same size and region plus the OS's fee for its
        vCPUs (the `fees` line), exact / rounded to 3 / to 2 decimals;
    `S` `T` `U` `D` `E` `I` `F` `G` `H` (SCALED): the family's standard price for the size
        (what the first token of its Linux field gives) times 1, 1.1 or 1.06, plus the OS's
        fee (none on Linux), rounded to 6, 3 or 4 decimals: the source mixes in
        dedicated-tenancy and other SKUs at those factors.
A rate is chosen so that rounding reproduces the source figure exactly: for each size the
rates that round to its price form an interval; the rate is the shortest decimal in the
intersection of the most intervals (the sizes whose price deviates go to another class).
Every cell is decoded again here with the same integer arithmetic as the app
(`crates/model/src/prices/rates.rs`) and compared with the source before anything is written.

Deterministic and standard library only: the same input gives byte-identical output.
"""

from __future__ import annotations

import collections
import csv
import io
import sys
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "assets" / "data"
SOURCE = DATA / "prices.csv"
TYPES = DATA / "instance-types.csv"
TARGET = DATA / "prices-rates.csv"

OS_ORDER = ["linux", "windows", "rhel", "rhel-ha", "suse"]
CLASS_LETTERS = "abcdefghi"
# Linux-relative classes: letter -> decimals the sum is rounded to.
RELATIVE = {"L": 6, "K": 3, "J": 2}
DEFAULT_DECIMALS = 3
# How many of an OS's most common fees (above Linux) a rate class may add as its offset.
OFFSETS_PER_OS = 2


def fail(message: str) -> None:
    """Stops the script with a message a person can act on."""
    sys.exit(f"price-rates: {message} (nothing was written)")


def micros(cell: str, where: str) -> int | None:
    """A source cell as micro-dollars; None when the cell is empty."""
    if not cell.strip():
        return None
    try:
        value = Decimal(cell)
    except InvalidOperation:
        fail(f"{where}: {cell!r} is not a number")
    scaled = value * 1_000_000
    if not value.is_finite() or value < 0 or scaled != scaled.to_integral_value():
        fail(f"{where}: {cell!r} is not a price with at most six decimals")
    return int(scaled)


def decimals(value: int) -> int:
    """How many decimals a micro-dollar amount needs (0.0960 -> 3)."""
    places = 6
    while places and value % 10 == 0:
        value //= 10
        places -= 1
    return places


def usd(value: int) -> str:
    """Micro-dollars as the shortest decimal text: 96000 -> .096, 2000000 -> 2."""
    text = format(Decimal(value).scaleb(-6).normalize(), "f")
    return text[1:] if text.startswith("0.") else text


def rounded(rate: int, scale: int, vcpu: int, offset: int, places: int) -> int:
    """round_half_up(rate / 10^scale * vcpu + offset micro-dollars, places) in micro-dollars;
    the same integer arithmetic as the app's decoder."""
    top = max(scale, 6)
    x = rate * vcpu * 10 ** (top - scale) + offset * 10 ** (top - 6)
    unit = 10 ** (top - places)
    return (2 * x + unit) // (2 * unit) * 10 ** (6 - places)


def round_micros(value: int, places: int) -> int:
    """Micro-dollars rounded half up to `places` decimals."""
    unit = 10 ** (6 - places)
    return (2 * value + unit) // (2 * unit) * unit


def best_class(cells: list[tuple[int, int, int]], offsets: list[int]):
    """The (count, offset, places, low, high, sizes) that covers the most cells: cells are
    (size index, vcpu, micros); a rate r covers a cell when rounding r * vcpu + offset to
    `places` decimals gives its price, i.e. r lies in an interval; the most intervals that
    overlap are found by trying each interval's lower end."""
    best = None
    for offset in offsets:
        for places in range(0, 7):
            unit = 10 ** (6 - places)
            spans = [(Fraction(2 * (m - offset) - unit, 2 * v), Fraction(2 * (m - offset) + unit, 2 * v), i)
                     for i, v, m in cells if decimals(m) <= places and m > offset]
            for low, _, _ in spans:
                inside = [s for s in spans if s[0] <= low < s[1]]
                if best is None or len(inside) > best[0]:
                    best = (len(inside), offset, places, max(s[0] for s in inside),
                            min(s[1] for s in inside), [s[2] for s in inside])
    return best


def shortest_rate(low: Fraction, high: Fraction) -> tuple[int, int]:
    """The decimal rate / 10^scale USD with the fewest digits in [low, high) micro-dollars."""
    for scale in range(0, 13):
        rate = -(-low * 10 ** scale // 1_000_000)
        if Fraction(rate * 1_000_000, 10 ** scale) < high:
            return int(rate), scale
    fail(f"no rate with at most 12 decimals between {low} and {high} micro-dollars")
    return 0, 0


def class_token(cells, offsets) -> tuple[str, list[int]]:
    """The token of the class that covers the most cells, and the sizes it covers."""
    count, offset, places, low, high, sizes = best_class(cells, offsets)
    if count == 1:
        index = sizes[0]
        return "=" + usd(next(m for i, _, m in cells if i == index)), sizes
    rate, scale = shortest_rate(low, high)
    token = format(Decimal(rate).scaleb(-scale), "f").removeprefix("0")
    if offset:
        token += "+" + usd(offset)
    if places != DEFAULT_DECIMALS:
        token += f"~{places}"
    for index, vcpu, m in cells:
        if index in sizes and rounded(rate, scale, vcpu, offset, places) != m:
            fail(f"internal: rate {token} does not give back {usd(m)} for {vcpu} vCPUs")
    return token, sizes


def fee_tables(prices: dict, vcpus: dict) -> dict[str, dict[int, int]]:
    """Per OS but Linux, the most common fee above the Linux price by vCPUs (exact cells)."""
    tables = {}
    for os_name in OS_ORDER[1:]:
        fees = collections.defaultdict(collections.Counter)
        for (name, os_), cells in sorted(prices.items()):
            if os_ != os_name:
                continue
            linux = prices.get((name, "linux"), [])
            for cell, base in zip(cells, linux):
                if cell and base and cell > base and decimals(cell) >= 4:
                    fees[vcpus[name]][cell - base] += 1
        tables[os_name] = {v: counts.most_common(1)[0][0] for v, counts in sorted(fees.items())}
    return tables


def common_offsets(prices: dict, os_name: str) -> list[int]:
    """0 and the OS's most common fees above Linux, the offsets a rate class may add."""
    counts = collections.Counter()
    for (name, os_), cells in sorted(prices.items()):
        if os_ == os_name and os_name != "linux":
            for cell, base in zip(cells, prices.get((name, "linux"), [])):
                if cell and base and cell > base and decimals(cell - base) <= 4:
                    counts[cell - base] += 1
    return [0] + [fee for fee, _ in counts.most_common(OFFSETS_PER_OS)]


def field(sizes, os_name, column, prices, vcpus, fees, offsets, linux_field="") -> str:
    """The encoded field of one family, OS and region."""
    pattern, cells = [], []
    for index, name in enumerate(sizes):
        row = prices.get((name, os_name))
        cell = row[column] if row else None
        if cell is None:
            pattern.append("-")
        elif cell == 0:
            pattern.append("0")
        else:
            pattern.append("?")
            cells.append((index, vcpus[name], cell))
    if all(p == "-" for p in pattern):
        return ""
    if os_name != "linux":
        left = []
        for index, vcpu, cell in cells:
            base = (prices.get((sizes[index], "linux")) or [None] * (column + 1))[column]
            fee = fees[os_name].get(vcpu)
            letter = None
            if fee is not None:
                letter = scaled_letter(standard_price(linux_field, vcpu), fee, cell)
            if not letter and base and fee is not None:
                letter = next((k for k, places in RELATIVE.items()
                               if round_micros(base + fee, places) == cell), None)
            if letter:
                pattern[index] = letter
            else:
                left.append((index, vcpu, cell))
        cells = left
    tokens = []
    while cells:
        if len(tokens) == len(CLASS_LETTERS):
            fail(f"{sizes[0]}: more than {len(CLASS_LETTERS)} price classes in one region")
        token, covered = class_token(cells, offsets)
        for index in covered:
            pattern[index] = CLASS_LETTERS[len(tokens)]
        tokens.append(token)
        cells = [c for c in cells if c[0] not in covered]
        if os_name == "linux" and len(tokens) == 1:
            left = []
            for index, vcpu, cell in cells:
                letter = scaled_letter(standard_price(f"- {token}", vcpu), 0, cell)
                if letter and letter not in "ST":
                    pattern[index] = letter
                else:
                    left.append((index, vcpu, cell))
            cells = left
    return " ".join(["".join(pattern).rstrip("-"), *tokens])


# Letters for a price scaled from the family's standard price: the first class of its Linux
# field (the price AWS's rate gives) times a factor in hundredths (1.1 and 1.06 are the
# dedicated-tenancy and other SKUs the source mixes in), rounded to micro-dollars, plus the
# OS's fee, rounded to `places` decimals.
SCALED = {"S": (100, 6), "T": (100, 3), "D": (110, 6), "E": (110, 3), "F": (106, 6),
          "G": (106, 3), "H": (106, 4), "I": (110, 4), "U": (100, 4)}


def scaled(standard: int, factor: int, fee: int, places: int) -> int:
    """round(round(standard * factor / 100, micro-dollars) + fee, places decimals)."""
    return round_micros((2 * standard * factor + 100) // 200 + fee, places)


def scaled_letter(standard: int | None, fee: int, cell: int) -> str | None:
    """The first SCALED letter that gives `cell` from `standard`, if any."""
    if not standard:
        return None
    return next((k for k, (factor, places) in SCALED.items()
                 if scaled(standard, factor, fee, places) == cell), None)



def standard_price(linux_field: str, vcpu: int) -> int | None:
    """What the first class of the family's Linux field gives for `vcpu` vCPUs."""
    parts = linux_field.split(" ")
    if len(parts) < 2 or parts[1].startswith("="):
        return None
    return token_price(parts[1], vcpu)


def encode(rows: list[list[str]], vcpus: dict[str, int]) -> str:
    """The rate table text of the price rows (header first) for the catalog's types."""
    if not rows or rows[0][:2] != ["instance_type", "os"]:
        fail(f"{SOURCE.name} must start with the header instance_type,os,<regions>")
    header = rows[0]
    regions = header[2:]
    prices: dict[tuple[str, str], list[int | None]] = {}
    for number, row in enumerate(rows[1:], start=2):
        if len(row) != len(header):
            fail(f"{SOURCE.name} line {number}: {len(row)} fields, the header has {len(header)}")
        if row[1] not in OS_ORDER:
            fail(f"{SOURCE.name} line {number}: os {row[1]!r} is not one of {OS_ORDER}")
        if row[0] in vcpus:
            prices[(row[0], row[1])] = [micros(c, f"{SOURCE.name} line {number}, {r}")
                                        for c, r in zip(row[2:], regions)]
    fees = fee_tables(prices, vcpus)
    offsets = {os_name: common_offsets(prices, os_name) for os_name in OS_ORDER}
    families = collections.defaultdict(set)
    for name, _ in prices:
        families[name.split(".")[0]].add(name)
    out = [["regions", *regions]]
    for os_name, table in fees.items():
        out.append(["fees", os_name, *(f"{v}:{usd(fee)}" for v, fee in table.items())])
    for family in sorted(families):
        sizes = sorted(families[family], key=lambda n: (vcpus[n], n))
        out.append([family, *(f"{n.split('.', 1)[1]}:{vcpus[n]}" for n in sizes)])
        linux = [""] * len(regions)
        for os_name in OS_ORDER:
            if any((n, os_name) in prices for n in sizes):
                fields = [field(sizes, os_name, column, prices, vcpus, fees, offsets[os_name],
                                linux[column] if os_name != "linux" else "")
                          for column in range(len(regions))]
                if os_name == "linux":
                    linux = fields
                out.append([os_name, *fields])
    buf = io.StringIO()
    csv.writer(buf, quoting=csv.QUOTE_MINIMAL, lineterminator="\n").writerows(out)
    text = buf.getvalue()
    check(text, prices, regions)
    return text


def decode(text: str) -> dict[tuple[str, str], list[int | None]]:
    """Reads a rate table back into cells (the app's rules), to check the encoding."""
    rows = list(csv.reader(io.StringIO(text)))
    regions = rows[0][1:]
    fees: dict[str, dict[int, int]] = {}
    cells: dict[tuple[str, str], list[int | None]] = {}
    sizes: list[tuple[str, int]] = []
    linux: list[list[str]] = [[""]] * len(regions)
    for row in rows[1:]:
        if row[0] == "fees":
            fees[row[1]] = {int(v): micros(f, "fees") for v, f in (x.split(":") for x in row[2:])}
        elif row[0] not in OS_ORDER:
            linux = [["", ""]] * len(regions)
            family = row[0]
            sizes = [(f"{family}.{s.split(':')[0]}", int(s.split(":")[1])) for s in row[1:]]
        else:
            os_name = row[0]
            if os_name == "linux":
                linux = [f.split(" ") + [""] for f in row[1:]]
            for name, _ in sizes:
                cells[(name, os_name)] = [None] * len(regions)
            for column, text_field in enumerate(row[1:]):
                if not text_field:
                    continue
                pattern, *tokens = text_field.split(" ")
                for index, letter in enumerate(pattern):
                    name, vcpu = sizes[index]
                    if letter == "-":
                        continue
                    if letter == "0":
                        value = 0
                    elif letter in RELATIVE:
                        base = cells[(name, "linux")][column]
                        value = round_micros(base + fees[os_name][vcpu], RELATIVE[letter])
                    elif letter in SCALED:
                        first = tokens[0] if os_name == "linux" else linux[column][1]
                        fee = fees[os_name][vcpu] if os_name != "linux" else 0
                        value = scaled(token_price(first, vcpu), *SCALED[letter][:1], fee,
                                       SCALED[letter][1])
                    else:
                        value = token_price(tokens[CLASS_LETTERS.index(letter)], vcpu)
                    cells[(name, os_name)][column] = value
    return cells


def token_price(token: str, vcpu: int) -> int:
    """The price a class token gives for `vcpu` vCPUs, in micro-dollars."""
    if token.startswith("="):
        return micros(token[1:], "token")
    places = DEFAULT_DECIMALS
    if "~" in token:
        token, places_text = token.split("~")
        places = int(places_text)
    offset = 0
    if "+" in token:
        token, offset_text = token.split("+")
        offset = micros(offset_text, "token")
    whole, _, fraction = token.partition(".")
    return rounded(int(whole + fraction or "0"), len(fraction), vcpu, offset, places)


def check(text: str, prices: dict, regions: list[str]) -> None:
    """Fails unless the encoded text decodes to exactly the source's cells."""
    decoded = decode(text)
    for key, cells in prices.items():
        got = decoded.get(key, [None] * len(regions))
        for column, (want, have) in enumerate(zip(cells, got)):
            if want != have:
                fail(f"internal: {key[0]} {key[1]} {regions[column]} decodes as {have}, "
                     f"the source says {want}")
    extra = set(decoded) - set(prices)
    if any(any(c is not None for c in decoded[k]) for k in extra):
        fail(f"internal: the encoding holds cells the source lacks: {sorted(extra)[:3]}")


def main() -> None:
    with TYPES.open(encoding="utf-8", newline="") as f:
        vcpus = {row["instance_type"]: int(row["vcpu"]) for row in csv.DictReader(f)}
    with SOURCE.open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    text = encode(rows, vcpus)
    temp = TARGET.with_name(f".{TARGET.name}.tmp")
    temp.write_text(text, encoding="utf-8", newline="")
    temp.replace(TARGET)
    print(f"price-rates: {len(rows) - 1} rows -> {TARGET.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
