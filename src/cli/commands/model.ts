/**
 * `kiemtin model train|eval` and `kiemtin classify`: reproduce, measure and batch-run the text classifiers.
 *
 * `classify` reads JSON lines {"id","text"} and writes one JSON line per non-blank input line, in order:
 * {"id","label","scores"} or, for a line that cannot be classified, {"id","line","error"} (id is null
 * when it could not be read). Blank lines are skipped. A bad line never stops the run; the count of bad
 * lines goes to stderr at the end and the exit code stays 0, so a batch keeps its one-to-one output.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import type { Command } from 'commander';
import { AppError } from '../../core/errors.js';
import {
  DATASETS,
  DEFAULT_FEATURES,
  DEFAULT_TRAIN,
  MODEL_NAMES,
  TextClassifier,
  bundledModelPath,
  decodeModel,
  encodeModel,
  evaluate,
  formatReport,
  isModelName,
  loadBundledClassifier,
  loadClassifierFile,
  overlapRows,
  parseLabelledCsv,
  renderModelCard,
  trainModel,
} from '../../detect/classifier/index.js';
import type { DatasetSpec, EvalReport, ModelName, TrainOptions } from '../../detect/classifier/index.js';

const OVERLAP_FILE = join('_overlap', 'train_rows_whose_text_is_in_a_test_split.csv');

function modelName(name: string): ModelName {
  if (!isModelName(name)) {
    throw new AppError('INVALID_INPUT', `unknown model "${name}"; expected one of ${MODEL_NAMES.join(', ')}`, {
      details: { model: name },
    });
  }
  return name;
}

export interface TrainingFiles {
  train: string;
  dev: string | null;
  overlap: string | null;
}

/** Finds a model's train/dev files from the data root (e.g. ../shared/data) or the dataset folder itself. */
export function resolveTrainingFiles(dataDir: string, spec: DatasetSpec): TrainingFiles {
  for (const dir of [join(dataDir, spec.folder), dataDir]) {
    const train = join(dir, spec.trainFile);
    if (!existsSync(train)) continue;
    const dev = join(dir, spec.devFile);
    const overlap = [join(dir, OVERLAP_FILE), join(dir, '..', OVERLAP_FILE)].find((p) => existsSync(p)) ?? null;
    return { train, dev: existsSync(dev) ? dev : null, overlap };
  }
  throw new AppError('NOT_FOUND', `no ${spec.folder}/${spec.trainFile} under ${dataDir} (give the data root or the ${spec.folder} folder)`, {
    details: { data: dataDir },
  });
}

export interface TrainCommandOptions {
  model: string;
  data: string;
  out?: string;
  /** Drop the train rows listed in _overlap/ (required when combining datasets; off for one dataset). */
  dropOverlap?: boolean;
  /** Overrides of the default training options (tests use fewer epochs and buckets). */
  overrides?: Partial<Omit<TrainOptions, 'features'>> & { features?: Partial<TrainOptions['features']> };
}

