import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BarChart, wrapLabel } from '../../functions/indicators/pages/chart.js';

describe('chart labels', () => {
  it('wrap a long organisation name onto two lines and end it with … when it is longer still', () => {
    const name = 'Beroendemottagningens öppenvårdsverksamhet för samsjuklighetsbehandling';
    expect(wrapLabel(name, 40)).toEqual({ lines: ['Beroendemottagningens', 'öppenvårdsverksamhet för…'], truncated: true });
    expect(wrapLabel('Region Östergötland', 40)).toEqual({ lines: ['Region Östergötland'], truncated: false });
  });

  it('never give a line longer than asked, nor more lines, and keep every word of a label that fits', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'ö', ' ', '-'), maxLength: 200 }),
        fc.integer({ min: 4, max: 60 }),
        (label, max) => {
          const { lines, truncated } = wrapLabel(label, max);
          expect(lines.length).toBeLessThanOrEqual(2);
          for (const line of lines) expect(line.length).toBeLessThanOrEqual(max);
          // a label that fits keeps every letter (a word cut to fit gets a hyphen)
          const letters = (s: string) => s.replace(/[\s-]/g, '');
          if (!truncated) expect(letters(lines.join(''))).toBe(letters(label));
        },
      ),
    );
  });

  it('keeps the full name of a shortened label in its tooltip', async () => {
    const name = 'Beroendemottagningens öppenvårdsverksamhet för samsjuklighetsbehandling';
    const svg = await (
      <BarChart id="c" title="T" description="D" data={[{ label: name, value: 3, text: '3' }]} unit="count" lang="sv" colour="#000" />
    ).toString();
    expect(svg).toContain(`<title>${name}</title>`);
    expect(svg).toContain('viewBox="0 0 360 ');
  });
});
