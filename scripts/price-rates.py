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
    other-fees,<os>,<vcpu>:<usd>,...       the next most common fee (SUSE's older 0.1, RHEL's
                                           rounded fees), where OTHER_FEE_CELLS cells have it
    rates,<token>,...                      every rate token, in the order the patterns use them
    prices,<usd>,...                       every exact price, in the order the patterns use them
    <family>,<size>:<vcpu>,...             a family: its sizes (those in the price list) in order
    <os>,<pattern per region>              one line per OS the family has prices for, Linux first

A pattern is empty when no size of the family has a cell for that OS in that region.
Otherwise it has one letter per size, and a pattern shorter than the family repeats its last
letter to the end (`a` prices every size at the first rate, `a0S-` is `a0SS--` for six):
    `-` no cell in the source, `0` the source says 0.0 (no price known),
    `=` the next price of the `prices` line, exactly (a price no other size shares a rate with);
    `a`..`i` the field's n-th rate token: a field with letters up to the n-th takes the next n
        tokens of the `rates` line; `<rate>[+<offset>][~<d>]` gives
        round_half_up(rate * vcpu + offset, d decimals), d = 3 unless written;
    `L` / `K` / `J`: the Linux price of the same size and region plus the OS's fee for its
        vCPUs (the `fees` line), exact / rounded to 3 / to 2 decimals;
    `B`: the Linux price of the same size and region (a bring-your-own-licence SKU);
    `M` / `N`: the Linux price plus the OS's other fee (`other-fees`), exact / to 3 decimals;
    `S` `T` `U` `D` `E` `I` `F` `G` `H` (SCALED): the family's standard price for the size
        (what the first rate token of its Linux field gives) times 1, 1.1 or 1.06, plus the
        OS's fee (none on Linux), rounded to 6, 3 or 4 decimals: the source mixes in
        dedicated-tenancy and other SKUs at those factors.
Most cells fit several letters; each field takes, step by step, the letter or new rate that
covers the most of its cells still open (so a field reads `S`, not `SLLSL`), and the tokens
and exact prices stand in lines of their own, apart from the letters: both make the text
compress better (gzip -9: 55 KB for five systems, where the Linux and Windows table alone
took 60.7 KB).
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
# The next price of the `prices` line (a price no other size of the field shares a rate with).
EXACT = "="
# Linux-relative letters: letter -> decimals the Linux price plus the usual fee is rounded to.
RELATIVE = {"L": 6, "K": 3, "J": 2}
# The Linux price itself: a bring-your-own-licence SKU of a licensed system.
BYOL = "B"
# The Linux price plus the OS's other fee (`other-fees`), exact / rounded to 3 decimals.
OTHER = {"M": 6, "N": 3}
# How many cells a fee must have to be an OS's other fee for a vCPU count.
OTHER_FEE_CELLS = 5
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


def class_token(cells, best) -> tuple[str, list[int]]:
    """The token of the class `best` (what best_class found for `cells`), and the sizes it
    covers."""
    _, offset, places, low, high, sizes = best
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


def fee_counts(prices: dict, vcpus: dict, os_name: str, keep) -> dict[int, collections.Counter]:
    """Per vCPU count, how often each fee above the Linux price occurs in the cells of
    `os_name` that `keep(vcpu, cell, fee)` accepts."""
    counts = collections.defaultdict(collections.Counter)
    for (name, os_), cells in sorted(prices.items()):
        if os_ != os_name:
            continue
        for cell, base in zip(cells, prices.get((name, "linux"), [])):
            if cell and base and cell > base and keep(vcpus[name], cell, cell - base):
                counts[vcpus[name]][cell - base] += 1
    return counts


def fee_tables(prices: dict, vcpus: dict) -> dict[str, dict[int, int]]:
    """Per OS but Linux, the most common fee above the Linux price by vCPUs (exact cells)."""
    tables = {}
    for os_name in OS_ORDER[1:]:
        fees = fee_counts(prices, vcpus, os_name, lambda _v, cell, _fee: decimals(cell) >= 4)
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


