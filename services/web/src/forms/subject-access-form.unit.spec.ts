import { describe, expect, it } from 'vitest';
import { readSubjectAccessForm } from './subject-access-form.js';

describe('the subject access form', () => {
  it('reads her prison number in capitals, without the spaces she typed', () => {
    expect(readSubjectAccessForm({ personId: ' a1234 bc ' })).toEqual({ detail: 'A1234BC' });
  });

  it('asks for a prison number when there is none', () => {
    expect(readSubjectAccessForm({ personId: '  ' })).toEqual({
      errors: {
        summary: [{ text: 'Enter her prison number', href: '#personId' }],
        fields: { personId: { text: 'Enter her prison number' } },
      },
    });
    expect(readSubjectAccessForm({})).toHaveProperty('errors.summary.0.text', 'Enter her prison number');
  });

  it('names the format when the prison number is not one', () => {
    for (const personId of ['A123BC', '1234ABC', 'A1234B', 'A1234BCD', 'AB1234C']) {
      expect(readSubjectAccessForm({ personId })).toHaveProperty('errors.summary', [
        { text: 'Prison number must be 1 letter, 4 numbers and 2 letters, like A1234BC', href: '#personId' },
      ]);
    }
  });
});
