// The built-in catalogue for `make bench`: assets/data/instance-types.csv read into records,
// as JSON for the comparison pages and as a 10x CSV (the same rows under new family names)
// to load into the atlas as a person would.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const CSV = fileURLToPath(new URL('../../assets/data/instance-types.csv', import.meta.url));

/**
 * The category of a name, by the atlas's one rule (`Category::from_decoded` in
 * crates/model/src/instance.rs): the series letters before the generation decide.
 */
function categoryOf(name) {
  const family = name.split('.')[0];
  const series = family.match(/^[a-z]+/)?.[0] ?? '';
  const generation = Number(family.slice(series.length).match(/^\d+/)?.[0]);
  if (['c', 'cc', 'hpc'].includes(series)) return 'compute';
  if (['r', 'x', 'u', 'z', 'cr'].includes(series) || (series === 'm' && generation === 2)) return 'memory';
  if (['i', 'd', 'h', 'im', 'is', 'hi', 'hs'].includes(series)) return 'storage';
  if (['p', 'g', 'gr', 'f', 'inf', 'trn', 'dl', 'vt', 'cg'].includes(series)) return 'accelerated';
  return 'general';
}

/** Splits CSV text into rows of fields (quoted fields may hold commas, quotes and newlines). */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field), rows.push(row), (row = []), (field = '');
    } else field += c;
  }
  if (field !== '' || row.length) row.push(field), rows.push(row);
  return rows;
}

const quote = (field) => (/[",\n\r]/.test(field) ? `"${field.replaceAll('"', '""')}"` : field);

/** The built-in CSV: its header and rows. */
export async function builtinRows() {
  const [header, ...rows] = parseCsv(await readFile(CSV, 'utf8')).filter((r) => r.length > 1);
  return { header, rows };
}

/**
 * What the comparison pages draw: one record per type with vCPU and memory known, sorted by
 * family and then along its sizes (memory, then vCPU).
 */
export async function anchorCatalogue() {
  const { header, rows } = await builtinRows();
  const at = (name) => header.indexOf(name);
  const [name, vcpu, memory] = ['instance_type', 'vcpu', 'memory'].map(at);
  return rows
    .map((r) => ({
      name: r[name],
      family: r[name].split('.')[0],
      category: categoryOf(r[name]),
      vcpu: Number(r[vcpu]),
      memory: Number.parseFloat(r[memory].replace(/,/g, '')),
    }))
    .filter((t) => t.vcpu > 0 && t.memory > 0)
    .sort((a, b) => a.family.localeCompare(b.family) || a.memory - b.memory || a.vcpu - b.vcpu);
}

/**
 * The first `base` built-in rows `times` over in the atlas's own CSV columns, each copy under
 * its own family names: copy k puts the digit k after the generation (`m5ad.large` ->
 * `m53ad.large`, `u-6tb1.112xlarge` -> `u-63tb1.112xlarge`), so families multiply and every
 * name differs. `base` is 810, the catalogue's size when these figures were first taken:
 * 8,100 types at 10x, inside the import budget of 10,000 (ten times today's 1,424 is not).
 */
export async function multipliedCsv(times = 10, base = 810) {
  const { header, rows: all } = await builtinRows();
  const rows = all.slice(0, base);
  const name = header.indexOf('instance_type');
  const lines = [header.map(quote).join(',')];
  for (let k = 0; k < times; k++) {
    for (const row of rows) {
      const copy = [...row];
      copy[name] = row[name].replace(/\d+/, (digits) => `${digits}${k}`);
      lines.push(copy.map(quote).join(','));
    }
  }
  return { buffer: Buffer.from(`${lines.join('\n')}\n`), count: lines.length - 1 };
}
