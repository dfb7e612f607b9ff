/**
 * Refreshes data/bank-holidays.json from GOV.UK's published JSON (a file path or a URL).
 *   pnpm exec tsx packages/calendar/scripts/refresh-bank-holidays.ts https://www.gov.uk/bank-holidays.json
 *   ... [--dry-run] [--out path]
 * Years the source covers replace the shipped ones; years it no longer covers are kept, so one-off
 * holidays (VE day 2020, the 2022 jubilee and state funeral, the 2023 coronation) survive GOV.UK dropping
 * old years. No service ever calls the network for them.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { type GovUkBankHolidays, type GovUkEvent, parseGovUkBankHolidays } from '../src/gov-uk.js';

const SHIPPED = fileURLToPath(new URL('../data/bank-holidays.json', import.meta.url));

async function main(args: string[]): Promise<void> {
  const source = args.find((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--out');
  if (!source) throw new Error('Usage: refresh-bank-holidays.ts <path-or-url> [--dry-run] [--out path]');
  const outIndex = args.indexOf('--out');
  const out = outIndex >= 0 ? (args[outIndex + 1] ?? SHIPPED) : SHIPPED;
  const incoming = parseGovUkBankHolidays(await load(source));
  const current = parseGovUkBankHolidays(JSON.parse(await readFile(out, 'utf8')));
  const merged = merge(current, incoming);
  const changes = describeChanges(current, merged);
  console.log(changes.length > 0 ? changes.join('\n') : 'No changes.');
  if (args.includes('--dry-run') || changes.length === 0) return;
  await writeFile(out, `${JSON.stringify(merged, null, 2)}\n`);
  console.log(`Wrote ${out}`);
}

async function load(source: string): Promise<unknown> {
  if (!/^https?:\/\//.test(source)) return JSON.parse(await readFile(source, 'utf8'));
  const response = await fetch(source, { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`GET ${source}: ${response.status} ${response.statusText}`);
  return response.json();
}

export function merge(current: GovUkBankHolidays, incoming: GovUkBankHolidays): GovUkBankHolidays {
  const result: GovUkBankHolidays = { ...current };
  for (const [key, division] of Object.entries(incoming)) {
    const years = new Set(division.events.map(year));
    const kept = (current[key]?.events ?? []).filter((event) => !years.has(year(event)));
    const events = [...kept, ...division.events].sort((a, b) => a.date.localeCompare(b.date));
    result[key] = { division: key, events };
  }
  return result;
}

export function describeChanges(before: GovUkBankHolidays, after: GovUkBankHolidays): string[] {
  const lines: string[] = [];
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const old = new Map((before[key]?.events ?? []).map((event) => [event.date, event]));
    const now = new Map((after[key]?.events ?? []).map((event) => [event.date, event]));
    for (const [date, event] of now) {
      const was = old.get(date);
      if (!was) lines.push(`${key}: + ${date} ${event.title}`);
      else if (JSON.stringify(was) !== JSON.stringify(event))
        lines.push(`${key}: ~ ${date} ${was.title} -> ${event.title}`);
    }
    for (const [date, event] of old) if (!now.has(date)) lines.push(`${key}: - ${date} ${event.title}`);
  }
  return lines.sort();
}

function year(event: GovUkEvent): string {
  return event.date.slice(0, 4);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
