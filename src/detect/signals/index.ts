/** Signals with offsets: personal data (phone, CCCD, bank account, e-mail) and scam indicators from links. */
export { SIGNAL_NAMES, PERSONAL_SIGNALS, type Signal, type SignalName } from './types.js';
export { CCCD_PROVINCES } from './provinces.js';
export { BANKS, type Bank } from './banks.js';
export { findPhones, findCccds, findEmails, findBankAccounts, decodeCccd, nationalNumber, foldSameLength } from './pii.js';
export { findLinks, findShortLinks, findGamblingSites, findBankLookalikes, lookalikeOf, editDistance, SHORTENERS, GAMBLING_BRANDS, type Link } from './links.js';
export { scanSignals, scanSignalsReference, profileText, type SignalScan, type TextProfile } from './scan.js';
export { createPersonalDataDetector, PERSONAL_DATA_DETECTOR_VERSION } from './personal-data.js';
