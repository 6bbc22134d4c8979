// scripts/wasm-names.mjs on a module written here byte by byte, with glue of wasm-bindgen's
// shape: the names change in both files alike, the module still compiles and links, and a
// glue that spells a name another way stops the build instead of shipping half renamed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { shortenNames } from '../../scripts/wasm-names.mjs';

const IMPORT = '__wbg_log_0123456789abcdef';
const EXPORT = 'wasm_bindgen_0123456789abcdef___convert__closures_____invoke_______true_';

const bytes = (...parts) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p) : Buffer.from(p))));
const name = (text) => bytes([text.length], text);
const section = (id, body) => bytes([id, body.length], body);

/** A module importing one function and exporting one and its memory, with a custom section. */
function module() {
  return bytes(
    [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
    section(1, bytes([0x01, 0x60, 0x00, 0x00])), // one type: () -> ()
    section(2, bytes([0x01], name('./app_bg.js'), name(IMPORT), [0x00, 0x00])), // import func, type 0
    section(3, bytes([0x01, 0x00])), // one function of type 0
    section(5, bytes([0x01, 0x00, 0x01])), // one memory, one page
    section(7, bytes([0x02], name(EXPORT), [0x00, 0x01], name('memory'), [0x02, 0x00])),
    section(10, bytes([0x01, 0x04, 0x00, 0x10, 0x00, 0x0b])), // the function calls the import
    section(0, bytes(name('producers'), [0x00])),
  );
}

const glue = (read = `wasm.${EXPORT}()`) => `
function __wbg_get_imports() {
    const import0 = {
        __proto__: null,
        ${IMPORT}: function() { calls.push('log'); },
    };
    return { __proto__: null, "./app_bg.js": import0 };
}
function run(wasm) { ${read}; return wasm.memory.buffer.byteLength; }
`;

test('imports and exports get short names in the module and the glue alike, and still link', async () => {
  const out = shortenNames(module(), glue());
  assert.equal(out.count, 2, 'the import and the closure export; the memory keeps its name');
  const compiled = new WebAssembly.Module(out.wasm);
  assert.deepEqual(WebAssembly.Module.imports(compiled), [{ module: 'a', name: 'a', kind: 'function' }]);
  assert.deepEqual(WebAssembly.Module.exports(compiled).map((e) => e.name), ['a', 'memory']);
  assert.equal(WebAssembly.Module.customSections(compiled, 'producers').length, 0, 'custom sections dropped');
  assert.ok(out.wasm.length < module().length);
  assert.ok(!out.glue.includes(IMPORT) && !out.glue.includes(EXPORT), out.glue);

  // The renamed glue's own imports object links the renamed module, and its export runs.
  const calls = [];
  const make = new Function('calls', `${out.glue}\nreturn { imports: __wbg_get_imports(), run };`);
  const { imports, run } = make(calls);
  const { exports } = await WebAssembly.instantiate(compiled, imports);
  assert.equal(run(exports), 65536);
  assert.deepEqual(calls, ['log']);

  // A module renamed before is left as it is.
  assert.equal(shortenNames(out.wasm, out.glue).count, 0);
});

test('a glue that reads an export another way, or defines an import twice, stops the build', () => {
  assert.throws(() => shortenNames(module(), glue(`wasm["${EXPORT}"]()`)), /still reads/);
  assert.throws(() => shortenNames(module(), glue().replace('__proto__: null,', `__proto__: null, ${IMPORT}: null,`)), /2 times, not once/);
  assert.throws(() => shortenNames(Buffer.from('not wasm'), glue()), /not a WebAssembly module/);
});
