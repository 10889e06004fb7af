import { describe, expect, it } from 'vitest';
import { indicatorsKit, putReport, release, sipReport } from './helpers.js';

async function withSip() {
  const kit = await indicatorsKit();
  await putReport(kit, 'sip-established/2026-Q2/2580', sipReport(8, 8), await kit.bearer({ roles: ['editor'], org: '2580' }));
  await putReport(kit, 'sip-established/2026-Q3/2580', sipReport(3, 9), await kit.bearer({ roles: ['editor'], org: '2580' }));
  await putReport(kit, 'sip-established/2026-Q3/2584', sipReport(5, 5), await kit.bearer({ roles: ['editor'], org: '2584' }));
  await release(kit, '2026-Q2');
  await release(kit, '2026-Q3');
  return kit;
}

describe('the public follow-up pages', () => {
  it('lists every indicator with the latest area figure and its coverage', async () => {
    const kit = await withSip();
    const html = await (await kit.app.request('/uppfoljning')).text();
    expect(html).toContain('Upprättade samordnade individuella planer (SIP)');
    expect(html).toContain('2026-Q3, hela området: <strong class="num">22</strong>. 2 av 18 organisationer har rapporterat.');
  });

  it('draws a trend and a bar per municipality as SVG, each with a data table and a summary', async () => {
    const kit = await withSip();
    const html = await (await kit.app.request('/uppfoljning/sip-established')).text();
    expect(html.match(/<svg[^>]*role="img"/g)).toHaveLength(2);
    expect(html).toContain('<caption>Hela området per period</caption>');
    expect(html).toContain('<caption>Per organisation 2026-Q3</caption>');
    expect(html).toContain(
      '2026-Q3 var värdet för hela området 22 (summa). 2 av 18 organisationer har rapporterat. Från 2026-Q2 (16) till 2026-Q3 (22).',
    );
    expect(html).not.toMatch(/\sstyle="/);
  });

  it('shows the earlier period when asked, and English with ?lang=en', async () => {
    const kit = await withSip();
    const html = await (await kit.app.request('/uppfoljning/sip-established?period=2026-Q2&lang=en')).text();
    expect(html).toContain('<caption>Per organisation 2026-Q2</caption>');
    expect(html).toContain('In 2026-Q2 the figure for the whole area was 16 (sum).');
  });

  it('shows the same published figures to a logged-in editor as to everyone', async () => {
    const kit = await withSip();
    const html = await (
      await kit.app.request('/uppfoljning/sip-established', {
        headers: { authorization: await kit.bearer({ roles: ['editor'], org: '2580' }) },
      })
    ).text();
    const row = /<th scope="row">Luleå<\/th>(.*?)<\/tr>/s.exec(html)?.[1] ?? '';
    expect(row).not.toContain('>3<');
  });

  it('answers an unknown indicator with 404', async () => {
    const kit = await indicatorsKit();
    expect((await kit.app.request('/uppfoljning/nope')).status).toBe(404);
  });
});
