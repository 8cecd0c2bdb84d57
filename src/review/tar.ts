import { gzipSync } from 'node:zlib';

/**
 * A minimal ustar writer (regular files only) for evidence packs: enough for `tar -xzf`, no
 * dependency. Names must be ASCII and at most 100 bytes.
 */
export function tarGz(files: ReadonlyArray<{ name: string; body: Uint8Array | string }>, mtime: Date): Buffer {
  const parts: Buffer[] = [];
  for (const f of files) {
    const body = typeof f.body === 'string' ? Buffer.from(f.body, 'utf8') : Buffer.from(f.body);
    if (Buffer.byteLength(f.name) > 100 || /[^\x20-\x7e]/.test(f.name)) throw new Error(`tar: bad file name ${f.name}`);
    const h = Buffer.alloc(512);
    h.write(f.name, 0, 'ascii');
    h.write('0000644\0', 100, 'ascii');
    h.write('0000000\0', 108, 'ascii');
    h.write('0000000\0', 116, 'ascii');
    h.write(body.length.toString(8).padStart(11, '0') + '\0', 124, 'ascii');
    h.write(Math.floor(mtime.getTime() / 1000).toString(8).padStart(11, '0') + '\0', 136, 'ascii');
    h.write('        ', 148, 'ascii');
    h.write('0', 156, 'ascii');
    h.write('ustar\0' + '00', 257, 'ascii');
    let sum = 0;
    for (const b of h) sum += b;
    h.write(sum.toString(8).padStart(6, '0') + '\0 ', 148, 'ascii');
    parts.push(h, body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  parts.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(parts));
}
