import type { PassportRow, TimelineView } from '../db/passports.js';
import {
  assessRisk,
  calendarDaysUntil,
  isComplete,
  londonDateOf,
  PATHWAY_LABELS,
  type Passport,
  type PassportOutline,
  type PassportSettings,
  type Pathway,
  pathwayEntries,
  releaseOutcome,
} from '../domain/index.js';

const STATUS_TEXT: Record<Pathway['status'], string> = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  complete: 'Complete',
  'at-risk': 'At risk',
  'awaiting-re-check': 'Awaiting re-check',
};

/** 'Awaiting re-check by accommodation': who the passport waits on, in words. */
export function statusText(pathway: Pick<Pathway, 'required' | 'status' | 'owedBy'>): string {
  if (!pathway.required) return 'Not needed';
  const words = STATUS_TEXT[pathway.status];
  return pathway.status === 'awaiting-re-check' && pathway.owedBy ? `${words} by ${pathway.owedBy}` : words;
}

export function pathwaysView(passport: PassportOutline) {
  // A passport saved before verdicts existed has no reasons or owner on its pathways.
  return pathwayEntries(passport).map(({ name, required, status, reason, reasons = [], owedBy = null }) => ({
    pathway: name,
    label: PATHWAY_LABELS[name],
    required,
    status,
    reason,
    reasons,
    owedBy,
    statusText: statusText({ required, status, owedBy }),
  }));
}

/** The fields of a passport's row a list shows, with its passport in outline. */
export type ListedPassportRow = Pick<
  PassportRow,
  'releaseId' | 'personId' | 'prisonCode' | 'releaseDate' | 'releaseStatus' | 'gaps'
> & { passport: PassportOutline };

export function releaseSummary(row: ListedPassportRow, now: Date) {
  const { passport } = row;
  return {
    releaseId: row.releaseId,
    personId: row.personId,
    prisonCode: row.prisonCode,
    releaseDate: row.releaseDate,
    daysToRelease: row.releaseDate ? calendarDaysUntil(londonDateOf(now), row.releaseDate) : null,
    releaseStatus: row.releaseStatus,
    releaseRevision: passport.releaseRevision ?? 0,
    shortNotice: passport.shortNotice,
    complete: isComplete(passport),
    gaps: row.gaps,
  };
}

function outcomeView(passport: Passport) {
  const outcome = passport.facts.release ? releaseOutcome(passport) : null;
  return outcome && { status: outcome.status, reasons: outcome.reasons };
}

/** What a probation practitioner sees: statuses, reasons, checklist and timeline — never the facts behind them. */
export function passportView(row: PassportRow, timeline: TimelineView[], now: Date, settings: PassportSettings) {
  const { passport } = row;
  return {
    ...releaseSummary(row, now),
    probationRegion: passport.probationRegion,
    gateTime: passport.gateTime,
    gateAt: passport.gateAt ? new Date(passport.gateAt).toISOString() : null,
    shortSentence: passport.shortSentence,
    weekendCoverPlanRequired: passport.weekendCoverPlanRequired,
    risk: assessRisk(passport, now, settings),
    pathways: pathwaysView(passport),
    shortNoticeChecklist: passport.shortNoticeChecklist,
    outcome: outcomeView(passport),
    alarm: passport.facts.aftercare?.alarm ?? null,
    timeline,
  };
}
