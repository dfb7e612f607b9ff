import { describe, expect, it } from 'vitest';
import type { SubjectAccessRequest } from '../clients/subject-access.js';
import { exportFileName, requestInWords, serviceName } from './request-view.js';

const dana = { sub: 'data-protection-officer', name: 'Dana Osei', roles: ['data-protection' as const] };
const halfway: SubjectAccessRequest = {
  id: '7d0f5c1e-2b4a-4c39-9d1e-5a8b6c3f2e10',
  personId: 'A1234BC',
  requestedBy: 'data-protection-officer',
  requestedAt: '2026-12-10T09:30:00.000Z',
  completedAt: null,
  answered: ['release-scheduling', 'passport', 'accommodation'],
  waitingFor: ['treatment-continuity', 'transport'],
  complete: false,
  progress: '3 of 5 services answered',
};

describe('a subject access request in words', () => {
  it('names each service as staff know it', () => {
    expect(requestInWords(halfway, dana)).toMatchObject({
      answeredNames: ['Release scheduling', 'Resettlement passport', 'Accommodation'],
      waitingForNames: ['Treatment continuity', 'Transport'],
      progress: '3 of 5 services answered',
    });
  });

  it('says "you" when she asked, and who asked otherwise', () => {
    expect(requestInWords(halfway, dana).askedBy).toBe('You (Dana Osei)');
    expect(requestInWords(halfway, { ...dana, sub: 'another-officer', name: 'Ann Other' }).askedBy).toBe(
      'data-protection-officer',
    );
  });

  it('shows a service it has no name for as the passport calls it', () => {
    expect(serviceName('probation-records')).toBe('probation-records');
    expect(serviceName('toString')).toBe('toString');
  });

  it('names the download after her and the request', () => {
    expect(exportFileName({ personId: 'A1234BC', requestId: halfway.id })).toBe(
      'subject-access-A1234BC-7d0f5c1e-2b4a-4c39-9d1e-5a8b6c3f2e10.json',
    );
  });
});
