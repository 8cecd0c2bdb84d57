import { readFile } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where `npm run build` puts the reviewer UI (vite, see web/vite.config.ts): `dist/web` beside `dist/api`. */
export const WEB_DIST_DIR = fileURLToPath(new URL('../../dist/web/', import.meta.url));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The UI's policy: only the UI's own files run, nothing inline, no framing, requests only to this
 * origin. Crawled text is rendered as text by React, so a payload that got past that would still
 * find no script it may run.
 */
export const UI_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy':
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; " +
    "manifest-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
};

export interface StaticFile {
  body: Uint8Array<ArrayBuffer>;
  type: string;
  /** Vite names bundles by content hash, so they never change under the same name. */
  immutable: boolean;
}

/**
 * Reads a file of a built static site by its URL path below the site's root, or null when there is
 * none (or the path tries to leave the folder). `readStatic(dir, 'assets/index-3f2a.js')`.
 */
export async function readStatic(dir: string, urlPath: string): Promise<StaticFile | null> {
  let rel: string;
  try {
    rel = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (rel.includes('\0')) return null;
  const root = resolve(dir);
  const full = resolve(root, rel.replace(/^\/+/, ''));
  if (full !== root && !full.startsWith(root + sep)) return null;
  const type = TYPES[extname(full).toLowerCase()];
  if (!type) return null;
  try {
    const body = await readFile(full);
    return { body: new Uint8Array(body), type, immutable: rel.replace(/^\/+/, '').startsWith('assets/') };
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT' || (err as NodeJS.ErrnoException).code === 'EISDIR')
      return null;
    throw err;
  }
}