def letter_price(letter: str, os_name: str, vcpu: int, base: int | None,
                 standard: int | None, fees: dict, other_fees: dict) -> int | None:
    """What a free letter gives for a cell (None where it cannot apply): `base` is the Linux
    price of the same size and region, `standard` what the family's standard rate gives."""
    fee = fees.get(os_name, {}).get(vcpu) if os_name != "linux" else 0
    if letter == BYOL:
        return base or None
    if letter in OTHER:
        other = other_fees.get(os_name, {}).get(vcpu)
        return round_micros(base + other, OTHER[letter]) if base and other is not None else None
    if letter in RELATIVE:
        return round_micros(base + fee, RELATIVE[letter]) if base and fee is not None else None
    if not standard or fee is None:
        return None
    factor, places = SCALED[letter]
    return scaled(standard, factor, fee, places)


def free_letters(os_name: str) -> str:
    """The letters that cost no token, in the order that breaks a tie (Linux has only the
    scaled ones above its standard price)."""
    if os_name == "linux":
        return "".join(k for k, (factor, _) in SCALED.items() if factor != 100)
    return "".join(SCALED) + "".join(RELATIVE) + BYOL + "".join(OTHER)


def field(sizes, os_name, column, prices, vcpus, tables, standard_token):
    """One family, OS and region: (pattern, rate tokens, exact prices, standard token).
    Greedy: each step gives the letter or the new rate class that covers the most cells
    still open (a letter wins a tie: it costs no token); cells no class shares (a class of
    one) become exact prices. On Linux the first class is the standard rate."""
    fees, other_fees, offsets = tables
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
        return "", [], [], None
    tokens: list[str] = []
    exact: list[str] = []

    def cover(letter: str, covered: list[int]) -> list:
        for index in covered:
            pattern[index] = letter
        return [c for c in cells if c[0] not in covered]

    if os_name == "linux" and len(cells) >= 2:
        best = best_class(cells, offsets)
        if best[0] >= 2:
            token, covered = class_token(cells, best)
            tokens.append(token)
            standard_token = token
            cells = cover(CLASS_LETTERS[0], covered)
    letters = free_letters(os_name)
    fits = {}
    for index, vcpu, cell in cells:
        base = (prices.get((sizes[index], "linux")) or [None] * (column + 1))[column]
        standard = token_price(standard_token, vcpu) if standard_token else None
        fits[index] = {k for k in letters
                       if letter_price(k, os_name, vcpu, base, standard, fees, other_fees) == cell}
    while cells:
        counts = collections.Counter(k for c in cells for k in fits[c[0]])
        letter = max(letters, key=lambda k: (counts[k], -letters.index(k)))
        best = best_class(cells, offsets) if len(tokens) < len(CLASS_LETTERS) else None
        shared = best[0] if best and best[0] >= 2 else 0
        if counts[letter] and counts[letter] >= shared:
            cells = cover(letter, [c[0] for c in cells if letter in fits[c[0]]])
        elif shared:
            token, covered = class_token(cells, best)
            cells = cover(CLASS_LETTERS[len(tokens)], covered)
            tokens.append(token)
        else:
            exact.extend(usd(c[2]) for c in cells)
            cells = cover(EXACT, [c[0] for c in cells])
    return shortened("".join(pattern)), tokens, exact, standard_token


def shortened(pattern: str) -> str:
    """The pattern with its last run of one letter written once (the reader repeats a
    pattern's last letter to the family's end): `aaaa` -> `a`, `a0SS--` -> `a0S-`."""
    return pattern.rstrip(pattern[-1]) + pattern[-1]


# Letters for a price scaled from the family's standard price: the first class of its Linux
# field (the price AWS's rate gives) times a factor in hundredths (1.1 and 1.06 are the
# dedicated-tenancy and other SKUs the source mixes in), rounded to micro-dollars, plus the
# OS's fee, rounded to `places` decimals.
SCALED = {"S": (100, 6), "T": (100, 3), "D": (110, 6), "E": (110, 3), "F": (106, 6),
          "G": (106, 3), "H": (106, 4), "I": (110, 4), "U": (100, 4)}


