// A tiny static file server for the built site: serves dist/ under any path prefix,
// optionally with extra response headers (for example a Content-Security-Policy).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves `root` on 127.0.0.1 at a free port; resolves to { url, origin, close }.
 * `prefix` is the sub-path the site lives under ("/tools/atlas/"; "/" is the root): only
 * paths under it are served, and the prefix without its trailing slash redirects to it, as
 * static hosts do. `headers` are added to every response (for example a
 * Content-Security-Policy); a function gets the request path and returns the headers.
 */
export async function serve(root, { prefix = '/', headers = {} } = {}) {
  const base = resolve(root);
  prefix = `/${prefix.replace(/^\/+|\/+$/g, '')}/`.replace('//', '/');
  const server = createServer(async (request, response) => {
    const url = new URL(request.url, 'http://x');
    let path;
    try {
      path = decodeURIComponent(url.pathname);
    } catch {
      response.writeHead(400).end('bad request');
      return;
    }
    const extra = typeof headers === 'function' ? headers(path) : headers;
    if (`${path}/` === prefix) {
      response.writeHead(301, { location: prefix + url.search, ...extra }).end();
      return;
    }
    if (!path.startsWith(prefix)) {
      response.writeHead(404, extra).end('not found');
      return;
    }
    let file = normalize(join(base, path.slice(prefix.length)));
    if (file !== base && !file.startsWith(base + sep)) {
      response.writeHead(403, extra).end('forbidden');
      return;
    }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
      const body = await readFile(file);
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
        'cache-control': 'no-store',
        ...extra,
      });
      response.end(body);
    } catch {
      response.writeHead(404, extra).end('not found');
    }
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((done) => server.close(done)),
  };
}

/** Launch options for the system Chromium (no browser download is possible here). */
export const CHROMIUM = {
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
};

// `node tests/e2e/server.mjs [dir]` serves a folder by hand.
/**
 * The policy the README asks hosts to send. `img-src data:` is there for the favicon, which
 * scripts/postbuild.mjs writes into the page: Chromium fetches the icon again on every
 * history.replaceState, and the app writes its state into the address on every click.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  'frame-ancestors *',
].join('; ');

if (import.meta.url === `file://${process.argv[1]}`) {
  const { url } = await serve(process.argv[2] ?? 'dist');
  console.log(`serving on ${url}`);
}
