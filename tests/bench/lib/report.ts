import type { MeasureName } from './options.js';

export interface Target {
  /** 'min': the value must reach it; 'max': the value must stay under it. */
  kind: 'min' | 'max';
  value: number;
}

export interface Figure {
  name: string;
  value: number;
  unit: string;
  target?: Target;
  note?: string;
}

export interface MeasureResult {
  name: MeasureName;
  status: 'ok' | 'skipped' | 'failed';
  reason?: string;
  seconds?: number;
  /** 1-minute load average before and after: other work on the machine lowers every figure. */
  loadAverage?: { before: number; after: number };
  figures: Figure[];
  details?: Record<string, unknown>;
}

const groups = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const fine = new Intl.NumberFormat('en-GB', { maximumSignificantDigits: 3 });
const show = (value: number) => (Math.abs(value) >= 100 ? groups.format(value) : fine.format(value));

export function verdictOf(figure: Figure): string {
  const { target, value } = figure;
  if (!target) return '';
  if (target.kind === 'min') {
    return value >= target.value ? 'met' : `MISSED: ${fine.format((value / target.value) * 100)}% of target`;
  }
  return value < target.value ? 'met' : `MISSED: ${fine.format(value / target.value)}× the limit`;
}

export function targetText(figure: Figure): string {
  if (!figure.target) return '';
  return `${figure.target.kind === 'min' ? '≥' : '<'} ${show(figure.target.value)}`;
}

/** A markdown table (readable in a terminal too), one row per figure, one per skipped measurement. */
export function tableOf(results: MeasureResult[]): string {
  const rows = ['| measurement | figure | value | target | verdict |', '| --- | --- | ---: | --- | --- |'];
  for (const result of results) {
    if (result.status !== 'ok') {
      rows.push(`| ${result.name} | ${result.status}: ${result.reason ?? ''} | | | |`);
      continue;
    }
    for (const figure of result.figures) {
      const value = `${show(figure.value)} ${figure.unit}`.trim();
      const note = figure.note ? ` (${figure.note})` : '';
      rows.push(`| ${result.name} | ${figure.name}${note} | ${value} | ${targetText(figure)} | ${verdictOf(figure)} |`);
    }
  }
  return rows.join('\n');
}
