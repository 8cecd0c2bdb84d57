/** Trained Vietnamese text classifiers: hate-speech, toxic, spam. */
export { FeatureExtractor, DEFAULT_FEATURES } from './features.js';
export type { FeatureConfig, FeatureKind, TracedFeature } from './features.js';
export { TextClassifier } from './linear.js';
export { ClassifierBank } from './bank.js';
export type { LinearModel, Prediction, TopFeature } from './linear.js';
export { encodeModel, decodeModel } from './format.js';
export { trainModel, DEFAULT_TRAIN } from './train.js';
export type { LabelledTexts, TrainOptions, TrainReport } from './train.js';
export { evaluate, formatReport, macroF1 } from './metrics.js';
export type { EvalReport, ClassMetrics } from './metrics.js';
export { DATASETS, MODEL_NAMES, isModelName, parseLabelledCsv, overlapRows } from './datasets.js';
export type { DatasetSpec, ModelName, ParsedDataset } from './datasets.js';
export { parseCsv } from './csv.js';
export { createClassifierDetector, DEFAULT_LABEL_CATEGORIES } from './detector.js';
export type { ClassifierDetectorOptions } from './detector.js';
export { bundledModelsDir, bundledModelPath, loadBundledClassifier, loadClassifierFile, MODEL_EXTENSION } from './bundled.js';
export { renderModelCard } from './card.js';
export type { CardFacts } from './card.js';
