/**
 * A small typed view of the linkedom DOM, and HTML → plain text.
 * linkedom is typed against the browser DOM lib, which this project does not load, so the few members
 * the extractors use are declared here and the parsed document is cast once in `parseHtml`.
 */
import { parseHTML } from 'linkedom';

export interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly parentNode: DomNode | null;
  readonly childNodes: ArrayLike<DomNode>;
  readonly nextSibling: DomNode | null;
  textContent: string | null;
}

export interface DomElement extends DomNode {
  readonly tagName: string;
  readonly id: string;
  readonly className: string;
  readonly parentElement: DomElement | null;
  readonly nextElementSibling: DomElement | null;
  readonly children: ArrayLike<DomElement>;
  innerHTML: string;
  getAttribute(name: string): string | null;
  hasAttribute(name: string): boolean;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  closest(selector: string): DomElement | null;
  matches(selector: string): boolean;
  cloneNode(deep: boolean): DomElement;
  remove(): void;
}

export interface DomDocument extends DomNode {
  readonly documentElement: DomElement;
  readonly body: DomElement | null;
  readonly title: string;
  querySelector(selector: string): DomElement | null;
  querySelectorAll(selector: string): ArrayLike<DomElement>;
  createElement(tag: string): DomElement;
}

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/** Deepest element nesting kept; deeper open tags are dropped (hostile pages nest 100k divs). */
export const MAX_NESTING = 400;

const VOID_TAGS = new Set([
  'area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr',
]);

/**
 * Drops open tags nested deeper than `maxDepth` (and as many matching close tags), in one linear pass.
 * The parser's cost grows with the square of nesting depth; real pages stay far below the limit.
 */
export function limitNesting(html: string, maxDepth = MAX_NESTING): string {
  const tagRe = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)\b[^>]*?(\/?)>|<!--[\s\S]*?-->|<(script|style)\b[^>]*>[\s\S]*?<\/\4\s*>/g;
  let depth = 0;
  let dropped = 0;
  let out = '';
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = tagRe.exec(html)) !== null) {
    const [whole, closing, rawName, selfClosing] = m;
    if (rawName === undefined) continue; // comment or a whole script/style element
    const name = rawName.toLowerCase();
    if (VOID_TAGS.has(name) || selfClosing === '/') continue;
    if (closing === '/') {
      if (dropped > 0 && depth >= maxDepth) {
        dropped--;
        out += html.slice(last, m.index);
        last = m.index + whole.length;
      } else if (depth > 0) depth--;
      continue;
    }
    if (depth >= maxDepth) {
      dropped++;
      out += html.slice(last, m.index);
      last = m.index + whole.length;
    } else depth++;
  }
  if (last === 0) return html;
  return out + html.slice(last);
}

/** Parses an HTML page (or fragment) into a DOM, with nesting bounded. */
export function parseHtml(html: string): DomDocument {
  const source = /<html[\s>]/i.test(html.slice(0, 4096)) ? html : `<!DOCTYPE html><html><head></head><body>${html}</body></html>`;
  // linkedom reads the string as given; an HTML page without <html> would lose its body.
  const { document } = parseHTML(limitNesting(source)) as unknown as { document: DomDocument };
  return document;
}

const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CAPTION', 'CENTER', 'DD', 'DETAILS', 'DIV', 'DL', 'DT',
  'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI',
  'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD',
  'TR', 'UL',
]);

/** Never text: code, styling, embedded objects and form controls. */
const SKIP_TAGS = new Set([
  'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'SVG', 'CANVAS', 'VIDEO', 'AUDIO',
  'BUTTON', 'SELECT', 'TEXTAREA', 'INPUT', 'HEAD', 'TITLE', 'META', 'LINK',
]);

/**
 * Whitespace that collapses to one space. Deliberately not `\s`, which includes U+FEFF: zero-width
 * characters are kept as written for the text core to judge (they are a known obfuscation trick).
 */
