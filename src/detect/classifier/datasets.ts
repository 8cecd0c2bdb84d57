/**
 * The three shipped models and the labelled CSV files they are trained from. Pure: callers read the
 * files and pass their text in.
 */
import { parseCsv } from './csv.js';
import type { LabelledTexts } from './train.js';

export const MODEL_NAMES = ['hate-speech', 'toxic', 'spam'] as const;
export type ModelName = (typeof MODEL_NAMES)[number];

export interface DatasetSpec {
  model: ModelName;
  labels: string[];
  /** Folder under the data root. */
  folder: string;
  trainFile: string;
  devFile: string;
  textColumn: string;
  labelColumn: string;
  /** Dataset label value → label index. */
  labelMap: Record<string, number>;
  /** Name and terms of use for the model card. */
  dataset: string;
  terms: string;
  /** Anything a reader of the figures must know about the split. */
  note?: string;
}

export const DATASETS: Record<ModelName, DatasetSpec> = {
  'hate-speech': {
    model: 'hate-speech',
    labels: ['clean', 'offensive', 'hate'],
    folder: 'vihsd',
    trainFile: 'train.csv',
    devFile: 'dev.csv',
    textColumn: 'free_text',
    labelColumn: 'label_id',
    labelMap: { '0': 0, '1': 1, '2': 2 },
    dataset: 'ViHSD (sonlam1102/vihsd; Luu, Nguyen & Nguyen 2021)',
    terms: 'No licence file; the authors state the dataset is for research purposes only.',
    note:
      "ViHSD's published train split shares about 800 distinct texts with its own test split (the shared _overlap/ list has 857 such train rows). They are kept because the model is trained on this one dataset, as every published ViHSD result is; a test figure is therefore somewhat optimistic for unseen text. ViHSD and ViHOS come from one pool of comments: combine them only with --drop-overlap.",
  },
  toxic: {
    model: 'toxic',
    labels: ['clean', 'toxic'],
    folder: 'victsd',
    trainFile: 'ViCTSD_train.csv',
    devFile: 'ViCTSD_valid.csv',
    textColumn: 'Comment',
    labelColumn: 'Toxicity',
    labelMap: { '0': 0, '1': 1 },
    dataset: 'UIT-ViCTSD (tarudesu/ViCTSD; Nguyen, Van Nguyen & Nguyen 2021)',
    terms: 'No licence file; the Hugging Face card says the dataset is only for research purposes.',
    note: 'Adding ViHSD as extra toxic/clean data (overlap rows dropped) lowered dev macro-F1 from 67.2% to 64.9%, so the model is trained on ViCTSD alone.',
  },
  spam: {
    model: 'spam',
    labels: ['not-spam', 'spam'],
    folder: 'vispamreviews',
    trainFile: 'train.csv',
    devFile: 'dev.csv',
    textColumn: 'Comment',
    labelColumn: 'Label',
    labelMap: { '0': 0, '1': 1 },
    dataset: 'ViSpamReviews v1 (sonlam1102/vispamdetection; Van Dinh, Luu & Nguyen 2022)',
    terms: 'No licence file; the README says research purposes; the SEACrowd loader lists CC BY-NC 4.0 (non-commercial).',
  },
};

/** True when `name` is one of the shipped model names. */
export function isModelName(name: string): name is ModelName {
  return (MODEL_NAMES as readonly string[]).includes(name);
}

export interface ParsedDataset extends LabelledTexts {
  /** 0-based data row (header excluded) of each kept text, to match the overlap drop-list. */
  rows: number[];
  /** Rows skipped, with the reason, e.g. an unknown label value. */
  skipped: { row: number; reason: string }[];
}

/**
 * Reads labelled rows of a CSV for a model. Columns are found by the dataset's own names, or generic
 * `text`/`label` columns whose label values are the model's label names (e.g. "hate") or indices.
 */
export function parseLabelledCsv(csvText: string, spec: DatasetSpec, dropRows: ReadonlySet<number> = new Set()): ParsedDataset {
  const rows = parseCsv(csvText);
  const header = (rows[0] ?? []).map((h) => h.trim());
  const find = (names: string[]): number => header.findIndex((h) => names.some((n) => n.toLowerCase() === h.toLowerCase()));
  const textCol = find([spec.textColumn, 'text', 'comment', 'free_text', 'content']);
  const labelCol = find([spec.labelColumn, 'label', 'label_id']);
  if (textCol < 0 || labelCol < 0) {
    throw new RangeError(
      `CSV header [${header.join(', ')}] has no text column (${spec.textColumn} or text) and label column (${spec.labelColumn} or label) for model ${spec.model}`,
    );
  }
  const texts: string[] = [];
  const labels: number[] = [];
  const kept: number[] = [];
  const skipped: { row: number; reason: string }[] = [];
  for (let r = 1; r < rows.length; r++) {
    const row = rows[r]!;
    const dataRow = r - 1;
    if (row.length === 1 && row[0] === '') continue; // blank line
    if (dropRows.has(dataRow)) {
      skipped.push({ row: dataRow, reason: 'in overlap drop-list' });
      continue;
    }
    const value = (row[labelCol] ?? '').trim();
    let label = spec.labelMap[value];
    if (label === undefined) {
      const byName = spec.labels.indexOf(value.toLowerCase());
      if (byName >= 0) label = byName;
    }
    if (label === undefined) {
      skipped.push({ row: dataRow, reason: `unknown label "${value}"` });
      continue;
    }
    texts.push(row[textCol] ?? '');
    labels.push(label);
    kept.push(dataRow);
  }
  return { texts, labels: Uint8Array.from(labels), rows: kept, skipped };
}

/** Parses the overlap drop-list CSV and returns the data rows listed for one shared file (e.g. "vihsd/train.csv"). */
export function overlapRows(csvText: string, sharedFile: string): Set<number> {
  const rows = parseCsv(csvText);
  const out = new Set<number>();
  for (const row of rows.slice(1)) {
    if (row[0] === sharedFile && row[1] !== undefined) out.add(Number(row[1]));
  }
  return out;
}
