import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createClaimMatcher, parseFactChecks } from '../../detect/claims/index.js';
import { runMatchStream } from './match.js';

const matcher = createClaimMatcher(
  parseFactChecks([
    { id: 'EXT-7', claim: 'Cầu Rồng ở Đà Nẵng bị nứt và sắp sập.', verdict: 'false', correction: 'Cầu an toàn.' },
    { id: 'EXT-8', claim: 'Gạo nhựa đang được bán tràn lan ở các chợ tại Hà Nội.', verdict: 'false', correction: 'Không có.' },
  ]),
);

async function run(lines: string[]): Promise<{ out: Array<Record<string, unknown>>; bad: number }> {
  const input = new PassThrough();
  const output = new PassThrough();
  const chunks: string[] = [];
  output.on('data', (c: Buffer) => chunks.push(c.toString('utf8')));
  input.end(lines.join('\n') + '\n');
  const bad = await runMatchStream(matcher, input, output);
  return { out: chunks.join('').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>), bad };
}

describe('kiemtin match', () => {
  it('writes one line per input, in order, with the external id and the passage', async () => {
    const { out, bad } = await run([
      JSON.stringify({ id: 'a', text: 'cau Rong o Da Nang bi nut sap sap roi' }),
      JSON.stringify({ id: 'b', text: 'Hôm nay trời đẹp.' }),
      JSON.stringify({ id: 'c', text: 'Gạo nhựa bán tràn lan ở chợ Hà Nội đó mọi người.' }),
    ]);
    expect(bad).toBe(0);
    expect(out.map((o) => o.id)).toEqual(['a', 'b', 'c']);
    expect((out[0]?.matches as Array<{ factCheckId: string }>)[0]?.factCheckId).toBe('EXT-7');
    expect(out[1]?.matches).toEqual([]);
    const m = (out[2]?.matches as Array<{ factCheckId: string; score: number; passage: string; span: { start: number; end: number } }>)[0];
    expect(m?.factCheckId).toBe('EXT-8');
    expect(m?.passage).toContain('Gạo nhựa');
  });

  it('keeps outputs aligned when a line is bad', async () => {
    const { out, bad } = await run(['{not json', JSON.stringify({ id: 'x', text: 'cầu Rồng Đà Nẵng bị nứt, sắp sập' })]);
    expect(bad).toBe(1);
    expect(out).toHaveLength(2);
    expect(out[0]).toMatchObject({ id: null, matches: [] });
    expect(out[0]?.error).toContain('line 1');
    expect(out[1]?.id).toBe('x');
  });
});
