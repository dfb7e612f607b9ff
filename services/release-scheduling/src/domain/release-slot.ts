import { type IsoDate, londonToday, longDate } from '@resettle/calendar';
import { checkGateTime, DEFAULT_RELEASE_WINDOW, localInstant } from './gate-time.js';
import { nearestSlot } from './nearest-slot.js';
import { type CheckContext, type ReleaseCheck, refuse, type SlotRequest, type Warning } from './release-check.js';
import type { ReleaseDateAdjustment } from './release-date.js';
import { classifyNotice } from './short-notice.js';

/**
 * Schedules an allowed date at the asked gate time, refusing a past date, a gate time outside the window
 * or already gone. `candidates` are the other dates she may lawfully leave on, for the nearest alternative.
 *
 * A release ordered by someone else (court, video link) is never refused for its gate time: the rule becomes a
 * warning. Neither is one on the day the law fixes once the day it would have moved to has gone (`forced`), unless
 * the planner can still pick a gate time in the window on that day.
 */
export function scheduleOn(
  adjustment: ReleaseDateAdjustment,
  request: SlotRequest,
  candidates: IsoDate[],
  { now }: CheckContext,
  forced: Warning[] = [],
): ReleaseCheck {
  const { releaseDate } = adjustment;
  const { gateTime, from, prisonWindow = DEFAULT_RELEASE_WINDOW } = request;
  const ordered = from !== 'PRISON';
  const asked = { date: releaseDate, time: gateTime };
  const nearest = () => nearestSlot(candidates, releaseDate, gateTime, prisonWindow, now);
  // Ordered releases always stand; a forced one stands when no gate time in the window is left to choose.
  const mustStand = () => ordered || (forced.length > 0 && nearest() === null);
  if (releaseDate < londonToday(now)) {
    return refuse('RELEASE_DATE_IN_PAST', `${longDate(releaseDate)} has already passed.`, asked, nearest());
  }
  const warnings: Warning[] = [...forced];
  const gate = checkGateTime({ releaseDate, gateTime }, prisonWindow);
  let gateAt: string;
  if (gate.ok) {
    gateAt = gate.gateAt;
  } else {
    const message =
      `Gate time ${gateTime} on ${longDate(releaseDate)} is refused (${gate.rule}); ` +
      `the release window is ${prisonWindow.opens} to ${prisonWindow.closes}.`;
    if (gate.rule === 'NONEXISTENT_LOCAL_TIME' || !mustStand()) return refuse(gate.rule, message, asked, nearest());
    warnings.push({ rule: gate.rule, message: outsideWindow(gateTime, releaseDate, prisonWindow) });
    gateAt = localInstant(releaseDate, gateTime)!.toISO({ suppressMilliseconds: true })!;
  }
  if (Date.parse(gateAt) <= now.getTime()) {
    const message = `${gateTime} on ${longDate(releaseDate)} has already passed.`;
    if (!mustStand()) return refuse('GATE_TIME_IN_PAST', message, asked, nearest());
    warnings.push({ rule: 'GATE_TIME_IN_PAST', message: `${message} The release is recorded as it happens.` });
  }
  const notice = classifyNotice({ gateAt, from, now });
  const shortNotice = notice.shortNotice || forced.length > 0;
  return {
    allowed: true,
    ...adjustment,
    gateTime,
    gateAt,
    shortNotice,
    shortNoticeReason: notice.reason ?? (shortNotice ? 'UNDER_48_HOURS_NOTICE' : null),
    warnings,
  };
}

function outsideWindow(gateTime: string, releaseDate: IsoDate, window: { opens: string; closes: string }): string {
  return (
    `Gate time ${gateTime} on ${longDate(releaseDate)} is outside the release window (${window.opens} to ` +
    `${window.closes}); the release is ordered and stands: plan for her arriving late.`
  );
}
