/**
 * The model file: gzip of [magic "KTC1"][u32 header length][JSON header][int8 weights].
 * Weights are quantised with square-root companding (w ≈ sign(q)·(|q|/127)²·maxAbs), which keeps more
 * resolution for the many small weights than linear int8, and the zeros of unused buckets compress well.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { FeatureConfig } from './features.js';
import type { LinearModel } from './linear.js';

const MAGIC = 0x3143544b; // "KTC1" little-endian

interface Header {
  name: string;
  version: string;
  labels: string[];
  features: FeatureConfig;
  bias: number[];
  temperature: number;
  offsets: number[];
  maxAbs: number;
  meta: Record<string, unknown>;
}

/** Quantises a weight array to int8 codes with square-root companding. */
export function quantise(weights: Float32Array): { codes: Int8Array; maxAbs: number } {
  let maxAbs = 0;
  for (let i = 0; i < weights.length; i++) maxAbs = Math.max(maxAbs, Math.abs(weights[i]!));
  const codes = new Int8Array(weights.length);
  if (maxAbs === 0) return { codes, maxAbs };
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!;
    const q = Math.round(127 * Math.sqrt(Math.abs(w) / maxAbs));
    codes[i] = w < 0 ? -q : q;
  }
  return { codes, maxAbs };
}

/** The weight of each int8 code, indexed by code + 128. */
export function codeTable(maxAbs: number): Float32Array {
  const table = new Float32Array(256);
  for (let q = -128; q < 128; q++) {
    const m = Math.min(Math.abs(q), 127) / 127;
    table[q + 128] = Math.sign(q) * m * m * maxAbs;
  }
  return table;
}

/** Inverse of `quantise`. */
export function dequantise(codes: Int8Array, maxAbs: number): Float32Array {
  const table = codeTable(maxAbs);
  const out = new Float32Array(codes.length);
  for (let i = 0; i < codes.length; i++) out[i] = table[codes[i]! + 128]!;
  return out;
}

/** Serialises a model (weights quantised) to the compressed file format. */
export function encodeModel(model: LinearModel): Uint8Array {
  const { codes, maxAbs } = quantise(model.weights);
  const header: Header = {
    name: model.name,
    version: model.version,
    labels: model.labels,
    features: model.features,
    bias: [...model.bias],
    temperature: model.temperature,
    offsets: [...model.offsets],
    maxAbs,
    meta: model.meta,
  };
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const raw = Buffer.alloc(8 + json.length + codes.length);
  raw.writeUInt32LE(MAGIC, 0);
  raw.writeUInt32LE(json.length, 4);
  json.copy(raw, 8);
  Buffer.from(codes.buffer, codes.byteOffset, codes.byteLength).copy(raw, 8 + json.length);
  return gzipSync(raw, { level: 9 });
}

/** Parses a model file; throws a RangeError naming what is wrong when the bytes are not a model. */
export function decodeModel(bytes: Uint8Array): LinearModel {
  let raw: Buffer;
  try {
    raw = gunzipSync(bytes);
  } catch (err) {
    throw new RangeError('not a kiemtin model file (not gzip)', { cause: err });
  }
  if (raw.length < 8 || raw.readUInt32LE(0) !== MAGIC) throw new RangeError('not a kiemtin model file (bad magic)');
  const headerLength = raw.readUInt32LE(4);
  const header = JSON.parse(raw.subarray(8, 8 + headerLength).toString('utf8')) as Header;
  const body = raw.subarray(8 + headerLength);
  const expected = (1 << header.features.bits) * header.labels.length;
  if (body.length !== expected) throw new RangeError(`model ${header.name}: ${body.length} weights, expected ${expected}`);
  const codes = new Int8Array(body.buffer, body.byteOffset, body.length);
  const shifted = new Uint8Array(codes.length);
  for (let i = 0; i < codes.length; i++) shifted[i] = codes[i]! + 128;
  return {
    quantised: { codes: shifted, table: codeTable(header.maxAbs) },
    name: header.name,
    version: header.version,
    labels: header.labels,
    features: header.features,
    weights: dequantise(codes, header.maxAbs),
    bias: Float32Array.from(header.bias),
    temperature: header.temperature,
    offsets: Float32Array.from(header.offsets),
    meta: header.meta,
  };
}
