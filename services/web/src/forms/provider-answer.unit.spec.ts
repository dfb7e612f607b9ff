import { describe, expect, it } from 'vitest';
import { readAcceptance, readDecline } from './provider-answer.js';

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
});
