import { describe, expect, it } from 'vitest';
import { contentLang } from '../../functions/core/page/content-lang.js';
import { Layout } from '../../functions/core/page/layout.js';
import { siteCss } from '../../functions/core/page/styles.js';
import { TableScroll } from '../../functions/core/page/table-scroll.js';
import { areaConfig } from '../support/deps.js';

describe('the page layout', () => {
  it('starts every page with a doctype, so browsers render in standards mode', async () => {
    const html = await (
      <Layout config={areaConfig('jamtland')} lang="sv" title="Test" path="/">
        <p>Innehåll</p>
      </Layout>
    ).toString();
    expect(html.startsWith('<!DOCTYPE html><html lang="sv">')).toBe(true);
  });

  it('puts a wide table in a focusable, named scroll region with a hint in the page language', async () => {
    const html = await (
      <TableScroll lang="en" label="Trainings per month">
        <table />
      </TableScroll>
    ).toString();
    expect(html).toContain('<div class="table-scroll" role="region" aria-label="Trainings per month" tabindex="0"><table></table></div>');
    expect(html).toContain('scroll sideways');
  });

  it('aligns header cells of numeric columns right without marking them', () => {
    const css = siteCss(areaConfig('jamtland'));
    expect(css).toContain('table:has(>tbody>tr:first-child>.num:nth-child(2))>thead>tr>th:nth-child(2)');
    expect(css).toContain('hyphens:auto');
  });
});

describe('the language of staff-written text', () => {
  it('is marked only where it differs from the page', () => {
    expect(contentLang('sv', 'sv')).toBeUndefined();
    expect(contentLang('sv', 'en')).toBe('sv');
    expect(contentLang('en-GB', 'en')).toBeUndefined();
    expect(contentLang('fi', 'sv')).toBe('fi');
  });
});