const WS = /[ \t\n\r\f\v\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;

const EMOJI = /^\p{Extended_Pictographic}/u;

const BR = '\u0000BR';
const PARA = '\u0000P';

/**
 * Plain text of a DOM subtree: NFC, one blank line between blocks, `<br>` as a line break (two or more
 * in a row as a paragraph break), whitespace collapsed within lines. Iterative, so deep trees cannot
 * overflow the stack.
 */
export function nodeText(root: DomNode): string {
  const parts: string[] = [];
  // Work stack of nodes to visit, with markers for leaving a block element.
  const stack: (DomNode | typeof PARA)[] = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node === undefined) break;
    if (node === PARA) {
      parts.push(PARA);
      continue;
    }
    if (node.nodeType === TEXT_NODE) {
      parts.push(node.textContent ?? '');
      continue;
    }
    if (node.nodeType !== ELEMENT_NODE && node !== root) continue;
    const name = node.nodeName.toUpperCase();
    if (node !== root && SKIP_TAGS.has(name)) continue;
    if (name === 'BR') {
      parts.push(BR);
      continue;
    }
    if (name === 'IMG') {
      // Emoji drawn as images (WordPress wp-smiley, Twemoji) keep their character.
      const alt = (node as DomElement).getAttribute('alt') ?? '';
      if (alt.length <= 16 && EMOJI.test(alt)) parts.push(alt);
      continue;
    }
    const block = BLOCK_TAGS.has(name);
    if (block) {
      parts.push(PARA);
      stack.push(PARA);
    }
    const kids = node.childNodes;
    for (let i = kids.length - 1; i >= 0; i--) {
      const kid = kids[i];
      if (kid) stack.push(kid);
    }
  }
  return joinParts(parts);
}

function joinParts(parts: string[]): string {
  const paragraphs: string[] = [];
  let lines: string[] = [];
  let line = '';
  let brRun = 0;
  const endLine = () => {
    const t = line.replace(WS, ' ').trim();
    if (t) lines.push(t);
    line = '';
  };
  const endParagraph = () => {
    endLine();
    if (lines.length > 0) paragraphs.push(lines.join('\n'));
    lines = [];
  };
  for (const p of parts) {
    if (p === BR) {
      brRun++;
      if (brRun >= 2) endParagraph();
      else endLine();
    } else if (p === PARA) {
      brRun = 0;
      endParagraph();
    } else {
      if (brRun > 0 && p.replace(WS, '') !== '') brRun = 0;
      line += p;
    }
  }
  endParagraph();
  return paragraphs.join('\n\n').normalize('NFC');
}

/**
 * Normalizes already-plain text the same way: NFC, whitespace collapsed within lines, paragraphs
 * separated by one blank line.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .split(/\n[ \t\u00a0]*\n\s*/)
    .map((para) =>
      para
        .split('\n')
        .map((l) => l.replace(WS, ' ').trim())
        .filter((l) => l.length > 0)
        .join('\n'),
    )
    .filter((p) => p.length > 0)
    .join('\n\n');
}

/** One line of text (titles, names): whitespace collapsed, NFC; null when empty. */
export function oneLine(text: string | null | undefined): string | null {
  if (text == null) return null;
  const t = text.replace(WS, ' ').trim().normalize('NFC');
  return t.length > 0 ? t : null;
}

/** Plain text of an HTML fragment (feed content, WordPress `rendered`). */
export function htmlToText(html: string): string {
  const doc = parseHtml(html);
  removeNoise(doc.body ?? doc.documentElement);
  return nodeText(doc.body ?? doc.documentElement);
}

