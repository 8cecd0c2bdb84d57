import { once } from 'node:events';
import type { Command } from 'commander';
import { AppError } from '../../core/errors.js';
import { detectEncoding, matchKey, normalizeDisplay, tokenize } from '../../text/index.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true });
const CP1258 = new TextDecoder('windows-1258');

/**
 * Decodes one input line. Valid UTF-8 is read as such; other bytes are legacy 8-bit text, read as
 * Latin-1 (TCVN3, VNI and VISCII are recognised from that) or else as Windows-1258.
 */
export function decodeLine(bytes: Uint8Array): string {
  try {
    return UTF8.decode(bytes);
  } catch {
    const latin1 = Buffer.from(bytes).toString('latin1');
    if (detectEncoding(latin1).encoding !== 'unicode') return latin1;
    return CP1258.decode(bytes);
  }
}

/** Splits a byte stream into lines (without "\n" or "\r\n") and hands each decoded line to `fn`. */
export async function forEachLine(input: AsyncIterable<Uint8Array | string>, fn: (line: string) => Promise<void> | void): Promise<void> {
  let rest: Buffer = Buffer.alloc(0);
  for await (const chunk of input) {
    const buf = rest.length === 0 ? Buffer.from(chunk) : Buffer.concat([rest, Buffer.from(chunk)]);
    let from = 0;
    for (let nl = buf.indexOf(0x0a, from); nl >= 0; nl = buf.indexOf(0x0a, from)) {
      const end = nl > from && buf[nl - 1] === 0x0d ? nl - 1 : nl;
      await fn(decodeLine(buf.subarray(from, end)));
      from = nl + 1;
    }
    rest = Buffer.from(buf.subarray(from));
  }
  if (rest.length > 0) await fn(decodeLine(rest[rest.length - 1] === 0x0d ? rest.subarray(0, -1) : rest));
}

/** Writes to a stream, waiting when its buffer is full so large inputs stream in bounded memory. */
async function writeOut(out: NodeJS.WritableStream, s: string): Promise<void> {
  if (!out.write(s)) await once(out, 'drain');
}

/** `text normalize`: one output line per input line, in `display` or `key` mode. */
export async function runNormalize(input: AsyncIterable<Uint8Array | string>, out: NodeJS.WritableStream, mode: 'display' | 'key'): Promise<void> {
  const fn = mode === 'key' ? matchKey : normalizeDisplay;
  await forEachLine(input, (line) => writeOut(out, fn(line) + '\n'));
}

/** `text tokens`: one JSON array of tokens per input line (offsets are UTF-16 units into that line). */
export async function runTokens(input: AsyncIterable<Uint8Array | string>, out: NodeJS.WritableStream): Promise<void> {
  await forEachLine(input, (line) => writeOut(out, JSON.stringify(tokenize(line)) + '\n'));
}

/** Adds `kiemtin text normalize` and `kiemtin text tokens`. */
export function registerTextCommands(program: Command): void {
  const text = program
    .command('text')
    .description('Vietnamese text core: normalise lines and print tokens (reads stdin, writes stdout)');
  text
    .command('normalize')
    .description(
      'read lines on stdin and write one normalised line per input line.\n' +
        '  display: readable standard Vietnamese (legacy encodings fixed, teencode expanded, case and punctuation kept)\n' +
        '  key:     the matching key (lower case, no diacritics, obfuscation reduced, syllables joined by single spaces)\n' +
        'Lines that are not valid UTF-8 are read as legacy 8-bit text (TCVN3, VNI, VISCII, Windows-1258).',
    )
    .option('--mode <mode>', 'display | key', 'display')
    .action(async (f: { mode: string }) => {
      if (f.mode !== 'display' && f.mode !== 'key') throw new AppError('INVALID_INPUT', `--mode: must be "display" or "key", not "${f.mode}"`);
      await runNormalize(process.stdin, process.stdout, f.mode);
    });
  text
    .command('tokens')
    .description(
      'read lines on stdin and print, per input line, one JSON array of tokens\n' +
        '  [{"text","kind","start","end"}...]; kind is word|number|url|email|phone|mention|hashtag|emoji|emoticon|punct;\n' +
        '  start/end are UTF-16 offsets into that input line; text is the cleaned (NFC, encoding-fixed) form.',
    )
    .action(async () => {
      await runTokens(process.stdin, process.stdout);
    });
}
