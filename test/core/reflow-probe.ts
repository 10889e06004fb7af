import type { Page } from 'playwright-core';

/** What the probe finds on one page at one width; every list is empty on a page that reflows. */
export interface ReflowReport {
  /** The page lacks a doctype, so it renders in quirks mode. */
  readonly quirksMode: boolean;
  /** `scrollWidth` of the document when it exceeds the viewport, else 0. */
  readonly pageWidth: number;
  /** Elements (outside scroll regions) that reach past the left or right edge of the viewport. */
  readonly outside: string[];
  /** Scrolling boxes that are not a focusable, named region. */
  readonly badRegions: string[];
  /** Cards whose heading text reaches past the card. */
  readonly cardOverflow: string[];
  /** Chart labels outside their SVG, or smaller than 11 px on screen. */
  readonly chartLabels: string[];
  /** Header cells not aligned like the numbers below them. */
  readonly headerAlignment: string[];
  /** Links next to each other with nothing between them. */
  readonly adjacentLinks: string[];
}

// Runs in the page; plain JavaScript so that the test's type check needs no DOM library.
const PROBE = `(() => {
  const vw = document.documentElement.clientWidth;
  const label = (el) => {
    const cls = typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\\s+/).join('.') : '';
    return el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + cls + ' "' + (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 50) + '"';
  };
  const hidden = (el) => el.closest('.visually-hidden, .offscreen, .skip, title, desc, option');
  const report = { quirksMode: false, pageWidth: 0, outside: [], badRegions: [], cardOverflow: [], chartLabels: [], headerAlignment: [], adjacentLinks: [] };
  // in quirks mode the body scrolls and the root element's scrollWidth says nothing, so measure what scrolls
  if (document.compatMode !== 'CSS1Compat') report.quirksMode = true;
  const scroller = document.scrollingElement || document.documentElement;
  if (scroller.scrollWidth > window.innerWidth) report.pageWidth = scroller.scrollWidth;
  for (const el of document.body.querySelectorAll('*')) {
    if (hidden(el)) continue;
    const style = getComputedStyle(el);
    const scrolls = /(auto|scroll)/.test(style.overflowX) && el.scrollWidth > el.clientWidth + 1;
    if (scrolls) {
      const named = el.getAttribute('aria-label') || el.getAttribute('aria-labelledby');
      if (el.tabIndex < 0 || el.getAttribute('role') !== 'region' || !named) report.badRegions.push(label(el));
    }
    // what scrolls inside a region may be wide; the region itself must fit
    if (el.parentElement && el.parentElement.closest('.table-scroll')) continue;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if (r.right > vw + 1 || r.left < -1) report.outside.push(label(el) + ' ' + Math.round(r.left) + '–' + Math.round(r.right));
  }
  // text nodes too: a long word in a block overflows the block without moving the block's own edges
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const parent = n.parentElement;
    if (!parent || !n.textContent.trim() || hidden(parent) || parent.closest('.table-scroll, svg')) continue;
    const range = document.createRange();
    range.selectNodeContents(n);
    for (const r of range.getClientRects()) {
      if (r.width > 0 && (r.right > vw + 1 || r.left < -1)) {
        report.outside.push('text in ' + label(parent) + ' ' + Math.round(r.left) + '–' + Math.round(r.right));
        break;
      }
    }
  }
  for (const card of document.querySelectorAll('.card')) {
    const box = card.getBoundingClientRect();
    for (const h of card.querySelectorAll('h2, h3')) {
      const range = document.createRange();
      range.selectNodeContents(h);
      for (const r of range.getClientRects()) {
        if (r.width > 0 && (r.right > box.right + 1 || r.left < box.left - 1)) {
          report.cardOverflow.push(label(h) + ' ' + Math.round(r.right) + ' > ' + Math.round(box.right));
          break;
        }
      }
    }
  }
  for (const svg of document.querySelectorAll('svg')) {
    const box = svg.getBoundingClientRect();
    const vb = svg.viewBox && svg.viewBox.baseVal;
    const scale = vb && vb.width ? box.width / vb.width : 1;
    for (const text of svg.querySelectorAll('text')) {
      const r = text.getBoundingClientRect();
      if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1)
        report.chartLabels.push('outside: ' + label(text));
      const size = parseFloat(getComputedStyle(text).fontSize) * scale;
      if (size < 11) report.chartLabels.push('small (' + size.toFixed(1) + ' px): ' + label(text));
    }
  }
  for (const table of document.querySelectorAll('table')) {
    const head = table.tHead && table.tHead.rows[0];
    const body = table.tBodies[0] && table.tBodies[0].rows[0];
    if (!head || !body) continue;
    [...body.cells].forEach((cell, i) => {
      const th = head.cells[i];
      if (!th) return;
      const want = getComputedStyle(cell).textAlign;
      const got = getComputedStyle(th).textAlign;
      const norm = (a) => (a === 'start' ? 'left' : a === 'end' ? 'right' : a);
      if (norm(want) !== norm(got)) report.headerAlignment.push(label(th) + ' is ' + got + ', its column ' + want);
    });
  }
  for (const a of document.querySelectorAll('main a')) {
    const next = a.nextSibling;
    if (next && next.nodeType === 1 && next.tagName === 'A') report.adjacentLinks.push(label(a) + ' + ' + label(next));
  }
  return report;
})()`;

/** Measure one loaded page at its current viewport. */
export function probeReflow(page: Page): Promise<ReflowReport> {
  return page.evaluate(PROBE) as Promise<ReflowReport>;
}
