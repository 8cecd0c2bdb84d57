/** Classification metrics: confusion matrix, per-class precision/recall/F1 and macro-F1. */

export interface ClassMetrics {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

export interface EvalReport {
  labels: string[];
  n: number;
  accuracy: number;
  macroF1: number;
  perClass: ClassMetrics[];
  /** confusion[gold][predicted] */
  confusion: number[][];
}

/** Builds the report from gold and predicted label indices. */
export function evaluate(labels: readonly string[], gold: ArrayLike<number>, predicted: ArrayLike<number>): EvalReport {
  const k = labels.length;
  const confusion = labels.map(() => new Array<number>(k).fill(0));
  let correct = 0;
  for (let i = 0; i < gold.length; i++) {
    const g = gold[i]!;
    const p = predicted[i]!;
    confusion[g]![p]!++;
    if (g === p) correct++;
  }
  const perClass = labels.map((label, c) => {
    const tp = confusion[c]![c]!;
    let predictedC = 0;
    let support = 0;
    for (let j = 0; j < k; j++) {
      predictedC += confusion[j]![c]!;
      support += confusion[c]![j]!;
    }
    const precision = predictedC === 0 ? 0 : tp / predictedC;
    const recall = support === 0 ? 0 : tp / support;
    const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
    return { label, precision, recall, f1, support };
  });
  const macroF1 = perClass.reduce((s, m) => s + m.f1, 0) / k;
  return { labels: [...labels], n: gold.length, accuracy: gold.length === 0 ? 0 : correct / gold.length, macroF1, perClass, confusion };
}

/** Macro-F1 only, without building the report (used inside tuning loops). */
export function macroF1(k: number, gold: ArrayLike<number>, predicted: ArrayLike<number>): number {
  const tp = new Float64Array(k);
  const fp = new Float64Array(k);
  const fn = new Float64Array(k);
  for (let i = 0; i < gold.length; i++) {
    const g = gold[i]!;
    const p = predicted[i]!;
    if (g === p) tp[g]!++;
    else {
      fp[p]!++;
      fn[g]!++;
    }
  }
  let sum = 0;
  for (let c = 0; c < k; c++) {
    const d = 2 * tp[c]! + fp[c]! + fn[c]!;
    sum += d === 0 ? 0 : (2 * tp[c]!) / d;
  }
  return sum / k;
}

/** A plain-text report: macro-F1, per-class table and confusion matrix. */
export function formatReport(r: EvalReport): string {
  const pct = (x: number): string => (100 * x).toFixed(2).padStart(6);
  const w = Math.max(9, ...r.labels.map((l) => l.length));
  const lines = [
    `n=${r.n}  accuracy=${pct(r.accuracy).trim()}%  macro-F1=${pct(r.macroF1).trim()}%`,
    '',
    `${'label'.padEnd(w)}  precision  recall      F1  support`,
    ...r.perClass.map(
      (m) => `${m.label.padEnd(w)}  ${pct(m.precision)}%  ${pct(m.recall)}%  ${pct(m.f1)}%  ${String(m.support).padStart(7)}`,
    ),
    '',
    `confusion (rows = gold, columns = predicted)`,
    `${''.padEnd(w)}  ${r.labels.map((l) => l.padStart(w)).join('  ')}`,
    ...r.confusion.map((row, i) => `${r.labels[i]!.padEnd(w)}  ${row.map((v) => String(v).padStart(w)).join('  ')}`),
  ];
  return lines.join('\n');
}
