import { DateTime } from 'luxon';

export type ReleaseFrom = 'PRISON' | 'COURT' | 'VIDEO_LINK';

export type ShortNoticeReason = 'COURT' | 'VIDEO_LINK' | 'UNDER_48_HOURS_NOTICE';

export interface NoticeClassification {
  shortNotice: boolean;
  reason: ShortNoticeReason | null;
}

export const SHORT_NOTICE_HOURS = 48;

/** Court and video-link releases are always short notice; otherwise under 48 real hours before the gate. */
export function classifyNotice(input: { gateAt: string; from: ReleaseFrom; now: Date }): NoticeClassification {
  if (input.from !== 'PRISON') return { shortNotice: true, reason: input.from };
  const gateAt = DateTime.fromISO(input.gateAt, { setZone: true });
  if (!gateAt.isValid) throw new RangeError(`Not an instant: ${input.gateAt}`);
  const noticeMs = gateAt.toMillis() - input.now.getTime();
  if (noticeMs < SHORT_NOTICE_HOURS * 3_600_000) return { shortNotice: true, reason: 'UNDER_48_HOURS_NOTICE' };
  return { shortNotice: false, reason: null };
}
