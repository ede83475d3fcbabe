import { barChart, timelineChart } from './charts.js';

describe('charts drawn on the server', () => {
  const spans = [
    { row: 'Camat', start: '2026-02-10', end: '2026-09-20', kind: 'Definitif', label: 'Ani' },
    { row: 'Camat', start: '2026-01-05', end: '2026-02-10', kind: 'Plt', label: 'Budi' },
  ];
  const ticks = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]+)<\/text>/g)].map((m) => m[1]);

  it('writes the time axis in the page language', () => {
    const id = ticks(timelineChart(spans, { lang: 'id', ariaLabel: 'x', until: '2026-11-29', colors: { Definitif: '#000', Plt: '#c60' } }));
    const en = ticks(timelineChart(spans, { lang: 'en', ariaLabel: 'x', until: '2026-11-29', colors: { Definitif: '#000', Plt: '#c60' } }));
    expect(id).toEqual(expect.arrayContaining(['Mei', 'Agu']));
    expect(id).not.toContain('May');
    expect(en).toEqual(expect.arrayContaining(['May', 'Aug']));
  });

  it('is one image named once: no mark group carries its own label', () => {
    const svg = barChart([{ label: 'Rotasi', count: 3 }], { ariaLabel: 'Menurut jenis' });
    expect(svg).toMatch(/^<svg[^>]*role="img"[^>]*aria-label="Menurut jenis"/);
    expect(svg).not.toMatch(/<g[^>]*aria-label/);
  });

  it('escapes what the data holds', () => {
    const svg = barChart([{ label: '<script>x</script>', count: 1 }], { ariaLabel: '"><b>' });
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('"><b>');
  });
});