/** Trains a model from the data folder, writes the model file and its card (NAME.md beside it). */
export function runTrain(opts: TrainCommandOptions, log: (line: string) => void): { path: string; dev: EvalReport | null } {
  const name = modelName(opts.model);
  const spec = DATASETS[name];
  const files = resolveTrainingFiles(opts.data, spec);
  let drop = new Set<number>();
  if (opts.dropOverlap) {
    if (files.overlap === null) throw new AppError('NOT_FOUND', `--drop-overlap: no ${OVERLAP_FILE} near ${opts.data}`);
    drop = overlapRows(readFileSync(files.overlap, 'utf8'), `${spec.folder}/${spec.trainFile}`);
  }
  const train = parseLabelledCsv(readFileSync(files.train, 'utf8'), spec, drop);
  log(`${name}: ${train.texts.length} training rows from ${files.train} (${train.skipped.length} skipped)`);
  const options: TrainOptions = {
    ...DEFAULT_TRAIN,
    ...opts.overrides,
    features: { ...DEFAULT_FEATURES, ...opts.overrides?.features },
  };
  const { model, report } = trainModel(name, spec.labels, train, options, log);
  let dev: EvalReport | null = null;
  let throughput: number | null = null;
  if (files.dev !== null) {
    const devData = parseLabelledCsv(readFileSync(files.dev, 'utf8'), spec);
    // Evaluate the quantised model, as shipped, not the float weights.
    const clf = new TextClassifier(decodeModel(encodeModel(model)));
    const start = process.hrtime.bigint();
    const predicted = devData.texts.map((t) => clf.decideIndex(clf.probabilities(t)));
    const seconds = Number(process.hrtime.bigint() - start) / 1e9;
    throughput = seconds > 0 ? devData.texts.length / seconds : null;
    dev = evaluate(spec.labels, devData.labels, predicted);
    log(formatReport(dev));
  }
  model.meta = {
    dataset: spec.dataset,
    trainRows: train.texts.length,
    cvMacroF1: report.cvMacroF1,
    devMacroF1: dev?.macroF1 ?? null,
  };
  const path = resolve(opts.out ?? bundledModelPath(name));
  const cardPath = path.replace(/(\.ktc)?$/, '.md');
  const bytes = encodeModel(model);
  writeFileSync(path, bytes);
  const card = renderModelCard({
    spec,
    version: model.version,
    options,
    trainRows: train.texts.length,
    droppedRows: train.skipped.filter((s) => s.reason === 'in overlap drop-list').length,
    train: report,
    dev,
    fileBytes: bytes.length,
    throughput,
  });
  writeFileSync(cardPath, card);
  log(`wrote ${path} (${(bytes.length / 1e6).toFixed(2)} MB) and ${cardPath}`);
  return { path, dev };
}

/** Loads the classifier for `--model NAME`, or from `--model-file PATH` when given. */
export function openClassifier(name: string, modelFile?: string): TextClassifier {
  if (modelFile !== undefined) {
    if (!existsSync(modelFile)) throw new AppError('NOT_FOUND', `model file ${modelFile} does not exist`);
    return loadClassifierFile(modelFile);
  }
  const model = modelName(name);
  const path = bundledModelPath(model);
  if (!existsSync(path)) {
    throw new AppError('NOT_FOUND', `model file ${path} is missing; run: kiemtin model train --model ${model} --data ../shared/data`);
  }
  return loadBundledClassifier(model);
}

