/**
 * A varied corpus for checking that detection results stay the same when the detectors' internals
 * change: the contract test's odd texts, the claims fixtures' posts, and generated comments mixing the
 * default pack's phrases (with and without diacritics), teencode, phone numbers, CCCD, bank accounts,
 * e-mails, gambling and lending ads, links, short links and bank look-alike domains.
 */
import { seededRandom } from '../core/random.js';
import type { OutletType } from '../core/types.js';
import { foldDiacritics } from '../text/index.js';
import type { PolicyPack } from './policy/parse.js';
import type { DetectContext, DetectDocument } from './types.js';

export const EQUIVALENCE_NOW = new Date('2026-11-28T00:00:00Z');

const FILLER = [
  'Hôm',
  'nay',
  'trời',
  'đẹp',
  'quá',
  'ko',
  'đc',
  'mn',
  'ơi',
  'ae',
  'mình',
  'đi',
  'chơi',
  'nhé',
  'thông',
  'tin',
  'bài',
  'viết',
  'về',
  'giá',
  'xăng',
  'tăng',
  'người',
  'dân',
  'phản',
  'ánh',
  'k',
  'biết',
  'j',
  'luôn',
  ':))',
  '😂',
  'vs',
  'ck',
  'vk',
  'hok',
  'bít',
  'dzậy',
  'thiệt',
  'hông',
  'nè',
  'ạ',
  'LỪA',
  'ĐẢO',
  'Chính',
  'phủ',
  'Hà',
  'Nội',
  'TP.HCM',
  'v.v',
  '...',
  '!!!',
  '??',
];
const NUMBERS = [
  '0912345678',
  '0912 345 678',
  '091.234.5678',
  '+84 912 345 678',
  '84912345678',
  '0084912345678',
  '028 3823 4567',
  '02838234567',
  '079203001234',
  '001 099 123 456',
  '0792 0300 1234',
  '036185012345',
  '123456789012',
  '999203001234',
  'STK 190356789012',
  'stk: 0123456789 VCB',
  'Vietcombank 0071000123456',
  'số tài khoản 1903 5678 9012 tcb',
  'ck 500.000 vào 19035678901',
  'MB bank 0987654321',
  'ACB: 12345678',
  'giá 1.500.000đ',
  '100k',
  '2026',
  'lúc 10:30 ngày 28/11',
  'abc.xyz@gmail.com',
  'liên hệ hotro@vietcombank-hotro.com',
  'mail: nguyen.van.a@yahoo.com.vn',
];
const LINKS = [
  'https://abc.vn/x',
  'bit.ly/3xY',
  'https://bit.ly/abc?x=1',
  'www.fb88.vip',
  'fb88.vip/dangky',
  'jun88.com',
  'vao 789bet ngay',
  'w88',
  'https://vietcombank-hotro.com/login',
  'vietcornbank.com',
  'bidv.com',
  'techcombamk.vn/xacminh',
  'https://www.vietcombank.com.vn',
  'tinyurl.com/y3k',
  'shopee.vn/sp/123',
  'https://m.facebook.com/groups/123',
  'zalo.me/0912345678',
  'tp.hcm',
  'v.v',
  'http://x',
];
const THIRD_PARTY = [
  'sđt của nó',
  'nhà thằng này',
  'bóc phốt',
  'info của nó',
  'ai biết',
  'cccd của nó',
  'số của con này',
  'liên hệ',
  'hotline',
  'inbox',
];

/** Phrases of every list of the pack, as written, without diacritics, upper case and obfuscated. */
function phraseForms(pack: PolicyPack): string[] {
  const out: string[] = [];
  for (const list of Object.values(pack.phraseLists)) {
    for (const p of list) {
      out.push(
        p,
        foldDiacritics(p),
        p.toUpperCase(),
        p.split('').join('.'),
        p.replace(/([aeiouyàáảãạ])/g, '$1$1$1'),
      );
    }
  }
  return out;
}

/** `n` generated comments and posts (deterministic for a seed). */
export function generatedTexts(pack: PolicyPack, n: number, seed = 20261129): string[] {
  const rnd = seededRandom(seed);
  const phrases = phraseForms(pack);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const words: string[] = [];
    const len = 3 + Math.floor(rnd() * 40);
    for (let k = 0; k < len; k++) {
      const r = rnd();
      if (r < 0.55) words.push(pick(FILLER));
      else if (r < 0.75) words.push(pick(phrases));
      else if (r < 0.85) words.push(pick(NUMBERS));
      else if (r < 0.93) words.push(pick(LINKS));
      else words.push(pick(THIRD_PARTY));
    }
    let text = words.join(rnd() < 0.9 ? ' ' : ', ');
    if (rnd() < 0.15) text = foldDiacritics(text);
    if (rnd() < 0.05) text = text.normalize('NFD');
    out.push(text);
  }
  return out;
}

/** The contract test's odd inputs, with a huge one that crosses the 64,000-character analysis cut. */
export const ODD_TEXTS: readonly string[] = [
  '',
  ' \n\t  \u00a0 ',
  'vay nhanh không thế chấp 0912345678 bit.ly/x đ.m '.repeat(1_400),
  String.fromCharCode(...Array.from({ length: 512 }, (_, i) => (i * 37) % 256)) + '\ud800x\udfff',
  '😂😂🔥🇻🇳👍🏽👨‍👩‍👧',
  'مرحبا بالعالم שלום עולם 0912345678',
  'Lừa đảo vay tiền online giải ngân trong ngày'.normalize('NFD'),
  'Baïn bò löøa ñaûo roài, vay nhanh khoâng theá chaáp',
  'Ba.n bi. lu+`a dda?o ro^`i',
  'CCCD của nó 079203001234, vào fb88.vip nạp 100k tặng, bọn bắc kỳ giết hết, đ.m óc chó câm mồm',
];

const OUTLETS: ReadonlyArray<OutletType | null> = [
  null,
  'social-page',
  'e-newspaper',
  'blog',
  'state-portal',
];

/** Documents with varied kinds, outlets, titles, authors and dates, each with its run context. */
export function equivalenceDocuments(
  texts: readonly string[],
): Array<{ doc: DetectDocument; ctx: DetectContext }> {
  const rnd = seededRandom(7);
  const out: Array<{ doc: DetectDocument; ctx: DetectContext }> = [];
  let parent: DetectDocument | null = null;
  texts.forEach((text, i) => {
    const post = i % 7 === 0;
    const doc: DetectDocument = {
      id: `d${i}`,
      kind: post ? 'post' : 'comment',
      text,
      title: post && rnd() < 0.7 ? `Tiêu đề ${i}: ${text.slice(0, 40)}` : null,
      url: null,
      parentId: !post && parent !== null ? parent.id : null,
      author: rnd() < 0.5 ? `@user${i % 13}` : null,
      outletType: OUTLETS[i % OUTLETS.length] ?? null,
      publishedAt:
        rnd() < 0.6 ? new Date(EQUIVALENCE_NOW.getTime() - Math.floor(rnd() * 3 * 86_400_000)) : null,
    };
    out.push({ doc, ctx: { now: EQUIVALENCE_NOW, parent: post ? null : parent } });
    if (post) parent = doc;
  });
  return out;
}
