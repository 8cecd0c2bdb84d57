/**
 * Finds and loads the model files shipped in the package's `models/` folder. This is the only file
 * access in the classifier: read-only package assets, loaded lazily on first use and cached.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeModel } from './format.js';
import { TextClassifier } from './linear.js';
import type { ModelName } from './datasets.js';

/** File extension of model files: gzip of the KTC1 format (see format.ts). */
export const MODEL_EXTENSION = '.ktc';

let cachedDir: string | null = null;

/**
 * The package's `models/` folder, found by walking up from this module, so it resolves the same from
 * `src/` (tsx), from `dist/` and from an installed package.
 */
export function bundledModelsDir(): string {
  if (cachedDir !== null) return cachedDir;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const candidate = join(dir, 'models');
    if (existsSync(join(dir, 'package.json')) && existsSync(candidate)) {
      cachedDir = candidate;
      return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  // Fall back to the conventional location so the error message names a real path.
  cachedDir = resolve(dirname(fileURLToPath(import.meta.url)), '../../../models');
  return cachedDir;
}

const jsonCache = new Map<string, unknown>();

/**
 * A shipped JSON model file (`models/<file>`) checked by `parse` (whose error names the path and field),
 * or null when the package has none. Read once per process.
 */
export function loadBundledJson<T>(file: string, parse: (json: unknown, where: string) => T): T | null {
  if (!jsonCache.has(file)) {
    const path = join(bundledModelsDir(), file);
    jsonCache.set(
      file,
      existsSync(path) ? parse(JSON.parse(readFileSync(path, 'utf8')) as unknown, path) : null,
    );
  }
  return jsonCache.get(file) as T | null;
}

/** Path of a shipped model file, e.g. models/hate-speech.ktc. */
export function bundledModelPath(name: ModelName): string {
  return join(bundledModelsDir(), `${name}${MODEL_EXTENSION}`);
}

/** Reads and decodes a model file from any path. */
export function loadClassifierFile(path: string): TextClassifier {
  return new TextClassifier(decodeModel(readFileSync(path)));
}

const cache = new Map<string, TextClassifier>();

/** The shipped classifier for a model name, loaded on first use and cached for the process. */
export function loadBundledClassifier(name: ModelName): TextClassifier {
  let clf = cache.get(name);
  if (clf === undefined) {
    clf = loadClassifierFile(bundledModelPath(name));
    cache.set(name, clf);
  }
  return clf;
}
