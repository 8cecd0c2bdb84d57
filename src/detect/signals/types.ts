/** Signals: facts found in a text with their raw offsets (personal data, scam and illegal-ad indicators). */

/** Every signal name a rule may refer to with `signal: NAME`. */
export const SIGNAL_NAMES = [
  'phone',
  'cccd',
  'bank-account',
  'email',
  'short-link',
  'bank-lookalike',
  'gambling-site',
] as const;
export type SignalName = (typeof SIGNAL_NAMES)[number];

/** Signals that are personal data when they are about someone else. */
export const PERSONAL_SIGNALS: readonly SignalName[] = ['phone', 'cccd', 'bank-account', 'email'];

/** One signal occurrence; `start`/`end` are UTF-16 offsets into the text that was scanned. */
export interface Signal {
  name: SignalName;
  start: number;
  end: number;
  /** The text as written, `text.slice(start, end)`. */
  text: string;
  /** Normalized value (digits only for numbers, lower-case host for links). */
  value: string;
  /** What a reviewer needs to judge it: province, birth year, bank, the real domain imitated... */
  detail?: Record<string, string | number>;
}
