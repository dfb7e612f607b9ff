import type { RebuildProgress } from './rebuild-passports.js';

const WIDTH = 30;

/** `[#########-----] 1200/4000 events  30.0%  850 events/s` */
export function progressLine({ done, total, elapsedMs }: RebuildProgress): string {
  const fraction = total === 0 ? 1 : done / total;
  const filled = Math.round(fraction * WIDTH);
  const rate = elapsedMs > 0 ? Math.round((done * 1000) / elapsedMs) : 0;
  const bar = `${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}`;
  return `[${bar}] ${done}/${total} events  ${(fraction * 100).toFixed(1)}%  ${rate} events/s`;
}

/** Redraws one line on a terminal; prints a line a second otherwise (CI logs). */
export function stderrProgress(stream: NodeJS.WriteStream = process.stderr) {
  let lastPrinted = 0;
  return (progress: RebuildProgress) => {
    const finished = progress.done >= progress.total;
    if (stream.isTTY) {
      stream.write(`\r${progressLine(progress)}${finished ? '\n' : ''}`);
    } else if (finished || progress.elapsedMs - lastPrinted >= 1000) {
      lastPrinted = progress.elapsedMs;
      stream.write(`${progressLine(progress)}\n`);
    }
  };
}
