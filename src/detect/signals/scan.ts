/** Runs every signal finder over one text. */
import { findBankLookalikes, findGamblingSites, findLinks, findShortLinks, type Link } from './links.js';
import { findBankAccounts, findCccds, findEmails, findPhones } from './pii.js';
import type { Signal } from './types.js';

/** Everything the signals found in one text, computed once and shared by all rules. */
export interface SignalScan {
  signals: Signal[];
  links: Link[];
}

/** What one pass over the characters says about which finders can possibly match. */
export interface TextProfile {
  /**
   * Most digits in one group, where a group is digits joined by at most one space, dot or hyphen
   * ("0912 345.678" is one group of 10). Every number finder's pattern matches inside one group, so a
   * text whose largest group is shorter than a finder's minimum has nothing for it.
   */
  maxDigitGroup: number;
  hasAt: boolean;
  hasDot: boolean;
}

/** One charCode loop deciding which scanners can match (see TextProfile). */
export function profileText(text: string): TextProfile {
  let max = 0;
  let group = 0;
  // 0: not in a group, 1: just after a digit, 2: after a digit and one separator.
  let state = 0;
  let hasAt = false;
  let hasDot = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x30 && c <= 0x39) {
      group = state === 0 ? 1 : group + 1;
      if (group > max) max = group;
      state = 1;
    } else if (c === 0x20 || c === 0x2e || c === 0x2d) {
      if (c === 0x2e) hasDot = true;
      state = state === 1 ? 2 : 0;
    } else {
      if (c === 0x40) hasAt = true;
      state = 0;
    }
  }
  return { maxDigitGroup: max, hasAt, hasDot };
}

// Minimum digits in a group for each number finder: mobile 10 (0 + 9), CCCD 12, accounts 6.
const MIN_PHONE_DIGITS = 10;
const MIN_CCCD_DIGITS = 12;
const MIN_ACCOUNT_DIGITS = 6;

// The rules detector and the personal-data detector scan the same text one after the other: the last
// few scans are kept (compared by identity first, so the check is cheap) and handed out as copies.
const MEMO_SIZE = 4;
const memo: Array<{ text: string; now: number; scan: SignalScan }> = [];

/**
 * Scans a text for every signal. `now` bounds CCCD birth years (detectors have no clock).
 * Example: `scanSignals("sđt 0912 345 678", now).signals[0].name` → "phone".
 */
export function scanSignals(text: string, now: Date): SignalScan {
  const t = now.getTime();
  for (const m of memo) if (m.now === t && m.text === text) return { signals: m.scan.signals.slice(), links: m.scan.links.slice() };
  const scan = scanSignalsUncached(text, now);
  if (memo.length >= MEMO_SIZE) memo.shift();
  memo.push({ text, now: t, scan: { signals: scan.signals.slice(), links: scan.links.slice() } });
  return scan;
}

/** `scanSignals` with every finder run unconditionally and no memo: the reference the fast path is tested against. */
export function scanSignalsReference(text: string, now: Date): SignalScan {
  return scanWith(text, now, { maxDigitGroup: Infinity, hasAt: true, hasDot: true });
}

/**
 * `scanSignals` without the memo: for a caller that keeps the result itself (the shared document
 * analysis), which also hands over its folded text (foldSameLength(text), made on first use).
 */
export function scanSignalsUncached(text: string, now: Date, folded?: () => string): SignalScan {
  return scanWith(text, now, profileText(text), folded);
}

function scanWith(text: string, now: Date, p: TextProfile, folded?: () => string): SignalScan {
  const links = p.hasDot ? findLinks(text) : [];
  const accounts = p.maxDigitGroup >= MIN_ACCOUNT_DIGITS ? findBankAccounts(text, folded) : [];
  // A number next to "STK"/a bank is an account, even when it would also pass as a CCCD.
  const accountAt = new Set(accounts.map((a) => `${a.start}:${a.end}`));
  const cccds = p.maxDigitGroup >= MIN_CCCD_DIGITS ? findCccds(text, now).filter((c) => !accountAt.has(`${c.start}:${c.end}`)) : [];
  // Links come sorted and never overlap: binary search the last link starting at or before s.
  const inLink = (s: Signal): boolean => {
    let lo = 0;
    let hi = links.length - 1;
    let at = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((links[mid] as Link).start <= s.start) {
        at = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    const l = links[at];
    return l !== undefined && l.end >= s.end;
  };
  const signals = [
    ...(p.maxDigitGroup >= MIN_PHONE_DIGITS ? findPhones(text).filter((s) => !inLink(s)) : []),
    ...cccds.filter((s) => !inLink(s)),
    ...accounts.filter((s) => !inLink(s)),
    ...(p.hasAt ? findEmails(text) : []),
    ...findShortLinks(links),
    ...findBankLookalikes(links),
    ...findGamblingSites(text, links),
  ].sort((a, b) => a.start - b.start || a.end - b.end);
  return { signals, links };
}
