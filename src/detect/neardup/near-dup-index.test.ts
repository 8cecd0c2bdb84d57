import { describe, expect, it } from 'vitest';
import { isAppError } from '../../core/errors.js';
import { LshIndex, candidateProbability } from './lsh-index.js';
import { MinHasher, decodeU32, encodeU32, estimateJaccard } from './minhash.js';
import { NearDupIndex, maxInWindow } from './near-dup-index.js';
import { shingleSet, similarity } from './shingles.js';
import { generateCorpus, makeText, makeVocabulary, seededRandom } from './synthetic.js';

describe('MinHash and LSH', () => {
  it('estimates Jaccard from signatures and round-trips them through bytes', () => {
    const rnd = seededRandom(3);
    const vocab = makeVocabulary(2000, rnd);
    const a = makeText(vocab, rnd, 60, 60);
    const b = a.split(' ').slice(0, 45).join(' ') + ' ' + makeText(vocab, rnd, 10, 10);
    const sa = shingleSet(a);
    const sb = shingleSet(b);
    const exact = similarity(sa, sb).jaccard;
    const h = new MinHasher(256);
    const siga = h.signature(sa);
    expect(Math.abs(estimateJaccard(siga, h.signature(sb)) - exact)).toBeLessThan(0.12);
    expect(new MinHasher(256).signature(sa)).toEqual(siga); // fixed seeds: stable across instances
    expect(decodeU32(encodeU32(siga))).toEqual(siga);
  });

  it('makes pairs at Jaccard 0.7 candidates with probability above 0.995 (the default 32 bands × 5 rows)', () => {
    const { bands, rows } = new NearDupIndex().lshOptions;
    expect(candidateProbability(0.7, bands, rows)).toBeGreaterThan(0.995);
    expect(candidateProbability(0.2, bands, rows)).toBeLessThan(0.02);
  });
});

describe('the LSH window', () => {
  it('finds an entry while it is among the latest `window` and forgets it after', () => {
    const lsh = new LshIndex({ window: 5000 }); // rounded up to 8,192
    const rnd = seededRandom(6);
    const randomKeys = (): Int32Array => Int32Array.from({ length: 32 }, () => Math.floor(rnd() * 2 ** 31));
    const target = randomKeys();
    expect(lsh.addKeys(target)).toBe(0);
    for (let i = 1; i < 8192; i++) lsh.addKeys(randomKeys());
    expect(lsh.queryKeys(target)).toEqual([0]); // 8,192 entries: all still searchable
    const again = lsh.addKeys(target); // entry 8192 takes the ring slot of entry 0
    expect(lsh.queryKeys(target)).toEqual([again]);
    for (let i = 0; i < 8191; i++) lsh.addKeys(randomKeys());
    expect(lsh.queryKeys(target)).toEqual([again]);
    lsh.addKeys(randomKeys());
    expect(lsh.queryKeys(target)).toEqual([]);
    expect(lsh.count).toBe(2 * 8192 + 1);
  });
});

