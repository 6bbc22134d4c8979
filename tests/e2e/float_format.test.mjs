// The WebAssembly carries no float formatting of core's (Grisu, Dragon and their tables,
// about 9.5 KB gzip): every float is written by atlas_model::decimal. A `{}` or `{:?}` on an
// f64 anywhere in the page's code, or a plotters path that writes one, brings it back.
//
// It reads the module as cargo wrote it, before wasm-bindgen and wasm-opt drop the names:
// `make dist` builds the embed page last, so that is the one left in target/ (it shares the
// model, the canvas and the chart code with the page).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { sections } from './bench_bytes.mjs';

const BUILT = new URL('../../target/wasm32-unknown-unknown/release/instance-atlas.wasm', import.meta.url);

/** Reads an unsigned LEB128 at `at`: [value, next offset]. */
function leb(bytes, at) {
  let value = 0;
  for (let shift = 0; ; shift += 7) {
    const byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    if (byte < 0x80) return [value, at];
  }
}

/** The function names of a module's `name` section. */
function functionNames(bytes) {
  const names = [];
  for (const { name, bytes: body } of sections(bytes).sections) {
    if (name !== 'custom') continue;
    const [length, start] = leb(body, 0);
    if (Buffer.from(body.subarray(start, start + length)).toString() !== 'name') continue;
    for (let at = start + length; at < body.length; ) {
      const kind = body[at];
      const [size, from] = leb(body, at + 1);
      if (kind === 1) {
        let [count, p] = leb(body, from);
        for (; count > 0; count--) {
          [, p] = leb(body, p);
          const [n, q] = leb(body, p);
          names.push(Buffer.from(body.subarray(q, q + n)).toString());
          p = q + n;
        }
      }
      at = from + size;
    }
  }
  return names;
}

test("the embed page links none of core's float formatting", async () => {
  const names = functionNames(await readFile(BUILT));
  assert.ok(names.length > 1000, `${BUILT.pathname} has its names (${names.length} functions)`);
  assert.ok(names.some((n) => n.includes('FamiliesChart')), 'it is the app');
  assert.ok(!names.some((n) => n.includes('DecoderView')), 'it is the embed page, the last one built');
  const float = names.filter((n) => /flt2dec|float_to_decimal|fmt5float|core\.\.fmt\.\.float/.test(n));
  assert.deepEqual(float, [], 'write floats with atlas_model::decimal (shortest, fixed, Shortest)');
});