def scaled(standard: int, factor: int, fee: int, places: int) -> int:
    """round(round(standard * factor / 100, micro-dollars) + fee, places decimals)."""
    return round_micros((2 * standard * factor + 100) // 200 + fee, places)


def other_fee_tables(prices: dict, vcpus: dict, fees: dict) -> dict[str, dict[int, int]]:
    """Per OS but Linux, the most common fee above the Linux price by vCPUs after the usual
    one (older or rounded licence prices: SUSE's 0.1), where at least OTHER_FEE_CELLS cells
    have it."""
    tables = {}
    for os_name in OS_ORDER[1:]:
        usual = fees[os_name]
        counts = fee_counts(prices, vcpus, os_name, lambda v, _cell, fee: fee != usual.get(v))
        tables[os_name] = {v: c.most_common(1)[0][0] for v, c in sorted(counts.items())
                           if c.most_common(1)[0][1] >= OTHER_FEE_CELLS}
    return tables


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
    other_fees = other_fee_tables(prices, vcpus, fees)
    offsets = {os_name: common_offsets(prices, os_name) for os_name in OS_ORDER}
    families = collections.defaultdict(set)
    for name, _ in prices:
        families[name.split(".")[0]].add(name)
    body, rates, exact = [], [], []
    for family in sorted(families):
        sizes = sorted(families[family], key=lambda n: (vcpus[n], n))
        body.append([family, *(f"{n.split('.', 1)[1]}:{vcpus[n]}" for n in sizes)])
        standards: list[str | None] = [None] * len(regions)
        for os_name in OS_ORDER:
            if not any((n, os_name) in prices for n in sizes):
                continue
            tables = (fees, other_fees, offsets[os_name])
            patterns = []
            for column in range(len(regions)):
                pattern, tokens, prices_here, standard = field(
                    sizes, os_name, column, prices, vcpus, tables, standards[column])
                if os_name == "linux":
                    standards[column] = standard
                patterns.append(pattern)
                rates.extend(tokens)
                exact.extend(prices_here)
            body.append([os_name, *patterns])
    out = [["regions", *regions]]
    for os_name, table in fees.items():
        out.append(["fees", os_name, *(f"{v}:{usd(fee)}" for v, fee in table.items())])
    for os_name, table in other_fees.items():
        if table:
            out.append(["other-fees", os_name, *(f"{v}:{usd(fee)}" for v, fee in table.items())])
    out += [["rates", *rates], ["prices", *exact], *body]
    buf = io.StringIO()
    csv.writer(buf, quoting=csv.QUOTE_MINIMAL, lineterminator="\n").writerows(out)
    text = buf.getvalue()
    check(text, prices, regions)
    return text


def decode(text: str) -> dict[tuple[str, str], list[int | None]]:
    """Reads a rate table back into cells (the app's rules), to check the encoding."""
    rows = list(csv.reader(io.StringIO(text)))
    regions = rows[0][1:]
    tables: dict[str, dict[str, dict[int, int]]] = {"fees": {}, "other-fees": {}}
    cells: dict[tuple[str, str], list[int | None]] = {}
    streams = {"rates": iter(()), "prices": iter(())}
    sizes: list[tuple[str, int]] = []
    standards: list[int | None] = []
    for row in rows[1:]:
        if row[0] in tables:
            tables[row[0]][row[1]] = {int(v): micros(f, row[0])
                                      for v, f in (x.split(":") for x in row[2:])}
        elif row[0] in streams:
            streams[row[0]] = iter(row[1:])
        elif row[0] not in OS_ORDER:
            family = row[0]
            sizes = [(f"{family}.{s.split(':')[0]}", int(s.split(":")[1])) for s in row[1:]]
            standards = [None] * len(regions)
        else:
            os_name = row[0]
            for name, _ in sizes:
                cells[(name, os_name)] = [None] * len(regions)
            for column, pattern in enumerate(row[1:]):
                if pattern:
                    pattern += pattern[-1] * (len(sizes) - len(pattern))
                classes = max((CLASS_LETTERS.index(k) + 1 for k in pattern if k in CLASS_LETTERS),
                              default=0)
                tokens = [next(streams["rates"]) for _ in range(classes)]
                if os_name == "linux":
                    standards[column] = tokens[0] if tokens else None
                for index, letter in enumerate(pattern):
                    name, vcpu = sizes[index]
                    base = cells.get((name, "linux"), [None] * len(regions))[column]
                    if letter == "-":
                        continue
                    if letter == "0":
                        value = 0
                    elif letter == EXACT:
                        value = micros(next(streams["prices"]), "prices")
                    elif letter in CLASS_LETTERS:
                        value = token_price(tokens[CLASS_LETTERS.index(letter)], vcpu)
                    else:
                        standard = standards[column]
                        value = letter_price(letter, os_name, vcpu, base,
                                             token_price(standard, vcpu) if standard else None,
                                             tables["fees"], tables["other-fees"])
                    cells[(name, os_name)][column] = value
    return cells


def token_price(token: str, vcpu: int) -> int:
    """The price a rate token gives for `vcpu` vCPUs, in micro-dollars."""
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
