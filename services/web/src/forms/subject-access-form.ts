import { formErrors, type Read } from './errors.js';
import { isPrisonNumber, typedPrisonNumber } from './identifiers.js';
import type { FormValues } from './values.js';

/** The prison number of the woman whose records are asked for, in any case and with any spaces she typed. */
export function readSubjectAccessForm(values: FormValues): Read<string> {
  const personId = typedPrisonNumber(values.personId);
  if (personId === '') return { errors: formErrors([{ field: 'personId', text: 'Enter her prison number' }]) };
  if (!isPrisonNumber(personId)) {
    const text = 'Prison number must be 1 letter, 4 numbers and 2 letters, like A1234BC';
    return { errors: formErrors([{ field: 'personId', text }]) };
  }
  return { detail: personId };
}
