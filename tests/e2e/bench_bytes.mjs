// `make bench`, where the bytes are: each WebAssembly file in dist/ split by section (code,
// data, the rest), with each part's gzip -9 size on its own, the number of functions and
// the largest data segments. Node standard library only. By hand:
// `node tests/e2e/bench_bytes.mjs [dist]`.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const SECTIONS = { 0: 'custom', 1: 'type', 2: 'import', 3: 'function', 4: 'table', 5: 'memory', 6: 'global', 7: 'export', 8: 'start', 9: 'element', 10: 'code', 11: 'data', 12: 'data count' };

/** Reads an unsigned LEB128 at `at`: [value, next offset]. */
function leb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if (byte < 0x80) return [value, at];
  }
}

/** The sections of a wasm module: [{name, bytes}], plus the function count and data segments. */
export function sections(bytes) {
  const out = [];
  let functions = 0;
  const segments = [];
  for (let at = 8; at < bytes.length; ) {
    const id = bytes[at];
    const [size, start] = leb(bytes, at + 1);
    const body = bytes.subarray(start, start + size);
    out.push({ name: SECTIONS[id] ?? `section ${id}`, bytes: body });
    if (id === 10) functions = leb(body, 0)[0];
    if (id === 11) {
      let [count, p] = leb(body, 0);
      for (let i = 0; i < count; i++) {
        const [kind, q] = leb(body, p);
        p = q;
        if (kind === 0) {
          // an active segment: an i32.const offset expression ending in 0x0b, then the bytes
          while (body[p] !== 0x0b) p++;
          p++;
        } else if (kind === 2) {
          p = leb(body, p)[1];
          while (body[p] !== 0x0b) p++;
          p++;
        }
        const [length, r] = leb(body, p);
        segments.push(body.subarray(r, r + length));
        p = r + length;
      }
    }
    at = start + size;
  }
  return { sections: out, functions, segments };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const gz = (b) => gzipSync(b, { level: 9 }).length;

/** Prints the split of every .wasm in `dist`. */
export async function printBytes(dist) {
  for (const file of (await readdir(dist)).filter((f) => f.endsWith('.wasm')).sort()) {
    const bytes = await readFile(join(dist, file));
    const { sections: parts, functions, segments } = sections(bytes);
    const merged = new Map();
    for (const { name, bytes: b } of parts) {
      const key = ['code', 'data'].includes(name) ? name : 'the rest (types, imports, tables, exports, ...)';
      merged.set(key, [...(merged.get(key) ?? []), b]);
    }
    console.log(`  ${file}: ${kb(bytes.length)} raw, ${kb(gz(bytes))} gzip -9, ${functions} functions`);
    for (const [name, list] of merged) {
      const joined = Buffer.concat(list);
      console.log(`    ${name.padEnd(48)} ${kb(joined.length).padStart(9)} raw ${kb(gz(joined)).padStart(9)} gzip alone`);
    }
    const largest = segments.map((s) => ({ raw: s.length, gzip: gz(s), head: Buffer.from(s.subarray(0, 40)).toString('latin1').replace(/[^\x20-\x7e]/g, '.') }))
      .sort((a, b) => b.gzip - a.gzip).slice(0, 4);
    for (const s of largest) console.log(`      data segment ${kb(s.raw).padStart(9)} raw ${kb(s.gzip).padStart(9)} gzip: ${s.head}`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await printBytes(process.argv[2] ?? fileURLToPath(new URL('../../dist/', import.meta.url)));
}