describe('NearDupIndex on a generated corpus', () => {
  it('puts ≥ 98% of pairs with Jaccard ≥ 0.7 in one cluster, and every reported match is verified', () => {
    const docs = [...generateCorpus({ docs: 500, seed: 11, duplicateShare: 0.3, maxEdits: 2 })];
    const index = new NearDupIndex();
    const reported: { a: string; b: string; jaccard: number }[] = [];
    for (const d of docs) for (const m of index.add(d).matches) reported.push({ a: d.id, b: m.docId, jaccard: m.jaccard });
    const prepared = new Map(docs.map((d) => [d.id, index.prepare(d.text)]));
    const cluster = docs.map((d) => index.clusterIdOf(d.id));
    let positives = 0;
    let together = 0;
    let coClustered = 0;
    let coClusteredBelow = 0;
    for (let i = 0; i < docs.length; i++) {
      for (let j = i + 1; j < docs.length; j++) {
        const a = prepared.get(docs[i]!.id)!;
        const b = prepared.get(docs[j]!.id)!;
        const jac = similarity(a.shingles, b.shingles).jaccard;
        const same = cluster[i] !== null && cluster[i] === cluster[j];
        if (jac >= 0.7) {
          positives++;
          if (same) together++;
        }
        if (same) {
          coClustered++;
          if (jac < 0.7) coClusteredBelow++;
        }
      }
    }
    expect(positives).toBeGreaterThan(100);
    expect(together / positives).toBeGreaterThanOrEqual(0.98);
    // Transitive chains may join a pair below the threshold, but rarely.
    expect(1 - coClusteredBelow / coClustered).toBeGreaterThanOrEqual(0.97);
    expect(reported.length).toBeGreaterThan(50);
    for (const r of reported) {
      const exact = similarity(prepared.get(r.a)!.shingles, prepared.get(r.b)!.shingles).jaccard;
      expect(exact).toBeGreaterThanOrEqual(0.7);
      expect(r.jaccard).toBeCloseTo(exact, 10);
    }
  });

  it('keeps cluster ids stable when rebuilt from stored blobs in the same order', () => {
    const docs = [...generateCorpus({ docs: 300, seed: 5, duplicateShare: 0.4 })];
    const first = new NearDupIndex();
    const blobs = docs.map((d) => {
      const p = first.prepare(d.text);
      first.addPrepared(d, p);
      return first.encodePrepared(p);
    });
    const rebuilt = new NearDupIndex();
    docs.forEach((d, i) => rebuilt.addPrepared(d, rebuilt.decodePrepared(blobs[i]!, d.text)));
    expect(docs.map((d) => rebuilt.clusterIdOf(d.id))).toEqual(docs.map((d) => first.clusterIdOf(d.id)));
    expect(rebuilt.clusters().length).toBeGreaterThan(10);
    expect(rebuilt.clusters()).toEqual(first.clusters());

    const other = new NearDupIndex({ shingle: { size: 4, maxShingles: 1024 } });
    let err: unknown;
    try {
      other.decodePrepared(blobs[0]!);
    } catch (e) {
      err = e;
    }
    expect(isAppError(err, 'INVALID_INPUT')).toBe(true);
  });

  it('reports the cluster absorbed when a document bridges two clusters', () => {
    const rnd = seededRandom(9);
    const vocab = makeVocabulary(3000, rnd);
    const base = makeText(vocab, rnd, 30, 30).replace(/[.!,]/g, '');
    const extra = makeText(vocab, rnd, 12, 12).replace(/[.!,]/g, '').split(' ');
    const a = base;
    const c = `${base} ${extra.join(' ')}`;
    const b = `${base} ${extra.slice(0, 6).join(' ')}`;
    const j = (x: string, y: string): number => similarity(shingleSet(x), shingleSet(y)).jaccard;
    expect(j(a, c)).toBeLessThan(0.7);
    expect(j(a, b)).toBeGreaterThanOrEqual(0.7);
    expect(j(b, c)).toBeGreaterThanOrEqual(0.7);
    const index = new NearDupIndex();
    index.add({ id: 'a', text: a, author: 'x' });
    expect(index.add({ id: 'c', text: c, author: 'y' }).clusterId).toBe('c');
    const r = index.add({ id: 'b', text: b, author: 'z' });
    expect(r).toMatchObject({ status: 'indexed', clusterId: 'a', clusterSize: 3, merged: ['c'] });
    expect(index.clusterIdOf('c')).toBe('a');
    expect(index.add({ id: 'b', text: 'anything else entirely' }).status).toBe('known');
    expect(index.campaign('b')!.size).toBe(3);
  });
});

