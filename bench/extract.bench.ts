/**
 * Article extraction speed: pages per second for the generic extractor, the Blogger extractor and
 * HTML → text, over the source fixtures (enlarged to realistic page sizes), with peak memory.
 */
import { readFileSync } from 'node:fs';
import type { BenchResult } from './run.js';
import { extractPage } from '../src/sources/extract/page.js';
import { htmlToText } from '../src/sources/extract/dom.js';

const fixture = (name: string) => readFileSync(new URL(`../tests/fixtures/sources/${name}`, import.meta.url), 'utf8');

/** Pads a page with sidebar furniture and extra paragraphs so it weighs like a real news page (~150 KB). */
function enlarge(html: string): string {
  const para = '<p>Đoạn văn bổ sung để trang có kích thước như một bài báo thật, với dấu tiếng Việt đầy đủ.</p>';
  const sidebar = `<aside class="sidebar">${'<div class="widget"><h3>Tin mới</h3><ul>' + '<li><a href="/x">Một tin khác trong ngày</a></li>'.repeat(40) + '</ul></div>'}</aside>`;
  return html.replace('</article>', `${para.repeat(30)}</article>`).replace('</body>', `${sidebar.repeat(8)}</body>`);
}

function measure(label: string, pages: string[], fn: (html: string, i: number) => void, minMs = 3000): { perS: number; n: number } {
  let n = 0;
  const start = performance.now();
  while (performance.now() - start < minMs) {
    const html = pages[n % pages.length] ?? '';
    fn(html, n);
    n++;
  }
  const perS = n / ((performance.now() - start) / 1000);
  void label;
  return { perS, n };
}

export async function bench(): Promise<BenchResult> {
  const news = enlarge(fixture('news-article.html'));
  const plain = fixture('plain-blog.html');
  const blogger = fixture('blogger-threaded.html');
  let peakRss = 0;
  let peakHeap = 0;
  const sample = () => {
    const m = process.memoryUsage();
    peakRss = Math.max(peakRss, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  };
  const every = (i: number) => {
    if (i % 20 === 0) sample();
  };
  // Warm up the JIT.
  for (let i = 0; i < 20; i++) extractPage('https://a.vn/x.html', news);

  const generic = measure('news', [news], (h, i) => {
    extractPage('https://a.vn/x.html', h);
    every(i);
  });
  const readability = measure('readability', [plain], (h, i) => {
    extractPage('https://a.vn/y.html', h);
    every(i);
  });
  const bloggerRes = measure('blogger', [blogger], (h, i) => {
    extractPage('https://x.blogspot.com/2021/06/a.html', h);
    every(i);
  });
  const text = measure('text', [news], (h, i) => {
    htmlToText(h);
    every(i);
  });
  const hostile = '<div>'.repeat(50_000) + 'x' + '</div>'.repeat(50_000);
  const t0 = performance.now();
  htmlToText(hostile);
  const hostileMs = performance.now() - t0;
  sample();
  await Promise.resolve();
  return {
    name: 'extract',
    figures: {
      news_page_kb: Math.round(Buffer.byteLength(news) / 1024),
      generic_site_pattern_pages_per_s: Math.round(generic.perS),
      generic_readability_pages_per_s: Math.round(readability.perS),
      blogger_post_with_6_comments_pages_per_s: Math.round(bloggerRes.perS),
      html_to_text_pages_per_s: Math.round(text.perS),
      hostile_50k_nested_divs_ms: Math.round(hostileMs),
      peak_rss_mb: Math.round(peakRss / 1024 / 1024),
      peak_heap_used_mb: Math.round(peakHeap / 1024 / 1024),
    },
    notes: ['single thread; each figure runs ~3 s', 'news page = news-article.html fixture padded with paragraphs and sidebar widgets'],
  };
}