/** Scores a labelled CSV (columns auto-detected for the three datasets, or text/label). */
export function runEval(clf: TextClassifier, csvPath: string): EvalReport {
  const name = modelName(clf.model.name);
  if (!existsSync(csvPath)) throw new AppError('NOT_FOUND', `no such file: ${csvPath}`);
  let data;
  try {
    data = parseLabelledCsv(readFileSync(csvPath, 'utf8'), DATASETS[name]);
  } catch (err) {
    throw new AppError('INVALID_INPUT', `${csvPath}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
  }
  const predicted = data.texts.map((t) => clf.decideIndex(clf.probabilities(t)));
  return evaluate(clf.labels, data.labels, predicted);
}

export interface ClassifyOptions {
  /** Add the top n-grams of the decided label to each output line. */
  explain?: number;
}

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

/** One output line (without the newline) for one input line, and whether it was classified; never throws. */
export function classifyLine(
  clf: TextClassifier,
  line: string,
  lineNumber: number,
  opts: ClassifyOptions = {},
): { json: string; ok: boolean } {
  const fail = (id: unknown, error: string): { json: string; ok: boolean } => ({
    json: JSON.stringify({ id, line: lineNumber, error }),
    ok: false,
  });
  let id: unknown = null;
  try {
    const value: unknown = JSON.parse(line);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      return fail(null, 'line is not a JSON object');
    }
    const obj = value as Record<string, unknown>;
    id = obj.id ?? null;
    if (typeof obj.text !== 'string') {
      return fail(id, 'field "text" must be a string');
    }
    const probs = clf.probabilities(obj.text);
    const scores: Record<string, number> = {};
    clf.labels.forEach((label, c) => {
      scores[label] = round6(probs[c]!);
    });
    const out: Record<string, unknown> = { id, label: clf.labels[clf.decideIndex(probs)], scores };
    if (opts.explain !== undefined && opts.explain > 0) {
      out.topFeatures = clf.explain(obj.text, opts.explain).map((f) => ({ ngram: f.ngram, weight: round6(f.weight) }));
    }
    return { json: JSON.stringify(out), ok: true };
  } catch (err) {
    const message = err instanceof SyntaxError ? `invalid JSON: ${err.message}` : err instanceof Error ? err.message : String(err);
    return fail(id, message);
  }
}

/** Streams JSON lines from `input` to `output`, in order; returns the counts. */
export async function runClassify(
  clf: TextClassifier,
  input: Readable,
  output: Writable,
  opts: ClassifyOptions = {},
): Promise<{ lines: number; errors: number }> {
  const rl = createInterface({ input, crlfDelay: Infinity });
  let lineNumber = 0;
  let lines = 0;
  let errors = 0;
  let pending: string[] = [];
  let pendingChars = 0;
  let scheduled = false;
  let blocked: Promise<void> | null = null;
  const flush = (): void => {
    scheduled = false;
    if (pending.length === 0) return;
    const ok = output.write(pending.join(''));
    pending = [];
    pendingChars = 0;
    if (!ok && blocked === null) {
      blocked = new Promise<void>((r) =>
        output.once('drain', () => {
          blocked = null;
          r();
        }),
      );
    }
  };
  for await (const line of rl) {
    lineNumber++;
    if (line.trim() === '') continue;
    const { json, ok } = classifyLine(clf, line, lineNumber, opts);
    if (!ok) errors++;
    lines++;
    pending.push(json, '\n');
    pendingChars += json.length;
    // Lines of one input chunk are written together; setImmediate runs once the chunk is consumed, so
    // a caller feeding one line at a time still gets each answer before sending the next.
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
    if (pendingChars > 256 * 1024) flush();
    if (blocked !== null) await blocked;
  }
  flush();
  if (blocked !== null) await blocked;
  return { lines, errors };
}

/** Adds `model train`, `model eval` and `classify` to the program. */
export function registerModelCommands(program: Command): void {
  const model = program.command('model').description('train and evaluate the text classifiers (hate-speech, toxic, spam)');
  model
    .command('train')
    .description('train a classifier from the labelled data; writes models/NAME.ktc and its model card')
    .requiredOption('--model <name>', `model: ${MODEL_NAMES.join(', ')}`)
    .requiredOption('--data <dir>', 'data root (e.g. ../shared/data) or the dataset folder')
    .option('--out <file>', 'model file to write (default: the packaged models/NAME.ktc); the card goes beside it')
    .option('--drop-overlap', 'drop train rows listed in _overlap/ (needed when combining datasets)', false)
    .action((o: { model: string; data: string; out?: string; dropOverlap: boolean }) => {
      runTrain({ model: o.model, data: o.data, out: o.out, dropOverlap: o.dropOverlap }, (l) => console.error(l));
    });
  model
    .command('eval')
    .description('macro-F1, per-class precision/recall/F1 and the confusion matrix on a labelled CSV')
    .requiredOption('--model <name>', `model: ${MODEL_NAMES.join(', ')}`)
    .option('--model-file <file>', 'use this model file instead of the packaged one')
    .option('--json', 'print the report as JSON', false)
    .argument('<file>', 'labelled CSV (ViHSD, ViCTSD, ViSpamReviews columns, or text,label)')
    .action((file: string, o: { model: string; modelFile?: string; json: boolean }) => {
      const report = runEval(openClassifier(o.model, o.modelFile), file);
      console.log(o.json ? JSON.stringify(report, null, 2) : formatReport(report));
    });
  program
    .command('classify')
    .description('read JSON lines {"id","text"} on stdin, write {"id","label","scores"} per line on stdout, in order')
    .requiredOption('--model <name>', `model: ${MODEL_NAMES.join(', ')}`)
    .option('--model-file <file>', 'use this model file instead of the packaged one')
    .option('--explain <n>', 'add the n strongest n-grams for the label to each line', (v) => Number.parseInt(v, 10))
    .action(async (o: { model: string; modelFile?: string; explain?: number }) => {
      const clf = openClassifier(o.model, o.modelFile);
      const { lines, errors } = await runClassify(clf, process.stdin, process.stdout, { explain: o.explain });
      if (errors > 0) console.error(`classify: ${errors} of ${lines} lines could not be classified (see their "error" field)`);
    });
}
