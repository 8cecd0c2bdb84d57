/** Runs every signal finder over one text. */
import { findBankLookalikes, findGamblingSites, findLinks, findShortLinks, type Link } from './links.js';
import { findBankAccounts, findCccds, findEmails, findPhones } from './pii.js';
import type { Signal } from './types.js';

/** Everything the signals found in one text, computed once and shared by all rules. */
export interface SignalScan {
  signals: Signal[];
  links: Link[];
}

/**
 * Scans a text for every signal. `now` bounds CCCD birth years (detectors have no clock).
 * Example: `scanSignals("sđt 0912 345 678", now).signals[0].name` → "phone".
 */
export function scanSignals(text: string, now: Date): SignalScan {
  const links = findLinks(text);
  const accounts = findBankAccounts(text);
  // A number next to "STK"/a bank is an account, even when it would also pass as a CCCD.
  const accountAt = new Set(accounts.map((a) => `${a.start}:${a.end}`));
  const cccds = findCccds(text, now).filter((c) => !accountAt.has(`${c.start}:${c.end}`));
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
    ...findPhones(text).filter((s) => !inLink(s)),
    ...cccds.filter((s) => !inLink(s)),
    ...accounts.filter((s) => !inLink(s)),
    ...findEmails(text),
    ...findShortLinks(links),
    ...findBankLookalikes(links),
    ...findGamblingSites(text, links),
  ].sort((a, b) => a.start - b.start || a.end - b.end);
  return { signals, links };
}
