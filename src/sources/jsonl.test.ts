import { describe, expect, it } from 'vitest';
import { isAppError } from '../core/errors.js';
import { parsePushItem, readJsonLines, type JsonlResult } from './jsonl.js';

const post = {
  outlet: 'bao-a',
  kind: 'post',
  url: 'https://bao-a.vn/tin/1',
  title: '  Tin   mới ',
  publishedAt: '12/06/2021 08:04',
  text: 'Đoạn một\r\n\r\nĐoạn   hai',
};
const comment = { outlet: 'bao-a', kind: 'comment', url: 'https://bao-a.vn/tin/1#c1', parentUrl: 'https://bao-a.vn/tin/1', text: 'Hay quá 👍' };

async function collectAll(source: Iterable<string | Uint8Array>, maxLineBytes?: number): Promise<JsonlResult[]> {
  const out: JsonlResult[] = [];
  for await (const r of readJsonLines(source, maxLineBytes === undefined ? {} : { maxLineBytes })) out.push(r);
  return out;
}

describe('parsePushItem', () => {
  it('turns a pushed object into a SourceItem with normalized text and a parsed date', () => {
    const { outletId, item } = parsePushItem(post);
    expect(outletId).toBe('bao-a');
    expect(item).toMatchObject({ kind: 'post', title: 'Tin mới', parentUrl: null, text: 'Đoạn một\n\nĐoạn hai' });
    expect(item.publishedAt?.toISOString()).toBe('2021-06-12T01:04:00.000Z');
  });

  it('names the field that is wrong', () => {
    const cases: [unknown, string][] = [
      [{ ...comment, parentUrl: undefined }, 'parentUrl'],
      [{ ...post, url: 'ftp://x/1' }, 'url'],
      [{ ...post, publishedAt: 'hôm nào đó' }, 'publishedAt'],
      [{ ...post, kind: 'video' }, 'kind'],
      [{ ...post, text: '   ' }, 'text'],
      [{ ...post, titel: 'typo' }, 'titel'],
    ];
    for (const [value, field] of cases) {
      try {
        parsePushItem(value, 7);
        expect.unreachable(`accepted ${JSON.stringify(value)}`);
      } catch (err) {
        expect(isAppError(err, 'INVALID_INPUT')).toBe(true);
        expect((err as Error).message).toContain('line 7');
        expect((err as Error).message).toContain(field);
      }
    }
  });
});

describe('readJsonLines', () => {
  it('yields each good line and an error for each bad one, going on to the end', async () => {
    const text = [JSON.stringify(post), '', '{not json', JSON.stringify({ ...comment, url: 'nope' }), JSON.stringify(comment)].join('\r\n');
    const results = await collectAll([text]);
    expect(results.map((r) => [r.line, r.ok])).toEqual([
      [1, true],
      [3, false],
      [4, false],
      [5, true],
    ]);
    const bad = results.filter((r) => !r.ok).map((r) => (r.ok ? null : r.error.code));
    expect(bad).toEqual(['PARSE_JSON', 'INVALID_INPUT']);
  });

  it('reassembles lines and multi-byte characters split across byte chunks', async () => {
    const bytes = new TextEncoder().encode('\ufeff' + JSON.stringify(comment) + '\n' + JSON.stringify(post) + '\n');
    const chunks = Array.from({ length: Math.ceil(bytes.length / 7) }, (_, i) => bytes.slice(i * 7, i * 7 + 7));
    const results = await collectAll(chunks);
    expect(results.every((r) => r.ok)).toBe(true);
    expect(results[0]?.ok && results[0].value.item.text).toBe('Hay quá 👍');
  });

  it('skips a line over the size limit without holding it, then reads on', async () => {
    const huge = JSON.stringify({ ...post, text: 'x'.repeat(5000) });
    const results = await collectAll([JSON.stringify(post) + '\n', huge.slice(0, 2000), huge.slice(2000) + '\n', JSON.stringify(comment)], 1000);
    expect(results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['ok', 'PAYLOAD_TOO_LARGE', 'ok']);
    expect(results[2]?.line).toBe(3);
  });
});
