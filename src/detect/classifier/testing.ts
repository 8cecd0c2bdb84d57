/**
 * A tiny synthetic labelled corpus for tests and examples (no dataset text): three classes told apart by
 * marker phrases inside shared filler, written with and without diacritics.
 */
import { createRandom } from './train.js';
import type { LabelledTexts } from './train.js';

const FILLER = ['hôm nay', 'trời', 'đẹp', 'bài viết', 'này', 'mọi người', 'xem', 'video', 'quá', 'thật', 'là', 'ở', 'đây'];
const MARKERS = [
  ['cảm ơn bạn', 'rất hay', 'ủng hộ', 'tuyệt vời'],
  ['đồ ngu', 'óc chó', 'câm mồm', 'ngu như bò'],
  ['lũ bắc kỳ', 'bọn mọi rợ', 'cút về nước', 'giết hết bọn'],
];

/** Labels of the synthetic corpus, in index order. */
export const SYNTHETIC_LABELS = ['clean', 'offensive', 'hate'];

/** n texts with labels 0..2; about a third of the texts are written without diacritics. */
export function syntheticCorpus(n: number, seed: number): LabelledTexts {
  const random = createRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const texts: string[] = [];
  const labels = new Uint8Array(n);
  const strip = (s: string): string =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/đ/g, 'd');
  for (let i = 0; i < n; i++) {
    const label = i % 3;
    const words: string[] = [];
    for (let w = 0; w < 4 + Math.floor(random() * 6); w++) words.push(pick(FILLER));
    words.splice(Math.floor(random() * words.length), 0, pick(MARKERS[label]!));
    const text = words.join(' ');
    texts.push(random() < 0.33 ? strip(text) : text);
    labels[i] = label;
  }
  return { texts, labels };
}
