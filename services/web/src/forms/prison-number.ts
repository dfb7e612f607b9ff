import { PersonId } from '@resettle/contracts';

const PRISON_NUMBER = new RegExp(PersonId.pattern ?? '^$');

/** Whether a value is a prison number as the contracts define it (1 letter, 4 numbers, 2 letters: A1234BC). */
export function isPrisonNumber(value: string): boolean {
  return PRISON_NUMBER.test(value);
}
