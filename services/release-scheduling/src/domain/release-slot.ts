import { type IsoDate, londonToday, longDate } from '@resettle/calendar';
import { checkGateTime, DEFAULT_RELEASE_WINDOW } from './gate-time.js';
import { nearestSlot } from './nearest-slot.js';
import { type CheckContext, type ReleaseCheck, refuse, type SlotRequest } from './release-check.js';
import type { ReleaseDateAdjustment } from './release-date.js';
import { classifyNotice } from './short-notice.js';

/**
 * Schedules an allowed date at the asked gate time, refusing a past date, a gate time outside the window
 * or already gone. `candidates` are the other dates she may lawfully leave on, for the nearest alternative.
 */
export function scheduleOn(
  adjustment: ReleaseDateAdjustment,
  request: SlotRequest,
  candidates: IsoDate[],
  { now }: CheckContext,
): ReleaseCheck {
  const { releaseDate } = adjustment;
  const { gateTime, from, prisonWindow = DEFAULT_RELEASE_WINDOW } = request;
  const asked = { date: releaseDate, time: gateTime };
  const nearest = () => nearestSlot(candidates, releaseDate, gateTime, prisonWindow, now);
  if (releaseDate < londonToday(now)) {
    return refuse('RELEASE_DATE_IN_PAST', `${longDate(releaseDate)} has already passed.`, asked, nearest());
  }
  const gate = checkGateTime({ releaseDate, gateTime }, prisonWindow);
  if (!gate.ok) {
    const message =
      `Gate time ${gateTime} on ${longDate(releaseDate)} is refused (${gate.rule}); ` +
      `the release window is ${prisonWindow.opens} to ${prisonWindow.closes}.`;
    return refuse(gate.rule, message, asked, nearest());
  }
  if (Date.parse(gate.gateAt) <= now.getTime()) {
    return refuse('GATE_TIME_IN_PAST', `${gateTime} on ${longDate(releaseDate)} has already passed.`, asked, nearest());
  }
  const notice = classifyNotice({ gateAt: gate.gateAt, from, now });
  return {
    allowed: true,
    ...adjustment,
    gateTime,
    gateAt: gate.gateAt,
    shortNotice: notice.shortNotice,
    shortNoticeReason: notice.reason,
  };
}
