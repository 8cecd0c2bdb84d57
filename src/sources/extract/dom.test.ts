import { describe, expect, it } from 'vitest';
import { htmlToText, limitNesting, normalizeText, parseHtml, nodeText } from './dom.js';

describe('htmlToText', () => {
  it('separates blocks by a blank line, keeps <br> as a line break and <br><br> as a paragraph', () => {
    expect(htmlToText('<p>Một   hai</p><div>ba<br>bốn<br/><br />năm</div>')).toBe('Một hai\n\nba\nbốn\n\nnăm');
  });

  it('decodes entities, composes NFC and keeps zero-width characters', () => {
    const nfd = 'Vie\u0323\u0302t';
    expect(htmlToText(`<p>${nfd} &amp; &quot;x&quot; &#x1F600;&nbsp;ok</p>`)).toBe('Việt & "x" 😀 ok');
    expect(htmlToText('<p>đ\u200bm</p>')).toBe('đ\u200bm');
  });

  it('drops scripts, styles, ads and share buttons', () => {
    const html = '<p>Nội dung</p><script>alert("x")</script><style>p{}</style><div class="ads-box">Vay nhanh</div><div class="share_buttons">Chia sẻ</div><ins class="adsbygoogle">x</ins>';
    expect(htmlToText(html)).toBe('Nội dung');
  });

  it('drops a "tin liên quan" block with its links', () => {
    const html = '<p>Bài chính.</p><div><h3>Tin liên quan</h3><ul><li><a href="/1">Bài khác một</a></li><li><a href="/2">Bài khác hai</a></li></ul></div><p>Hết.</p>';
    expect(htmlToText(html)).toBe('Bài chính.\n\nHết.');
  });
});

describe('hostile markup', () => {
  it('bounds nesting, so 20 000 nested divs keep their text without a deep tree', () => {
    const n = 20_000;
    const html = '<div>'.repeat(n) + 'lõi' + '</div>'.repeat(n) + '<p>sau</p>';
    const limited = limitNesting(html, 50);
    expect(limited.match(/<div>/g)?.length).toBe(50);
    expect(limited.match(/<\/div>/g)?.length).toBe(50);
    expect(htmlToText(html)).toBe('lõi\n\nsau');
  });

  it('survives unclosed and broken tags', () => {
    const doc = parseHtml('<div><p>một<b>hai<i>ba</div><p>bốn<td>năm</tr></table><<>>');
    expect(nodeText(doc.body!)).toContain('một');
    expect(nodeText(doc.body!)).toContain('năm');
  });
});

describe('normalizeText', () => {
  it('collapses whitespace within lines and keeps paragraphs', () => {
    expect(normalizeText('  a \t b \r\n\r\n\r\n c\u00a0d\n e ')).toBe('a b\n\nc d\ne');
  });
});

describe('emoji images', () => {
  it('keeps the emoji of an emoji image and drops other images', () => {
    expect(htmlToText('<p>Hay <img class="wp-smiley" alt="😀" src="x.png"> quá <img alt="ảnh minh họa" src="y.jpg"></p>')).toBe('Hay 😀 quá');
  });
});
