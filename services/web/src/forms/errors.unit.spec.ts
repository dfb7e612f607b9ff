import { describe, expect, it } from 'vitest';
import { fieldsByPrefix, notYetKnown, problemErrors } from './errors.js';
import { readReleaseForm, ruleErrors } from './release-form.js';

describe('refusals as GOV.UK errors', () => {
  const field = fieldsByPrefix({ 'body.firstAppointment': 'appointment-day', 'body.firstAppointment.place': 'place' });

  it('maps the API’s fields to the form’s by the longest prefix', () => {
    expect(field('body.firstAppointment.at')).toBe('appointment-day');
    expect(field('firstAppointment.place')).toBe('place');
    expect(field('body.firstAppointmentX')).toBeUndefined();
  });

  it('puts each broken rule in the summary, linked to its field, and beside the field', () => {
    const errors = problemErrors(
      {
        status: 422,
        rule: 'FIRST_DOSE_GAP',
        violations: [{ rule: 'FIRST_DOSE_GAP', field: 'firstAppointment.at', message: 'She would miss a dose.' }],
      },
      field,
      'first',
    );
    expect(errors.summary).toEqual([{ text: 'She would miss a dose.', href: '#appointment-day' }]);
    expect(errors.fields['appointment-day']).toEqual({ text: 'She would miss a dose.' });
  });

  it('names the field of a 400 in words, and links a refusal naming no field to the first', () => {
    const invalid = problemErrors(
      {
        status: 400,
        errors: [{ field: 'body.firstAppointment.at', rule: 'format', message: 'must match format "date-time"' }],
      },
      field,
      'first',
    );
    expect(invalid.summary[0]?.href).toBe('#appointment-day');
    const bare = problemErrors({ status: 409, detail: 'Already scheduled' }, field, 'first');
    expect(bare.summary).toEqual([{ text: 'Already scheduled', href: '#first' }]);
  });

  it('says a release the service has not heard of yet is worth trying again, and leaves other refusals alone', () => {
    const unknown = {
      status: 400,
      errors: [{ field: 'body.releaseId', rule: 'known-release', message: 'unknown release' }],
    };
    expect(notYetKnown(unknown, 'transport', 'mode')?.summary).toEqual([
      { text: 'The transport service has not heard of this release yet. Try again in a minute.', href: '#mode' },
    ]);
    expect(notYetKnown({ status: 400, field: 'body.mode' }, 'transport', 'mode')).toBeUndefined();
    expect(notYetKnown({ status: 422, field: 'body.releaseId' }, 'transport', 'mode')).toBeUndefined();
  });

  it('explains a release rule in plain words, on the field it is about', () => {
    const late = ruleErrors({ status: 422, rule: 'LATE_GATE_TIME', detail: 'The window closes at 12:00.' });
    expect(late.summary[0]).toEqual({
      text: 'The gate time is after the prison’s release window closes, so she would arrive too late in the day. The window closes at 12:00.',
      href: '#gateTime',
    });
    expect(ruleErrors({ status: 422, rule: 'FRIDAY_RELEASE', detail: '' }).summary[0]?.href).toBe(
      '#legalReleaseDate-day',
    );
  });
});

describe('the release form', () => {
  const filled = {
    personId: 'a1234bc',
    probationRegion: 'South West',
    'legalReleaseDate-day': '11',
    'legalReleaseDate-month': '12',
    'legalReleaseDate-year': '2026',
    gateTime: '9.30',
    sentenceLengthDays: '180',
    daysServedSinceSentence: '90',
    eligibility: 'homeDetentionCurfew',
  };

  it('reads what she typed into the API’s request', () => {
    expect(readReleaseForm(filled)).toEqual({
      request: {
        personId: 'A1234BC',
        probationRegion: 'South West',
        legalReleaseDate: '2026-12-11',
        gateTime: '09:30',
        releaseFrom: 'PRISON',
        sentenceLengthDays: 180,
        eligibility: {
          homeDetentionCurfew: true,
          indeterminateSentence: false,
          paroleBoardRelease: false,
          daysServedSinceSentence: 90,
        },
      },
    });
  });

  it('asks again for each field it cannot read, sending nothing', () => {
    const read = readReleaseForm({
      ...filled,
      'legalReleaseDate-day': '31',
      'legalReleaseDate-month': '2',
      gateTime: '25:00',
    });
    expect('errors' in read && read.errors.summary.map((item) => item.href)).toEqual([
      '#legalReleaseDate-day',
      '#gateTime',
    ]);
  });
});
