import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { extractPlainTextBlocks } from '../../lib/text/extract-plain';

/**
 * A static server on 127.0.0.1 for end-to-end tests and the demo: serves tests/ (fixture pages,
 * e2e pages), Preact's dist/ at /node_modules/preact/dist/, and the seed articles as HTML (/seed/<file>.html: one <p> per line, headings as <h2>,
 * the same blocks the CLI reads from the .txt file).
 */

const ROOT = resolve(import.meta.dirname, '..');
/** Also served, for pages that run a real framework (tests/e2e/pages/hostile/framework.html): Preact's ES module build. */
const PREACT = resolve(import.meta.dirname, '../../node_modules/preact/dist');
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
};

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function seedAsHtml(text: string, title: string): string {
  const body = extractPlainTextBlocks(text)
    .map((b) => (b.heading ? `<h2>${escapeHtml(b.text)}</h2>` : `<p>${escapeHtml(b.text)}</p>`))
    .join('\n');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head><body><article>\n${body}\n</article></body></html>`;
}

export interface FixtureServer {
  url: string;
  close(): Promise<void>;
}

export async function startServer(port = 0, extraHeaders: (path: string) => Record<string, string> = () => ({})): Promise<FixtureServer> {
  const server: Server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    try {
      const seed = /^\/seed\/([\w.-]+)\.txt\.html$/.exec(path);
      if (seed) {
        const text = await readFile(join(ROOT, 'fixtures/seeds', `${seed[1]}.txt`), 'utf8');
        res.writeHead(200, { 'content-type': TYPES['.html']!, ...extraHeaders(path) });
        res.end(seedAsHtml(text, seed[1]!));
        return;
      }
      const inPreact = path.startsWith('/node_modules/preact/dist/');
      const base = inPreact ? PREACT : ROOT;
      const file = normalize(join(base, inPreact ? path.slice('/node_modules/preact/dist/'.length) : path));
      if (!file.startsWith(base)) throw new Error('outside');
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', ...extraHeaders(path) });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
    }
  });
  await new Promise<void>((ok) => server.listen(port, '127.0.0.1', ok));
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://127.0.0.1:${actualPort}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
