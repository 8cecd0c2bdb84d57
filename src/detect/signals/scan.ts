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
  const cccds = findCccds(text, now).filter((c) => !accounts.some((a) => a.start === c.start && a.end === c.end));
  const inLink = (s: Signal): boolean => links.some((l) => l.start <= s.start && l.end >= s.end);
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
