import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { detectEncoding, fixEncoding, fixEncodingMapped } from './encoding.js';

const SENTENCES = [
  'Cộng hòa xã hội chủ nghĩa Việt Nam, độc lập, tự do, hạnh phúc.',
  'Người dân phản ánh thông tin sai sự thật về dịch bệnh trên mạng xã hội!',
  'ỦY BAN NHÂN DÂN THÀNH PHỐ công bố khoẻ mạnh, thuý, huỷ bỏ.',
];

describe('legacy encodings', () => {
  for (const enc of ['tcvn', 'viscii'] as const) {
    // VISCII uses bytes Windows-1252 leaves undefined, so only its Latin-1 reading is recoverable.
    for (const as of enc === 'tcvn' ? (['latin1', 'win1252'] as const) : (['latin1'] as const)) {
      it(`${enc} bytes read as ${as} come back as the original Unicode`, () => {
        for (const s of SENTENCES) {
          const mojibake = iconv.decode(iconv.encode(s, enc), as);
          expect(detectEncoding(mojibake).encoding).toBe(enc === 'tcvn' ? 'tcvn3' : 'viscii');
          expect(fixEncoding(mojibake)).toBe(s);
        }
      });
    }
  }

  it('converts VNI-Windows text', () => {
    expect(detectEncoding('Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam').encoding).toBe('vni');
    expect(fixEncoding('Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam')).toBe('Cộng hòa xã hội chủ nghĩa Việt Nam');
    expect(fixEncoding('Ngöôøi daân ñöôïc hoã trôï')).toBe('Người dân được hỗ trợ');
  });

  it('converts VIQR, keeping a sentence-final full stop', () => {
    const viqr = "Tie^'ng Vie^.t la` ngo^n ngu+~ cu?a ngu+o+`i Vie^.t. DDo^.c la^.p!";
    expect(detectEncoding(viqr).encoding).toBe('viqr');
    expect(fixEncoding(viqr)).toBe('Tiếng Việt là ngôn ngữ của người Việt. Độc lập!');
  });

  it('composes decomposed (NFD, Windows-1258 style) text', () => {
    const s = SENTENCES[0] ?? '';
    expect(detectEncoding(s.normalize('NFD')).encoding).toBe('nfd');
    expect(fixEncoding(s.normalize('NFD'))).toBe(s);
    expect(fixEncoding(new TextDecoder('windows-1258').decode(Uint8Array.from([0x56, 0x69, 0xea, 0xf2, 0x74])))).toBe('Việt');
  });

  it('leaves ordinary Unicode Vietnamese and other languages unchanged', () => {
    const plain = [
      ...SENTENCES,
      'Cà phê', 'Hello world, this is fine. Is it? Yes.', "Le café est très bon, l'élève à l'école.",
      'Schön, Straße, niño, señor, façade', 'Привет, как дела?', 'これは日本語です', 'ko đc đâu :)) =]]',
      'What? No. Really... ok!', 'e.g. i.e. U.S.A.', 'x = a^2 + b; f(x) = y\'',
    ];
    for (const s of plain) {
      expect(detectEncoding(s).encoding, s).toBe('unicode');
      expect(fixEncoding(s), s).toBe(s);
    }
  });

  it('maps every output character back inside the raw span it came from', () => {
    const raw = 'Vieät Nam';
    const { mapped } = fixEncodingMapped(raw);
    expect(mapped.text).toBe('Việt Nam');
    const i = mapped.text.indexOf('ệ');
    expect([mapped.spans?.[2 * i], mapped.spans?.[2 * i + 1]]).toEqual([2, 4]);
  });
});
