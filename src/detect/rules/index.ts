/** The rules engine: phrase automaton, condition evaluation, the rules detector, backtesting. */
export { SymbolAutomaton } from './aho-corasick.js';
export { PhraseIndex, diacriticMarks, type PhraseMatch, type KeyedText } from './phrase-index.js';
export { MAX_ANALYSED_CHARS } from '../analysis.js';
export { CompiledPack, RuleAnalysis, type Scorer, type RuleEvidence, type RegexHit } from './engine.js';
export { createRulesDetector, ruleFinding, RULES_DETECTOR_ID, FOLDED_ONLY_FACTOR } from './detector.js';
export { backtest, diffPacks, type BacktestOptions, type BacktestReport, type RuleBacktest, type BacktestHit, type PackDiff, type RuleChange, type DocumentChange } from './backtest.js';
