interface PathwayView {
  label: string;
  required: boolean;
  status: string;
  reason: string | null;
}

export interface PassportView {
  personId: string;
  releaseDate: string | null;
  complete: boolean;
  pathways: PathwayView[];
  risk: { atRisk: boolean; missing: string[] };
  shortNoticeChecklist: { label: string; status: string }[] | null;
}

const SYMBOL: Record<string, string> = {
  complete: '✓',
  'in-progress': '◐',
  'at-risk': '⚠',
  'not-started': '○',
  'awaiting-re-check': '↻',
};

/** One passport as a readable table: a line per required pathway, with the reason for every gap. */
export function passportTable(title: string, passport: PassportView): string {
  const verdict = passport.complete ? 'COMPLETE' : `INCOMPLETE${passport.risk.atRisk ? ' — AT RISK' : ''}`;
  const lines = [
    `\n${title}`,
    `  ${passport.personId}, release ${passport.releaseDate ?? 'not scheduled'}: ${verdict}`,
  ];
  for (const pathway of passport.pathways.filter((entry) => entry.required)) {
    const status = `${SYMBOL[pathway.status] ?? '?'} ${pathway.status}`.padEnd(15);
    lines.push(`  ${pathway.label.padEnd(26)} ${status} ${pathway.reason ?? ''}`);
  }
  for (const item of passport.shortNoticeChecklist ?? [])
    lines.push(`  checklist: ${item.label.padEnd(32)} ${item.status}`);
  return lines.join('\n');
}