/** Class or id tokens that mark page furniture: ads, sharing, related links, comment forms, widgets. */
const NOISE_TOKEN =
  /^(ads?|adv|advert\w*|advertisement|adsbygoogle|ad[-_]?(slot|unit|box|banner|container|wrapper|block|zone)|inline-ad|banner|banners|quang-?cao|qc|sponsor(ed)?|share|sharing|share-?(buttons?|bar|box|tools?|links?)|post-share-buttons|social(-?(share|links|buttons))?|related|related-?(posts?|news|articles?|items?)|tin-?lien-?quan|lien-?quan|comment-?form|comments?-?form|reply-?form|respond|widget|sidebar|breadcrumbs?|navbar|menu|newsletter|subscribe|print-?only|hidden|screen-reader-text|sr-only|sharedaddy|jp-relatedposts|addtoany|a2a-kit|yarpp-related|fb-like|zalo-share-button)$/i;
const NOISE_PART = /(^|[-_])(ads?|adsense|adsbygoogle|advert\w*|quang-?cao|sponsor\w*|banner)([-_]|$)/i;
/** A short block labelled as an ad ("QUẢNG CÁO: …", "Tài trợ – …"). */
const AD_LABEL = /^\s*(quảng cáo|quang cao|advertisement|tài trợ|nội dung tài trợ)\s*[:\-–|]/i;

const NOISE_SELECTOR =
  'script,style,noscript,template,iframe,object,embed,svg,canvas,form,button,select,textarea,input,ins,nav,aside';

/** Headings that introduce a block of links to other articles rather than article text. */
const RELATED_HEADING =
  /^(tin|bai|bai viet|doc|xem)( \w+)? (lien quan|cung chuyen muc|khac|them)|^co the ban (quan tam|muon doc)|^related( posts?| articles?| news)?$|^you (may|might) (also )?like|^doc them$|^xem them$|^tin moi( nhat)?$|^quang cao$|^advertisement$/;

function fold(s: string): string {
  return s
    .replace(/[đĐ]/g, 'd')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/ +/g, ' ')
    .trim();
}

/** True when the element's class or id says it is an ad, a share bar, related links or a widget. */
export function isNoiseElement(el: DomElement): boolean {
  const tokens = `${el.className || ''} ${el.id || ''}`.replace(/_/g, '-').split(/\s+/).filter(Boolean);
  return tokens.some((t) => NOISE_TOKEN.test(t) || NOISE_PART.test(t));
}

/**
 * Removes page furniture inside `root` (not `root` itself): scripts and styles, embedded frames,
 * forms, ads, share buttons, widgets, and "tin liên quan"/"related posts" blocks with their links.
 */
export function removeNoise(root: DomElement): void {
  for (const el of Array.from(root.querySelectorAll(NOISE_SELECTOR))) el.remove();
  for (const el of Array.from(root.querySelectorAll('[class],[id]'))) {
    if (el !== root && isNoiseElement(el)) el.remove();
  }
  for (const el of Array.from(root.querySelectorAll('p,div,span'))) {
    const text = el.textContent ?? '';
    if (text.length <= 300 && AD_LABEL.test(text)) el.remove();
  }
  for (const el of Array.from(root.querySelectorAll('h1,h2,h3,h4,h5,h6,strong,b,p,span,div'))) {
    const text = el.textContent ?? '';
    if (text.length > 60 || !RELATED_HEADING.test(fold(text))) continue;
    // The heading itself plus the list or link block after it.
    let next = el.nextElementSibling;
    while (next && isLinkBlock(next)) {
      const after = next.nextElementSibling;
      next.remove();
      next = after;
    }
    const parent = el.parentElement;
    el.remove();
    if (parent && parent !== root && isLinkBlock(parent)) parent.remove();
  }
}

/** Mostly links: a list of other articles. */
function isLinkBlock(el: DomElement): boolean {
  const all = (el.textContent ?? '').replace(WS, '').length;
  if (all === 0) return el.querySelector('a,img') !== null;
  let linked = 0;
  for (const a of Array.from(el.querySelectorAll('a'))) linked += (a.textContent ?? '').replace(WS, '').length;
  return linked / all > 0.6;
}
