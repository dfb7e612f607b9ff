import { describe, expect, it } from 'vitest';
import { readAcceptance, readDecline, readOutcome } from './provider-answer.js';

describe('the provider’s answer', () => {
  it('accepts naming the key worker, keeping the appointment unless she moves it', () => {
    expect(readAcceptance({ keyWorkerName: ' Kim Lee ', keyWorkerGender: 'female' })).toEqual({
      detail: { keyWorker: { name: 'Kim Lee', gender: 'female' }, appointmentConfirmed: false },
    });
    const moved = readAcceptance({ keyWorkerName: 'Kim Lee', keyWorkerGender: 'female', newAppointmentTime: '13:00' });
    expect('errors' in moved && moved.errors.summary.map((item) => item.href)).toEqual([
      '#newAppointment-day',
      '#newAppointmentPlace',
    ]);
  });

  it('declines only with a reason', () => {
    expect(readDecline({ reason: '  No capacity  ' })).toEqual({ detail: 'No capacity' });
    const bare = readDecline({ reason: ' ' });
    expect('errors' in bare && bare.errors.summary.map((item) => item.href)).toEqual(['#reason']);
  });

  it('records the first appointment, a moved one with its new date and time', () => {
    expect(readOutcome({ outcome: 'not-attended' })).toEqual({ detail: { outcome: 'not-attended' } });
    const moved = readOutcome({
      outcome: 'moved',
      'movedTo-day': '10',
      'movedTo-month': '12',
      'movedTo-year': '2026',
      movedToTime: '13:00',
    });
    expect(moved).toEqual({
      detail: { outcome: 'moved', newAppointmentAt: expect.stringMatching(/^2026-12-10T13:00/) },
    });
    const undated = readOutcome({ outcome: 'moved' });
    expect('errors' in undated && undated.errors.summary.map((item) => item.href)).toEqual(['#movedTo-day']);
    const none = readOutcome({});
    expect('errors' in none && none.errors.summary.map((item) => item.href)).toEqual(['#outcome']);
  });
});
