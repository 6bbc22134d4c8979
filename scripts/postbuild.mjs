#!/usr/bin/env node
// Trunk post_build hook (see Trunk.toml): makes the built site fit any static host and writes
// the offline single file. Node 20 standard library, scripts/wasm-names.mjs and terser (the
// JavaScript minifier, from tools/package.json, which scripts/setup.sh installs).
//
// Runs in Trunk's staging folder (TRUNK_STAGING_DIR) after Trunk has written index.html, and
// before Trunk publishes the folder as dist/; a failure here fails the build. By hand:
// `node scripts/postbuild.mjs dist` (on an already processed folder it only rewrites
// instance-atlas.html).
//
// 1. Any static host, any sub-path, strict CSP. Trunk writes its loader as an INLINE
//    `<script type="module">`, which `script-src 'self'` blocks: the loader moves into
//    `init-<hash>.js`, referenced with a relative src and an SRI hash, and the wasm URL in it
//    is resolved against the loader's own URL. The favicon becomes a data: URI (see below).
//    Every src/href left in index.html must be relative (Trunk.toml sets public_url = "./")
//    and nothing inline may be left; anything else fails the build.
// 2. Offline, one file: `instance-atlas.html` with the CSS in <style>, the wasm-bindgen glue
//    inlined as a module script and the wasm as bytes passed to
//    `init({ module_or_path: bytes })`. It works opened from disk (file://) with no network.
//    The glue must not import anything (wasm-bindgen snippets would): the hook fails if it does.
//    The glue rides as text and is imported from a blob: URL, so it goes in unchanged.
//    Bytes ride one character per byte (`atlasBytesText`: the byte's own Latin-1 character,
//    or 0x100 plus the byte for the six that would end or change the block), which gzip
//    packs almost as well as the bytes themselves (base64 compresses about 1.3 times worse).
//    The importer worker (importer-worker.js + _bg.wasm) goes in as a text block holding its
//    glue and its wasm in that form; the boot turns it into a blob: URL (`window.atlasImporter`)
//    that the page starts when a person loads data.
//    Its boot keeps a copy of the file as a blob: URL (`window.atlasOfflineCopy`), which the
//    app's "Download for offline use" link saves: no navigation, no request. A note in the
//    page says what the file is and is removed by the boot, so where a strict CSP blocks its
//    inline scripts (a site serving it) the page explains itself instead of staying blank.
// 3. The same file from the site: the offline file is written from a template (the page
//    around four holes: the CSS, the glue, the wasm, the importer), which the site serves
//    as `offline-template-<hash>.json`. At start the site's loader fetches the wasm once for
//    both compiling and keeping, and reads the glue and CSS the page has just loaded
//    (`cache: 'force-cache'`); on the first "Download for offline use" it reads the template
//    and the importer worker's files (requests a visitor who never saves the atlas does
//    not make), then fills the holes in memory into a blob: URL, `window.atlasOfflineCopy`,
//    which the link saves. This hook fills the same template for dist/instance-atlas.html.
//
// 4. The embed page (`embed.html`, built with the `embed-page` feature, see the Makefile):
//    step 1, with a plain loader, and its prices as one small file per region and system
//    (`prices/<region>/<os>.txt`), of which it fetches the one its address names. It has no
//    offline file and no importer worker.
//
// 5. Every page's code as served (`compactCode`, `compactWorker`): the WebAssembly and its
//    glue call each other by one- or two-letter names (scripts/wasm-names.mjs; wasm-bindgen
//    writes a name and a 16-digit hash for each, in both files), and the glue, the loader and
//    assets/boot.js are minified by terser; the pages lose their comments. The files keep
//    Trunk's names and the SRI hashes follow the new bytes. The offline file and the site's
//    "Download for offline use" take these very files.
//
// `node scripts/postbuild.mjs --check dist` checks the FINAL files (make dist runs it after
// Trunk has published them): no inline script at all in index.html (not even Trunk's
// live-reload one) and no live-reload code in any page.
import { createHash } from 'node:crypto';
import { readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import { basename, extname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { shortenNames } from './wasm-names.mjs';

const SINGLE_FILE = 'instance-atlas.html';
const EMBED_PAGE = 'embed.html';
const WORKER_GLUE = 'importer-worker.js';
const WORKER_WASM = 'importer-worker_bg.wasm';
const LOADER_PREFIX = 'init-';
const TEMPLATE_PREFIX = 'offline-template-';
const MIME = {
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
};

// The page's code, held back until the first paint: see holdCodeBack.
const HELD_BACK = /<template data-atlas-start>([\s\S]*?)<\/template>/g;

// Where index.html's and embed.html's frames take the prerendered first chart.
const PRERENDER_MARK = /<!-- prerendered-chart:[^>]*-->/;
const SOURCE = fileURLToPath(new URL('..', import.meta.url));

class HookError extends Error {}
const fail = (message) => {
  throw new HookError(message);
};

if (process.argv[2] === '--check') {
  try {
    await checkFinal(process.argv[3] ?? 'dist');
  } catch (error) {
    console.error(`postbuild --check: FAILED: ${error instanceof HookError ? error.message : error.stack}`);
    process.exit(1);
  }
  process.exit(0);
}

const dir = process.env.TRUNK_STAGING_DIR ?? process.argv[2];
if (!dir) {
  console.error('postbuild: no folder (run by Trunk, or `node scripts/postbuild.mjs dist`)');
  process.exit(2);
}

try {
  await main(dir);
} catch (error) {
  console.error(`postbuild: FAILED: ${error instanceof HookError ? error.message : error.stack}`);
  process.exit(1);
}

/** Checks the published pages: nothing a strict CSP blocks, nothing from `trunk serve`. */
async function checkFinal(dir) {
  for (const name of ['index.html', EMBED_PAGE]) {
    const page = await readFile(join(dir, name), 'utf8');
    for (const [, attrs, body] of page.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
      if (!/\bsrc\s*=/i.test(attrs) && body.trim()) {
        fail(`${dir}/${name} has an inline script, which script-src 'self' blocks (a \`trunk serve\` build?):\n${body.slice(0, 200)}`);
      }
    }
  }
  for (const page of ['index.html', EMBED_PAGE, SINGLE_FILE]) {
    const html = await readFile(join(dir, page), 'utf8');
    if (isTrunkAutoreload(html) || /ws:\/\/\{\{/.test(html)) {
      fail(`${dir}/${page} carries Trunk's live-reload script: it is a \`trunk serve\` build, not one to deploy`);
    }
  }
  console.log(`postbuild --check: ${dir}/index.html, ${EMBED_PAGE} and ${SINGLE_FILE} carry no inline or live-reload script`);
}

async function main(dir) {
  // Trunk writes every build's page as index.html; the Makefile publishes the embed build's
  // as embed.html.
  const embedPage = basename(process.env.TRUNK_HTML_FILE ?? '') === EMBED_PAGE;
  const indexPath = join(dir, 'index.html');
  // A folder processed before has its code's tags held back (see holdCodeBack): as Trunk wrote them.
  let html = (await readFile(indexPath, 'utf8')).replace(HELD_BACK, '$1');

  // The first chart, drawn at build time from the committed dataset, in place of the frame's
  // marker: it is on screen with the first paint, before any WebAssembly runs, and the app's
  // canvas takes its place when it mounts (crates/model/src/chart/prerender.rs). A folder
  // processed before has no marker left.
  html = html.replace(PRERENDER_MARK, () => prerenderedChart());
  // The pages' comments are for who reads the source, not for the visitor's bytes.
  html = html.replace(/<!--[\s\S]*?-->\s*/g, '');

  // The favicon goes into the page as a data: URI. Chromium fetches the icon again on every
  // history.pushState/replaceState (the app keeps its state in the address), so a file icon
  // would mean a request per click on hosts that revalidate; a data: icon means none.
  // (The CSP therefore allows `img-src 'self' data:`.)
  const icons = new Set();
  html = await replaceAsync(html, /<link\b[^>]*>/gi, async (tag) => {
    const rel = attr(tag, 'rel')?.toLowerCase().split(/\s+/) ?? [];
    const href = attr(tag, 'href');
    if (!rel.includes('icon') || !href || href.startsWith('data:')) return tag;
    const file = local(href);
    const type = MIME[extname(file)] ?? fail(`favicon ${href}: unknown type`);
    const data = (await readFile(join(dir, file))).toString('base64');
    icons.add(file);
    return `<link rel="${attr(tag, 'rel')}" href="data:${type};base64,${data}">`;
  });
  for (const file of icons) await rm(join(dir, file));

  // Classic scripts (assets/boot.js, which runs before the first paint) go inline into the
  // offline file: read them once here.
  const classic = new Map();
  for (const [tag, attrs] of html.matchAll(/<script\b([^>]*)>\s*<\/script>/gi)) {
    const src = attr(tag, 'src');
    if (!src || /\btype\s*=\s*["']?module\b/i.test(attrs)) continue;
    const js = await minified(await readFile(join(dir, local(src)), 'utf8'), { module: false });
    if (/<\/script/i.test(js)) fail(`${src} contains "</script", which would end the inline <script>`);
    await writeFile(join(dir, local(src)), js);
    classic.set(src, js.trim());
  }

  html = await compactStylesheet(dir, html, embedPage);

  // ---- 1. the loader into its own file --------------------------------------------------
  const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)].filter(
    ([, attrs, body]) => /\btype\s*=\s*["']?module\b/i.test(attrs) && !/\bsrc\s*=/i.test(attrs) && body.trim(),
  );
  let loaderName;
  if (inline.length > 0) {
    if (inline.length > 1) fail(`index.html has ${inline.length} inline module scripts; expected Trunk's one loader`);
    const [tag, attrs, body] = inline[0];
    const { js, wasm } = loaderTargets(body);
    html = await compactCode(dir, html, js, wasm);
    // The import is resolved against the loader's URL (same folder); the wasm URL is made
    // relative to the loader too, so neither depends on the page's address or a <base>.
    let loader = body
      .replace(/(from\s*)(['"])[^'"]*?\.js\2/, `$1'./${js}'`)
      .replace(/(['"])[^'"]*?\.wasm\1/, `new URL('./${wasm}', import.meta.url)`);
    loader = `${loader.trim()}\n`;
    if (!loader.includes(`'./${js}'`) || !loader.includes(`new URL('./${wasm}', import.meta.url)`)) {
      fail(`could not rewrite Trunk's loader:\n${body}`);
    }
    const init = `init({ module_or_path: new URL('./${wasm}', import.meta.url) })`;
    if (!loader.includes(init)) fail(`could not find the init call in Trunk's loader:\n${body}`);
    if (!embedPage) loader = await withSiteKeeper(dir, html, loader, { js, wasm, init, classic });
    loader = await minified(loader, { module: true });
    loaderName = `${LOADER_PREFIX}${createHash('sha256').update(loader).digest('hex').slice(0, 16)}.js`;
    await writeFile(join(dir, loaderName), loader);
    const nonce = attrs.match(/\snonce\s*=\s*("[^"]*"|'[^']*')/i)?.[0] ?? '';
    const sri = `sha384-${createHash('sha384').update(loader).digest('base64')}`;
    html = html.replace(tag, `<script type="module" src="./${loaderName}" integrity="${sri}"${nonce}></script>`);
  } else {
    loaderName = html.match(new RegExp(`<script\\b[^>]*\\bsrc\\s*=\\s*["']\\.\\/(${LOADER_PREFIX}[0-9a-f]+\\.js)["']`))?.[1];
    if (!loaderName) fail('index.html has neither an inline Trunk loader nor an init-<hash>.js script');
  }


  // Nothing inline may be left that a strict CSP would block.
  for (const [, attrs, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)) {
    if (!/\bsrc\s*=/i.test(attrs) && body.trim() && !isTrunkAutoreload(body)) {
      fail(`index.html still has an inline script, which script-src 'self' blocks:\n${body.slice(0, 200)}`);
    }
  }
  const markup = html.replace(/(<script\b[^>]*>)[\s\S]*?<\/script>/gi, '$1</script>');
  if (/<style\b/i.test(markup)) fail("index.html has an inline <style>, which style-src 'self' blocks");
  if (/<[^>]*\sstyle\s*=/i.test(markup)) fail("index.html has a style attribute, which style-src 'self' blocks");
  if (/<[^>]*\son[a-z]+\s*=/i.test(markup)) fail("index.html has an inline event handler, which script-src 'self' blocks");

  // Every URL relative: the site works at any path of any host.
  for (const [, attr, url] of markup.matchAll(/\s(src|href)\s*=\s*["']([^"']*)["']/gi)) {
    if (/^(\/|[a-z][a-z0-9+.-]*:)/i.test(url) && !url.startsWith('data:')) {
      fail(`index.html has a non-relative ${attr}="${url}"; set public_url = "./" in Trunk.toml`);
    }
  }
  // Trunk's SRI hashes must still match the files (the hook changes none of them, but check).
  for (const [, url, integrity] of html.matchAll(/\shref\s*=\s*"\.\/([^"]+)"[^>]*?\sintegrity\s*=\s*"([^"]+)"/gi)) {
    const [algorithm, expected] = integrity.split(/-(.*)/s);
    const actual = createHash(algorithm).update(await readFile(join(dir, url))).digest('base64');
    if (actual !== expected) fail(`integrity of ${url} does not match the file`);
  }
  await writeFile(indexPath, holdCodeBack(html));
  if (embedPage) {
    regionPrices(join(dir, 'prices'));
    console.log(`postbuild: the embed page loads ./${loaderName} and prices/<region>/<os>.txt (no offline file) in ${dir}`);
    return;
  }

  // ---- 2. the offline single file --------------------------------------------------------
  const loader = await readFile(join(dir, loaderName), 'utf8');
  const { js, wasm } = loaderTargets(loader);
  const glue = await readFile(join(dir, js));
  checkGlue(glue.toString('utf8'), js);
  const wasmBytes = await readFile(join(dir, wasm));
  await compactWorker(dir);
  const importer = await inlineWorker(dir);

  const cssFile = local(attr(html.match(/<link\b[^>]*\brel\s*=\s*["']?stylesheet\b[^>]*>/i)?.[0] ?? fail('index.html has no stylesheet'), 'href'));
  const template = offlineTemplate(html, { cssFile, loaderName, classic });
  const single = fillTemplate(template, {
    css: await readFile(join(dir, cssFile), 'utf8'),
    // The same encoding as the site's loader, so both give the very same file.
    glue: atlasBytesText(glue),
    wasm: atlasBytesText(wasmBytes),
    importer,
  });
  await writeFile(join(dir, SINGLE_FILE), single);

  // Gzip only to report it, and only for release builds (debug ones are ten times larger).
  const gz = process.env.TRUNK_PROFILE === 'debug' ? '' : `, ${kb(gzipSync(single).length)} gzip`;
  console.log(
    `postbuild: index.html loads ./${loaderName}; ${SINGLE_FILE} ${kb(Buffer.byteLength(single))}${gz} ` +
      `(wasm ${kb(wasmBytes.length)}, glue ${kb(glue.length)}) in ${dir}`,
  );
}

/**
 * The page with the tags that start its code (the loader, and Trunk's preloads of the glue and
 * the WebAssembly) each inside a `<template data-atlas-start>`, where they are inert:
 * assets/boot.js puts them into the page once the frame, with its first chart drawn at build
 * time, has been painted. So downloading, compiling and starting the code (reading the
 * catalogue and mounting, a task of a few hundred milliseconds) do not hold that paint back:
 * the preloaded WebAssembly alone put the first paint some 50 ms later on a two-core machine
 * (`tests/e2e/bench_paint.mjs`). The offline file carries its code inside the page and waits
 * for the same paint (boot.js's `atlasFirstPaint`) before decoding it.
 */
function holdCodeBack(html) {
  const starts = /<script\b[^>]*\btype\s*=\s*["']?module\b[^>]*\bsrc\s*=[^>]*>\s*<\/script>|<link\b[^>]*\brel\s*=\s*["']?(?:modulepreload|preload)\b[^>]*>/gi;
  const held = html.replace(starts, (tag) => `<template data-atlas-start>${tag}</template>`);
  if (!/<template data-atlas-start><script\b/.test(held)) fail('could not find the loader script to hold back');
  return held;
}

/**
 * The stylesheet as served: without its comments (a fifth of its gzip size), and on the
 * embed page without the blocks between `/* atlas-only {` and `/* } atlas-only *\/`, the
 * rules of views and controls that page does not carry (under half the rest). The embed
 * page's file gets a name of its own (its folder's files are copied beside the site's);
 * the link's SRI hash follows the new text. Returns the page with the link rewritten.
 */
async function compactStylesheet(dir, html, embedPage) {
  const tag = html.match(/<link\b[^>]*\brel\s*=\s*["']?stylesheet\b[^>]*>/i)?.[0] ?? fail('the page has no stylesheet');
  const file = local(attr(tag, 'href'));
  let css = await readFile(join(dir, file), 'utf8');
  if (embedPage) {
    const opens = css.match(/\/\* atlas-only \{/g)?.length ?? 0;
    const closes = css.match(/\/\* \} atlas-only \*\//g)?.length ?? 0;
    if (opens === 0 || opens !== closes) fail(`${file}: ${opens} "atlas-only {" and ${closes} "} atlas-only" markers`);
    css = css.replace(/\/\* atlas-only \{[\s\S]*?\/\* \} atlas-only \*\//g, '');
    if (/atlas-only/.test(css)) fail(`${file}: an "atlas-only" block is nested or unclosed`);
  }
  // Strings are kept whole (a "/*" inside one is not a comment); comments go; blank lines
  // left by them close up.
  css = css.replace(/("(?:\\[\s\S]|[^"\\])*"|'(?:\\[\s\S]|[^'\\])*')|\/\*[\s\S]*?\*\//g, (all, string) => string ?? '');
  css = `${css.replace(/[ \t]+$/gm, '').replace(/\n{2,}/g, '\n').trim()}\n`;
  const name = embedPage ? `style-embed-${createHash('sha256').update(css).digest('hex').slice(0, 16)}.css` : file;
  if (name !== file) await rm(join(dir, file));
  await writeFile(join(dir, name), css);
  const sri = `sha384-${createHash('sha384').update(css).digest('base64')}`;
  const rewritten = tag
    .replace(/\shref\s*=\s*"[^"]*"/i, ` href="./${name}"`)
    .replace(/\sintegrity\s*=\s*"[^"]*"/i, ` integrity="${sri}"`);
  return html.replace(tag, rewritten);
}

/** The `<svg>`s of the first chart, as the model's build tool draws them from the dataset. */
function prerenderedChart() {
  const args = ['run', '-q', '-p', 'atlas-model', '--bin', 'prerender', '--', 'assets/data/instance-types.csv'];
  try {
    return execFileSync('cargo', args, { cwd: SOURCE, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  } catch (error) {
    fail(`could not draw the first chart (cargo ${args.join(' ')}): ${error.message}`);
  }
}

/** The embed page's prices, one judged file per region and system in `folder`, as the
 * model's build tool writes them (the embed fetches the one its address names). */
function regionPrices(folder) {
  const args = ['run', '-q', '-p', 'atlas-model', '--bin', 'region-prices', '--',
    'assets/data/instance-types.csv', 'assets/data/prices-rates.csv', folder];
  try {
    execFileSync('cargo', args, { cwd: SOURCE, stdio: ['ignore', 'inherit', 'inherit'] });
  } catch (error) {
    fail(`could not write the embed page's prices (cargo ${args.join(' ')}): ${error.message}`);
  }
}

/** The site's loader: Trunk's, plus what keeps the parts for the offline copy (see
 * `siteKeeper`). */
async function withSiteKeeper(dir, html, loader, { js, wasm, init, classic }) {
  const css = html.match(/<link\b[^>]*\brel\s*=\s*["']?stylesheet\b[^>]*>/i)?.[0];
  const cssFile = css ? local(attr(css, 'href')) : fail('index.html has no stylesheet');
  // The template (the page itself, about 8 KB gzip) is a file of its own, read on the first
  // "Download for offline use" with the importer worker: a visitor who never saves the atlas
  // does not download it.
  const template = JSON.stringify(offlineTemplate(html, { cssFile, classic }));
  const templateFile = `${TEMPLATE_PREFIX}${createHash('sha256').update(template).digest('hex').slice(0, 16)}.json`;
  for (const old of await readdir(dir)) if (old.startsWith(TEMPLATE_PREFIX)) await rm(join(dir, old));
  await writeFile(join(dir, templateFile), template);
  const kept = `${loader.replace(init, 'init({ module_or_path: atlasParts.wasm })')}\n${siteKeeper({ js, wasm, cssFile, templateFile })}`;
  // The parts are asked for before init, so every request is made as the app starts.
  return kept.replace(/^(import[^\n]*\n)/, '$1const atlasParts = atlasKeepParts();\n');
}

/**
 * The page's code as served (`compactPair`). The files keep Trunk's names (the new bytes
 * follow from the old ones alone); the page's SRI hashes of them are recomputed. Returns the
 * page with those hashes.
 */
async function compactCode(dir, html, js, wasm) {
  for (const [file, bytes] of Object.entries(await compactPair(dir, js, wasm, { module: true }))) {
    const sri = `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
    const tag = new RegExp(`(<link\\b[^>]*\\bhref\\s*=\\s*"\\./${escapeRe(file)}"[^>]*\\bintegrity\\s*=\\s*")[^"]*(")`);
    if (!tag.test(html)) fail(`the page has no preload of ${file} with an integrity hash`);
    html = html.replace(tag, `$1${sri}$2`);
  }
  return html;
}

/** The importer worker's files as served (`compactPair`). Its no-modules glue defines the
 * global wasm_bindgen the worker's start calls, so its top level keeps its names. */
async function compactWorker(dir) {
  await compactPair(dir, WORKER_GLUE, WORKER_WASM, { module: false });
}

/**
 * A glue and its WebAssembly in `dir`, rewritten as served: short names for what they call
 * each other by (scripts/wasm-names.mjs) and the glue minified. Returns the new bytes by
 * file name.
 */
async function compactPair(dir, js, wasm, { module }) {
  let shortened;
  try {
    shortened = shortenNames(await readFile(join(dir, wasm)), await readFile(join(dir, js), 'utf8'));
  } catch (error) {
    fail(`${js}: ${error.message}`);
  }
  const files = { [js]: Buffer.from(await minified(shortened.glue, { module })), [wasm]: shortened.wasm };
  for (const [file, bytes] of Object.entries(files)) await writeFile(join(dir, file), bytes);
  return files;
}

/** `source` minified by terser (compressed, local names mangled; a module's top level too). */
async function minified(source, { module }) {
  const terser = createRequire(join(SOURCE, 'tools', 'package.json'))('terser');
  const out = await terser.minify(source, { module, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  if (!out.code) fail('terser returned no code');
  return `${out.code}\n`;
}

/** The importer worker as one script: its no-modules glue, then its wasm from base64. */
async function inlineWorker(dir) {
  let glue;
  let bytes;
  try {
    glue = await readFile(join(dir, WORKER_GLUE), 'utf8');
    bytes = await readFile(join(dir, WORKER_WASM));
  } catch {
    fail(`${WORKER_GLUE} and ${WORKER_WASM} are missing: index.html must build the importer worker (data-type="worker")`);
  }
  if (/^\s*import\b/m.test(glue) || !/\bwasm_bindgen\b/.test(glue)) {
    fail(`${WORKER_GLUE} is not wasm-bindgen no-modules glue (expected a global wasm_bindgen)`);
  }
  return atlasImporterText(glue, atlasBytesText(bytes));
}

/** Bytes as text, one character per byte: the byte's Latin-1 character, or U+0100 plus the
 * byte for NUL (the HTML parser replaces it), CR (it becomes LF), LF, ' and \\ (they would end
 * or change a JavaScript string) and < (it could end the <script> block). `code & 255`
 * reads each byte back. gzip packs this text almost as tightly as the bytes themselves, and
 * far better than base64, whose 6-bit groups hide repeats. The site's loader carries this
 * very function (`siteKeeper`), so both make the same text. */
function atlasBytesText(bytes) {
  const codes = new Uint16Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    codes[i] = b === 0 || b === 10 || b === 13 || b === 39 || b === 60 || b === 92 ? 256 + b : b;
  }
  let text = '';
  for (let i = 0; i < codes.length; i += 8192) text += String.fromCharCode.apply(null, codes.subarray(i, i + 8192));
  return text;
}

/** The importer worker as one script: its glue, then its wasm from a string (`atlasBytesText`). The
 * site's loader carries this very function (`siteKeeper`), so both make the same text. */
function atlasImporterText(glue, wasmText) {
  const code = [
    glue.trimEnd(),
    '// Instance Atlas offline importer: the wasm comes from the string below (one character',
    '// per byte, see atlasBytesText in scripts/postbuild.mjs), not the network.',
  ].join('\n');
  const start = [
    'const atlasImporterBytes = new Uint8Array(atlasImporterWasm.length);',
    'for (let i = 0; i < atlasImporterWasm.length; i++) atlasImporterBytes[i] = atlasImporterWasm.charCodeAt(i) & 255;',
    'wasm_bindgen({ module_or_path: atlasImporterBytes });',
  ].join('\n');
  // Inside <script>, "</script" would end the element and "<!--" changes how it is parsed.
  // The wasm's text holds no "<" (atlasBytesText), so only the glue needs this.
  const safe = (js) => js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
  return `${safe(code)}\nconst atlasImporterWasm = '${wasmText}';\n${safe(start)}`;
}

/** The glue and wasm file names a Trunk loader refers to. */
function loaderTargets(loader) {
  const js = loader.match(/from\s*['"]([^'"]+\.js)['"]/)?.[1];
  const wasm = loader.match(/['"]([^'"]+\.wasm)['"]/)?.[1];
  if (!js || !wasm) fail(`cannot find the glue and the wasm in the loader:\n${loader}`);
  return { js: basename(js), wasm: basename(wasm) };
}

/** Fails when wasm-bindgen's glue imports other files (snippets): the offline file holds it
 * alone, imported from a blob: URL where relative imports cannot resolve. */
function checkGlue(source, name) {
  // Static imports start a line in generated glue; dynamic ones are looked for outside comments.
  const imports = [
    ...source.matchAll(/^\s*(import\s*(?:[\w*{$][^;]*?from\s*)?['"][^'"]+['"])/gm),
    ...stripComments(source).matchAll(/\bimport\s*\(/g),
  ];
  if (imports.length > 0) {
    fail(
      `the glue ${name} imports other files (wasm-bindgen snippets?), so it cannot go into ` +
        `${SINGLE_FILE}: ${imports.map((m) => (m[1] ?? m[0]).trim()).join(', ')}`,
    );
  }
}

/** The offline file as a template: `[text, hole, text, hole, text, ...]`, the holes named
 * `css` (the stylesheet's text), `glue` and `wasm` (their bytes as `atlasBytesText`) and
 * `importer`, in that order.
 * Made from the processed index.html (`loaderName`: its loader script, which the boot replaces). */
function offlineTemplate(html, { cssFile, loaderName, classic }) {
  const hole = (name) => `\u0000${name}\u0000`;
  // The offline boot: the glue is imported from its base64 block, the wasm decoded from its own.
  const boot = [
    '// Instance Atlas offline boot: the code comes from the data blocks above, not the network.',
    '{',
    '  // The frame, with its first chart, is painted before any of the code below runs (boot.js).',
    '  await window.atlasFirstPaint;',
    '  // A copy of this very file, for "Download for offline use" (no request, no navigation).',
    "  const copy = new Blob(['<!doctype html>\\n', document.documentElement.outerHTML], { type: 'text/html' });",
    '  window.atlasOfflineCopy = URL.createObjectURL(copy);',
    "  document.getElementById('atlas-blocked')?.remove();",
    '  // The importer worker, started from a blob: URL when a person loads data.',
    "  const importer = document.getElementById('atlas-importer');",
    "  window.atlasImporter = URL.createObjectURL(new Blob([importer.textContent], { type: 'text/javascript' }));",
    '  // This page is the one-file build: an embed snippet made here points at the file itself.',
    '  window.atlasOneFile = true;',
    '  importer.remove();',
    '  // Each block holds one character per byte (see atlasBytesText in scripts/postbuild.mjs).',
    '  const decode = (id) => {',
    '    const block = document.getElementById(id);',
    '    const text = block.textContent;',
    '    block.remove();',
    '    const bytes = new Uint8Array(text.length);',
    '    for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 255;',
    '    return bytes;',
    '  };',
    "  const glue = URL.createObjectURL(new Blob([decode('atlas-glue')], { type: 'text/javascript' }));",
    '  const { default: init } = await import(glue);',
    "  const wasm = await init({ module_or_path: decode('atlas-wasm') });",
    "  dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));",
    '}',
  ].join('\n');
  let page = html
    .replace(/<script\b[^>]*>([\s\S]*?)<\/script>/gi, (tag, body) => (isTrunkAutoreload(body) ? '' : tag))
    // A <base> would make "?query" URLs resolve to the folder: history.replaceState is then
    // refused on file:// (a different path). Without one, everything resolves against the file.
    .replace(/[ \t]*<base\b[^>]*>\s*?\n?/gi, '')
    .replace(/[ \t]*<link\b[^>]*\brel\s*=\s*["']?(modulepreload|preload)\b[^>]*>\s*?\n?/gi, '')
    .replace(/<link\b[^>]*>/gi, (tag) =>
      attr(tag, 'rel')?.toLowerCase() === 'stylesheet' && local(attr(tag, 'href')) === cssFile
        ? `<style>\n${hole('css')}\n</style>`
        : tag,
    );
  page = page.replace(/<script\b([^>]*)>\s*<\/script>/gi, (tag) => {
    const js = classic.get(attr(tag, 'src'));
    return js === undefined ? tag : `<script>\n${js}\n</script>`;
  });
  // Shown only where the scripts cannot run (the boot removes it): what this file is.
  if (!/<body\b[^>]*>/i.test(page)) fail('index.html has no <body>');
  page = page.replace(
    /<body\b[^>]*>/i,
    (tag) =>
      `${tag}\n<p id="atlas-blocked">This is the one-file offline copy of Instance Atlas. Save it ` +
      'and open it from your computer: its code is inside the page, which a site with a strict ' +
      'Content-Security-Policy does not run. On the web, <a href="./">open Instance Atlas</a> instead.</p>',
  );
  const loaderTag = loaderName
    ? new RegExp(`<script\\b[^>]*\\bsrc\\s*=\\s*["']\\./${escapeRe(loaderName)}["'][^>]*>\\s*</script>`, 'i')
    : /<script\b[^>]*\btype\s*=\s*["']?module\b[^>]*>[\s\S]*?<\/script>/i;
  if (!loaderTag.test(page)) fail('could not find the loader script in index.html');
  page = page.replace(
    loaderTag,
    () =>
      `<script type="text/plain" id="atlas-glue">${hole('glue')}</script>\n` +
      `<script type="text/plain" id="atlas-wasm">${hole('wasm')}</script>\n` +
      `<script type="text/plain" id="atlas-importer">\n${hole('importer')}\n</script>\n` +
      `<script type="module">\n${boot}\n</script>`,
  );
  // Self-contained: no reference to another file may be left.
  for (const [, a, url] of page.matchAll(/<(?:script|link|img|source|iframe)\b[^>]*\s(src|href)\s*=\s*["']([^"']*)["']/gi)) {
    if (!url.startsWith('data:')) fail(`${SINGLE_FILE} would still refer to ${a}="${url}"`);
  }
  const template = page.split(/\u0000(css|glue|wasm|importer)\u0000/);
  const holes = template.filter((_, i) => i % 2 === 1).join(',');
  if (holes !== 'css,glue,wasm,importer') fail(`the offline template has the holes ${holes}, expected css,glue,wasm,importer`);
  return template;
}

/** The template with its holes filled. (The site's loader does the same, see `siteKeeper`.) */
function fillTemplate(template, parts) {
  if (/<\/style/i.test(parts.css)) fail('the stylesheet contains "</style", which would end the inline <style>');
  return template.map((piece, i) => (i % 2 === 1 ? parts[piece] : piece)).join('');
}

/** Code for the site's loader: `atlasKeepParts()` fetches the wasm once (for init and to keep)
 * and reads the glue and CSS the page has loaded; `window.atlasMakeOfflineCopy()` fills the
 * offline template (`templateFile`, read then) from them in memory when a person asks for
 * the file, and keeps it in `window.atlasOfflineCopy`. The importer worker is loaded only when
 * a person loads data, so it is read then too (from the cache when the person has loaded data
 * already). Should anything fail, the link keeps pointing at the file beside the page. */
function siteKeeper({ js, wasm, cssFile, templateFile }) {
  return `
// "Download for offline use" from what the page fetched at start (scripts/postbuild.mjs).
${atlasImporterText.toString()}
${atlasBytesText.toString()}
function atlasKeepParts() {
  const here = (file) => new URL(file, import.meta.url);
  const cached = (file) => fetch(here(file), { cache: 'force-cache' });
  const text = async (blob) => atlasBytesText(new Uint8Array(await blob.arrayBuffer()));
  const wasm = fetch(here('./${wasm}'));
  const kept = wasm.then((response) => response.clone().blob());
  const parts = Promise.all([kept, cached('./${js}').then((r) => r.blob()), cached('./${cssFile}').then((r) => r.text())]);
  parts.catch(() => {});
  window.atlasMakeOfflineCopy = async () => {
    if (window.atlasOfflineCopy) return window.atlasOfflineCopy;
    const [code, glue, css] = await parts;
    const [workerGlue, workerWasm, template] = await Promise.all([
      cached('./${WORKER_GLUE}').then((r) => (r.ok ? r.text() : Promise.reject(new Error(r.statusText)))),
      cached('./${WORKER_WASM}').then((r) => (r.ok ? r.blob() : Promise.reject(new Error(r.statusText)))),
      cached('./${templateFile}').then((r) => (r.ok ? r.json() : Promise.reject(new Error(r.statusText)))),
    ]);
    const filled = {
      css,
      glue: await text(glue),
      wasm: await text(code),
      importer: atlasImporterText(workerGlue, await text(workerWasm)),
    };
    const file = template.map((piece, i) => (i % 2 === 1 ? filled[piece] : piece));
    window.atlasOfflineCopy = URL.createObjectURL(new Blob(file, { type: 'text/html' }));
    return window.atlasOfflineCopy;
  };
  return { wasm };
}
`;
}

/** The source without comments (strings are kept; good enough for generated glue). */
function stripComments(source) {
  return source.replace(/("(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*'|`(?:\\.|[^`\\])*`)|\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, (m, s) => s ?? '');
}

/** Trunk serve's autoreload script (debug builds under `trunk serve` only): not shipped. */
function isTrunkAutoreload(body) {
  return body.includes('__TRUNK_ADDRESS__') || body.includes('__TRUNK_WS_BASE__');
}

function attr(tag, name) {
  return tag.match(new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i'))?.slice(1).find((v) => v !== undefined);
}

/** A relative URL from index.html as a file name in the folder. */
function local(url) {
  if (!url || /^(\/|[a-z][a-z0-9+.-]*:)/i.test(url)) fail(`expected a relative URL, got ${url}`);
  return decodeURIComponent(url.replace(/^\.\//, '').split(/[?#]/)[0]);
}

async function replaceAsync(text, pattern, replacer) {
  const parts = [];
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    parts.push(text.slice(last, match.index), await replacer(...match));
    last = match.index + match[0].length;
  }
  parts.push(text.slice(last));
  return parts.join('');
}

function escapeRe(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(0)} KiB`;
}
