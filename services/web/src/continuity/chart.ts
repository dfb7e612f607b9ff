import type { ContinuityRow, MeasureKey, NationalRow } from './figures.js';

/** Geometry of the chart, in SVG user units (the SVG scales to its container). */
export const LAYOUT = {
  width: 800,
  /** Measure names end here, right-aligned; bars start here. */
  plotLeft: 260,
  plotWidth: 440,
  axisHeight: 34,
  headingHeight: 24,
  barRow: 22,
  barHeight: 16,
  groupGap: 14,
} as const;

/** Each measure's fill: a colour and a pattern, so no meaning rests on colour alone (and each bar is named beside it). */
const FILLS: Record<MeasureKey | 'national', { fill: string; stroke: string; pattern: string }> = {
  releasedComplete: { fill: '#1d70b8', stroke: '#1d70b8', pattern: 'solid' },
  firstAppointmentAttended: { fill: 'url(#pattern-stripes)', stroke: '#00703c', pattern: 'diagonal stripes' },
  startedWithin21Days: { fill: 'url(#pattern-dots)', stroke: '#4c2c92', pattern: 'dots' },
  national: { fill: 'url(#pattern-grid)', stroke: '#505a5f', pattern: 'grid' },
};

const TICKS = [0, 0.25, 0.5, 0.75, 1];

/** x of a share (0 to 1) on the plot. */
export function xOf(share: number): number {
  const clamped = Math.min(1, Math.max(0, share));
  return LAYOUT.plotLeft + round(clamped * LAYOUT.plotWidth);
}

const round = (value: number) => Math.round(value * 10) / 10;

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

interface Bar {
  name: string;
  measure: MeasureKey | 'national';
  share: number | null;
  shareText: string;
}

interface Group {
  heading: string;
  bars: Bar[];
}

const groupHeight = (group: Group) => LAYOUT.headingHeight + group.bars.length * LAYOUT.barRow + LAYOUT.groupGap;

/**
 * The continuity chart as an SVG string: one group of three horizontal bars per prison and month (the share of
 * releases with a complete passport, and of releases with a treatment need who attended the first appointment and who
 * started treatment within 21 days), then England's figures. A share not published gets no bar, only its reason.
 */
export function continuityChart(rows: readonly ContinuityRow[], national: readonly NationalRow[]): string {
  const groups: Group[] = [
    ...rows.map((row) => ({
      heading: `${row.prisonCode}, ${row.monthName}`,
      bars: row.measures.map((cell) => ({ ...cell, measure: cell.key })),
    })),
    {
      heading: 'England (OHID): started treatment within 3 weeks',
      bars: national.map((figure) => ({
        name: figure.year,
        measure: 'national' as const,
        share: figure.share,
        shareText: figure.shareText,
      })),
    },
  ];
  const height = LAYOUT.axisHeight + groups.reduce((sum, group) => sum + groupHeight(group), 0);
  const parts: string[] = [];
  let top = LAYOUT.axisHeight;
  for (const group of groups) {
    parts.push(groupSvg(group, top));
    top += groupHeight(group);
  }
  const plotted = groups.flatMap((group) => group.bars).filter((bar) => bar.share !== null).length;
  const hidden = rows.flatMap((row) => row.measures).filter((cell) => cell.share === null).length;
  const description =
    `Horizontal bar chart, 0 to 100%, of ${rows.length} prison and month` +
    `${rows.length === 1 ? '' : 's'}: ${plotted} bars, ${hidden} share${hidden === 1 ? '' : 's'} not shown ` +
    'because the counts behind them are small. Each bar is named on its left and its share is written at its end. ' +
    'The table after the chart holds the same figures.';
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="app-chart" role="img" viewBox="0 0 ${LAYOUT.width} ${height}"` +
      ` width="100%" font-family="'GDS Transport', arial, sans-serif"` +
      ' aria-labelledby="continuity-chart-title continuity-chart-desc">',
    '<title id="continuity-chart-title">Continuity of care per prison and month, beside England</title>',
    `<desc id="continuity-chart-desc">${escapeXml(description)}</desc>`,
    patterns(),
    axis(height),
    ...parts,
    '</svg>',
  ].join('\n');
}

function patterns(): string {
  return [
    '<defs>',
    '<pattern id="pattern-stripes" patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">',
    '<rect width="6" height="6" fill="#ffffff"/><rect width="3" height="6" fill="#00703c"/></pattern>',
    '<pattern id="pattern-dots" patternUnits="userSpaceOnUse" width="5" height="5">',
    '<rect width="5" height="5" fill="#ffffff"/><circle cx="2.5" cy="2.5" r="1.6" fill="#4c2c92"/></pattern>',
    '<pattern id="pattern-grid" patternUnits="userSpaceOnUse" width="6" height="6">',
    '<rect width="6" height="6" fill="#ffffff"/><path d="M0 0H6M0 0V6" stroke="#505a5f" stroke-width="2"/></pattern>',
    '</defs>',
  ].join('');
}

function axis(height: number): string {
  return TICKS.map((tick) => {
    const x = xOf(tick);
    return (
      `<line class="app-chart__grid" x1="${x}" y1="${LAYOUT.axisHeight - 6}" x2="${x}" y2="${height}"` +
      ' stroke="#b1b4b6" stroke-dasharray="3 3"/>' +
      `<text x="${x}" y="${LAYOUT.axisHeight - 12}" text-anchor="middle" font-size="13" fill="#0b0c0c">` +
      `${Math.round(tick * 100)}%</text>`
    );
  }).join('\n');
}

function groupSvg(group: Group, top: number): string {
  const lines = [
    `<g class="app-chart__group">`,
    `<text x="0" y="${top + 16}" font-size="15" font-weight="bold" fill="#0b0c0c">${escapeXml(group.heading)}</text>`,
  ];
  group.bars.forEach((bar, index) => {
    const y = top + LAYOUT.headingHeight + index * LAYOUT.barRow;
    const middle = y + LAYOUT.barHeight / 2 + 5;
    lines.push(
      `<text x="${LAYOUT.plotLeft - 8}" y="${middle}" text-anchor="end" font-size="13" fill="#0b0c0c">` +
        `${escapeXml(bar.name)}</text>`,
    );
    if (bar.share === null) {
      lines.push(
        `<text class="app-chart__not-shown" x="${LAYOUT.plotLeft + 4}" y="${middle}" font-size="13"` +
          ` font-style="italic" fill="#505a5f">${escapeXml(bar.shareText)}</text>`,
      );
      return;
    }
    const fill = FILLS[bar.measure];
    const end = xOf(bar.share);
    lines.push(
      `<rect class="app-chart__bar" data-measure="${bar.measure}" data-share="${bar.share}"` +
        ` x="${LAYOUT.plotLeft}" y="${y}" width="${round(end - LAYOUT.plotLeft)}" height="${LAYOUT.barHeight}"` +
        ` fill="${fill.fill}" stroke="${fill.stroke}" stroke-width="1.5"/>`,
      `<text class="app-chart__value" x="${end + 6}" y="${middle}" font-size="13" fill="#0b0c0c">` +
        `${escapeXml(bar.shareText)}</text>`,
    );
  });
  lines.push('</g>');
  return lines.join('\n');
}