describe('the cluster guard', () => {
  it('stops a chain of near-duplicates from drifting into unrelated text', () => {
    const rnd = seededRandom(4);
    const vocab = makeVocabulary(3000, rnd);
    // Each text replaces the next 2 of 40 words of the previous one: neighbours are near-duplicates,
    // but after 20 steps nothing of the first text is left.
    const chain = [makeText(vocab, rnd, 40, 40).replace(/[.!,]/g, '').split(' ')];
    for (let i = 1; i <= 20; i++) {
      const words = [...chain[i - 1]!];
      for (let k = 0; k < 2; k++) words[(2 * (i - 1) + k) % 40] = makeText(vocab, rnd, 1, 1).replace(/[.!,]/g, '');
      chain.push(words);
    }
    const texts = chain.map((w) => w.join(' '));
    const j = (x: string, y: string): number => similarity(shingleSet(x), shingleSet(y)).jaccard;
    for (let i = 1; i < texts.length; i++) expect(j(texts[i - 1]!, texts[i]!)).toBeGreaterThanOrEqual(0.7);
    expect(j(texts[0]!, texts[20]!)).toBeLessThan(0.2);

    const plain = new NearDupIndex({ clusterGuard: 0 });
    const guarded = new NearDupIndex();
    texts.forEach((text, i) => {
      plain.add({ id: `t${i}`, text });
      guarded.add({ id: `t${i}`, text });
    });
    expect(plain.clusterIdOf('t20')).toBe('t0'); // single link: one cluster from end to end
    const first = guarded.campaign('t0')!;
    expect(first.size).toBeGreaterThan(2);
    expect(first.size).toBeLessThan(21);
    // Each join is checked against a first text, so members stay related to t0 (a merge of two
    // clusters can add a second hop: the bound is not the guard itself).
    const closeness = (c: { members: { id: string }[] }): number =>
      Math.min(...c.members.map((m) => j(texts[0]!, texts[Number(m.id.slice(1))]!)));
    expect(closeness(plain.campaign('t0')!)).toBeLessThan(0.2);
    expect(closeness(first)).toBeGreaterThanOrEqual(0.4);
    expect(guarded.clusterIdOf('t20')).not.toBe('t0');
  });
});

describe('NearDupIndex on bad input', () => {
  it('skips empty and one-word comments instead of clustering them', () => {
    const index = new NearDupIndex();
    for (let i = 0; i < 50; i++) {
      expect(index.add({ id: `e${i}`, text: '' }).status).toBe('skipped');
      expect(index.add({ id: `w${i}`, text: 'hay' }).clusterId).toBeNull();
    }
    expect(index.clusters(1)).toEqual([]);
  });

  it('indexes a 1 MB comment with a bounded shingle set and still matches its copy', () => {
    const rnd = seededRandom(2);
    const vocab = makeVocabulary(3000, rnd);
    let big = '';
    while (big.length < 1_000_000) big += makeText(vocab, rnd, 60, 60) + ' ';
    // The fast key keeps this test quick; the bound on stored shingles is the same for either key.
    const index = new NearDupIndex({ fastKey: true });
    const prep = index.prepare(big);
    expect(prep.shingles.capped).toBe(true);
    expect(prep.shingles.hashes.length).toBe(index.opts.shingle.maxShingles);
    index.addPrepared({ id: 'big' }, prep);
    const r = index.add({ id: 'big2', text: 'Ồ ' + big.slice(0, 999_000) });
    expect(r.clusterId).toBe('big');
    expect(index.add({ id: 'nospace', text: 'x'.repeat(1_000_000) }).status).toBe('skipped');
  });

  it('collapses 100k identical comments onto one text with bounded listing', () => {
    const index = new NearDupIndex({ maxMembersPerText: 1000 });
    const text = 'Mọi người hãy vào trang này nhận quà miễn phí ngay hôm nay';
    const prep = index.prepare(text);
    const t0 = Date.UTC(2024, 0, 1);
    for (let i = 0; i < 100_000; i++) index.addPrepared({ id: `s${i}`, author: `a${i % 500}`, publishedAt: t0 + i * 100 }, prep);
    // A near-identical variant still joins through the single representative.
    expect(index.add({ id: 'v', text: text + ' nhé', author: 'b' }).clusterId).toBe('s0');
    const s = index.stats;
    expect(s.texts).toBe(2);
    expect(s.documents).toBe(100_001);
    expect(s.listed).toBe(1001);
    const c = index.campaign('s0')!;
    expect(c.size).toBe(100_001);
    expect(c.members).toHaveLength(1001);
    expect(c.burstPerMinute).toBe(600); // one post every 100 ms among the listed members
    expect(c.lastSeen).toBe(t0 + 99_999 * 100);
    expect(c.representative).toMatchObject({ docId: 's0', count: 100_000 });
  });
});

describe('maxInWindow', () => {
  it('counts the most events in any window', () => {
    expect(maxInWindow([90_000, 0, 10_000], 60_000)).toBe(2);
    expect(maxInWindow([], 60_000)).toBe(0);
  });
});
