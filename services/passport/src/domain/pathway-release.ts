import type { ChecklistItem, Pathway, ReleaseFacts } from './passport.js';

const SHORT_NOTICE_WORDS = {
  COURT: 'from court',
  VIDEO_LINK: 'from a court video link',
  UNDER_48_HOURS_NOTICE: 'with under 48 hours’ notice',
} as const;

/** Complete once scheduled; a short-notice release stays in progress until its checklist is done. */
export function releasePathway(release: ReleaseFacts | null, checklist: ChecklistItem[] | null): Pathway {
  if (!release?.releaseDate) return { required: true, status: 'not-started', reason: 'Release date not yet scheduled' };
  if (release.status === 'cancelled') {
    return { required: true, status: 'at-risk', reason: `Release cancelled: ${release.cancelledReason}` };
  }
  const missing = (checklist ?? []).filter((item) => item.status === 'missing');
  if (release.status === 'scheduled' && missing.length > 0) {
    const how = release.shortNoticeReason ? ` ${SHORT_NOTICE_WORDS[release.shortNoticeReason]}` : '';
    const what = missing.map((item) => item.label.toLowerCase()).join(', ');
    return { required: true, status: 'in-progress', reason: `Short-notice release${how}: still missing ${what}` };
  }
  return { required: true, status: 'complete', reason: null };
}
