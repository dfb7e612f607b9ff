import type { ContinuityFigure } from '@resettle/contracts';
import { describe, expect, it } from 'vitest';
import { continuityChart, escapeXml, LAYOUT, xOf } from './chart.js';
import { continuityRows, nationalRows } from './figures.js';

const NATIONAL = nationalRows([
  { year: '2021-22', share: 0.37 },
  { year: '2022-23', share: 0.43 },
  { year: '2023-24', share: 0.53 },
]);

const january: ContinuityFigure = {
  prisonCode: 'EHI',
  month: '2027-01',
  releases: 17,
  releasedComplete: '[c]',
  withTreatmentNeed: 12,
  firstAppointmentAttended: 7,
  startedWithin21Days: 7,
  shares: { releasedComplete: null, firstAppointmentAttended: 0.583, startedWithin21Days: 0.583 },
};
const february: ContinuityFigure = {
  prisonCode: 'EHI',
  month: '2027-02',
  releases: '<5',
  releasedComplete: '<5',
  withTreatmentNeed: '<5',
  firstAppointmentAttended: 0,
  startedWithin21Days: 0,
  shares: { releasedComplete: null, firstAppointmentAttended: null, startedWithin21Days: null },
};

const bars = (svg: string) =>
  [
    ...svg.matchAll(
      /<rect class="app-chart__bar" data-measure="([a-zA-Z0-9]+)" data-share="([\d.]+)" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"/g,
    ),
  ].map(([, measure, share, x, width]) => ({ measure, share: Number(share), x: Number(x), width: Number(width) }));

describe('the continuity chart (a pure SVG string)', () => {
  it('scales 0 to 100% across the plot', () => {
    expect(xOf(0)).toBe(LAYOUT.plotLeft);
    expect(xOf(1)).toBe(LAYOUT.plotLeft + LAYOUT.plotWidth);
    expect(xOf(0.5)).toBe(LAYOUT.plotLeft + LAYOUT.plotWidth / 2);
    expect(xOf(1.2)).toBe(xOf(1));
    expect(xOf(-0.1)).toBe(xOf(0));
  });

  it('draws a bar for each published share, England’s three beside them, and none for a hidden share', () => {
    const svg = continuityChart(continuityRows([january, february]), NATIONAL);
    expect(bars(svg)).toEqual([
      { measure: 'firstAppointmentAttended', share: 0.583, x: 260, width: 256.5 },
      { measure: 'startedWithin21Days', share: 0.583, x: 260, width: 256.5 },
      { measure: 'national', share: 0.37, x: 260, width: 162.8 },
      { measure: 'national', share: 0.43, x: 260, width: 189.2 },
      { measure: 'national', share: 0.53, x: 260, width: 233.2 },
    ]);
    // Never plotted as 0: February's shares are written out as not shown, with why.
    expect(svg.match(/class="app-chart__not-shown"/g)).toHaveLength(4);
    expect(svg).toContain('not shown: withheld');
    expect(svg).toContain('not shown: fewer than 5 releases');
  });

  it('labels each group, each bar and each value directly', () => {
    const svg = continuityChart(continuityRows([january]), NATIONAL);
    expect(svg).toContain('>EHI, January 2027</text>');
    expect(svg).toContain('>Released with a complete passport</text>');
    expect(svg).toContain('>First appointment attended</text>');
    expect(svg).toContain('>Started treatment within 21 days</text>');
    expect(svg.match(/class="app-chart__value"[^>]*>58.3%</g)).toHaveLength(2);
    expect(svg).toContain('>England (OHID): started treatment within 3 weeks</text>');
    for (const text of ['2021-22', '37%', '2022-23', '43%', '2023-24', '53%']) expect(svg).toContain(`>${text}</text>`);
    for (const tick of ['0%', '25%', '50%', '75%', '100%']) expect(svg).toContain(`>${tick}</text>`);
  });

  it('is an image with a title and a description, its fills patterns as well as colours', () => {
    const svg = continuityChart(continuityRows([january]), NATIONAL);
    expect(svg).toMatch(/^<svg [^>]*role="img"[^>]*aria-labelledby="continuity-chart-title continuity-chart-desc"/);
    expect(svg).toContain('<title id="continuity-chart-title">');
    expect(svg).toMatch(
      /<desc id="continuity-chart-desc">Horizontal bar chart, 0 to 100%, of 1 prison and month: 5 bars, 1 share not shown/,
    );
    expect(svg).toContain('fill="url(#pattern-stripes)"');
    expect(svg).toContain('fill="url(#pattern-dots)"');
    expect(svg).toContain('fill="url(#pattern-grid)"');
  });

  it('grows with the number of groups and escapes text', () => {
    const one = continuityChart(continuityRows([january]), NATIONAL);
    const two = continuityChart(continuityRows([january, february]), NATIONAL);
    const heightOf = (svg: string) => Number(/viewBox="0 0 800 (\d+)"/.exec(svg)?.[1]);
    expect(heightOf(two) - heightOf(one)).toBe(LAYOUT.headingHeight + 3 * LAYOUT.barRow + LAYOUT.groupGap);
    expect(escapeXml('<b> & "q"')).toBe('&lt;b&gt; &amp; &quot;q&quot;');
  });
});

describe('the figures the chart and its table share', () => {
  it('shows counts as numbers, "fewer than 5" or "withheld", and shares as percentages or why not', () => {
    const [row] = continuityRows([january]);
    expect(row).toMatchObject({
      prisonCode: 'EHI',
      monthName: 'January 2027',
      releases: '17',
      withTreatmentNeed: '12',
    });
    expect(row!.measures.map((cell) => [cell.count, cell.shareText])).toEqual([
      ['withheld', 'not shown: withheld'],
      ['7', '58.3%'],
      ['7', '58.3%'],
    ]);
    const [small] = continuityRows([february]);
    expect(small!.releases).toBe('fewer than 5');
    expect(small!.measures.map((cell) => cell.shareText)).toEqual([
      'not shown: fewer than 5',
      'not shown: fewer than 5 releases',
      'not shown: fewer than 5 releases',
    ]);
    expect(NATIONAL.map((row) => row.shareText)).toEqual(['37%', '43%', '53%']);
  });
});
