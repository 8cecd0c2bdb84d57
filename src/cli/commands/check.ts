import type { Command } from 'commander';
import { systemClock } from '../../core/clock.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../../core/config.js';
import { loadBundledClassifier, MODEL_NAMES } from '../../detect/classifier/index.js';
import { createDefaultDetectors } from '../../detect/registry.js';
import type { Detector } from '../../detect/types.js';
import { buildDetectors } from '../../pipeline/detectors.js';
import { openStore } from '../../store/db.js';
import { checkTarget, type CheckResult } from '../../pipeline/check.js';
import { createHttpFetcher } from '../../sources/fetch/http-fetcher.js';
import { configFrom, printJson } from '../shared.js';

/** A readable report: the post, each comment indented under its parent, findings under each document. */
export function formatCheckReport(r: CheckResult): string {
  const out: string[] = [];
  const findingsOf = (id: string) => r.findings.filter((f) => f.documentId === id);
  const children = new Map<string | null, typeof r.documents>();
  const above = (d: (typeof r.documents)[number]) => d.replyToId ?? d.parentId;
  for (const d of r.documents) {
    const list = children.get(above(d)) ?? [];
    list.push(d);
    children.set(above(d), list);
  }
  const ids = new Set(r.documents.map((d) => d.id));
  const roots = r.documents.filter((d) => {
    const up = above(d);
    return up === null || !ids.has(up);
  });
  const clip = (s: string, n: number) => (s.length > n ? s.slice(0, n - 1) + '…' : s);
  const walk = (d: (typeof r.documents)[number], depth: number) => {
    const pad = '  '.repeat(depth);
    const head =
      d.kind === 'post' ? `POST ${d.title ?? '(no title)'}` : `COMMENT ${d.author ?? '(anonymous)'}`;
    out.push(`${pad}${head}${d.publishedAt ? `  [${d.publishedAt}]` : ''}`);
    out.push(`${pad}  ${clip(d.text.replace(/\s+/g, ' '), d.kind === 'post' ? 300 : 200)}`);
    for (const f of findingsOf(d.id))
      out.push(`${pad}  ⚑ ${f.category} ${f.score.toFixed(2)} (${f.detector}): ${f.explanation}`);
    for (const c of children.get(d.id) ?? []) walk(c, depth + 1);
  };
  out.push(`${r.source.url}  (${r.source.mediaType}, ${r.source.charset}, ${r.source.bytes} bytes)`);
  const posts = r.documents.filter((d) => d.kind === 'post').length;
  out.push(`${posts} post(s), ${r.documents.length - posts} comment(s), ${r.findings.length} finding(s)`, '');
  for (const d of roots) walk(d, 0);
  for (const f of r.failures) out.push(`! detector ${f.detector} failed on ${f.documentId}: ${f.message}`);
  return out.join('\n');
}

/**
 * The detectors in force: from the store when there is one (policy pack, published fact-checks), else
 * the shipped pack and classifiers. `check` stores nothing, so a store that is busy (an embedded store
 * held by a running `serve`) only costs the fact-check matching, with a note on stderr.
 */
async function detectorsForCheck(config: Config): Promise<Detector[]> {
  const fallback = () =>
    createDefaultDetectors({ classifiers: MODEL_NAMES.map((m) => loadBundledClassifier(m)) });
  if (!config.databaseUrl && !existsSync(join(config.dataDir, 'pgdata'))) return fallback();
  try {
    const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      return await buildDetectors(store.db);
    } finally {
      await store.close();
    }
  } catch (err) {
    console.error(
      `kiemtin: store not available (${(err as Error).message}); checking without the fact-check registry`,
    );
    return fallback();
  }
}

export function registerCheckCommand(program: Command): void {
  program
    .command('check <url-or-file>')
    .description(
      'fetch a page (or read a local HTML file), extract the post and all its comments, run the detectors and report; stores nothing',
    )
    .option('--json', 'print one JSON object: {"documents":[...],"findings":[...]} (see docs/cli.md)')
    .action(async (target: string, f: { json?: boolean }, cmd: Command) => {
      const config = configFrom(cmd);
      const fetcher = createHttpFetcher(config.fetch);
      try {
        const detectors = await detectorsForCheck(config);
        const result = await checkTarget(
          { fetcher, detectors, clock: systemClock, maxFileBytes: config.fetch.maxBodyBytes },
          target,
        );
        if (f.json) printJson(result);
        else console.log(formatCheckReport(result));
      } finally {
        await fetcher.close();
      }
    });
}
