// Short names for what a WebAssembly module and its wasm-bindgen glue call each other by.
// Node 20 standard library only; used by scripts/postbuild.mjs.
//
// wasm-bindgen names every import after the JavaScript it calls plus a 16-digit hash
// (`__wbg_addEventListener_f2d27251d333a631`) and some exports after a Rust path of a
// hundred characters; each name is written twice, in the module's import or export
// section and in the glue, and the hashes do not compress. Renaming them to one or two
// letters in both files, consistently, changes nothing the code does.
//
// The module is rewritten section by section: the import section (id 2) and the export
// section (id 7) get the new names (the imports' module the name `a`; the export `memory`
// keeps its own), the custom sections (id 0: producers, target features) are dropped, and
// every other byte is copied as it is. In the glue an import is the key `name:` of the
// imports object (each written once) and an export is read as `wasm.name`; anything else
// that spells an old name stops the build, so a glue of another shape cannot be half
// renamed.

/** The one module every import comes from, after renaming. */
const MODULE = 'a';

function escapeRe(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Short names: a, b, …, Z, then aa, ab, … (never a JavaScript keyword: two letters at most). */
function* shortNames() {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (const a of letters) yield a;
  for (const a of letters) for (const b of letters) if (!['do', 'if', 'in'].includes(a + b)) yield a + b;
  throw new Error('more than 2,700 names to shorten');
}

class Reader {
  constructor(bytes, at = 0) {
    this.bytes = bytes;
    this.at = at;
  }
  byte() {
    if (this.at >= this.bytes.length) throw new Error('the module ends inside a section');
    return this.bytes[this.at++];
  }
  u32() {
    let value = 0;
    for (let shift = 0; ; shift += 7) {
      const b = this.byte();
      value += (b & 0x7f) * 2 ** shift;
      if (!(b & 0x80)) return value;
      if (shift > 28) throw new Error('a LEB128 number longer than 32 bits');
    }
  }
  name() {
    const length = this.u32();
    const text = Buffer.from(this.bytes.subarray(this.at, this.at + length)).toString('utf8');
    this.at += length;
    return text;
  }
  /** The bytes from `start` to here, as they are. */
  since(start) {
    return this.bytes.subarray(start, this.at);
  }
}

function u32(value) {
  const out = [];
  do {
    let b = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) b |= 0x80;
    out.push(b);
  } while (value);
  return Buffer.from(out);
}

function name(text) {
  const bytes = Buffer.from(text, 'utf8');
  return Buffer.concat([u32(bytes.length), bytes]);
}

/** Skips a table's or memory's limits: a flags byte (bit 0: a maximum follows), then numbers. */
function skipLimits(r) {
  const flags = r.byte();
  r.u32();
  if (flags & 1) r.u32();
}

/** Skips one import's description (what kind of thing it is and its type). */
function skipImportDesc(r) {
  const kind = r.byte();
  if (kind === 0x00) r.u32(); // function: type index
  else if (kind === 0x01) { r.byte(); skipLimits(r); } // table: element type, limits
  else if (kind === 0x02) skipLimits(r); // memory
  else if (kind === 0x03) { r.byte(); r.byte(); } // global: value type, mutability
  else if (kind === 0x04) { r.byte(); r.u32(); } // tag: attribute, type index
  else throw new Error(`an import of unknown kind ${kind}`);
}

/**
 * The module and glue with short names, and how many names changed. Throws where the glue
 * does not spell every name the way this knows (see the top of the file).
 */
export function shortenNames(wasmBytes, glue) {
  const bytes = new Uint8Array(wasmBytes);
  if (Buffer.from(bytes.subarray(0, 8)).toString('hex') !== '0061736d01000000') {
    throw new Error('not a WebAssembly module (version 1)');
  }
  const modules = new Set();
  const imports = new Map();
  const exports = new Map();
  const importNames = shortNames();
  const exportNames = shortNames();
  const parts = [Buffer.from(bytes.subarray(0, 8))];
  const r = new Reader(bytes, 8);
  while (r.at < bytes.length) {
    const id = r.byte();
    const size = r.u32();
    const end = r.at + size;
    if (id === 0) {
      // A custom section (producers, target features): for tools, not for running.
      r.at = end;
      continue;
    }
    if (id !== 2 && id !== 7) {
      parts.push(Buffer.from([id]), u32(size), Buffer.from(bytes.subarray(r.at, end)));
      r.at = end;
      continue;
    }
    const count = r.u32();
    const body = [u32(count)];
    for (let i = 0; i < count; i++) {
      if (id === 2) {
        const module = r.name();
        const field = r.name();
        const start = r.at;
        skipImportDesc(r);
        modules.add(module);
        if (!imports.has(field)) imports.set(field, importNames.next().value);
        body.push(name(MODULE), name(imports.get(field)), Buffer.from(r.since(start)));
      } else {
        const field = r.name();
        const start = r.at;
        r.byte();
        r.u32();
        // The memory keeps its name: it is what a tool or a test reads the module's size by.
        const short = field === 'memory' ? field : exportNames.next().value;
        exports.set(field, short);
        body.push(name(short), Buffer.from(r.since(start)));
      }
    }
    if (r.at !== end) throw new Error(`section ${id} holds ${end - r.at} bytes more than its entries`);
    const content = Buffer.concat(body);
    parts.push(Buffer.from([id]), u32(content.length), content);
  }

  // A module renamed before (a folder processed again) is left as it is.
  const renaming = [...imports, ...exports].filter(([old, short]) => old !== short);
  if (renaming.every(([old]) => old.length <= 2)) return { wasm: wasmBytes, glue, count: 0 };
  if (modules.size !== 1) throw new Error(`the module imports from ${modules.size} modules, not the glue's one`);
  const [module] = modules;
  // The imports object's one key: `"./instance-atlas_bg.js": import0` (or `wbg: …`).
  const moduleKey = new RegExp(`(["'])${escapeRe(module)}\\1(\\s*:)|(^|[\\s,{])${escapeRe(module)}(\\s*:)`, 'gm');
  const moduleKeys = glue.match(moduleKey)?.length ?? 0;
  if (moduleKeys !== 1) throw new Error(`the glue names the imports' module ${module} ${moduleKeys} times, not once`);
  let renamed = glue.replace(moduleKey, (_, quote, colon, before, bareColon) =>
    quote ? `${quote}${MODULE}${quote}${colon}` : `${before}${MODULE}${bareColon}`);
  for (const [old, short] of imports) {
    const key = new RegExp(`(^|[\\s,{])${old}(\\s*:)`, 'g');
    const found = renamed.match(key)?.length ?? 0;
    if (found !== 1) throw new Error(`the glue defines the import ${old} ${found} times, not once`);
    renamed = renamed.replace(key, `$1${short}$2`);
  }
  for (const [old, short] of exports) {
    if (old === short) continue;
    renamed = renamed.replace(new RegExp(`\\bwasm\\.${old}\\b`, 'g'), `wasm.${short}`);
  }
  for (const [old] of renaming) {
    // A bare word only: `memory` or `__wbindgen_start` may still name something of the glue's
    // own (a function of the same name, a local variable), but never a property of the
    // imports or exports, which all went above.
    const left = new RegExp(`(\\bwasm\\.|["'\`])${old}\\b`);
    if (left.test(renamed)) throw new Error(`the glue still reads ${old} in a way this does not rename`);
  }
  return { wasm: Buffer.concat(parts), glue: renamed, count: renaming.length };
}
