import type { PassportRow } from '../db/passports.js';
import {
  assessRisk,
  calendarDaysUntil,
  isComplete,
  londonDateOf,
  PATHWAY_LABELS,
  type Passport,
  type PassportSettings,
  pathwayEntries,
} from '../domain/index.js';

type TimelineRow = { at: Date; eventType: string; source: string; correlationId: string; summary: string };

export function pathwaysView(passport: Passport) {
  return pathwayEntries(passport).map(({ name, required, status, reason }) => ({
    pathway: name,
    label: PATHWAY_LABELS[name],
    required,
    status,
    reason,
  }));
}

export function releaseSummary(row: PassportRow, now: Date) {
  const { passport } = row;
  return {
    releaseId: row.releaseId,
    personId: row.personId,
    prisonCode: row.prisonCode,
    releaseDate: row.releaseDate,
    daysToRelease: row.releaseDate ? calendarDaysUntil(londonDateOf(now), row.releaseDate) : null,
    releaseStatus: row.releaseStatus,
    shortNotice: passport.shortNotice,
    complete: isComplete(passport),
    gaps: row.gaps,
  };
}

/** What a probation practitioner sees: statuses, reasons, checklist and timeline — never the facts behind them. */
export function passportView(row: PassportRow, timeline: TimelineRow[], now: Date, settings: PassportSettings) {
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
    timeline: timeline.map((entry) => ({
      at: entry.at.toISOString(),
      eventType: entry.eventType,
      source: entry.source,
      correlationId: entry.correlationId,
      summary: entry.summary,
    })),
  };
}
