/** Strict XML parsing for feeds and sitemaps, with errors that say where and what went wrong. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { AppError } from '../../core/errors.js';

export type XmlNode = Record<string, unknown>;

/** Tags that may repeat, kept as arrays even when there is one. */
const ARRAY_TAGS = new Set(['item', 'entry', 'link', 'category', 'url', 'sitemap', 'author', 'dc:creator', 'contributor']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  textNodeName: '#text',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  htmlEntities: false,
  isArray: (name) => ARRAY_TAGS.has(name),
  maxNestedTags: 200,
});

/** True when the text starts like an HTML page rather than an XML document. */
export function looksLikeHtml(text: string): boolean {
  const head = text
    .slice(0, 2048)
    .replace(/^\ufeff/, '')
    .replace(/^\s*(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*/i, '');
  return /^<!doctype\s+html|^<html[\s>]|^<head[\s>]|^<body[\s>]/i.test(head);
}

/**
 * Parses a well-formed XML document. Throws PARSE_NOT_A_FEED for an HTML page (`what` names what was
 * expected) and PARSE_XML with line and column for malformed XML.
 */
export function parseXml(text: string, url: string, what = 'feed'): XmlNode {
  if (looksLikeHtml(text)) {
    throw new AppError('PARSE_NOT_A_FEED', `${url} is an HTML page, not a ${what}`, { details: { url } });
  }
  const body = text.replace(/^\ufeff/, '');
  // Feeds never need entity declarations; refusing them rules out entity-expansion attacks.
  if (/<!ENTITY/i.test(body.slice(0, 65_536))) {
    throw new AppError('PARSE_XML', `${url}: XML entity declarations are not accepted`, { details: { url } });
  }
  const valid = XMLValidator.validate(body, { allowBooleanAttributes: true });
  if (valid !== true) {
    const { line, col, msg } = valid.err;
    throw new AppError('PARSE_XML', `${url}: malformed XML at line ${line}, column ${col}: ${msg}`, {
      details: { url, line, column: col },
    });
  }
  try {
    return parser.parse(body) as XmlNode;
  } catch (err) {
    throw new AppError('PARSE_XML', `${url}: ${err instanceof Error ? err.message : String(err)}`, { cause: err, details: { url } });
  }
}

/** The text of an element that may be a string, an object with `#text`, or a list of those. */
export function xmlText(v: unknown): string | null {
  if (Array.isArray(v)) return xmlText(v[0]);
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v && typeof v === 'object') {
    const t = (v as XmlNode)['#text'];
    return typeof t === 'string' || typeof t === 'number' ? String(t) : null;
  }
  return null;
}

/** An attribute of an element object. */
export function xmlAttr(v: unknown, name: string): string | null {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return null;
  const a = (v as XmlNode)[`@_${name}`];
  return typeof a === 'string' ? a : null;
}

/** An element as a list (absent → []). */
export function xmlList(v: unknown): unknown[] {
  if (v === undefined || v === null) return [];
  return Array.isArray(v) ? v : [v];
}

/** A child element object. */
export function xmlChild(v: unknown, name: string): unknown {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return undefined;
  return (v as XmlNode)[name];
}
