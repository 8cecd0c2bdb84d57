import { describe, expect, it } from 'vitest';
import { parseCsv } from './csv.js';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    const rows = parseCsv('text,label\n"a, b",1\n"say ""hi""\nthere",0\nplain,2\n');
    expect(rows).toEqual([
      ['text', 'label'],
      ['a, b', '1'],
      ['say "hi"\nthere', '0'],
      ['plain', '2'],
    ]);
  });

  it('handles CRLF, a BOM, empty fields and a missing final newline', () => {
    expect(parseCsv('\ufeffa,b\r\n,x\r\ny,')).toEqual([
      ['a', 'b'],
      ['', 'x'],
      ['y', ''],
    ]);
  });
});
